from django import template

from statements.models import Statement
from statements.public.cards import statement_reported_by

register = template.Library()


@register.simple_tag
def reported_by(statement: Statement, before: str = "", linked: bool = False) -> str:
    """'reported by News.Az, The Artistree (2 reports)', each name a link to its outlet's
    report when `linked`; nothing when no report names an outlet."""
    return statement_reported_by(statement, before, linked)
