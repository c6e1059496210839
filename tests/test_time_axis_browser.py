"""Time as distance, in a real Chromium: gaps that grow with time, an overview strip that narrows
the dates, lanes worth clicking, results first on a phone, and a form that follows the address."""

import re
from datetime import date
from urllib.parse import parse_qs, urlparse

import pytest
from django.core.cache import caches
from playwright.sync_api import expect

from statements.models import Official
from tests.factories import make_claim, make_official, make_statement, make_topic
from tests.replay import replayed
from tests.test_accessibility import axe, violations  # noqa: F401 (a fixture)
from tests.test_browser import listed_claim_ids, mark_the_page, was_not_reloaded

pytestmark = pytest.mark.browser

CLAIMS = "[id^=timeline-claim-]"
QUOTE = "We will build the bridge."


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def store_spread_out() -> Official:
    official = make_official()
    roads = make_topic("Roads")
    for day in (date(2024, 1, 10), date(2024, 1, 10), date(2024, 2, 10), date(2024, 8, 10)):
        text = f"On {day:%-d %B %Y} {len(official.statements.all())}: {QUOTE} Nothing else."
        make_claim(make_statement(official, date=day, source_text=text), QUOTE, topics=(roads,))
    return official


@pytest.fixture
def spread_out(transactional_db) -> Official:
    """Ana Petrova on roads in January, February (a month later) and August (six months on),
    twice on one January day."""
    return replayed(store_spread_out)


@pytest.fixture
def live_page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="en-US", bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def room_between(page, above: int, below: int) -> float:
    """Pixels between the bottom of one statement's card and the top of another's."""
    cards = page.locator("article.statement")
    upper, lower = cards.nth(above).bounding_box(), cards.nth(below).bounding_box()
    return lower["y"] - (upper["y"] + upper["height"])


def test_six_months_between_statements_take_clearly_more_room_than_one(live_page, spread_out):
    live_page.goto("/")  # newest first: August, February, then January twice
    six_months, one_month = room_between(live_page, 0, 1), room_between(live_page, 1, 2)
    assert six_months - one_month > 60 and six_months > 1.4 * one_month
    gaps = live_page.locator(".time-gap").all_inner_texts()
    assert gaps == ["6 months earlier", "1 month earlier"]
    live_page.select_option("#id_order", "oldest")
    expect(live_page.locator(".time-gap")).to_have_text(["1 month later", "6 months later"])


def test_the_overview_strip_is_a_time_scale_whose_periods_narrow_the_dates(page):
    page.goto("/")
    bars = page.locator(".activity-bars a")
    expect(bars).to_have_count(7)  # September 2023 to March 2024, the empty months included
    september = page.get_by_role("link", name="Sep 2023: 14 claims")
    march = page.get_by_role("link", name="Mar 2024: 11 claims")
    width = september.bounding_box()["width"]
    assert march.bounding_box()["x"] - september.bounding_box()["x"] == pytest.approx(
        6 * width, abs=2
    )
    mark_the_page(page)
    september.click()
    page.wait_for_url(re.compile(r"date_before=2023-09-30"))
    expect(page.locator(CLAIMS)).to_have_count(14)
    assert was_not_reloaded(page)
    assert query(page) == {"date_after": ["2023-09-01"], "date_before": ["2023-09-30"]}
    assert page.input_value("#id_date_0") == "2023-09-01"
    assert page.input_value("#id_date_1") == "2023-09-30"
    page.go_back()
    expect(page.locator(CLAIMS)).to_have_count(25)
    assert page.input_value("#id_date_0") == page.input_value("#id_date_1") == ""


def test_the_strip_narrows_the_dates_without_javascript(browser, live_server, seeded_live):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/officials/hikmet-hajiyev/")
    page.get_by_role("link", name="Mar 2024: 11 claims").click()
    page.wait_for_url(re.compile(r"date_after=2024-03-01"))
    assert len(listed_claim_ids(page)) == 11
    assert page.input_value("#id_date_0") == "2024-03-01"
    context.close()


@pytest.mark.parametrize("url", ["/", "/officials/hikmet-hajiyev/"])
def test_on_a_phone_the_results_come_first_and_the_filters_are_one_tap_away(page, url):
    page.set_viewport_size({"width": 375, "height": 812})
    page.goto(url)
    assert page.locator("article.statement").first.bounding_box()["y"] < 812
    expect(page.locator("#id_topic")).to_be_hidden()
    page.get_by_text("Filters", exact=True).click()
    page.select_option("#id_topic", "karabakh")
    expect(page.locator(CLAIMS)).to_have_count(7)
    expect(page.locator(".filter-panel summary")).to_have_text("Filters (1 active)")


@pytest.mark.parametrize("javascript", [True, False])
def test_the_filters_show_unfolded_beside_the_results_on_a_wide_screen(
    browser, live_server, seeded_live, javascript
):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=javascript)
    page = context.new_page()
    page.goto("/?topic=karabakh")
    expect(page.locator("#id_topic")).to_be_visible()
    expect(page.locator(".filter-panel summary")).to_be_hidden()
    context.close()


def test_back_forward_and_reload_put_the_address_back_into_every_field(page):
    page.goto("/")
    page.fill("#id_q", "road")
    page.wait_for_url(re.compile(r"q=road"))
    page.fill("#id_date_0", "2023-09-10")
    page.wait_for_url(re.compile(r"date_after=2023-09-10"))
    expect(page.locator(CLAIMS)).to_have_count(3)
    page.go_back()
    page.wait_for_url(re.compile(r"/\?q=road$"))
    assert (page.input_value("#id_q"), page.input_value("#id_date_0")) == ("road", "")
    page.go_back()
    page.wait_for_url(re.compile(r"/$"))
    assert page.input_value("#id_q") == ""
    page.go_forward()
    page.wait_for_url(re.compile(r"/\?q=road$"))
    assert page.input_value("#id_q") == "road"
    page.go_forward()
    page.wait_for_url(re.compile(r"date_after=2023-09-10"))
    assert (page.input_value("#id_q"), page.input_value("#id_date_0")) == ("road", "2023-09-10")
    # Typed without a request being sent: what a browser may bring back into the box on reload.
    page.evaluate("document.querySelector('#id_q').value = 'typed, never sent'")
    page.reload()
    assert (page.input_value("#id_q"), page.input_value("#id_date_0")) == ("road", "2023-09-10")


def test_going_back_to_a_page_htmx_kept_no_copy_of_brings_the_whole_page(page):
    page.goto("/")
    page.evaluate("htmx.config.historyCacheSize = 0")  # every Back asks the server
    page.select_option("#id_topic", "karabakh")
    expect(page.locator(CLAIMS)).to_have_count(7)
    caches["pages"].clear()  # rendered afresh, not the page kept from the first visit
    page.go_back()
    expect(page.locator(CLAIMS)).to_have_count(25)
    expect(page.locator("form.filters")).to_have_count(1)
    expect(page.locator(".site-header")).to_have_count(1)
    assert page.input_value("#id_topic") == ""


def test_a_date_typed_digit_by_digit_sends_one_request_and_adds_one_history_entry(
    live_page, seeded_live
):
    page = live_page  # typed in the order an American English date box asks: month, day, year
    page.goto("/")
    asked = []
    # The results' requests: the facet counts that may follow them (counts=1) are not counted.
    results = lambda url: "date_after" in url and "counts=1" not in url  # noqa: E731
    page.on("request", lambda r: asked.append(r.url) if results(r.url) else None)
    entries = page.evaluate("history.length")
    page.click("#id_date_0")
    page.keyboard.type("03012024")  # month, day, then the year a digit at a time
    page.wait_for_url(re.compile(r"date_after=2024-03-01"))
    expect(page.locator(CLAIMS)).to_have_count(11)
    page.keyboard.press("Tab")
    assert len(asked) == 1, asked
    assert page.evaluate("history.length") == entries + 1


def test_lane_marks_are_big_enough_named_and_reached_by_keyboard(live_page, spread_out):
    live_page.set_viewport_size({"width": 375, "height": 812})
    live_page.goto("/officials/ana-petrova/?view=lanes")
    marks = live_page.locator(".lane-track a")
    expect(marks).to_have_count(3)  # January's two claims are one mark, counted
    for mark in marks.all():
        box = mark.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24
    names = [mark.get_attribute("aria-label") for mark in marks.all()]
    assert names[0] == "Roads: 2 claims, 10 Jan 2024"
    assert names[1] == f"Roads, 10 Feb 2024: Summary of: {QUOTE}"
    live_page.focus(".lanes-scroll")
    live_page.keyboard.press("Tab")
    assert live_page.evaluate("document.activeElement.getAttribute('aria-label')") == names[0]
    live_page.keyboard.press("ArrowRight")  # along the row, as on a timeline
    assert live_page.evaluate("document.activeElement.getAttribute('aria-label')") == names[1]
    live_page.keyboard.press("ArrowLeft")
    assert live_page.evaluate("document.activeElement.getAttribute('aria-label')") == names[0]
    label = live_page.locator("th.lane-label").bounding_box()
    live_page.locator(".lane-track a").last.focus()  # far right: the chart scrolls to it
    assert live_page.evaluate("document.querySelector('.lanes-scroll').scrollLeft") > 0
    assert live_page.locator("th.lane-label").bounding_box()["x"] == label["x"]
    assert live_page.evaluate("document.documentElement.scrollWidth") <= 375
    live_page.keyboard.press("Shift+Tab")
    live_page.keyboard.press("Shift+Tab")
    live_page.keyboard.press("Enter")
    live_page.wait_for_url(re.compile(r"date_before=2024-01-10"))
    expect(live_page.locator(CLAIMS)).to_have_count(2)
    assert query(live_page)["topic"] == ["roads"]


@pytest.mark.parametrize("width", [1280, 375])
def test_axe_finds_nothing_on_the_time_axis_views(live_page, axe, spread_out, width):  # noqa: F811
    live_page.set_viewport_size({"width": width, "height": 812})
    for url in ("/", "/officials/ana-petrova/?view=lanes"):
        live_page.goto(url)
        if width < 600:
            live_page.locator(".filter-panel summary").click()
        assert violations(live_page, axe) == [], url
