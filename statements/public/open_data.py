"""The published data as one SQLite file anyone can open: Datasette, sqlite3, any SQLite tool.

Only what the public pages show: published statements with their reports, their claims with
evidence and topics, and the officials with their posts, the outlets and the topics, which the
site lists whole (/officials/, /topics/, the outlet filter); no drafts, users or history. Plain
table and column names, foreign keys, indexes for the usual questions, and an FTS5 index over
claims (quote, summary, evidence, headline, and the other reports' words) with the tokenizer the
site's own SQLite search uses, declared with `content="claims"`, written so, as Datasette looks
for it to offer a search box on `claims`.
"""

import os
import sqlite3
import tempfile
from collections.abc import Iterable
from pathlib import Path

from django.conf import settings
from django.db.models import F, Func, QuerySet, TextField
from django.utils import timezone

from statements.models import (
    Claim,
    Evidence,
    Official,
    Outlet,
    Post,
    Report,
    Statement,
    Topic,
    evidence_text,
)
from statements.public.versions import data_version

CHUNK = 2000
SCHEMA = """
CREATE TABLE officials (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, slug TEXT NOT NULL UNIQUE,
    aliases TEXT NOT NULL, country TEXT NOT NULL, bio TEXT NOT NULL, url TEXT NOT NULL
);
CREATE TABLE posts (
    id INTEGER PRIMARY KEY, official_id INTEGER NOT NULL REFERENCES officials (id),
    role TEXT NOT NULL, organization TEXT NOT NULL, start_date TEXT, end_date TEXT
);
CREATE TABLE outlets (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, slug TEXT NOT NULL UNIQUE, homepage TEXT NOT NULL
);
CREATE TABLE topics (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, slug TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL, url TEXT NOT NULL
);
CREATE TABLE statements (
    id INTEGER PRIMARY KEY, official_id INTEGER NOT NULL REFERENCES officials (id),
    date TEXT NOT NULL, date_precision TEXT NOT NULL, kind TEXT NOT NULL,
    venue_id INTEGER REFERENCES outlets (id), headline TEXT NOT NULL, published_at TEXT,
    url TEXT NOT NULL
);
CREATE TABLE reports (
    id INTEGER PRIMARY KEY, statement_id INTEGER NOT NULL REFERENCES statements (id),
    position INTEGER NOT NULL, outlet_id INTEGER REFERENCES outlets (id),
    is_primary INTEGER NOT NULL, source_url TEXT NOT NULL, published_on TEXT,
    dateline TEXT NOT NULL, headline_as_printed TEXT NOT NULL, title_as_given TEXT NOT NULL,
    language TEXT NOT NULL, source_text TEXT NOT NULL, source_sha256 TEXT NOT NULL
);
CREATE TABLE claims (
    id INTEGER PRIMARY KEY, statement_id INTEGER NOT NULL REFERENCES statements (id),
    position INTEGER NOT NULL, summary TEXT NOT NULL, quote TEXT NOT NULL,
    quote_kind TEXT NOT NULL, evidence TEXT NOT NULL,
    report_id INTEGER REFERENCES reports (id), span_start INTEGER, span_end INTEGER,
    wording TEXT NOT NULL, headline TEXT NOT NULL, other_words TEXT NOT NULL, url TEXT NOT NULL
);
CREATE TABLE evidence (
    id INTEGER PRIMARY KEY, claim_id INTEGER NOT NULL REFERENCES claims (id),
    report_id INTEGER NOT NULL REFERENCES reports (id), is_main INTEGER NOT NULL,
    quote TEXT NOT NULL, text TEXT NOT NULL, span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL
);
CREATE TABLE claim_topics (
    claim_id INTEGER NOT NULL REFERENCES claims (id),
    topic_id INTEGER NOT NULL REFERENCES topics (id),
    PRIMARY KEY (claim_id, topic_id)
);
CREATE TABLE about (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
INDEXES = """
CREATE INDEX posts_official ON posts (official_id);
CREATE INDEX statements_official_date ON statements (official_id, date);
CREATE INDEX statements_date ON statements (date);
CREATE INDEX statements_venue ON statements (venue_id);
CREATE INDEX reports_statement ON reports (statement_id, position);
CREATE INDEX reports_outlet ON reports (outlet_id);
CREATE INDEX claims_statement ON claims (statement_id, position);
CREATE INDEX evidence_claim ON evidence (claim_id);
CREATE INDEX evidence_report ON evidence (report_id);
CREATE INDEX claim_topics_topic ON claim_topics (topic_id, claim_id);
CREATE VIRTUAL TABLE claims_fts USING fts5(
    quote, summary, evidence, headline, other_words, content="claims", content_rowid="id",
    tokenize='unicode61 remove_diacritics 0'
);
INSERT INTO claims_fts (claims_fts) VALUES ('rebuild');
ANALYZE;
"""


def published(alias: str) -> dict[str, QuerySet]:
    """Each table's rows, in its columns' order, published records only."""
    statements = Statement.objects.using(alias).published()
    reports = Report.objects.using(alias).filter(statement__in=statements)
    claims = Claim.objects.using(alias).published()
    evidence = Evidence.objects.using(alias).filter(claim__in=claims)
    topic_links = Claim.topics.through.objects.using(alias).filter(claim__in=claims)
    return {
        "officials": Official.objects.using(alias).values_list(
            "id", "name", "slug", "aliases", "country", "bio"
        ),
        "posts": Post.objects.using(alias).values_list(
            "id", "official_id", "role", "organization", "start_date", "end_date"
        ),
        "outlets": Outlet.objects.using(alias).values_list("id", "name", "slug", "homepage"),
        "topics": Topic.objects.using(alias).values_list("id", "name", "slug", "description"),
        "statements": statements.values_list(
            "id",
            "official_id",
            "date",
            "date_precision",
            "kind",
            "venue_id",
            "headline",
            "reviewed_at",
        ),
        "reports": reports.values_list(
            "id",
            "statement_id",
            "order",
            "outlet_id",
            "is_primary",
            "source_url",
            "published_on",
            "dateline",
            "headline_as_printed",
            "title_as_given",
            "language",
            "source_text",
            "source_hash",
        ),
        "claims": claims.with_evidence()
        .annotate(headline=F("statement__headline"), other_words=OtherWords())
        .values_list(
            "id",
            "statement_id",
            "order",
            "summary",
            "main_quote",
            "kind",
            "evidence_text",
            "main__report_id",
            "main__span_start",
            "main__span_end",
            "wording",
            "headline",
            "other_words",
        ),
        "evidence": evidence.annotate(text=evidence_text("")).values_list(
            "id", "claim_id", "report_id", "is_main", "quote", "text", "span_start", "span_end"
        ),
        "claim_topics": topic_links.values_list("claim_id", "topic_id"),
    }


WORDS_ELSEWHERE = """coalesce((SELECT {joined} FROM (
    SELECT e.quote || ' ' || substr(r.source_text, e.span_start + 1, e.span_end - e.span_start)
        AS words
    FROM statements_evidence e JOIN statements_report r ON r.id = e.report_id
    WHERE e.claim_id = {claim} AND NOT e.is_main
    UNION ALL SELECT headline_as_printed FROM statements_report WHERE statement_id = {statement}
) AS w), '')"""
JOINED = {"sqlite": "group_concat(words, ' ')", "postgresql": "string_agg(words, ' ')"}


class OtherWords(Func):
    """What the site also searches a claim by, beyond its main evidence and its statement's
    headline: its evidence in other reports, and every report's headline as printed (see
    statements/migrations/_report_search.py)."""

    output_field = TextField()

    def __init__(self) -> None:
        super().__init__(F("id"), F("statement_id"))

    def as_sql(self, compiler, connection, **extra):
        (claim, claim_params), (statement, statement_params) = (
            compiler.compile(expression) for expression in self.source_expressions
        )
        joined = JOINED[connection.vendor]
        sql = WORDS_ELSEWHERE.format(joined=joined, claim=claim, statement=statement)
        return sql, (*claim_params, *statement_params)


# A last column, url: the record's page on the site, from its slug or id.
PAGES = {
    "officials": ("officials/{}/", 2),
    "topics": ("topics/{}/", 2),
    "statements": ("statements/{}/", 0),
    "claims": ("claims/{}/", 0),
}


def rows(table: str, values: QuerySet, site: str) -> Iterable[list]:
    page, key = PAGES.get(table, (None, 0))
    for row in values.order_by(*values._fields).iterator(chunk_size=CHUNK):
        cells = [cell.isoformat() if hasattr(cell, "isoformat") else cell for cell in row]
        if page:
            cells.append(site + page.format(cells[key]))
        yield cells


def write(path: Path, alias: str, site: str = "/") -> dict[str, int]:
    """Write the published data into a new SQLite file at path; return the rows per table."""
    database = sqlite3.connect(path)
    counts = {}
    try:
        with database:
            database.executescript(SCHEMA)
            for table, values in published(alias).items():
                width = len(values._fields) + (table in PAGES)
                insert = f"INSERT INTO {table} VALUES ({', '.join(['?'] * width)})"
                cursor = database.executemany(insert, rows(table, values, site))
                counts[table] = cursor.rowcount
            database.executescript(INDEXES)
            about = {
                "title": "Statement Timeline: published statements and claims",
                "licence": settings.OPEN_DATA_LICENCE,
                "site": site,
                "exported_at": timezone.now().isoformat(timespec="seconds"),
                "data_version": data_version(alias),
                **{f"rows_{table}": str(count) for table, count in counts.items()},
            }
            database.executemany("INSERT INTO about VALUES (?, ?)", about.items())
        broken = database.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise ValueError(f"The open data refers to rows it lacks: {broken[:5]}")
    finally:
        database.close()
    return counts


def file_for_current_version(alias: str, site: str) -> Path:
    """The file of the data as it is now, built into OPEN_DATA_DIR the first time it is asked."""
    folder = Path(settings.OPEN_DATA_DIR)
    path = folder / f"statement-timeline-{data_version(alias)}.sqlite3"
    if path.is_file():
        return path
    folder.mkdir(parents=True, exist_ok=True)
    # Built beside it and renamed into place, so that no one is ever sent half a file.
    handle, partial = tempfile.mkstemp(dir=folder, prefix=".building-", suffix=".sqlite3")
    os.close(handle)
    try:
        os.unlink(partial)
        write(Path(partial), alias, site)
        os.replace(partial, path)
    finally:
        Path(partial).unlink(missing_ok=True)
    for older in folder.glob("statement-timeline-*.sqlite3"):
        if older != path:
            older.unlink(missing_ok=True)
    return path
