from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS

from statements.public.open_data import write


class Command(BaseCommand):
    help = (
        "Write the published data — officials, posts, outlets, topics, statements with their "
        "reports, claims with their evidence and topics, no drafts, users or history — to a new "
        "SQLite file, with foreign keys, indexes and a full-text index, ready for Datasette."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path, help="The file to write; it must not exist yet.")
        parser.add_argument(
            "--site",
            default="/",
            help="The site's address, for each record's url column "
            "(e.g. https://timeline.example.org/); by default the paths alone.",
        )

    def handle(self, *args, file: Path, site: str, **options) -> None:
        if file.exists():
            raise CommandError(f"{file} exists already; name a new file.")
        if not file.parent.is_dir():
            raise CommandError(f"There is no folder {file.parent} to write {file.name} into.")
        site = site if site.endswith("/") else site + "/"
        counts = write(file, DEFAULT_DB_ALIAS, site)
        listed = ", ".join(
            f"{count:,} {table.replace('_', ' ')}" for table, count in counts.items()
        )
        self.stdout.write(f"Wrote {file} ({file.stat().st_size:,} bytes): {listed}.")
