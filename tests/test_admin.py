"""Editors curate through the Django admin's own forms."""

import re

import pytest

from statements.models import Claim, Statement
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
    assert saved.statement.source_hash


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
    assert "the quote does not match the source text" in html
    assert Statement.objects.count() == 0 and Claim.objects.count() == 0


def test_storing_the_same_article_twice_is_refused_with_a_link_to_the_first(admin_client, seeded):
    stored = Statement.objects.get(venue__slug="tass")
    data = statement_form(stored.official, [])
    data["source_text"] = stored.source_text
    response = admin_client.post("/admin/statements/statement/add/", data)
    assert response.status_code == 200
    assert re.search(rf"already stored as statement #{stored.pk}", response.content.decode())
    assert Statement.objects.count() == 2


def test_the_admin_is_closed_to_anonymous_visitors(client, seeded):
    response = client.get("/admin/statements/statement/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_a_pasted_article_keeps_its_spaces_and_gets_plain_newlines(admin_client):
    official = make_official()
    data = statement_form(official, [])
    data["source_text"] = "  First paragraph.\r\n\r\nSecond paragraph.\r\n"
    response = admin_client.post("/admin/statements/statement/add/", data)
    assert response.status_code == 302
    assert Statement.objects.get().source_text == "  First paragraph.\n\nSecond paragraph.\n"


def test_saving_a_stored_statement_leaves_its_source_text_and_spans_intact(admin_client, seeded):
    statement = Statement.objects.get(venue__slug="tass")
    url = f"/admin/statements/statement/{statement.pk}/change/"
    html = admin_client.get(url).content.decode()
    assert 'name="source_text"' not in html
    data = statement_form(statement.official, [])
    data.update(headline="Edited headline", date="2023-09-16", kind="interview")
    data.update(venue=statement.venue_id, reporting_outlet=statement.reporting_outlet_id)
    data["source_text"] = "an attempt to replace the evidence"
    data.update({"claims-TOTAL_FORMS": 0, "claims-INITIAL_FORMS": 0})
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    statement.refresh_from_db()
    assert statement.headline == "Edited headline"
    assert statement.source_text.startswith(" date 2023-09-16 BAKU")
    for claim in statement.claims.all():
        claim.full_clean()
