"""A view's counts made in two queries at once, the second on a helper thread's own connection:
the same counts as made one query after the other, and never at once inside a transaction."""

import threading

import pytest
from django.db import connections, transaction

from statements.public import side_by_side
from tests.tally_archive import assert_one_pass_counts_as_the_claims, build_archive


@pytest.fixture
def helper_queries(monkeypatch) -> list[str]:
    """The SQL of each query the helper thread ran."""
    ran = []
    fetched_by_helper = side_by_side.fetched_by_helper

    def recorded(alias, query):
        ran.append(query[0])
        return fetched_by_helper(alias, query)

    monkeypatch.setattr(side_by_side, "fetched_by_helper", recorded)
    return ran


def test_counts_made_side_by_side_equal_the_counts_made_alone(transactional_db, helper_queries):
    build_archive()
    assert_one_pass_counts_as_the_claims()
    assert helper_queries, "no count was made on the helper's connection"
    assert all("matched" in sql for sql in helper_queries)


def test_inside_a_transaction_the_counts_are_made_in_turn(transactional_db, helper_queries):
    with transaction.atomic():
        build_archive()  # not yet committed: the helper's connection could not see it
        assert_one_pass_counts_as_the_claims()
    assert helper_queries == []


def test_the_helper_closes_its_connection_after_each_query(transactional_db, monkeypatch):
    closed_by = []
    close = type(connections["default"]).close

    def recorded_close(self):
        closed_by.append(threading.current_thread().name)
        close(self)

    build_archive()
    monkeypatch.setattr(type(connections["default"]), "close", recorded_close)
    assert_one_pass_counts_as_the_claims()
    assert any(name.startswith("side-by-side") for name in closed_by)
