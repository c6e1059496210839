"""Counts are kept per version of the data: exact after any change, never recounted without one."""

import re
from io import StringIO

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext

from statements.models import Claim, Official, Outlet, Post, Statement, Topic
from statements.public.facet_row_counts import numbers_counted
from statements.public.one_pass_counts import counted_in_one_pass
from statements.public.versions import data_version
from tests.factories import make_claim, make_official, make_outlet, make_statement, make_topic

BRIDGE = "We will build the bridge."
HTMX = {"HX-Request": "true"}


def version() -> str:
    return data_version("default")


def make_bridge_claim(official=None, topics=()):
    statement = make_statement(official, source_text=f"{BRIDGE} {Statement.objects.count()}")
    return make_claim(statement, BRIDGE, topics=topics)


def get_with_queries(client, url: str, htmx: bool = True) -> tuple[str, list[str]]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, headers=HTMX if htmx else {})
    assert response.status_code == 200
    return response.content.decode(), [query["sql"] for query in captured]


@pytest.fixture
def archive(db):
    topic = make_topic()
    official = make_official()
    claim = make_bridge_claim(official, topics=(topic,))
    return {"topic": topic, "official": official, "claim": claim, "outlet": make_outlet()}


CHANGES = {
    "a new statement and claim": lambda a: make_bridge_claim(a["official"]),
    "an edited statement": lambda a: Statement.objects.update(headline="Changed"),
    "a deleted statement": lambda a: a["claim"].statement.delete(),
    "an edited claim": lambda a: a["claim"].__class__.objects.update(summary="Changed"),
    "a topic added to a claim": lambda a: a["claim"].topics.add(make_topic("Roads")),
    "a topic taken off a claim": lambda a: a["claim"].topics.remove(a["topic"]),
    "a renamed official": lambda a: Official.objects.update(slug="renamed"),
    "a new outlet": lambda a: make_outlet("Evening Post"),
    "a deleted outlet": lambda a: Outlet.objects.all().delete(),
    "a renamed topic": lambda a: Topic.objects.update(slug="renamed"),
    "a new post": lambda a: Post.objects.create(official=a["official"], role="Mayor"),
}


@pytest.mark.parametrize("change", CHANGES)
def test_every_change_to_the_archive_gives_a_new_data_version(archive, change):
    before = version()
    CHANGES[change](archive)
    assert version() != before


def test_the_home_page_counts_nothing_again_until_the_data_changes(client, archive):
    first, first_queries = get_with_queries(client, "/")
    assert "1 claim in 1 statement" in first
    again, queries = get_with_queries(client, "/")
    assert again == first
    assert not [sql for sql in queries if "COUNT(" in sql.upper()]
    assert len(queries) < len(first_queries)


def test_counts_are_exact_right_after_a_change(client, archive):
    get_with_queries(client, "/")
    make_bridge_claim(make_official("Ben Okoro"), topics=(archive["topic"],))
    html, _ = get_with_queries(client, "/")
    assert "2 claims in 2 statements" in html
    # Read from the claim tally, the facet counts come with the results, not after them.
    assert "facet-counts-loader" not in html
    assert "Infrastructure (2)" in html
    assert "Ben Okoro (1)" in html
    assert "Infrastructure (2)" in client.get("/").content.decode()  # the page without htmx


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?official=ana-petrova",
        "?official=ana-petrova&topic=infrastructure",
        "?official=ana-petrova&topic=infrastructure&outlet=daily-courier",
        "?q=bridge&date_after=2000-01-01",
    ],
)
def test_a_results_fragment_runs_at_most_ten_queries_even_right_after_a_change(
    client, archive, query
):
    _, first = get_with_queries(client, f"/{query}")
    caches["pages"].clear()  # rendered again, with its counts and options kept
    _, again = get_with_queries(client, f"/{query}")
    assert len(first) <= 10
    # The totals, three facets and three selects' options: once per change of the data.
    assert len(first) <= len(again) + 7


@pytest.mark.parametrize(
    "url",
    [
        "/officials/ana-petrova/",
        "/officials/ana-petrova/?topic=infrastructure&date_after=2000-01-01",
        "/topics/infrastructure/",
        "/topics/infrastructure/?official=ana-petrova&date_before=2025-12-31",
    ],
)
def test_an_official_or_topic_page_runs_at_most_ten_queries_even_right_after_a_change(
    client, archive, url
):
    html, first = get_with_queries(client, url)
    assert "1 claim in 1 statement" in html
    assert len(first) <= 10


ANALYZED_TABLES = {
    "sqlite": "SELECT count(*) FROM sqlite_stat1",
    "postgresql": "SELECT count(*) FROM pg_stat_user_tables WHERE last_analyze IS NOT NULL",
}


def test_migrate_gathers_statistics_for_the_planner(db):
    with connection.cursor() as cursor:
        cursor.execute(ANALYZED_TABLES[connection.vendor])
        assert cursor.fetchone()[0] > 0


def test_an_official_page_of_generated_data_runs_at_most_ten_queries_right_after_a_change(
    client, db
):
    """Generated data has position changes, whose query the page runs as well."""
    call_command("generate_data", "--officials=2", "--statements=40", "--seed=3", stdout=StringIO())
    official = Official.objects.annotate(said=Count("statements")).order_by("-said", "pk")[0]
    html, queries = get_with_queries(client, f"/officials/{official.slug}/", htmx=False)
    assert len(queries) <= 10, [sql[:80] for sql in queries]
    topic_counts = re.findall(r'<option value="[^"]+"[^>]*>[^<]* \((\d+)\)</option>', html)
    assert topic_counts  # the facets were counted, on the page itself


def test_counts_in_one_pass_of_claims_no_filter_lets_through_are_empty_without_a_query(db):
    with CaptureQueriesContext(connection) as queries:
        counted = counted_in_one_pass(Claim.objects.none(), ["months", "topic", "outlet"], {})
    assert counted == {"months": [], "topic": [], "outlet": []}
    assert len(queries) == 0


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        (None, {}),
        ("", {}),
        ("  ", {}),  # three claims without a topic
        ("7", {7: 1}),
        (" 7  7 12 ", {7: 2, 12: 1}),
        ("3 1 2 3 1", {1: 2, 2: 1, 3: 2}),
    ],
)
def test_facet_row_numbers_are_counted_whatever_the_empty_ones(text, counted):
    assert numbers_counted(text) == counted
