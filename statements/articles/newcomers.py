"""People an article quotes who are not stored officials, named with a title.

"Armenian Foreign Ministry spokesperson Ani Badalyan said …" or "Ani Badalyan, spokesperson of
the ministry, said …": the importer names them in a warning, so that the editor can add them as
officials and import again. Nobody is created from a title alone.
"""

import re

from statements.articles.names import name_key
from statements.articles.speakers import ROLE_NOUNS, VERB, Speaker

NAME = r"(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})"
ROLE = rf"(?i:{ROLE_NOUNS}|spokesperson)"
TITLE_FIRST = rf"(?P<title>(?:[A-Z][\w'’.-]*\s+){{0,5}}{ROLE})"
TITLE_AFTER = rf"(?P<title>[^,\"“”«»\n]{{0,80}}?\b{ROLE}\b[^,\"“”«»\n]{{0,80}})"
FORMS = [
    re.compile(rf"\b{TITLE_FIRST}\s+{NAME}\s+{VERB}"),
    re.compile(rf"\b{NAME},\s+{TITLE_AFTER},\s+{VERB}"),
    re.compile(rf"\b{VERB}\s+{TITLE_FIRST}\s+{NAME}"),
]
MOST_NAMED = 5


def quoted_strangers(text: str, known: list[Speaker]) -> list[tuple[str, str]]:
    """(name, title) of people quoted with a title who are none of the known speakers."""
    known_keys = {
        name_key(word) for speaker in known for name in speaker.names for word in name.split()
    }
    found: dict[str, str] = {}
    for form in FORMS:
        for match in form.finditer(text):
            name = match["name"]
            surname_key = name_key(name.split()[-1])
            if surname_key in known_keys or name in found:
                continue
            found[name] = " ".join(match["title"].split())
    return list(found.items())[:MOST_NAMED]


def stranger_notices(text: str, known: list[Speaker]) -> list[str]:
    return [
        f"Also quoted, but not a stored official: {name} ({title}). Add them as an official "
        "and import the article again for a draft of theirs."
        for name, title in quoted_strangers(text, known)
    ]
