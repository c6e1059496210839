from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from statements.ops.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Replace the database with a backup made by `manage.py backup`, all at once or not at "
        "all. The file is checked first; anything else is refused without touching the data."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path, help="The backup file to restore.")

    def handle(self, *args, file: Path, **options) -> None:
        try:
            result = restore(file)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored {result.path} ({result.check}). The database now holds "
            f"{result.statements} statements and {result.claims} claims."
        )
