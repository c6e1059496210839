"""Free-text search over claims, behind one function so the database behind it can change."""

from django.db.models import Q, QuerySet

SEARCHED_FIELDS = ("quote", "text", "evidence_text", "statement__headline")


def search_claims(claims: QuerySet, text: str) -> QuerySet:
    """Claims where every word of the text is in the quote, summary, evidence or headline."""
    # A paraphrase has no quote: its words are the evidence span of the source text.
    claims = claims.with_evidence()
    for word in text.split():
        matches_word = Q()
        for field in SEARCHED_FIELDS:
            matches_word |= Q(**{f"{field}__icontains": word})
        claims = claims.filter(matches_word)
    return claims
