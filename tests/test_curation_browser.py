"""Editors and reviewers curating in the real admin, in headless Chromium."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from playwright.sync_api import expect

from statements.models import Claim, Statement, StatementStatus
from tests.factories import DEFAULT_TEXT, make_claim, make_report, make_statement

pytestmark = pytest.mark.browser

ADMIN = f"/{settings.ADMIN_URL}"
QUOTE = "We will build the bridge."


def log_in_as(page, group_name: str) -> None:
    user = User.objects.create_user(group_name.lower(), password="a long passphrase", is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    page.goto(f"{ADMIN}login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", "a long passphrase")
    page.click("input[type=submit]")
    expect(page.locator("#user-tools")).to_contain_text(user.username)


def test_an_editor_pastes_a_quote_and_the_saved_claim_is_marked_in_the_source(page):
    statement = make_statement(status=StatementStatus.DRAFT)
    log_in_as(page, "Editors")
    page.goto(f"{ADMIN}statements/statement/{statement.pk}/change/")
    page.click("#claims-group .add-row a")
    page.fill("#id_claims-0-summary", "The bridge will be built.")
    page.fill("#id_claims-0-quote", QUOTE)
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist .success")).to_be_visible()
    expect(page.locator(".source-with-spans mark")).to_have_text(QUOTE)
    main = Claim.objects.get(statement=statement).main_evidence
    assert main.report == statement.main_report
    assert DEFAULT_TEXT[main.span_start : main.span_end] == QUOTE
    # An editor is offered draft and review, never publication.
    options = page.locator("#id_status option").all_inner_texts()
    assert options == ["Draft", "In review"]


def test_a_reviewer_reverts_an_edit_from_the_history(page):
    statement = make_statement(status=StatementStatus.IN_REVIEW, headline="The first headline")
    log_in_as(page, "Reviewers")
    change_page = f"{ADMIN}statements/statement/{statement.pk}/change/"
    page.goto(change_page)
    page.fill("#id_headline", "A hasty rewrite")
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist .success")).to_be_visible()
    assert Statement.objects.get(pk=statement.pk).headline == "A hasty rewrite"

    page.goto(f"{change_page.removesuffix('change/')}history/")
    versions = page.locator("#change-history tbody tr")
    expect(versions).to_have_count(2)
    versions.last.locator("a").first.click()  # the oldest version
    expect(page.locator("#id_headline")).to_have_value("The first headline")
    page.click("input[name=_save]")
    expect(page.locator(".messagelist .success")).to_be_visible()
    assert Statement.objects.get(pk=statement.pk).headline == "The first headline"
    assert Statement.history.filter(id=statement.pk).count() == 3


def test_an_editor_adds_the_same_words_from_another_report_on_the_claims_page(page):
    statement = make_statement(status=StatementStatus.DRAFT)
    claim = make_claim(statement, QUOTE)
    second = make_report(statement, source_text=f"GANJA. The minister said: “{QUOTE}”")
    log_in_as(page, "Editors")
    page.goto(f"{ADMIN}statements/claim/{claim.pk}/change/")
    page.click("#evidence_spans-group .add-row a")
    page.select_option("#id_evidence_spans-0-report", str(second.pk))
    page.fill("#id_evidence_spans-0-quote", "We will build the tunnel.")
    page.click("input[name=_continue]")
    expect(page.locator("#evidence_spans-group .errorlist")).to_contain_text(
        "These words are not in the source text"
    )
    page.fill("#id_evidence_spans-0-quote", QUOTE)
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist .success")).to_be_visible()
    further = claim.evidence_spans.get(is_main=False)
    assert (further.report, further.text) == (second, QUOTE)
    page.goto(f"{ADMIN}statements/statement/{statement.pk}/change/")
    marks = page.locator(".report-evidence").nth(1).locator("mark")
    expect(marks).to_have_text(QUOTE)
    expect(marks).to_have_attribute("title", "Claim 1 (further evidence)")
