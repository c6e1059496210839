"""The spreadsheet guard catches formulas behind a line feed, spaces or full-width signs."""

import pytest

from statements.public.csv_lines import starts_like_formula
from tests.factories import make_claim, make_official, make_outlet, make_statement
from tests.test_export import download, download_json

pytestmark = pytest.mark.django_db

FORMULAS = [
    "\n=1+1",
    ' =HYPERLINK("http://x")',
    "   +1+2",
    "＝1+1",
    "＋1+2",
    "－2+3",
    "＠SUM(A1)",
    "\u3000＝1+1",
    "\u00a0-2+3",
    " \tTAB",
]
PLAIN = [" plain words", "ＡＢＣ full-width letters", "a = b", "\u3000indented"]
TEXT_COLUMNS = (
    "official_name",
    "headline",
    "claim_summary",
    "quote",
    "reporting_outlet",
    "reporting_outlets",
)
EVIDENCE_TEXT_COLUMNS = ("outlet", "quote", "text")


def export_one(client, text: str) -> tuple[dict, dict, dict]:
    official = make_official(text, slug="guarded")
    outlet = make_outlet(text, slug="guarded")
    statement = make_statement(
        official, headline=text, source_text=f"x {text} y", reporting_outlet=outlet
    )
    make_claim(statement, text, summary=text)
    _, (record,) = download(client, "/export.csv")
    (item,) = download_json(client, "/export.json")
    _, (evidence,) = download(client, "/export.csv?level=evidence")
    return record, item, evidence


@pytest.mark.parametrize("payload", FORMULAS)
def test_a_formula_behind_spaces_or_in_full_width_is_shown_as_text(client, payload):
    record, item, evidence = export_one(client, payload)
    for column in TEXT_COLUMNS:
        assert record[column] == "'" + payload
    for column in EVIDENCE_TEXT_COLUMNS:
        assert evidence[column] == "'" + payload
    assert item["quote"] == payload and item["reporting_outlets"] == payload
    assert starts_like_formula(payload)


@pytest.mark.parametrize("text", PLAIN)
def test_text_that_only_looks_unusual_is_left_alone(client, text):
    record, _, evidence = export_one(client, text)
    for column in TEXT_COLUMNS:
        assert record[column] == text
    for column in EVIDENCE_TEXT_COLUMNS:
        assert evidence[column] == text
    assert not starts_like_formula(text)
