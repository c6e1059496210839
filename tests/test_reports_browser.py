"""In a real browser: a claim told by two reports shows each report's words side by side, stacked
on a phone, the differences marked by more than colour; the wording filter works from the form."""

import re

import pytest
from playwright.sync_api import expect

from tests import reports_fixture
from tests.reports_fixture import claim_of
from tests.test_accessibility import axe, violations  # noqa: F401
from tests.test_browser import listed_claim_ids

pytestmark = pytest.mark.browser
two_reports_live = reports_fixture.two_reports_live

MARK_STYLE = """mark => {
    const style = getComputedStyle(mark);
    return {weight: style.fontWeight, line: style.textDecorationLine};
}"""


@pytest.fixture
def reader(browser, live_server, two_reports_live):
    context = browser.new_context(base_url=live_server.url, bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def boxes(page) -> list[dict]:
    return [figure.bounding_box() for figure in page.locator(".report-words").all()]


def test_the_two_wordings_stand_side_by_side_and_stack_on_a_phone(reader, axe):  # noqa: F811
    url = claim_of(6).get_absolute_url()
    for width in (1280, 375):
        reader.set_viewport_size({"width": width, "height": 900})
        reader.goto(url)
        section = reader.locator(".wording")
        expect(section.locator(".wording-verdict")).to_contain_text(
            "Wording differs between reports"
        )
        expect(section.locator("figcaption").first).to_contain_text("News.Az")
        expect(section.locator("figcaption").nth(1)).to_contain_text("Caspian Ledger")
        first, second = boxes(reader)
        if width == 1280:
            assert first["y"] == second["y"] and first["x"] + first["width"] <= second["x"]
        else:
            assert second["y"] >= first["y"] + first["height"]
        assert reader.evaluate("document.documentElement.scrollWidth") <= width
        marks = section.locator("mark.wording-differs")
        expect(marks).to_have_count(5)
        expect(marks.first).to_have_text(
            "[differs from Caspian Ledger:] 30 years, [end of difference]"
        )
        style = marks.first.evaluate(MARK_STYLE)
        assert style["weight"] == "700" and "underline" in style["line"]
        assert marks.first.locator(".visually-hidden").first.is_hidden() is False  # read aloud
        assert violations(reader, axe) == []
        section.scroll_into_view_if_needed()
        reader.screenshot(path=f"/tmp/reports-claim-{width}.png")
        reader.screenshot(path=f"/tmp/reports-claim-{width}-full.png", full_page=True)


def test_the_statement_page_shows_both_reports(reader, axe):  # noqa: F811
    statement = claim_of(6).statement
    for width in (1280, 375):
        reader.set_viewport_size({"width": width, "height": 900})
        reader.goto(statement.get_absolute_url())
        expect(reader.locator(".source > h2")).to_have_text("2 reports")
        expect(reader.locator(".report h3")).to_have_count(2)
        expect(reader.locator(".report").nth(1).locator("mark.evidence")).to_have_count(4)
        assert reader.evaluate("document.documentElement.scrollWidth") <= width
        assert violations(reader, axe) == []
        reader.screenshot(path=f"/tmp/reports-statement-{width}-full.png", full_page=True)


def test_the_wording_filter_works_from_the_form(reader):
    reader.goto("/")
    reader.select_option("#id_wording", "differs")
    reader.wait_for_url(re.compile(r"wording=differs"))
    expect(reader.locator(".chip")).to_contain_text("Wording differs between reports")
    assert listed_claim_ids(reader) == [claim_of(6).pk]
    reader.get_by_role("link", name="Claim page").click()
    expect(reader.locator(".wording-verdict")).to_contain_text("Wording differs between reports")
