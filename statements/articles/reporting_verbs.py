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
    r"(?:is|was) quoted as saying",
    r"gave (?:assurances|an assurance)",
)
# Have, be and will before a verb: "has said", "had warned", "will stress", "was saying".
AUXILIARY = r"(?:(?:has|have|had|is|was|will|would)\s+(?:also\s+|again\s+|repeatedly\s+)?)?"


def forms(base: str) -> list[str]:
    """The verb's present, past and -ing forms, by the ordinary spelling rules."""
    if base.endswith("e"):
        return [base, base + "s", base + "d", base[:-1] + "ing"]
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        return [base, base[:-1] + "ies", base[:-1] + "ied", base + "ing"]
    plural = base + "es" if base.endswith(("s", "sh", "ch", "x", "z")) else base + "s"
    return [base, plural, base + "ed", base + "ing"]


def verb_pattern() -> str:
    # "point" only reports speech as "point out", and "question" only as a verb after its subject.
    single = {form for base in REGULAR if base != "point" for form in forms(base)}
    single.update(IRREGULAR)
    words = sorted(single, key=len, reverse=True)
    return AUXILIARY + "(?:" + "|".join([*PHRASES, *words]) + ")"


REPORTING_VERB = verb_pattern()
REPORTING_VERB_RE = re.compile(rf"\b{REPORTING_VERB}\b", re.IGNORECASE)
# Verbs that report words only with "that" (or a colon) after them: "told journalists on Tuesday"
# and "answered questions from …" are no positions.
NEEDS_THAT = re.compile(
    r"\b(?:tell|told|answer|repl|respond|comment|writ|wrote|tweet|post|inform|question|describ|"
    r"think|thought|believ)\w*"
)
