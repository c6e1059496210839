"""In a real browser: a claim page names its speaker, select labels are never cut, the feed
link opens something a person can read, and Compare opens on a comparison."""

import pytest
from django.conf import settings
from playwright.sync_api import expect

from statements.models import Claim

pytestmark = pytest.mark.browser

# The room a closed select gives its label: its inner width less the drop-down arrow.
LABEL_FITS = """select => {
    const style = getComputedStyle(select);
    const context = document.createElement("canvas").getContext("2d");
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const label = select.options[select.selectedIndex].text;
    const room = select.clientWidth - parseFloat(style.paddingLeft)
        - parseFloat(style.paddingRight) - 20;
    return {label, needed: context.measureText(label).width, room};
}"""


def test_a_claim_page_names_the_speaker_at_both_widths(page):
    claim = Claim.objects.get(summary__startswith="The Lachin road blockade does not exist")
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(claim.get_absolute_url())
        expect(page.locator("h1")).to_have_text(f"Hikmet Hajiyev: {claim.summary}")
        assert page.title().startswith("Hikmet Hajiyev: The Lachin road blockade")
        expect(page.locator("figcaption")).to_contain_text("— Hikmet Hajiyev, 16 September 2023")
        context = page.locator(".in-context .context").inner_text()
        assert "date 2023" not in context and "px" not in context
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.screenshot(path=f"/tmp/claim-page-{width}.png")
        page.screenshot(path=f"/tmp/claim-page-{width}-full.png", full_page=True)


@pytest.mark.parametrize("path", ["/?topic=peace-process", "/officials/hikmet-hajiyev/"])
def test_the_longest_select_labels_fit_at_375_px(page, path):
    page.set_viewport_size({"width": 375, "height": 812})
    page.goto(path)
    for select in page.locator("form select").all():
        for index in range(select.locator("option").count()):
            select.evaluate(f"s => {{ s.selectedIndex = {index}; }}")
            fit = select.evaluate(LABEL_FITS)
            assert fit["needed"] <= fit["room"], fit


def test_the_feed_link_opens_a_page_to_read(page):
    page.goto("/?topic=karabakh")
    page.get_by_role("link", name="Atom feed").click()
    expect(page.locator("h1")).to_have_text("Follow this view in a feed reader")
    address = page.get_by_label("Feed address: copy it into your feed reader")
    expect(address).to_have_value(f"{settings.SITE_URL}/feed.atom?topic=karabakh")
    expect(page.locator(".feed-entries li").first).to_contain_text("Hikmet Hajiyev: ")


def test_compare_opens_on_one_officials_two_periods(page):
    page.goto("/compare/")
    expect(page.locator("table.compare thead")).to_contain_text("Hikmet Hajiyev, until 16 Sep 2023")
    expect(page.locator("table.compare thead")).to_contain_text("Hikmet Hajiyev, from 29 Mar 2024")
    assert "---------" not in page.content()
