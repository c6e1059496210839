"""Evidence given by its words: the span is found in the chosen report's text, or checked there.

Both the claim's main evidence (on the claim forms) and its further evidence in other reports
(the Evidence inline) are located the same way, with the same messages.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import Truncator

from statements.spans import SpanNotFound, only_span

SPAN_FIELDS = ("span_start", "span_end")
FIND_HELP = " Leave empty to have it found from the quote."


class VerbatimTextField(forms.CharField):
    """Text kept exactly as typed or pasted: no stripping, and browsers' CRLF newlines made LF."""

    def __init__(self, **kwargs) -> None:
        kwargs["strip"] = False
        super().__init__(**kwargs)

    def to_python(self, value: str | None) -> str:
        return super().to_python(value).replace("\r\n", "\n")


def span_to_find(cleaned: dict, changed: list[str], stored: bool) -> bool:
    """Whether the span is to be found from the quote rather than taken as given."""
    if cleaned.get("span_start") is None or cleaned.get("span_end") is None:
        return True
    # A corrected quote, or another report, with the old span left as it was: find the words.
    span_edited = set(SPAN_FIELDS) & set(changed)
    return stored and bool({"quote", "report"} & set(changed)) and not span_edited


def locate(text: str, cleaned: dict, find: bool, direct_quote: bool) -> None:
    """Fill the cleaned span (and a direct quote given by its span alone) from the report's text,
    or raise ValidationError naming the field at fault."""
    quote, start, end = (
        cleaned.get("quote") or "",
        cleaned.get("span_start"),
        cleaned.get("span_end"),
    )
    if quote and find:
        if start is not None and end is None:
            end = start + len(quote)
        else:
            try:
                start, end = only_span(text, quote)
            except SpanNotFound as problem:
                raise ValidationError({"quote": str(problem)}) from problem
    if start is None or end is None:
        raise ValidationError(
            {"span_start": "Give the evidence span, or the quote so that its span can be found."}
        )
    if not 0 <= start < end <= len(text):
        raise ValidationError(
            {
                "span_end": f"The span {start}–{end} lies outside the report's text, which is "
                f"{len(text)} characters long."
            }
        )
    words = text[start:end]
    if quote and quote != words:
        shown = Truncator(words).chars(200)
        raise ValidationError(
            {
                "quote": f"The quote does not match the report's text at {start}–{end}, "
                f"which reads “{shown}”."
            }
        )
    cleaned.update(span_start=start, span_end=end, quote=quote or (words if direct_quote else ""))


def relax_span_fields(form: forms.Form) -> None:
    for name in SPAN_FIELDS:
        form.fields[name].required = False
        form.fields[name].help_text += FIND_HELP
