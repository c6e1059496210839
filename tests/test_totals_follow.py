"""The totals of a new search follow its first page: a fragment whose results run past one
page is sent without counting them all, and the request that brings its facet counts brings
the totals and the activity over time too. A page without htmx counts everything at once."""

import re
from datetime import date, timedelta

import pytest

from statements.public.views.filtered import CLAIMS_PER_PAGE
from tests.factories import make_claim, make_official, make_statement
from tests.replay import replayed
from tests.test_counting import get_with_queries
from tests.test_views import HTMX, counts_that_follow, get_html, listed_claim_ids

pytestmark = pytest.mark.django_db

STATEMENTS, CLAIMS_EACH = 13, 5  # 65 claims on the bridge: more than a page


def store_many_bridges() -> None:
    """65 claims on a bridge in 13 statements, a month apart, and one on a road."""
    ana = make_official("Ana Petrova")
    for number in range(STATEMENTS):
        day = date(2023, 1, 10) + timedelta(days=31 * number)
        statement = make_statement(ana, date=day, source_text=f"Statement {number}: bridge.")
        for order in range(1, CLAIMS_EACH + 1):
            make_claim(statement, "bridge", order=order, summary=f"The bridge, part {order}.")
    road = make_statement(ana, headline="A road", source_text="A road, then.")
    make_claim(road, "road", summary="A road.")


@pytest.fixture
def many_bridges(db) -> None:
    replayed(store_many_bridges)


def result_count(html: str) -> str:
    line = re.search(r'<p class="result-count"[^>]*>(.*?)</p>', html, re.S).group(1)
    return " ".join(line.split())


def counted_per_month(queries: list[str]) -> list[str]:
    return [sql for sql in queries if "COUNT(DISTINCT" in sql and 'AS "month"' in sql]


def test_a_new_search_sends_its_first_page_before_counting_every_match(client, many_bridges):
    html, queries = get_with_queries(client, "/?q=bridge")
    assert len(listed_claim_ids(html)) == CLAIMS_PER_PAGE
    assert result_count(html) == "Counting the matching claims…"
    assert 'aria-busy="true">Counting' in html
    assert "Claims listed; counting them." in html
    assert counted_per_month(queries) == []
    assert not [sql for sql in queries if sql.startswith("SELECT COUNT(")]
    assert 'class="pager-next"' in html  # a row read past the page says another follows
    assert 'class="activity"' not in html


def test_the_totals_and_the_activity_come_with_the_facet_counts(client, many_bridges):
    html = get_html(client, "/?q=bridge", **HTMX)
    counts = counts_that_follow(client, html)
    assert 'id="result-count" hx-swap-oob="true"' in counts
    assert result_count(counts) == "65 claims in 13 statements · page 1 of 2"
    assert '<p id="result-announcer" hx-swap-oob="innerHTML">65 claims in 13 statements.' in counts
    assert 'id="activity-chart" hx-swap-oob="true"' in counts
    assert "Activity: 65 claims, Jan 2023 – Jan 2024" in counts
    links = re.findall(r'<a href="([^"]+)" aria-label="[^"]+: \d+ claims?"', counts)
    assert links and all("counts=" not in link for link in links)
    assert "q=bridge" in links[0]


def test_without_htmx_the_page_counts_at_once(client, many_bridges):
    html = get_html(client, "/?q=bridge")
    assert result_count(html) == "65 claims in 13 statements · page 1 of 2"
    assert "Activity: 65 claims" in html
    assert "facet-counts-loader" not in html


def test_a_later_page_is_counted_to_know_where_it_is(client, many_bridges):
    html, queries = get_with_queries(client, "/?q=bridge&page=2")
    assert result_count(html) == "65 claims in 13 statements · page 2 of 2"
    assert len(listed_claim_ids(html)) == STATEMENTS * CLAIMS_EACH - CLAIMS_PER_PAGE
    assert counted_per_month(queries)
    assert "counts=1" in html and "counts=totals" not in html


def test_a_search_held_by_one_page_is_counted_with_it(client, many_bridges):
    html = get_html(client, "/?q=road", **HTMX)
    assert result_count(html) == "1 claim in 1 statement"
    assert "counts=1" in html and "counts=totals" not in html


def test_kept_totals_are_shown_at_once(client, many_bridges):
    counts_that_follow(client, get_html(client, "/?q=bridge", **HTMX))
    html = get_html(client, "/?q=bridge&official=ana-petrova", **HTMX)
    assert result_count(html) == "Counting the matching claims…"  # new filters: not kept
    html = get_html(client, "/?q=bridge&order=oldest", **HTMX)  # the same claims, kept
    assert result_count(html) == "65 claims in 13 statements · page 1 of 2"
    assert listed_claim_ids(html)[0] < listed_claim_ids(html)[-1]


def test_the_first_page_is_the_same_counted_or_not(client, many_bridges):
    uncounted = listed_claim_ids(get_html(client, "/?q=bridge", **HTMX))
    counted = listed_claim_ids(get_html(client, "/?q=bridge"))
    assert uncounted == counted
