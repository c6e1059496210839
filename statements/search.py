"""Free-text search over claims, behind one function so the database behind it can change."""

from django.db.models import F, Q, QuerySet
from django.db.models.functions import Substr

SEARCHED_FIELDS = ("quote", "text", "evidence_text", "statement__headline")


def search_claims(claims: QuerySet, text: str) -> QuerySet:
    """Claims where every word of the text is in the quote, summary, evidence or headline."""
    # A paraphrase has no quote: its words are the evidence span of the source text.
    claims = claims.annotate(
        evidence_text=Substr(
            "statement__source_text", F("span_start") + 1, F("span_end") - F("span_start")
        )
    )
    for word in text.split():
        matches_word = Q()
        for field in SEARCHED_FIELDS:
            matches_word |= Q(**{f"{field}__icontains": word})
        claims = claims.filter(matches_word)
    return claims
