import time

from django.core.management.base import BaseCommand, CommandError

from statements.ops.statistics import gather_statistics
from statements.ops.synthetic.generate import generate
from statements.ops.synthetic.vocabulary import BATCH_SIZE
from statements.ops.synthetic.writer import Plan, SyntheticDataError


def count(text: str) -> int:
    value = int(text)
    if value < 0:
        raise ValueError(text)
    return value


class Command(BaseCommand):
    help = (
        "Add realistic synthetic officials, statements and claims for load tests. The same "
        "arguments always give the same rows; their slugs start with 'synthetic-<seed>-'."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--officials", type=count, default=20)
        parser.add_argument("--statements", type=count, default=1000)
        parser.add_argument("--claims-per-statement", type=count, default=5)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--batch-size", type=count, default=BATCH_SIZE, help="Claims per transaction."
        )

    def handle(self, *args, **options) -> None:
        plan = Plan(
            officials=options["officials"],
            statements=options["statements"],
            claims_per_statement=options["claims_per_statement"],
            seed=options["seed"],
            batch_size=max(1, options["batch_size"]),
        )
        started = time.monotonic()
        last_shown = 0.0

        def progress(done: int, total: int) -> None:
            nonlocal last_shown
            # A line a second at most, and always the last one.
            if done == total or time.monotonic() - last_shown >= 1:
                last_shown = time.monotonic()
                self.stderr.write(f"claims {done}/{total}", style_func=str)

        try:
            generate(plan, progress)
        except SyntheticDataError as error:
            raise CommandError(str(error)) from error
        gather_statistics("default")  # the tables have grown: let SQLite's planner know
        seconds = time.monotonic() - started
        self.stdout.write(
            f"Generated {plan.officials} officials, {plan.statements} statements and "
            f"{plan.claims} claims (seed {plan.seed}) in {seconds:.1f} s."
        )
