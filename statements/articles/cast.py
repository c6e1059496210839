"""Everyone an article quotes: which known officials it names, and a reading for each of them.

The official with the most claims (then the one named most often) gets the statement holding the
whole article; every other official quoted gets statements holding only the passages that
report them, since one text can back only one statement.
"""

from collections.abc import Hashable

from statements.articles.interviews import find_exchange
from statements.articles.proposal import Reading, read_article
from statements.articles.source import read_date_line
from statements.articles.speakers import Company, Speaker, as_written_in


def named_speakers(text: str, speakers: dict[Hashable, Speaker]) -> dict[Hashable, Speaker]:
    """The speakers the text names, each with the spellings it uses, most often named first."""
    found = []
    for key, speaker in speakers.items():
        written = as_written_in(speaker, text)
        mentions = [match.start() for match in written.mention.finditer(text)]
        if mentions:
            found.append((-len(mentions), mentions[0], key, written))
    return {key: written for _, _, key, written in sorted(found, key=lambda f: f[:2])}


def interviewee_of(text: str, named: dict[Hashable, Speaker]) -> Hashable | None:
    """In a question-and-answer interview, the speaker named most before the first question."""
    _, body_start = read_date_line(text)
    exchange = find_exchange(text, body_start)
    if exchange is None:
        return None
    intro = text[: exchange.first_question]
    counted = [(len(speaker.mention.findall(intro)), key) for key, speaker in named.items()]
    best = max(counted, key=lambda count: count[0], default=(0, None))
    return best[1] if best[0] else None


def read_for_speakers(
    text: str, speakers: dict[Hashable, Speaker], known_outlets: list[str] = (), **given
) -> dict[Hashable, Reading]:
    """A reading for every speaker the text quotes; the first holds the whole article.

    When nobody is quoted, the speaker named most often gets a reading with no claims, so that
    the caller can say why nothing was found.
    """
    named = named_speakers(text, speakers)
    if not named:
        return {}
    interviewee = interviewee_of(text, named)

    def company(key: Hashable) -> Company:
        others = tuple(speaker for other, speaker in named.items() if other != key)
        return Company(key == interviewee, others)

    drafts = {
        key: read_article(text, speaker, known_outlets, company=company(key), **given)
        for key, speaker in named.items()
    }
    counts = {key: claim_count(reading) for key, reading in drafts.items()}
    quoted = sorted((key for key in named if counts[key]), key=lambda key: -counts[key])
    if not quoted:
        first = next(iter(named))
        return {first: drafts[first]}
    readings = {quoted[0]: drafts[quoted[0]]}
    taken = {statement.source_text for statement in drafts[quoted[0]].statements}
    for key in quoted[1:]:
        readings[key] = read_article(
            text,
            named[key],
            known_outlets,
            company=company(key),
            taken=taken,
            published=given.get("published"),
        )
    return readings


def claim_count(reading: Reading) -> int:
    return sum(len(statement.claims) for statement in reading.statements)
