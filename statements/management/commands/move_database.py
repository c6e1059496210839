from django.core.management.base import BaseCommand, CommandError

from statements.ops.move import move
from statements.ops.move_target import MoveError, without_password


class Command(BaseCommand):
    help = (
        "Copy everything in this database (DATABASE_URL) to another, empty and migrated one — "
        "SQLite or PostgreSQL, either way — keeping every key, then check the copy."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--to",
            required=True,
            metavar="DATABASE_URL",
            help="The target: postgres://user:password@host:5432/name or sqlite:////path/db.sqlite3."
            " Run `manage.py migrate` on it first.",
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Delete everything the target holds first (it is refused otherwise).",
        )
        parser.add_argument(
            "--with-login-attempts",
            action="store_true",
            help="Copy django-axes' record of login attempts too.",
        )

    def handle(self, *args, to: str, replace: bool, with_login_attempts: bool, **options) -> None:
        self.stdout.write(f"Moving this database to {without_password(to)}:")
        try:
            moved = move(
                to, replace=replace, with_login_attempts=with_login_attempts, say=self.stdout.write
            )
        except MoveError as error:
            raise CommandError(f"{error} Nothing was changed.") from error
        rows = sum(count for _table, count in moved.tables)
        self.stdout.write(
            f"Moved {rows:,} rows in {len(moved.tables)} tables and passed {len(moved.checks)} "
            f"checks; the copy's data version is {moved.version}. Point DATABASE_URL at it and "
            "restart the app servers."
        )
