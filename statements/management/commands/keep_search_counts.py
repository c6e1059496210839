from time import perf_counter

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from statements.ops.search_prefixes import MIN_MATCHES, keep_search_counts


def positive(text: str) -> int:
    number = int(text)
    if number < 1:
        raise ValueError(text)
    return number


class Command(BaseCommand):
    help = (
        "On PostgreSQL, keep the counts of every search prefix matching many claims, so that a "
        "search for a common word reads its counts instead of grouping its matches; stop "
        "keeping those that no longer match many. Run it after a bulk load and daily: the "
        "counts kept stay exact on every write in between."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--min-matches",
            type=positive,
            default=MIN_MATCHES,
            help=f"Keep a prefix that matches at least this many published claims "
            f"(default {MIN_MATCHES:,}).",
        )

    def handle(self, *args, min_matches: int, **options) -> None:
        if connections[DEFAULT_DB_ALIAS].vendor != "postgresql":
            raise CommandError(
                "Search counts are kept on PostgreSQL alone: SQLite counts a search from its "
                "facet rows, fast enough without."
            )
        started = perf_counter()
        kept = keep_search_counts(DEFAULT_DB_ALIAS, min_matches)
        self.stdout.write(
            f"Counts kept for {kept.prefixes:,} prefixes matching {min_matches:,} claims or "
            f"more ({kept.added:,} added, {kept.dropped:,} dropped): {kept.rows:,} rows, "
            f"in {perf_counter() - started:.1f} s."
        )
