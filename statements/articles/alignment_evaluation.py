"""Precision and recall of pairing a second report's quotations with a stored statement's claims.

`fixtures/evaluation/reports/reports.toml` pairs evaluation articles with second reports written
for them, and lists the pairs a curator would record as one claim and the positions that are
new. Each stored article is read for its official as an import stores it, the second report the
same way, and the two are paired (quote_matching.py) at each threshold. A match is right when
its words in the report and its stored claim overlap an expected pair; a stored position is
found when a right match pairs it; a proposed claim is right when it overlaps a new position.
"""

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from statements.articles.cast import read_for_speakers
from statements.articles.evaluation import evaluation_dir
from statements.articles.quote_matching import Known, found_in, match_quotations
from statements.articles.recall import overlaps
from statements.articles.speakers import Speaker
from statements.ops.seed_fixtures import locate, read_source

THRESHOLDS = (0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.0)


@dataclass
class AlignmentScore:
    threshold: float
    positions: int = 0  # stored positions a second report gives again
    found: int = 0
    matched: int = 0
    right: int = 0
    new: int = 0  # positions only the second report gives
    new_proposed: int = 0
    proposed: int = 0
    proposed_right: int = 0
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.positions if self.positions else 1.0

    @property
    def precision(self) -> float:
        return self.right / self.matched if self.matched else 1.0


@dataclass
class ReadPair:
    """One stored article and its second report, each read for the official."""

    label: str
    report_text: str
    stored_spans: list[tuple[int, int]]
    known: list[Known]
    found: list
    expected: list[tuple[tuple[int, int], tuple[int, int], str]]
    new: list[tuple[int, int]]


def read_pair(pair: dict, speakers: dict, outlets: list[str], folder: Path) -> ReadPair:
    stored = read_source(folder / "articles" / pair["stored"])
    report = read_source(folder / "reports" / pair["report"])
    stored_found = found_in(read_for_speakers(stored, speakers, outlets)[pair["official"]])
    readings = read_for_speakers(report, speakers, outlets)
    found = found_in(readings[pair["official"]]) if pair["official"] in readings else []
    spans = [(item.start, item.end) for item in stored_found]
    known = [Known(index, (stored[start:end],)) for index, (start, end) in enumerate(spans)]

    def where(text: str, words: str, name: str) -> tuple[int, int]:
        start = locate(text, words, name)
        return start, start + len(words)

    expected = [
        (where(report, new, pair["report"]), where(stored, old, pair["stored"]), old)
        for new, old in pair["matches"]
    ]
    new = [where(report, words, pair["report"]) for words in pair["new"]]
    return ReadPair(pair["report"], report, spans, known, found, expected, new)


def score_pair(read: ReadPair, score: AlignmentScore) -> None:
    pairing = match_quotations(read.report_text, read.found, read.known, score.threshold)
    found_positions = set()
    for match in pairing.matches:
        stored_span = read.stored_spans[match.key]
        hits = [
            old
            for new_span, old_span, old in read.expected
            if overlaps((match.start, match.end), new_span) and overlaps(stored_span, old_span)
        ]
        score.matched += 1
        score.right += bool(hits)
        found_positions.update(hits)
        if not hits:
            score.wrong.append(f"{read.label}: {read.report_text[match.start : match.end]!r}")
    positions = {old for _, _, old in read.expected}
    score.positions += len(positions)
    score.found += len(found_positions)
    score.missed += [f"{read.label}: {old!r}" for old in sorted(positions - found_positions)]
    used = {match.found for match in pairing.matches} | pairing.covered
    proposed = [
        (item.start, item.end) for index, item in enumerate(read.found) if index not in used
    ]
    score.proposed += len(proposed)
    score.proposed_right += sum(any(overlaps(p, new) for new in read.new) for p in proposed)
    score.new += len(read.new)
    score.new_proposed += sum(any(overlaps(p, new) for p in proposed) for new in read.new)


def evaluate_alignment(folder: Path | None = None) -> list[AlignmentScore]:
    """One score per threshold, over every pair of the set."""
    folder = folder or evaluation_dir()
    with open(folder / "positions.toml", "rb") as handle:
        marked = tomllib.load(handle)
    with open(folder / "reports" / "reports.toml", "rb") as handle:
        pairs = tomllib.load(handle)["pairs"]
    speakers = {
        official["slug"]: Speaker(official["name"], tuple(official.get("aliases", [])))
        for official in marked["officials"]
    }
    outlets = marked["evaluation"]["outlets"]
    read = [read_pair(pair, speakers, outlets, folder) for pair in pairs]
    scores = []
    for threshold in THRESHOLDS:
        score = AlignmentScore(threshold)
        for one in read:
            score_pair(one, score)
        scores.append(score)
    return scores
