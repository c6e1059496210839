"""The seed fixture is faithful to the two articles and rebuilds to the same bytes."""

import io
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from statements.models import Claim, Evidence, Official, Outlet, Post, Report, Statement, Topic
from statements.ops.seed_fixtures import SeedError, build_fixture, read_source
from tests.conftest import load_seed

SEEDS = Path(settings.BASE_DIR).parent / "shared" / "seeds"

ARTICLES = {
    "000_596cf3992b7bd5fc.txt": {
        "date": date(2024, 3, 29),
        "venue": "Phoenix TV",
        "outlet": "News.Az",
        "claims": 11,
    },
    "004_9734b823c9ffa713.txt": {
        "date": date(2023, 9, 16),
        "venue": "TASS",
        "outlet": "Trend",
        "claims": 14,
    },
}


def report_for(source_name: str) -> Report:
    text = read_source(settings.SEED_SOURCES_DIR / source_name)
    return Report.objects.select_related("statement").get(source_text=text)


def test_rebuilding_the_fixture_gives_the_identical_file(tmp_path):
    output = tmp_path / "seed.json"
    call_command("build_seed_fixtures", output=str(output), stdout=io.StringIO())
    assert output.read_bytes() == settings.SEED_FIXTURE.read_bytes()


def test_the_stored_sources_are_the_seed_articles_byte_for_byte():
    for name in ARTICLES:
        stored = (settings.SEED_SOURCES_DIR / name).read_bytes()
        if SEEDS.exists():
            assert stored == (SEEDS / name).read_bytes()
        assert stored.startswith(b" date ")


@pytest.mark.django_db
def test_every_claim_quote_is_found_verbatim_at_its_span():
    load_seed()
    claims = Claim.objects.all()
    assert claims.count() == sum(article["claims"] for article in ARTICLES.values())
    for claim in claims:
        (main,) = claim.evidence_spans.select_related("report")
        assert main.is_main and main.report.statement_id == claim.statement_id
        evidence = main.report.source_text[main.span_start : main.span_end]
        assert evidence == claim.evidence
        main.full_clean()
        if claim.kind == "quote":
            assert evidence == claim.quote, claim
        else:
            assert claim.quote == ""
        claim.full_clean()


@pytest.mark.django_db
def test_every_seed_record_passes_model_validation():
    load_seed()
    for model in (Official, Post, Outlet, Topic, Statement, Report, Claim, Evidence):
        for record in model.objects.all():
            record.full_clean()


@pytest.mark.django_db
@pytest.mark.parametrize("source_name", ARTICLES)
def test_dates_speaker_venue_and_outlet_match_the_article(source_name):
    load_seed()
    expected = ARTICLES[source_name]
    report = report_for(source_name)
    statement, text = report.statement, report.source_text
    assert statement.date == expected["date"]
    assert text.startswith(f" date {expected['date']:%Y-%m-%d}")
    assert statement.official.name == "Hikmet Hajiyev"
    assert "Hikmet Hajiyev" in text
    assert statement.venue.name == expected["venue"] and expected["venue"] in text
    assert report.outlet.name == expected["outlet"]
    assert [report] == list(statement.reports.all()) and statement.main_report == report
    assert f"{expected['outlet']} reports" in text
    assert report.title_as_given in text
    assert statement.kind == "interview" and "interview with" in text
    assert statement.claims.count() == expected["claims"]


@pytest.mark.django_db
def test_every_quoted_passage_of_the_articles_is_covered_by_a_claim():
    """A careful reader's check: each passage between quotation marks lies inside a claim."""
    load_seed()
    for name in ARTICLES:
        report = report_for(name)
        spans = [(e.span_start, e.span_end) for e in report.evidence_spans.all()]
        assert len(spans) == report.statement.claims.count()
        for start, end in quoted_passages(report.source_text):
            covered = any(s <= start and end <= e for s, e in spans)
            assert covered, report.source_text[start:end]


def quoted_passages(text: str) -> list[tuple[int, int]]:
    """Paragraphs opening with a quotation mark: the words inside, to the closing mark or end."""
    passages = []
    offset = 0
    for paragraph in text.split("\n"):
        if paragraph.startswith('"'):
            closing = paragraph.rfind('," ')
            closing = paragraph.rfind('" ') if closing == -1 else closing
            end = closing if closing > 0 else len(paragraph)
            words = paragraph[1:end].rstrip(",")
            # Each sentence of a quoted passage must fall within some claim.
            cursor = offset + 1
            for sentence in words.split(". "):
                passages.append((cursor, cursor + len(sentence)))
                cursor += len(sentence) + 2
        offset += len(paragraph) + 1
    return passages


def test_a_missing_evidence_text_fails_the_build_loudly(tmp_path):
    annotation = (settings.SEED_ANNOTATIONS_DIR / "hajiyev.toml").read_text(encoding="utf-8")
    broken = annotation.replace("Now peace is close.", "Now peace is very close.")
    (tmp_path / "broken.toml").write_text(broken, encoding="utf-8")
    with pytest.raises(SeedError, match="is not in the article"):
        build_fixture(tmp_path, settings.SEED_SOURCES_DIR)


def test_an_ambiguous_evidence_text_fails_the_build_loudly(tmp_path):
    annotation = (settings.SEED_ANNOTATIONS_DIR / "hajiyev.toml").read_text(encoding="utf-8")
    broken = annotation.replace(
        "evidence = \"There is no place for 'gray zones' in Azerbaijan\"",
        'evidence = "Azerbaijan"',
    )
    (tmp_path / "broken.toml").write_text(broken, encoding="utf-8")
    with pytest.raises(SeedError, match="occurs .* times"):
        build_fixture(tmp_path, settings.SEED_SOURCES_DIR)


def test_a_date_that_disagrees_with_the_article_fails_the_build(tmp_path):
    annotation = (settings.SEED_ANNOTATIONS_DIR / "hajiyev.toml").read_text(encoding="utf-8")
    broken = annotation.replace("date = 2023-09-16", "date = 2023-09-17")
    (tmp_path / "broken.toml").write_text(broken, encoding="utf-8")
    with pytest.raises(SeedError, match="dated 2023-09-16"):
        build_fixture(tmp_path, settings.SEED_SOURCES_DIR)


@pytest.mark.django_db
def test_loading_the_seed_twice_duplicates_nothing():
    load_seed()
    models = (Official, Post, Outlet, Topic, Statement, Report, Claim, Evidence)
    counts = [model.objects.count() for model in models]
    load_seed()
    again = [model.objects.count() for model in models]
    assert counts == again == [1, 1, 4, 8, 2, 2, 25, 25]


@pytest.mark.django_db
def test_loading_the_seed_again_keeps_an_editors_changes():
    load_seed()
    claim = Claim.objects.get(order=1, statement__date=date(2023, 9, 16))
    claim.summary = "Edited by a curator."
    claim.save()
    load_seed()
    claim.refresh_from_db()
    assert claim.summary == "Edited by a curator."
