"""Usable by everyone: axe-core finds nothing, keyboard alone works, narrow screens fit."""

import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect

from statements.models import Claim

pytestmark = pytest.mark.browser

CLAIMS = "[id^=timeline-claim-]"

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"

PAGES = [
    "/",
    "/?topic=karabakh&q=regime",
    "/?official=nobody",
    "/?q=nothing-matches-this",
    "/officials/",
    "/officials/hikmet-hajiyev/",
    "/officials/hikmet-hajiyev/?topic=peace-process",
    "/officials/hikmet-hajiyev/?view=lanes",
    "/topics/",
    "/topics/karabakh/",
    "/compare/",
    "/compare/?a=hikmet-hajiyev&b=hikmet-hajiyev",
    "/feed/?topic=karabakh",
]


@pytest.fixture
def axe():
    if not AXE.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"axe-core is missing at {AXE}; `make test` installs it with npm.")
        pytest.skip("axe-core is not installed; `make test` installs it with npm.")
    return AXE


@pytest.fixture
def audited_page(browser, live_server, seeded_live):
    """A page that lets the test inject axe-core past our Content Security Policy."""
    context = browser.new_context(base_url=live_server.url, bypass_csp=True)
    yield context.new_page()
    context.close()


def violations(page, axe_path: Path) -> list[str]:
    page.add_script_tag(path=str(axe_path))
    # Only violations are read; axe then skips detailing the checks that passed.
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['id']} ({v['impact']}): {[node['target'] for node in v['nodes']]}"
        for v in result["violations"]
    ]


def record_pages() -> list[str]:
    claim = Claim.objects.get(evidence_spans__quote__startswith="There is no place")
    return [claim.statement.get_absolute_url(), claim.get_absolute_url()]


@pytest.mark.parametrize("width", [1280, 375])
def test_axe_finds_no_violations_on_any_public_page(audited_page, axe, width):
    audited_page.set_viewport_size({"width": width, "height": 900})
    for url in PAGES + record_pages():
        audited_page.goto(url)
        assert violations(audited_page, axe) == [], url


@pytest.mark.parametrize("url", ["/", "/officials/hikmet-hajiyev/?view=lanes", "/compare/"])
def test_pages_fit_a_375_pixel_screen_without_sideways_scrolling(page, url):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(url)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_statement_and_claim_pages_fit_a_narrow_screen(page):
    page.set_viewport_size({"width": 375, "height": 800})
    for url in record_pages():
        page.goto(url)
        assert page.evaluate("document.documentElement.scrollWidth") <= 375, url


def test_the_timeline_can_be_filtered_with_the_keyboard_alone(page):
    page.goto("/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "id_topic":
            break
    assert page.evaluate("document.activeElement.id") == "id_topic"
    page.keyboard.press("ArrowDown")
    page.wait_for_url(re.compile(r"topic="))
    expect(page.locator(CLAIMS)).not_to_have_count(25)
    assert page.evaluate("document.activeElement.id") == "id_topic"


def test_the_new_result_count_is_announced_after_a_swap(page):
    page.goto("/")
    announcer = page.locator("#result-announcer")
    assert announcer.get_attribute("aria-live") == "polite"
    page.select_option("#id_outlet", "tass")
    expect(announcer).to_have_text("14 claims in 1 statement.")
    assert announcer.inner_text() == "14 claims in 1 statement."
