from django import template
from django.utils.safestring import SafeString

from statements.models import Claim, Statement
from statements.public import cards, story_cards

register = template.Library()


@register.simple_tag
def statement_card(statement: Statement, claims: list[Claim], query: str = "") -> SafeString:
    """A statement of the timeline with the claims the page lists, the words searched marked."""
    return cards.statement_card(statement, claims, query or "")


@register.simple_tag
def claim_body(claim: Claim, query: str = "") -> SafeString:
    """A claim's words, summary, topics and link, as every list shows them."""
    return cards.claim_body(claim, query or "")


@register.simple_tag
def story_card(statement: Statement, claims: list[Claim], first: bool) -> SafeString:
    """A statement in the story of a position: "Then" for the first, "Later" after."""
    return story_cards.story_card(statement, claims, first)
