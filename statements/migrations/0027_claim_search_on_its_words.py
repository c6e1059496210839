"""A claim's full-text document is written again when a column of the claim it reads changes (its
summary, or its statement), not on every update of the claim: its wording, version and order
are not in the document, and saving a claim with its evidence wrote the document three times
(inserted, its evidence added, its wording set). Evidence, reports and statements keep their own
triggers (migration 0014)."""

from django.db import migrations

from statements.migrations._per_database import per_database
from statements.migrations._report_search import SQLITE_SEARCH_TRIGGERS, sqlite_refresh_claim

READ = "summary, statement_id"

SQLITE_ON_ITS_WORDS = f"""CREATE TRIGGER claim_search_update
    AFTER UPDATE OF {READ} ON statements_claim
    WHEN old.summary IS NOT new.summary OR old.statement_id IS NOT new.statement_id BEGIN
        DELETE FROM claim_search WHERE rowid = old.id;
        {sqlite_refresh_claim("new.id")}
    END"""

POSTGRES_REFRESH = "FOR EACH ROW EXECUTE FUNCTION claim_search_claim_changed()"

FORWARD = {
    "sqlite": ["DROP TRIGGER claim_search_update", SQLITE_ON_ITS_WORDS],
    "postgresql": [
        "DROP TRIGGER claim_search_claim ON statements_claim",
        f"CREATE TRIGGER claim_search_claim AFTER INSERT ON statements_claim {POSTGRES_REFRESH}",
        f"""CREATE TRIGGER claim_search_claim_update AFTER UPDATE OF {READ} ON statements_claim
            FOR EACH ROW WHEN (old.summary IS DISTINCT FROM new.summary
                OR old.statement_id IS DISTINCT FROM new.statement_id)
            EXECUTE FUNCTION claim_search_claim_changed()""",
    ],
}
BACKWARD = {
    "sqlite": [
        "DROP TRIGGER claim_search_update",
        f"CREATE TRIGGER claim_search_update {SQLITE_SEARCH_TRIGGERS['claim_search_update']}",
    ],
    "postgresql": [
        "DROP TRIGGER claim_search_claim_update ON statements_claim",
        "DROP TRIGGER claim_search_claim ON statements_claim",
        f"""CREATE TRIGGER claim_search_claim AFTER INSERT OR UPDATE ON statements_claim
            {POSTGRES_REFRESH}""",
    ],
}


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0026_claim_tally_sums"),
    ]

    operations = [per_database(FORWARD, BACKWARD)]
