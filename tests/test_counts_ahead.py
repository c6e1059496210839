"""A results fragment sent without its facet counts starts counting them on a thread of its
worker; the request for them waits for that work and does not count again."""

import threading

import pytest

from statements.public import counts_ahead
from statements.public.counting import ViewCounts
from tests.test_results_first import said
from tests.test_views import HTMX, counts_that_follow, get_html, option_labels
from tests.factories import make_official, make_topic

EXACT_OFFICIALS = {"ana-petrova": "Ana Petrova (2)", "ben-okoro": "Ben Okoro (1)"}


@pytest.fixture
def bridges(transactional_db) -> None:
    """Three claims on a bridge, committed: the counting thread's own connection sees them."""
    roads = make_topic("Roads")
    ana, ben = make_official("Ana Petrova"), make_official("Ben Okoro")
    said(ana, "We will build the bridge.", (roads,))
    said(ana, "The bridge opens in May.", (roads,))
    said(ben, "No bridge this year.")


@pytest.fixture
def counted_on(monkeypatch) -> list[str]:
    """The name of the thread that made each count of a view from its claims."""
    threads: list[str] = []
    count_in_one_pass = ViewCounts.count_in_one_pass

    def recorded(self, names):
        threads.append(threading.current_thread().name)
        return count_in_one_pass(self, names)

    monkeypatch.setattr(ViewCounts, "count_in_one_pass", recorded)
    return threads


def counting_done() -> None:
    counts_ahead.counter.submit(lambda: None).result()


def test_the_counts_of_a_fragment_are_made_while_it_is_sent(client, bridges, counted_on):
    fragment = get_html(client, "/?q=bridge", **HTMX)
    assert "3 claims in 3 statements" in fragment
    counting_done()
    assert counted_on == ["counts-ahead_0"]
    counts = counts_that_follow(client, fragment)
    assert counted_on == ["counts-ahead_0"], "the request for the counts counted again"
    assert option_labels(counts, "official") == EXACT_OFFICIALS


def test_the_request_for_the_counts_waits_for_counts_under_way(
    client, bridges, counted_on, monkeypatch
):
    go_on = threading.Event()
    counted = counts_ahead.counted

    def held_back(*args):
        go_on.wait(timeout=counts_ahead.UNDER_WAY_SECONDS)
        counted(*args)

    monkeypatch.setattr(counts_ahead, "counted", held_back)
    fragment = get_html(client, "/?q=bridge", **HTMX)
    threading.Timer(0.2, go_on.set).start()  # the counts are asked for while under way
    counts = counts_that_follow(client, fragment)
    assert counted_on == ["counts-ahead_0"]
    assert option_labels(counts, "official") == EXACT_OFFICIALS


def test_counts_lost_on_the_way_are_made_by_the_request_for_them(
    client, bridges, counted_on, monkeypatch
):
    def failed(params, facets, key):
        counted(params, [*facets, "no such facet"], key)

    counted = counts_ahead.counted
    monkeypatch.setattr(counts_ahead, "counted", failed)
    fragment = get_html(client, "/?q=bridge", **HTMX)
    counting_done()
    counts = counts_that_follow(client, fragment)
    assert counted_on == ["MainThread"]
    assert option_labels(counts, "official") == EXACT_OFFICIALS


def test_inside_a_transaction_nothing_is_counted_ahead(client, db, counted_on):
    said(make_official("Ana Petrova"), "We will build the bridge.")
    fragment = get_html(client, "/?q=bridge", **HTMX)
    counting_done()
    assert counted_on == []
    counts_that_follow(client, fragment)
    assert counted_on == ["MainThread"]
