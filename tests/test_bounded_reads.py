"""Deep pages and very short searches cost little: the nearer end of the list, whole words."""

import re
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from statements.models import Claim
from statements.public.search import Term, parse
from tests.factories import make_claim, make_official, make_statement
from tests.replay import replayed
from tests.test_search import found
from tests.test_views import HTMX, get_html, listed_claim_ids

pytestmark = pytest.mark.django_db

PER_PAGE = 3
SHORT_QUERY_MESSAGE = "Type at least two letters of a word"


def store_twenty_claims() -> None:
    official = make_official()
    for day in range(10):
        text = f"Day {day}: We will build the bridge. Critics doubt it."
        statement = make_statement(
            official, date=date(2024, 1, 1) + timedelta(day), source_text=text
        )
        make_claim(statement, "We will build the bridge.")
        make_claim(statement, "Critics doubt it.")


@pytest.fixture
def twenty_claims(monkeypatch) -> list[int]:
    """Twenty claims over ten days, and pages of three: seven pages, the last of two."""
    monkeypatch.setattr("statements.public.views.filtered.CLAIMS_PER_PAGE", PER_PAGE)
    replayed(store_twenty_claims)
    return list(Claim.objects.in_timeline_order().values_list("pk", flat=True))


def offsets_read(client, url: str) -> tuple[list[int], list[int]]:
    with CaptureQueriesContext(connection) as queries:
        ids = listed_claim_ids(get_html(client, url))
    skipped = [int(n) for q in queries for n in re.findall(r"OFFSET (\d+)", q["sql"])]
    return ids, skipped


@pytest.mark.parametrize("order", ["", "&order=oldest"])
def test_every_page_lists_its_claims_whichever_end_it_is_read_from(client, twenty_claims, order):
    oldest_first = Claim.objects.in_timeline_order(newest_first=False).values_list("pk", flat=True)
    claims = twenty_claims if not order else list(oldest_first)
    for number in range(1, 8):
        ids, skipped = offsets_read(client, f"/?page={number}{order}")
        assert ids == claims[(number - 1) * PER_PAGE : number * PER_PAGE]
        assert max(skipped, default=0) <= len(claims) // 2


@pytest.mark.parametrize("page", ["7", "8", "3000", "999999999"])
def test_a_page_at_or_past_the_end_is_the_last_page_read_from_the_end(client, twenty_claims, page):
    ids, skipped = offsets_read(client, f"/?page={page}")
    assert ids == twenty_claims[18:]
    assert max(skipped, default=0) == 0


def test_a_last_page_of_search_results_reads_from_the_end(client, twenty_claims):
    ids, skipped = offsets_read(client, "/?q=critics&page=4")
    critics = [pk for pk in twenty_claims if Claim.objects.get(pk=pk).quote.startswith("Critics")]
    assert ids == critics[9:]
    assert max(skipped, default=0) == 0


def test_one_or_two_letters_are_not_expanded_as_a_prefix():
    assert parse("Kh") == [Term(("Kh",))]
    assert parse("K") == [Term(("K",))]
    assert parse("Kha") == [Term(("Kha",), prefix=True)]


def test_a_two_letter_word_matches_only_itself(seeded):
    assert found("Kh") == []
    assert found("Khan") == ["T11"]


@pytest.mark.parametrize(
    "url", ["/?q=a", "/?q=a+b", "/?q=%22a%22", "/officials/hikmet-hajiyev/?q=x"]
)
def test_a_query_of_single_letters_asks_for_more(client, seeded, url):
    assert SHORT_QUERY_MESSAGE in get_html(client, url, status=400)
    assert SHORT_QUERY_MESSAGE in get_html(client, url, status=400, **HTMX)


@pytest.mark.parametrize("url", ["/export.csv?q=a", "/export.json?q=e", "/feed.atom?q=i"])
def test_exports_of_single_letters_are_refused_with_the_message(client, seeded, url):
    response = client.get(url)
    assert response.status_code == 400
    assert SHORT_QUERY_MESSAGE in response.content.decode()


def test_a_single_letter_beside_a_longer_word_is_searched(client):
    statement = make_statement(source_text="He said: It is a bridge to peace. Then he left.")
    claim = make_claim(statement, "It is a bridge to peace.")
    assert listed_claim_ids(get_html(client, "/?q=a+bridge")) == [claim.pk]
