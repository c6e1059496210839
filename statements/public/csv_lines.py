"""CSV lines written by the database itself: RFC 4180 quoting and the spreadsheet guard in SQL.

Writing twenty-odd cells a row in Python (csv.writer, the guard, joining) took most of an
export's time. The database's own string functions do the same work inside the query, so
Python only passes the text on. The rules are those of csv.writer with every text cell quoted:
a text cell is wrapped in double quotes with its quotes doubled; a text cell that a spreadsheet
would run as a formula (OWASP: it starts with =, +, -, @, a tab or a carriage return; here also
a line feed, the full-width ＝ ＋ － ＠ that spreadsheets read as their ASCII twins, and any of
these after leading spaces, which spreadsheets skip) gets a leading apostrophe, shown as text;
numbers are written as they are; NULL is an empty cell; lines end with CRLF.
"""

FORMULA_STARTS = "=+-@\t\r\n\uff1d\uff0b\uff0d\uff20"
# Spaces a spreadsheet skips before a formula: plain, no-break and ideographic (full-width).
SKIPPED_SPACES = " \u00a0\u3000"
CHARACTER_FUNCTION = {"sqlite": "char({})", "postgresql": "chr({})"}
FIRST_CODE = {"sqlite": "unicode({})", "postgresql": "ascii({})"}

# Kinds of cell: numbers; text the site makes itself (links, dates, fixed choices), which never
# starts like a formula; and any other text, which may.
NUMBER, MADE, TEXT = "number", "made", "text"
APOSTROPHE = "''''"  # one apostrophe, as an SQL string


def literal(character: str, vendor: str) -> str:
    """One character as an SQL expression."""
    if character.isprintable():
        return "'" + character.replace("'", "''") + "'"
    return CHARACTER_FUNCTION[vendor].format(ord(character))


def quoted(sql: str) -> str:
    return f"""COALESCE('"' || replace({sql}, '"', '""') || '"', '')"""


def starts_like_formula(text: str) -> bool:
    """The rule the SQL below applies, in Python."""
    first = text.lstrip(SKIPPED_SPACES)[:1]
    return bool(first) and first in FORMULA_STARTS


def guarded(sql: str, vendor: str) -> str:
    """The text, with an apostrophe before it if it starts like a formula. Its first character's
    code is tried first: nearly every text starts otherwise, and trimming costs far more."""
    codes = ", ".join(str(ord(character)) for character in FORMULA_STARTS + SKIPPED_SPACES)
    starts = ", ".join(literal(character, vendor) for character in FORMULA_STARTS)
    spaces = " || ".join(literal(character, vendor) for character in SKIPPED_SPACES)
    first = f"substr(ltrim({sql}, {spaces}), 1, 1)"
    check = f"{FIRST_CODE[vendor].format(sql)} IN ({codes}) AND {first} IN ({starts})"
    return f"CASE WHEN {check} THEN {APOSTROPHE} || {sql} ELSE {sql} END"


def cell(kind: str, sql: str, vendor: str) -> str:
    """A cell from the SQL of its value (named three times for a text cell: select the value
    once, in a subquery, and name it here)."""
    if kind == NUMBER:
        return f"COALESCE(CAST({sql} AS TEXT), '')"
    if kind == MADE:
        return quoted(sql)
    return quoted(guarded(sql, vendor))


def line(cells: list[tuple[str, str]], vendor: str) -> str:
    """One CSV line from its cells, each the SQL of its value and its kind."""
    pieces = [cell(kind, sql, vendor) for sql, kind in cells]
    end_of_line = f"{literal(chr(13), vendor)} || {literal(chr(10), vendor)}"
    # The line in one call: a chain of || copies the growing line once for every piece.
    if vendor == "sqlite":  # printf's format passes Django's placeholders: % is written twice
        line_format = ",".join(["%%s"] * len(pieces))
        return f"printf('{line_format}' || {end_of_line}, {', '.join(pieces)})"
    separated = ", ',', ".join(pieces)
    return f"concat({separated}) || {end_of_line}"
