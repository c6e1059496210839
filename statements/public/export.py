"""Rows of a filtered view written as CSV or JSON, streamed in constant memory.

The database computes every value as it is written (links, dates at their precision, topic
names sorted and joined) and, for CSV, each whole line (statements/public/csv_lines.py); Python
passes the text on as it comes.
"""

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import connections
from django.db.models import (
    Case,
    CharField,
    Count,
    Expression,
    F,
    Func,
    OuterRef,
    QuerySet,
    Subquery,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Concat, Left
from django.http import StreamingHttpResponse
from django.utils.text import slugify

from statements.models import Claim, DatePrecision, Statement, evidence
from statements.public import csv_lines

CHUNK_SIZE = 2000
BOM = "\ufeff"
NUMBERS = frozenset(
    {"claim_id", "statement_id", "span_start", "span_end", "claim_count"}
    | {"change_id", "earlier_statement_id", "later_statement_id"}
)
# Made by the site, never by an editor: no spreadsheet guard needed.
MADE = frozenset(
    {"claim_url", "statement_url", "date", "date_precision", "statement_kind", "quote_kind"}
    | {"earlier_statement_url", "earlier_date", "later_statement_url", "later_date", "rating"}
)


def cell_kind(column: str) -> str:
    if column in NUMBERS:
        return csv_lines.NUMBER
    return csv_lines.MADE if column in MADE else csv_lines.TEXT


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


# Each topic once, sorted by code point (as Python's sorted() would), joined by "; ".
TOPIC_NAMES = {
    "sqlite": "(SELECT group_concat(name, '; ') FROM ({names} ORDER BY t.name))",
    "postgresql": (
        """(SELECT string_agg(name, '; ' ORDER BY name COLLATE "C") FROM ({names}) AS n)"""
    ),
}
NAMES = (
    "SELECT DISTINCT t.name AS name FROM statements_claim_topics ct "
    "JOIN statements_topic t ON t.id = ct.topic_id WHERE {claims}"
)
CLAIMS_OF = {
    "claim": "ct.claim_id = %(expressions)s",
    "statement": "ct.claim_id IN (SELECT c.id FROM statements_claim c "
    "WHERE c.statement_id = %(expressions)s)",
}


class TopicNames(Func):
    """The names of the topics of a claim, or of all a statement's claims, as one text."""

    output_field = TextField()

    def __init__(self, id_field: str, of: str) -> None:
        super().__init__(F(id_field))
        self.of = of

    def as_sql(self, compiler, connection, **extra):
        names = NAMES.format(claims=CLAIMS_OF[self.of])
        template = TOPIC_NAMES[connection.vendor].format(names=names)
        return super().as_sql(compiler, connection, template=template, **extra)


def link(root: str, path: str, id_field: str) -> Concat:
    return Concat(
        Value(root + path), Cast(id_field, TextField()), Value("/"), output_field=TextField()
    )


STATEMENT_FIELDS = {
    "date_precision": "date_precision",
    "official_name": "official__name",
    "official_slug": "official__slug",
    "title_as_given": "title_as_given",
    "statement_kind": "kind",
    "venue": "venue__name",
    "reporting_outlet": "reporting_outlet__name",
    "dateline": "dateline",
    "headline": "headline",
}


def statement_values(prefix: str) -> dict[str, Expression]:
    fields = {name: F(prefix + path) for name, path in STATEMENT_FIELDS.items()}
    return {"date": date_at_precision(prefix), **fields}


def claim_values(root: str) -> dict[str, Expression]:
    return {
        "claim_id": F("id"),
        "claim_url": link(root, "claims/", "id"),
        "statement_id": F("statement_id"),
        "statement_url": link(root, "statements/", "statement_id"),
        **statement_values("statement__"),
        "claim_summary": F("summary"),
        "quote": F("quote"),
        "quote_kind": F("kind"),
        "evidence": evidence(),
        "topics": Coalesce(TopicNames("id", of="claim"), Value(""), output_field=TextField()),
        "span_start": F("span_start"),
        "span_end": F("span_end"),
        "source_url": F("statement__source_url"),
    }


def statement_values_with_claims(root: str) -> dict[str, Expression]:
    claims = Claim.objects.filter(statement=OuterRef("pk")).order_by().values("statement")
    return {
        "statement_id": F("id"),
        "statement_url": link(root, "statements/", "id"),
        **statement_values(""),
        "language": F("language"),
        "claim_count": Subquery(claims.annotate(n=Count("pk")).values("n")),
        "topics": Coalesce(TopicNames("id", of="statement"), Value(""), output_field=TextField()),
        "source_url": F("source_url"),
    }


@dataclass(frozen=True)
class Layout:
    """What one row holds: its columns, and their values as the database computes them for a
    site whose address is `root`."""

    name: str
    values: Callable[[str], dict[str, Expression]]

    @property
    def columns(self) -> tuple[str, ...]:
        return tuple(self.values("/"))


CLAIMS = Layout("claims", claim_values)
STATEMENTS = Layout("statements", statement_values_with_claims)
LAYOUTS = {layout.name: layout for layout in (CLAIMS, STATEMENTS)}


def statements_in(ids: QuerySet, newest_first: bool = True) -> QuerySet:
    """The statements whose ids a subquery gives, in timeline order."""
    ordering = ("-date", "-id") if newest_first else ("date", "id")
    return Statement.objects.filter(pk__in=ids).order_by(*ordering)


def fetched(values: QuerySet, limit: int | None) -> Iterator[list[tuple]]:
    """The rows in chunks, read through a server-side cursor where the database has one."""
    if limit is not None:
        values = values[:limit]
    sql, params = values.query.get_compiler(using=values.db).as_sql()  # for its database
    with connections[values.db].chunked_cursor() as cursor:
        cursor.execute(sql, params)
        while chunk := cursor.fetchmany(CHUNK_SIZE):
            yield chunk


def csv_text(queryset: QuerySet, layout: Layout, root: str, limit: int | None, note: str):
    """CSV for Excel and everyone else: a BOM, RFC 4180 quoting, one piece of text per chunk."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(layout.columns)
    yield BOM + buffer.getvalue()
    cells = [(value, cell_kind(name)) for name, value in layout.values(root).items()]
    for chunk in fetched(queryset.values(export_line=csv_lines.CsvLine(cells)), limit):
        yield "".join([line for (line,) in chunk])
    if note:
        buffer = io.StringIO()
        csv.writer(buffer).writerow([f"# {note}"])
        yield buffer.getvalue()


def json_text(queryset: QuerySet, layout: Layout, root: str, limit: int | None, note: str):
    """A JSON array, one object a line, written as the rows arrive."""
    # Prefixed aliases, so that no column name collides with a model field's.
    values = {f"export_{name}": value for name, value in layout.values(root).items()}
    columns, separator = layout.columns, "[\n"
    for chunk in fetched(queryset.values(**values), limit):
        lines = []
        for row in chunk:
            item = json.dumps(dict(zip(columns, row, strict=True)), ensure_ascii=False)
            lines.append(separator + item)
            separator = ",\n"
        yield "".join(lines)
    if note:
        yield separator + json.dumps({"note": note})
        separator = ",\n"
    yield "[]\n" if separator == "[\n" else "\n]\n"


def filename(level: str, description: Iterable[str], extension: str) -> str:
    """A file name that says what was exported and when: statement-timeline_claims_topic-x_….csv."""
    words = [slugify(word)[:60] for word in description]
    parts = ["statement-timeline", level, *words, date.today().isoformat()]
    return "_".join(part for part in parts if part) + f".{extension}"


WRITERS = {
    "csv": ("text/csv; charset=utf-8", csv_text),
    "json": ("application/json; charset=utf-8", json_text),
}


def export_response(
    queryset: QuerySet, layout: Layout, extension: str, root: str, description: Iterable[str]
) -> StreamingHttpResponse:
    """Every row of the queryset, streamed; an operator's row limit is announced, never silent."""
    content_type, write = WRITERS[extension]
    limit = settings.EXPORT_MAX_ROWS
    truncated = limit is not None and queryset[: limit + 1].count() > limit
    note = (
        f"Truncated: this export stops at {limit} rows, the limit set for this site."
        if truncated
        else ""
    )
    response = StreamingHttpResponse(
        write(queryset, layout, root, limit, note), content_type=content_type
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{filename(layout.name, description, extension)}"'
    )
    if limit is not None:
        response["X-Export-Row-Limit"] = str(limit)
        response["X-Export-Truncated"] = "yes" if truncated else "no"
    return response
