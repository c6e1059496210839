"""Rows of a filtered view written as CSV or JSON, streamed in constant memory.

The database computes every value as it is written (statements/public/export_columns.py: links,
dates at their precision, topic and outlet names joined) and, for CSV, each whole line
(statements/public/csv_lines.py); Python passes the text on as it comes.
"""

import csv
import io
import json
from collections.abc import Iterable, Iterator
from datetime import date

from django.conf import settings
from django.db import connections
from django.db.models import QuerySet
from django.http import StreamingHttpResponse
from django.utils.text import slugify

from statements.models import Evidence, Statement
from statements.public import csv_lines
from statements.public.export_columns import CLAIMS, EVIDENCE, LAYOUTS, STATEMENTS, Layout

# The layouts are named here too, for the views and the admin's export action.
__all__ = ["CLAIMS", "EVIDENCE", "LAYOUTS", "STATEMENTS", "Layout", "export_response"]

CHUNK_SIZE = 2000
BOM = "\ufeff"
NUMBERS = frozenset(
    {"claim_id", "statement_id", "span_start", "span_end", "claim_count", "report_count"}
    | {"report_id", "change_id", "earlier_statement_id", "later_statement_id"}
)
# Made by the site, never by an editor: no spreadsheet guard needed.
MADE = frozenset(
    {"claim_url", "statement_url", "date", "date_precision", "statement_kind", "quote_kind"}
    | {"earlier_statement_url", "earlier_date", "later_statement_url", "later_date", "rating"}
    | {"wording", "is_main"}
)
# Written "true" or "false" in CSV; JSON has its own true and false.
BOOLEANS = frozenset({"is_main"})


def cell_kind(column: str) -> str:
    if column in NUMBERS:
        return csv_lines.NUMBER
    return csv_lines.MADE if column in MADE else csv_lines.TEXT


def statements_in(ids: QuerySet, newest_first: bool = True) -> QuerySet:
    """The statements whose ids a subquery gives, in timeline order."""
    ordering = ("-date", "-id") if newest_first else ("date", "id")
    return Statement.objects.filter(pk__in=ids).order_by(*ordering)


def evidence_in(claims: QuerySet, newest_first: bool = True) -> QuerySet:
    """The evidence of the claims a subquery gives: claim by claim in timeline order, each
    claim's main evidence first, then in its reports' order."""
    claim_order = ["claim__statement__date", "claim__statement_id", "claim__order", "claim_id"]
    if newest_first:
        claim_order[:2] = ["-claim__statement__date", "-claim__statement_id"]
    evidence = Evidence.objects.filter(claim__in=claims.values("pk"))
    return evidence.order_by(*claim_order, "-is_main", "report__order", "id")


def row_values(queryset: QuerySet, layout: Layout, root: str) -> QuerySet:
    # Prefixed aliases, so that no column name collides with a model field's.
    return queryset.values(
        **{f"export_{name}": value for name, value in layout.values(root).items()}
    )


def compiled(values: QuerySet, limit: int | None) -> tuple[str, tuple]:
    if limit is not None:
        values = values[:limit]
    sql, params = values.query.get_compiler(using=values.db).as_sql()  # for its database
    return sql, tuple(params)


def fetched(alias: str, sql: str, params: tuple) -> Iterator[list[tuple]]:
    """The rows in chunks, read through a server-side cursor where the database has one."""
    with connections[alias].chunked_cursor() as cursor:
        cursor.execute(sql, params)
        while chunk := cursor.fetchmany(CHUNK_SIZE):
            yield chunk


def csv_lines_sql(values: QuerySet, layout: Layout, limit: int | None) -> tuple[str, tuple]:
    """Each row's CSV line, written by the database from the row's values. The values are
    selected in a subquery that the planner may not merge into the line's query (OFFSET 0
    fences it on both databases), so each is computed once, not once for every time the line
    names it (a text cell names its value three times: guarded, quoted)."""
    connection = connections[values.db]
    sql, params = compiled(values, limit)
    fence = (
        " OFFSET 0" if limit is not None or connection.vendor != "sqlite" else " LIMIT -1 OFFSET 0"
    )
    cells = [
        (connection.ops.quote_name(f"export_{name}"), cell_kind(name)) for name in layout.columns
    ]
    line = csv_lines.line(cells, connection.vendor)
    return f"SELECT {line} FROM ({sql}{fence}) export_row", params


def csv_text(queryset: QuerySet, layout: Layout, root: str, limit: int | None, note: str):
    """CSV for Excel and everyone else: a BOM, RFC 4180 quoting, one piece of text per chunk."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(layout.columns)
    yield BOM + buffer.getvalue()
    values = row_values(queryset, layout, root)
    for chunk in fetched(values.db, *csv_lines_sql(values, layout, limit)):
        yield "".join([line for (line,) in chunk])
    if note:
        buffer = io.StringIO()
        csv.writer(buffer).writerow([f"# {note}"])
        yield buffer.getvalue()


def json_text(queryset: QuerySet, layout: Layout, root: str, limit: int | None, note: str):
    """A JSON array, one object a line, written as the rows arrive."""
    values = row_values(queryset, layout, root)
    columns, separator = layout.columns, "[\n"
    for chunk in fetched(values.db, *compiled(values, limit)):
        lines = []
        for row in chunk:
            item = dict(zip(columns, row, strict=True))
            item |= {name: item[name] == "true" for name in BOOLEANS.intersection(item)}
            item = json.dumps(item, ensure_ascii=False)
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
    queryset = layout.prepare(queryset)
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
