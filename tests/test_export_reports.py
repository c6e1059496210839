"""A statement told by two reports: the exports name both, say where their wording agrees or
differs as the pages do, give every evidence at level=evidence, and never count it twice."""

import html
import json
import re

import pytest

from statements.models import Claim, Evidence, Statement, Wording
from tests.second_report import URL, add_second_report
from tests.test_export import download, download_json
from tests.test_views import get_html, listed_claim_ids

pytestmark = pytest.mark.django_db

EXPORTED_WORDING = {
    Wording.AGREES: "agrees",
    Wording.DIFFERS: "differs",
    Wording.SINGLE_SOURCE: "single source",
}
EVIDENCE_COLUMNS = [
    "claim_id",
    "claim_url",
    "statement_id",
    "report_id",
    "outlet",
    "is_main",
    "span_start",
    "span_end",
    "quote",
    "text",
    "source_url",
]


@pytest.fixture
def told_twice(seeded) -> Statement:
    statement = Statement.objects.get(venue__slug="tass")
    add_second_report(statement)
    return statement


def page_text(client, url: str) -> str:
    """The words a reader sees on a page: tags dropped, entities read, spaces collapsed."""
    response = client.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", body, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split()).replace(" ,", ",")


def test_claim_rows_name_both_reports_and_each_claims_wording_as_its_page_does(client, told_twice):
    _, records = download(client, "/export.csv?outlet=caspian-ledger")
    claims = Claim.objects.filter(statement=told_twice)
    assert sorted(int(r["claim_id"]) for r in records) == sorted(c.pk for c in claims)
    wordings = {EXPORTED_WORDING[c.wording] for c in claims}
    assert wordings == {"agrees", "differs", "single source"}
    for record in records:
        claim = claims.get(pk=record["claim_id"])
        assert record["report_count"] == "2"
        assert record["reporting_outlets"] == "Trend; Caspian Ledger"
        assert record["wording"] == EXPORTED_WORDING[claim.wording]
        # The other columns still describe the main evidence, in Trend's report.
        assert record["reporting_outlet"] == "Trend" and record["quote"] == claim.quote
        seen = page_text(client, f"/claims/{claim.pk}/")
        outlets = ", ".join(record["reporting_outlets"].split("; "))
        assert f"reported by {outlets} ({record['report_count']} reports)" in seen
        if claim.wording != Wording.SINGLE_SOURCE:
            assert Wording(claim.wording).label in seen


def test_the_wording_the_export_gives_is_the_words_compared(client, told_twice):
    items = download_json(client, "/export.json?q=regime+Khankendi")
    by_quote = {item["quote"][:30]: item for item in items}
    assert by_quote["It is the illegal regime in Kh"]["wording"] == "differs"
    (gray,) = download_json(client, "/export.json?q=gray")
    assert gray["wording"] == "agrees" and gray["report_count"] == 2


def test_a_statement_with_two_reports_is_one_row_and_its_claims_are_not_doubled(client, told_twice):
    _, statements = download(client, "/export.csv?level=statements&outlet=caspian-ledger")
    (row,) = statements
    assert row["statement_id"] == str(told_twice.pk) and row["claim_count"] == "14"
    assert row["report_count"] == "2" and row["reporting_outlets"] == "Trend; Caspian Ledger"
    assert row["reporting_outlet"] == "Trend"  # the main report: the first, none being primary
    _, everything = download(client, "/export.csv")
    assert len(everything) == Claim.objects.published().count() == 25


def test_a_primary_source_describes_the_statement_row(client, told_twice):
    told_twice.reports.filter(outlet__slug="caspian-ledger").update(is_primary=True)
    _, (row,) = download(client, "/export.csv?level=statements&outlet=caspian-ledger")
    assert row["reporting_outlet"] == "Caspian Ledger" and row["source_url"] == URL
    assert row["reporting_outlets"] == "Trend; Caspian Ledger"  # still in the reports' order


def expected_evidence(claim_ids: list[int]) -> list[list[str]]:
    rows = []
    for claim_id in claim_ids:
        spans = Evidence.objects.filter(claim_id=claim_id).select_related("report__outlet")
        for span in sorted(spans, key=lambda e: (not e.is_main, e.report.order)):
            report = span.report
            rows.append(
                [
                    str(claim_id),
                    str(report.statement_id),
                    str(report.pk),
                    report.outlet.name,
                    "true" if span.is_main else "false",
                    str(span.span_start),
                    str(span.span_end),
                    span.quote,
                    report.source_text[span.span_start : span.span_end],
                    report.source_url,
                ]
            )
    return rows


@pytest.mark.parametrize("query", ["outlet=caspian-ledger", "q=gray", "order=oldest"])
def test_the_evidence_level_has_one_row_per_evidence_of_the_view(client, told_twice, query):
    _, claims = download(client, f"/export.csv?{query}")
    header, records = download(client, f"/export.csv?level=evidence&{query}")
    assert header == EVIDENCE_COLUMNS
    claim_ids = [int(record["claim_id"]) for record in claims]
    got = [[value for name, value in r.items() if name != "claim_url"] for r in records]
    assert got == expected_evidence(claim_ids)
    assert all(r["claim_url"].endswith(f"/claims/{r['claim_id']}/") for r in records)


def test_the_evidence_level_in_json_has_booleans_and_numbers(client, told_twice):
    items = download_json(client, "/export.json?level=evidence&q=gray")
    assert [(item["outlet"], item["is_main"]) for item in items] == [
        ("Trend", True),
        ("Caspian Ledger", False),
    ]
    assert all(isinstance(item["span_start"], int) for item in items)
    assert (
        items[1]["quote"] == items[1]["text"] == "There is no place for ‘gray zones’ in Azerbaijan"
    )
    response = client.get("/export.json?level=evidence&q=gray")
    assert "evidence" in response["Content-Disposition"]
    assert json.loads(b"".join(response.streaming_content)) == items


@pytest.mark.parametrize("wording", [Wording.DIFFERS, Wording.AGREES])
def test_the_wording_filter_exports_exactly_the_claims_it_lists(client, told_twice, wording):
    _, records = download(client, f"/export.csv?wording={wording}")
    expected = Claim.objects.filter(wording=wording).in_timeline_order()
    assert [int(r["claim_id"]) for r in records] == [c.pk for c in expected]
    assert {r["wording"] for r in records} == {EXPORTED_WORDING[wording]}
    assert listed_claim_ids(get_html(client, f"/?wording={wording}")) == [c.pk for c in expected]
