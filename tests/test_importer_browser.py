"""The admin's Import article page in a headless Chromium, under the Content Security Policy."""

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from playwright.sync_api import expect

from statements.models import Statement, StatementStatus

pytestmark = pytest.mark.browser

ARTICLE = """\
 date 2024-06-10
BAKU, Azerbaijan, June 10. Azerbaijan is ready to sign the peace treaty this year, Hikmet \
Hajiyev said in an interview with TASS, Trend reports.

"The text is nearly agreed. What remains is political will in Yerevan," Hajiyev said.
"""


def log_in(page) -> None:
    User.objects.create_superuser("editor", "editor@example.org", "right-password-123")
    page.goto(f"/{settings.ADMIN_URL}login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "right-password-123")
    page.click("input[type=submit]")


def test_an_editor_previews_an_article_and_creates_drafts(page, tmp_path):
    complaints = []
    page.on(
        "console",
        lambda message: (
            complaints.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    log_in(page)
    page.goto(f"/{settings.ADMIN_URL}statements/statement/")
    page.get_by_role("link", name="Import article").click()
    expect(page.locator("h1")).to_have_text("Import article")
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    page.set_input_files("#id_article_file", str(path))
    page.get_by_role("button", name="Preview").click()
    expect(page.locator(".proposed-claims tbody tr")).to_have_count(2)
    expect(page.locator(".proposed-statement h3")).to_have_text(
        "Interview with TASS: Azerbaijan is ready to sign the peace treaty this year"
    )
    expect(page.locator(".import-source mark").first).to_have_text(
        "Azerbaijan is ready to sign the peace treaty this year"
    )
    page.get_by_role("button", name="Create drafts").click()
    expect(page.locator(".messagelist")).to_contain_text("Stored as drafts for an editor")
    statement = Statement.objects.get(date="2024-06-10")
    assert statement.status == StatementStatus.DRAFT
    assert statement.reports.get().source_text == ARTICLE
    assert [claim.kind for claim in statement.claims.all()] == ["paraphrase", "quote"]
    assert complaints == []


def test_a_seed_article_already_stored_is_recognised(page):
    log_in(page)
    page.goto(f"/{settings.ADMIN_URL}statements/statement/import/")
    seed = settings.SEED_SOURCES_DIR / "004_9734b823c9ffa713.txt"
    page.set_input_files("#id_article_file", str(seed))
    page.get_by_role("button", name="Preview").click()
    expect(page.locator("#already-imported")).to_contain_text("Interview with TASS")
    expect(page.get_by_role("button", name="Create drafts")).to_have_count(0)
