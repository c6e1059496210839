"""Small helpers that make the records a test needs, with sensible defaults."""

from datetime import date

from statements.models import (
    Claim,
    ClaimKind,
    Official,
    Outlet,
    Statement,
    StatementStatus,
    Topic,
)

DEFAULT_TEXT = "The minister said: We will build the bridge. Critics said it would never be built."


def make_official(name: str = "Ana Petrova", **fields) -> Official:
    slug = fields.pop("slug", name.lower().replace(" ", "-"))
    return Official.objects.create(name=name, slug=slug, **fields)


def make_outlet(name: str = "Daily Courier", **fields) -> Outlet:
    slug = fields.pop("slug", name.lower().replace(" ", "-").replace(".", "-"))
    return Outlet.objects.create(name=name, slug=slug, **fields)


def make_topic(name: str = "Infrastructure", **fields) -> Topic:
    slug = fields.pop("slug", name.lower().replace(" ", "-"))
    return Topic.objects.create(name=name, slug=slug, **fields)


def make_statement(official: Official | None = None, **fields) -> Statement:
    fields.setdefault("date", date(2024, 5, 1))
    fields.setdefault("kind", "interview")
    fields.setdefault("headline", "Interview about the bridge")
    fields.setdefault("source_text", DEFAULT_TEXT)
    fields.setdefault("status", StatementStatus.PUBLISHED)
    return Statement.objects.create(official=official or make_official(), **fields)


def make_claim(statement: Statement, quote: str, topics: tuple[Topic, ...] = (), **fields) -> Claim:
    """A direct quote located in the statement's source text."""
    start = statement.source_text.index(quote)
    fields.setdefault("summary", f"Summary of: {quote}")
    fields.setdefault("kind", ClaimKind.QUOTE)
    fields.setdefault("order", statement.claims.count() + 1)
    claim = Claim.objects.create(
        statement=statement, quote=quote, span_start=start, span_end=start + len(quote), **fields
    )
    claim.topics.set(topics)
    return claim


def statement_form(official: Official, claims: list[dict]) -> dict:
    data = {
        "official": official.pk,
        "date": "2024-05-01",
        "date_precision": "day",
        "kind": "speech",
        "headline": "A speech about the bridge",
        "status": "draft",
        "language": "en",
        "source_text": DEFAULT_TEXT,
        "claims-TOTAL_FORMS": len(claims),
        "claims-INITIAL_FORMS": 0,
        "claims-MIN_NUM_FORMS": 0,
        "claims-MAX_NUM_FORMS": 1000,
    }
    for index, claim in enumerate(claims):
        for field, value in claim.items():
            data[f"claims-{index}-{field}"] = value
    return data
