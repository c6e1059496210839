"""Another outlet's report of a stored statement, in headless Chromium: the import page flags it,
an editor adds it as a report and submits the statement, a reviewer publishes it."""

import pytest
from django.conf import settings
from playwright.sync_api import expect

from statements.models import Claim, Evidence, Statement, StatementStatus
from tests.factories import make_official, make_outlet
from tests.test_curation_browser import log_in_as
from tests.test_importer import INTERVIEW

pytestmark = pytest.mark.browser

ADMIN = f"/{settings.ADMIN_URL}"
# Written for this test: the same interview as another newspaper printed it.
SECOND_REPORT = """\
 date 2024-05-03
SOFIA, May 3 (Evening Post) – Ana Petrova, the transport minister, told Radio Danube that the \
bridge would open next spring.

"We will not delay the bridge again," Petrova said.

She also said the tender will close in June.

"We held forty hearings in every town along the route," the minister said.
"""


def import_article(page, text: str) -> None:
    page.goto(f"{ADMIN}statements/statement/import/")
    page.fill("#id_article_text", text)
    page.click("#preview-article")
    expect(page.locator("#import-preview")).to_be_visible()


def test_a_flagged_article_is_added_as_a_report_reviewed_and_published(page, browser):
    make_outlet("Daily Courier")
    make_outlet("Radio Danube")
    make_official("Ana Petrova", aliases="Petrova\nthe transport minister")
    log_in_as(page, "Editors")
    import_article(page, INTERVIEW)
    page.click("#create-drafts")
    expect(page.locator(".messagelist .success")).to_contain_text("Stored as drafts")
    statement = Statement.objects.get(official__name="Ana Petrova")

    import_article(page, SECOND_REPORT)
    flagged = page.locator("#likely-duplicates")
    expect(flagged).to_contain_text(f"#{statement.pk} {statement.headline}")
    flagged.get_by_role("button", name=f"Add as a report of statement #{statement.pk}").click()
    expect(page.locator(".messagelist .success")).to_contain_text(
        f"Added as report 2 of statement #{statement.pk}"
    )
    report = statement.reports.get(order=1)
    assert report.outlet.name == "Evening Post" and report.source_text == SECOND_REPORT
    assert Evidence.objects.filter(report=report).count() >= 2
    agreeing = Claim.objects.filter(statement=statement, wording="agrees")
    assert agreeing.count() >= 2
    sections = page.locator(".report-evidence")
    expect(sections).to_have_count(2)
    expect(sections.nth(1).locator("h4")).to_have_text("Report 2: Evening Post")
    expect(sections.nth(1).locator("mark").first).to_be_visible()

    rows = "textarea[id^=id_claims-][id$=-summary]:not([id*=__prefix__])"
    for summary in page.locator(rows).all():
        if not summary.input_value():
            summary.fill("The minister's position, in our words.")
    page.select_option("#id_status", "in_review")
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist .success")).to_be_visible()
    assert Statement.objects.get(pk=statement.pk).status == StatementStatus.IN_REVIEW

    reviewer = browser.new_context(base_url=page.url.split("/admin")[0]).new_page()
    log_in_as(reviewer, "Reviewers")
    reviewer.goto(f"{ADMIN}statements/statement/{statement.pk}/change/")
    expect(reviewer.locator(".report-evidence")).to_have_count(2)
    reviewer.click("input[name=_publish]")
    expect(reviewer.locator(".messagelist .success")).to_be_visible()
    published = Statement.objects.get(pk=statement.pk)
    assert published.status == StatementStatus.PUBLISHED
    assert published.reviewed_by.username == "reviewers"
    history = reviewer.goto(f"{ADMIN}statements/statement/{statement.pk}/history/")
    assert history.ok
    expect(reviewer.locator("#report-history")).to_contain_text("Evening Post")
