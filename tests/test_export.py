"""Exports hold exactly the rows the page lists, in its order, safely for spreadsheets."""

import csv
import io
import json
from datetime import date
from urllib.parse import urlencode

import pytest
from django.conf import settings as django_settings
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from statements.models import Claim, DatePrecision, Evidence, Statement
from statements.ops.claim_tally import tally_paused
from tests.factories import make_claim, make_official, make_outlet, make_statement
from tests.test_views import get_html, listed_claim_ids

pytestmark = pytest.mark.django_db

CLAIM_COLUMNS = [
    "claim_id",
    "claim_url",
    "statement_id",
    "statement_url",
    "date",
    "date_precision",
    "official_name",
    "official_slug",
    "title_as_given",
    "statement_kind",
    "venue",
    "reporting_outlet",
    "dateline",
    "headline",
    "claim_summary",
    "quote",
    "quote_kind",
    "evidence",
    "topics",
    "span_start",
    "span_end",
    "source_url",
    "report_count",
    "reporting_outlets",
    "wording",
]


def download(client, url: str) -> tuple[list[str], list[dict]]:
    response = client.get(url)
    assert response.status_code == 200, response
    assert response.streaming
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    reader = csv.reader(io.StringIO(body[1:], newline=""))
    header, *records = list(reader)
    return header, [dict(zip(header, record, strict=True)) for record in records]


def download_json(client, url: str) -> list[dict]:
    response = client.get(url)
    assert response.status_code == 200
    return json.loads(b"".join(response.streaming_content))


def page_and_export_ids(client, query: str) -> tuple[list[int], list[int]]:
    page_ids = listed_claim_ids(get_html(client, f"/?{query}"))
    _, records = download(client, f"/export.csv?{query}")
    return page_ids, [int(record["claim_id"]) for record in records]


QUERIES = [
    "",
    "order=oldest",
    "topic=karabakh",
    "topic=peace-process&order=oldest",
    "outlet=news-az",
    "official=hikmet-hajiyev&outlet=trend",
    "date_after=2024-01-01",
    "date_before=2023-12-31&topic=humanitarian-access",
    "q=peace",
    "q=Aghdam+Lachin&topic=humanitarian-access",
    "q=nothing-matches-this",
]


@pytest.mark.parametrize("query", QUERIES)
def test_the_csv_holds_exactly_the_claims_the_page_lists_in_its_order(client, seeded, query):
    page_ids, export_ids = page_and_export_ids(client, query)
    assert export_ids == page_ids


WORDS = ["", "peace", "Lachin", "regime", "treaty", "Karabakh", "Azerbaijan", "zzz", "Phoenix"]
DATES = ["", "2023-01-01", "2023-09-16", "2023-12-31", "2024-03-29", "2025-01-01"]


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    params=st.fixed_dictionaries(
        {
            "official": st.sampled_from(["", "hikmet-hajiyev"]),
            "topic": st.sampled_from(["", "karabakh", "peace-process", "humanitarian-access"]),
            "outlet": st.sampled_from(["", "tass", "trend", "news-az", "phoenix-tv"]),
            "date_after": st.sampled_from(DATES),
            "date_before": st.sampled_from(DATES),
            "q": st.lists(st.sampled_from(WORDS), max_size=2).map(" ".join),
            "order": st.sampled_from(["", "oldest"]),
        }
    )
)
def test_any_filter_combination_exports_the_rows_the_page_shows(client, seeded, params):
    query = urlencode({name: value for name, value in params.items() if value})
    page_ids, export_ids = page_and_export_ids(client, query)
    assert export_ids == page_ids


def test_every_column_is_named_and_filled_as_documented(client, seeded):
    header, records = download(client, "/export.csv?q=gray")
    assert header == CLAIM_COLUMNS
    (record,) = records
    claim = Claim.objects.get(pk=record["claim_id"])
    assert record["claim_url"] == f"{django_settings.SITE_URL}/claims/{claim.pk}/"
    assert record["statement_url"] == f"{django_settings.SITE_URL}/statements/{claim.statement_id}/"
    assert record["date"] == "2023-09-16"
    assert record["official_name"] == "Hikmet Hajiyev"
    assert record["official_slug"] == "hikmet-hajiyev"
    assert record["venue"] == "TASS" and record["reporting_outlet"] == "Trend"
    assert record["dateline"] == "BAKU, Azerbaijan"
    assert record["statement_kind"] == "interview"
    assert record["quote"] == "There is no place for 'gray zones' in Azerbaijan"
    assert record["evidence"] == record["quote"]
    assert record["quote_kind"] == "quote"
    assert record["topics"] == "Karabakh; Territorial integrity & sovereignty"
    report = claim.main_evidence.report
    assert (
        report.source_text[int(record["span_start"]) : int(record["span_end"])] == (record["quote"])
    )
    assert record["report_count"] == "1" and record["reporting_outlets"] == "Trend"
    assert record["wording"] == "single source"


def test_a_paraphrase_exports_its_evidence_and_an_empty_quote(client, seeded):
    _, records = download(client, "/export.csv?q=self-defense")
    (record,) = records
    assert record["quote"] == "" and record["quote_kind"] == "paraphrase"
    assert record["evidence"].startswith("Azerbaijan was compelled to exercise its right")


def test_awkward_text_survives_the_round_trip(client):
    awkward = 'He said "yes, no", then\nleft; Ünïcödé — Азербайджан 中文 🙂, ok'
    statement = make_statement(
        source_text=f"Intro. {awkward} Outro.", headline='A "quoted", headline'
    )
    make_claim(statement, awkward, summary='Commas, "quotes"\r\nand newlines')
    _, records = download(client, "/export.csv")
    (record,) = records
    assert record["quote"] == awkward
    assert record["headline"] == 'A "quoted", headline'
    assert record["claim_summary"] == 'Commas, "quotes"\r\nand newlines'
    (item,) = download_json(client, "/export.json")
    assert item["quote"] == awkward


@pytest.mark.parametrize(
    "payload", ['=HYPERLINK("http://x")', "+1+2", "-2+3", "@SUM(A1)", "\tTAB", "\rCR"]
)
def test_formula_like_cells_are_shown_as_text_in_spreadsheets(client, payload):
    official = make_official(payload, slug="formula")
    statement = make_statement(official, headline=payload, source_text=f"x {payload} y")
    make_claim(statement, payload, summary=payload)
    _, records = download(client, "/export.csv")
    (record,) = records
    for column in ("official_name", "headline", "claim_summary", "quote"):
        assert record[column] == "'" + payload
    (item,) = download_json(client, "/export.json")
    assert item["quote"] == payload


def test_numbers_are_not_mistaken_for_formulas(client, seeded):
    _, records = download(client, "/export.csv?q=gray")
    assert records[0]["span_start"].isdigit()


def test_an_empty_result_is_the_header_alone(client, seeded):
    header, records = download(client, "/export.csv?q=nothing-matches-this")
    assert header == CLAIM_COLUMNS and records == []
    assert download_json(client, "/export.json?q=nothing-matches-this") == []


def test_the_json_export_holds_the_same_rows_as_the_csv(client, seeded):
    _, records = download(client, "/export.csv?topic=karabakh")
    items = download_json(client, "/export.json?topic=karabakh")
    assert [item["claim_id"] for item in items] == [int(r["claim_id"]) for r in records]
    assert items[0].keys() == records[0].keys()
    assert all(isinstance(item["span_start"], int) for item in items)


def test_statement_level_has_one_row_per_statement_on_the_page(client, seeded):
    header, records = download(client, "/export.csv?level=statements&order=oldest")
    assert header[:3] == ["statement_id", "statement_url", "date"]
    assert [r["date"] for r in records] == ["2023-09-16", "2024-03-29"]
    assert [r["claim_count"] for r in records] == ["14", "11"]
    _, records = download(client, "/export.csv?level=statements&outlet=tass")
    assert [r["venue"] for r in records] == ["TASS"]
    assert "Humanitarian access & roads" in records[0]["topics"]


def test_a_month_precise_date_is_exported_at_month_precision(client):
    statement = make_statement(date=date(2020, 10, 1), date_precision=DatePrecision.MONTH)
    make_claim(statement, "We will build the bridge.")
    _, records = download(client, "/export.csv")
    assert records[0]["date"] == "2020-10" and records[0]["date_precision"] == "month"


def test_the_file_name_names_the_filters_and_the_day(client, seeded):
    response = client.get("/export.csv?topic=karabakh&date_after=2023-01-01")
    disposition = response["Content-Disposition"]
    today = date.today().isoformat()
    expected = f"statement-timeline_claims_topic-karabakh_from-2023-01-01_{today}.csv"
    assert disposition == f'attachment; filename="{expected}"'


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("date_after=31/12/2023", "Date: Enter a valid date."),
        ("topic=nope", "Topic: Select a valid choice."),
        ("level=everything", "Unknown level"),
    ],
)
def test_bad_filters_are_refused_and_nothing_is_exported(client, seeded, query, message):
    response = client.get(f"/export.csv?{query}")
    assert response.status_code == 400
    assert message in response.content.decode()
    assert "claim_id" not in response.content.decode()
    assert "nothing was sent" in response.content.decode()


def test_an_operators_row_limit_is_announced_in_headers_and_file(client, seeded, settings):
    settings.EXPORT_MAX_ROWS = 3
    response = client.get("/export.csv")
    assert response["X-Export-Row-Limit"] == "3" and response["X-Export-Truncated"] == "yes"
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    lines = list(csv.reader(io.StringIO(body)))
    assert len(lines) == 1 + 3 + 1
    assert lines[-1][0].startswith("# Truncated: this export stops at 3 rows")
    assert client.get("/export.csv?q=gray")["X-Export-Truncated"] == "no"


def test_without_a_limit_every_row_is_exported(client, settings):
    settings.EXPORT_MAX_ROWS = None
    points = [f"Point {n}." for n in range(2500)]  # more than one fetch of CHUNK_SIZE rows
    statement = make_statement(source_text=" ".join(points))
    report = statement.reports.get()
    with transaction.atomic(), tally_paused():  # the month counted once, not once a claim
        claims = Claim.objects.bulk_create(
            Claim(statement=statement, order=order, summary="t")
            for order in range(1, len(points) + 1)
        )
    spans, offset = [], 0
    for claim, point in zip(claims, points, strict=True):
        spans.append(
            Evidence(
                claim=claim,
                report=report,
                is_main=True,
                quote=point,
                span_start=offset,
                span_end=offset + len(point),
            )
        )
        offset += len(point) + 1
    Evidence.objects.bulk_create(spans)
    response = client.get("/export.csv")
    assert "X-Export-Row-Limit" not in response
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    exported = [row["quote"] for row in csv.DictReader(io.StringIO(body))]
    assert sorted(exported) == sorted(points)


def test_the_admin_action_exports_the_selected_claims_and_statements(admin_client, seeded):
    chosen = list(Claim.objects.filter(topics__slug="security").values_list("pk", flat=True))
    data = {"action": "export_selected_as_csv", "_selected_action": chosen}
    response = admin_client.post("/admin/statements/claim/", data)
    assert response.status_code == 200 and response.streaming
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    ids = [int(row["claim_id"]) for row in csv.DictReader(io.StringIO(body))]
    assert sorted(ids) == sorted(chosen)
    statement = Statement.objects.get(venue__slug="tass")
    data = {"action": "export_selected_as_csv", "_selected_action": [statement.pk]}
    response = admin_client.post("/admin/statements/statement/", data)
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    (row,) = csv.DictReader(io.StringIO(body))
    assert row["statement_id"] == str(statement.pk) and row["claim_count"] == "14"


def test_the_official_pages_export_link_keeps_the_official(client, seeded):
    other = make_official("Other Person")
    make_claim(make_statement(other, venue=make_outlet("Wire")), "We will build the bridge.")
    html = get_html(client, "/officials/other-person/?q=bridge")
    assert 'href="/export.csv?q=bridge&amp;official=other-person"' in html
    _, records = download(client, "/export.csv?q=bridge&official=other-person")
    assert [r["official_slug"] for r in records] == ["other-person"]
