"""On PostgreSQL, the counts of a search for a common prefix are kept on write (migration 0029):
after every kind of write they are what counting the matches again gives, the page reads them
instead of grouping the matches and shows the same numbers, and the command keeps the prefixes
that match many claims and drops those that no longer do."""

from io import StringIO

import pytest
from django.core.cache import caches
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from hypothesis import given, settings

from statements.models import Statement, StatementStatus
from statements.ops.claim_tally import rebuild_tally
from statements.ops.search_prefixes import add, keep_search_counts, query_of
from statements.public.keyed_counts import GROUPED, KEPT
from statements.public.versions import forget_in_process
from tests.tally_archive import stored_archive
from tests.test_claim_tally import EDITS_RUN, RANDOM_EDITS, WRITES
from tests.test_counting import get_with_queries
from tests.test_totals_follow import result_count
from tests.test_views import HTMX, counts_that_follow, get_html, option_labels

ON_POSTGRES = connection.vendor == "postgresql"
postgres_only = pytest.mark.skipif(not ON_POSTGRES, reason="kept on PostgreSQL alone")
OFFICIALS, MONTHS = 1, 4  # parts of a key (migration 0021)


@pytest.fixture
def archive(db) -> dict:
    return stored_archive()


def every_prefix_kept() -> set[str]:
    """Keep every prefix that matches a claim; the prefixes kept."""
    keep_search_counts(connection.alias, min_matches=1)
    with connection.cursor() as cursor:
        cursor.execute("SELECT prefix FROM search_prefix")
        return {prefix for (prefix,) in cursor.fetchall()}


def rows(sql: str, params: list) -> set[tuple]:
    """(part, value, claims, statements) rows; statements are a month's alone."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {
            (part, value, claims, n if part == MONTHS else 0) for part, value, claims, n in cursor
        }


def kept_rows(prefix: str) -> set[tuple]:
    return rows(KEPT, [prefix])


def counted_rows(prefix: str) -> set[tuple]:
    matched = "f.words @@ to_tsquery('simple', %s)"
    return rows(GROUPED.format(matched=matched), [query_of(prefix)])


def assert_kept_as_counted(prefixes: set[str]) -> None:
    for prefix in sorted(prefixes):
        assert kept_rows(prefix) == counted_rows(prefix), prefix


@postgres_only
def test_every_prefix_of_the_archives_words_is_kept_and_counted_exactly(archive):
    prefixes = every_prefix_kept()
    assert {"bui", "build", "built", "bridge", "critics", "never"} <= prefixes
    assert not {"we", "it"} & prefixes  # shorter than a searched prefix
    assert kept_rows("built") and kept_rows("bui") != kept_rows("built")
    assert_kept_as_counted(prefixes)


@postgres_only
@pytest.mark.parametrize("write", list(WRITES), ids=list(WRITES))
def test_after_each_kind_of_write_the_kept_counts_are_a_count_of_the_matches(archive, write):
    prefixes = every_prefix_kept()
    WRITES[write](archive)
    assert_kept_as_counted(prefixes)


@postgres_only
@pytest.mark.slow
@settings(EDITS_RUN, max_examples=15)
@given(edits=RANDOM_EDITS)
def test_after_any_edits_and_a_rebuild_the_kept_counts_are_a_count_of_the_matches(db, edits):
    with transaction.atomic():
        stored_archive()
        prefixes = every_prefix_kept()
        for edit, number in edits:
            edit(number)
        assert_kept_as_counted(prefixes)
        rebuild_tally()  # the facet rows emptied and written again, as a move does
        assert_kept_as_counted(prefixes)
        transaction.set_rollback(True)


@postgres_only
@pytest.mark.parametrize("write", ["claims of two months added by one statement", "rebuilt"])
def test_a_write_of_more_rows_than_the_bound_has_every_kept_prefix_counted_again(archive, write):
    prefixes = every_prefix_kept()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL search_prefix_counts.recount_past = 1")
        # Counts gone wrong: only counting every prefix again from its matches mends them.
        cursor.execute("UPDATE search_prefix_counts SET claims = claims + 100")
    if write == "rebuilt":
        rebuild_tally()
    else:
        WRITES[write](archive)
    assert_kept_as_counted(prefixes)


def forget_counts() -> None:
    for cache in caches.all():
        cache.clear()
    forget_in_process()


@postgres_only
@pytest.mark.parametrize("query", ["bri", "buil", "Critics"])
def test_a_search_for_a_kept_prefix_reads_its_counts_and_shows_the_same(client, archive, query):
    counted = get_html(client, f"/?q={query}")  # without htmx the page counts everything
    every_prefix_kept()
    forget_counts()
    html, queries = get_with_queries(client, f"/?q={query}", htmx=False)
    assert html == counted
    assert any("FROM search_prefix_counts" in sql for sql in queries)
    assert not any("unnest(f.keys)" in sql for sql in queries)


@postgres_only
def test_a_new_search_for_a_kept_prefix_brings_its_counts_with_its_first_results(client, archive):
    counted = get_html(client, "/?q=bri", **HTMX)
    assert "facet-counts-loader" in counted  # counted from the matches: the counts follow
    assert option_labels(counted, "topic")["roads"] == "Roads"
    counts = counts_that_follow(client, counted)
    every_prefix_kept()
    forget_counts()
    fragment, queries = get_with_queries(client, "/?q=bri")
    assert "facet-counts-loader" not in fragment
    assert sum("FROM search_prefix WHERE" in sql for sql in queries) == 1  # looked up once
    for name in ("official", "topic", "outlet"):
        assert option_labels(fragment, name) == option_labels(counts, name)
    assert option_labels(fragment, "topic")["roads"] == "Roads (3)"
    assert result_count(fragment) == result_count(counted) == "5 claims in 3 statements"


@postgres_only
def test_a_search_of_two_words_or_of_one_official_is_still_counted_from_the_matches(
    client, archive
):
    every_prefix_kept()
    for url in ("/?q=never+buil", "/officials/ana-petrova/?q=buil"):
        forget_counts()
        _, queries = get_with_queries(client, url, htmx=False)
        assert not any("FROM search_prefix_counts" in sql for sql in queries), url


def matches(prefix: str) -> int:
    """How many published claims match the prefix, counted from their facet rows."""
    return sum(claims for part, _, claims, _ in counted_rows(prefix) if part == OFFICIALS)


def prefixes_of_the_words() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT word FROM ts_stat('SELECT words FROM claim_facets')")
        words = [word for (word,) in cursor.fetchall()]
    return {word[:letters] for word in words for letters in range(3, len(word) + 1)}


@postgres_only
def test_the_command_keeps_prefixes_matching_enough_claims_and_drops_those_that_fall_short(
    archive,
):
    enough = {prefix for prefix in prefixes_of_the_words() if matches(prefix) >= 3}
    assert {"bridge", "build"} <= enough and "critics" not in enough  # in 3 claims and in 2
    out = StringIO()
    call_command("keep_search_counts", "--min-matches", "3", stdout=out)
    with connection.cursor() as cursor:
        cursor.execute("SELECT prefix FROM search_prefix")
        assert {prefix for (prefix,) in cursor.fetchall()} == enough
    assert f"Counts kept for {len(enough)} prefixes matching 3 claims or more " in out.getvalue()
    assert f"({len(enough)} added, 0 dropped)" in out.getvalue()
    Statement.objects.update(status=StatementStatus.IN_REVIEW)  # nothing published
    call_command("keep_search_counts", "--min-matches", "3", stdout=out)
    assert f"Counts kept for 0 prefixes matching 3 claims or more (0 added, {len(enough)} " in (
        out.getvalue()
    )
    assert kept_rows("bridge") == set()


@postgres_only
def test_a_prefix_shorter_than_a_searched_one_or_of_two_words_is_not_kept(archive):
    assert not add(connection.alias, "br", 1)
    assert not add(connection.alias, "bridge built", 1)
    assert add(connection.alias, "bri", 1)


@postgres_only
def test_a_prefix_kept_already_is_left_as_it_is(archive):
    """As when two runs of the command choose the same prefix: the second adds nothing."""
    assert add(connection.alias, "bri", 1)
    kept = kept_rows("bri")
    assert not add(connection.alias, "bri", 1)
    assert kept_rows("bri") == kept == counted_rows("bri")


@postgres_only
def test_emptied_claims_empty_the_kept_counts(transactional_db):
    stored_archive()
    every_prefix_kept()
    try:
        assert kept_rows("bridge")
        with connection.cursor() as cursor:
            cursor.execute("TRUNCATE statements_claim CASCADE")  # as Django's test flush does
        assert kept_rows("bridge") == set()
    finally:  # committed: no later test of this process may find prefixes kept
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_prefix")


@pytest.mark.skipif(ON_POSTGRES, reason="SQLite's refusal")
def test_the_command_says_sqlite_needs_no_kept_counts(db):
    with pytest.raises(CommandError, match="PostgreSQL alone"):
        call_command("keep_search_counts")


def test_the_command_refuses_a_bad_number():
    with pytest.raises(CommandError, match="invalid positive value"):
        call_command("keep_search_counts", "--min-matches", "0")
