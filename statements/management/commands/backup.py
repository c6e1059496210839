from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from statements.ops.backup import BackupError, backup


class Command(BaseCommand):
    help = (
        "Write a consistent copy of the database to a file while the app keeps running: "
        "SQLite's backup API, checked with PRAGMA integrity_check, or pg_dump's custom format."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--output",
            type=Path,
            help="Where to write it; by default backups/statement-timeline-YYYYmmdd-HHMMSS"
            ".sqlite3 (or .dump on PostgreSQL). An existing file is replaced once the new copy "
            "has been checked.",
        )

    def handle(self, *args, output: Path | None, **options) -> None:
        try:
            result = backup(output)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Backup written to {result.path} ({result.size:,} bytes; {result.check}). "
            f"It holds {result.statements} statements and {result.claims} claims."
        )
