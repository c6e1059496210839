"""The import command: many files, bounded reads, dates in range, caps, several speakers, no
empty draft stored silently, duplicates that can be trusted."""

import io
import os
import threading
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from statements.articles import importer
from statements.models import (
    Claim,
    Evidence,
    Official,
    Outlet,
    Report,
    Statement,
    StatementStatus,
)
from statements.wording import wording_of
from tests.factories import make_official, make_outlet, make_statement
from tests.test_importer import INTERVIEW

AGENCY = """\
 date 2024-11-05
BAKU, Azerbaijan, November 5 (Caspian Wire) – Spokeswoman Leyla Gasimova said in an interview \
with the Baltic Review that climate finance must reach developing countries.

"Promises without money have lost their meaning for the countries that suffer most," Gasimova \
said.
"""

SECOND_OUTLET = """\
 date 2024-11-06
Presidential spokeswoman Leyla Qasımova has underlined that climate finance must reach the \
developing world.

"Promises without money have lost their meaning for the countries that suffer most," she said, \
the Eastern Times reports.
"""


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("import_article", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def write(tmp_path, name: str, text: str | bytes) -> str:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return str(path)


@pytest.fixture
def petrova(db):
    make_outlet("Daily Courier")
    make_outlet("Radio Danube")
    return make_official("Ana Petrova", aliases="Petrova\nthe transport minister")


@pytest.fixture
def gasimova(db):
    make_outlet("Caspian Wire")
    make_outlet("Baltic Review")
    return make_official("Leyla Gasimova")


def test_many_files_are_imported_and_each_is_reported(tmp_path, petrova, gasimova):
    first, second = write(tmp_path, "a.txt", INTERVIEW), write(tmp_path, "b.txt", AGENCY)
    output = run(first, second)
    assert f"== {first}" in output and f"== {second}" in output
    assert output.count("Stored ") == 2
    assert set(Statement.objects.values_list("official__name", flat=True)) == {
        "Ana Petrova",
        "Leyla Gasimova",
    }
    again = run(first, second)
    assert again.count("Already imported as statement #") == 2


def test_the_exit_status_says_whether_any_file_was_refused(tmp_path, petrova):
    good = write(tmp_path, "good.txt", INTERVIEW)
    undated = write(tmp_path, "undated.txt", "Petrova said that the trains would run on time.")
    with pytest.raises(CommandError, match=r"1 of 2 articles refused: .*undated\.txt"):
        run(good, undated)
    assert Statement.objects.count() == 1


def test_the_no_date_line_error_names_the_date_option(tmp_path, petrova):
    path = write(tmp_path, "undated.txt", "Petrova said that the trains would run on time.")
    with pytest.raises(CommandError, match="--date"):
        run(path)


def test_a_device_or_pipe_is_read_no_further_than_the_limit(petrova):
    with pytest.raises(CommandError, match="longer than 2 MB"):
        run("/dev/zero")
    assert Statement.objects.count() == 0


def test_a_fifo_is_a_bounded_read_too(tmp_path, petrova):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)

    def write_too_much() -> None:
        try:
            with open(fifo, "wb") as handle:
                handle.write(b"x" * (3 * 1024 * 1024))
        except BrokenPipeError:
            pass  # the reader stopped at the limit, as it should

    writer = threading.Thread(target=write_too_much)
    writer.start()
    try:
        with pytest.raises(CommandError, match="longer than 2 MB"):
            run(str(fifo))
    finally:
        writer.join(timeout=5)
    assert not writer.is_alive()


@pytest.mark.parametrize(
    ("first_line", "option"),
    [(" date 0001-01-01", []), (" date 9999-12-31", []), (" date 2024-05-02", ["--date", "1850"])],
)
def test_dates_outside_1900_to_next_year_are_refused(tmp_path, petrova, first_line, option):
    path = write(tmp_path, "a.txt", f"{first_line}\nPetrova said that the trains would run.")
    with pytest.raises(CommandError, match=r"out of range: dates from 1900 through \d{4}"):
        run(path, *option)
    assert Statement.objects.count() == 0


def test_an_article_of_too_many_claims_is_refused(tmp_path, petrova, monkeypatch):
    monkeypatch.setattr(importer, "MAX_CLAIMS", 5)
    with pytest.raises(CommandError, match="gives 8 claims; at most 5 are imported at once"):
        run(write(tmp_path, "a.txt", INTERVIEW))
    assert Statement.objects.count() == 0


def test_no_empty_draft_is_stored_unless_asked(tmp_path, petrova):
    text = " date 2024-05-02\nPetrova opened the new bridge in Varna on Thursday."
    path = write(tmp_path, "a.txt", text)
    with pytest.raises(CommandError, match="No quotation or reported position of Ana Petrova"):
        run(path)
    assert Statement.objects.count() == 0
    output = run(path, "--allow-empty")
    assert "Warning: No quotation or reported position" in output
    assert "--official" in output and "--allow-empty" in output
    assert Statement.objects.get().claims.count() == 0


def test_every_official_quoted_gets_a_draft_and_official_narrows(tmp_path, petrova):
    kolev = make_official("Ivan Kolev", aliases="Kolev")
    path = write(tmp_path, "a.txt", INTERVIEW)
    narrowed = run(path, "--official", "ivan-kolev", "--dry-run")
    assert "by Ivan Kolev" in narrowed and "by Ana Petrova" not in narrowed
    output = run(path)
    assert "Stored 2 draft statement(s)" in output
    assert Statement.objects.get(official=petrova).main_report.source_text == INTERVIEW
    kolev_report = Statement.objects.get(official=kolev).main_report
    assert "reckless" in kolev_report.source_text
    assert kolev_report.dateline == ""  # a passage has no dateline of its own


def test_a_job_title_is_never_made_an_outlet(tmp_path, gasimova):
    text = (
        " date 2024-11-05\nInterview with Foreign Policy Advisor Leyla Gasimova\n\n"
        "Gasimova said in an interview with Presidential Spokeswoman Office that finance is "
        "needed for the developing world."
    )
    outlets, officials = Outlet.objects.count(), Official.objects.count()
    output = run(write(tmp_path, "a.txt", text))
    assert "is not a stored outlet and does not look like one" in output
    assert (Outlet.objects.count(), Official.objects.count()) == (outlets, officials)
    assert Statement.objects.get().venue is None


def test_a_known_outlet_is_recognised_by_its_web_domain(tmp_path, gasimova):
    make_outlet("Trend", homepage="https://en.trend.az/")
    text = AGENCY.replace("(Caspian Wire) ", "") + "\ntrend.az\n"
    run(write(tmp_path, "a.txt", text))
    assert Statement.objects.get().main_report.outlet.name == "Trend"


@pytest.mark.parametrize(
    "copy",
    [
        lambda text: text.replace("\n", "\r\n"),
        lambda text: "\ufeff" + text,
        lambda text: text.replace(" – ", "  –  ").replace("\n\n", "\n\n\n") + "\n  \n",
    ],
    ids=["crlf", "bom", "whitespace"],
)
def test_a_copy_differing_in_line_ends_spacing_or_bom_is_already_imported(tmp_path, gasimova, copy):
    run(write(tmp_path, "a.txt", AGENCY))
    stored = Statement.objects.get()
    output = run(write(tmp_path, "copy.txt", copy(AGENCY)))
    assert f"Already imported as statement #{stored.pk}" in output
    assert Statement.objects.count() == 1 and Claim.objects.count() == 2
    assert Report.objects.count() == 1


def test_a_second_outlets_report_a_day_later_is_a_likely_duplicate(tmp_path, gasimova):
    run(write(tmp_path, "a.txt", AGENCY))
    stored = Statement.objects.get()
    with pytest.raises(
        CommandError, match=rf"Likely a report of what is already stored: #{stored.pk}"
    ):
        run(write(tmp_path, "b.txt", SECOND_OUTLET))
    assert Statement.objects.count() == 1
    run(write(tmp_path, "b.txt", SECOND_OUTLET), "--force")
    assert Statement.objects.count() == 2


def test_a_second_outlets_report_dated_to_the_month_is_a_likely_duplicate(tmp_path, gasimova):
    run(write(tmp_path, "a.txt", AGENCY))
    month_dated = SECOND_OUTLET.replace(" date 2024-11-06", " date 2024-11")
    with pytest.raises(CommandError, match="Likely a report"):
        run(write(tmp_path, "b.txt", month_dated))


def test_unrelated_month_dated_pieces_are_not_flagged(tmp_path, petrova):
    make_statement(
        petrova,
        date=date(2024, 5, 1),
        date_precision="month",
        venue=None,
        source_text="Petrova said in May that the ferry timetable would change next year.",
    )
    text = " date 2024-05\nPetrova said that the new bridge would be lit by solar lamps."
    output = run(write(tmp_path, "a.txt", text))
    assert "Stored 1 draft" in output and Statement.objects.count() == 2


def test_someone_quoted_with_a_title_who_is_not_stored_is_named_not_created(tmp_path, petrova):
    officials = Official.objects.count()
    output = run(write(tmp_path, "a.txt", INTERVIEW), "--dry-run")
    assert "Also quoted, but not a stored official: Ivan Kolev (Opposition leader)" in output
    assert Official.objects.count() == officials


SECOND_REPORT_OF_PHOENIX_TV = """\
 date 2024-03-30
Interview with Foreign Policy Advisor

Deputy Head of the Presidential Administration's Foreign Policy Affairs Department, Hikmat \
Hajiyev said in an interview with Phoenix TV that Armenia and Azerbaijan had never been closer \
to peace.

"Now Armenia and Azerbaijan are closer to peace than ever before," the adviser said. He also \
recalled that the OSCE Minsk Group had achieved little in thirty years.
"""


def test_a_second_outlets_report_of_the_seed_interview_is_flagged(tmp_path, seeded):
    stored = Statement.objects.get(date=date(2024, 3, 29))
    outlets = Outlet.objects.count()
    with pytest.raises(
        CommandError, match=rf"Likely a report of what is already stored: #{stored.pk}"
    ):
        run(write(tmp_path, "second.txt", SECOND_REPORT_OF_PHOENIX_TV))
    assert Outlet.objects.count() == outlets
    assert not Outlet.objects.filter(name__icontains="Advisor").exists()


def test_an_article_flooded_with_quotations_is_refused_before_it_is_read(tmp_path, petrova):
    text = " date 2024-05-02\n" + '"Yes, we will," Petrova said. ' * 10_001
    with pytest.raises(CommandError, match="holds about 10,001 quotations"):
        run(write(tmp_path, "a.txt", text))
    assert Statement.objects.count() == 0


def test_a_flagged_report_is_added_to_the_statement_it_names(tmp_path, seeded):
    stored = Statement.objects.get(date=date(2024, 3, 29))
    claims = stored.claims.count()
    path = write(tmp_path, "second.txt", SECOND_REPORT_OF_PHOENIX_TV)
    with pytest.raises(CommandError, match=rf"--add-to {stored.pk} to add it as a report"):
        run(path)
    preview = run(path, "--add-to", str(stored.pk), "--dry-run")
    assert f"As a report of statement #{stored.pk}" in preview and "Dry run" in preview
    assert stored.reports.count() == 1
    output = run(path, "--add-to", str(stored.pk))
    assert f"Added as report 2 of statement #{stored.pk}, now in review" in output
    stored.refresh_from_db()
    report = stored.reports.get(order=1)
    assert (
        stored.status == StatementStatus.IN_REVIEW
        and report.source_text == SECOND_REPORT_OF_PHOENIX_TV
    )
    assert report.published_on == date(2024, 3, 30)
    peace = "Now Armenia and Azerbaijan are closer to peace than ever before"
    [evidence] = Evidence.objects.filter(report=report, is_main=False)
    assert evidence.text == evidence.quote == peace
    claim = evidence.claim
    expected = wording_of([claim.main_evidence.text, peace])
    assert claim.wording == expected and f"evidence of claim {claim.order}" in output
    proposed = Claim.objects.filter(evidence_spans__report=report, evidence_spans__is_main=True)
    assert proposed.count() == stored.claims.count() - claims
    assert all(claim.summary == "" for claim in proposed)
    again = run(path)
    assert f"Already imported as statement #{stored.pk}" in again


def test_adding_to_a_statement_that_is_not_stored_is_refused(tmp_path, petrova):
    with pytest.raises(CommandError, match="No statement #999 is stored"):
        run(write(tmp_path, "a.txt", INTERVIEW), "--add-to", "999")
