"""In a real Chromium against the live server: the results of a new search come first and its
facet counts follow, exact, announced to screen readers."""

import pytest
from playwright.sync_api import expect

from statements.models import Claim
from statements.public.search import search_claims

pytestmark = pytest.mark.browser

CLAIMS = "[id^=timeline-claim-]"
ANNOUNCED = "Each filter option now shows how many claims it gives."


def claims_found(words: str, **filters: str) -> int:
    return search_claims(Claim.objects.published().filter(**filters), words).distinct().count()


def option(page, select: str, value: str):
    return page.locator(f"{select} option[value='{value}']")


@pytest.mark.parametrize("words", ["regime", "Lachin"])
def test_the_counts_of_a_new_search_appear_after_its_results(page, words):
    page.goto("/")
    is_results = lambda r: f"q={words}" in r.url and "counts=1" not in r.url  # noqa: E731
    with (
        page.expect_response(is_results) as results,
        page.expect_response(lambda r: "counts=1" in r.url) as counts,
    ):
        page.fill("#id_q", words)
    # The results came without the counts, which a second request brought.
    assert "Karabakh (" not in results.value.text()
    assert results.value.request.headers.get("hx-request") == "true"
    assert counts.value.status == 200
    expect(page.locator(CLAIMS)).to_have_count(claims_found(words))
    on_karabakh = claims_found(words, topics__slug="karabakh")
    expect(option(page, "#id_topic", "karabakh")).to_have_text(f"Karabakh ({on_karabakh})")
    expect(page.locator("#facet-announcer")).to_have_text(ANNOUNCED)
    expect(page.locator("#field-topic[aria-busy]")).to_have_count(0)


def test_the_counts_follow_the_latest_search_when_words_change_quickly(page):
    page.goto("/")
    page.fill("#id_q", "regime")
    expect(page.locator("#facet-announcer")).to_have_text(ANNOUNCED)
    page.fill("#id_q", "Lachin")
    lachin_on_karabakh = claims_found("Lachin", topics__slug="karabakh")
    expect(option(page, "#id_topic", "karabakh")).to_have_text(f"Karabakh ({lachin_on_karabakh})")
    expect(page.locator(CLAIMS)).to_have_count(claims_found("Lachin"))
