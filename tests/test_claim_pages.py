"""A claim standing alone: the speaker named, share tags, absolute URLs on the site's address,
provenance, the article from where its words begin, and no dead ends around it."""

import json
import re
from html.parser import HTMLParser
from importlib import import_module

import pytest
from django.apps import apps
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from statements.models import Claim, Official, Report, Statement
from statements.public.search import search_claims
from tests.factories import make_claim, make_official, make_outlet, make_statement, make_topic
from tests.test_curation import change_form
from tests.test_importer import INTERVIEW, article_file, import_article
from tests.test_insights import compare_rows
from tests.test_views import get_html

pytestmark = pytest.mark.django_db

HOSTILE = "\"'><script>alert(1)</script>&amp; <b>"
ARTICLE = " date 2024-03-29 + ↺ − 16 px\n\nBAKU. The minister said: We will build the bridge."


class MetaTags(HTMLParser):
    """Every <meta> of a page by its property or name, and its <title> and <h1> texts."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}
        self.texts: dict[str, str] = {}
        self.inside: str | None = None

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        if tag == "meta" and ("property" in found or "name" in found):
            self.meta[found.get("property") or found["name"]] = found.get("content")
        if tag == "link" and found.get("rel") == "canonical":
            self.meta["canonical"] = found["href"]
        if tag in ("title", "h1"):
            self.inside = tag
            self.texts.setdefault(tag, "")

    def handle_endtag(self, tag):
        if tag == self.inside:
            self.inside = None

    def handle_data(self, data):
        if self.inside:
            self.texts[self.inside] += data


def read_page(html: str) -> MetaTags:
    parser = MetaTags()
    parser.feed(html)
    return parser


def lachin_claim() -> Claim:
    return Claim.objects.get(summary__startswith="The Lachin road blockade does not exist")


def test_a_claim_page_names_the_speaker_in_its_heading_and_title(client, seeded):
    claim = lachin_claim()
    page = read_page(get_html(client, claim.get_absolute_url()))
    assert page.texts["h1"] == f"Hikmet Hajiyev: {claim.summary}"
    assert page.texts["title"].startswith("Hikmet Hajiyev: The Lachin road blockade")
    html = get_html(client, claim.get_absolute_url())
    assert "— Hikmet Hajiyev, 16 September 2023, interview with TASS, reported by Trend" in html


@pytest.mark.parametrize(
    ("url", "kind", "title"),
    [
        ("claim", "article", "Hikmet Hajiyev: The Lachin road blockade"),
        ("statement", "article", "Hikmet Hajiyev: Interview with TASS"),
        ("/officials/hikmet-hajiyev/", "profile", "Hikmet Hajiyev: what they said"),
        ("/topics/karabakh/", "website", "Karabakh: who said what"),
    ],
)
def test_record_pages_describe_themselves_for_sharing(client, seeded, url, kind, title):
    claim = lachin_claim()
    path = {"claim": claim.get_absolute_url(), "statement": claim.statement.get_absolute_url()}
    path = path.get(url, url)
    meta = read_page(get_html(client, path + "?q=")).meta
    assert meta["og:site_name"] == "Statement Timeline"
    assert meta["og:type"] == kind
    assert meta["og:title"].startswith(title)
    assert meta["twitter:card"] == "summary"
    assert meta["twitter:title"] == meta["og:title"]
    assert meta["og:description"]
    # Canonical: the configured address and the path, without the query string.
    assert meta["og:url"] == meta["canonical"] == settings.SITE_URL + path


def test_a_shared_claim_says_who_said_it_when_and_where(client, seeded):
    claim = lachin_claim()
    meta = read_page(get_html(client, claim.get_absolute_url())).meta
    assert meta["og:description"].startswith(f"“{claim.quote[:40]}")
    assert meta["og:description"].endswith(
        "— Hikmet Hajiyev, 16 September 2023, interview with TASS, reported by Trend"
    )


def hostile_records() -> Claim:
    official = make_official(f"Official {HOSTILE}", slug="hostile", bio=f"Bio {HOSTILE}")
    text = f"The minister said: We will {HOSTILE} build it."
    statement = make_statement(official, headline=f"Headline {HOSTILE}", source_text=text)
    topic = make_topic(f"Topic {HOSTILE}", slug="hostile-topic", description=HOSTILE)
    return make_claim(statement, f"We will {HOSTILE} build it.", (topic,), summary=HOSTILE)


def test_share_tags_carry_hostile_text_as_text(client):
    claim = hostile_records()
    urls = [
        claim.get_absolute_url(),
        claim.statement.get_absolute_url(),
        "/officials/hostile/",
        "/topics/hostile-topic/",
    ]
    for url in urls:
        html = get_html(client, url)
        assert "<script>alert(1)" not in html
        assert "<b>" not in html
        meta = read_page(html).meta
        assert HOSTILE in meta["og:title"] + meta["og:description"], url
    meta = read_page(get_html(client, claim.get_absolute_url())).meta
    assert meta["og:title"] == f"Official {HOSTILE}: {HOSTILE}"


def test_a_host_header_never_reaches_a_page(client, seeded, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "localhost"]
    claim = lachin_claim()
    urls = [
        claim.get_absolute_url(),
        claim.statement.get_absolute_url(),
        "/officials/hikmet-hajiyev/",
        "/topics/karabakh/",
        "/feed.atom",
        "/feed/",
        "/export.csv",
        "/export.json",
    ]
    for url in urls:
        # The first request may be kept and sent to everyone after it.
        for headers in ({"HTTP_HOST": "localhost:6666"}, {}):
            response = client.get(url, **headers)
            assert response.status_code == 200, url
            body = b"".join(response) if response.streaming else response.content
            assert b"localhost:6666" not in body, url
            assert settings.SITE_URL.encode() in body, url


def test_feed_entries_name_the_speaker_and_link_at_the_site_address(client, seeded):
    feed = get_html(client, "/feed.atom?q=Lachin")
    titles = re.findall(r"<title>([^<]*)</title>", feed)[1:]
    assert titles and all(title.startswith("Hikmet Hajiyev: ") for title in titles)
    assert f'href="{settings.SITE_URL}/claims/' in feed
    assert "interview with TASS, reported by Trend" in feed


def test_pages_link_to_the_source_or_say_none_was_recorded(client):
    trend = make_outlet("Trend", homepage="https://en.trend.az/")
    recorded = make_statement(
        reporting_outlet=trend, source_url="https://en.trend.az/azerbaijan/politics/1.html"
    )
    claim = make_claim(recorded, "We will build the bridge.")
    for url in (claim.get_absolute_url(), recorded.get_absolute_url()):
        html = get_html(client, url)
        assert html.count('href="https://en.trend.az/azerbaijan/politics/1.html"') >= 2, url
        assert 'href="https://en.trend.az/"' not in html
    unrecorded = make_statement(
        make_official("Ben Okoro"),
        source_url="javascript:alert(1)",
        source_text="Ben said: We will build the bridge.",
    )
    other = make_claim(unrecorded, "We will build the bridge.")
    for url in (other.get_absolute_url(), unrecorded.get_absolute_url()):
        html = get_html(client, url)
        assert "No source URL was recorded" in html
        assert "javascript:" not in html


def test_pages_show_the_article_from_where_its_words_begin(client):
    statement = make_statement(source_text=ARTICLE)
    report = statement.main_report
    assert report.body_start == len(" date 2024-03-29 ")  # just after the marker, by default
    report.body_start = ARTICLE.index("BAKU")
    report.save()
    claim = make_claim(statement, "We will build the bridge.")
    stored = Report.objects.get(pk=report.pk)
    evidence = claim.main_evidence
    assert stored.source_text == ARTICLE
    assert stored.source_text[evidence.span_start : evidence.span_end] == claim.quote
    for url in (claim.get_absolute_url(), statement.get_absolute_url()):
        html = get_html(client, url)
        assert " date 2024" not in html and "16 px" not in html, url
        assert "BAKU. The minister said:" in html, url


def test_the_seed_articles_begin_where_the_annotations_say(client, seeded):
    starts = {report.article_text[:30] for report in Report.objects.all()}
    assert starts == {"BAKU, Azerbaijan, September 16", "Certain political measures neg"}
    for claim in Claim.objects.select_related("statement"):
        html = get_html(client, claim.get_absolute_url())
        context = html[html.index('id="context-heading"') : html.index("Read the whole source")]
        assert " date 20" not in context and "16 px" not in context, claim.pk


def test_a_longer_body_start_than_the_text_is_refused():
    report = make_statement(source_text=ARTICLE).main_report
    report.body_start = len(ARTICLE) + 1
    with pytest.raises(Exception, match="cannot begin at"):
        report.full_clean()


def test_aliases_that_describe_move_to_descriptions_and_are_never_shown(client):
    official = make_official(aliases="Hajiyev\nthe presidential aide\nThe Hague envoy")
    migration = import_module("statements.migrations.0010_official_descriptions")
    migration.split_aliases(apps, None)
    official.refresh_from_db()
    assert official.alias_list == ["Hajiyev", "The Hague envoy"]
    assert official.forms_in_texts == ["Hajiyev", "The Hague envoy", "the presidential aide"]
    make_claim(make_statement(official), "We will build the bridge.")
    html = get_html(client, official.get_absolute_url())
    assert "Also written as" in html and "The Hague envoy" in html
    assert "presidential aide" not in html


def test_the_seed_official_keeps_names_and_descriptions_apart(seeded):
    official = Official.objects.get(slug="hikmet-hajiyev")
    assert official.alias_list == ["Hajiyev", "Hikmat Hajiyev"]
    assert "the presidential aide" in official.forms_in_texts


def test_search_reads_the_renamed_summary(seeded):
    claim = lachin_claim()
    claim.summary = "A summary about zeppelins"
    claim.save()
    assert list(search_claims(Claim.objects.all(), "zeppelins")) == [claim]
    assert search_claims(Claim.objects.all(), "zeppel").count() == 1


def test_compare_with_one_official_offers_their_two_periods(client, seeded):
    html = get_html(client, "/compare/")
    assert "---------" not in html and "This field is required" not in html
    assert "Hikmet Hajiyev, until 16 Sep 2023" in html
    assert "Hikmet Hajiyev, from 29 Mar 2024" in html
    assert '<table class="compare">' in html


SEP_2023 = [f"{n} claim{'s' if n > 1 else ''}, Sep 2023" for n in range(1, 15)]


def test_compare_one_official_over_two_chosen_periods(client, seeded):
    query = "a=hikmet-hajiyev&a_before=2023-12-31&b=hikmet-hajiyev&b_after=2024-01-01&b_before="
    rows = compare_rows(get_html(client, f"/compare/?{query}"))
    assert rows and all(then in ("Nothing said", *SEP_2023) for _, then, _ in rows)
    assert all(later.endswith(("Mar 2024", "Nothing said")) for _, _, later in rows)
    assert ("Peace process &amp; treaty", "3 claims, Sep 2023", "9 claims, Mar 2024") in rows


def test_compare_refuses_one_official_over_the_same_dates(client, seeded):
    html = get_html(client, "/compare/?a=hikmet-hajiyev&b=hikmet-hajiyev", status=400)
    assert "give the two sides different dates" in html


def test_the_feed_link_opens_a_page_that_explains_the_feed(client, seeded):
    html = get_html(client, "/?topic=karabakh")
    assert 'href="/feed/?topic=karabakh"' in html
    page = get_html(client, "/feed/?topic=karabakh")
    assert f'value="{settings.SITE_URL}/feed.atom?topic=karabakh"' in page
    assert "Topic: Karabakh" in page
    assert page.count(">Hikmet Hajiyev: ") >= 3
    assert 'href="/feed.atom?topic=karabakh"' in page
    assert "Date: Enter a valid date" in get_html(client, "/feed/?date_after=x", status=400)


def test_json_ld_names_the_speaker_at_the_site_address(client, seeded):
    claim = lachin_claim()
    html = get_html(client, claim.get_absolute_url())
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    item = json.loads(block.group(1))["@graph"][0]
    assert item["name"] == f"Hikmet Hajiyev: {claim.summary}"
    assert item["@id"] == f"{settings.SITE_URL}/claims/{claim.pk}/"
    assert item["spokenByCharacter"]["url"] == f"{settings.SITE_URL}/officials/hikmet-hajiyev/"


def test_an_editor_moves_where_the_article_begins_in_the_admin(admin_client, client):
    statement = make_statement(source_text=ARTICLE)
    data = change_form(statement, body_start=ARTICLE.index("BAKU"))
    response = admin_client.post(f"/admin/statements/statement/{statement.pk}/change/", data)
    assert response.status_code == 302
    assert "16 px" not in get_html(client, statement.get_absolute_url())
    data = change_form(statement, body_start=len(ARTICLE) + 5)
    response = admin_client.post(f"/admin/statements/statement/{statement.pk}/change/", data)
    assert "The article cannot begin at" in response.content.decode()


@pytest.mark.parametrize("page", ["claim", "statement", "/compare/", "/feed/?topic=karabakh"])
def test_these_pages_take_at_most_ten_queries(client, seeded, page):
    claim = lachin_claim()
    url = {"claim": claim.get_absolute_url(), "statement": claim.statement.get_absolute_url()}
    with CaptureQueriesContext(connection) as queries:
        get_html(client, url.get(page, page))
    assert len(queries) <= 10, [query["sql"][:120] for query in queries]


def test_compare_with_nobody_recorded_says_so(client):
    html = get_html(client, "/compare/")
    assert "No officials are recorded yet" in html
    make_official()
    html = get_html(client, "/compare/?a=ana-petrova&b=ana-petrova", status=400)
    assert "No officials are recorded yet" not in html


def test_the_importer_starts_the_article_after_its_date_line(tmp_path, client):
    make_outlet("Daily Courier")
    make_outlet("Radio Danube")
    make_official("Ana Petrova", aliases="Petrova", descriptions="the transport minister")
    import_article(article_file(tmp_path, INTERVIEW))
    statement = Statement.objects.get()
    assert statement.main_report.source_text == INTERVIEW
    assert statement.main_report.article_text.startswith("VARNA, May 2 (Daily Courier)")
    assert statement.claims.count() == 8
