"""The claim tally (statements/models/claim_tally.py) for operations: writing many rows with its
recount paused, counting it afresh, and comparing it with a count of the claims themselves.
"""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models import Count, F, Q, QuerySet, Sum

from statements.migrations import _claim_facets as facets
from statements.migrations import _claim_facets_sqlite as sqlite_facets
from statements.migrations import _claim_tally_sums as sums
from statements.migrations._claim_tally import rebuild
from statements.models import ClaimTally, ClaimTallySum
from statements.public.month_of import MonthOf

PAUSE = {
    "sqlite": ["UPDATE claim_tally_switch SET paused = 1"],
    "postgresql": ["SET LOCAL claim_tally.paused = 'on'"],
}
RESUME = {
    "sqlite": [
        "UPDATE claim_tally_switch SET paused = 0",
        *sums.flush_with_sums("sqlite", sqlite_facets.FLUSHED),
    ],
    "postgresql": ["SET LOCAL claim_tally.paused = 'off'", "SELECT claim_tally_flush()"],
}


def run(using: str, statements: list[str]) -> None:
    with connections[using].cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


@contextmanager
def tally_paused(using: str = DEFAULT_DB_ALIAS) -> Iterator[None]:
    """Inside the caller's transaction, writes only mark the cells they touch, and every marked
    cell is counted again once on leaving, instead of once a row. No other connection sees the
    tally paused: SQLite writes one transaction at a time, and PostgreSQL's setting belongs to
    this transaction. If anything fails meanwhile, the whole transaction is rolled back, so it
    cannot commit paused."""
    connection = connections[using]
    if not connection.in_atomic_block:
        raise RuntimeError("Pause the claim tally inside a transaction (transaction.atomic).")
    run(using, PAUSE[connection.vendor])
    try:
        yield
    except BaseException:
        transaction.set_rollback(True, using=using)
        raise
    if not connection.needs_rollback:  # else nothing of it will be kept
        run(using, RESUME[connection.vendor])


# The claims' facet rows and the tally's sums are kept with it (migrations 0021, 0022, 0024, 0026).
REBUILT_WITH_TALLY = {
    "sqlite": [*sqlite_facets.REBUILT, *sums.rebuilt("sqlite")],
    "postgresql": [*facets.rebuilt(with_words=True), *sums.rebuilt("postgresql")],
}


def rebuild_tally(using: str = DEFAULT_DB_ALIAS) -> None:
    """Every row of the tally counted afresh from the claims."""
    vendor = connections[using].vendor
    run(using, [*rebuild(vendor), *REBUILT_WITH_TALLY[vendor]])


# Comparing the tally with a count of the claims, through the ORM: not the triggers' SQL.

Sums = dict[tuple, tuple[int, int]]  # (claims, statements) by (official?, month?, topic, outlet)
PATHS = {"official": "statement__official_id", "month": "month"}
# What each kind of row counts the claims by: nothing, the statement's venue, the outlets of its
# reports that were not the venue (a claim counts once for an outlet, as in outlet_rows() of
# statements/public/counting.py), each of those per topic too.
NOT_THE_VENUE = Q(statement__venue__isnull=True) | ~Q(
    statement__reports__outlet=F("statement__venue")
)
OUTLETS = [(None, None), ("statement__venue", None), ("statement__reports__outlet", NOT_THE_VENUE)]
KINDS = [(topic, outlet, only) for topic in (None, "topics") for outlet, only in OUTLETS]
EVERY_CLAIM = KINDS[:1]


def recounted(claims: QuerySet, per: Iterable[str], kinds: list[tuple] = KINDS) -> Sums:
    """(claims, statements) of the published claims among `claims`, keyed by the parts of the
    cell named in `per` (official, month), the topic (or None) and the outlet (or None)."""
    claims = claims.published().order_by().annotate(month=MonthOf("statement__date"))
    keys = [PATHS[name] for name in per]
    sums: Sums = {}
    for topic, outlet, only in kinds:
        fields = [*keys, *(path for path in (topic, outlet) if path)]
        numbers = {
            "claims": Count("pk", distinct=True, filter=only),
            "statements": Count("statement", distinct=True, filter=only),
        }
        if fields:
            rows = claims.values_list(*fields).annotate(**numbers)
        else:
            rows = [tuple(claims.aggregate(**numbers).values())]
        for *values, number, statements in rows:
            named = dict(zip(fields, values, strict=True))
            if not number or any(named[path] is None for path in (topic, outlet) if path):
                continue  # no topic, no venue, no report, or a report by the venue
            key = (*values[: len(keys)], named.get(topic), named.get(outlet))
            before = sums.get(key, (0, 0))
            sums[key] = (before[0] + number, before[1] + statements)
    return sums


EVERY_ROW = Q()
ONLY_EVERY_CLAIM = Q(topic__isnull=True, outlet__isnull=True)


def tally_sums(using: str, per: Iterable[str], rows: Q = EVERY_ROW) -> Sums:
    """The tally's rows added up the same way, those `rows` selects."""
    fields = [f"{name}_id" if name == "official" else name for name in per]
    grouped = (
        ClaimTally.objects.using(using)
        .filter(rows)
        .order_by()
        .values_list(*fields, "topic_id", "outlet_id")
        .annotate(claims_sum=Sum("claims"), statements_sum=Sum("statements"))
    )
    return {tuple(key): (number, statements) for *key, number, statements in grouped}


def tally_added_up(using: str) -> dict[tuple[int, object], tuple[int, int]]:
    """The tally's rows added up by the ORM as ClaimTallySum keeps them: (claims, statements)
    by part and record (a month by its first day)."""
    every_claim = Q(topic__isnull=True, outlet__isnull=True)
    parts = {
        ClaimTallySum.Part.OFFICIALS: ("official_id", every_claim),
        ClaimTallySum.Part.TOPIC: ("topic_id", Q(topic__isnull=False, outlet__isnull=True)),
        ClaimTallySum.Part.OUTLET: ("outlet_id", Q(topic__isnull=True, outlet__isnull=False)),
        ClaimTallySum.Part.MONTHS: ("month", every_claim),
    }
    sums = {}
    for part, (record, rows) in parts.items():
        grouped = ClaimTally.objects.using(using).filter(rows).order_by().values_list(record)
        for key, claims, statements in grouped.annotate(Sum("claims"), Sum("statements")):
            sums[(part, key)] = (claims, statements)
    return sums


def sums_kept(using: str) -> dict[tuple[int, object], tuple[int, int]]:
    """ClaimTallySum's rows but those added up to nothing, keyed as tally_added_up()'s."""
    rows = ClaimTallySum.objects.using(using).exclude(claims=0, statements=0)
    return {
        (row.part, row.month if row.part == ClaimTallySum.Part.MONTHS else row.record): (
            row.claims,
            row.statements,
        )
        for row in rows
    }
