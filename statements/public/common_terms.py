"""Words too common to narrow a search are left out of it, and the reader is told.

A word (or phrase, or the prefix being typed) found in more than a quarter of the claims, once
there are many claims, narrows little, and searching for it costs as much as listing and
counting those claims: at a million, seconds for "the" or "on". So each term of a query is tried
against the full-text index first, counting its matches only up to that quarter (the trial
itself is bounded), and a term past it is left out. A query of nothing but such terms narrows
nothing: the reader sees every claim and a word to keep typing. What each query's terms give is
kept per version of the data, like the counts.
"""

from dataclasses import dataclass

from django.db import connections

from statements.public.search import MATCHING_IDS, Term, parse, sqlite_query
from statements.public.versions import kept

COMMON_SHARE = 4  # a term in more than 1/COMMON_SHARE of the claims is common...
FEWEST_MATCHES = 10_000  # ...and matches more than this: a smaller search is fast anyway
# Past this bound (200,000 claims), PostgreSQL takes a term's matches from its statistics when
# they are far from the bound: counting them reads every matching row of the index table.
ESTIMATED_PAST = 50_000

# How many claims there are, near enough (the span of their ids costs nothing to read), and the
# most matches a term may have: a quarter of them, never fewer than FEWEST_MATCHES.
BOUND = """
    claims (n) AS (
        SELECT COALESCE((SELECT MAX(id) FROM statements_claim)
                        - (SELECT MIN(id) FROM statements_claim) + 1, 0)
    ),
    bound (n) AS (SELECT CASE WHEN n / %s > %s THEN n / %s ELSE %s END FROM claims)
"""


@dataclass(frozen=True)
class Narrowing:
    """A query's terms that narrow the claims, and those left out as too common."""

    terms: tuple[Term, ...]
    left_out: tuple[Term, ...] = ()
    claims: int = 0  # how many claims there are, near enough
    matches: tuple[int, ...] = ()  # each narrowing term's claims, whatever their status

    @property
    def key(self) -> str:
        """The terms that narrow, as the index reads them: case does not matter."""
        return sqlite_query([Term(tuple(w.lower() for w in t.words), t.prefix) for t in self.terms])


def term_matches(vendor: str, number: int) -> str:
    """One term's matches counted up to one past the bound. PostgreSQL's planner, not knowing
    the bound, read the whole index table even for a rare word (about 300 ms at a million
    claims, against a few through the full-text index): there the count is made by a function
    planned without sequential scans (migration 0018), which past ESTIMATED_PAST takes the
    planner's estimate instead when it is more than a tenth away from the bound (migration
    0019): its statistics of the index's words are drawn from 30,000 claims, within a few
    hundredths of a word's true share."""
    if vendor == "postgresql":
        return "claim_search_matches(%s, (SELECT n + 1 FROM bound), %s)"
    match_sql, _ = MATCHING_IDS[vendor]
    return f"(SELECT COUNT(*) FROM ({match_sql} LIMIT (SELECT n + 1 FROM bound)) AS term_{number})"


def term_params(vendor: str, term: Term) -> list:
    _, build = MATCHING_IDS[vendor]
    return [build([term]), ESTIMATED_PAST] if vendor == "postgresql" else [build([term])]


def trial(alias: str, terms: list[Term]) -> tuple[int, int, list[int]]:
    """How many claims there are, the bound, and each term's matches counted up to one past
    the bound, in one query."""
    vendor = connections[alias].vendor
    bound_params = [COMMON_SHARE, FEWEST_MATCHES, COMMON_SHARE, FEWEST_MATCHES]
    counts = [term_matches(vendor, number) for number in range(len(terms))]
    sql = f"WITH {BOUND} SELECT (SELECT n FROM claims), (SELECT n FROM bound), {', '.join(counts)}"
    params = [param for term in terms for param in term_params(vendor, term)]
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, [*bound_params, *params])
        claims, bound, *matches = cursor.fetchone()
    return claims, bound, matches


def narrowing(alias: str, version: str, text: str) -> Narrowing:
    """The terms of the query that narrow the claims, kept per version of the data."""
    terms = parse(text)
    if not terms:
        return Narrowing(())

    def tried() -> Narrowing:
        claims, bound, matches = trial(alias, terms)
        tried_terms = list(zip(terms, matches, strict=True))
        narrow = [(term, found) for term, found in tried_terms if found <= bound]
        common = tuple(term for term, found in tried_terms if found > bound)
        narrow_terms, their_matches = zip(*narrow, strict=True) if narrow else ((), ())
        return Narrowing(tuple(narrow_terms), common, claims, tuple(their_matches))

    return kept(version, ("narrowing", alias, tuple(terms)), tried)


def described(term: Term) -> str:
    """A term as the notice names it: “on”, “the ground”, and “the…” for a prefix."""
    return "“" + " ".join(term.words) + ("…" if term.prefix else "") + "”"
