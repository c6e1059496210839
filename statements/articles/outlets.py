"""Where an article says it comes from: its dateline, the outlet reporting it, and the venue.

Known outlet names are looked for first ("the Chinese Phoenix TV channel" holds "Phoenix TV");
otherwise the capitalised words after "interview with" or before "reports" are proposed as a
new outlet for an editor to confirm.
"""

import re
from dataclasses import dataclass
from itertools import islice

from statements.articles.occasions import MONTH
from statements.articles.speakers import ADVERBS, VERB, Speaker

CAPITALISED_WORDS = r"[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4}"
PLACE = r"[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*)*"
DATELINE = re.compile(
    rf"(?P<place>{PLACE}(?:,\s+{PLACE})?)(?:,\s+{MONTH}\s+\d{{1,2}}(?:,\s+\d{{4}})?)?"
    r"(?:\s*\((?P<agency>[^()\n]{1,40})\))?\s*[.:—–-]+\s*"
)
VENUE_PHRASE = re.compile(
    r"(?:interview (?:with|to|for)|told|speaking (?:to|with)|in remarks to|"
    r"(?:on|in) an? (?:\w+ )?(?:broadcast|programme|program|show) (?:on|of))\s+(?:the\s+)?",
    re.IGNORECASE,
)
MENTIONS_FOR_TITLE = 5
UNKNOWN_REPORTER = re.compile(rf",\s+(?P<name>{CAPITALISED_WORDS})\s+(?:reports|reported)\b")


@dataclass(frozen=True)
class Dateline:
    place: str
    agency: str | None
    end: int


def find_dateline(text: str, starts: list[int]) -> Dateline | None:
    """A dateline ("BAKU, Azerbaijan, September 16." or "Baku (Trend) –") opening a paragraph."""
    for start in starts:
        match = DATELINE.match(text, start)
        # A place alone ("Baku.") could be any sentence; a date or an agency makes it a dateline.
        if match and (match["month"] or match["agency"]):
            return Dateline(match["place"], match["agency"], match.end())
    return None


def known_name_in(words: str, known: list[str]) -> str | None:
    """The known outlet named first in the words."""
    found = []
    for name in known:
        match = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", words, re.IGNORECASE)
        if match:
            found.append((match.start(), -len(name), name))
    return min(found)[2] if found else None


def venue_in(attributions: list[str], known: list[str]) -> str | None:
    """The outlet an official spoke to, from words like "in an interview with TASS"."""
    for words in attributions:
        named = venue_named(words, known)
        if named:
            return named
    return None


def venue_named(words: str, known: list[str]) -> str | None:
    for phrase in VENUE_PHRASE.finditer(words):
        following = words[phrase.end() : phrase.end() + 80]
        named = known_name_in(following, known)
        if named:
            return named
        unknown = re.match(CAPITALISED_WORDS, following)
        if unknown:
            return unknown.group().rstrip(".,")
    return None


def reporting_outlet_in(text: str, known: list[str], dateline: Dateline | None) -> str | None:
    """Who publishes the article: "(Trend)" in the dateline, "News.Az reports", a sign-off."""
    if dateline and dateline.agency:
        return known_name_in(dateline.agency, known) or dateline.agency.strip()
    for name in known:
        escaped = re.escape(name)
        reports = rf"(?<!\w){escaped}\s+(?:reports|reported)\b|\breported by\s+{escaped}(?!\w)"
        if re.search(reports, text, re.IGNORECASE):
            return name
    signed = text.rstrip().rsplit("\n", 1)[-1].strip()
    named = known_name_in(signed, known)
    if named and len(signed) <= len(named) + 2:
        return named
    unknown = UNKNOWN_REPORTER.search(text)
    return unknown["name"] if unknown else None


def title_as_given(text: str, speaker: Speaker) -> str:
    """The official's title as printed after their name: "Hikmet Hajiyev, Assistant to …, said"."""
    titled = re.compile(rf",\s+(?P<title>[A-Z][^\"“”«»\n]{{2,300}}?),\s+{ADVERBS}{VERB}")
    # A title comes with one of the first mentions, if at all.
    for mention in islice(speaker.mention.finditer(text), MENTIONS_FOR_TITLE):
        match = titled.match(text, mention.end())
        if match:
            return match["title"].strip()
    return ""


# Words in the names of channels, papers, agencies and sites.
MEDIA_WORDS = re.compile(
    r"\b(?:TV|Television|Radio|Channel|News|Times|Post|Agency|Daily|Press|Gazette|Journal|"
    r"Review|Weekly|Broadcasting|Broadcast|Telegraph|Herald|Tribune|Wire|Report|Media|Online|"
    r"Magazine|Monitor|Observer|Chronicle|Express|Mirror|Guardian|Independent|Standard|"
    r"Today|Network|Service|Info|Vesti|Izvestia|Kommersant|Pravda|Xinhua|Reuters|Bloomberg)\b"
    r"|\.(?:com|org|net|az|ru|ge|am|tr|ua|info|news|tv)\b",
    re.IGNORECASE,
)
ACRONYM = re.compile(r"[A-Z]{2,}(?:[- ][A-Z0-9]+)*")
PERSON_OR_TITLE = re.compile(
    r"\b(?:minister|president|adviser|advisor|assistant|aide|head|deputy|spokes\w+|ambassador|"
    r"envoy|secretary|chairman|chairwoman|director|governor|mayor|official|representative|"
    r"Mr|Mrs|Ms|Dr)\b",
    re.IGNORECASE,
)


def looks_like_an_outlet(name: str, person_names: list[str]) -> bool:
    """Whether a name not stored may be a new outlet: never a person's name or a job title."""
    if PERSON_OR_TITLE.search(name):
        return False
    lowered = name.lower()
    if any(person.lower() in lowered for person in person_names if len(person) > 3):
        return False
    return bool(MEDIA_WORDS.search(name) or ACRONYM.fullmatch(name.strip()))
