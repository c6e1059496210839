"""A claim's `text` is called `summary`, as on the site and in the exports; drafts may leave it
empty until they go to review.

The full-text index of migration 0002 reads the column by name, in SQLite's triggers and in
PostgreSQL's refresh function, so both are made again around the rename; the index's own
column was called `summary` from the start and its rows stay as they are.
"""

from django.db import migrations, models

SUMMARY_HELP = (
    "One neutral sentence in our words: what position does this express? "
    "Required before the statement goes to review."
)
SQLITE_TRIGGERS = (
    "claim_search_insert",
    "claim_search_update",
    "claim_search_statement_update",
)
SQLITE_EVIDENCE = "substr(s.source_text, c.span_start + 1, c.span_end - c.span_start)"


def sqlite_triggers(column: str) -> list[str]:
    refill = f"""INSERT INTO claim_search (rowid, quote, summary, evidence, headline)
        SELECT c.id, c.quote, c.{column}, {SQLITE_EVIDENCE}, s.headline
        FROM statements_claim c JOIN statements_statement s ON s.id = c.statement_id"""
    return [
        f"""CREATE TRIGGER claim_search_insert AFTER INSERT ON statements_claim BEGIN
            {refill} WHERE c.id = new.id;
        END""",
        f"""CREATE TRIGGER claim_search_update AFTER UPDATE ON statements_claim BEGIN
            DELETE FROM claim_search WHERE rowid = old.id;
            {refill} WHERE c.id = new.id;
        END""",
        f"""CREATE TRIGGER claim_search_statement_update
            AFTER UPDATE OF headline, source_text ON statements_statement BEGIN
            DELETE FROM claim_search
                WHERE rowid IN (SELECT id FROM statements_claim WHERE statement_id = new.id);
            {refill} WHERE s.id = new.id;
        END""",
    ]


def postgres_refresh(column: str) -> list[str]:
    return [
        f"""CREATE OR REPLACE FUNCTION claim_search_refresh(claim_ids bigint[]) RETURNS void AS $$
            INSERT INTO claim_search (claim_id, document)
            SELECT c.id,
                to_tsvector('simple', coalesce(c.quote, '')) ||
                to_tsvector('simple', coalesce(c.{column}, '')) ||
                to_tsvector('simple',
                    substr(s.source_text, c.span_start + 1, c.span_end - c.span_start)) ||
                to_tsvector('simple', coalesce(s.headline, ''))
            FROM statements_claim c JOIN statements_statement s ON s.id = c.statement_id
            WHERE c.id = ANY(claim_ids)
            ON CONFLICT (claim_id) DO UPDATE SET document = excluded.document;
        $$ LANGUAGE sql"""
    ]


def drop_sqlite_triggers(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for trigger in SQLITE_TRIGGERS:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {trigger}", params=None)


def index_column(column: str):
    """Make the index read the claim's column of that name again."""

    def apply(apps, schema_editor):
        vendor = schema_editor.connection.vendor
        build = {"sqlite": sqlite_triggers, "postgresql": postgres_refresh}[vendor]
        for sql in build(column):
            schema_editor.execute(sql, params=None)

    return apply


class Migration(migrations.Migration):
    dependencies = [("statements", "0010_official_descriptions")]

    operations = [
        migrations.RunPython(drop_sqlite_triggers, index_column("text")),
        migrations.RenameField(model_name="claim", old_name="text", new_name="summary"),
        migrations.RenameField(model_name="historicalclaim", old_name="text", new_name="summary"),
        migrations.AlterField(
            model_name="claim",
            name="summary",
            field=models.TextField(blank=True, help_text=SUMMARY_HELP),
        ),
        migrations.AlterField(
            model_name="historicalclaim",
            name="summary",
            field=models.TextField(blank=True, help_text=SUMMARY_HELP),
        ),
        migrations.RunPython(index_column("summary"), drop_sqlite_triggers),
    ]
