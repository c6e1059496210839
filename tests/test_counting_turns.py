"""On PostgreSQL the site's counting takes turns: a count waits while another holds the turn,
starts as soon as it is free, and after waiting long enough counts anyway. On SQLite, where the
counting yields to the results by its threads' priority, no turn is waited for."""

import threading
import time

import pytest
from django.db import connection, connections

from statements.public import counting_turns
from statements.public.counting_turns import counting_turn
from tests.tally_archive import assert_one_pass_counts_as_the_claims, stored_archive


@pytest.fixture
def turn_held() -> threading.Event:
    """Another connection holds the counting turn until the event returned is set."""
    holding, release = threading.Event(), threading.Event()

    def hold() -> None:
        try:
            with counting_turn("default"):
                holding.set()
                release.wait(10)
        finally:
            connections["default"].close()

    holder = threading.Thread(target=hold)
    holder.start()
    assert holding.wait(10)
    yield release
    release.set()
    holder.join(10)


def seconds_to_get_the_turn(freed: threading.Event) -> tuple[float, bool]:
    """How long a count waited for its turn, and whether the turn had been let go of (`freed`)
    when the count got it; it counts with no bound on waiting for locks."""
    started = time.monotonic()
    with counting_turn("default"), connection.cursor() as cursor:
        waited, was_freed = time.monotonic() - started, freed.is_set()
        if connection.vendor == "postgresql":
            cursor.execute("SHOW lock_timeout")
            assert cursor.fetchone() == ("0",)
    return waited, was_freed


def test_a_count_waits_for_its_turn_and_no_longer(transactional_db, turn_held, monkeypatch):
    monkeypatch.setattr(counting_turns, "TURN_WAIT_MS", 400)
    waited, freed_first = seconds_to_get_the_turn(turn_held)
    assert not freed_first
    if connection.vendor == "postgresql":
        assert 0.4 <= waited < 5
    else:
        assert waited < 0.4


def test_a_count_starts_once_the_turn_is_free(transactional_db, turn_held):
    # Whether the turn had been let go of is read when the count gets it: timed from here, a
    # count started a moment after the timer could seem to wait a little less than 0.3 s.
    threading.Timer(0.3, turn_held.set).start()
    waited, freed_first = seconds_to_get_the_turn(turn_held)
    if connection.vendor == "postgresql":
        assert freed_first and waited < counting_turns.TURN_WAIT_MS / 1000
    else:
        assert not freed_first and waited < 0.3


def test_counts_made_in_turn_are_the_counts(transactional_db):
    stored_archive()
    with counting_turn("default"):
        assert_one_pass_counts_as_the_claims()
