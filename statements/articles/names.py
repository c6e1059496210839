"""Whether a name printed in an article is an official's, whatever its spelling.

Sources spell one person many ways: "Hikmet Hajiyev", "Hikmat Hajiyev", "H. Hajiyev", "Hacıyev",
"Sergey Lavrentiev" for "Sergei Lavrentyev". Each word is reduced to a key that keeps its
consonants in classes that transliterations swap (c/ç/ch/j/dzh, q/g/k, x/kh/h, w/v/f), drops
the vowels that they swap (a/e/ə, i/ı/y), and keeps a feminine ending -a, so that Aliyev and
Aliyeva stay two people. A surname matches by its key; a given name before it must match by
its key or by its initial.
"""

import re
import unicodedata

SPECIAL_LETTERS = str.maketrans({"ə": "a", "Ə": "a", "ı": "i", "İ": "i", "ß": "ss", "ø": "o"})
SOUND_CLASSES = [
    (re.compile(r"dzh|dj|zh|ch|c|j"), "j"),
    (re.compile(r"kh|x|h"), "h"),
    (re.compile(r"sh|sch"), "s"),
    (re.compile(r"ck|q|g|k"), "k"),
    (re.compile(r"ph|w|f|v"), "v"),
    (re.compile(r"ts|tz"), "c"),
]
VOWELS = re.compile(r"[aeiouy]")
DOUBLED = re.compile(r"(.)\1+")
NAME_WORD = re.compile(r"(?<![\w.])([^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*)(?!\w)")
INITIAL = re.compile(r"([^\W\d_])\.\s*$")


def folded(word: str) -> str:
    """Lower case, without diacritics: "Hacıyev" → "haciyev"."""
    decomposed = unicodedata.normalize("NFKD", word.translate(SPECIAL_LETTERS))
    return "".join(char for char in decomposed if not unicodedata.combining(char)).lower()


def name_key(word: str) -> str:
    """The word's sound key: "Hajiyev", "Hacıyev" and "Gadjiyev" share "hjv" (g aside)."""
    plain = re.sub(r"[^a-z]", "", folded(word))
    if not plain:
        return ""
    feminine = "a" if plain.endswith("a") and len(plain) > 3 else ""
    for pattern, sound in SOUND_CLASSES:
        plain = pattern.sub(sound, plain)
    consonants = plain[0] + VOWELS.sub("", plain[1:])
    return DOUBLED.sub(r"\1", consonants) + feminine


def initial_of(word: str) -> str:
    return name_key(word)[:1]


def full_names(names: list[str]) -> list[tuple[list[str], str]]:
    """(given names, surname) of each name of two or more capitalised words."""
    found = []
    for name in names:
        words = name.split()
        if len(words) >= 2 and all(word[:1].isupper() for word in words):
            found.append((words[:-1], words[-1]))
    return found


def given_name_before(text: str, start: int) -> str | None:
    """The capitalised word or initial just before a surname, if it is written "Given Surname"."""
    before = text[max(0, start - 40) : start]
    initial = INITIAL.search(before)
    if initial:
        return initial.group().strip()
    word = re.search(r"([^\W\d_][^\W\d_'’-]*)[ \t]+$", before)
    return word.group(1) if word and word.group(1)[:1].isupper() else None


def given_matches(given: str, expected: list[str]) -> bool:
    if given.endswith("."):
        return initial_of(given) == initial_of(expected[0])
    return any(name_key(given) == name_key(word) for word in expected)


def forms_in_text(text: str, names: list[str]) -> list[str]:
    """How the text writes the person named: "Hacıyev", "H. Hajiyev", "Hikmat Hajiyev"."""
    wanted = {name_key(surname): given for given, surname in full_names(names)}
    wanted.pop("", None)
    found: dict[str, None] = {}
    for match in NAME_WORD.finditer(text):
        word = match.group(1)
        if not word[:1].isupper() or len(word) < 3:
            continue
        given_expected = wanted.get(name_key(word))
        if given_expected is None:
            continue
        given = given_name_before(text, match.start())
        if given and given_matches(given, given_expected):
            found[f"{given} {word}"] = None
            found[word] = None
        elif given is None or not looks_like_a_given_name(given):
            found[word] = None
    return list(found)


def looks_like_a_given_name(word: str) -> bool:
    """A capitalised word before a surname that is no title or word of a sentence's start."""
    return word[:1].isupper() and not word.endswith(".") and folded(word) not in NOT_GIVEN_NAMES


# Capitalised words often printed before a surname that are not given names.
NOT_GIVEN_NAMES = set(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "president",
        "minister",
        "deputy",
        "ambassador",
        "envoy",
        "spokesman",
        "spokeswoman",
        "adviser",
        "advisor",
        "assistant",
        "aide",
        "secretary",
        "chairman",
        "chairwoman",
        "head",
        "director",
        "governor",
        "mayor",
        "senator",
        "general",
        "colonel",
        "premier",
        "chancellor",
        "commissioner",
        "representative",
        "official",
        "the",
        "said",
        "by",
        "and",
        "with",
        "to",
        "told",
        "as",
        "of",
        "for",
        "from",
        "according",
        "when",
        "after",
    ]
)
