"""Results first: a fragment for filters whose facet counts are not kept is sent without them,
and a second request brings them, exact; a page without htmx shows them at once."""

import pytest

from statements.public.counting import ViewCounts
from tests.factories import make_claim, make_official, make_statement, make_topic
from tests.test_counting import get_with_queries
from tests.test_views import HTMX, counts_that_follow, get_html, option_labels

pytestmark = pytest.mark.django_db

BOOSTED = {**HTMX, "HTTP_HX_BOOSTED": "true"}


@pytest.fixture
def facets_counted(monkeypatch) -> list[str]:
    """The facets whose counts a request asks for, whether kept or counted."""
    asked: list[str] = []
    real_facet = ViewCounts.facet

    def facet(self, name):
        asked.append(name)
        return real_facet(self, name)

    monkeypatch.setattr(ViewCounts, "facet", facet)
    return asked


def said(official, words: str, topics=()) -> None:
    make_claim(make_statement(official, source_text=words), words, topics=topics)


@pytest.fixture
def bridges(db):
    roads = make_topic("Roads")
    ana, ben = make_official("Ana Petrova"), make_official("Ben Okoro")
    said(ana, "We will build the bridge.", (roads,))
    said(ana, "The bridge opens in May.", (roads,))
    said(ben, "No bridge this year.")


def test_a_fragment_for_a_new_search_counts_no_facet(client, bridges, facets_counted):
    html, queries = get_with_queries(client, "/?q=bridge")
    assert facets_counted == []
    assert "3 claims in 3 statements" in html
    assert option_labels(html, "official") == {
        "ana-petrova": "Ana Petrova",
        "ben-okoro": "Ben Okoro",
    }
    assert 'id="field-official" hx-swap-oob="true" aria-busy="true"' in html
    # The totals (claims per month), a page of claims, their topics, the selects' options.
    # (The page of claims counts each statement's reports in a subquery: not a facet.)
    facet_queries = [sql for sql in queries if not sql.startswith('SELECT "statements_claim"."id"')]
    assert not [sql for sql in facet_queries if "slug" in sql and "COUNT(" in sql.upper()]
    counts = counts_that_follow(client, html)
    assert sorted(facets_counted) == ["official", "outlet", "topic"]
    assert option_labels(counts, "official") == {
        "ana-petrova": "Ana Petrova (2)",
        "ben-okoro": "Ben Okoro (1)",
    }
    assert option_labels(counts, "topic")["roads"] == "Roads (2)"
    assert "aria-busy" not in counts
    assert "Each filter option now shows how many claims it gives." in counts


def test_the_page_without_javascript_shows_its_counts_at_once(client, bridges, facets_counted):
    html = get_html(client, "/?q=bridge")
    assert sorted(facets_counted) == ["official", "outlet", "topic"]
    assert option_labels(html, "official")["ana-petrova"] == "Ana Petrova (2)"
    assert "facet-counts-loader" not in html
    assert "aria-busy" not in html


def test_a_fragment_whose_counts_are_kept_carries_them(client, bridges, facets_counted):
    get_html(client, "/?q=bridge")  # a visitor without htmx counted them
    html = get_html(client, "/?q=bridge", **HTMX)
    assert option_labels(html, "official")["ben-okoro"] == "Ben Okoro (1)"
    assert "facet-counts-loader" not in html


def test_a_boosted_link_to_new_filters_sends_its_page_before_the_counts(client, bridges):
    html = get_html(client, "/?q=bridge&official=ana-petrova", **BOOSTED)
    assert "<form" in html
    assert option_labels(html, "topic")["roads"] == "Roads"
    counts = counts_that_follow(client, html)
    assert option_labels(counts, "topic")["roads"] == "Roads (2)"
    assert 'id="field-official"' in counts  # "Ben Okoro (1)": what choosing him instead gives
    assert option_labels(counts, "official")["ben-okoro"] == "Ben Okoro (1)"


def test_an_official_page_gets_the_counts_of_its_other_facets(client, bridges):
    html = get_html(client, "/officials/ana-petrova/?q=bridge", **HTMX)
    counts = counts_that_follow(client, html)
    assert 'id="field-official"' not in counts
    assert option_labels(counts, "topic")["roads"] == "Roads (2)"


def test_the_counts_follow_any_page_of_the_results_and_are_kept_too(client, bridges):
    html = get_html(client, "/?q=bridge&page=1", **HTMX)
    counts = counts_that_follow(client, html)
    _, queries = get_with_queries(client, "/?q=bridge&counts=1")
    assert len(queries) == 1  # the data's version: the counts response was kept
    assert "Ana Petrova (2)" in counts


def test_counts_asked_for_bad_filters_get_a_400_not_an_error(client, bridges):
    response = client.get("/?official=nobody&counts=1", **HTMX)
    assert response.status_code == 400
    assert "<option" not in response.content.decode()
    assert "how many claims" not in response.content.decode()


def test_counts_asked_for_without_htmx_get_the_whole_page(client, bridges):
    html = get_html(client, "/?q=bridge&counts=1")
    assert "<form" in html
    assert option_labels(html, "official")["ana-petrova"] == "Ana Petrova (2)"


def test_a_fragment_sent_before_its_counts_is_kept_with_the_request_that_follows(client, bridges):
    first = get_html(client, "/?q=bridge", **HTMX)
    counts_that_follow(client, first)
    again, queries = get_with_queries(client, "/?q=bridge")
    assert again == first  # sent as kept, after one query: its counts follow, kept as well
    assert len(queries) == 1
    _, queries = get_with_queries(client, "/?q=bridge&counts=1")
    assert len(queries) == 1
