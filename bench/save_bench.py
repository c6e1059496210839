"""Storing a statement claim by claim, as the admin's form does, into the busiest month of an
existing database: the time per claim, with every trigger the database keeps (claim tally,
facet rows, full-text index). Each round is rolled back, so the database is left as it was.

    python bench/save_bench.py --database-url sqlite:///bench/data/claims-1000000-k5-seed1.sqlite3

Compare two schemas on the same file by migrating between them, for example
`manage.py migrate statements 0024` and back (see bench/README.md).
"""

import argparse
import os
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parent.parent


def busiest_cell():
    """The official and month with the most published claims."""
    from statements.models import ClaimTally  # noqa: PLC0415 - after django.setup()

    every_claim = ClaimTally.objects.filter(topic=None, outlet=None)
    return every_claim.order_by("-claims").select_related("official").first()


def store_statement(cell, claims: int) -> float:
    """Seconds to store one published statement of `claims` claims, each with a topic and its
    quote, into the cell's month; then rolled back."""
    from django.db import transaction  # noqa: PLC0415

    from statements.models import Topic  # noqa: PLC0415
    from tests.factories import make_claim, make_statement  # noqa: PLC0415

    sentences = [f"Point {number} of the plan stands." for number in range(claims)]
    topic = Topic.objects.order_by("pk").first()
    with transaction.atomic():
        started = time.perf_counter()
        statement = make_statement(
            cell.official, date=cell.month + timedelta(days=14), source_text=" ".join(sentences)
        )
        for sentence in sentences:
            make_claim(statement, sentence, topics=(topic,))
        elapsed = time.perf_counter() - started
        transaction.set_rollback(True)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--claims", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "statements.config.settings")
    sys.path.insert(0, str(ROOT))
    django.setup()

    from django.db.migrations.recorder import MigrationRecorder  # noqa: PLC0415

    latest = MigrationRecorder.Migration.objects.filter(app="statements").latest("id").name
    cell = busiest_cell()
    times = [store_statement(cell, args.claims) for _ in range(args.repeat)]
    print(
        f"schema {latest}: a statement of {args.claims} claims into a month of {cell.claims} "
        f"({cell.official.name}, {cell.month:%Y-%m}): median {statistics.median(times):.2f} s, "
        f"{statistics.median(times) / args.claims * 1000:.1f} ms a claim "
        f"(rounds: {', '.join(f'{t:.2f}' for t in times)})"
    )


if __name__ == "__main__":
    main()
