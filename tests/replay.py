"""Data that many tests start from, built once per test process and database, then written back
row for row. Through the ORM a claim costs about twenty queries (its history, its evidence, its
topics, each checked), 40–80 ms on PostgreSQL; the suite's fixtures make thousands of them. The
seed, loaded by `load_seed` through the serializers, costs about 430 queries.

The rows are inserted as they were read, so the database's own triggers (search index, evidence
checks, claim tally, data version) run on them as on any insert. Tests of the writes themselves
make their data through the ORM (tests.factories) or call the command (tests.conftest.load_seed).
"""

import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection
from django.db.models import Model

from statements.models import ClaimTally, ClaimTallySum
from statements.ops.move import in_dependency_order

Built = TypeVar("Built")
Tables = list[tuple[type[Model], list[str], list[tuple]]]


@dataclass(frozen=True)
class Stored:
    """A model instance a builder returned, to be read again after a replay."""

    model: type[Model]
    pk: Any


@dataclass
class Recording:
    tables: Tables  # each table the builder filled, with its columns and rows
    result: Any  # what the builder returned, its model instances as Stored


# Per builder and database vendor.
recorded: dict[tuple[str, str], Recording] = {}


def app_tables() -> list[type[Model]]:
    """Every table of the app (its history and links included), referred tables first; not the
    claim tally and its sums, which the triggers fill as the claims are written back."""
    models = apps.get_app_config("statements").get_models(include_auto_created=True)
    counted = {ClaimTally, ClaimTallySum}
    written = [model for model in models if model._meta.managed and model not in counted]
    return in_dependency_order(written)


def all_empty(models: list[type[Model]]) -> bool:
    """Whether none of the tables holds a row: the state a recording is made and replayed in."""
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


def record(models: list[type[Model]]) -> Tables:
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


def replay(tables: Tables) -> None:
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


def as_stored(result: Any) -> Any:
    if isinstance(result, Model):
        return Stored(type(result), result.pk)
    if isinstance(result, dict):
        return {key: as_stored(value) for key, value in result.items()}
    if isinstance(result, list | tuple):
        return type(result)(as_stored(value) for value in result)
    return result


def read_again(result: Any) -> Any:
    if isinstance(result, Stored):
        return result.model._base_manager.get(pk=result.pk)
    if isinstance(result, dict):
        return {key: read_again(value) for key, value in result.items()}
    if isinstance(result, list | tuple):
        return type(result)(read_again(value) for value in result)
    return result


def replayed(builder: Callable[[], Built]) -> Built:
    """What `builder()` stores and returns. In an empty database the builder runs once per test
    process and database; later its rows are written back and its model instances read again.
    Where the database already holds rows, or the builder made users, it simply runs."""
    models = app_tables()
    key = (f"{builder.__module__}.{builder.__qualname__}", connection.vendor)
    if not all_empty(models):
        return builder()
    if key in recorded:
        replay(recorded[key].tables)
        return read_again(recorded[key].result)
    users = get_user_model()._base_manager.count()
    result = builder()
    if get_user_model()._base_manager.count() == users:
        recorded[key] = Recording(record(models), as_stored(result))
    return result


def load_the_seed() -> None:
    call_command("load_seed", stdout=io.StringIO())  # adds only what is missing


def seed() -> None:
    """The curated seed, as `load_seed` stores it in an empty database."""
    replayed(load_the_seed)
