"""SQL for migration 0015: the claim tally, published claims counted per official and month of
their statements' dates, per topic, per outlet and per both (statements/models/claim_tally.py),
kept exact by triggers on every write that can move a count (_claim_tally_sqlite.py,
_claim_tally_postgres.py).

A change marks the cells it touches (an official and a month) in `claim_tally_dirty`, and the
marked cells are counted again from the base tables at once: their rows deleted, the four kinds
of rows inserted grouped. A writer of many rows pauses the recount inside its own transaction,
so that each change only marks its cell, and counts every marked cell once at the end
(statements/ops/claim_tally.py): on SQLite with `claim_tally_switch`, on PostgreSQL with a
setting that `SET LOCAL` gives the transaction alone.

On SQLite, a migration that rebuilds a table the triggers are on (statements, claims, their
topic links, reports: some AlterField and RemoveField do) drops its triggers with it: set them
aside before and make them again after, as migration 0014 does (sqlite_set_aside_before() in
_report_search.py), and count the tally afresh (`rebuild`) if rows changed meanwhile.
tests/test_claim_tally.py checks that every kind of write still moves the counts.
"""

TALLY = "statements_claimtally"
COLUMNS = "official_id, month, topic_id, outlet_id, claims, statements"
PUBLISHED = "'published'"

# The first day of a date's month. SQLite keeps dates as YYYY-MM-DD text.
MONTH_OF = {
    "sqlite": lambda day: f"substr({day}, 1, 7) || '-01'",
    "postgresql": lambda day: f"date_trunc('month', {day}::timestamp)::date",
}
# Statement dates in the month that starts on `first`: a range, so that the index on
# statements (official, date) finds them.
IN_MONTH = {
    "sqlite": lambda day, first: f"{day} BETWEEN {first} AND substr({first}, 1, 7) || '-31'",
    "postgresql": lambda day, first: (
        f"{day} >= {first} AND {day} < ({first} + interval '1 month')::date"
    ),
}


def recount_parts(vendor: str, statements_where: str) -> dict[str, str]:
    """The published claims of the statements `where` selects (naming the statement s), with
    their official and month (k); their topics (t); and their outlets (u), each outlet once per
    claim whether it was the venue, printed one report or several."""
    claims = f"""SELECT c.id AS claim, s.id AS statement, s.official_id AS official,
            {MONTH_OF[vendor]("s.date")} AS month, s.venue_id AS venue
        FROM statements_statement s JOIN statements_claim c ON c.statement_id = s.id
        WHERE s.status = {PUBLISHED} AND {statements_where}"""
    return {
        "k": claims,
        "t": """SELECT k.claim, k.statement, k.official, k.month, ct.topic_id AS topic
        FROM {k} k JOIN statements_claim_topics ct ON ct.claim_id = k.claim""",
        "u": """SELECT k.claim, k.statement, k.official, k.month, k.venue AS outlet
            FROM {k} k WHERE k.venue IS NOT NULL
        UNION SELECT k.claim, k.statement, k.official, k.month, r.outlet_id
            FROM {k} k JOIN statements_report r ON r.statement_id = k.statement
            WHERE r.outlet_id IS NOT NULL""",
    }


# The four kinds of rows: every claim, per topic, per outlet, per topic and outlet. (The first
# row's empty topic and outlet are typed, or PostgreSQL would take them for text.)
GROUPED = """SELECT k.official, k.month, CAST(NULL AS bigint), CAST(NULL AS bigint), count(*),
            count(DISTINCT k.statement)
        FROM {k} k GROUP BY k.official, k.month
    UNION ALL SELECT t.official, t.month, t.topic, NULL, count(*), count(DISTINCT t.statement)
        FROM {t} t GROUP BY t.official, t.month, t.topic
    UNION ALL SELECT u.official, u.month, NULL, u.outlet, count(*), count(DISTINCT u.statement)
        FROM {u} u GROUP BY u.official, u.month, u.outlet
    UNION ALL SELECT t.official, t.month, t.topic, u.outlet, count(*),
            count(DISTINCT t.statement)
        FROM {t} t JOIN {u} u ON u.claim = t.claim
        GROUP BY t.official, t.month, t.topic, u.outlet"""


def recount(vendor: str, statements_where: str, named: bool = True) -> str:
    """The INSERT of the tally's rows for the statements `where` selects: with named parts (a
    WITH clause, each part computed once), or, for SQLite's triggers, which take no WITH
    clause, each part written out where it is used."""
    parts = recount_parts(vendor, statements_where)
    insert = f"INSERT INTO {TALLY} ({COLUMNS})"
    if named:
        common = ",\n".join(f"{name} AS ({sql.format(k='k')})" for name, sql in parts.items())
        return f"{insert}\nWITH {common}\n{GROUPED.format(k='k', t='t', u='u')}"
    k = f"({parts['k']})"
    t, u = (f"({parts[name].format(k=k)})" for name in ("t", "u"))
    return f"{insert}\n{GROUPED.format(k=k, t=t, u=u)}"


def marked(vendor: str) -> str:
    """A condition on statements s: in a marked cell."""
    # CROSS JOIN: SQLite then reads the marks first, and each one's statements by the index.
    return f"""s.id IN (SELECT st.id FROM claim_tally_dirty d
        CROSS JOIN statements_statement st WHERE st.official_id = d.official_id
            AND {IN_MONTH[vendor]("st.date", "d.month")})"""


# The tally's and the facet rows' own rows in a marked cell.
MARKED_CELLS = "(official_id, month) IN (SELECT official_id, month FROM claim_tally_dirty)"


def flush(vendor: str) -> list[str]:
    """Count every marked cell again and clear the marks."""
    return [
        f"DELETE FROM {TALLY} WHERE {MARKED_CELLS}",
        recount(vendor, marked(vendor)),
        "DELETE FROM claim_tally_dirty",
    ]


def rebuild(vendor: str) -> list[str]:
    """Every row counted afresh from the base tables."""
    return [f"DELETE FROM {TALLY}", "DELETE FROM claim_tally_dirty", recount(vendor, "TRUE")]


DIRTY_TABLE = """CREATE TABLE claim_tally_dirty (
    official_id bigint NOT NULL, month date NOT NULL, PRIMARY KEY (official_id, month))"""
