"""In a real Chromium against the live server: a new search's first page comes before its
totals, which follow with the facet counts, together with the activity over time."""

import re

import pytest
from playwright.sync_api import expect

from tests.replay import replayed
from tests.test_totals_follow import store_many_bridges

pytestmark = pytest.mark.browser


@pytest.fixture
def bridges_page(browser, live_server, transactional_db):
    replayed(store_many_bridges)
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.mark.parametrize("width", [1280, 375])
def test_the_totals_of_a_new_search_follow_its_first_page(bridges_page, width):
    page = bridges_page
    page.set_viewport_size({"width": width, "height": 900})
    held = []  # the counts request, held until the page has been seen without them

    def hold(route) -> None:  # Playwright takes a Python function, not a bound builtin
        held.append(route)

    page.route(re.compile(r"counts=totals"), hold)
    page.goto("/")
    if width < 600:  # the filters fold behind a button on phones
        page.locator(".filter-panel summary").click()
    page.fill("#id_q", "bridge")
    expect(page.locator("[id^=timeline-claim-]")).to_have_count(50)
    expect(page.locator(".result-count")).to_have_text("Counting the matching claims…")
    expect(page.locator("#result-announcer")).to_have_text("Claims listed; counting them.")
    expect(page.locator(".activity")).to_have_count(0)
    expect(page.locator(".pager-next")).to_be_visible()
    page.wait_for_function("document.querySelectorAll('[data-counts-loader]').length === 1")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.locator("#result-count").scroll_into_view_if_needed()
    page.screenshot(path=f"/tmp/totals-counting-{width}.png")
    (counts,) = held
    counts.continue_()
    expect(page.locator(".result-count")).to_have_text("65 claims in 13 statements · page 1 of 2")
    expect(page.locator(".result-count[aria-busy]")).to_have_count(0)
    expect(page.locator("#result-announcer")).to_have_text("65 claims in 13 statements.")
    expect(page.locator(".activity figcaption")).to_contain_text("65 claims, Jan 2023 – Jan 2024")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.locator("#result-count").scroll_into_view_if_needed()
    page.screenshot(path=f"/tmp/totals-counted-{width}.png")
    # A bar of the strip, clicked straight after typing, narrows the dates; a view that one page
    # holds is counted at once.
    page.locator(".activity-bars a").first.click()
    expect(page.locator(".result-count")).to_have_text("5 claims in 1 statement")
    expect(page).to_have_url(re.compile(r"date_after=2023-01-01"))
    assert "counts" not in page.url
