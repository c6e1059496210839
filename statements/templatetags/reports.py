from django import template

from statements.models import Statement
from statements.public.reports import report_count, reporters

register = template.Library()


@register.inclusion_tag("_reported_by.html")
def reported_by(statement: Statement, before: str = "", linked: bool = False) -> dict:
    """'reported by News.Az, The Artistree (2 reports)', each name a link to its outlet's
    report when `linked`; nothing when no report names an outlet."""
    return {
        "before": before,
        "reporters": reporters(statement),
        "count": report_count(statement),
        "linked": linked,
    }
