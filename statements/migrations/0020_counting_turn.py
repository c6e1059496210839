"""On PostgreSQL, the site's counting takes turns (statements/public/counting_turns.py): this
function waits at most `wait` for the turn, a lock held until the caller's transaction ends,
and says whether it got it. Waiting is bounded by `lock_timeout` for this call alone, and a turn
not had in time is no error: the caller counts anyway."""

from django.db import migrations

from statements.migrations._per_database import per_database

COUNTING_TURN = """CREATE FUNCTION counting_turn(turn bigint, wait text) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
    was text := current_setting('lock_timeout');
BEGIN
    PERFORM set_config('lock_timeout', wait, true);
    PERFORM pg_advisory_xact_lock(turn);
    PERFORM set_config('lock_timeout', was, true);
    RETURN true;
EXCEPTION WHEN lock_not_available THEN
    RETURN false;
END $$"""


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0019_search_term_estimates"),
    ]

    operations = [
        per_database(
            {"sqlite": [], "postgresql": [COUNTING_TURN]},
            {"sqlite": [], "postgresql": ["DROP FUNCTION counting_turn(bigint, text)"]},
        ),
    ]
