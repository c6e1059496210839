"""How many curated seed claims the importer finds on its own, matched by overlapping spans."""

from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

from statements.articles.proposal import read_article
from statements.articles.speakers import Speaker
from statements.ops.seed_fixtures import load_annotations, locate, read_source


@dataclass
class ArticleRecall:
    source: str
    total: int = 0
    matched: int = 0
    matched_same_kind: int = 0
    matched_exactly: int = 0  # the very same span, not merely overlapping
    proposed: int = 0
    proposed_unmatched: int = 0
    longest: int = 0  # characters in the longest claim that overlaps a curated one
    missed: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.matched / self.total if self.total else 1.0


def overlaps(first: tuple[int, int], second: tuple[int, int]) -> bool:
    return first[0] < second[1] and second[0] < first[1]


def proposed_spans(text: str, speaker: Speaker, outlets: list[str]) -> list[tuple[int, int, str]]:
    """Every proposed claim's span in article offsets, whichever statement it was proposed for."""
    reading = read_article(text, speaker, outlets)
    return [
        (
            statement.source_start + claim.span_start,
            statement.source_start + claim.span_end,
            claim.kind,
        )
        for statement in reading.statements
        for claim in statement.claims
    ]


def article_recall(statement: dict, annotation: dict, sources: Path) -> ArticleRecall:
    text = read_source(sources / statement["source"])
    official = next(o for o in annotation["officials"] if o["slug"] == statement["official"])
    forms = [*official.get("aliases", []), *official.get("descriptions", [])]
    speaker = Speaker(official["name"], tuple(forms))
    outlets = [outlet["name"] for outlet in annotation["outlets"]]
    proposed = proposed_spans(text, speaker, outlets)
    result = ArticleRecall(statement["source"], proposed=len(proposed))
    curated = []
    for claim in statement["claims"]:
        start = locate(text, claim["evidence"], statement["source"])
        curated.append((start, start + len(claim["evidence"])))
        found = [kind for begin, end, kind in proposed if overlaps((begin, end), curated[-1])]
        result.total += 1
        result.matched += bool(found)
        result.matched_same_kind += claim["kind"] in found
        result.matched_exactly += curated[-1] in [(begin, end) for begin, end, _ in proposed]
        lengths = [end - begin for begin, end, _ in proposed if overlaps((begin, end), curated[-1])]
        result.longest = max([result.longest, *lengths])
        if not found:
            result.missed.append(claim["evidence"])
    result.proposed_unmatched = sum(
        1 for begin, end, _ in proposed if not any(overlaps((begin, end), span) for span in curated)
    )
    return result


def seed_recall(
    annotations: Path = settings.SEED_ANNOTATIONS_DIR, sources: Path = settings.SEED_SOURCES_DIR
) -> list[ArticleRecall]:
    """Recall of the importer on each curated seed article, read as fresh text."""
    annotation = load_annotations(annotations)
    return [
        article_recall(statement, annotation, sources) for statement in annotation["statements"]
    ]
