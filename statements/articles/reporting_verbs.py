"""The words that report speech in every tense: "said", "has warned", "expressed hope".

A verb is given once by its base form; its other forms are made here, so that adding a verb adds
"notes", "noted", "noting" and "has noted" at once.
"""

import re

# Verbs whose forms follow the usual spelling rules.
REGULAR = [
    "add",
    "note",
    "stress",
    "emphasise",
    "emphasize",
    "recall",
    "state",
    "underline",
    "underscore",
    "explain",
    "warn",
    "argue",
    "insist",
    "declare",
    "remark",
    "mention",
    "highlight",
    "announce",
    "assert",
    "affirm",
    "reiterate",
    "reaffirm",
    "conclude",
    "comment",
    "observe",
    "maintain",
    "complain",
    "critique",
    "criticise",
    "criticize",
    "urge",
    "claim",
    "suggest",
    "indicate",
    "acknowledge",
    "confirm",
    "deny",
    "predict",
    "promise",
    "pledge",
    "vow",
    "reveal",
    "disclose",
    "hint",
    "contend",
    "counter",
    "reply",
    "respond",
    "caution",
    "lament",
    "welcome",
    "praise",
    "condemn",
    "reject",
    "dismiss",
    "accuse",
    "blame",
    "assure",
    "invite",
    "appeal",
    "propose",
    "demand",
    "recommend",
    "estimate",
    "clarify",
    "specify",
    "elaborate",
    "forecast",
    "tweet",
    "post",
    "inform",
    "point",
    "believe",
    "stress",
    "opine",
    "reckon",
    "repeat",
    "voice",
    "describe",
    "question",
    "call",
]
# Forms the rules above would get wrong.
IRREGULAR = [
    "say",
    "says",
    "said",
    "saying",
    "tell",
    "tells",
    "told",
    "telling",
    "write",
    "writes",
    "wrote",
    "written",
    "writing",
    "admit",
    "admits",
    "admitted",
    "admitting",
    "signal",
    "signals",
    "signalled",
    "signaled",
    "signalling",
    "regret",
    "regrets",
    "regretted",
    "think",
    "thinks",
    "thought",
]
# Phrases that report speech as a whole.
PHRASES = (
    r"point(?:s|ed|ing)? out",
    r"went on to say",
    r"ma(?:de|kes|king) (?:it )?clear",
    r"call(?:s|ed|ing)? (?:on|for|upon)",
    r"(?:express|voic)(?:es|ed|ing|e) (?:his |her |their )?(?:hope|optimism|concern|confidence|"
    r"regret|belief|satisfaction|support|doubt|disappointment|readiness|conviction)s?",
    r"(?:is|was) (?:quoted|cited)(?: by [A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*)*)? as saying",
    r"gave (?:assurances|an assurance)",
)
# Have, be and will before a verb: "has said", "had warned", "will stress", "was saying".
AUXILIARY = r"(?:(?:has|have|had|is|was|will|would)\s+(?:(?:also|again|\w+ly)\s+){0,2})?"


def stem_and_endings(base: str) -> tuple[str, str]:
    """The verb's stem and the endings its forms add, by the ordinary spelling rules."""
    if base.endswith("e"):
        return base[:-1], "(?:e|es|ed|ing)"
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        return base[:-1], "(?:y|ies|ied|ying)"
    if base.endswith(("s", "sh", "ch", "x", "z")):
        return base, "(?:|es|ed|ing)"
    return base, "(?:|s|ed|ing)"


def verb_pattern() -> str:
    # Stems grouped by their endings keep the pattern short: it is compiled into every
    # reporting phrase of every article. "point" reports speech only as "point out".
    groups: dict[str, list[str]] = {}
    for base in REGULAR:
        if base != "point":
            stem, endings = stem_and_endings(base)
            groups.setdefault(endings, []).append(stem)
    regular = [
        "(?:" + "|".join(sorted(stems, key=len, reverse=True)) + ")" + endings
        for endings, stems in groups.items()
    ]
    irregular = sorted(IRREGULAR, key=len, reverse=True)
    return AUXILIARY + "(?:" + "|".join([*PHRASES, *regular, *irregular]) + ")"


REPORTING_VERB = verb_pattern()
REPORTING_VERB_RE = re.compile(rf"\b{REPORTING_VERB}\b", re.IGNORECASE)
# Verbs that report words only with "that" (or a colon) after them: "told journalists on Tuesday"
# and "answered questions from …" are no positions.
NEEDS_THAT = re.compile(
    r"\b(?:tell|told|answer|repl|respond|comment|writ|wrote|tweet|post|inform|question|describ|"
    r"think|thought|believ)\w*"
)
