"""Hostile text typed into every field stays text on every admin page, in a real Chromium."""

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from playwright.sync_api import expect

from statements.models import Claim, Official, Outlet, Post, Statement, Topic
from tests.factories import make_claim, make_official, make_outlet, make_statement, make_topic
from tests.test_browser import HOSTILE_TEXT
from tests.test_feeds_and_markup import PAYLOAD

pytestmark = pytest.mark.browser

ADMIN = f"/{settings.ADMIN_URL}"
# Admin forms put text in <textarea> and single-quoted places too.
FORM_BREAKER = "'><img src=x onerror=alert(4)></textarea></title><script>alert(5)</script>"
PAYLOADS = (HOSTILE_TEXT, PAYLOAD, FORM_BREAKER)
EVERY_PAYLOAD = " ".join(PAYLOADS)
# Elements the payloads would create if any of them were parsed as markup.
INJECTED = "img[src=x], svg[onload], [onerror], [onmouseover]"


def make_hostile_records() -> dict[str, object]:
    """One record of each kind, every text field hostile; short fields get the shortest payload."""
    official = make_official(
        f"Official {HOSTILE_TEXT}",
        slug="hostile",
        aliases=EVERY_PAYLOAD,
        country=HOSTILE_TEXT,
        bio=EVERY_PAYLOAD,
    )
    Post.objects.create(official=official, role=EVERY_PAYLOAD, organization=EVERY_PAYLOAD)
    outlet = make_outlet(
        f"Outlet {HOSTILE_TEXT}",
        slug="hostile-outlet",
        homepage=f"https://example.org/{HOSTILE_TEXT}",
    )
    topic = make_topic(f"Topic {HOSTILE_TEXT}", slug="hostile-topic", description=EVERY_PAYLOAD)
    hostile = {
        "headline": EVERY_PAYLOAD,
        "venue": outlet,
        "reporting_outlet": outlet,
        "dateline": HOSTILE_TEXT,
        "title_as_given": EVERY_PAYLOAD,
        "source_url": f"https://example.org/{HOSTILE_TEXT}",
    }
    statement = make_statement(official, source_text=f"Before {EVERY_PAYLOAD} after.", **hostile)
    claim = make_claim(statement, EVERY_PAYLOAD, topics=(topic,), summary=EVERY_PAYLOAD)
    deleted = make_statement(official, source_text=f"Deleted {EVERY_PAYLOAD}.", **hostile)
    make_claim(deleted, EVERY_PAYLOAD, topics=(topic,), summary=EVERY_PAYLOAD)
    deleted.delete()
    records = {"official": official, "outlet": outlet, "topic": topic}
    return records | {"statement": statement, "claim": claim}


def admin_pages(records: dict[str, object]) -> list[str]:
    """Lists (plain and searched), each record's change, delete and history pages, and the
    recorded versions of those that keep them."""
    pages = [f"{ADMIN}statements/statement/deleted/"]
    for name, record in records.items():
        pages += [f"{ADMIN}statements/{name}/", f"{ADMIN}statements/{name}/?q=script"]
        record_page = f"{ADMIN}statements/{name}/{record.pk}/"
        pages += [f"{record_page}{view}/" for view in ("change", "delete", "history")]
        if hasattr(record, "history"):
            pages.append(f"{record_page}history/{record.history.first().history_id}/")
    return pages


def log_in_as_superuser(page) -> None:
    User.objects.create_superuser("editor", "editor@example.org", "right-password-123")
    page.goto(f"{ADMIN}login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "right-password-123")
    page.click("input[type=submit]")
    expect(page.locator("#user-tools")).to_contain_text("editor")


def assert_shown_as_text(page, ran: list[str]) -> None:
    expect(page.locator("body")).to_contain_text(HOSTILE_TEXT)
    expect(page.locator(INJECTED)).to_have_count(0)
    assert ran == [], page.url


def watch_for_scripts(page) -> list[str]:
    """Every dialog, and every script the Content Security Policy had to block, as it happens."""
    ran = []
    page.on("dialog", lambda dialog: (ran.append(dialog.message), dialog.dismiss()))
    page.on(
        "console",
        lambda message: ran.append(message.text) if "script-src" in message.text else None,
    )
    return ran


def open_autocomplete(page, field: str) -> None:
    """Open a select2 box, whose options the admin's JavaScript builds from JSON."""
    page.click(f"#{field} + .select2 .select2-selection")
    options = page.locator(".select2-results__option")
    expect(options.filter(has_text=HOSTILE_TEXT).first).to_be_visible()
    expect(page.locator(INJECTED)).to_have_count(0)
    page.keyboard.press("Escape")


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["with-csp", "csp-bypassed"])
def test_hostile_text_never_runs_on_any_admin_page(
    browser, live_server, transactional_db, bypass_csp
):
    records = make_hostile_records()
    # Without the Content Security Policy, escaping alone must keep the payloads from running.
    context = browser.new_context(base_url=live_server.url, bypass_csp=bypass_csp)
    page = context.new_page()
    page.set_default_timeout(10_000)
    ran = watch_for_scripts(page)
    log_in_as_superuser(page)

    for url in admin_pages(records):
        page.goto(url)
        assert_shown_as_text(page, ran)

    # The text round-trips through the forms unchanged.
    page.goto(f"{ADMIN}statements/official/{records['official'].pk}/change/")
    expect(page.locator("#id_name")).to_have_value(f"Official {HOSTILE_TEXT}")
    expect(page.locator("#id_bio")).to_have_value(EVERY_PAYLOAD)
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist .success")).to_contain_text(HOSTILE_TEXT)
    assert Official.objects.get(slug="hostile").bio == EVERY_PAYLOAD
    page.goto(ADMIN)
    expect(page.locator("#recent-actions-module")).to_contain_text(HOSTILE_TEXT)

    page.goto(f"{ADMIN}statements/claim/{records['claim'].pk}/change/")
    expect(page.locator("#id_quote")).to_have_value(EVERY_PAYLOAD)
    expect(page.locator("#id_report option:checked")).to_contain_text(HOSTILE_TEXT)
    open_autocomplete(page, "id_topics")
    page.goto(f"{ADMIN}statements/statement/{records['statement'].pk}/change/")
    expect(page.locator("#id_headline")).to_have_value(EVERY_PAYLOAD)
    expect(page.locator("#id_reports-0-title_as_given")).to_have_value(EVERY_PAYLOAD)
    expect(page.locator(".report-evidence mark")).to_have_text(EVERY_PAYLOAD)
    open_autocomplete(page, "id_official")
    open_autocomplete(page, "id_venue")
    open_autocomplete(page, "id_reports-0-outlet")

    # Restoring the deleted statement reports its headline in a message.
    page.goto(f"{ADMIN}statements/statement/deleted/")
    page.locator("#deleted-statements button").click()
    expect(page.locator(".messagelist .success")).to_contain_text(HOSTILE_TEXT)
    expect(page.locator(INJECTED)).to_have_count(0)

    # "View on site" leads to the public pages, which must hold up as well.
    for url in (
        f"{ADMIN}statements/statement/{records['statement'].pk}/change/",
        f"{ADMIN}statements/official/{records['official'].pk}/change/",
        f"{ADMIN}statements/claim/{records['claim'].pk}/change/",
    ):
        page.goto(url)
        page.locator("a.viewsitelink").click()
        page.wait_for_url(lambda address: ADMIN not in address)
        assert_shown_as_text(page, ran)

    assert ran == []
    assert Statement.objects.count() == 2 and Claim.objects.count() == 2
    assert Outlet.objects.count() == 1 and Topic.objects.count() == 1
    context.close()


def hostile_article() -> str:
    return (
        " date 2024-06-10\n"
        f"BAKU, June 10. {HOSTILE_TEXT} The treaty is close, Hikmet Hajiyev said in an interview "
        f'with TASS, Trend reports.\n\n"The text {FORM_BREAKER} is nearly agreed," Hajiyev said.\n'
    )


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["with-csp", "csp-bypassed"])
def test_a_hostile_article_pasted_for_import_stays_text(
    browser, live_server, seeded_live, bypass_csp
):
    context = browser.new_context(base_url=live_server.url, bypass_csp=bypass_csp)
    page = context.new_page()
    page.set_default_timeout(10_000)
    ran = watch_for_scripts(page)
    log_in_as_superuser(page)
    page.goto(f"{ADMIN}statements/statement/import/")
    page.fill("#id_article_text", hostile_article())
    page.get_by_role("button", name="Preview").click()
    expect(page.locator(".import-source")).to_contain_text(HOSTILE_TEXT)
    assert_shown_as_text(page, ran)
    page.get_by_role("button", name="Create drafts").click()
    expect(page.locator(".messagelist")).to_contain_text("Stored as drafts")
    assert_shown_as_text(page, ran)
    statement = Statement.objects.get(date="2024-06-10")
    assert statement.main_report.source_text == hostile_article()
    page.goto(f"{ADMIN}statements/statement/{statement.pk}/change/")
    assert_shown_as_text(page, ran)
    context.close()
