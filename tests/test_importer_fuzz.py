"""No text crashes the reader, and every claim it proposes is a true span of its source."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from statements.articles.cast import read_for_speakers
from statements.articles.speakers import Speaker

PIECES = [
    "Hajiyev",
    "Hikmat Hacıyev",
    "H.",
    "Kovač",
    "Marta Kovac",
    " said",
    " said that",
    " told TASS that",
    " expressed hope that",
    "he said",
    "the minister",
    "According to him,",
    "In his words,",
    '"',
    "“",
    "”",
    "«",
    "»",
    "'",
    ":",
    ",",
    ".",
    "?",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "— ",
    "Q: ",
    "A: ",
    "Evening Post: ",
    "interview",
    "In March 2019,",
    "back then",
    "peace is close",
    "We will sign the treaty",
    "the border is calm",
]

SPEAKERS = {"hajiyev": Speaker("Hikmet Hajiyev", ("Hajiyev",)), "kovac": Speaker("Marta Kovac")}


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=60))
def test_no_text_crashes_the_reader_and_every_span_is_true(pieces):
    text = " date 2024-05-02\n" + "".join(pieces)
    for reading in read_for_speakers(text, SPEAKERS).values():
        for statement in reading.statements:
            source = statement.source_text
            assert text[statement.source_start :].startswith(source)
            for claim in statement.claims:
                assert 0 <= claim.span_start < claim.span_end <= len(source)
                assert claim.quote in ("", source[claim.span_start : claim.span_end])
