"""A dense search's first page, walked in timeline order against its matches kept in memory
(SQLite; PostgreSQL walks in SQL), lists what listing every match in order lists."""

from datetime import date, timedelta

import numpy
import pytest
from django.db import connection

from statements.models import Claim
from statements.public import walked_search
from statements.public.search import parse
from tests.factories import make_claim, make_official, make_statement
from tests.replay import replayed
from tests.test_counting import get_with_queries
from tests.test_typing_bounded import WALKS
from tests.test_views import HTMX, get_html, listed_claim_ids

pytestmark = pytest.mark.django_db
ON_SQLITE = connection.vendor == "sqlite"
KEY_READS = 'SELECT "statements_claim"."id" AS "pk" FROM "statements_claim"'


def store_scattered_bridges() -> dict:
    officials = [make_official("Ana Petrova"), make_official("Ivo Marin")]
    for number in range(48):
        subject = "bridge" if number % 5 == 0 else f"road {number}"
        words = f"Point {number}: the {subject} comes first."
        statement = make_statement(
            officials[number % 2],
            date=date(2024, 1, 1) + timedelta(days=number),
            source_text=words,
            headline="Works",
        )
        make_claim(statement, words)
    return {"officials": officials}


@pytest.fixture
def scattered_bridges(monkeypatch) -> dict:
    """Forty-eight claims, one a day, two officials in turn; every fifth is about a bridge (a
    term in a quarter of the claims would be left out of the search)."""
    monkeypatch.setattr("statements.public.common_terms.FEWEST_MATCHES", 1)
    return replayed(store_scattered_bridges)


def walked_and_sorted(
    client, monkeypatch, query: str, page: int = 1
) -> tuple[list[int], list[int], list[str]]:
    """A page's claims walked (and the queries), then listed from every match in order (asked
    with the parameters the other way round, so that the page kept is not sent again)."""
    monkeypatch.setattr("statements.public.views.filtered.DENSE_SHARE", 10**9)
    html, queries = get_with_queries(client, f"/?{query}&page={page}")
    monkeypatch.setattr("statements.public.views.filtered.DENSE_SHARE", 0)
    sorted_ids = listed_claim_ids(get_html(client, f"/?page={page}&{query}", **HTMX))
    return listed_claim_ids(html), sorted_ids, queries


@pytest.fixture
def read_in_small_steps(monkeypatch) -> None:
    """Three claims a page, read a few at a time: the walk takes several reads, then the rest.
    Every dense search is walked in memory."""
    monkeypatch.setattr(walked_search, "IN_MEMORY_SHARE", 10**9)
    monkeypatch.setattr("statements.public.views.filtered.CLAIMS_PER_PAGE", 3)
    monkeypatch.setattr(walked_search, "MARGIN", 0.1)
    monkeypatch.setattr(walked_search, "FEWEST_READ", 2)
    monkeypatch.setattr(walked_search, "READS_BEFORE_THE_REST", 2)


def walked_in_memory(queries: list[str]) -> bool:
    """Whether the page was walked as the matches in memory walk it on SQLite: by keys read
    without the search; on PostgreSQL, by each claim's own document checked."""
    if ON_SQLITE:
        return any(sql.startswith(KEY_READS) and "claim_search" not in sql for sql in queries)
    return any(WALKS["postgresql", True] in sql for sql in queries)


@pytest.mark.parametrize("query", ["bridge", "brid", "the+bridge", "%22the+bridge%22"])
@pytest.mark.usefixtures("scattered_bridges", "read_in_small_steps")
def test_a_walk_in_several_reads_lists_what_every_match_in_order_lists(client, monkeypatch, query):
    bridges = set(Claim.objects.filter(summary__contains="bridge").values_list("pk", flat=True))
    for view in ("", "&order=oldest", "&official=ivo-marin", "&official=ivo-marin&order=oldest"):
        walked, sorted_ids, queries = walked_and_sorted(client, monkeypatch, f"q={query}{view}")
        assert walked == sorted_ids, view
        assert len(walked) == 3 and set(walked) <= bridges, view
        assert walked_in_memory(queries), view
        if ON_SQLITE:  # several reads
            assert len([sql for sql in queries if sql.startswith(KEY_READS)]) > 1, view


@pytest.mark.usefixtures("scattered_bridges", "read_in_small_steps")
def test_the_next_pages_are_walked_too_from_whichever_end_is_nearer(client, monkeypatch):
    for order in ("", "&order=oldest"):
        for page in (2, 3, 4):  # the third and fourth read from the oldest end
            query = f"q=bridge{order}"
            walked, sorted_ids, queries = walked_and_sorted(client, monkeypatch, query, page)
            assert walked == sorted_ids, (order, page)
            assert len(walked) == (1 if page == 4 else 3), (order, page)  # ten bridges, 3 a page
            assert walked_in_memory(queries), (order, page)


@pytest.mark.usefixtures("scattered_bridges", "read_in_small_steps")
def test_a_page_too_far_to_walk_to_in_memory_is_walked_in_sql_or_listed(client, monkeypatch):
    """SQLite walks it in SQL (listing every match sorted them all); PostgreSQL lists it."""
    monkeypatch.setattr("statements.public.views.filtered.WALKED_AT_MOST", 20)
    walked, sorted_ids, queries = walked_and_sorted(client, monkeypatch, "q=bridge", 2)
    assert walked == sorted_ids and len(walked) == 3
    assert not walked_in_memory(queries)
    assert bool([sql for sql in queries if WALKS[connection.vendor, False] in sql]) == ON_SQLITE
    _, _, queries = walked_and_sorted(client, monkeypatch, "q=bridge&order=oldest", 1)
    assert walked_in_memory(queries)


def test_a_search_whose_terms_are_never_together_is_walked_to_its_end(
    client, scattered_bridges, read_in_small_steps, monkeypatch
):
    """Point 27 is about a road: the walk reads every claim, and finds none."""
    walked, sorted_ids, _ = walked_and_sorted(client, monkeypatch, "q=bridge+27")
    assert walked == sorted_ids == []
    assert "No claims match these filters." in get_html(client, "/?q=bridge+27")


def test_a_claim_published_after_the_search_was_walked_is_found_at_once(
    client, scattered_bridges, monkeypatch
):
    monkeypatch.setattr("statements.public.views.filtered.DENSE_SHARE", 10**9)
    first = listed_claim_ids(get_html(client, "/?q=bridge", **HTMX))
    words = "Point 99: the bridge comes last."
    newest = make_claim(
        make_statement(
            scattered_bridges["officials"][0],
            date=date(2025, 1, 1),
            source_text=words,
            headline="Works",
        ),
        words,
    )
    again = listed_claim_ids(get_html(client, "/?q=bridge", **HTMX))
    assert again == [newest.pk, *first][: len(again)]


@pytest.mark.skipif(not ON_SQLITE, reason="the matches are kept in memory on SQLite alone")
def test_the_matches_kept_stay_within_their_memory(scattered_bridges, monkeypatch):
    bridges = walked_search.search_matches("default", "v1", tuple(parse("bridge")))
    assert bridges.tolist() == sorted(
        Claim.objects.filter(summary__contains="bridge").values_list("pk", flat=True)
    )
    monkeypatch.setattr(walked_search, "MEMORY", bridges.nbytes)
    walked_search.search_matches("default", "v2", tuple(parse("bridge")))
    assert list(walked_search.kept_matches) == [("default", "v2", tuple(parse("bridge")))]


@pytest.mark.same_on_any_database
def test_keys_are_among_the_matches_only_when_they_are_one_of_them():
    matches = numpy.array([3, 8, 20], dtype=numpy.int64)
    keys = numpy.array([1, 3, 9, 20, 25], dtype=numpy.int64)
    assert walked_search.among(keys, matches).tolist() == [False, True, False, True, False]
    empty = numpy.array([], dtype=numpy.int64)
    assert walked_search.among(keys, empty).tolist() == [False] * 5
