"""Moving every row of the site from the current database to another, SQLite or PostgreSQL,
either way.

Every model's table is copied — the app's, the history of django-simple-history, users, groups,
permissions, content types, the admin log, sessions, and login attempts if asked — with its
primary keys, in batches (PostgreSQL's COPY, SQLite's INSERT; no save(), no signals, so no
history is written),
in an order where each table follows those it refers to (evidence after the reports and claims
it joins), in one transaction on the target:
a move that fails or does not verify leaves the target as it was. Then the target's sequences
are reset, its full-text index and claim tally counted afresh (migrations 0002, 0015) and its
data given a new version (statements/public/versions.py), and statements/ops/move_checks.py
compares the two. The tally is not copied: it is counted from what was.
"""

import secrets
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from itertools import islice

from django.apps import apps
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, transaction
from django.db.models import Model
from django.template.defaultfilters import pluralize

from statements.migrations._report_search import SQLITE_REFILL
from statements.models import ClaimTally, ClaimTallySum
from statements.ops import move_target
from statements.ops.claim_tally import rebuild_tally, tally_paused
from statements.ops.move_checks import verify
from statements.ops.move_target import MADE_BY_MIGRATE, MoveError
from statements.ops.statistics import gather_statistics
from statements.public.versions import data_version

BATCH_ROWS = 2000
PROGRESS_EVERY = 50_000
# The full-text index as migration 0014 keeps it (every report's evidence and headline),
# filled afresh in one statement. On PostgreSQL the facet rows go first: refreshing the index
# would otherwise compare every row's words with its new document (migration 0022), and the
# tally's rebuild writes the rows afresh right after.
REBUILD_SEARCH_INDEX = {
    "sqlite": ["DELETE FROM claim_search", SQLITE_REFILL],
    "postgresql": [
        "TRUNCATE claim_facets",
        "DELETE FROM claim_search",
        "SELECT claim_search_refresh(ARRAY(SELECT id FROM statements_claim))",
    ],
}


@dataclass(frozen=True)
class Moved:
    tables: list[tuple[str, int]]
    version: str
    checks: list[str]


# Counted from the other tables on the target, not copied.
COUNTED_AFRESH = {ClaimTally, ClaimTallySum}


def copied_models(with_login_attempts: bool = False) -> list[type[Model]]:
    """Every table a model (or a many-to-many link) owns, each after the tables it refers to."""
    models = [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy and not model._meta.swapped
        if with_login_attempts or model._meta.app_label != "axes"
        if model not in COUNTED_AFRESH
    ]
    return in_dependency_order(models)


def in_dependency_order(models: list[type[Model]]) -> list[type[Model]]:
    present, ordered = set(models), []

    def visit(model: type[Model], path: frozenset) -> None:
        if model in ordered or model in path:
            return  # a cycle is left to the foreign keys' deferred checks at commit
        for field in model._meta.concrete_fields:
            related = field.related_model
            if related is not None and related in present and related is not model:
                visit(related, path | {model})
        ordered.append(model)

    for model in sorted(models, key=lambda model: model._meta.label):
        visit(model, frozenset())
    return ordered


def move(
    url: str,
    *,
    source_url: str | None = None,
    replace: bool = False,
    with_login_attempts: bool = False,
    say: Callable[[str], None] = print,
) -> Moved:
    """Copy everything from the current database (or the one at source_url) to the one at url,
    then check the copy."""
    models = copied_models(with_login_attempts)
    with ExitStack() as stack:
        source = DEFAULT_DB_ALIAS
        if source_url:
            source = stack.enter_context(move_target.opened(source_url, "move_source"))
        target = stack.enter_context(move_target.opened(url))
        move_target.refuse_same(source, target)
        stack.enter_context(consistent(source))
        move_target.refuse_other_migrations(source, target)
        if not replace:
            move_target.refuse_data(models, target)
        with transaction.atomic(using=target):
            with tally_paused(target):  # counted afresh in finish()
                clear(models, target, everything=replace)
            with triggers_off(target, [model._meta.db_table for model in models]):
                tables = [copy_table(model, source, target, say) for model in models]
            started = time.monotonic()
            finish(models, target)
            elapsed = time.monotonic() - started
            say(
                "Sequences reset, search index and claim tally rebuilt, statistics gathered "
                f"({elapsed:.1f} s)"
            )
            checks = verify(dict(tables), models, source, target, say)
            version = data_version(target)
    return Moved(tables, version, checks)


@contextmanager
def consistent(source: str) -> Iterator[None]:
    """Every read of the source from one state of it: a repeatable-read snapshot on
    PostgreSQL, SQLite's write lock (writers wait) on SQLite."""
    connection = connections[source]
    if connection.in_atomic_block:
        yield  # already inside a transaction, as in tests
        return
    with transaction.atomic(using=source):
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield


@contextmanager
def triggers_off(target: str, tables: list[str]) -> Iterator[None]:
    """The target's own triggers (search index, data version) off while rows are copied: the
    index is rebuilt and the version set once afterwards, instead of once a row. Inside the
    move's transaction, so a failure puts them back too."""
    connection = connections[target]
    switched_off = (
        postgres_triggers_off if connection.vendor == "postgresql" else sqlite_triggers_off
    )
    with connection.cursor() as cursor, switched_off(cursor, tables):
        yield


@contextmanager
def postgres_triggers_off(cursor, tables: list[str]) -> Iterator[None]:
    cursor.execute(
        "SELECT DISTINCT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
        " WHERE NOT t.tgisinternal AND c.relname = ANY(%s)",
        [tables],
    )
    triggered = [cursor.db.ops.quote_name(row[0]) for row in cursor.fetchall()]
    # A table's triggers cannot be switched while foreign-key checks on it wait for the
    # commit: run the waiting ones (of clearing the target) first, and the copy's after.
    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    try:
        for table in triggered:
            cursor.execute(f"ALTER TABLE {table} DISABLE TRIGGER USER")
    except DatabaseError as error:
        raise MoveError(
            "Move as the user that owns the target's tables (the one that ran migrate on it): "
            f"{error}".strip()
        ) from error
    cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    yield
    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    for table in triggered:
        cursor.execute(f"ALTER TABLE {table} ENABLE TRIGGER USER")


@contextmanager
def sqlite_triggers_off(cursor, tables: list[str]) -> Iterator[None]:
    """SQLite cannot switch a trigger off: it is dropped, and made again from its own SQL."""
    cursor.execute("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'")
    triggers = [(name, sql) for name, table, sql in cursor.fetchall() if table in tables]
    for name, _sql in triggers:
        cursor.execute(f"DROP TRIGGER {cursor.db.ops.quote_name(name)}")
    yield
    for _name, sql in triggers:
        cursor.execute(sql)


def clear(models: list[type[Model]], target: str, everything: bool) -> None:
    """Empty what migrate filled (or, replacing, every table), referring tables first."""
    connection = connections[target]
    with connection.cursor() as cursor:
        for model in reversed(models):
            if everything or model._meta.label_lower in MADE_BY_MIGRATE:
                cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")


def copy_table(model: type[Model], source: str, target: str, say) -> tuple[str, int]:
    """One table, batch by batch: read through the ORM (values as Python sees them), written
    as each database stores them (dates, booleans, JSON differ between the two)."""
    table = model._meta.db_table
    started = time.monotonic()
    total = model._base_manager.using(source).count()
    if total > PROGRESS_EVERY:
        say(f"{table}: copying {total:,} rows…")
    fields = model._meta.concrete_fields
    connection = connections[target]
    rows = (
        model._base_manager.using(source)
        .order_by("pk")
        .values_list(*(field.attname for field in fields))
        .iterator(chunk_size=BATCH_ROWS)
    )
    quoted_table = connection.ops.quote_name(table)
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    insert = f"INSERT INTO {quoted_table} ({columns}) VALUES ({', '.join(['%s'] * len(fields))})"
    copied = 0
    with connection.cursor() as cursor:
        while batch := list(islice(rows, BATCH_ROWS)):
            prepared = [
                [field.get_db_prep_save(value, connection=connection) for field, value in pairs]
                for pairs in (zip(fields, row, strict=True) for row in batch)
            ]
            # The fastest way in to each: PostgreSQL's COPY, SQLite's INSERT prepared once.
            if connection.vendor == "postgresql":
                with cursor.copy(f"COPY {quoted_table} ({columns}) FROM STDIN") as copy:
                    for row in prepared:
                        copy.write_row(row)
            else:
                cursor.executemany(insert, prepared)
            # With DEBUG on, Django logs every statement with its values: not these.
            connection.queries_log.clear()
            connections[source].queries_log.clear()
            before, copied = copied, copied + len(batch)
            if copied // PROGRESS_EVERY > before // PROGRESS_EVERY and copied < total:
                say(f"  {table}: {copied:,} of {total:,} rows")
    say(f"{table}: {copied:,} row{pluralize(copied)} ({time.monotonic() - started:.1f} s)")
    return table, copied


def finish(models: list[type[Model]], target: str) -> None:
    """Sequences past the copied keys, the search index and the claim tally built afresh, a new
    data version, the planner's statistics."""
    connection = connections[target]
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(sql)
        for sql in REBUILD_SEARCH_INDEX[connection.vendor]:
            cursor.execute(sql)
    rebuild_tally(target)
    with connection.cursor() as cursor:
        # Not the source's version: what a process kept under the old one must not be reused.
        cursor.execute("UPDATE data_version SET token = %s", [secrets.randbits(62)])
    gather_statistics(target)  # for the checks' queries, and the site's, from the start
