from django import template

from statements.models import Statement
from statements.public.cards import statement_reported_by

register = template.Library()


@register.simple_tag
def reported_by(statement: Statement, before: str = "", linked: bool = False, listed=None) -> str:
    """'reported by News.Az, The Artistree (2 reports)', each name a link to its outlet's
    report when `linked`; nothing when no report names an outlet. In a list, `listed` is one of
    the statement's claims, which carries the names (statements/public/reports.with_reporters)."""
    return statement_reported_by(statement, before, linked, listed)
