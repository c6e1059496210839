"""Finding a passage in a source text, for evidence spans given by their words alone."""


class SpanNotFound(ValueError):
    """The passage is missing from the text, or occurs more than once in it."""


def occurrences(text: str, passage: str) -> list[int]:
    """Every offset where the passage starts, overlapping ones included."""
    starts = []
    start = text.find(passage)
    while start != -1 and passage:
        starts.append(start)
        start = text.find(passage, start + 1)
    return starts


def only_span(text: str, passage: str) -> tuple[int, int]:
    """(start, end) of the passage's one occurrence in the text."""
    starts = occurrences(text, passage)
    if not starts:
        raise SpanNotFound("These words are not in the source text, exactly as written.")
    if len(starts) > 1:
        listed = ", ".join(str(start) for start in starts[:5])
        raise SpanNotFound(
            f"These words occur {len(starts)} times in the source text (at {listed}): "
            "quote more of the sentence, or give the span start of the one you mean."
        )
    return starts[0], starts[0] + len(passage)
