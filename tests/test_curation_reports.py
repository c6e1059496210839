"""A statement's reports and its claims' evidence, edited through the admin's forms by each role:
the quote pasted, its span found in the chosen report; bad input named, never a server error."""

import html
import re

import pytest
from django.contrib.auth.models import Group, User

from statements.models import Claim, Evidence, Report, Statement, StatementStatus
from tests.admin_form import opened
from tests.conftest import restore_curation_groups
from tests.factories import (
    DEFAULT_TEXT,
    add_evidence,
    inline_forms,
    make_claim,
    make_official,
    make_outlet,
    make_report,
    make_statement,
    statement_form,
)

pytestmark = pytest.mark.django_db

STATEMENTS = "/admin/statements/statement/"
QUOTE = "We will build the bridge."
SECOND_TEXT = "GANJA. The minister told our reporter: “We will build the bridge.” Work starts soon."
EDITORS, REVIEWERS, NO_GROUP = "Editors", "Reviewers", None
GROUPS = pytest.mark.parametrize("group", [EDITORS, REVIEWERS, NO_GROUP], ids=str)


def log_in_as(client, group: str | None) -> User:
    restore_curation_groups()
    user = User.objects.create_user(f"member-of-{group}", password="not-used", is_staff=True)
    if group:
        user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    return user


def change_page(statement: Statement) -> str:
    return f"{STATEMENTS}{statement.pk}/change/"


def claim_page(claim: Claim) -> str:
    return f"/admin/statements/claim/{claim.pk}/change/"


def text_of(response) -> str:
    return html.unescape(response.content.decode())


def with_new_report(form: dict, **fields) -> dict:
    """The change form as opened, with one more report row filled in."""
    index = int(form["reports-TOTAL_FORMS"][0])
    form["reports-TOTAL_FORMS"] = [str(index + 1)]
    form.update({f"reports-{index}-{name}": [value] for name, value in fields.items()})
    form.setdefault(f"reports-{index}-language", ["en"])
    return form


def two_report_statement(status=StatementStatus.DRAFT) -> tuple[Statement, Claim, Report]:
    statement = make_statement(status=status)
    claim = make_claim(statement, QUOTE)
    second = make_report(statement, source_text=SECOND_TEXT, outlet=make_outlet("Daily Courier"))
    return statement, claim, second


# Reports on the statement's change page


@GROUPS
def test_a_report_is_added_to_a_draft_by_editors_and_reviewers(client, group):
    statement = make_statement(status=StatementStatus.DRAFT)
    outlet = make_outlet("Daily Courier")
    log_in_as(client, group)
    if group is NO_GROUP:
        assert client.get(change_page(statement)).status_code == 403
        return
    form = with_new_report(
        opened(client, change_page(statement)),
        outlet=str(outlet.pk),
        source_text=SECOND_TEXT,
        dateline="Ganja",
        published_on="2024-05-02",
    )
    response = client.post(change_page(statement), form)
    assert response.status_code == 302, text_of(response)[:3000]
    added = statement.reports.get(outlet=outlet)
    assert (added.source_text, added.dateline, added.order) == (SECOND_TEXT, "Ganja", 1)
    assert str(added.published_on) == "2024-05-02"


@GROUPS
def test_only_reviewers_change_a_published_statements_reports(client, group):
    statement = make_statement(status=StatementStatus.PUBLISHED, dateline="Baku")
    log_in_as(client, group)
    page = client.get(change_page(statement))
    if group is NO_GROUP:
        assert page.status_code == 403
        return
    form = opened(client, change_page(statement))
    form["reports-0-dateline"] = ["Ganja"]
    form["reports-0-id"] = [str(statement.main_report.pk)]
    form["reports-0-statement"] = [str(statement.pk)]
    response = client.post(change_page(statement), form)
    dateline = Report.objects.get(statement=statement).dateline
    if group == REVIEWERS:
        assert 'name="reports-0-dateline"' in page.content.decode()
        assert response.status_code == 302 and dateline == "Ganja"
    else:
        assert 'name="reports-0-dateline"' not in page.content.decode()
        assert response.status_code == 403 and dateline == "Baku"


def test_a_reports_text_cannot_be_changed_once_saved(admin_client):
    statement = make_statement(status=StatementStatus.DRAFT)
    form = opened(admin_client, change_page(statement))
    form["reports-0-source_text"] = ["Other words altogether."]
    assert admin_client.post(change_page(statement), form).status_code == 302
    assert statement.main_report.source_text == DEFAULT_TEXT


def test_a_report_holding_main_evidence_is_not_deleted(admin_client):
    statement, claim, _ = two_report_statement()
    form = opened(admin_client, change_page(statement))
    form["reports-0-DELETE"] = ["on"]
    response = admin_client.post(change_page(statement), form)
    assert response.status_code == 200
    assert "holds claims' main evidence: give those claims their evidence" in text_of(response)
    assert statement.reports.count() == 2 and claim.main_evidence is not None


def test_a_report_holding_only_further_evidence_is_deleted_with_it(admin_client):
    statement, claim, second = two_report_statement()
    add_evidence(claim, second, QUOTE)
    assert Claim.objects.get().wording == "agrees"
    form = opened(admin_client, change_page(statement))
    form["reports-1-DELETE"] = ["on"]
    assert admin_client.post(change_page(statement), form).status_code == 302
    assert list(statement.reports.all()) == [statement.main_report]
    assert Claim.objects.get().wording == "single"


def test_two_new_reports_with_one_text_are_refused(admin_client):
    data = statement_form(make_official(), [], [{"source_text": SECOND_TEXT}] * 2)
    response = admin_client.post(f"{STATEMENTS}add/", data)
    assert response.status_code == 200
    assert "Two reports give the very same text: keep one of them." in text_of(response)
    assert not Statement.objects.exists()


def test_a_new_statement_needs_a_report(admin_client):
    claim = {"order": 1, "kind": "quote", "summary": "A bridge.", "quote": QUOTE}
    response = admin_client.post(f"{STATEMENTS}add/", statement_form(make_official(), [claim], []))
    assert response.status_code == 200
    page = text_of(response)
    assert "Please submit at least 1 form." in page
    assert "This statement has no report yet: add one with its text" in page
    assert not Statement.objects.exists()


def test_a_new_statements_quotes_are_found_in_its_first_report(admin_client):
    reports = [{"source_text": DEFAULT_TEXT}, {"source_text": SECOND_TEXT}]
    claim = {"order": 1, "kind": "quote", "summary": "A bridge.", "quote": QUOTE}
    response = admin_client.post(
        f"{STATEMENTS}add/", statement_form(make_official(), [claim], reports)
    )
    assert response.status_code == 302, text_of(response)[:3000]
    statement = Statement.objects.get()
    first, second = statement.reports.all()
    assert (first.order, second.order) == (0, 1)
    main = Claim.objects.get().main_evidence
    assert main.report == first and main.span_start == DEFAULT_TEXT.index(QUOTE)


# A claim's main evidence in the statement's inline


def test_a_claims_main_evidence_moves_to_the_report_chosen(admin_client):
    statement, claim, second = two_report_statement()
    form = opened(admin_client, change_page(statement))
    assert form["claims-0-report"] == [str(statement.main_report.pk)]
    form["claims-0-report"] = [str(second.pk)]
    response = admin_client.post(change_page(statement), form)
    assert response.status_code == 302, text_of(response)[:3000]
    main = Claim.objects.get().main_evidence
    assert main.report == second and main.text == QUOTE
    assert main.span_start == SECOND_TEXT.index(QUOTE)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"quote": "We will never build it."}, "These words are not in the source text"),
        ({"quote": "", "span_start": "5", "span_end": "9000"}, "lies outside the report's text"),
        ({"span_start": "0", "span_end": "25"}, "The quote does not match the report's text"),
        ({"report": "999999"}, "Select a valid choice."),
    ],
    ids=["quote-missing", "span-outside", "quote-elsewhere", "report-of-another-statement"],
)
def test_bad_evidence_in_the_inline_is_named_on_its_row(admin_client, changes, message):
    statement, claim, _ = two_report_statement()
    form = opened(admin_client, change_page(statement))
    form.update({f"claims-0-{name}": [value] for name, value in changes.items()})
    response = admin_client.post(change_page(statement), form)
    assert response.status_code == 200
    assert message in text_of(response)
    main = Claim.objects.get().main_evidence
    assert (main.report, main.quote) == (statement.main_report, QUOTE)


# Further evidence on the claim's page


def evidence_form(client, claim: Claim, report: Report, **fields) -> dict:
    form = opened(client, claim_page(claim))
    form.update(inline_forms("evidence_spans", [{"report": report.pk, **fields}]))
    return form


@GROUPS
def test_further_evidence_is_found_from_pasted_words_in_the_chosen_report(client, group):
    statement, claim, second = two_report_statement(status=StatementStatus.DRAFT)
    log_in_as(client, group)
    if group is NO_GROUP:
        assert client.get(claim_page(claim)).status_code == 403
        return
    response = client.post(claim_page(claim), evidence_form(client, claim, second, quote=QUOTE))
    assert response.status_code == 302, text_of(response)[:3000]
    further = Evidence.objects.get(claim=claim, is_main=False)
    assert (further.report, further.text) == (second, QUOTE)
    assert Claim.objects.get().wording == "agrees"
    page = client.get(change_page(statement)).content.decode()
    assert '<mark title="Claim 1 (further evidence)">We will build the bridge.</mark>' in page


@GROUPS
def test_only_reviewers_add_evidence_to_a_published_claim(client, admin_client, group):
    _, claim, second = two_report_statement(status=StatementStatus.PUBLISHED)
    form = evidence_form(admin_client, claim, second, quote=QUOTE)
    log_in_as(client, group)
    response = client.post(claim_page(claim), form)
    added = Evidence.objects.filter(claim=claim, is_main=False).exists()
    if group == REVIEWERS:
        assert response.status_code == 302 and added
    else:
        assert response.status_code == 403 and not added


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"quote": "We will build the tunnel."}, "These words are not in the source text"),
        ({"quote": "", "span_start": 70, "span_end": 700}, "lies outside the report's text"),
        ({"quote": QUOTE, "span_start": 0, "span_end": 25}, "does not match the report's text"),
    ],
    ids=["quote-missing", "span-outside", "quote-elsewhere"],
)
def test_bad_further_evidence_is_refused_with_its_reason(admin_client, fields, message):
    _, claim, second = two_report_statement()
    response = admin_client.post(
        claim_page(claim), evidence_form(admin_client, claim, second, **fields)
    )
    assert response.status_code == 200
    assert message in text_of(response)
    assert not Evidence.objects.filter(claim=claim, is_main=False).exists()


def test_further_evidence_in_the_main_report_is_refused(admin_client):
    statement, claim, _ = two_report_statement()
    form = evidence_form(admin_client, claim, statement.main_report, quote=QUOTE)
    response = admin_client.post(claim_page(claim), form)
    assert response.status_code == 200
    assert "This claim already has evidence in this report: edit that one." in text_of(response)


def test_main_evidence_cannot_move_onto_further_evidence(admin_client):
    _, claim, second = two_report_statement()
    add_evidence(claim, second, QUOTE)
    form = opened(admin_client, claim_page(claim))
    form["report"] = [str(second.pk)]
    response = admin_client.post(claim_page(claim), form)
    assert response.status_code == 200
    assert "This claim already has further evidence in that report" in text_of(response)


# History


def test_the_history_page_shows_report_changes(admin_client):
    statement = make_statement(status=StatementStatus.DRAFT, dateline="Baku")
    form = opened(admin_client, change_page(statement))
    form["reports-0-dateline"] = ["Ganja"]
    assert admin_client.post(change_page(statement), form).status_code == 302
    page = text_of(admin_client.get(f"{change_page(statement).removesuffix('change/')}history/"))
    section = page[page.index("Changes to its reports") :]
    rows = re.findall(r"<tr>(.*?)</tr>", section, re.S)
    assert "Changed" in rows[1] and "(dateline)" in rows[1] and ">admin<" in rows[1]
    assert "Created" in rows[2]


# Restoring a statement deleted before reports existed


def as_migration_0014_left_it(statement_id: int, report_id: int, claim_id: int) -> None:
    """Rewrite the history of a deleted statement's report and evidence as migration 0014 made it
    for statements deleted before it ran: one report version per statement version (the same
    time, type and reason), one evidence version per claim version."""
    HistoricalReport, HistoricalEvidence = Report.history.model, Evidence.history.model
    report = HistoricalReport.objects.filter(id=report_id).latest("history_id")
    evidence = HistoricalEvidence.objects.filter(claim_id=claim_id).latest("history_id")
    HistoricalReport.objects.filter(id=report_id).delete()
    HistoricalEvidence.objects.filter(claim_id=claim_id).delete()
    copied = ("history_date", "history_type", "history_change_reason", "history_user_id")
    for version in Statement.history.filter(id=statement_id).order_by("history_id"):
        report.pk = None
        for name in copied:
            setattr(report, name, getattr(version, name))
        report.save()
    for version in Claim.history.filter(id=claim_id).order_by("history_id"):
        evidence.pk = None
        for name in copied:
            setattr(evidence, name, getattr(version, name))
        evidence.save()


def test_a_statement_deleted_before_reports_existed_is_restored_with_them(admin_client):
    statement = make_statement(status=StatementStatus.PUBLISHED, dateline="Baku")
    claim = make_claim(statement, QUOTE)
    report_id, statement_id = statement.main_report.pk, statement.pk
    statement.delete()
    as_migration_0014_left_it(statement_id, report_id, claim.pk)
    assert Report.history.filter(id=report_id, history_change_reason=None).count() == 2

    response = admin_client.post(f"{STATEMENTS}deleted/", {"statement": statement_id}, follow=True)
    assert "Restored “Interview about the bridge” with 1 report(s) and 1 claim(s)." in text_of(
        response
    )
    restored = Report.objects.get(pk=report_id)
    assert (restored.source_text, restored.dateline) == (DEFAULT_TEXT, "Baku")
    main = Claim.objects.get(pk=claim.pk).main_evidence
    assert (main.report, main.text) == (restored, QUOTE)


def test_a_report_deleted_on_its_own_stays_deleted_when_its_statement_is_restored(admin_client):
    statement, claim, second = two_report_statement()
    add_evidence(claim, second, QUOTE)
    second.delete()
    statement_id = statement.pk
    statement.delete()
    admin_client.post(f"{STATEMENTS}deleted/", {"statement": statement_id})
    assert list(Report.objects.values_list("source_text", flat=True)) == [DEFAULT_TEXT]
    assert Evidence.objects.get().is_main


def test_where_a_report_begins_is_checked_against_its_text(admin_client):
    statement = make_statement(status=StatementStatus.DRAFT)
    form = opened(admin_client, change_page(statement))
    form["reports-0-body_start"] = [str(len(DEFAULT_TEXT) + 5)]
    response = admin_client.post(change_page(statement), form)
    assert response.status_code == 200
    assert f"The article cannot begin at {len(DEFAULT_TEXT) + 5}" in text_of(response)
    form["reports-0-body_start"] = ["4"]
    assert admin_client.post(change_page(statement), form).status_code == 302
    assert statement.main_report.body_start == 4


def test_main_and_further_evidence_posted_into_one_report_are_refused(admin_client):
    _, claim, second = two_report_statement()
    form = evidence_form(admin_client, claim, second, quote=QUOTE)
    form["report"] = [str(second.pk)]
    response = admin_client.post(claim_page(claim), form)
    assert response.status_code == 200
    assert "The claim's main evidence is in that report, as posted above" in text_of(response)
    assert claim.evidence_spans.count() == 1
