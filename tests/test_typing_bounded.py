"""Typing stays fast: one letter asks for more, a term in a quarter of all claims or more is
left out of the search (and the reader told), and the trial that finds it is one bounded query,
kept until the data changes. Matches dense enough are walked in timeline order."""

import re

import pytest
from django.db import connection

from statements.models import Claim
from tests.factories import make_claim, make_official, make_statement
from tests.replay import replayed
from tests.test_counting import get_with_queries
from tests.test_views import HTMX, get_html, listed_claim_ids

pytestmark = pytest.mark.django_db

ROADS = [
    "The road to the north opens.",
    "The bridge over the river is safe.",
    "The bridge will carry the railway.",
    "The tunnel is closed.",
    "The ferry runs daily.",
    "The harbour is dredged.",
    "The airport grows.",
    "The canal is cleaned.",
]


def store_eight_claims() -> None:
    official = make_official()
    for words in ROADS:
        make_claim(make_statement(official, source_text=words, headline="Works"), words)


@pytest.fixture
def eight_claims(monkeypatch) -> None:
    """Eight claims, every one holding "the"; a term in more than two is common here."""
    monkeypatch.setattr("statements.public.common_terms.FEWEST_MATCHES", 1)
    replayed(store_eight_claims)


def result_count(html: str) -> str:
    return " ".join(re.search(r'<p class="result-count">(.*?)</p>', html, re.S).group(1).split())


def notice(html: str) -> str:
    found = re.search(r'<p class="notice search-notice">(.*?)</p>', html, re.S)
    return " ".join(found.group(1).split()) if found else ""


def test_one_letter_asks_for_another_and_searches_nothing(client, eight_claims):
    response = client.get("/?q=t", **HTMX)
    assert response.status_code == 400
    assert "Type at least two letters of a word" in response.content.decode()


def test_a_common_word_is_left_out_and_every_claim_listed(client, eight_claims):
    html = get_html(client, "/?q=%22the%22", **HTMX)
    assert result_count(html) == "8 claims in 8 statements"
    assert notice(html) == (
        "Keep typing: “the” is in more than a quarter of all claims, which narrows little, "
        "so every claim is listed."
    )


def test_a_common_prefix_being_typed_asks_for_more_letters(client, eight_claims):
    html = get_html(client, "/?q=the", **HTMX)
    assert result_count(html) == "8 claims in 8 statements"
    assert notice(html).startswith("Keep typing: “the…” is in more than a quarter")


def test_a_common_word_beside_a_rare_one_is_left_out_and_named(client, eight_claims):
    html = get_html(client, "/?q=the+bridge", **HTMX)
    assert result_count(html) == "2 claims in 2 statements"
    assert notice(html) == (
        "Left out of the search, as more than a quarter of all claims hold it: “the”."
    )
    expected = Claim.objects.filter(evidence_spans__quote__contains="bridge").in_timeline_order()
    assert listed_claim_ids(html) == list(expected.values_list("pk", flat=True))


def test_a_phrase_and_a_rare_word_narrow_as_typed(client, eight_claims):
    assert result_count(get_html(client, "/?q=%22the+bridge+over%22", **HTMX)).startswith("1 claim")
    html = get_html(client, "/?q=tunnel", **HTMX)
    assert result_count(html) == "1 claim in 1 statement"
    assert notice(html) == ""


def test_a_word_in_no_claim_lists_none_and_says_so(client, eight_claims):
    html = get_html(client, "/?q=xylophone", **HTMX)
    assert result_count(html) == "0 claims in 0 statements"
    assert "No claims match these filters." in html
    assert notice(html) == ""


def test_the_trial_of_the_terms_is_one_query_kept_until_the_data_changes(client, eight_claims):
    _, first = get_with_queries(client, "/?q=the+bridge")
    trials = [sql for sql in first if "(SELECT n + 1 FROM bound)" in sql]  # on either database
    assert len(trials) == 1
    _, again = get_with_queries(client, "/?q=the+bridge&order=oldest")
    assert not [sql for sql in again if "FROM bound" in sql]


def test_the_export_searches_as_the_page_does(client, eight_claims):
    csv_text = client.get("/export.csv?q=the+bridge").getvalue().decode("utf-8-sig")
    assert len(csv_text.strip().splitlines()) == 1 + 2  # the header and the two bridges


# SQLite walks matches in one claim in twenty or more against them kept in memory, sparser
# ones in SQL; PostgreSQL walks in SQL.
WALKS = {
    ("sqlite", True): "SELECT group_concat(rowid, ' ')",
    ("sqlite", False): '+"statements_claim"."id" IN',
    **{
        ("postgresql", in_memory): "(SELECT document FROM claim_search WHERE claim_id = "
        for in_memory in (True, False)
    },
}


@pytest.mark.parametrize("in_memory", [True, False])
@pytest.mark.parametrize("query", ["bridge", "the+bridge", "%22the+bridge%22", "ferry", "canal"])
def test_dense_matches_walked_in_order_list_what_sorted_matches_list(
    client, eight_claims, monkeypatch, query, in_memory
):
    monkeypatch.setattr("statements.public.views.filtered.DENSE_SHARE", 10**9)  # always walked
    monkeypatch.setattr(
        "statements.public.walked_search.IN_MEMORY_SHARE", 10**9 if in_memory else 0
    )
    html, queries = get_with_queries(client, f"/?q={query}&order=oldest")
    walked = listed_claim_ids(html)
    monkeypatch.setattr("statements.public.views.filtered.DENSE_SHARE", 0)  # never walked
    sorted_ids = listed_claim_ids(get_html(client, f"/?q={query}&order=oldest&page=1"))
    assert walked == sorted_ids
    assert walked
    assert [sql for sql in queries if WALKS[connection.vendor, in_memory] in sql]


@pytest.mark.parametrize("share", [10**9, 0])  # walked in timeline order; every match listed
@pytest.mark.parametrize("order", ["", "&order=oldest"])
def test_a_searchs_first_page_is_found_by_its_keys_first_then_its_rows(
    client, eight_claims, monkeypatch, share, order
):
    monkeypatch.setattr("statements.public.views.filtered.DENSE_SHARE", share)
    monkeypatch.setattr("statements.public.views.filtered.CLAIMS_PER_PAGE", 1)
    html, queries = get_with_queries(client, f"/?q=bridge{order}")
    matches = Claim.objects.filter(summary__contains="bridge").in_timeline_order(not order)
    assert listed_claim_ids(html) == list(matches.values_list("pk", flat=True)[:1])
    assert "Next page" in html  # the second bridge is on the next page
    keys = [sql for sql in queries if sql.startswith('SELECT "statements_claim"."id" AS "pk"')]
    assert len(keys) == 1 and "statements_evidence" not in keys[0]  # no join to what it shows


def store_forty_claims() -> None:
    official = make_official()
    for number in range(40):
        subject = "bridge" if number < 24 else "ferry" if number < 26 else f"road {number}"
        words = f"Point {number}: the {subject} comes first."
        make_claim(make_statement(official, source_text=words, headline="Works"), words)


@pytest.fixture
def forty_claims(monkeypatch) -> None:
    """Forty claims: "bridge" in 24 of them, "ferry" in 2; the database's statistics gathered."""
    monkeypatch.setattr("statements.public.common_terms.FEWEST_MATCHES", 1)
    replayed(store_forty_claims)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE claim_search")


def test_common_and_rare_words_told_apart_by_the_statistics_on_large_sites(
    client, forty_claims, monkeypatch
):
    """Past a size, PostgreSQL takes a term's matches from its statistics unless they are near
    the bound: they leave out the same words as counting them would."""
    monkeypatch.setattr("statements.public.common_terms.ESTIMATED_PAST", 0)
    html = get_html(client, "/?q=bridge+ferry", **HTMX)
    assert (
        notice(html)
        == "Left out of the search, as more than a quarter of all claims hold it: “bridge”."
    )
    assert result_count(html) == "2 claims in 2 statements"
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT claim_search_matches('bridge', 2, 0)")
            assert cursor.fetchone()[0] > 2  # an estimate: a count stops at 2


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's trial function")
def test_the_trial_of_a_term_has_memory_for_an_exact_bitmap_of_its_matches():
    """At a million claims, 4 MB let the bitmap of a quarter of them go lossy (migration 0023)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT proconfig FROM pg_proc WHERE proname = 'claim_search_matches'")
        assert set(cursor.fetchone()[0]) == {"enable_seqscan=off", "work_mem=32MB"}
