"""Rows of a filtered view written as CSV or JSON, streamed in constant memory."""

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import connections
from django.db.models import (
    Aggregate,
    CharField,
    Count,
    F,
    Func,
    OuterRef,
    QuerySet,
    Subquery,
    TextField,
)
from django.db.models.functions import Substr
from django.http import StreamingHttpResponse
from django.utils.text import slugify

from statements.models import DatePrecision, Statement, Topic

CHUNK_SIZE = 2000
BOM = "\ufeff"
# OWASP: a cell starting with one of these is a formula to a spreadsheet.
FORMULA_STARTS = frozenset("=+-@\t\r")
NAME_SEPARATOR = "\x1f"


class JoinedNames(Aggregate):
    """Names joined by the unit separator: GROUP_CONCAT on SQLite, STRING_AGG on PostgreSQL."""

    function = "GROUP_CONCAT"
    template = "%(function)s(%(expressions)s, CHAR(31))"
    output_field = TextField()

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(
            compiler,
            connection,
            function="STRING_AGG",
            template="%(function)s(%(expressions)s, CHR(31))",
            **extra,
        )


def topic_names(claim_ref: str) -> Subquery:
    """The names of a claim's topics, as one value."""
    topics = Topic.objects.filter(claims=OuterRef(claim_ref)).order_by()
    return Subquery(topics.values("claims").annotate(names=JoinedNames("name")).values("names"))


def joined(names: str | None) -> str:
    return "; ".join(sorted(set(names.split(NAME_SEPARATOR)))) if names else ""


def iso_date(text: str, precision: str) -> str:
    """ISO 8601 at the source's precision: 2023-09-16, 2020-10 or 2016."""
    if precision == DatePrecision.DAY:
        return text
    return text[:7] if precision == DatePrecision.MONTH else text[:4]


@dataclass(frozen=True)
class Layout:
    """What one row holds: the values the database computes, and how they become the row."""

    name: str
    selected: dict
    columns: tuple[str, ...]
    finish: Callable[[tuple, str], tuple]


STATEMENT_FIELDS = {
    "date": "date",
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


class IsoDateText(Func):
    """A date as YYYY-MM-DD text, the same whatever PostgreSQL's DateStyle, never a date object."""

    template = "CAST(%(expressions)s AS TEXT)"  # SQLite stores dates as this text already
    output_field = CharField()

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template="to_char(%(expressions)s, 'YYYY-MM-DD')")


def statement_values(prefix: str) -> dict:
    values = {name: F(prefix + path) for name, path in STATEMENT_FIELDS.items()}
    values["date"] = IsoDateText(prefix + "date")
    return values


def finish_claim(row: tuple, root: str) -> tuple:
    """A claim row as written: links made, the date at its precision, topics joined."""
    (claim_id, statement_id, day, precision, *statement, summary, quote, kind, evidence,
     topics, start, end, source_url) = row  # fmt: skip
    return (
        claim_id,
        f"{root}claims/{claim_id}/",
        statement_id,
        f"{root}statements/{statement_id}/",
        iso_date(day, precision),
        precision,
        *statement,
        summary,
        quote,
        kind,
        evidence,
        joined(topics),
        start,
        end,
        source_url,
    )


CLAIMS = Layout(
    name="claims",
    selected={
        "claim_id": F("id"),
        "statement_id": F("statement_id"),
        **statement_values("statement__"),
        "claim_summary": F("text"),
        "quote": F("quote"),
        "quote_kind": F("kind"),
        "evidence": Substr(
            "statement__source_text", F("span_start") + 1, F("span_end") - F("span_start")
        ),
        "topics": topic_names("pk"),
        "span_start": F("span_start"),
        "span_end": F("span_end"),
        "source_url": F("statement__source_url"),
    },
    columns=(
        "claim_id",
        "claim_url",
        "statement_id",
        "statement_url",
        *STATEMENT_FIELDS,
        "claim_summary",
        "quote",
        "quote_kind",
        "evidence",
        "topics",
        "span_start",
        "span_end",
        "source_url",
    ),
    finish=finish_claim,
)


def finish_statement(row: tuple, root: str) -> tuple:
    """A statement row as written: its link, the date at its precision, topics joined."""
    statement_id, day, precision, *statement, language, claim_count, topics, source_url = row
    return (
        statement_id,
        f"{root}statements/{statement_id}/",
        iso_date(day, precision),
        precision,
        *statement,
        language,
        claim_count,
        joined(topics),
        source_url,
    )


STATEMENTS = Layout(
    name="statements",
    selected={
        "statement_id": F("id"),
        **statement_values(""),
        "language": F("language"),
        "claim_count": Count("claims", distinct=True),
        "topics": JoinedNames("claims__topics__name"),
        "source_url": F("source_url"),
    },
    columns=(
        "statement_id",
        "statement_url",
        *STATEMENT_FIELDS,
        "language",
        "claim_count",
        "topics",
        "source_url",
    ),
    finish=finish_statement,
)

LAYOUTS = {layout.name: layout for layout in (CLAIMS, STATEMENTS)}


def statements_in(ids: QuerySet, newest_first: bool = True) -> QuerySet:
    """The statements whose ids a subquery gives, in timeline order."""
    ordering = ("-date", "-id") if newest_first else ("date", "id")
    return Statement.objects.filter(pk__in=ids).order_by(*ordering)


def chunks(queryset: QuerySet, layout: Layout, root: str, limit: int | None) -> Iterator[list]:
    """Finished rows in chunks, read through a server-side cursor where the database has one."""
    # Prefixed aliases, so that no column name collides with a model field's.
    values = queryset.values(**{f"export_{name}": value for name, value in layout.selected.items()})
    if limit is not None:
        values = values[:limit]
    sql, params = values.query.sql_with_params()
    finish = layout.finish
    with connections[queryset.db].chunked_cursor() as cursor:
        cursor.execute(sql, params)
        while chunk := cursor.fetchmany(CHUNK_SIZE):
            yield [finish(raw, root) for raw in chunk]


def spreadsheet_safe(row: tuple) -> list:
    """Text a spreadsheet would run as a formula gets a leading apostrophe, shown as text."""
    return [
        "'" + cell if cell.__class__ is str and cell[:1] in FORMULA_STARTS else cell for cell in row
    ]


def csv_text(columns: Iterable[str], row_chunks: Iterable[list], note: str = "") -> Iterator[str]:
    """CSV for Excel and everyone else: a BOM, RFC 4180 quoting, one piece of text per chunk."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    yield BOM + take(buffer)
    for chunk in row_chunks:
        writer.writerows(map(spreadsheet_safe, chunk))
        yield take(buffer)
    if note:
        writer.writerow([f"# {note}"])
        yield take(buffer)


def take(buffer: io.StringIO) -> str:
    """The buffer's text, leaving it empty."""
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text


def json_text(
    columns: tuple[str, ...], row_chunks: Iterable[list], note: str = ""
) -> Iterator[str]:
    """A JSON array, one object a line, written as the rows arrive."""
    separator = "[\n"
    for chunk in row_chunks:
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
        write(layout.columns, chunks(queryset, layout, root, limit), note),
        content_type=content_type,
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{filename(layout.name, description, extension)}"'
    )
    if limit is not None:
        response["X-Export-Row-Limit"] = str(limit)
        response["X-Export-Truncated"] = "yes" if truncated else "no"
    return response
