"""A statement in the story of a position ("Then", "Later"), written in Python.

An official's page on a topic shows up to eleven of them, with every claim on the topic: through
the template engine about 9 ms of a fragment's 41 at a million claims (bench/README.md), as the
timeline's cards were (statements/public/cards.py). Every value is escaped on its way in.
"""

from html import escape

from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

from statements.models import Claim, Statement
from statements.public.cards import statement_reported_by
from statements.public.paths import path

LONG_QUOTE_WORDS = 60  # a longer quote is folded into a <details>, its first words shown
FOLDED_QUOTE_START = 30


def story_card(statement: Statement, claims: list[Claim], first: bool) -> SafeString:
    """The statement's card: when and where, who reported it, and its claims on the topic."""
    when = "Then" if first else "Later"
    where = escape(statement.get_kind_display())
    if statement.venue:
        where += f" with {escape(statement.venue.name)}"
    listed = claims[0] if claims else None
    where += statement_reported_by(statement, " · reported by ", False, listed)
    link = f'<a href="{path("statement_detail", statement.pk)}">the statement</a>'
    claim_items = "".join(f"<li>\n{story_claim(claim)}\n</li>\n" for claim in claims)
    return mark_safe(  # every value escaped
        '<article class="story-card">\n<header>\n'
        f'<p class="meta">{when} · <time datetime="{statement.date.isoformat()}">'
        f"{escape(statement.date_display)}</time></p>\n"
        f'<p class="story-where">\n{where}\n· {link}\n</p>\n</header>\n'
        f'<ul class="story-claims">\n{claim_items}</ul>\n</article>'
    )


def story_claim(claim: Claim) -> str:
    """A claim in the story: its quote (a long one folded, never cut), or the position reported
    with the article's words, and its link."""
    if claim.quote:
        body = '<span class="badge badge-quote">Quote</span>\n' + quote_block(claim.quote)
    else:
        body = (
            '<span class="badge">Reported</span>\n'
            f'<p class="summary">{escape(claim.summary)}</p>\n'
            '<p class="evidence-text"><span class="muted">In the article:</span>'
            f" <q>{escape(claim.evidence)}</q></p>"
        )
    link = f'<p class="claim-link"><a href="{path("claim_detail", claim.pk)}">Claim page</a></p>'
    return f"{body}\n{link}"


def quote_block(quote: str) -> str:
    whole = f'<blockquote class="quote">“{escape(quote)}”</blockquote>'
    words = len(quote.split())
    if words <= LONG_QUOTE_WORDS:
        return whole
    start = escape(Truncator(quote).words(FOLDED_QUOTE_START, truncate=" …"))
    return (
        '<details class="long-quote">\n'
        f'<summary><span class="quote-start">“{start}”</span>'
        f' <span class="more">Whole quote, {words} words</span></summary>\n'
        f"{whole}\n</details>"
    )
