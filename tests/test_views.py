"""Pages as a reader sees them, through the real URL routing, views and templates."""

import html as html_module
import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from statements.models import Claim, Statement
from statements.public.views.filtered import CLAIMS_PER_PAGE
from tests.factories import make_claim, make_official, make_outlet, make_statement, make_topic

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "results"}


def listed_claim_ids(html: str) -> list[int]:
    return [int(pk) for pk in re.findall(r'id="timeline-claim-(\d+)"', html)]


def get_html(client, url: str, status: int = 200, **headers) -> str:
    response = client.get(url, **headers)
    assert response.status_code == status, response.content[:500]
    return response.content.decode()


def test_the_timeline_lists_every_claim_newest_statement_first(client, seeded):
    html = get_html(client, "/")
    expected = Claim.objects.in_timeline_order().values_list("pk", flat=True)
    assert listed_claim_ids(html) == list(expected)
    assert html.index("March 2024") < html.index("September 2023")
    assert "25 claims" in html and "2 statements" in html
    assert "<html" in html and 'name="q"' in html


def test_oldest_first_reverses_the_statements(client, seeded):
    html = get_html(client, "/?order=oldest")
    assert html.index("September 2023") < html.index("March 2024")


def test_a_statement_shows_its_date_official_kind_venue_and_outlet(client, seeded):
    html = get_html(client, "/")
    assert "16 September 2023" in html and "29 March 2024" in html
    assert "with TASS" in html and "reported by Trend" in html
    assert "with Phoenix TV" in html and "reported by News.Az" in html
    assert "“There is no place for &#x27;gray zones&#x27; in Azerbaijan”" in html


def claim_labels(ids: list[int]) -> list[str]:
    """Claims named by article and order: T3 is the TASS interview's third claim."""
    labels = []
    for claim in Claim.objects.filter(pk__in=ids).select_related("statement__venue"):
        labels.append(f"{claim.statement.venue.name[0]}{claim.order}")
    return sorted(labels, key=lambda label: (label[0], int(label[1:])))


TASS = [f"T{n}" for n in range(1, 15)]
PHOENIX = [f"P{n}" for n in range(1, 12)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("official=hikmet-hajiyev", PHOENIX + TASS),
        ("topic=humanitarian-access", ["T5", "T6", "T7", "T8", "T9", "T11"]),
        ("topic=international-mediation", ["P6", "P10", "T1", "T2", "T9"]),
        ("outlet=tass", TASS),
        ("outlet=trend", TASS),
        ("outlet=news-az", PHOENIX),
        ("date_after=2024-01-01", PHOENIX),
        ("date_before=2023-12-31", TASS),
        ("date_after=2023-09-16&date_before=2023-09-16", TASS),
        ("q=Lachin", ["T5", "T8", "T11"]),
        ("q=lachin+aghdam", ["T8", "T11"]),
        ("q=self-defense", ["P2"]),
        ("q=PHOENIX", PHOENIX),
        ("topic=karabakh&outlet=trend", ["T2", "T3", "T10", "T11", "T12", "T13", "T14"]),
        ("topic=security&q=border", ["P5"]),
        ("topic=karabakh&date_after=2024-01-01", []),
    ],
)
def test_each_filter_narrows_the_claims(client, seeded, query, expected):
    html = get_html(client, f"/?{query}")
    assert claim_labels(listed_claim_ids(html)) == expected


def test_the_empty_state_says_nothing_matches(client, seeded):
    html = get_html(client, "/?q=nothing-like-this")
    assert "No claims match these filters." in html
    assert "0 claims" in html


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("official=nobody", "Select a valid choice"),
        ("topic=unknown-topic", "Select a valid choice"),
        ("date_after=2023-13-45", "Enter a valid date"),
        ("date_before=yesterday", "Enter a valid date"),
        ("order=sideways", "Select a valid choice"),
        ("q=" + "x" * 201, "at most 200 characters"),
        ("q=bad%00byte", "Null characters are not allowed"),
    ],
)
def test_bad_filter_values_answer_400_with_the_form_message(client, seeded, query, message):
    html = get_html(client, f"/?{query}", status=400)
    assert message in html
    assert listed_claim_ids(html) == []


def test_an_htmx_request_gets_only_the_results_fragment(client, seeded):
    html = get_html(client, "/?topic=karabakh", **HTMX)
    assert html.lstrip().startswith('<section id="results"')
    assert "<html" not in html and 'name="q"' not in html
    assert claim_labels(listed_claim_ids(html)) == ["T2", "T3", "T10", "T11", "T12", "T13", "T14"]


def test_an_htmx_request_with_bad_filters_gets_the_error_fragment(client, seeded):
    html = get_html(client, "/?date_after=nope", status=400, **HTMX)
    assert html.lstrip().startswith('<section id="results"')
    assert "Enter a valid date" in html


def test_the_page_and_its_fragment_vary_on_the_htmx_header(client, seeded):
    response = client.get("/")
    assert "HX-Request" in response["Vary"]


def test_the_filter_form_keeps_the_chosen_values(client, seeded):
    html = get_html(client, "/?topic=karabakh&q=regime")
    assert re.search(r'<option value="karabakh" selected>', html)
    assert 'value="regime"' in html


def test_a_statement_page_highlights_each_claims_evidence_in_the_source(client, seeded):
    statement = Statement.objects.get(date=date(2023, 9, 16))
    html = get_html(client, statement.get_absolute_url())
    assert statement.main_report.title_as_given in html
    assert "BAKU, Azerbaijan" in html
    for claim in statement.claims.all():
        assert f'id="claim-{claim.pk}"' in html
        assert f'id="evidence-{claim.pk}"' in html
        assert f'href="#claim-{claim.pk}"' in html
    marked = re.findall(r'<mark class="evidence"><a [^>]*>(.*?)</a></mark>', html, re.S)
    assert "Karabakh is an internal issue of Azerbaijan" in " ".join(marked)


def test_a_statement_that_does_not_exist_is_a_404(client, seeded):
    assert client.get("/statements/9999/").status_code == 404


def test_the_official_page_shows_aliases_posts_topics_and_their_timeline(client, seeded):
    html = get_html(client, "/officials/hikmet-hajiyev/")
    assert "<h1>Hikmet Hajiyev</h1>" in html
    assert "Hikmat Hajiyev" in html  # another name: shown; descriptions are the importer's alone
    assert "the presidential aide" not in html
    assert "Foreign Policy Affairs Department" in html
    assert re.search(r"Peace process &amp; treaty</a>\s*<span class=\"count\">12</span>", html)
    assert len(listed_claim_ids(html)) == 25
    assert 'name="official"' not in html


def test_the_official_page_filters_within_that_official(client, seeded):
    other = make_official("Someone Else")
    statement = make_statement(other)
    make_claim(statement, "We will build the bridge.", topics=(make_topic("Roads"),))
    html = get_html(client, "/officials/hikmet-hajiyev/?q=bridge")
    assert listed_claim_ids(html) == []
    html = get_html(client, "/officials/someone-else/")
    assert len(listed_claim_ids(html)) == 1


def test_an_unknown_official_is_a_404(client, seeded):
    assert client.get("/officials/nobody/").status_code == 404


def test_the_officials_index_counts_their_claims(client, seeded):
    html = get_html(client, reverse("official_list"))
    assert "Hikmet Hajiyev" in html and "25 claims in 2 statements, Sep 2023 – Mar 2024" in html


def test_user_supplied_text_is_escaped_everywhere(client):
    payload = '<script>alert("x")</script>'
    official = make_official(f"Evil {payload}", slug="evil")
    outlet = make_outlet(f"Outlet {payload}", slug="evil-outlet")
    text = f"He said {payload} loudly."
    statement = make_statement(official, headline=payload, source_text=text, venue=outlet)
    make_claim(statement, payload, topics=(make_topic(f"T {payload}", slug="t"),), summary=payload)
    for url in ("/", "/officials/", "/officials/evil/", statement.get_absolute_url(), "/?q=script"):
        html = get_html(client, url)
        assert payload not in html
        assert "&lt;script&gt;" in html


def test_paging_keeps_the_filters_and_lists_every_claim_once(client, settings):
    statement = make_statement(source_text=" ".join(f"Point {n}." for n in range(150)))
    for n in range(150):
        make_claim(statement, f"Point {n}.", order=n + 1)
    pages = -(-150 // CLAIMS_PER_PAGE)
    first = get_html(client, "/?q=point")
    assert f"page 1 of {pages}" in first
    assert 'href="?q=point&amp;page=2"' in first
    ids = listed_claim_ids(first)
    for number in range(2, pages + 1):
        ids += listed_claim_ids(get_html(client, f"/?q=point&page={number}"))
    assert sorted(ids) == sorted(Claim.objects.values_list("pk", flat=True))


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


QUERY_COUNTED_PAGES = [
    "/?q=bridge",
    "/?q=bridge",
    "/officials/ana-petrova/",
    "/officials/ana-petrova/?topic=infrastructure&view=lanes",
    "/topics/infrastructure/",
    "/compare/?a=ana-petrova&b=ben-okoro",
    "/export.csv",
    "/feed.atom",
]


@pytest.mark.parametrize("url", QUERY_COUNTED_PAGES)
def test_pages_run_the_same_number_of_queries_whatever_the_data_size(client, url):
    official, other = make_official(), make_official("Ben Okoro")
    topic = make_topic()
    for speaker in (official, other):
        statement = make_statement(speaker, source_text=f"{speaker}: We will build the bridge.")
        make_claim(statement, "We will build the bridge.", topics=(topic,))
    few = count_queries(client, url)
    for n in range(20):
        speaker = official if n % 2 else other
        more = make_statement(speaker, source_text=f"Text {n}: We will build the bridge.")
        make_claim(more, "We will build the bridge.", topics=(topic, make_topic(f"T{n}")))
    assert count_queries(client, url) == few


def test_record_pages_run_the_same_number_of_queries_whatever_the_claim_count(client):
    official, topic = make_official(), make_topic()
    statement = make_statement(official, source_text=" ".join(f"Point {n}." for n in range(30)))
    first = make_claim(statement, "Point 0.", topics=(topic,))
    make_claim(statement, "Point 1.", topics=(topic,))
    few = [
        count_queries(client, url)
        for url in (statement.get_absolute_url(), first.get_absolute_url())
    ]
    for n in range(2, 30):
        make_claim(statement, f"Point {n}.", topics=(topic, make_topic(f"T{n}")))
    many = [
        count_queries(client, url)
        for url in (statement.get_absolute_url(), first.get_absolute_url())
    ]
    assert many == few


def test_a_claim_page_shows_the_quote_in_context_and_related_claims(client, seeded):
    claim = Claim.objects.get(
        evidence_spans__quote__startswith="It is the illegal regime in Khankendi"
    )
    html = get_html(client, claim.get_absolute_url())
    assert f"<h1>Hikmet Hajiyev: {claim.summary}</h1>" in html
    marked = re.search(r'<mark class="evidence">(.*?)</mark>', html, re.S).group(1)
    assert marked == claim.quote
    assert "According to Hajiyev, the main obstacle" in html
    assert 'href="/topics/karabakh/"' in html
    related = re.findall(r'href="/claims/(\d+)/"', html)
    assert str(claim.pk) not in related
    karabakh_or_roads = Claim.objects.filter(
        topics__slug__in=["karabakh", "humanitarian-access"]
    ).exclude(pk=claim.pk)
    assert sorted(map(int, related)) == sorted(set(karabakh_or_roads.values_list("pk", flat=True)))


def test_a_claim_that_does_not_exist_is_a_404(client, seeded):
    assert client.get("/claims/99999/").status_code == 404


def test_a_topic_page_lists_who_spoke_on_it_and_its_claims(client, seeded):
    html = get_html(client, "/topics/humanitarian-access/")
    assert "<h1>Humanitarian access &amp; roads</h1>" in html
    assert re.search(r'Hikmet Hajiyev</a> <span class="count">6</span>', html)
    assert claim_labels(listed_claim_ids(html)) == ["T5", "T6", "T7", "T8", "T9", "T11"]
    assert 'name="topic"' not in html
    html = get_html(client, "/topics/humanitarian-access/?q=Lachin")
    assert claim_labels(listed_claim_ids(html)) == ["T5", "T8", "T11"]
    assert client.get("/topics/nope/").status_code == 404


def test_the_topics_index_counts_claims(client, seeded):
    html = get_html(client, "/topics/")
    assert re.search(r"Karabakh</a>.*?7 claims, Sep 2023<", html, re.S)


def test_active_filters_are_chips_that_each_remove_one_filter(client, seeded):
    html = get_html(client, "/?topic=karabakh&date_after=2023-01-01&q=regime&page=1")
    chips = re.findall(r'<li class="chip">(.*?) <a href="([^"]*)"', html)
    assert chips == [
        ("Topic: Karabakh", "/?date_after=2023-01-01&amp;q=regime"),
        ("From 1 Jan 2023", "/?topic=karabakh&amp;q=regime"),
        ("Words: “regime”", "/?topic=karabakh&amp;date_after=2023-01-01"),
    ]
    assert '<a class="clear-all" href="/">Clear all</a>' in html
    assert 'class="chips"' not in get_html(client, "/")


def option_labels(html: str, field: str) -> dict[str, str]:
    select = re.search(rf'<select name="{field}".*?</select>', html, re.S).group(0)
    return dict(re.findall(r'<option value="([^"]+)"[^>]*>([^<]*)</option>', select))


def test_each_option_says_how_many_claims_it_gives_with_the_other_filters(client, seeded):
    html = get_html(client, "/?topic=karabakh")
    assert option_labels(html, "outlet") == {
        "news-az": "News.Az (0)",
        "phoenix-tv": "Phoenix TV (0)",
        "tass": "TASS (7)",
        "trend": "Trend (7)",
    }
    topics = option_labels(html, "topic")
    assert topics["karabakh"] == "Karabakh (7)"
    assert topics["peace-process"] == "Peace process &amp; treaty (12)"
    assert '<option value="news-az" class="facet-empty">' in html


def test_facet_counts_match_the_claims_each_option_would_list(client, seeded):
    base = "q=peace&date_after=2023-01-01"
    labels = option_labels(get_html(client, f"/?{base}"), "topic")
    for slug, label in labels.items():
        listed = listed_claim_ids(get_html(client, f"/?{base}&topic={slug}"))
        assert label.endswith(f"({len(listed)})"), slug


COUNTS_LOADER = re.compile(r'<div class="facet-counts-loader"[^>]* hx-get="([^"]+)"')


def counts_that_follow(client, fragment: str) -> str:
    """What htmx fetches once a fragment sent without its facet counts is on screen."""
    url = html_module.unescape(COUNTS_LOADER.search(fragment).group(1))
    return get_html(client, url, **HTMX)


def test_the_htmx_fragment_carries_the_facet_fields_out_of_band(client, seeded):
    html = get_html(client, "/?topic=karabakh&q=regime", **HTMX)
    for name in ("official", "topic", "outlet"):
        assert f'id="field-{name}" hx-swap-oob="true"' in html
    assert option_labels(html, "topic")["karabakh"] == "Karabakh"  # its count is on its way
    counts = counts_that_follow(client, html)
    for name in ("official", "topic", "outlet"):
        assert f'id="field-{name}" hx-swap-oob="true"' in counts
    assert option_labels(counts, "topic")["karabakh"] == "Karabakh (4)"
    assert 'id="field-q"' not in html + counts
    # Counts kept now: another page of the same view carries them. (The fragment sent before
    # them is kept as it was, with its second request, which is kept too.)
    again = get_html(client, "/?topic=karabakh&q=regime&page=1", **HTMX)
    assert option_labels(again, "topic")["karabakh"] == "Karabakh (4)"
    assert "facet-counts-loader" not in again


def test_a_page_does_not_count_the_facet_it_fixes(client, seeded):
    html = get_html(client, "/officials/hikmet-hajiyev/?topic=karabakh", **HTMX)
    assert 'id="field-official"' not in html  # its counts came with it, from the claim tally
    assert option_labels(html, "outlet")["tass"] == "TASS (7)"
    searched = get_html(client, "/officials/hikmet-hajiyev/?topic=karabakh&q=regime", **HTMX)
    counts = counts_that_follow(client, searched)  # counted from the claims, they come second
    assert 'id="field-official"' not in searched + counts
    assert option_labels(counts, "outlet")["tass"] == "TASS (4)"


HOSTILE_QUERIES = [
    "official=%00",
    "topic=%00karabakh",
    "outlet=' OR 1=1 --",
    "q=%00",
    "q=%22",
    "q=%22%22%22",
    "q=AND OR NOT NEAR(",
    "q=*",
    "q=-",
    "q='):*|!&",
    "q={{ 7*7 }}{% debug %}",
    "date_after=0000-00-00",
    "date_after=99999-01-01",
    "date_before=2023-02-30",
    "page=-1",
    "page=99999999999999999999",
    "page=abc",
    "order=oldest&order=newest",
    "view=lanes&official=%00",
    "level=statements&topic=karabakh&topic=nope",
]


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
@pytest.mark.parametrize(
    "path", ["/", "/officials/hikmet-hajiyev/", "/topics/karabakh/", "/export.csv", "/feed.atom"]
)
def test_hostile_query_strings_never_cause_a_server_error(client, seeded, path, query):
    response = client.get(f"{path}?{query}")
    assert response.status_code < 500
    if response.status_code == 400:
        assert b"Traceback" not in response.content


def test_text_is_escaped_once_not_twice(client, seeded):
    for url in (
        "/?q=Armenia",
        Claim.objects.get(order=13, statement__venue__slug="tass").get_absolute_url(),
    ):
        html = get_html(client, url)
        assert "&amp;#x27;" not in html and "&amp;quot;" not in html
    assert "Armenia&#x27;s policy of supporting" in get_html(client, "/?q=hostage")
