from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from statements.ops.seed_fixtures import SeedError, build_fixture


class Command(BaseCommand):
    help = "Build fixtures/seed.json from the curated annotations and the seed articles."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--output", default=str(settings.SEED_FIXTURE))

    def handle(self, *args, output: str, **options) -> None:
        try:
            fixture = build_fixture(settings.SEED_ANNOTATIONS_DIR, settings.SEED_SOURCES_DIR)
        except SeedError as error:
            raise CommandError(str(error)) from error
        with open(output, "w", encoding="utf-8", newline="") as handle:
            handle.write(fixture)
        self.stdout.write(f"Wrote {output}")
