"""SQL that differs by database, for migrations: one runner, which refuses a database it has
no SQL for instead of passing over it (a database with nothing to do is given an empty list)."""

from django.db import migrations


def run_sql(sql_by_vendor: dict[str, list[str]]):
    def operation(apps, schema_editor) -> None:
        vendor = schema_editor.connection.vendor
        if vendor not in sql_by_vendor:
            known = ", ".join(sorted(sql_by_vendor))
            raise NotImplementedError(f"This migration has SQL for {known}, not for {vendor}.")
        for sql in sql_by_vendor[vendor]:
            schema_editor.execute(sql, params=None)

    return operation


def per_database(
    forward: dict[str, list[str]], backward: dict[str, list[str]]
) -> migrations.RunPython:
    """Run each database's own statements forward, and its own others backward."""
    return migrations.RunPython(run_sql(forward), run_sql(backward))
