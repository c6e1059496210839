"""What a backup must match before it replaces the database: this code's migrations and tables.

A backup taken before a migration, or a file that only has the right table names, would restore
"fine" and then break every page that reads a missing table or column; it is refused instead.
"""

import re

from django.apps import apps
from django.db.migrations.loader import MigrationLoader

# Tables the migrations make without a model: the data's version, the full-text index, and the
# claim tally's marks and (on SQLite) its switch.
UNMODELLED_TABLES = {
    "sqlite": {
        "data_version": {"id", "token"},
        "claim_search": {"quote", "summary", "evidence", "headline"},
        "claim_tally_dirty": {"official_id", "month"},
        "claim_tally_switch": {"id", "paused"},
    },
    "postgresql": {
        "data_version": {"id", "token"},
        "claim_search": {"claim_id", "document"},
        "claim_tally_dirty": {"official_id", "month"},
    },
}
# How many names a message lists before it says how many more there are.
NAMES_SHOWN = 5

# pg_restore --schema-only: "CREATE TABLE public.statements_claim (\n    id bigint NOT NULL,\n…);"
DUMPED_TABLE = re.compile(r"^CREATE TABLE (?:\w+\.)?(\S+) \(\n(.*?)\n\);", re.MULTILINE | re.DOTALL)
# pg_restore --data-only: the COPY block of django_migrations, one tab-separated row a line.
DUMPED_MIGRATIONS = re.compile(
    r"^COPY (?:\w+\.)?django_migrations \(([^)]*)\) FROM stdin;\n(.*?)^\\\.$",
    re.MULTILINE | re.DOTALL,
)


def code_migrations() -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """(app, name) of every migration this code has, one by one, and of the squashed ones that
    replace them: a database made since holds both, one made before holds the first alone."""
    loader = MigrationLoader(None, ignore_no_migrations=True, replace_migrations=False)
    squashed = set(loader.replacements)
    return set(loader.graph.nodes) - squashed, squashed


def code_tables(vendor: str) -> dict[str, set[str]]:
    """Every table this code reads, with its columns."""
    tables = {
        model._meta.db_table: {field.column for field in model._meta.local_concrete_fields}
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    }
    return tables | UNMODELLED_TABLES[vendor]


def listed(names: list[str]) -> str:
    shown = ", ".join(names[:NAMES_SHOWN])
    more = len(names) - NAMES_SHOWN
    return f"{shown} and {more} more" if more > 0 else shown


def migration_problems(applied: set[tuple[str, str]]) -> list[str]:
    expected, squashed = code_migrations()
    applied = applied - squashed
    missing = sorted(f"{app}.{name}" for app, name in expected - applied)
    unknown = sorted(f"{app}.{name}" for app, name in applied - expected)
    problems = []
    if missing:
        problems.append(
            f"it was taken before migrations this code needs ({listed(missing)}): restore it "
            "with the code it was taken with, run `manage.py migrate`, and back it up again"
        )
    if unknown:
        problems.append(f"it holds migrations this code does not have ({listed(unknown)})")
    return problems


def table_problems(columns: dict[str, set[str]], vendor: str) -> list[str]:
    problems = []
    for table, expected in sorted(code_tables(vendor).items()):
        found = columns.get(table)
        if found is None:
            problems.append(f"it has no table {table}")
        elif found != expected:
            missing, unknown = sorted(expected - found), sorted(found - expected)
            parts = [f"lacks {listed(missing)}"] * bool(missing)
            parts += [f"has unknown {listed(unknown)}"] * bool(unknown)
            problems.append(f"its table {table} {' and '.join(parts)}")
    return problems


def schema_problems(
    applied: set[tuple[str, str]], columns: dict[str, set[str]], vendor: str
) -> list[str]:
    """How a backup's migrations and tables differ from this code's; empty when they match."""
    return migration_problems(applied) + table_problems(columns, vendor)


def sqlite_schema(database) -> tuple[set[tuple[str, str]], dict[str, set[str]]]:
    """The applied migrations and the tables' columns of an open SQLite database."""
    applied = set(database.execute("SELECT app, name FROM django_migrations"))
    tables = database.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    columns = {
        name: {row[0] for row in database.execute("SELECT name FROM pragma_table_info(?)", [name])}
        for (name,) in tables.fetchall()
    }
    return applied, columns


def dumped_schema(ddl: str, data: str) -> tuple[set[tuple[str, str]], dict[str, set[str]]]:
    """The applied migrations and the tables' columns of a pg_dump archive, from pg_restore's
    schema (`--schema-only`) and its django_migrations rows (`--data-only`)."""
    columns = {}
    for table, body in DUMPED_TABLE.findall(ddl):
        lines = [line.strip() for line in body.splitlines()]
        names = [line.split()[0] for line in lines if line and not line.startswith("CONSTRAINT")]
        names = [name.strip('"') for name in names]
        columns[table.strip('"')] = set(names)
    applied = set()
    for header, rows in DUMPED_MIGRATIONS.findall(data):
        names = [name.strip().strip('"') for name in header.split(",")]
        for row in rows.splitlines():
            values = dict(zip(names, row.split("\t"), strict=False))
            applied.add((values.get("app", ""), values.get("name", "")))
    return applied, columns


class BackupError(Exception):
    """A backup or restore was refused or failed; the live database was not changed."""


# What makes a file a backup of this app's database. A backup may be taken before the code's
# latest migrations have run (before an upgrade, say); restoring one checks every table and
# migration against the code's (backup_schema.py).
APP_TABLES = frozenset({"django_migrations", "statements_statement", "statements_claim"})


def check_tables(present: set[str], name: str) -> None:
    missing = sorted(APP_TABLES - present)
    if missing:
        raise BackupError(f"{name} lacks this app's tables: {', '.join(missing)}.")


def check_schema(schema: tuple[set, dict], vendor: str, name: str) -> None:
    """Refuse a backup whose migrations or tables are not this code's."""
    problems = schema_problems(*schema, vendor)
    if problems:
        raise BackupError(
            f"{name} does not match this code's database, so nothing was restored: "
            + "; ".join(problems)
            + "."
        )
