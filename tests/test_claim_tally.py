"""The claim tally stays a count of the published claims after every kind of write, on SQLite
and PostgreSQL: each row against a count of the claims, and each count a page reads from it
against the same count made from the claims as pages made it before."""

import io
import random
from collections import Counter
from datetime import date
from urllib.parse import urlencode

import pytest
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Max
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from statements.models import (
    Claim,
    ClaimTally,
    ClaimTallySum,
    Report,
    Statement,
    StatementStatus,
)
from statements.ops.claim_tally import rebuild_tally, tally_paused
from statements.public.counting import counted_together, counts_in_one_pass
from statements.public.filters import ClaimFilter
from statements.public.keyed_counts import keyed_sql
from statements.public.search import parse, search_claims
from statements.public.tally_counts import TallyCounts
from tests.factories import add_evidence, make_claim, make_report
from tests.tally_archive import (
    FIRST,
    SECOND,
    assert_one_pass_counts_as_the_claims,
    assert_tally_is_a_count_of_the_claims,
    assert_views_count_as_the_claims,
    build_archive,
    stored_archive,
    text,
)


@pytest.fixture
def archive(db) -> dict:
    return stored_archive()


def change(record, **fields) -> None:
    """Saved through the model, as the admin saves it: every column written."""
    record.refresh_from_db()
    for name, value in fields.items():
        setattr(record, name, value)
    record.save()


WRITES = {
    "a draft published": lambda a: change(a["draft"], status=StatementStatus.PUBLISHED),
    "a statement unpublished": lambda a: change(a["may"], status=StatementStatus.IN_REVIEW),
    "a statement moved to another month": lambda a: change(a["may"], date=date(2024, 7, 3)),
    "a statement moved within its month": lambda a: change(a["may"], date=date(2024, 5, 1)),
    "a statement given to another official": lambda a: change(a["may"], official=a["ben"]),
    "a statement given another venue": lambda a: change(a["june"], venue=a["courier"]),
    "a statement's venue taken off": lambda a: change(a["may"], venue=None),
    "statements unpublished at once": lambda a: Statement.objects.update(status="rejected"),
    "a claim added": lambda a: make_claim(a["may_later"], SECOND, topics=(a["roads"],)),
    "claims of two months added by one statement": lambda a: Claim.objects.bulk_create(
        Claim(statement=statement, order=20 + n, summary="Added.")
        for n, statement in enumerate([a["may"], a["june"], a["may"]])
    ),
    "a claim deleted": lambda a: a["claims"][1].delete(),
    "a claim moved to another statement": lambda a: Claim.objects.filter(
        pk=a["claims"][2].pk
    ).update(statement=a["june"], order=9),
    "a topic added to a claim": lambda a: a["claims"][4].topics.add(a["water"]),
    "a topic taken off a claim": lambda a: a["claims"][1].topics.remove(a["water"]),
    "a topic deleted": lambda a: a["roads"].delete(),
    "a report added": lambda a: make_report(a["may"], source_text=text(6), outlet=a["tribune"]),
    "a report deleted": lambda a: a["second_report"].delete(),
    "a report given another outlet": lambda a: change(a["second_report"], outlet=a["courier"]),
    "a report's outlet taken off": lambda a: change(a["second_report"], outlet=None),
    "a report moved to another statement": lambda a: Report.objects.filter(
        pk=a["second_report"].pk
    ).update(statement=a["may_later"], order=5),
    "a statement deleted": lambda a: a["june"].delete(),
    "data generated": lambda a: call_command(
        "generate_data", officials=2, statements=12, seed=4, stdout=io.StringIO()
    ),
}


EVERY_CLAIM = {"topic": None, "outlet": None}
ROW = ("official", "month", "topic", "outlet", "claims", "statements")


def tally_rows() -> Counter:
    return Counter(ClaimTally.objects.values_list(*ROW))


def facet_rows() -> set:
    """Each claim's facet row, kept with the tally: on PostgreSQL its keys and words (migrations
    0021, 0022), on SQLite its statement and its topics' and outlets' numbers (migration 0024)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT claim_id, official_id, month, keys, words::text FROM claim_facets"
            )
            return {(*row[:3], tuple(sorted(row[3])), row[4]) for row in cursor.fetchall()}
        cursor.execute(
            "SELECT claim_id, official_id, month, statement_id, topics, outlets FROM claim_facets"
        )
        return {(*row[:4], numbers(row[4]), numbers(row[5])) for row in cursor.fetchall()}


def numbers(text: str) -> tuple[int, ...]:
    return tuple(sorted(int(number) for number in text.split()))


def facet_words(claim: Claim) -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT words FROM claim_facets WHERE claim_id = %s", [claim.pk])
        return set(cursor.fetchone()[0].replace("'", "").split())


def assert_facet_rows_are_what_a_rebuild_writes() -> None:
    facets_kept = facet_rows()
    with transaction.atomic():
        rebuild_tally()
        assert facet_rows() == facets_kept
        transaction.set_rollback(True)


# Stored as an editor stores it, a write at a time, and as the tests' replay writes it back.
@pytest.mark.parametrize("store", [build_archive, stored_archive], ids=["one by one", "replayed"])
def test_the_tally_counts_what_is_stored(db, store):
    archive = store()
    assert ClaimTally.objects.filter(**EVERY_CLAIM).count() == 2  # Ana in May, Ben in June
    may = ClaimTally.objects.get(official=archive["ana"], month=date(2024, 5, 1), **EVERY_CLAIM)
    assert (may.claims, may.statements) == (3, 2)
    # The Herald was the June statement's venue and printed its report: its claims count once.
    herald = ClaimTally.objects.get(
        official=archive["ben"], month=date(2024, 6, 1), topic=None, outlet=archive["herald"]
    )
    assert (herald.claims, herald.statements) == (2, 1)
    assert_tally_is_a_count_of_the_claims()
    assert_views_count_as_the_claims()
    assert_one_pass_counts_as_the_claims()


@pytest.mark.parametrize("write", WRITES)
def test_after_each_kind_of_write_the_tally_is_a_count_of_the_claims(archive, write):
    before = tally_rows()
    WRITES[write](archive)
    assert tally_rows() != before or write == "a statement moved within its month"
    assert_tally_is_a_count_of_the_claims()
    assert_views_count_as_the_claims()
    assert_one_pass_counts_as_the_claims()
    assert_facet_rows_are_what_a_rebuild_writes()


# Writes that change what a claim's words are, and none of its counts: (write, claim, new word).
WORDS_WRITES = {
    "a claim's summary changed": lambda a: change(a["claims"][0], summary="Ferry tolls."),
    "evidence added to a claim": lambda a: add_evidence(
        a["claims"][4], a["second_report"], "minister"
    ),
    "a claim's summary changed and its evidence deleted": lambda a: (
        change(a["claims"][1], summary="Ferry tolls."),
        a["claims"][1].evidence_spans.get().delete(),
    ),
    "a statement's headline changed": lambda a: change(a["june"], headline="Ferry tolls"),
    "a report's headline changed": lambda a: change(
        a["second_report"], headline_as_printed="Ferry tolls"
    ),
}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="facet words: PostgreSQL's alone")
@pytest.mark.parametrize("write", WORDS_WRITES)
def test_after_each_write_of_a_document_the_facet_words_are_the_claims_words(archive, write):
    words_before = {claim.pk: facet_words(claim) for claim in archive["claims"][:5]}
    WORDS_WRITES[write](archive)
    words_after = {claim.pk: facet_words(claim) for claim in archive["claims"][:5]}
    assert words_after != words_before
    assert_facet_rows_are_what_a_rebuild_writes()
    assert_one_pass_counts_as_the_claims()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="facet keys: PostgreSQL's alone")
def test_facet_keys_hold_each_published_claims_official_month_statement_topics_and_outlets(
    archive,
):
    """A claim of the May statement: Ana's, at the Courier, reported by the Herald."""
    rows = {claim: (official, month, keys) for claim, official, month, keys, _ in facet_rows()}
    assert set(rows) == set(
        Claim.objects.filter(statement__status="published").values_list("pk", flat=True)
    )
    claim = Claim.objects.filter(statement=archive["may"]).order_by("order").first()
    official, month, keys = rows[claim.pk]
    assert (official, month) == (archive["ana"].pk, date(2024, 5, 1))
    parts = Counter(key >> 56 for key in keys)
    outlets = {archive["may"].venue_id, *archive["may"].reports.values_list("outlet_id", flat=True)}
    assert parts == {1: 1, 2: claim.topics.count(), 3: len(outlets - {None}), 4: 1}
    assert {"bridge", "build", "we", "will"} <= facet_words(claim)
    statement_key = next(key for key in keys if key >> 56 == 4)
    assert statement_key & ((1 << 40) - 1) == archive["may"].pk
    assert (statement_key >> 40) & 0xFFFF == 2024 * 12 + 4


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's facet rows")
def test_sqlite_facet_rows_hold_each_published_claims_official_month_statement_topics_outlets(
    archive,
):
    """A claim of the May statement: Ana's, at the Courier, reported by the Herald."""
    rows = {row[0]: row[1:] for row in facet_rows()}
    assert set(rows) == set(
        Claim.objects.filter(statement__status="published").values_list("pk", flat=True)
    )
    may = archive["may"]
    claim = Claim.objects.filter(statement=may).order_by("order").first()
    outlets = {may.venue_id, *may.reports.values_list("outlet_id", flat=True)} - {None}
    topics = claim.topics.values_list("pk", flat=True)
    assert rows[claim.pk] == (
        archive["ana"].pk,
        date(2024, 5, 1),
        may.pk,
        tuple(sorted(topics)),
        tuple(sorted(outlets)),
    )
    assert len(outlets) == 2


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's facet rows")
def test_sqlite_facet_rows_go_with_the_claims_when_they_are_emptied(transactional_db):
    stored_archive()
    assert facet_rows()
    call_command("flush", interactive=False)  # as Django's tests empty the database
    assert facet_rows() == set()


def test_the_sums_hold_each_record_over_every_official_and_month(archive):
    part = ClaimTallySum.Part
    sums = {
        (row.part, row.record): (row.claims, row.statements) for row in ClaimTallySum.objects.all()
    }
    assert sums[(part.OFFICIALS, archive["ana"].pk)] == (3, 2)
    may = ClaimTallySum.objects.get(part=part.MONTHS, month=date(2024, 5, 1))
    assert (may.record, may.claims) == (2024 * 12 + 4, 3)


def test_the_counts_of_the_unfiltered_timeline_are_read_from_the_sums(archive):
    """Each count whose own filter is the only one in force reads the sums, not the tally."""
    for params, summed in [({}, 4), ({"topic": "roads"}, 1)]:
        filterset = ClaimFilter(QueryDict(urlencode(params)), Claim.objects.all())
        with CaptureQueriesContext(connection) as queries:
            TallyCounts(filterset).counted(["months", "officials", "topic", "outlet"])
        (sql,) = [query["sql"] for query in queries if "statements_claimtally" in query["sql"]]
        assert sql.count('FROM "statements_claimtallysum"') == summed, params
        assert sql.count('FROM "statements_claimtally"') == 4 - summed, params


@pytest.mark.parametrize("order", range(4))
def test_the_tally_and_its_sums_go_when_the_database_is_emptied(transactional_db, order):
    """As Django's flush empties it: on SQLite table by table, in an order that changes from one
    process to the next (here shuffled), on PostgreSQL all at once."""
    stored_archive()
    assert ClaimTallySum.objects.exists()
    tables = sorted(connection.introspection.django_table_names(only_existing=True))
    random.Random(order).shuffle(tables)
    connection.ops.execute_sql_flush(connection.ops.sql_flush(no_style(), tables))
    assert not ClaimTally.objects.exists() and not ClaimTallySum.objects.exists()


@pytest.mark.parametrize("query", ["build", '"never be built"'])
def test_a_search_of_one_official_is_counted_on_the_facet_rows(archive, query):
    """As an official's page searches: the official's matches are read from the facet rows, not
    from the claims and their statements."""
    filterset = ClaimFilter(QueryDict(urlencode({"q": query, "official": "ana-petrova"})))
    assert filterset.searched_alone() == (tuple(parse(query)), archive["ana"].pk)
    with CaptureQueriesContext(connection) as queries:
        counts_in_one_pass(filterset, counted_together(filterset))
    counted = [query["sql"] for query in queries if "claim_facets" in query["sql"]]
    assert counted and all("f.official_id = " in sql for sql in counted)
    assert not any("statements_statement" in query["sql"] for query in queries)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="facet words: PostgreSQL's alone")
@pytest.mark.parametrize(
    "query, matched_in",
    [("bridge", "f.words @@"), ("build crit", "f.words @@"), ('"never be"', "FROM claim_search")],
)
def test_a_search_alone_is_counted_on_the_facet_words_a_phrase_in_the_search_table(
    archive, query, matched_in
):
    sql, _ = keyed_sql(Claim.objects.published(), tuple(parse(query)))
    assert matched_in in sql


@pytest.mark.skipif(connection.vendor != "postgresql", reason="facet keys: PostgreSQL's alone")
def test_facet_keys_and_search_rows_go_with_the_claims_when_they_are_emptied(transactional_db):
    stored_archive()
    assert facet_rows() and search_claims(Claim.objects.all(), "bridge").exists()
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE statements_claim CASCADE")  # as Django's test flush empties it
        cursor.execute("SELECT count(*) FROM claim_search")
        assert cursor.fetchone() == (0,)
    assert facet_rows() == set()


# Random edits: which record each one changes is drawn from its number.
def pick(model, number: int, **only):
    records = list(model.objects.filter(**only).order_by("pk"))
    return records[number % len(records)] if records else None


def edit_statement(number: int) -> None:
    statement = pick(Statement, number)
    rng = random.Random(number)
    if statement:
        change(
            statement,
            status=rng.choice(["published", "draft"]),
            date=date(2024, rng.choice([5, 6, 7]), rng.choice([1, 15, 28])),
            official_id=pick(Statement, number // 7).official_id,
            venue_id=rng.choice([None, *Report.objects.values_list("outlet_id", flat=True)]),
        )


def edit_topics(number: int) -> None:
    claim, topic = pick(Claim, number), pick(Claim.topics.field.related_model, number // 3)
    if claim and topic:
        (claim.topics.remove if claim.topics.filter(pk=topic.pk).exists() else claim.topics.add)(
            topic
        )


def edit_report(number: int) -> None:
    report = pick(Report, number)
    outlets = [None, *Statement.objects.values_list("venue_id", flat=True)]
    if report and number % 5 == 0 and report.statement.reports.count() > 1:
        report.delete()
    elif report:
        change(report, outlet_id=outlets[number % len(outlets)])


def add_claim(number: int) -> None:
    statement = pick(Statement, number)
    if statement:
        last = statement.claims.aggregate(last=Max("order"))["last"] or 0
        make_claim(statement, (FIRST, SECOND)[number % 2], order=last + 1)


def delete_something(number: int) -> None:
    record = pick(Claim, number) if number % 3 else pick(Statement, number)
    if record:
        record.delete()


EDITS = [edit_statement, edit_topics, edit_report, add_claim, delete_something]
# Up to eight random edits, each drawn with the number that picks what it changes.
RANDOM_EDITS = st.lists(st.tuples(st.sampled_from(EDITS), st.integers(0, 10_000)), max_size=8)
EDITS_RUN = settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.mark.slow
@EDITS_RUN
@given(edits=RANDOM_EDITS)
def test_after_any_edits_the_tally_is_what_counting_again_gives(db, edits):
    with transaction.atomic():
        stored_archive()
        for edit, number in edits:
            edit(number)
        assert_tally_is_a_count_of_the_claims()
        kept_by_triggers, facets_kept = tally_rows(), facet_rows()
        rebuild_tally()
        assert tally_rows() == kept_by_triggers  # as the migration and a move count it
        assert facet_rows() == facets_kept
        transaction.set_rollback(True)


def test_a_writer_of_many_rows_pauses_the_tally_and_counts_each_cell_once_at_the_end(archive):
    with transaction.atomic(), tally_paused():
        make_claim(archive["may_later"], SECOND, topics=(archive["roads"],))
        change(archive["june"], date=date(2024, 8, 2))
        # Marked, not counted yet: the tally still holds what was.
        assert not ClaimTally.objects.filter(month=date(2024, 8, 1)).exists()
    assert ClaimTally.objects.filter(month=date(2024, 8, 1)).exists()
    assert_tally_is_a_count_of_the_claims()
    make_claim(archive["june"], SECOND, order=7)  # and after it, each write counts at once
    assert_tally_is_a_count_of_the_claims()


def test_a_failure_while_paused_keeps_nothing_of_the_transaction(archive):
    with transaction.atomic():
        try:
            with tally_paused():
                make_claim(archive["may_later"], SECOND)
                raise RuntimeError("the writer failed")
        except RuntimeError:
            pass  # caught inside the transaction: it must still not commit paused
    assert not Claim.objects.filter(statement=archive["may_later"], order=2).exists()
    make_claim(archive["may_later"], SECOND)
    assert_tally_is_a_count_of_the_claims()


def test_the_tally_is_paused_only_inside_a_transaction():
    """Refused before it touches the database (this test has none to touch)."""
    assert not connection.in_atomic_block
    with pytest.raises(RuntimeError, match="inside a transaction"), tally_paused():
        pass
