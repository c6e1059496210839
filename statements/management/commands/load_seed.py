from django.conf import settings
from django.core import serializers
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = (
        "Load the seed fixture, adding only what is not stored yet: running it again "
        "duplicates nothing and never overwrites an editor's changes."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--fixture", default=str(settings.SEED_FIXTURE))

    @transaction.atomic
    def handle(self, *args, fixture: str, **options) -> None:
        added = kept = 0
        with open(fixture, encoding="utf-8") as handle:
            for record in serializers.deserialize("json", handle, handle_forward_references=True):
                if record.object.pk is not None:
                    kept += 1
                    continue
                record.save()
                added += 1
        self.stdout.write(f"Seed data: {added} records added, {kept} already present.")
