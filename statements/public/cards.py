"""A statement's card in the timeline, and a claim as every list shows it, written in Python.

A page of results holds about thirty cards and fifty claims. Through Django's template engine
they took 27 ms of a new search's 89 at a million claims (bench/README.md), a third of the
request, nearly all of it the engine looking up names; written here, about a fifth of that.
Every value is escaped on its way in (all are text, none lazy); the words searched are marked
by `highlight`.
"""

from html import escape  # as Django's, without its wrapper for lazy text

from django.utils.safestring import SafeString, mark_safe

from statements.models import Claim, Statement
from statements.public.listed_topics import topic_links
from statements.public.paths import path
from statements.public.reports import Reporter, listed_reporters, report_count, reporters
from statements.public.search import highlight


def reported_by(found: list[Reporter], count: int, before: str = "", linked: bool = False) -> str:
    """'reported by News.Az, The Artistree (2 reports)', each name a link to its outlet's report
    when `linked`; nothing when no report names an outlet."""
    if not found:
        return ""
    names = ", ".join(reporter_name(reporter, linked) for reporter in found)
    reports = f" ({count} reports)" if count > 1 else ""
    return mark_safe(f"{escape(before)}{names}{reports}")  # every part escaped


def reporter_name(reporter: Reporter, linked: bool) -> str:
    name = escape(reporter.outlet.name)
    url = reporter.report.web_source_url if linked and reporter.report else ""
    return f'<a href="{escape(url)}" rel="noopener nofollow">{name}</a>' if url else name


def statement_reported_by(statement: Statement, before: str, linked: bool, listed=None) -> str:
    """Who reported the statement; in a list, `listed` is one of its claims, which carries the
    names (statements/public/reports.with_reporters) so that no query is needed."""
    if listed is not None and hasattr(listed, "reporting_outlet_names"):
        found, count = listed_reporters(listed)
    else:
        found, count = reporters(statement), report_count(statement)
    return reported_by(found, count, before, linked)


def claim_body(claim: Claim, query: str = "") -> SafeString:
    """A claim's words (or the reported position), its summary, its topics and its link."""
    summary = highlight(claim.summary, query)
    if claim.quote:
        words = (
            f'<blockquote class="quote">“{highlight(claim.quote, query)}”</blockquote>\n'
            f'<p class="summary">{summary}</p>\n'
        )
    else:
        words = (
            f'<p class="summary reported"><span class="badge">Reported</span> {summary}</p>\n'
            '<p class="evidence-text"><span class="muted">In the article:</span>'
            f" <q>{highlight(claim.evidence, query)}</q></p>\n"
        )
    link = f'<p class="claim-link"><a href="{path("claim_detail", claim.pk)}">Claim page</a></p>'
    return mark_safe(words + topic_list(claim) + link)  # every value escaped above


def topic_list(claim: Claim) -> str:
    items = "".join(
        f'<li><a class="topic" href="{path("topic_detail", slug)}">{escape(name)}</a></li>'
        for slug, name in topic_links(claim)
    )
    return f'<ul class="topics" aria-label="Topics">{items}</ul>\n' if items else ""


def statement_card(statement: Statement, claims: list[Claim], query: str = "") -> SafeString:
    """One statement of the timeline with the claims of it that the page lists."""
    items = "".join(
        f'<li class="claim claim-{escape(claim.kind)}" id="timeline-claim-{claim.pk}">\n'
        f"{claim_body(claim, query)}\n</li>\n"
        for claim in claims
    )
    headline = (
        f'<h4 class="headline"><a href="{path("statement_detail", statement.pk)}">'
        f"{escape(statement.headline)}</a></h4>"
    )
    return mark_safe(  # every value escaped
        '<article class="statement">\n<header class="statement-header">\n'
        f'<p class="meta">{card_meta(statement, claims)}</p>\n{headline}\n</header>\n'
        f'<ol class="claims">\n{items}</ol>\n</article>'
    )


def card_meta(statement: Statement, claims: list[Claim]) -> str:
    """'16 September 2023 · Hikmet Hajiyev · Interview with Euronews · reported by News.Az'."""
    official = statement.official
    parts = [
        f'<time datetime="{statement.date.isoformat()}">{escape(statement.date_display)}</time>',
        f'<a href="{path("official_detail", official.slug)}">{escape(official.name)}</a>',
        escape(statement.get_kind_display()),
    ]
    if statement.venue:
        parts[-1] += f" with {escape(statement.venue.name)}"
    listed = claims[0] if claims else None
    return " · ".join(parts) + statement_reported_by(statement, " · reported by ", False, listed)
