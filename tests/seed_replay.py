"""The seed for tests that only need it present: loaded by `load_seed` once per test process
and database, then written back row for row. Loading through the serializers takes about 430
queries (natural keys looked up one by one, history written record by record), a third of a
second on PostgreSQL; hundreds of tests start from the seed.

The rows are inserted as they were read, so the database's own triggers (search index, evidence
checks, data version) run on them as on any insert. Tests of `load_seed` itself call the
command (tests.conftest.load_seed).
"""

import io

from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection
from django.db.models import Model

from statements.models import ClaimTally, ClaimTallySum
from statements.ops.move import in_dependency_order

# Per database vendor: each table the seed fills, with its columns and rows.
recorded: dict[str, list[tuple[type[Model], list[str], list[tuple]]]] = {}


def seed_tables() -> list[type[Model]]:
    """Every table of the app (its history and links included), referred tables first; not the
    claim tally and its sums, which the triggers fill as the claims are written back."""
    models = apps.get_app_config("statements").get_models(include_auto_created=True)
    counted = {ClaimTally, ClaimTallySum}
    written = [model for model in models if model._meta.managed and model not in counted]
    return in_dependency_order(written)


def all_empty(models: list[type[Model]]) -> bool:
    """Whether none of the tables holds a row: the state the seed was recorded in."""
    quote = connection.ops.quote_name
    probes = " UNION ALL ".join(
        f"SELECT 1 FROM (SELECT 1 FROM {quote(model._meta.db_table)} LIMIT 1) AS t{number}"
        for number, model in enumerate(models)
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT EXISTS ({probes})")
        return not cursor.fetchone()[0]


def columns_of(model: type[Model]) -> list[str]:
    return [field.column for field in model._meta.local_concrete_fields]


def record(models: list[type[Model]]) -> list[tuple[type[Model], list[str], list[tuple]]]:
    quote = connection.ops.quote_name
    tables = []
    with connection.cursor() as cursor:
        for model in models:
            columns = columns_of(model)
            names = ", ".join(quote(column) for column in columns)
            cursor.execute(f"SELECT {names} FROM {quote(model._meta.db_table)}")
            rows = cursor.fetchall()
            if rows:
                tables.append((model, columns, rows))
    return tables


def replay(tables: list[tuple[type[Model], list[str], list[tuple]]]) -> None:
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for model, columns, rows in tables:
            names = ", ".join(quote(column) for column in columns)
            row_marks = "(" + ", ".join(["%s"] * len(columns)) + ")"
            table = quote(model._meta.db_table)
            # One statement a table: PostgreSQL's statement-level triggers (the claim tally's)
            # then run once a table, not once a row; the seed's replay takes half the time.
            values = ", ".join([row_marks] * len(rows))
            cursor.execute(
                f"INSERT INTO {table} ({names}) VALUES {values}",
                [value for row in rows for value in row],
            )
        # PostgreSQL's sequences do not move for rows given their keys: set them past them.
        models = [model for model, _columns, _rows in tables]
        for sql in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(sql)


def seed() -> None:
    """The curated seed, as `load_seed` stores it in an empty database."""
    models = seed_tables()
    if not all_empty(models):
        call_command("load_seed", stdout=io.StringIO())  # adds only what is missing
        return
    if connection.vendor in recorded:
        replay(recorded[connection.vendor])
        return
    call_command("load_seed", stdout=io.StringIO())
    recorded[connection.vendor] = record(models)
