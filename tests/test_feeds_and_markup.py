"""Machine-readable views: Atom feeds of filtered views and schema.org JSON-LD on record pages."""

import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.conf import settings

from statements.models import Claim, Statement
from tests.factories import make_claim, make_official, make_outlet, make_statement, make_topic
from tests.second_report import URL, add_second_report

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
PAYLOAD = '</script><script>alert("x")</script><b onmouseover="alert(1)">'


def atom(client, url: str) -> ET.Element:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)


def json_ld(html: str) -> dict:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def test_the_feed_of_a_filtered_view_lists_its_claims_newest_first(client, seeded):
    feed = atom(client, "/feed.atom?topic=humanitarian-access&q=Lachin")
    assert feed.find(f"{ATOM}title").text.startswith("Statement Timeline: Topic: Humanitarian")
    links = [entry.find(f"{ATOM}link").get("href") for entry in feed.iter(f"{ATOM}entry")]
    expected = Claim.objects.filter(
        topics__slug="humanitarian-access",
        pk__in=[
            c.pk
            for c in Claim.objects.all()
            if "lachin" in (c.quote + c.summary + c.evidence).lower()
        ],
    ).in_timeline_order()
    assert links == [f"{settings.SITE_URL}/claims/{claim.pk}/" for claim in expected]
    self_link = [link.get("href") for link in feed.iter(f"{ATOM}link") if link.get("rel") == "self"]
    assert self_link == [f"{settings.SITE_URL}/feed.atom?topic=humanitarian-access&q=Lachin"]


def test_a_feed_entry_carries_author_date_and_topics(client, seeded):
    feed = atom(client, "/feed.atom?q=gray")
    (entry,) = feed.iter(f"{ATOM}entry")
    assert entry.find(f"{ATOM}author/{ATOM}name").text == "Hikmet Hajiyev"
    assert entry.find(f"{ATOM}published").text.startswith("2023-09-16")
    terms = {category.get("term") for category in entry.iter(f"{ATOM}category")}
    assert terms == {"Karabakh", "Territorial integrity & sovereignty"}


def test_every_page_links_to_the_feed_of_its_view(client, seeded):
    html = client.get("/officials/hikmet-hajiyev/?topic=karabakh").content.decode()
    assert 'href="/feed.atom?topic=karabakh&amp;official=hikmet-hajiyev"' in html


def test_a_feed_with_bad_filters_is_refused(client, seeded):
    response = client.get("/feed.atom?date_after=soon")
    assert response.status_code == 400
    assert "Date: Enter a valid date." in response.content.decode()


def hostile_claim() -> Claim:
    official = make_official(f"Official {PAYLOAD}", slug="hostile")
    text = f"Intro {PAYLOAD} outro."
    statement = make_statement(
        official, headline=PAYLOAD, source_text=text, reporting_outlet=make_outlet(PAYLOAD)
    )
    return make_claim(statement, PAYLOAD, summary=PAYLOAD, topics=(make_topic(PAYLOAD, slug="t"),))


def test_the_feed_escapes_hostile_text(client):
    hostile_claim()
    response = client.get("/feed.atom")
    feed = ET.fromstring(response.content)
    (entry,) = feed.iter(f"{ATOM}entry")
    assert PAYLOAD in entry.find(f"{ATOM}title").text
    assert b"<script>" not in response.content


def test_text_pasted_with_a_vertical_tab_does_not_break_the_feed(client):
    statement = make_statement(make_official(), headline="Line\x0bbreak from a word processor")
    make_claim(statement, "We will build the bridge.", summary="The bridge\x0bwill be built.")
    feed = atom(client, "/feed.atom")
    assert feed.find(f"{ATOM}entry/{ATOM}title").text == "Ana Petrova: The bridgewill be built."


def test_a_claim_page_describes_the_quote_in_json_ld(client, seeded):
    claim = Claim.objects.with_evidence().get(main_quote__startswith="There is no place")
    data = json_ld(client.get(claim.get_absolute_url()).content.decode())
    (item,) = data["@graph"]
    assert data["@context"] == "https://schema.org"
    assert item["@type"] == "Quotation"
    assert item["text"] == claim.quote
    assert item["spokenByCharacter"]["name"] == "Hikmet Hajiyev"
    assert item["dateCreated"] == "2023-09-16"
    assert item["publisher"]["name"] == "Trend"
    (source,) = item["isBasedOn"]
    assert source["publisher"]["name"] == "Trend" and source["inLanguage"] == "en"
    assert {thing["name"] for thing in item["about"]} == {
        "Karabakh",
        "Territorial integrity & sovereignty",
    }


def test_a_statement_page_describes_each_claim_and_reported_positions_as_claims(client, seeded):
    claim = Claim.objects.get(kind="paraphrase", summary__startswith="Azerbaijan was compelled")
    data = json_ld(client.get(claim.statement.get_absolute_url()).content.decode())
    assert len(data["@graph"]) == 11
    reported = next(item for item in data["@graph"] if item["url"].endswith(f"/{claim.pk}/"))
    assert reported["@type"] == "Claim" and reported["text"] == claim.summary


def test_json_ld_cannot_be_broken_out_of(client):
    claim = hostile_claim()
    for url in (claim.get_absolute_url(), claim.statement.get_absolute_url()):
        html = client.get(url).content.decode()
        block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        assert "<" not in block.group(1)
        assert json_ld(html)["@graph"][0]["text"] == PAYLOAD


@pytest.fixture
def told_twice(seeded) -> Statement:
    """The TASS interview as Trend (given a web address here) and a second outlet report it."""
    statement = Statement.objects.get(venue__slug="tass")
    statement.reports.update(source_url="https://trend.example/hajiyev-tass")
    add_second_report(statement)
    return statement


def test_a_feed_entry_names_every_report_as_a_source(client, told_twice):
    feed = atom(client, "/feed.atom?q=gray")
    (entry,) = feed.iter(f"{ATOM}entry")
    via = [
        (link.get("title"), link.get("href"))
        for link in entry.iter(f"{ATOM}link")
        if link.get("rel") == "via"
    ]
    assert via == [("Trend", "https://trend.example/hajiyev-tass"), ("Caspian Ledger", URL)]
    description = entry.find(f"{ATOM}summary").text
    assert '<a href="https://trend.example/hajiyev-tass">Trend</a>' in description
    assert f'<a href="{URL}">Caspian Ledger</a>' in description


def test_a_feed_entry_names_a_report_without_an_address_unlinked(client, seeded):
    feed = atom(client, "/feed.atom?q=gray")
    (entry,) = feed.iter(f"{ATOM}entry")
    assert not [link for link in entry.iter(f"{ATOM}link") if link.get("rel") == "via"]
    assert "Report: Trend</p>" in entry.find(f"{ATOM}summary").text


def test_json_ld_names_every_report_the_claim_is_based_on(client, told_twice):
    claim = Claim.objects.with_evidence().get(main_quote__startswith="There is no place")
    data = json_ld(client.get(claim.get_absolute_url()).content.decode())
    (item,) = data["@graph"]
    assert item["publisher"]["name"] == "Trend"
    sources = [(work["publisher"]["name"], work["url"]) for work in item["isBasedOn"]]
    assert sources == [("Trend", "https://trend.example/hajiyev-tass"), ("Caspian Ledger", URL)]
    assert item["isBasedOn"][1]["name"] == "Hajiyev: no grey zones in Azerbaijan"
