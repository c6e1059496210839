"""What each export row holds: its columns, as expressions the database computes.

A claim row describes the claim through its main evidence and the report that evidence is in
(quote, span, outlet, dateline, title, URL), so its offsets always point into its `source_url`'s
text; a statement row describes the statement through its main report (the primary source if one
is held, else the first). Both name every report of the statement as well.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import (
    Case,
    CharField,
    Count,
    Expression,
    F,
    FilteredRelation,
    Func,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Concat, Left

from statements.models import Claim, DatePrecision, Report, Wording, evidence, evidence_text


class IsoDateText(Func):
    """A date as YYYY-MM-DD text, the same whatever PostgreSQL's DateStyle, never a date object."""

    template = "CAST(%(expressions)s AS TEXT)"  # SQLite stores dates as this text already
    output_field = CharField()

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template="to_char(%(expressions)s, 'YYYY-MM-DD')")


def date_at_precision(prefix: str) -> Case:
    """ISO 8601 at the source's precision: 2023-09-16, 2020-10 or 2016."""
    day, precision = IsoDateText(prefix + "date"), prefix + "date_precision"
    return Case(
        When(**{precision: DatePrecision.MONTH}, then=Left(day, 7)),
        When(**{precision: DatePrecision.YEAR}, then=Left(day, 4)),
        default=day,
        output_field=CharField(),
    )


class JoinedNames(Func):
    """Names joined by "; " in one subquery: `names` selects `name` and the `rank` to order by,
    for the id the expression gives."""

    output_field = TextField()
    names = ""
    joined = {
        "sqlite": "(SELECT group_concat(name, '; ') FROM ({names} ORDER BY rank))",
        "postgresql": "(SELECT string_agg(name, '; ' ORDER BY rank) FROM ({names}) AS n)",
    }

    def __init__(self, id_field: str) -> None:
        super().__init__(F(id_field))

    def as_sql(self, compiler, connection, **extra):
        template = self.joined[connection.vendor].format(names=self.names)
        return super().as_sql(compiler, connection, template=template, **extra)


CLAIMS_OF = {
    "claim": "ct.claim_id = %(expressions)s",
    "statement": "ct.claim_id IN (SELECT c.id FROM statements_claim c "
    "WHERE c.statement_id = %(expressions)s)",
}


class TopicNames(JoinedNames):
    """The names of the topics of a claim, or of all a statement's claims: each once, sorted by
    code point (as Python's sorted() would)."""

    def __init__(self, id_field: str, of: str) -> None:
        super().__init__(id_field)
        self.of = of

    def as_sql(self, compiler, connection, **extra):
        rank = 't.name COLLATE "C"' if connection.vendor == "postgresql" else "t.name"
        self.names = (
            f"SELECT DISTINCT t.name AS name, {rank} AS rank FROM statements_claim_topics ct "
            f"JOIN statements_topic t ON t.id = ct.topic_id WHERE {CLAIMS_OF[self.of]}"
        )
        return super().as_sql(compiler, connection, **extra)


class OutletNames(JoinedNames):
    """The outlets that printed a report of a statement: each once, in the reports' order."""

    names = (
        'SELECT o.name AS name, MIN(r."order") AS rank FROM statements_report r '
        "JOIN statements_outlet o ON o.id = r.outlet_id "
        "WHERE r.statement_id = %(expressions)s GROUP BY o.id, o.name"
    )


def names(expression: Func) -> Coalesce:
    return Coalesce(expression, Value(""), output_field=TextField())


def report_count(statement_field: str) -> Subquery:
    reports = Report.objects.filter(statement=OuterRef(statement_field)).order_by()
    return Subquery(reports.values("statement").annotate(n=Count("pk")).values("n"))


def link(root: str, path: str, id_field: str) -> Concat:
    return Concat(
        Value(root + path), Cast(id_field, TextField()), Value("/"), output_field=TextField()
    )


WORDING_TEXT = Case(
    When(wording=Wording.AGREES, then=Value("agrees")),
    When(wording=Wording.DIFFERS, then=Value("differs")),
    default=Value("single source"),
    output_field=CharField(),
)
STATEMENT_FIELDS = {
    "date_precision": "{statement}date_precision",
    "official_name": "{statement}official__name",
    "official_slug": "{statement}official__slug",
    "title_as_given": "{report}title_as_given",
    "statement_kind": "{statement}kind",
    "venue": "{statement}venue__name",
    "reporting_outlet": "{report}outlet__name",
    "dateline": "{report}dateline",
    "headline": "{statement}headline",
}


def statement_values(statement: str, report: str) -> dict[str, Expression]:
    """A statement's columns, from the paths to the statement and to the report describing it."""
    paths = {
        name: path.format(statement=statement, report=report)
        for name, path in STATEMENT_FIELDS.items()
    }
    return {"date": date_at_precision(statement), **{name: F(path) for name, path in paths.items()}}


def reports_of(statement_id: str) -> dict[str, Expression]:
    return {
        "report_count": report_count(statement_id),
        "reporting_outlets": names(OutletNames(statement_id)),
    }


def claim_values(root: str) -> dict[str, Expression]:
    return {
        "claim_id": F("id"),
        "claim_url": link(root, "claims/", "id"),
        "statement_id": F("statement_id"),
        "statement_url": link(root, "statements/", "statement_id"),
        **statement_values("statement__", report="main__report__"),
        "claim_summary": F("summary"),
        "quote": F("main__quote"),
        "quote_kind": F("kind"),
        "evidence": evidence(),
        "topics": names(TopicNames("id", of="claim")),
        "span_start": F("main__span_start"),
        "span_end": F("main__span_end"),
        "source_url": F("main__report__source_url"),
        **reports_of("statement_id"),
        "wording": WORDING_TEXT,
    }


def statement_values_with_claims(root: str) -> dict[str, Expression]:
    claims = Claim.objects.filter(statement=OuterRef("pk")).order_by().values("statement")
    return {
        "statement_id": F("id"),
        "statement_url": link(root, "statements/", "id"),
        **statement_values("", report="lead__"),
        "language": F("lead__language"),
        "claim_count": Subquery(claims.annotate(n=Count("pk")).values("n")),
        "topics": names(TopicNames("id", of="statement")),
        "source_url": F("lead__source_url"),
        **reports_of("id"),
    }


def evidence_values(root: str) -> dict[str, Expression]:
    return {
        "claim_id": F("claim_id"),
        "claim_url": link(root, "claims/", "claim_id"),
        "statement_id": F("claim__statement_id"),
        "report_id": F("report_id"),
        "outlet": F("report__outlet__name"),
        "is_main": Case(
            When(is_main=True, then=Value("true")), default=Value("false"), output_field=CharField()
        ),
        "span_start": F("span_start"),
        "span_end": F("span_end"),
        "quote": F("quote"),
        "text": evidence_text(""),
        "source_url": F("report__source_url"),
    }


def with_main_evidence(claims: QuerySet) -> QuerySet:
    """Claims with their main evidence joined as `main` (see ClaimQuerySet.with_evidence)."""
    return claims if "main" in claims.query._filtered_relations else claims.with_evidence()


def with_main_report(statements: QuerySet) -> QuerySet:
    """Statements with their main report joined as `lead`: the primary source, else the first."""
    first = Report.objects.filter(statement=OuterRef("pk")).order_by("-is_primary", "order", "pk")
    lead = Q(reports__pk=Subquery(first.values("pk")[:1]))
    return statements.annotate(lead=FilteredRelation("reports", condition=lead))


@dataclass(frozen=True)
class Layout:
    """What one row holds: its columns, and their values as the database computes them for a
    site whose address is `root`, over the rows that `prepare` makes ready."""

    name: str
    values: Callable[[str], dict[str, Expression]]
    prepare: Callable[[QuerySet], QuerySet] = lambda rows: rows

    @property
    def columns(self) -> tuple[str, ...]:
        return tuple(self.values("/"))


CLAIMS = Layout("claims", claim_values, with_main_evidence)
STATEMENTS = Layout("statements", statement_values_with_claims, with_main_report)
EVIDENCE = Layout("evidence", evidence_values)
LAYOUTS = {layout.name: layout for layout in (CLAIMS, STATEMENTS, EVIDENCE)}
