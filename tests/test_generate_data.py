"""generate_data: realistic synthetic rows, valid claim by claim, the same for the same seed."""

import io
import re
from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count

from statements.models import (
    Claim,
    ClaimKind,
    DatePrecision,
    Evidence,
    Official,
    Outlet,
    Post,
    Report,
    Statement,
    Topic,
    Wording,
    content_hash,
)
from statements.ops.synthetic.vocabulary import OUTLETS, TOPICS

pytestmark = pytest.mark.django_db


def generate(seed: int = 7, officials: int = 3, statements: int = 20, claims: int = 3) -> str:
    """Run the command and return what it wrote to stderr."""
    progress = io.StringIO()
    call_command(
        "generate_data",
        officials=officials,
        statements=statements,
        claims_per_statement=claims,
        seed=seed,
        stdout=io.StringIO(),
        stderr=progress,
    )
    return progress.getvalue()


def stored_rows() -> list[tuple]:
    """Everything generated, with names and slugs in place of primary keys, in a fixed order."""
    statements = Report.objects.values_list(
        "statement__official__slug",
        "statement__date",
        "statement__date_precision",
        "statement__kind",
        "statement__venue__slug",
        "statement__headline",
        "order",
        "outlet__slug",
        "is_primary",
        "dateline",
        "title_as_given",
        "source_url",
        "language",
        "source_text",
        "source_hash",
    )
    claims = Evidence.objects.values_list(
        "report__source_hash",
        "claim__order",
        "claim__summary",
        "claim__kind",
        "claim__wording",
        "is_main",
        "quote",
        "span_start",
        "span_end",
    )
    topics = Claim.topics.through.objects.values_list(
        "claim__evidence_spans__report__source_hash", "claim__order", "topic__slug"
    )
    officials = Official.objects.values_list("slug", "name", "aliases", "country", "bio")
    posts = Post.objects.values_list("official__slug", "role", "organization", "start_date")
    return [sorted(rows) for rows in (statements, claims, topics, officials, posts)]


def remove_everything() -> None:
    Claim.objects.all().delete()
    Statement.objects.all().delete()
    Official.objects.all().delete()
    Outlet.objects.all().delete()
    Topic.objects.all().delete()


def test_a_small_run_stores_what_was_asked_and_reports_progress():
    progress = generate(officials=3, statements=20, claims=3)

    assert Official.objects.count() == 3
    assert Post.objects.count() == 3
    assert Statement.objects.count() == 20
    assert Claim.objects.count() == 60
    assert Outlet.objects.count() == len(OUTLETS)
    assert Topic.objects.count() == len(TOPICS) == 20
    assert all(
        slug.startswith("synthetic-") for slug in Topic.objects.values_list("slug", flat=True)
    )
    topic_counts = Claim.objects.annotate(n=Count("topics")).values_list("n", flat=True)
    assert set(topic_counts) <= {1, 2, 3}
    assert progress.splitlines()[-1] == "claims 60/60"


@pytest.mark.slow
def test_every_generated_claim_is_valid_and_its_quote_is_exactly_at_its_span():
    generate(statements=40, claims=4)

    for statement in Statement.objects.all():
        statement.full_clean()
        (report,) = statement.reports.all()
        report.full_clean()
        assert report.source_hash == content_hash(report.source_text)
    for official in Official.objects.all():
        official.full_clean()
    claims = Claim.objects.select_related("statement__official")
    assert claims.count() == 160
    for claim in claims:
        claim.full_clean()
        (main,) = claim.evidence_spans.select_related("report")
        main.full_clean()
        assert main.is_main and claim.wording == Wording.SINGLE_SOURCE
        evidence = main.text
        assert evidence == claim.evidence
        if claim.kind == ClaimKind.QUOTE:
            assert evidence == claim.quote
            assert 60 <= len(claim.quote) <= 300
        else:
            assert claim.quote == ""
            assert evidence.endswith(".")
            official = claim.statement.official
            names = [official.name, *official.alias_list, "He ", "She "]
            assert any(name in evidence for name in names), evidence


def test_the_same_seed_gives_the_same_rows_in_a_fresh_database():
    generate(seed=11)
    first = stored_rows()
    remove_everything()
    generate(seed=11)

    assert stored_rows() == first
    assert len(first[1]) == 60


def test_different_seeds_give_different_rows():
    generate(seed=1)
    first = stored_rows()
    remove_everything()
    generate(seed=2)

    assert stored_rows()[0] != first[0]
    assert stored_rows()[1] != first[1]


def test_two_seeds_share_one_database_and_reuse_its_outlets_and_topics():
    generate(seed=1)
    generate(seed=2)

    assert Statement.objects.count() == 40
    assert Official.objects.count() == 6
    assert Outlet.objects.count() == len(OUTLETS)
    assert Topic.objects.count() == len(TOPICS)


def test_a_seed_already_stored_is_refused_and_nothing_is_added():
    generate(seed=5)

    with pytest.raises(CommandError, match="seed 5 is already stored"):
        generate(seed=5)
    assert Statement.objects.count() == 20


def test_the_data_looks_like_the_real_thing():
    generate(officials=10, statements=600, claims=2)

    statements = Statement.objects.all()
    languages = list(Report.objects.values_list("language", flat=True))
    assert languages.count("en") > languages.count("ru") > 0
    assert languages.count("az") > 0
    assert date(2006, 1, 1) <= min(statements.values_list("date", flat=True))
    assert max(statements.values_list("date", flat=True)) <= date(2025, 12, 31)
    for precision, day in ((DatePrecision.MONTH, "day"), (DatePrecision.YEAR, "month")):
        dated = statements.filter(date_precision=precision)
        assert dated.exists()
        assert set(dated.values_list(f"date__{day}", flat=True)) == {1}
    paraphrases = Claim.objects.filter(kind=ClaimKind.PARAPHRASE).count()
    assert 0.15 < paraphrases / Claim.objects.count() < 0.35
    quotes = "\n".join(Evidence.objects.values_list("quote", flat=True))
    assert re.search("[şğıöüçə]", quotes)
    assert re.search("[а-яА-Я]", quotes)
    assert re.search("[\U0001f300-\U0001faff]", quotes)
    assert '"' in quotes
    assert "," in quotes
