"""Editors curate through the Django admin's own forms."""

import re

import pytest

from statements.models import Claim, Evidence, Statement
from tests.admin_form import opened
from tests.factories import DEFAULT_TEXT, make_official, make_topic, statement_form

pytestmark = pytest.mark.django_db

ADD_STATEMENT = "/admin/statements/statement/add/"


@pytest.mark.parametrize("model", ["official", "outlet", "topic", "statement", "claim"])
def test_every_list_and_add_page_opens_for_staff(admin_client, seeded, model):
    assert admin_client.get(f"/admin/statements/{model}/").status_code == 200
    assert admin_client.get(f"/admin/statements/{model}/add/").status_code == 200


def test_the_statement_list_searches_and_filters(admin_client, seeded):
    html = admin_client.get("/admin/statements/statement/?q=Khankendi").content.decode()
    assert "Interview with TASS" in html and "Phoenix TV: Armenia" not in html
    html = admin_client.get("/admin/statements/statement/?outlet=tass").content.decode()
    assert "Interview with TASS" in html and "Phoenix TV: Armenia" not in html
    html = admin_client.get("/admin/statements/statement/?outlet=news-az").content.decode()
    assert "Interview with TASS" not in html and "Phoenix TV: Armenia" in html


def test_a_statement_change_page_shows_its_claims_inline(admin_client, seeded):
    statement = Statement.objects.get(venue__slug="tass")
    html = admin_client.get(f"/admin/statements/statement/{statement.pk}/change/").content.decode()
    assert html.count('name="claims-') > 14 * 5
    assert "There is no place for &#x27;gray zones&#x27; in Azerbaijan" in html


def test_an_editor_adds_a_statement_with_a_claim_through_the_admin_form(admin_client):
    official = make_official()
    topic = make_topic()
    quote = "We will build the bridge."
    start = DEFAULT_TEXT.index(quote)
    claim = {
        "order": 1,
        "kind": "quote",
        "summary": "The bridge will be built.",
        "quote": quote,
        "span_start": start,
        "span_end": start + len(quote),
        "topics": [topic.pk],
    }
    response = admin_client.post(ADD_STATEMENT, statement_form(official, [claim]))
    assert response.status_code == 302, response.content.decode()[:2000]
    saved = Claim.objects.get()
    assert saved.evidence == quote
    assert list(saved.topics.all()) == [topic]
    report = saved.statement.reports.get()
    assert report.source_hash and report.source_text == DEFAULT_TEXT
    assert saved.main_evidence.report == report


def test_a_claim_whose_quote_is_not_at_its_span_is_refused_and_nothing_is_saved(admin_client):
    official = make_official()
    claim = {
        "order": 1,
        "kind": "quote",
        "summary": "The bridge will be built.",
        "quote": "We will build the tunnel.",
        "span_start": 0,
        "span_end": len("We will build the tunnel."),
    }
    response = admin_client.post(ADD_STATEMENT, statement_form(official, [claim]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "The quote does not match the report&#x27;s text at 0–25" in html
    assert Statement.objects.count() == 0 and Claim.objects.count() == 0


def test_storing_the_same_article_twice_is_refused_with_a_link_to_the_first(admin_client, seeded):
    stored = Statement.objects.get(venue__slug="tass")
    data = statement_form(stored.official, [], [{"source_text": stored.main_report.source_text}])
    response = admin_client.post("/admin/statements/statement/add/", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert re.search(rf"This exact text is already stored, in statement #{stored.pk}", html)
    assert Statement.objects.count() == 2


def test_the_admin_is_closed_to_anonymous_visitors(client, seeded):
    response = client.get("/admin/statements/statement/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_a_pasted_article_keeps_its_spaces_and_gets_plain_newlines(admin_client):
    official = make_official()
    text = "  First paragraph.\r\n\r\nSecond paragraph.\r\n"
    data = statement_form(official, [], [{"source_text": text}])
    response = admin_client.post("/admin/statements/statement/add/", data)
    assert response.status_code == 302
    report = Statement.objects.get().main_report
    assert report.source_text == "  First paragraph.\n\nSecond paragraph.\n"


def test_saving_a_stored_statement_leaves_its_source_text_and_spans_intact(admin_client, seeded):
    statement = Statement.objects.get(venue__slug="tass")
    report = statement.main_report
    url = f"/admin/statements/statement/{statement.pk}/change/"
    html = admin_client.get(url).content.decode()
    text_area = re.search(r'<textarea[^>]*name="reports-0-source_text"[^>]*>', html).group()
    assert "disabled" in text_area
    data = opened(admin_client, url)
    data["headline"] = ["Edited headline"]
    data["reports-0-source_text"] = ["an attempt to replace the evidence"]
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    statement.refresh_from_db()
    report.refresh_from_db()
    assert statement.headline == "Edited headline"
    assert report.source_text.startswith(" date 2023-09-16 BAKU")
    evidence = Evidence.objects.filter(report=report)
    assert evidence.count() == statement.claims.count() > 0
    for span in evidence:
        span.full_clean()
