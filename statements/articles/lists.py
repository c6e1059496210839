"""Points an official made as a list: "Mammadli made the following points:" then "- …" lines.

Each line of a list paragraph after such a lead is one reported position, without its marker.
"""

import re

from statements.articles.sentences import Span, trim

BULLET = re.compile(r"[ \t]*(?:[-–—•*·▪]|\d{1,2}[.)])[ \t]+")


def list_items(text: str, paragraph: Span) -> list[Span]:
    """The items of a paragraph whose every line is a bullet point, else none."""
    items = []
    start = paragraph.start
    for line in paragraph.text_of(text).split("\n"):
        end = start + len(line)
        marker = BULLET.match(line)
        if not marker:
            return []
        item = trim(text, Span(start + marker.end(), end))
        if item.end > item.start:
            items.append(item)
        start = end + 1
    return items


def ends_in_colon(text: str, sentence: Span) -> bool:
    return sentence.text_of(text).rstrip().endswith(":")
