"""Article input: the bytes we accept, and the optional ` date YYYY-MM-DD` first line."""

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import BinaryIO

from statements.models import DatePrecision

MAX_ARTICLE_BYTES = 2 * 1024 * 1024
MAX_ARTICLE_LABEL = "2 MB"

# The seed scraper's first line; anything after the date on that line is part of the article.
DATE_LINE = re.compile(r"\s*date (\d{4})-(\d{2})(?:-(\d{2}))?(?!\d)")
DATE_GIVEN = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")

ALLOWED_CONTROLS = {"\n", "\r", "\t", "\f"}
FIRST_YEAR = 1900
QUOTATION_MARKS = '"“”«»„'


class ArticleError(ValueError):
    """The input cannot be imported; the message tells the person importing why."""


@dataclass(frozen=True)
class Dated:
    day: date
    precision: str = DatePrecision.DAY


def check_size(size: int) -> None:
    if size > MAX_ARTICLE_BYTES:
        megabytes = size / 1024 / 1024
        raise ArticleError(
            f"The article is {megabytes:.1f} MB; the limit is {MAX_ARTICLE_LABEL}. "
            "Import the article text alone, not a whole page or archive."
        )


def read_bounded(stream: BinaryIO) -> bytes:
    """At most the limit and one byte more from a file, pipe or device: never more than that."""
    data = stream.read(MAX_ARTICLE_BYTES + 1)
    if len(data) > MAX_ARTICLE_BYTES:
        raise ArticleError(
            f"The article is longer than {MAX_ARTICLE_LABEL}, the limit; reading stopped there. "
            "Import the article text alone, not a whole page, archive or device."
        )
    return data


def check_quotation_count(text: str, most_quotations: int, most_claims: int) -> None:
    """Far more quotations than claims may be imported would only be read to be refused."""
    marks = sum(text.count(mark) for mark in QUOTATION_MARKS)
    if marks > 2 * most_quotations:
        raise ArticleError(
            f"The article holds about {marks // 2:,} quotations; at most {most_claims:,} claims "
            "are imported at once. Import it in parts."
        )


def check_year(day: date) -> None:
    """Statements are dated from 1900 through next year; other years are typing mistakes."""
    last = date.today().year + 1
    if not FIRST_YEAR <= day.year <= last:
        raise ArticleError(
            f"{day.isoformat()} is out of range: dates from {FIRST_YEAR} through {last} are "
            "accepted."
        )


def decode_article(data: bytes) -> str:
    """The article as text, or an ArticleError saying why these bytes are not one."""
    check_size(len(data))
    if b"\x00" in data:
        raise ArticleError("This looks like a binary file, not text. Import a plain-text article.")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ArticleError(
            f"The article is not UTF-8 text: the bytes at position {error.start} cannot be read. "
            "Save the article as UTF-8 and import it again."
        ) from error
    # A byte-order mark is an encoding signature, not part of the article.
    return check_text(text.removeprefix("\ufeff"))


def check_text(text: str) -> str:
    """The text itself, once it is known to be a non-empty article of readable characters."""
    check_size(len(text.encode("utf-8")))
    if not text.strip():
        raise ArticleError("The article is empty.")
    controls = sum(
        1 for char in text if unicodedata.category(char) == "Cc" and char not in ALLOWED_CONTROLS
    )
    if controls > 0:
        raise ArticleError(
            f"The text holds {controls} control character(s), as binary files do. "
            "Import a plain-text article."
        )
    return text


def dated(year: str, month: str | None, day: str | None) -> Dated:
    """A date at the precision given: a missing day or month means the 1st."""
    if month is None:
        return Dated(date(int(year), 1, 1), DatePrecision.YEAR)
    if day is None:
        return Dated(date(int(year), int(month), 1), DatePrecision.MONTH)
    return Dated(date(int(year), int(month), int(day)))


def in_range(given: Dated) -> Dated:
    check_year(given.day)
    return given


def read_date_line(text: str) -> tuple[Dated | None, int]:
    """The date on the article's first line, if any, and the offset where the article begins."""
    match = DATE_LINE.match(text)
    if not match:
        return None, 0
    try:
        found = dated(*match.groups())
    except ValueError as error:
        given = match.group().strip()
        raise ArticleError(f"The date line gives an impossible date: {given}.") from error
    try:
        return in_range(found), match.end()
    except ArticleError as error:
        raise ArticleError(f"The date line's date {error}") from error


def parse_date(value: str) -> Dated:
    """A date given by hand: YYYY-MM-DD, or YYYY-MM or YYYY when only the month or year is known."""
    match = DATE_GIVEN.fullmatch(value.strip())
    try:
        found = dated(*match.groups()) if match else None
    except ValueError:
        found = None
    if found is None:
        raise ArticleError(f"“{value}” is not a date: give YYYY-MM-DD, YYYY-MM or YYYY.")
    try:
        return in_range(found)
    except ArticleError as error:
        raise ArticleError(f"The date {error}") from error
