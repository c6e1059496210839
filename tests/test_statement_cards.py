"""A statement's card in a list is rendered once per version of the data and reused, by the
views that show it with the same claims, until anything changes; so is a list of cards, which
then reads none of its claims' rows. Pages themselves are not kept here, so every request
renders its list."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from statements.config.shared_cache import caches_at
from statements.models import Outlet
from statements.public import cards
from statements.public.cards import statement_card
from tests.factories import make_claim, make_official, make_statement, make_topic

TEXT = "We will build the bridge. The tunnel waits until the bridge is paid for."


@pytest.fixture(autouse=True)
def pages_rendered_each_time(settings, tmp_path):
    settings.CACHES = caches_at(f"file://{tmp_path}", 0)


@pytest.fixture
def statement(db):
    venue = Outlet.objects.create(name="Morning Radio", slug="morning-radio")
    statement = make_statement(make_official(), source_text=TEXT, venue=venue)
    make_claim(statement, "We will build the bridge.", topics=(make_topic("Bridges"),))
    make_claim(
        statement,
        "The tunnel waits until the bridge is paid for.",
        topics=(make_topic("Tunnels"),),
    )
    return statement


@pytest.fixture
def cards_written(monkeypatch) -> list[int]:
    """The keys of the statements whose cards are written out, request by request."""
    written = []

    def counted(statement, claims, query=""):
        written.append(statement.pk)
        return statement_card(statement, claims, query)

    monkeypatch.setattr(cards, "statement_card", counted)
    return written


def test_a_card_rendered_once_is_reused_by_the_next_request(client, statement, cards_written):
    first = client.get("/")
    assert cards_written == [statement.pk]
    again = client.get("/")
    assert cards_written == [statement.pk]
    assert again.content == first.content


def rows_read(client, url: str) -> tuple[bytes, list[str]]:
    """The page, and the queries that read listed claims' rows (with their outlets' names)."""
    with CaptureQueriesContext(connection) as queries:
        content = client.get(url).content
    return content, [q["sql"] for q in queries if '"reporting_outlet_names"' in q["sql"]]


@pytest.mark.parametrize("view", ["/", "/?official=ana-petrova&topic=bridges"])
def test_a_list_rendered_once_reads_no_rows_the_next_time(client, statement, view):
    first, read_first = rows_read(client, view)
    again, read_again = rows_read(client, view)
    assert read_first and not read_again
    assert again == first
    assert b"We will build the bridge." in again


def test_a_list_kept_is_not_shown_for_other_words_searched(client, statement):
    client.get("/?q=bridge")
    assert "<mark>tunnel</mark>" in client.get("/?q=tunnel").content.decode().lower()


def test_a_renamed_venue_shows_at_once(client, statement):
    assert "with Morning Radio" in client.get("/").content.decode()
    Outlet.objects.filter(name="Morning Radio").update(name="Evening Radio")
    page = client.get("/").content.decode()
    assert "with Evening Radio" in page
    assert "Morning Radio" not in page


def test_an_edited_summary_shows_at_once(client, statement):
    client.get("/")
    statement.claims.filter(order=1).update(summary="The bridge comes first")
    assert "The bridge comes first" in client.get("/").content.decode()


def test_a_filter_lists_only_its_claims_of_a_statement_listed_whole_before(client, statement):
    whole = client.get("/").content.decode()
    assert "We will build the bridge." in whole and "The tunnel waits" in whole
    tunnels = client.get("/?topic=tunnels").content.decode()
    assert "The tunnel waits" in tunnels
    assert "We will build the bridge." not in tunnels


def test_search_marks_its_words_and_only_on_the_search(client, statement):
    searched = client.get("/?q=tunnel").content.decode()
    assert "<mark>tunnel</mark>" in searched.lower()
    assert "<mark>" not in client.get("/").content.decode()
    assert "<mark>bridge</mark>" in client.get("/?q=bridge").content.decode().lower()


def listed_topics(page: str, claim_text: str) -> list[str]:
    """The topic links under the listed claim whose words are `claim_text`, as written."""
    after = page.split(claim_text, 1)[1]
    topics = after.split('<ul class="topics" aria-label="Topics">', 1)[1].split("</ul>", 1)[0]
    return re.findall(r'<a class="topic" href="[^"]*">[^<]*</a>', topics)


def test_a_claims_topics_are_listed_by_name_escaped_and_linked(client, statement):
    claim = statement.claims.get(order=1)
    claim.topics.add(make_topic("<Airports & Roads>", slug="airports"), make_topic("Zoning"))
    expected = [
        '<a class="topic" href="/topics/airports/">&lt;Airports &amp; Roads&gt;</a>',
        '<a class="topic" href="/topics/bridges/">Bridges</a>',
        '<a class="topic" href="/topics/zoning/">Zoning</a>',
    ]
    assert listed_topics(client.get("/").content.decode(), "We will build the bridge.") == expected
    claim_page = client.get(claim.get_absolute_url()).content.decode()
    assert listed_topics(claim_page, "We will build the bridge.") == expected
