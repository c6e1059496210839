"""The statements' migrations one by one, as a database made before they were squashed went
through them: a new database goes through 0001_squashed_0029 instead, whose graph has no
migration to stop at or to go back to."""

from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader


def step_by_step() -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    loader = MigrationLoader(connection, replace_migrations=False)
    for key, squashed in loader.replacements.items():
        loader.graph.remove_replacement_node(key, squashed.replaces)
    executor.loader = loader
    return executor


def migrate_to(target: tuple[str, str] | None = None):
    """The statements' migrations taken to `target` (the last when None), one by one; the
    models as they are there."""
    executor = step_by_step()
    targets = [target] if target else executor.loader.graph.leaf_nodes("statements")
    return executor.migrate(targets).apps
