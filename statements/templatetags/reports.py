from django import template

from statements.models import Statement
from statements.public.reports import listed_reporters, report_count, reporters

register = template.Library()


@register.inclusion_tag("_reported_by.html")
def reported_by(statement: Statement, before: str = "", linked: bool = False, listed=None) -> dict:
    """'reported by News.Az, The Artistree (2 reports)', each name a link to its outlet's
    report when `linked`; nothing when no report names an outlet. In a list, `listed` is one of
    the statement's claims, which carries the names (statements/public/reports.with_reporters)."""
    if listed is not None and hasattr(listed, "reporting_outlet_names"):
        found, count = listed_reporters(listed)
    else:
        found, count = reporters(statement), report_count(statement)
    return {"before": before, "reporters": found, "count": count, "linked": linked}
