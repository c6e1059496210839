"""Storing generated data: a batch of statements with their claims and topics at a time."""

from collections.abc import Callable
from dataclasses import replace
from itertools import islice

from django.db import reset_queries, transaction

from statements.models import (
    Claim,
    Evidence,
    Official,
    Outlet,
    Post,
    Report,
    Statement,
    Topic,
)
from statements.ops.claim_tally import tally_paused
from statements.ops.synthetic.vocabulary import OUTLETS, PREFIX, TOPICS
from statements.ops.synthetic.writer import (
    Plan,
    Speaker,
    SyntheticDataError,
    Writer,
    ascii_slug,
    homepage,
)


def ensure(model: type, rows: list[dict]) -> dict[str, int]:
    """The pks of the rows by slug, creating those that are not stored yet."""
    slugs = [row["slug"] for row in rows]
    stored = set(model.objects.filter(slug__in=slugs).values_list("slug", flat=True))
    model.objects.bulk_create([model(**row) for row in rows if row["slug"] not in stored])
    return dict(model.objects.filter(slug__in=slugs).values_list("slug", "pk"))


def outlets_and_topics() -> tuple[dict[str, int], list[tuple]]:
    """About 30 outlets by name and 20 topics as (pk, name, phrases…), reused when present."""
    outlet_rows = [
        {"name": name, "slug": PREFIX + ascii_slug(name), "homepage": homepage(name)}
        for name in OUTLETS
    ]
    outlet_pks = ensure(Outlet, outlet_rows)
    topic_rows = [
        {"name": name, "slug": PREFIX + ascii_slug(name), "description": f"Positions on {en}."}
        for name, en, *_ in TOPICS
    ]
    topic_pks = ensure(Topic, topic_rows)
    outlets = {row["name"]: outlet_pks[row["slug"]] for row in outlet_rows}
    topics = [
        (topic_pks[row["slug"]], *topic) for row, topic in zip(topic_rows, TOPICS, strict=True)
    ]
    return outlets, topics


def save_officials(writer: Writer) -> list[Speaker]:
    made = writer.officials()
    officials = Official.objects.bulk_create([official for official, _, _ in made])
    posts = []
    for official, (_, post, _) in zip(officials, made, strict=True):
        post.official_id = official.pk
        posts.append(post)
    Post.objects.bulk_create(posts)
    return [
        replace(speaker, pk=official.pk)
        for official, (*_, speaker) in zip(officials, made, strict=True)
    ]


def save_batch(drafts: list[tuple]) -> int:
    """Statements, their reports, claims, evidence and the claims' topics: bulk inserts."""
    statements = Statement.objects.bulk_create([draft[0] for draft in drafts], batch_size=1000)
    reports, claims, spans, topic_pks = [], [], [], []
    for statement, (_, report, drafted) in zip(statements, drafts, strict=True):
        report.statement_id = statement.pk
        reports.append(report)
        for claim, evidence, pks in drafted:
            claim.statement_id = statement.pk
            claims.append(claim)
            spans.append((evidence, report))
            topic_pks.append(pks)
    Report.objects.bulk_create(reports, batch_size=1000)
    Claim.objects.bulk_create(claims, batch_size=1000)
    for claim, (evidence, report) in zip(claims, spans, strict=True):
        evidence.claim_id, evidence.report_id = claim.pk, report.pk
    Evidence.objects.bulk_create([evidence for evidence, _ in spans], batch_size=1000)
    link = Claim.topics.through
    links = [
        link(claim_id=claim.pk, topic_id=pk)
        for claim, pks in zip(claims, topic_pks, strict=True)
        for pk in pks
    ]
    link.objects.bulk_create(links, batch_size=1000)
    return len(claims)


def generate(plan: Plan, progress: Callable[[int, int], None] | None = None) -> None:
    """Store the plan's officials, statements and claims, reporting claims written so far."""
    if plan.statements and plan.officials < 1:
        raise SyntheticDataError("Statements need at least one official to make them.")
    if Official.objects.filter(slug__startswith=f"{PREFIX}{plan.seed}-").exists():
        raise SyntheticDataError(
            f"Synthetic data from seed {plan.seed} is already stored; choose another seed."
        )
    writer = Writer(plan)
    with transaction.atomic():
        outlets, topics = outlets_and_topics()
        speakers = save_officials(writer)
    drafts = writer.statements(speakers, outlets, topics)
    per_batch = max(1, plan.batch_size // max(1, plan.claims_per_statement))
    done = 0
    while batch := list(islice(drafts, per_batch)):
        # Each batch commits on its own, so the write-ahead log and memory stay small; the
        # claim tally counts each month of each official it touched once, at the end of it.
        with transaction.atomic(), tally_paused():
            done += save_batch(batch)
        # With DEBUG on, Django keeps the SQL of the last 9,000 queries: megabytes a batch here.
        reset_queries()
        if progress:
            progress(done, plan.claims)
