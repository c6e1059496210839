"""The counts of a view that the claim tally cannot answer (a search, a position change, dates to
the day), made in one pass over the claims it shows.

Counted one by one, each count found the same claims again: a search's matches looked up in the
full-text index, and each claim and its statement read, once for the claims per month, once per
official, once per topic and twice per outlet. On SQLite the claims are found and read once into
a materialized common table, and every count is grouped from it: at a million claims, a word in
a tenth of them is counted in half the time. A search alone is counted from its matches' facet
rows instead, on both databases: grouped at once from their keys on PostgreSQL
(statements/public/keyed_counts.py), split and added up on SQLite
(statements/public/facet_row_counts.py).
"""

from datetime import date, datetime

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import QuerySet

from statements.models import Claim, Official, Outlet, Report, Topic
from statements.public import facet_row_counts
from statements.public.keyed_counts import as_counted, keyed_sql
from statements.public.month_of import MonthOf
from statements.public.search import Term
from statements.public.side_by_side import fetched, rows_side_by_side

MATCHED_COLUMNS = ("claim", "statement", "official", "venue", "month")

# Each count's rows: (part, month, record, claims, statements), grouped from the matched claims;
# the statements only per month (the totals), the other counts are of claims alone.
# Reports and topic links are looked up for each matched claim by `IN (one value)`,
# not `=`: with `=`, SQLite may first read the whole table into a Bloom filter (a million topic
# links) to skip lookups, which costs more than the few thousand lookups it would skip.
GROUPED = {
    "months": """SELECT '{part}', month, NULL, COUNT(*), COUNT(DISTINCT statement)
        FROM matched GROUP BY month""",
    "officials": """SELECT '{part}', NULL, official, COUNT(*), 0
        FROM matched GROUP BY official""",
    "topic": """SELECT '{part}', NULL, link.topic_id, COUNT(*), 0
        FROM matched {links_of_each} GROUP BY link.topic_id""",
    # A claim counts once for an outlet: as the venue's, or once for an outlet that reported
    # its statement without being the venue, however many reports it printed.
    "outlet": """SELECT '{part}', NULL, outlet, CAST(SUM(claims) AS BIGINT), 0 FROM (
            SELECT venue AS outlet, COUNT(*) AS claims FROM matched
            WHERE venue IS NOT NULL GROUP BY venue
            UNION ALL
            SELECT report.outlet_id, COUNT(DISTINCT matched.claim) FROM matched
            JOIN {reports} report ON report.statement_id IN (matched.statement)
            WHERE report.outlet_id IS NOT NULL
              AND (matched.venue IS NULL OR report.outlet_id <> matched.venue)
            GROUP BY report.outlet_id
        ) by_outlet GROUP BY outlet""",
}
LINKS_OF_EACH = "JOIN {topic_links} link ON link.claim_id IN (matched.claim)"
RECORDS = {"officials": Official, "topic": Topic, "outlet": Outlet}
# The parts in two halves of about the same work: for a word in a sixth of a million claims,
# grouping took 140 ms by topic, 140 by outlet, 60 by month and 40 by official.
HALVES = ({"topic", "officials"}, {"outlet", "months"})


def counted_in_one_pass(
    claims: QuerySet,
    parts: list[str],
    listed: dict,
    searched: tuple[Term, ...] = (),
    official: int | None = None,
    *,
    kept_prefix: str | None = None,
) -> dict[str, list]:
    """The counts named (months, officials, topic, outlet) of these claims, in one pass: for
    each, (month or slug, claims, statements) rows, as the tally gives them
    (statements/public/tally_counts.py). `listed` is the selects' records by model; `searched`
    the terms of a search if the claims are its published matches alone, of the `official`
    (a key) if one is named; `kept_prefix` the search's prefix if its counts are kept on write
    (statements/public/keyed_counts.py)."""
    try:
        rows = counted_rows(claims, parts, searched, official, kept_prefix=kept_prefix)
    except EmptyResultSet:  # filters no claim can pass: Django sends no query
        return {part: [] for part in parts}
    slugs = {part: {r.pk: r.slug for r in listed[model]} for part, model in RECORDS.items()}
    found: dict[str, list[tuple]] = {part: [] for part in parts}
    for part, month, record, number, statements in rows:
        key = as_date(month) if part == "months" else slugs[part].get(record)
        found[part].append((key, number, statements))
    return found


def counted_rows(
    claims: QuerySet,
    parts: list[str],
    searched: tuple[Term, ...] = (),
    official: int | None = None,
    *,
    kept_prefix: str | None = None,
) -> list:
    """The grouped rows of every part named. PostgreSQL groups the claims' facet keys, in
    parallel workers (statements/public/keyed_counts.py). SQLite counts a search alone, or of one
    official, from its matches' facet rows (statements/public/facet_row_counts.py); other views
    in a query on one core: two queries side by side when the parts fill both halves (each finds
    the claims again, about a third of the work, and groups half of them), else one."""
    if connections[claims.db].vendor == "postgresql":
        sql = keyed_sql(claims, searched, official, kept_prefix=kept_prefix)
        return as_counted(fetched(claims.db, sql), parts)
    if searched:
        return facet_row_counts.counted_rows(claims.db, parts, searched, official)
    halves = [[part for part in parts if part in half] for half in HALVES]
    if not all(halves):
        return fetched(claims.db, one_pass_sql(claims, parts))
    first, second = (one_pass_sql(claims, half) for half in halves)
    return [row for rows in rows_side_by_side(claims.db, first, second) for row in rows]


def one_pass_sql(claims: QuerySet, parts: list[str]) -> tuple[str, tuple]:
    """SQLite's query of the parts named, grouped from the matched claims found once."""
    # The month comes last: Django selects annotations after fields.
    matched = (
        claims.order_by()
        .annotate(month=MonthOf("statement__date"))
        .values_list("id", "statement_id", "statement__official_id", "statement__venue_id", "month")
    )
    sql, params = matched.query.get_compiler(using=claims.db).as_sql()
    tables = {
        "links_of_each": LINKS_OF_EACH.format(topic_links=Claim.topics.through._meta.db_table),
        "reports": Report._meta.db_table,
    }
    grouped = [GROUPED[part].format(part=part, **tables) for part in GROUPED if part in parts]
    columns = ", ".join(MATCHED_COLUMNS)
    union = "\nUNION ALL\n".join(grouped)
    return f"WITH matched ({columns}) AS MATERIALIZED ({sql})\n{union}", tuple(params)


def as_date(month) -> date:
    """A month's first day as SQLite ('2024-03-01') or PostgreSQL (a date or timestamp) gives it."""
    if isinstance(month, str):
        return date.fromisoformat(month)
    if isinstance(month, datetime):
        return month.date()
    return month
