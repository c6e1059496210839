"""The article importer: what it reads in a text, and what the import command stores."""

import io
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from statements.articles.proposal import read_article
from statements.articles.recall import seed_recall
from statements.articles.source import MAX_ARTICLE_BYTES, ArticleError, decode_article
from statements.articles.speakers import Speaker
from statements.models import (
    Claim,
    ClaimKind,
    Evidence,
    Outlet,
    Report,
    Statement,
    StatementStatus,
    Wording,
)
from tests.factories import make_official, make_outlet, make_statement

PETROVA = Speaker("Ana Petrova", ("Petrova", "the transport minister"))
OUTLETS = ["Daily Courier", "Radio Danube"]

INTERVIEW = """\
 date 2024-05-02
VARNA, May 2 (Daily Courier) – Transport minister Ana Petrova said in an interview with Radio \
Danube that the new bridge would open next spring.

“We will not delay the bridge again,” Petrova said. «The money is there, and the builders are \
ready», she added.

"Critics call it a "white elephant", but they said the same about the 'ring road' too," the \
minister said.

Opposition leader Ivan Kolev said that the plan was reckless. "It is a waste of public money," \
he said.

He also warned that costs would rise.

According to Petrova, the tender will close in June. She noted that twelve firms had applied.

"Nobody will be able to say we did not listen.

"We held forty hearings in every town along the route," she said.

Petrova ended with a warning: "If the budget is cut, the bridge will wait another decade
"""

OCCASIONS = """\
 date 2024-05
Ana Petrova has defended the bridge for years, the Daily Courier reports.

In March 2019, Petrova said: "The bridge will be finished within five years."

In 2016 she said that the state could not afford a new crossing. She added that the ferry was \
enough for now.

"The ferry served us well," Petrova told Radio Danube on 12 May 2018.

This week the transport minister stressed that tolls would stay low for local drivers.
"""


def claims_of(text: str, **options) -> list[tuple[str, str]]:
    reading = read_article(text, PETROVA, OUTLETS, **options)
    statement = reading.statements[0]
    return [(c.kind, statement.source_text[c.span_start : c.span_end]) for c in statement.claims]


def test_curly_straight_and_guillemet_quotations_are_quoted_exactly():
    quotes = [words for kind, words in claims_of(INTERVIEW) if kind == ClaimKind.QUOTE]
    assert "We will not delay the bridge again" in quotes
    assert "The money is there, and the builders are ready" in quotes


def test_nested_quotation_marks_stay_inside_the_quotation():
    quotes = [words for kind, words in claims_of(INTERVIEW) if kind == ClaimKind.QUOTE]
    expected = (
        "Critics call it a \"white elephant\", but they said the same about the 'ring road' too"
    )
    assert expected in quotes


def test_a_quotation_runs_on_into_a_paragraph_that_reopens_it():
    quotes = [words for kind, words in claims_of(INTERVIEW) if kind == ClaimKind.QUOTE]
    expected = (
        "Nobody will be able to say we did not listen.\n\n"
        '"We held forty hearings in every town along the route'
    )
    assert expected in quotes


def test_a_final_quotation_the_article_never_closes_runs_to_its_end():
    kind, words = claims_of(INTERVIEW)[-1]
    assert (kind, words) == (
        ClaimKind.QUOTE,
        "If the budget is cut, the bridge will wait another decade",
    )


def test_reported_positions_are_paraphrases_over_the_reported_words():
    paraphrases = [words for kind, words in claims_of(INTERVIEW) if kind == ClaimKind.PARAPHRASE]
    assert paraphrases == [
        "the new bridge would open next spring",
        "the tender will close in June",
        "twelve firms had applied",
    ]


def test_someone_else_quoted_and_their_pronoun_follow_ups_are_left_out():
    everything = " ".join(words for _, words in claims_of(INTERVIEW))
    assert "reckless" not in everything
    assert "waste of public money" not in everything
    assert "costs would rise" not in everything


def test_a_pronoun_follow_up_goes_to_the_official_named_before_it():
    text = (
        " date 2024-05-02\nPetrova said that the bridge would open in spring.\n\n"
        "He also emphasized that the budget was secured. Work continues around the clock.\n\n"
        "According to him, tolls will stay low for local drivers."
    )
    assert claims_of(text) == [
        (ClaimKind.PARAPHRASE, "the bridge would open in spring"),
        (ClaimKind.PARAPHRASE, "the budget was secured"),
        (ClaimKind.PARAPHRASE, "Work continues around the clock."),
        (ClaimKind.PARAPHRASE, "tolls will stay low for local drivers"),
    ]


def test_spans_are_offsets_into_the_text_as_received_date_line_included():
    reading = read_article(INTERVIEW, PETROVA, OUTLETS)
    statement = reading.statements[0]
    assert statement.source_text == INTERVIEW
    for claim in statement.claims:
        assert claim.quote in ("", INTERVIEW[claim.span_start : claim.span_end])
        if claim.kind == ClaimKind.PARAPHRASE:
            assert claim.summary.endswith(".") and claim.summary[0].isupper()
        else:
            # A first-person quote is never proposed as a summary (issue 12, item 9).
            assert claim.summary == ""


def test_date_line_dateline_outlets_venue_and_kind_are_read():
    reading = read_article(INTERVIEW, PETROVA, OUTLETS)
    statement = reading.statements[0]
    assert (statement.date, statement.date_precision) == (date(2024, 5, 2), "day")
    assert reading.dateline == "VARNA"
    assert reading.reporting_outlet == "Daily Courier"
    assert (statement.kind, statement.venue) == ("interview", "Radio Danube")
    assert statement.headline.startswith("Interview with Radio Danube: The new bridge")


def test_a_month_only_date_line_gives_a_month_precision_date_on_the_first():
    statement = read_article(OCCASIONS, PETROVA, OUTLETS).statements[0]
    assert (statement.date, statement.date_precision) == (date(2024, 5, 1), "month")


def test_each_earlier_occasion_becomes_a_statement_at_the_precision_the_text_gives():
    statements = read_article(OCCASIONS, PETROVA, OUTLETS).statements
    dated = [(s.date, s.date_precision, len(s.claims)) for s in statements]
    assert dated == [
        (date(2024, 5, 1), "month", 1),
        (date(2016, 1, 1), "year", 2),
        (date(2018, 5, 12), "day", 1),
        (date(2019, 3, 1), "month", 1),
    ]
    radio = statements[2]
    assert radio.venue == "Radio Danube"
    assert (
        radio.source_text == '"The ferry served us well," Petrova told Radio Danube on 12 May 2018.'
    )
    claim = radio.claims[0]
    assert radio.source_text[claim.span_start : claim.span_end] == claim.quote


def test_plain_text_without_a_date_line_needs_a_date():
    with pytest.raises(ArticleError, match="no date line"):
        read_article("Petrova said that the trains would run on time.", PETROVA)


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "empty"),
        (b"  \n\n ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("Petrova said “yes”".encode("cp1252"), "not UTF-8"),
        (b"Petrova \x01\x02\x03\x04 said", "control character"),
        (b"x" * (MAX_ARTICLE_BYTES + 1), "the limit is 2 MB"),
    ],
)
def test_bad_input_is_refused_with_a_clear_reason(data, problem):
    with pytest.raises(ArticleError, match=problem):
        decode_article(data)


# The command, against the database.


def import_article(*args: str) -> str:
    out = io.StringIO()
    call_command("import_article", *args, stdout=out)
    return out.getvalue()


def article_file(tmp_path, text: str, name: str = "article.txt"):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return str(path)


@pytest.fixture
def petrova(db):
    make_outlet("Daily Courier")
    make_outlet("Radio Danube")
    return make_official("Ana Petrova", aliases="Petrova\nthe transport minister")


def test_the_command_stores_drafts_with_their_claims(tmp_path, petrova):
    output = import_article(article_file(tmp_path, INTERVIEW), "--url", "https://example.com/a")
    statement = Statement.objects.get()
    report = Report.objects.get()
    assert "Stored 1 draft statement(s) with 8 claim(s)" in output
    assert statement.status == StatementStatus.DRAFT
    assert statement.official == petrova and report.statement == statement
    assert report.source_text == INTERVIEW and report.order == 0 and not report.is_primary
    assert (statement.venue.name, report.outlet.name) == ("Radio Danube", "Daily Courier")
    assert report.dateline == "VARNA" and report.source_url == "https://example.com/a"
    assert report.published_on == date(2024, 5, 2)
    assert [claim.order for claim in statement.claims.all()] == list(range(1, 9))
    for claim in statement.claims.all():
        # A direct quote's summary is left empty for the editor to write (issue 12, item 9).
        claim.full_clean()
        assert (claim.summary == "") == (claim.kind == ClaimKind.QUOTE)
        [evidence] = claim.evidence_spans.all()
        evidence.full_clean()
        assert evidence.is_main and evidence.report == report
        assert evidence.quote in ("", INTERVIEW[evidence.span_start : evidence.span_end])
        assert (evidence.quote != "") == (claim.kind == ClaimKind.QUOTE)
        assert claim.wording == Wording.SINGLE_SOURCE
    assert statement.history.count() == 1 and report.history.count() == 1
    assert Claim.history.count() == 8 and Evidence.history.count() == 8


def test_a_dry_run_shows_the_proposal_and_stores_nothing(tmp_path, petrova):
    output = import_article(article_file(tmp_path, INTERVIEW), "--dry-run")
    assert "Statement of 2024-05-02 (day), interview, venue Radio Danube" in output
    assert "  quote " in output and "Dry run: nothing stored." in output
    assert Statement.objects.count() == 0


def test_importing_the_same_article_again_stores_nothing_and_says_so(tmp_path, petrova):
    path = article_file(tmp_path, INTERVIEW)
    import_article(path)
    counts = (Statement.objects.count(), Claim.objects.count(), Outlet.objects.count())
    output = import_article(path)
    stored = Statement.objects.get()
    assert f"Already imported as statement #{stored.pk}" in output and "nothing changed" in output
    assert (Statement.objects.count(), Claim.objects.count(), Outlet.objects.count()) == counts
    assert Report.objects.count() == 1 and Evidence.objects.count() == Claim.objects.count()


def test_earlier_occasions_are_stored_as_separate_drafts(tmp_path, petrova):
    import_article(article_file(tmp_path, OCCASIONS))
    dates = sorted(Statement.objects.values_list("date", "date_precision"))
    assert dates == [
        (date(2016, 1, 1), "year"),
        (date(2018, 5, 12), "day"),
        (date(2019, 3, 1), "month"),
        (date(2024, 5, 1), "month"),
    ]
    assert set(Statement.objects.values_list("status", flat=True)) == {StatementStatus.DRAFT}
    # Each occasion's passage is a report of its own statement; only the whole article is
    # published on the date line's day.
    assert Report.objects.count() == 4
    assert Report.objects.get(source_text=OCCASIONS).published_on is None  # a month-dated line
    assert import_article(article_file(tmp_path, OCCASIONS)).startswith("Already imported")


def test_another_outlets_report_of_a_stored_statement_is_refused_without_force(tmp_path, petrova):
    stored = make_statement(
        petrova,
        date=date(2024, 5, 2),
        venue=Outlet.objects.get(name="Radio Danube"),
        headline="Interview with Radio Danube about the bridge",
    )
    other_report = INTERVIEW.replace("(Daily Courier)", "(Evening Post)")
    path = article_file(tmp_path, other_report)
    with pytest.raises(CommandError) as refusal:
        import_article(path)
    message = str(refusal.value)
    assert (
        f"#{stored.pk}" in message and f"/admin/statements/statement/{stored.pk}/change/" in message
    )
    assert f"/statements/{stored.pk}/" in message and "--force" in message
    assert (
        Statement.objects.count() == 1 and not Outlet.objects.filter(name="Evening Post").exists()
    )
    import_article(path, "--force")
    forced = Statement.objects.exclude(pk=stored.pk).get()
    assert forced.main_report.outlet.slug == "evening-post"


def test_a_statement_on_another_day_or_at_another_venue_is_no_duplicate(tmp_path, petrova):
    make_statement(petrova, date=date(2024, 5, 2), venue=make_outlet("Channel Nine"))
    make_statement(petrova, date=date(2024, 5, 3), source_text="Another text entirely.")
    import_article(article_file(tmp_path, INTERVIEW))
    assert Statement.objects.count() == 3


def test_options_fill_in_what_the_text_does_not_say(tmp_path, petrova):
    text = "Petrova said that the trains would run on time from June.\nPassengers welcomed it."
    courier = Outlet.objects.get(name="Daily Courier")
    import_article(
        article_file(tmp_path, text),
        *("--date", "2024-06", "--outlet", "daily-courier", "--venue", "Radio Danube"),
        *("--kind", "press_conference", "--official", "ana-petrova"),
    )
    statement = Statement.objects.get()
    assert (statement.date, statement.date_precision) == (date(2024, 6, 1), "month")
    assert statement.main_report.outlet == courier and statement.venue.name == "Radio Danube"
    assert statement.main_report.published_on is None  # a month is no day of publication
    assert statement.kind == "press_conference"
    assert (
        statement.headline
        == "Press conference with Radio Danube: The trains would run on time from June"
    )


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "The article is empty"),
        (b"Petrova said that the trains would run on time.", "no date line"),
        (b"\x00\x01\x02\x03 binary \xff\xfe", "binary file"),
        (b" date 2024-05-02\nPetrova said \xe9t\xe9 \x93yes\x94.", "not UTF-8"),
        (b" date 2024-13-45\nPetrova said that it would work.", "impossible date"),
    ],
)
def test_bad_input_is_a_command_error_and_changes_nothing(tmp_path, petrova, content, problem):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(CommandError, match=problem):
        import_article(str(path))
    assert Statement.objects.count() == 0 and Outlet.objects.count() == 2


def test_a_50_mb_file_is_refused_before_it_is_read(tmp_path, petrova):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    with pytest.raises(CommandError, match=r"50\.0 MB; the limit is 2 MB"):
        import_article(str(path))
    assert Statement.objects.count() == 0


def test_an_article_naming_no_known_official_asks_for_one(tmp_path, petrova):
    text = " date 2024-05-02\nKolev said that the plan was reckless."
    with pytest.raises(CommandError, match="No official in the database is named"):
        import_article(article_file(tmp_path, text))


def test_the_official_named_most_often_is_chosen(tmp_path, petrova):
    # Every official quoted now gets a draft (issue 13); the one named most often holds the
    # whole article, the other the passage that reports them.
    kolev = make_official("Ivan Kolev", aliases="Kolev")
    import_article(article_file(tmp_path, INTERVIEW))
    assert Statement.objects.get(reports__source_text=INTERVIEW).official == petrova
    assert "reckless" in Statement.objects.get(official=kolev).main_report.source_text


# Recall on the curated seed articles, read as fresh text.


def test_the_importer_finds_at_least_nine_in_ten_curated_seed_claims():
    results = seed_recall()
    matched = sum(result.matched for result in results)
    total = sum(result.total for result in results)
    assert total >= 25
    assert matched / total >= 0.9, [result.missed for result in results]
    assert all(result.matched_same_kind == result.matched for result in results)


def test_the_command_prints_the_recall_figure():
    output = import_article("--recall")
    assert "Recall on the seed articles: " in output
    assert "004_9734b823c9ffa713.txt:" in output and "000_596cf3992b7bd5fc.txt:" in output
