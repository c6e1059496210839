"""The counts of a search alone, or of one official's claims, on SQLite: read from the facet rows
of its matches (migration 0024, statements/migrations/_claim_facets_sqlite.py).

The full-text index gives the matches in key order, and each is joined to its narrow facet row.
Two pieces of work run side by side (statements/public/side_by_side.py):

- the claims and statements per month, grouped by SQLite;
- the claims per official, topic and outlet: the rows' numbers are sent as three texts, read
  and counted by NumPy. These counts have a few hundred values between them, which NumPy
  adds up for a fraction of the cost of SQLite's sorter, and with no join to the topic links
  and reports. (Python's `Counter` took five times as long, holding the interpreter.)

At a million claims, words in a tenth to a quarter of them are counted so 2.3–2.6 times as fast
as in two queries over the claims, their statements, topic links and reports (bench/README.md,
part 13).
"""

from functools import partial

import numpy

from statements.public.search import Term, sqlite_query
from statements.public.side_by_side import fetched, side_by_side

MATCHES = """FROM claim_search CROSS JOIN claim_facets f ON f.claim_id = claim_search.rowid
    WHERE claim_search MATCH %s {official}"""
MONTHS = f"""SELECT 'months', f.month, NULL, COUNT(*), COUNT(DISTINCT f.statement_id)
    {MATCHES} GROUP BY f.month"""
# Each text the numbers of one count, a space between them; a claim with no topic adds none.
RECORDS = ("officials", "topic", "outlet")
RECORD_TEXTS = f"""SELECT group_concat(f.official_id, ' '), group_concat(f.topics, ' '),
    group_concat(f.outlets, ' ') {MATCHES}"""


def of_official(sql: str, match: str, official: int | None) -> tuple[str, tuple]:
    """The query with its matches narrowed to the official's, if one is named."""
    if official is None:
        return sql.format(official=""), (match,)
    return sql.format(official="AND f.official_id = %s"), (match, official)


def rows_of_records(alias: str, match: str, official: int | None) -> list[tuple]:
    (texts,) = fetched(alias, of_official(RECORD_TEXTS, match, official))
    rows = []
    for part, text in zip(RECORDS, texts, strict=True):
        for record, claims in numbers_counted(text).items():
            rows.append((part, None, record, claims, 0))
    return rows


def numbers_counted(text: str | None) -> dict[int, int]:
    """How often each key (a positive number) comes in the text, where they are a space apart
    and a claim with no topic leaves an empty one. For the 930,000 keys of a word in 230,000
    claims, 31–40 ms where Python's `Counter` took 170–190."""
    numbers = numpy.fromstring(text or "", dtype=numpy.int64, sep=" ")
    if not numbers.size:
        return {}
    counts = numpy.bincount(numbers)
    counts[0] = 0  # a text of spaces alone reads as one zero; no key is zero
    found = counts.nonzero()[0]
    return dict(zip(found.tolist(), counts[found].tolist(), strict=True))


def rows_of_months(alias: str, match: str, official: int | None) -> list[tuple]:
    return fetched(alias, of_official(MONTHS, match, official))


def counted_rows(
    alias: str, parts: list[str], searched: tuple[Term, ...], official: int | None = None
) -> list[tuple]:
    """The (part, month, record, claims, statements) rows of the parts named, for the published
    matches of the terms searched, the official's if one is named (a key)."""
    match = sqlite_query(list(searched))
    records = partial(rows_of_records, match=match, official=official)
    months = partial(rows_of_months, match=match, official=official)
    if "months" not in parts:
        rows = records(alias)
    elif not set(RECORDS) & set(parts):
        rows = months(alias)
    else:
        rows = [row for rows in side_by_side(alias, records, months) for row in rows]
    return [row for row in rows if row[0] in parts]
