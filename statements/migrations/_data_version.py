"""The triggers that replace the data's version when a table changes (migration 0005 made the
version and its first triggers): row triggers on SQLite, a statement trigger on PostgreSQL."""

EVENTS = ["insert", "update", "delete"]


def version_triggers(table: str) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """The SQL that gives `table` its triggers, and the SQL that takes them away."""
    forward = {
        "sqlite": [
            f"""CREATE TRIGGER data_version_{table}_{event} AFTER {event.upper()} ON {table} BEGIN
        UPDATE data_version SET token = random();
    END"""
            for event in EVENTS
        ],
        "postgresql": [
            f"""CREATE TRIGGER data_version_{table}
        AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table}
        FOR EACH STATEMENT EXECUTE FUNCTION data_version_replace()"""
        ],
    }
    backward = {
        "sqlite": [f"DROP TRIGGER data_version_{table}_{event}" for event in EVENTS],
        "postgresql": [f"DROP TRIGGER data_version_{table} ON {table}"],
    }
    return forward, backward
