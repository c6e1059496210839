"""Free-text search over claims, behind one function so the database behind it can change."""

from django.db.models import Q, QuerySet

SEARCHED_FIELDS = ("quote", "text", "statement__headline")


def search_claims(claims: QuerySet, text: str) -> QuerySet:
    """Claims in which every word of the text appears in the quote, summary or headline."""
    for word in text.split():
        matches_word = Q()
        for field in SEARCHED_FIELDS:
            matches_word |= Q(**{f"{field}__icontains": word})
        claims = claims.filter(matches_word)
    return claims
