"""Recall and precision of the importer on the evaluation set written for it, by house style.

`fixtures/evaluation/positions.toml` lists, for each article in `fixtures/evaluation/articles/`,
the positions a curator marks, each with the official who holds it. Every article is read for
every official of the set, as if they were all stored; a position is found when a claim proposed
for its official overlaps it, and a proposed claim is precise when it overlaps a position of
its official.
"""

import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

from statements.articles.cast import read_for_speakers
from statements.articles.recall import overlaps
from statements.articles.speakers import Speaker
from statements.ops.seed_fixtures import locate, read_source


@dataclass
class StyleScore:
    style: str
    positions: int = 0
    found: int = 0
    proposed: int = 0
    precise: int = 0
    missed: list[str] = field(default_factory=list)
    imprecise: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.positions if self.positions else 1.0

    @property
    def precision(self) -> float:
        return self.precise / self.proposed if self.proposed else 1.0

    def add(self, other: "StyleScore") -> None:
        self.positions += other.positions
        self.found += other.found
        self.proposed += other.proposed
        self.precise += other.precise
        self.missed += other.missed
        self.imprecise += other.imprecise


def evaluation_dir() -> Path:
    return Path(settings.BASE_DIR) / "fixtures" / "evaluation"


def score_article(article: dict, speakers: dict[str, Speaker], outlets: list[str], folder: Path):
    text = read_source(folder / "articles" / article["file"])
    marked = defaultdict(list)
    for slug, evidence in article["positions"]:
        start = locate(text, evidence, article["file"])
        marked[slug].append((start, start + len(evidence), evidence))
    proposed = [
        (slug, begin, end)
        for slug, reading in read_for_speakers(text, speakers, outlets).items()
        for begin, end in reading_spans(reading)
    ]
    score = StyleScore(article["style"], positions=sum(len(spans) for spans in marked.values()))
    for slug, spans in marked.items():
        for start, end, evidence in spans:
            hit = any(s == slug and overlaps((b, e), (start, end)) for s, b, e in proposed)
            score.found += hit
            if not hit:
                score.missed.append(f"{article['file']}: {evidence}")
    for slug, begin, end in proposed:
        score.proposed += 1
        if any(overlaps((begin, end), (s, e)) for s, e, _ in marked[slug]):
            score.precise += 1
        else:
            score.imprecise.append(f"{article['file']} ({slug}): {text[begin:end]}")
    return score


def reading_spans(reading) -> list[tuple[int, int]]:
    return [
        (statement.source_start + claim.span_start, statement.source_start + claim.span_end)
        for statement in reading.statements
        for claim in statement.claims
    ]


def evaluate(folder: Path | None = None) -> list[StyleScore]:
    """One score per house style, in the order the set lists them."""
    folder = folder or evaluation_dir()
    with open(folder / "positions.toml", "rb") as handle:
        marked = tomllib.load(handle)
    speakers = {
        official["slug"]: Speaker(official["name"], tuple(official.get("aliases", [])))
        for official in marked["officials"]
    }
    outlets = marked["evaluation"]["outlets"]
    scores: dict[str, StyleScore] = {}
    for article in marked["articles"]:
        score = score_article(article, speakers, outlets, folder)
        scores.setdefault(score.style, StyleScore(score.style)).add(score)
    return list(scores.values())
