"""A newcomer asks how Hikmet Hajiyev's position on the peace process moved from 2023 to 2024,
and has the answer within two clicks from the home page, on the first screen at 1280×800."""

import re

import pytest
from playwright.sync_api import expect

from tests.test_accessibility import AXE, violations

pytestmark = pytest.mark.browser

STORY = "#position-story"
CARD_DATES = f"{STORY} .story-card time"
FIRST_SCREEN = {"width": 1280, "height": 800}


def answer_top(page) -> float:
    """Where the answer starts in the window, which must not have scrolled to show it."""
    assert page.evaluate("window.scrollY") == 0
    return page.locator(STORY).bounding_box()["y"]


def assert_the_answer_is_on_the_first_screen(page) -> None:
    expect(page.locator(CARD_DATES)).to_have_text(["16 September 2023", "29 March 2024"])
    assert answer_top(page) < FIRST_SCREEN["height"]
    verdict = page.locator(f"{STORY} .story-verdicts")
    expect(verdict).to_contain_text("Softened Sep 2023 → Mar 2024")
    assert verdict.bounding_box()["y"] + verdict.bounding_box()["height"] < 800
    expect(page.locator(f"{STORY} .story-gap")).to_have_text(["6 months later"])


def test_choosing_the_official_then_the_topic_on_the_timeline_answers(page):
    page.set_viewport_size(FIRST_SCREEN)
    page.goto("/")
    page.select_option("#id_official", "hikmet-hajiyev")  # first click
    expect(page.locator("#results .position-summary")).to_contain_text("softened")
    page.select_option("#id_topic", "peace-process")  # second click
    page.wait_for_url(re.compile(r"topic=peace-process"))
    assert_the_answer_is_on_the_first_screen(page)


def test_the_officials_name_then_the_summary_line_answers(page):
    page.set_viewport_size(FIRST_SCREEN)
    page.goto("/")
    page.locator("#results .statement .meta a", has_text="Hikmet Hajiyev").first.click()
    page.wait_for_url(re.compile(r"/officials/hikmet-hajiyev/$"))
    page.get_by_role("link", name=re.compile(r"^Peace process & treaty: softened")).click()
    page.wait_for_url(re.compile(r"/officials/hikmet-hajiyev/\?topic=peace-process$"))
    assert_the_answer_is_on_the_first_screen(page)


def test_choosing_a_topic_on_the_officials_page_puts_the_answer_under_the_name(page):
    page.set_viewport_size(FIRST_SCREEN)
    page.goto("/officials/hikmet-hajiyev/")
    expect(page.locator(STORY)).to_have_count(0)
    page.select_option("#id_topic", "peace-process")
    page.wait_for_url(re.compile(r"topic=peace-process"))
    expect(page.locator(f"#position-story-slot {STORY}")).to_have_count(1)
    assert_the_answer_is_on_the_first_screen(page)
    page.select_option("#id_topic", "karabakh")
    expect(page.locator(CARD_DATES)).to_have_text(["16 September 2023"])


def test_the_answer_works_without_javascript(browser, live_server, seeded_live):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.set_viewport_size(FIRST_SCREEN)
    page.goto("/officials/hikmet-hajiyev/")
    page.get_by_role("link", name=re.compile(r"^Peace process & treaty: softened")).click()
    assert_the_answer_is_on_the_first_screen(page)
    context.close()


@pytest.fixture
def audited_page(browser, live_server, seeded_live):
    if not AXE.exists():
        pytest.skip("axe-core is not installed; `make test` installs it with npm.")
    context = browser.new_context(base_url=live_server.url, bypass_csp=True)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("width", [1280, 375])
def test_axe_finds_nothing_on_the_answer(audited_page, width):
    # tests/test_accessibility.py audits the official's page with a topic; this is the other
    # road to the answer.
    audited_page.set_viewport_size({"width": width, "height": 800})
    audited_page.goto("/?official=hikmet-hajiyev&topic=peace-process")
    expect(audited_page.locator(CARD_DATES)).to_have_count(2)
    assert violations(audited_page, AXE) == []
    assert audited_page.evaluate("document.documentElement.scrollWidth") <= width
