"""Two queries of one request at once, each on a helper thread's own connection: a view's counts
made so equal the counts made one by one; never at once inside a transaction; the helpers close
their connections and yield the cores to the requests' own threads."""

import os
import sys
import threading

import pytest
from django.db import connection, connections, transaction
from django.db.backends.utils import CursorWrapper

from statements.models import Official
from statements.public import side_by_side
from tests.tally_archive import assert_one_pass_counts_as_the_claims, stored_archive

OFFICIALS = ("SELECT COUNT(*) FROM statements_official", ())
NAMES = ("SELECT name FROM statements_official ORDER BY name", ())


@pytest.fixture
def helper_queries(monkeypatch) -> list[str]:
    """The SQL of each query the helper threads ran."""
    ran = []
    execute = CursorWrapper.execute

    def recorded(self, sql, params=None):
        if threading.current_thread().name.startswith("side-by-side"):
            ran.append(sql)
        return execute(self, sql, params)

    monkeypatch.setattr(CursorWrapper, "execute", recorded)
    return ran


def test_counts_equal_the_counts_made_one_by_one(transactional_db, helper_queries):
    """In two queries at once on SQLite; in one on PostgreSQL, whose own parallel workers
    already use every core."""
    stored_archive()
    assert_one_pass_counts_as_the_claims()
    if connection.vendor == "sqlite":
        assert len(helper_queries) >= 2, "no count was made on the helpers' connections"
        assert all("matched" in sql or "claim_facets" in sql for sql in helper_queries)
        assert any("claim_facets" in sql for sql in helper_queries), "a search alone"
    else:
        assert helper_queries == []


def test_both_queries_rows_come_back_each_in_its_place(transactional_db, helper_queries):
    Official.objects.create(name="Zaur Abbasov", slug="zaur-abbasov")
    Official.objects.create(name="Aida Mammadova", slug="aida-mammadova")
    counted, named = side_by_side.rows_side_by_side("default", OFFICIALS, NAMES)
    assert counted == [(2,)]
    assert named == [("Aida Mammadova",), ("Zaur Abbasov",)]
    assert sorted(helper_queries) == sorted([OFFICIALS[0], NAMES[0]])  # they start in any order


def test_inside_a_transaction_the_queries_run_in_turn(transactional_db, helper_queries):
    with transaction.atomic():
        Official.objects.create(name="Zaur Abbasov", slug="zaur-abbasov")  # not yet committed
        counted, named = side_by_side.rows_side_by_side("default", OFFICIALS, NAMES)
    assert (counted, named) == ([(1,)], [("Zaur Abbasov",)])
    assert helper_queries == []


def test_the_helpers_close_their_connections(transactional_db, monkeypatch):
    closed_by = []
    close = type(connections["default"]).close

    def recorded_close(self):
        closed_by.append(threading.current_thread().name)
        close(self)

    monkeypatch.setattr(type(connections["default"]), "close", recorded_close)
    side_by_side.rows_side_by_side("default", OFFICIALS, NAMES)
    assert sum(name.startswith("side-by-side") for name in closed_by) == 2


def niceness() -> int:
    return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())


@pytest.mark.skipif(sys.platform != "linux", reason="only Linux sets a nice value per thread")
def test_the_helpers_run_at_a_lower_priority_than_the_requests():
    helpers = [side_by_side.helpers.submit(niceness) for _ in range(4)]
    assert {helper.result() for helper in helpers} == {min(niceness() + 10, 19)}
