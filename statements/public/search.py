"""Full-text search over claims, behind one function whatever the database.

A claim's quote, summary, evidence and its statement's headline are indexed by the database
(SQLite FTS5 or PostgreSQL full-text search, see migration 0002). Every word must match; words
in double quotes must match as a phrase; the last word also matches as a prefix, for
search-as-you-type, once it has three letters (a shorter prefix stands for a large share of all
words). A query of single letters is refused: it would match nearly every claim. Matching
ignores case, not accents. A term in a quarter of all claims or more is left out of the search,
as it narrows little and costs much (statements/public/common_terms.py).
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from html import escape  # as Django's, without its wrapper for lazy text

from django.core.exceptions import ValidationError
from django.db import connections
from django.db.models import BigIntegerField, BooleanField, F, Func, QuerySet, Value
from django.db.models.expressions import RawSQL
from django.utils.safestring import SafeString, mark_safe

WORD = re.compile(r"\w+")
PHRASE_OR_WORD = re.compile(r'"([^"]*)"?|(\S+)')
SHORTEST_PREFIX = 3
SHORTEST_QUERY_WORD = 2


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]
    prefix: bool = False


def parse(text: str) -> list[Term]:
    """Terms of a query: "quoted phrases" and single words, the last bare word a prefix."""
    terms = []
    for phrase, bare in PHRASE_OR_WORD.findall(text):
        words = tuple(WORD.findall(phrase or bare))
        if phrase and words:
            terms.append(Term(words))
        else:
            terms.extend(Term((word,)) for word in words)
    last = terms[-1].words if terms else ()
    if len(last) == 1 and len(last[0]) >= SHORTEST_PREFIX and not text.rstrip().endswith('"'):
        terms[-1] = Term(last, prefix=True)
    return terms


def searchable(text: str) -> None:
    """Refuse a query of single letters, which would match nearly every claim."""
    words = [word for term in parse(text) for word in term.words]
    if words and all(len(word) < SHORTEST_QUERY_WORD for word in words):
        raise ValidationError(
            "Type at least two letters of a word: one letter matches nearly everything.",
            code="too_short",
        )


def sqlite_query(terms: list[Term]) -> str:
    return " ".join('"' + " ".join(t.words) + '"' + ("*" if t.prefix else "") for t in terms)


def postgres_query(terms: list[Term]) -> str:
    def quoted(word: str) -> str:
        return "'" + word.lower() + "'"

    def term_query(term: Term) -> str:
        if term.prefix:
            return quoted(term.words[0]) + ":*"
        return "(" + " <-> ".join(quoted(word) for word in term.words) + ")"

    return " & ".join(term_query(term) for term in terms)


MATCHING_IDS = {
    "sqlite": ("SELECT rowid FROM claim_search WHERE claim_search MATCH %s", sqlite_query),
    "postgresql": (
        "SELECT claim_id FROM claim_search WHERE document @@ to_tsquery('simple', %s)",
        postgres_query,
    ),
}


def matching_ids(alias: str, terms: list[Term] | tuple[Term, ...]) -> tuple[str, list]:
    """The query of the keys of every claim, published or not, that matches every term."""
    sql, build = MATCHING_IDS[connections[alias].vendor]
    return sql, [build(list(terms))]


def search_claims(claims: QuerySet, text: str) -> QuerySet:
    """Claims matching every term of the text."""
    return search_terms(claims, parse(text))


class ClaimSearchCheck(Func):
    """A condition on a claim's key and a PostgreSQL text query, as `sql` words it."""

    output_field = BooleanField()
    sql = ""

    def __init__(self, claim_id, query: str) -> None:
        super().__init__(claim_id, Value(query))

    def as_sql(self, compiler, connection, **extra):
        (claim, claim_params), (query, query_params) = (
            compiler.compile(expression) for expression in self.source_expressions
        )
        return self.sql.format(claim=claim, query=query), (*claim_params, *query_params)


class DocumentMatches(ClaimSearchCheck):
    """The claim's own indexed document matches: one lookup by its key, as the claims are walked
    in timeline order."""

    sql = (
        "(SELECT document FROM claim_search WHERE claim_id = {claim})"
        " @@ to_tsquery('simple', {query})"
    )


class AmongMatches(ClaimSearchCheck):
    """The claim is among every match, all found first through the full-text index. As a
    semi-join, the planner would rather walk the timeline for a rare word too (a quarter of a
    second to find 51 of 1,700 matches at a million claims); an array it cannot turn around."""

    sql = (
        "{claim} = ANY(ARRAY(SELECT claim_id FROM claim_search"
        " WHERE document @@ to_tsquery('simple', {query})))"
    )


def search_terms(
    claims: QuerySet, terms: list[Term] | tuple[Term, ...], dense: bool | None = None
) -> QuerySet:
    """Claims matching every term. Dense matches (many claims in every hundred) are found
    sooner by walking the claims in timeline order and keeping those that match than by
    listing and sorting every match: SQLite is told so by `+id`, which it cannot look up by;
    PostgreSQL checks each claim's own document as it walks, and lists sparse ones first.
    `dense` is None when the view does not know."""
    if not terms:
        return claims
    vendor = connections[claims.db].vendor
    sql, params = matching_ids(claims.db, terms)
    if dense and vendor == "sqlite":
        walked = Func(F("id"), template="+%(expressions)s", output_field=BigIntegerField())
        return claims.alias(walked_id=walked).filter(walked_id__in=RawSQL(sql, params))
    if vendor == "postgresql" and dense is not None:
        return claims.filter((DocumentMatches if dense else AmongMatches)(F("id"), *params))
    return claims.filter(id__in=RawSQL(sql, params))


@lru_cache(maxsize=256)
def marking_pattern(query: str) -> re.Pattern | None:
    """What marks the query's words in a text: built once per query, not for each of a page's
    claims."""
    words = {word.lower() for term in parse(query) for word in term.words}
    if not words:
        return None
    return re.compile(
        r"\b(" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\w*",
        re.IGNORECASE,
    )


def highlight(text: str, query: str) -> SafeString:
    """The text, escaped, with the words of the query marked."""
    pattern = marking_pattern(query)
    if pattern is None:
        return mark_safe(escape(text))
    pieces, last = [], 0
    for match in pattern.finditer(text):
        pieces += [escape(text[last : match.start()]), f"<mark>{escape(match.group(0))}</mark>"]
        last = match.end()
    pieces.append(escape(text[last:]))
    return mark_safe("".join(pieces))  # every piece of the text was escaped above
