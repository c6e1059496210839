"""The curated position changes of a filtered view as export rows: one row per change."""

from django.db.models import Exists, Expression, F, OuterRef, Q, QuerySet, TextField, Value
from django.db.models.functions import Concat

from statements.models import PositionChange
from statements.public.export_columns import Layout, date_at_precision, link


def change_values(root: str) -> dict[str, Expression]:
    evidence = Concat(
        Value(root + "officials/"),
        F("official__slug"),
        Value("/?topic="),
        F("topic__slug"),
        output_field=TextField(),
    )
    return {
        "change_id": F("id"),
        "official_name": F("official__name"),
        "official_slug": F("official__slug"),
        "topic": F("topic__name"),
        "topic_slug": F("topic__slug"),
        "rating": F("rating"),
        "note": F("note"),
        "earlier_statement_id": F("earlier_id"),
        "earlier_statement_url": link(root, "statements/", "earlier_id"),
        "earlier_date": date_at_precision("earlier__"),
        "later_statement_id": F("later_id"),
        "later_statement_url": link(root, "statements/", "later_id"),
        "later_date": date_at_precision("later__"),
        "evidence_url": evidence,
    }


CHANGES = Layout("changes", change_values)


def changes_in(claims: QuerySet, chosen: dict, newest_first: bool = True) -> QuerySet:
    """Published changes with a claim of the view on their topic in either statement; on the
    view's topic and of its rating (`moved`), when it has them."""
    sides = Q(statement=OuterRef("earlier")) | Q(statement=OuterRef("later"))
    evidence = claims.filter(sides, topics=OuterRef("topic"))
    changes = PositionChange.objects.published().filter(Exists(evidence))
    if chosen.get("topic"):
        changes = changes.filter(topic=chosen["topic"])
    if chosen.get("moved"):
        changes = changes.filter(rating=chosen["moved"])
    ordering = ("-later__date", "-id") if newest_first else ("later__date", "id")
    return changes.order_by(*ordering)
