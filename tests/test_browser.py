"""The timeline in a real headless Chromium: htmx swaps the results and the URL follows."""

import csv
import io
import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from playwright.sync_api import expect

from statements.models import Claim
from statements.public.views.filtered import CLAIMS_PER_PAGE
from tests.factories import make_claim, make_official, make_outlet, make_statement, make_topic

pytestmark = pytest.mark.browser

CLAIMS = "[id^=timeline-claim-]"
# Breaks out of an attribute, runs on load without a click, and closes a script block.
HOSTILE_TEXT = (
    '"><img src=x onerror=alert(1)><script>alert(2)</script></script><svg onload=alert(3)>'
)


def listed_claim_ids(page) -> list[int]:
    ids = page.locator("[id^=timeline-claim-]").evaluate_all("items => items.map(i => i.id)")
    return [int(re.sub(r"\D", "", item)) for item in ids]


def mark_the_page(page) -> None:
    """Tag the window, so a full page load (which would drop the tag) can be told from a swap."""
    page.evaluate("window.__notReloaded = true")


def was_not_reloaded(page) -> bool:
    return page.evaluate("window.__notReloaded === true")


def test_choosing_a_topic_swaps_the_timeline_and_pushes_the_url(page):
    page.goto("/")
    assert len(listed_claim_ids(page)) == 25
    mark_the_page(page)
    with page.expect_response(lambda r: "topic=humanitarian-access" in r.url) as response:
        page.select_option("#id_topic", "humanitarian-access")
    assert response.value.request.headers.get("hx-request") == "true"
    expect(page.locator(CLAIMS)).to_have_count(6)
    assert was_not_reloaded(page)
    assert parse_qs(urlparse(page.url).query) == {"topic": ["humanitarian-access"]}
    expected = Claim.objects.filter(topics__slug="humanitarian-access").in_timeline_order()
    assert listed_claim_ids(page) == list(expected.values_list("pk", flat=True))
    assert page.locator(".result-count").inner_text().startswith("6 claims")


def test_typing_words_filters_as_you_type_and_the_url_is_a_permalink(page):
    page.goto("/")
    mark_the_page(page)
    page.fill("#id_q", "Lachin")
    page.wait_for_url(re.compile(r"q=Lachin"))
    expect(page.locator(CLAIMS)).to_have_count(3)
    assert was_not_reloaded(page)
    swapped = listed_claim_ids(page)
    page.goto(page.url)
    assert listed_claim_ids(page) == swapped
    assert page.input_value("#id_q") == "Lachin"


def test_back_button_returns_to_the_previous_filter(page):
    page.goto("/")
    page.select_option("#id_outlet", "tass")
    page.wait_for_url(re.compile(r"outlet=tass"))
    expect(page.locator(CLAIMS)).to_have_count(14)
    page.go_back()
    expect(page.locator(CLAIMS)).to_have_count(25)
    assert "outlet" not in page.url
    page.go_forward()
    expect(page.locator(CLAIMS)).to_have_count(14)
    assert "outlet=tass" in page.url


def test_the_date_range_and_order_filters_work_through_the_form(page):
    page.goto("/")
    page.fill("[name=date_after]", "2024-01-01")
    page.wait_for_url(re.compile(r"date_after=2024-01-01"))
    expect(page.locator(CLAIMS)).to_have_count(11)
    page.select_option("#id_order", "oldest")
    page.wait_for_url(re.compile(r"order=oldest"))
    assert "date_after=2024-01-01" in page.url


def test_the_form_works_with_javascript_off(browser, live_server, seeded_live):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/")
    page.select_option("#id_topic", "karabakh")
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"topic=karabakh"))
    assert len(listed_claim_ids(page)) == 7
    context.close()


def test_a_claim_links_to_its_evidence_highlighted_in_the_source(page):
    page.goto("/")
    page.get_by_role("link", name=re.compile("^Interview with TASS")).click()
    page.wait_for_url(re.compile(r"/statements/\d+/"))
    page.locator(".evidence-link a").first.click()
    target = page.locator(":target")
    assert "Azerbaijan will not discuss with Armenia" in target.evaluate(
        "anchor => anchor.nextElementSibling.textContent"
    )


def test_the_downloaded_csv_holds_the_rows_the_page_shows(page):
    page.goto("/")
    page.select_option("#id_topic", "peace-process")
    page.wait_for_url(re.compile(r"topic=peace-process"))
    page.select_option("#id_order", "oldest")
    page.wait_for_url(re.compile(r"order=oldest"))
    expect(page.locator(CLAIMS)).to_have_count(12)
    shown = listed_claim_ids(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="CSV", exact=True).click()
    download = download_info.value
    assert download.suggested_filename.startswith("statement-timeline_claims_topic-peace-process_")
    body = Path(download.path()).read_text(encoding="utf-8-sig")
    exported = [int(row["claim_id"]) for row in csv.DictReader(io.StringIO(body))]
    assert exported == shown


def option_text(page, select: str, value: str) -> str:
    return page.locator(f"{select} option[value='{value}']").inner_text()


def test_facet_counts_follow_the_filters_and_focus_stays_on_the_select(page):
    page.goto("/")
    assert option_text(page, "#id_outlet", "tass") == "TASS (14)"
    page.focus("#id_topic")
    page.select_option("#id_topic", "karabakh")
    expect(page.locator("#id_outlet option[value='tass']")).to_have_text("TASS (7)")
    assert option_text(page, "#id_outlet", "news-az") == "News.Az (0)"
    assert page.locator("#id_outlet option[value='news-az']").get_attribute("class") == (
        "facet-empty"
    )
    assert page.evaluate("document.activeElement.id") == "id_topic"
    assert page.input_value("#id_topic") == "karabakh"


def test_removing_a_chip_drops_that_filter_and_updates_the_form(page):
    page.goto("/?topic=karabakh&q=regime")
    assert len(listed_claim_ids(page)) == 4
    page.get_by_role("link", name="Remove filter Words: “regime”").click()
    page.wait_for_url(re.compile(r"/\?topic=karabakh$"))
    expect(page.locator(CLAIMS)).to_have_count(7)
    assert page.input_value("#id_q") == ""
    assert page.input_value("#id_topic") == "karabakh"
    page.get_by_role("link", name="Clear all").click()
    expect(page.locator(CLAIMS)).to_have_count(25)
    assert page.input_value("#id_topic") == ""


def click_and_settle(page, link) -> None:
    """Click a boosted link and wait until htmx has swapped in and wired up the new page."""
    page.evaluate(
        "window.__settled = false;"
        "document.body.addEventListener('htmx:afterSettle', () => { window.__settled = true; },"
        " {once: true})"
    )
    link.click()
    for _ in range(100):
        if page.evaluate("window.__settled"):
            return
        page.wait_for_timeout(50)
    raise AssertionError("htmx did not settle within 5 s")


def test_the_lanes_view_is_a_toggle_kept_in_the_url_through_filtering(page):
    page.goto("/officials/hikmet-hajiyev/")
    click_and_settle(page, page.get_by_role("link", name="Lanes by topic"))
    page.wait_for_url(re.compile(r"view=lanes"))
    assert page.locator("th.lane-label").count() == 8
    page.select_option("#id_topic", "karabakh")
    expect(page.locator("th.lane-label")).to_have_count(1)
    assert "view=lanes" in page.url and "topic=karabakh" in page.url
    page.get_by_role("link", name="List", exact=True).click()
    expect(page.locator(CLAIMS)).to_have_count(7)
    assert "view=lanes" not in page.url


def test_paging_swaps_pages_and_keeps_the_filters(browser, live_server, transactional_db):
    statement = make_statement(source_text=" ".join(f"Point {n}." for n in range(150)))
    for n in range(150):
        make_claim(statement, f"Point {n}.", order=n + 1)
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    page.goto("/?q=point")
    assert len(listed_claim_ids(page)) == CLAIMS_PER_PAGE
    page.get_by_role("link", name="Next page →").click()
    page.wait_for_url(re.compile(r"q=point&page=2"))
    expect(page.locator(CLAIMS)).to_have_count(min(CLAIMS_PER_PAGE, 150 - CLAIMS_PER_PAGE))
    assert page.input_value("#id_q") == "point"
    context.close()


def test_search_results_highlight_the_words_searched_for(page):
    page.goto("/")
    page.fill("#id_q", "Khankendi")
    expect(page.locator(CLAIMS)).to_have_count(1)
    marks = page.locator("#results blockquote mark").all_inner_texts()
    assert marks == ["Khankendi"]


def test_nothing_breaks_the_content_security_policy_public_or_admin(page):
    complaints = []
    page.on(
        "console",
        lambda message: (
            complaints.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.goto("/")
    page.select_option("#id_topic", "karabakh")
    expect(page.locator(CLAIMS)).to_have_count(7)
    claim = Claim.objects.get(evidence_spans__quote__startswith="There is no place")
    for url in ("/officials/hikmet-hajiyev/?view=lanes", claim.get_absolute_url()):
        page.goto(url)
    User.objects.create_superuser("editor", "editor@example.org", "right-password-123")
    page.goto(f"/{settings.ADMIN_URL}login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "right-password-123")
    page.click("input[type=submit]")
    page.goto(f"/{settings.ADMIN_URL}statements/statement/{claim.statement_id}/change/")
    expect(page.locator("#claims-group")).to_be_visible()
    assert complaints == []


def test_hostile_text_never_runs_as_script_in_the_browser(browser, live_server, transactional_db):
    payload = HOSTILE_TEXT
    official = make_official(f"Official {payload}", slug="hostile", aliases=payload, bio=payload)
    outlet = make_outlet(f"Outlet {payload}", slug="hostile-outlet")
    topic = make_topic(f"Topic {payload}", slug="hostile-topic", description=payload)
    text = f"Before {payload} after."
    statement = make_statement(
        official,
        headline=payload,
        source_text=text,
        venue=outlet,
        dateline=payload,
        title_as_given=payload,
    )
    claim = make_claim(statement, payload, topics=(topic,), summary=payload)
    # Without the Content Security Policy, which would block the payload anyway: escaping alone
    # must keep it from running.
    context = browser.new_context(base_url=live_server.url, bypass_csp=True)
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for url in (
        "/",
        f"/?q={payload}",
        "/officials/hostile/",
        "/officials/hostile/?view=lanes",
        "/topics/hostile-topic/",
        statement.get_absolute_url(),
        claim.get_absolute_url(),
        "/officials/",
        "/topics/",
    ):
        page.goto(url)
    page.goto("/")
    page.select_option("#id_topic", "hostile-topic")
    expect(page.locator(CLAIMS)).to_have_count(1)
    assert dialogs == []
    context.close()
