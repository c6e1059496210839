"""What a page says of itself when shared: Open Graph and Twitter card tags, speaker named.

A claim seen alone (a link preview, a feed entry) must say who said it, when, where and who
reported it, so that it never reads as the site's own assertion.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.text import Truncator

from statements.models import Claim, Official, Statement, Topic
from statements.public.reports import reported_by
from statements.public.site_address import absolute_url

TITLE_LENGTH = 120
DESCRIPTION_LENGTH = 300


@dataclass(frozen=True)
class ShareCard:
    title: str
    description: str
    url: str  # canonical: on the configured site address, without the query string
    kind: str = "article"  # og:type


def shortened(text: str, length: int) -> str:
    return Truncator(" ".join(text.split())).chars(length)


def occasion(statement: Statement) -> str:
    """'interview with TASS', 'speech', 'press conference with Reuters'."""
    kind = statement.get_kind_display()
    kind = kind[0].lower() + kind[1:]
    return f"{kind} with {statement.venue.name}" if statement.venue else kind


def attribution(statement: Statement) -> str:
    """'Hikmet Hajiyev, 16 September 2023, interview with TASS, reported by Trend' (or 'by
    News.Az, The Artistree (2 reports)')."""
    parts = [statement.official.name, statement.date_display, occasion(statement)]
    reporting = reported_by(statement)
    if reporting:
        parts.append(f"reported by {reporting}")
    return ", ".join(parts)


def claim_heading(claim: Claim) -> str:
    """The speaker, then the position: 'Hikmet Hajiyev: the blockade does not exist…'."""
    said = claim.summary or f"“{claim.quote or claim.evidence}”"
    return f"{claim.statement.official.name}: {said}"


def claim_card(claim: Claim) -> ShareCard:
    words = f"“{claim.quote}”" if claim.quote else f"Reported: {claim.evidence}"
    words = shortened(words, DESCRIPTION_LENGTH - 100)
    return ShareCard(
        title=shortened(claim_heading(claim), TITLE_LENGTH),
        description=f"{words} — {attribution(claim.statement)}",
        url=absolute_url(claim.get_absolute_url()),
    )


def statement_card(statement: Statement, claim_count: int) -> ShareCard:
    claims = f"{claim_count} claim{'' if claim_count == 1 else 's'}"
    return ShareCard(
        title=shortened(f"{statement.official.name}: {statement.headline}", TITLE_LENGTH),
        description=f"{attribution(statement)}. {claims}, each with its words in the source.",
        url=absolute_url(statement.get_absolute_url()),
    )


def official_card(official: Official) -> ShareCard:
    about = official.bio or f"What {official.name} said, statement by statement."
    return ShareCard(
        title=f"{official.name}: what they said, and when",
        description=shortened(about, DESCRIPTION_LENGTH),
        url=absolute_url(official.get_absolute_url()),
        kind="profile",
    )


def topic_card(topic: Topic) -> ShareCard:
    about = topic.description or f"Who said what on {topic.name}, and when."
    return ShareCard(
        title=f"{topic.name}: who said what, and when",
        description=shortened(about, DESCRIPTION_LENGTH),
        url=absolute_url(reverse("topic_detail", kwargs={"slug": topic.slug})),
        kind="website",
    )
