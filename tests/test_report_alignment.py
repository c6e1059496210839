"""Another outlet's text of a stored statement, aligned with its claims and added as a report."""

import io
from datetime import date

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction

from statements.articles.quote_matching import (
    SIMILAR,
    Found,
    Known,
    match_quotations,
    match_words,
    similarity,
)
from statements.articles.report_alignment import add_as_report, align_report
from statements.articles.source import ArticleError
from statements.models import (
    Claim,
    ClaimKind,
    Evidence,
    Report,
    Statement,
    StatementStatus,
    Wording,
    evidence_text,
)
from tests.factories import make_official, make_outlet
from tests.test_importer import INTERVIEW

# A second report of the interview in tests/test_importer.py, written for these tests: one
# quotation word for word, one with a word changed, one the first report does not give, and a
# reported position in other words.
SECOND_REPORT = """\
 date 2024-05-03
SOFIA (Evening Post) – The bridge over the Danube will open next spring, Ana Petrova told \
Radio Danube.

"We will not delay the bridge again," Petrova said. "The money is there, and the workers are \
ready."

"Tolls will stay low for the people who live along the river," the minister promised.
"""

STORED_QUOTES = {
    "exact": "We will not delay the bridge again",
    "near": "The money is there, and the builders are ready",
}


def import_article(path) -> str:
    out = io.StringIO()
    call_command("import_article", str(path), stdout=out)
    return out.getvalue()


@pytest.fixture
def stored(db, tmp_path):
    """The interview imported by the command, then published, as a reviewer would."""
    make_outlet("Daily Courier")
    make_outlet("Radio Danube")
    make_official("Ana Petrova", aliases="Petrova\nthe transport minister")
    path = tmp_path / "interview.txt"
    path.write_text(INTERVIEW, encoding="utf-8")
    import_article(path)
    statement = Statement.objects.get()
    Statement.objects.filter(pk=statement.pk).update(status=StatementStatus.PUBLISHED)
    statement.refresh_from_db()
    return statement


def claim_quoting(statement: Statement, words: str) -> Claim:
    return next(claim for claim in statement.claims.all() if claim.quote == words)


def test_the_same_words_and_a_word_changed_are_matched_a_new_quotation_proposed(stored):
    alignment = align_report(stored, SECOND_REPORT)
    matched = {item.claim.quote: item for item in alignment.matched}
    exact = matched[STORED_QUOTES["exact"]]
    assert (exact.quote, exact.agrees) == ("We will not delay the bridge again", True)
    assert SECOND_REPORT[exact.span_start : exact.span_end] == exact.quote
    near = matched[STORED_QUOTES["near"]]
    # The closing full stop the stored words do not have is left out: only "workers" differs.
    assert (near.quote, near.agrees) == ("The money is there, and the workers are ready", False)
    assert SECOND_REPORT[near.span_start : near.span_end] == near.quote
    proposed = [(item.kind, item.quote) for item in alignment.proposed]
    assert (
        ClaimKind.QUOTE,
        "Tolls will stay low for the people who live along the river",
    ) in proposed
    # Nothing was written.
    assert Report.objects.count() == 1 and Evidence.objects.count() == stored.claims.count()


def test_adding_the_report_stores_evidence_proposes_claims_and_sends_it_to_review(stored):
    claims_before = stored.claims.count()
    courier = make_outlet("Evening Post")
    report = add_as_report(
        stored,
        SECOND_REPORT,
        outlet=courier,
        source_url="https://example.com/second",
        published_on=date(2024, 5, 3),
        dateline="SOFIA",
    )
    stored.refresh_from_db()
    assert stored.status == StatementStatus.IN_REVIEW and stored.version == 2
    assert (report.order, report.outlet, report.dateline) == (1, courier, "SOFIA")
    assert [r.pk for r in stored.reports.all()][-1] == report.pk
    assert [outlet.name for outlet in stored.reporting_outlets] == ["Daily Courier", "Evening Post"]
    exact = claim_quoting(stored, STORED_QUOTES["exact"])
    near = claim_quoting(stored, STORED_QUOTES["near"])
    assert (exact.wording, near.wording) == (Wording.AGREES, Wording.DIFFERS)
    new = stored.claims.filter(evidence_spans__report=report, evidence_spans__is_main=True)
    assert stored.claims.count() == claims_before + new.count() and new.count() >= 1
    for claim in new:
        assert claim.summary == "" and claim.main_evidence.report == report
        assert claim.order > claims_before
    for evidence in Evidence.objects.filter(report=report):
        evidence.full_clean()
        assert evidence.quote in ("", SECOND_REPORT[evidence.span_start : evidence.span_end])


def test_the_new_evidence_is_the_reports_text_as_the_database_cuts_it(stored):
    report = add_as_report(stored, SECOND_REPORT)
    cut = Evidence.objects.filter(report=report).annotate(words=evidence_text(""))
    assert cut.count() >= 3
    for evidence in cut:
        assert evidence.words == SECOND_REPORT[evidence.span_start : evidence.span_end]
        assert evidence.quote in ("", evidence.words)
    # The database itself refuses evidence whose quote is not the text at its span.
    claim = claim_quoting(stored, STORED_QUOTES["exact"])
    with pytest.raises(IntegrityError), transaction.atomic():
        Evidence.objects.filter(claim=claim, report=report).update(quote="We will delay the bridge")


@pytest.mark.parametrize(
    "copy",
    [lambda text: text, lambda text: text.replace("\n", "\r\n"), lambda text: "\ufeff" + text],
    ids=["same", "crlf", "bom"],
)
def test_a_text_already_stored_is_refused_and_nothing_changes(stored, copy):
    counts = (Report.objects.count(), Claim.objects.count(), Evidence.objects.count())
    with pytest.raises(
        ArticleError, match=rf"already stored, as a report of statement #{stored.pk}"
    ):
        add_as_report(stored, copy(INTERVIEW))
    assert (Report.objects.count(), Claim.objects.count(), Evidence.objects.count()) == counts
    stored.refresh_from_db()
    assert stored.status == StatementStatus.PUBLISHED


def test_the_second_report_once_added_is_refused_the_second_time(stored):
    add_as_report(stored, SECOND_REPORT)
    with pytest.raises(ArticleError, match="already stored"):
        add_as_report(stored, SECOND_REPORT)
    assert stored.reports.count() == 2


def test_a_draft_stays_a_draft_and_the_history_names_the_editor(stored, django_user_model):
    Statement.objects.filter(pk=stored.pk).update(status=StatementStatus.DRAFT)
    editor = django_user_model.objects.create_user("editor", password="x")
    report = add_as_report(stored, SECOND_REPORT, user=editor)
    stored.refresh_from_db()
    assert stored.status == StatementStatus.DRAFT
    assert report.history.get().history_user == editor
    assert {e.history_user for e in Evidence.history.filter(report_id=report.pk)} == {editor}


def test_nothing_is_stored_when_a_step_fails(stored, monkeypatch):
    from statements.articles import report_alignment  # noqa: PLC0415

    def fail(*args, **kwargs):
        raise IntegrityError("refused")

    monkeypatch.setattr(report_alignment, "store_proposed", fail)
    counts = (Report.objects.count(), Claim.objects.count(), Evidence.objects.count())
    with pytest.raises(IntegrityError):
        add_as_report(stored, SECOND_REPORT)
    assert (Report.objects.count(), Claim.objects.count(), Evidence.objects.count()) == counts
    stored.refresh_from_db()
    assert stored.status == StatementStatus.PUBLISHED
    assert set(Claim.objects.values_list("wording", flat=True)) == {Wording.SINGLE_SOURCE}


def test_a_field_the_report_cannot_hold_is_refused_with_its_message(stored):
    with pytest.raises(ArticleError, match="Enter a valid URL"):
        add_as_report(stored, SECOND_REPORT, source_url="not a web address")
    assert stored.reports.count() == 1


def test_a_text_quoting_nobody_adds_a_report_without_claims(stored):
    text = " date 2024-05-03\nThe bridge over the Danube has been in the news all week.\n"
    claims = stored.claims.count()
    report = add_as_report(stored, text)
    assert report.evidence_spans.count() == 0 and stored.claims.count() == claims


# The pairing itself, on words alone.


def words(text: str) -> list[str]:
    return match_words(text)


def test_the_same_words_in_another_typesetting_score_one():
    first = words("“We will not delay the bridge again,”")
    assert similarity(first, words('"we will not delay the bridge again."'))[0] == 1.0


def test_a_word_changed_is_nearly_the_same_and_a_negation_is_not():
    stored = words("The money is there, and the builders are ready")
    assert similarity(words("The money is there, and the workers are ready"), stored)[0] >= SIMILAR
    assert similarity(words("The money is not there, and the builders are ready"), stored)[0] == 0


def test_a_partial_quote_is_matched_and_a_longer_one_narrowed_to_the_claims_words():
    stored = "We will not delay the bridge again"
    text = 'She said: "Tolls will stay low. We will not delay the bridge again, whatever happens."'
    start = text.index("Tolls")
    found = [Found(start, text.index('."'), "quote")]
    pairing = match_quotations(text, found, [Known("claim", (stored,))])
    [match] = pairing.matches
    assert text[match.start : match.end] == "We will not delay the bridge again"
    partial = "the builders are ready"
    assert (
        similarity(words("and the builders are ready"), words(partial + " to start"))[0] >= SIMILAR
    )


def test_one_long_quotation_gives_two_claims_their_own_words_and_parts_are_not_new():
    text = (
        '"The tender closes in June and twelve firms have applied. '
        'Tolls will stay low for drivers from Varna," she said. "Twelve firms have applied," '
        "she repeated."
    )
    found = [
        Found(1, text.index('," she said'), "quote"),
        Found(text.index("Twelve"), text.rindex(',"'), "quote"),
    ]
    known = [
        Known("tender", ("the tender closes in June and twelve firms have applied",)),
        Known("tolls", ("Tolls will stay low for drivers from Varna",)),
    ]
    pairing = match_quotations(text, found, known)
    spans = {match.key: text[match.start : match.end] for match in pairing.matches}
    assert spans == {
        "tender": "The tender closes in June and twelve firms have applied",
        "tolls": "Tolls will stay low for drivers from Varna",
    }
    assert pairing.covered == {1}  # a part of the tender claim, whose evidence is given


def test_the_command_measures_the_pairing_on_the_evaluation_set():
    out = io.StringIO()
    call_command("import_article", "--evaluate-alignment", stdout=out)
    output = out.getvalue()
    used = next(line for line in output.splitlines() if "(used)" in line)
    cells = [cell.strip() for cell in used.strip("|").split("|")]
    right, matched = map(int, cells[1].split("/"))
    found, positions = map(int, cells[3].split("/"))
    new_proposed, new = map(int, cells[5].split("/"))
    assert positions >= 30 and new >= 19
    assert right / matched >= 0.9 and found / positions >= 0.75 and new_proposed / new >= 0.9
