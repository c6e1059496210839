"""A statement told by two reports: listed and counted once, each report shown with its own
evidence, each claim's words compared, and a filter for the claims whose wording differs."""

import re
from datetime import date

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from statements.models import Claim, Statement, StatementStatus, Wording
from statements.public.counting import outlet_counts
from statements.public.filters import ClaimFilter
from statements.public.search import search_claims
from tests import reports_fixture
from tests.factories import (
    add_evidence,
    make_claim,
    make_official,
    make_outlet,
    make_report,
    make_statement,
)
from tests.reports_fixture import AGREEING, DIFFERING, add_second_report, claim_of
from tests.test_views import get_html, listed_claim_ids, option_labels

pytestmark = pytest.mark.django_db
two_reports = reports_fixture.two_reports

COUNTED_PAGES = ["/", "/officials/", "/topics/", "/officials/hikmet-hajiyev/", "/topics/security/"]


def numbers_shown(html: str) -> list[str]:
    """Every count a page shows: result counts, list counts, activity bars."""
    counts = re.findall(r"\b\d+ (?:claims?|statements?)\b", html)
    bars = re.findall(r'class="count">([^<]*)<', html)
    return counts + bars


def test_a_statement_with_two_reports_is_listed_once_and_counted_once(client, seeded):
    before = {url: numbers_shown(get_html(client, url)) for url in COUNTED_PAGES}
    add_second_report()
    after = {url: numbers_shown(get_html(client, url)) for url in COUNTED_PAGES}
    assert after == before
    html = get_html(client, "/")
    assert "25 claims" in html and "in 2 statements" in html
    assert html.count('<h4 class="headline">') == 2
    assert listed_claim_ids(html) == list(
        Claim.objects.in_timeline_order().values_list("pk", flat=True)
    )
    assert "· reported by News.Az, Caspian Ledger (2 reports)" in html


def test_the_outlet_facet_counts_each_reporter_once(client, two_reports):
    labels = option_labels(get_html(client, "/"), "outlet")
    assert labels["caspian-ledger"] == "Caspian Ledger (11)"
    assert labels["news-az"] == "News.Az (11)"
    assert labels["phoenix-tv"] == "Phoenix TV (11)"
    html = get_html(client, "/?outlet=caspian-ledger")
    assert "11 claims" in html and "in 1 statement" in html
    assert len(listed_claim_ids(html)) == 11


def test_an_outlet_that_hosted_and_reported_counts_a_claim_once():
    host, other = make_outlet("Radio Danube"), make_outlet("Evening Post")
    official = make_official()
    statement = make_statement(official, venue=host, reporting_outlet=host)
    second = make_report(statement, outlet=other, source_text="Again: We will build the bridge.")
    third = make_report(statement, outlet=other, source_text="Once more: We will build the bridge.")
    claim = make_claim(statement, "We will build the bridge.")
    add_evidence(claim, second, "We will build the bridge.")
    add_evidence(claim, third, "We will build the bridge.")
    unreported = make_statement(official, source_text="Elsewhere: roads first.")
    make_claim(unreported, "roads first.")
    assert outlet_counts(Claim.objects.all()) == {"radio-danube": 1, "evening-post": 1}
    for outlet in ("radio-danube", "evening-post"):
        filterset = ClaimFilter(QueryDict(f"outlet={outlet}"))
        assert list(filterset.qs) == [claim]


def test_an_official_with_an_outlet_lists_the_statements_it_hosted_or_reported(client):
    """Hosted, reported by a second report, or neither; another official's hosted statement;
    a draft hosted by the outlet. The page lists the first two, newest first, and the outlet
    facet still counts every outlet of the official's claims."""
    herald, post = make_outlet("Morning Herald"), make_outlet("Evening Post")
    petrova, other = make_official(), make_official("Ben Okoro")

    def said(official, day: int, words: str, **fields) -> Claim:
        statement = make_statement(official, date=date(2024, 5, day), source_text=words, **fields)
        return make_claim(statement, words)

    hosted = said(petrova, 3, "We will build the bridge.", venue=herald)
    reported = said(petrova, 9, "The bridge opens in May.", venue=post)
    make_report(reported.statement, outlet=herald, source_text="Herald: the bridge opens in May.")
    roads = said(petrova, 12, "Roads come first.", venue=post)
    said(other, 10, "Tolls stay low.", venue=herald)
    said(petrova, 11, "A draft.", venue=herald, status=StatementStatus.DRAFT)

    for url in (
        "/?official=ana-petrova&outlet=morning-herald",
        "/officials/ana-petrova/?outlet=morning-herald",
    ):
        html = get_html(client, url)
        assert listed_claim_ids(html) == [reported.pk, hosted.pk], url
    labels = option_labels(
        get_html(client, "/?official=ana-petrova&outlet=morning-herald"), "outlet"
    )
    assert labels["morning-herald"] == "Morning Herald (2)"
    assert labels["evening-post"] == "Evening Post (2)"
    keys = ClaimFilter(QueryDict("official=ana-petrova&outlet=evening-post")).keys()
    assert list(keys) == [roads.pk, reported.pk]


def test_the_claim_page_shows_each_reports_words_with_the_difference_marked(client, two_reports):
    html = get_html(client, claim_of(6).get_absolute_url())
    section = html[
        html.index('class="wording wording-differs"') : html.index('id="context-heading"')
    ]
    assert "Wording differs between reports" in section
    assert section.index("News.Az") < section.index("Caspian Ledger")
    marked = re.findall(r'<mark class="wording-differs">(.*?)</mark>', section, re.S)
    words = [re.sub(r'<span class="visually-hidden">[^<]*</span>', "", m) for m in marked]
    assert words == ["30 years,", "not", "much.", "three decades,", "little."]
    assert marked[0].startswith('<span class="visually-hidden">[differs from Caspian Ledger:] ')
    assert marked[3].startswith('<span class="visually-hidden">[differs from News.Az:] ')
    assert 'href="https://caspian-ledger.example/2024/03/30/hajiyev-phoenix-tv"' in section
    assert "reported by News.Az, Caspian Ledger (2 reports)" in html


@pytest.mark.parametrize("order", sorted(AGREEING))
def test_a_claim_whose_reports_agree_says_so_and_marks_nothing(client, two_reports, order):
    html = get_html(client, claim_of(order).get_absolute_url())
    assert 'class="wording wording-agrees"' in html and "Reports agree" in html
    assert 'class="wording-differs"' not in html
    assert html.count('class="report-words"') == 2


def test_a_claim_with_one_report_shows_no_comparison(client, two_reports):
    html = get_html(client, claim_of(1).get_absolute_url())
    assert 'class="wording ' not in html


def test_the_differences_are_escaped(client):
    statement = make_statement(source_text="He said: We <b>will</b> build it.")
    report = make_report(statement, source_text="He said: We <i>shall</i> build it.")
    claim = make_claim(statement, "We <b>will</b> build it.")
    add_evidence(claim, report, "We <i>shall</i> build it.")
    html = get_html(client, claim.get_absolute_url())
    assert "<b>will</b>" not in html and "<i>shall</i>" not in html
    assert "&lt;b&gt;will&lt;/b&gt;" in html


def test_the_statement_page_shows_each_report_with_its_own_evidence(client, two_reports):
    statement = two_reports.statement
    html = get_html(client, statement.get_absolute_url())
    assert "2 reports" in html
    first = html.index('id="report-')
    second = html.index(f'id="report-{two_reports.pk}"')
    assert first < second  # the main report leads
    ledger = html[second:]
    assert "Caspian Ledger" in ledger
    assert (
        "“Presidential adviser: &quot;peace is close&quot; between Azerbaijan and Armenia”"
        in ledger
    )
    assert '<time datetime="2024-03-30">30 March 2024</time>' in ledger
    assert "HONG KONG" in ledger and "foreign policy adviser to the President" in ledger
    assert 'href="https://caspian-ledger.example/2024/03/30/hajiyev-phoenix-tv"' in ledger
    assert " date 2024-03-30" not in ledger  # the text from where the article begins
    for order in (*AGREEING, *DIFFERING):
        claim = claim_of(order)
        assert f'id="evidence-{claim.pk}"' in html[:second]
        assert f'id="evidence-{claim.pk}-report-{two_reports.pk}"' in ledger
    marked = re.findall(r'<mark class="evidence"><a [^>]*>(.*?)</a></mark>', ledger, re.S)
    assert set(marked) == {*AGREEING.values(), *DIFFERING.values()}
    assert "Primary source" not in html


def test_the_primary_source_is_labelled_and_leads(client, two_reports):
    two_reports.is_primary = True
    two_reports.save()
    html = get_html(client, two_reports.statement.get_absolute_url())
    lead = html.index('id="report-')
    assert html.index(f'id="report-{two_reports.pk}"') == lead
    assert "Primary source" in html[lead : html.index("</h3>", lead)]
    for claim in two_reports.statement.claims.all():  # "Show in source" finds each main evidence
        assert html.count(f'href="#evidence-{claim.pk}"') == 1
        assert html.count(f'id="evidence-{claim.pk}"') == 1


@pytest.mark.parametrize(
    ("wording", "orders"),
    [("differs", set(DIFFERING)), ("agrees", set(AGREEING)), ("single", None)],
)
def test_the_wording_filter_lists_what_the_claim_pages_say(client, two_reports, wording, orders):
    html = get_html(client, f"/?wording={wording}")
    listed = listed_claim_ids(html)
    phoenix = Statement.objects.get(date=date(2024, 3, 29))
    if orders is not None:
        assert {Claim.objects.get(pk=pk).order for pk in listed} == orders
        assert all(Claim.objects.get(pk=pk).statement == phoenix for pk in listed)
    else:
        assert len(listed) == 25 - len(AGREEING) - len(DIFFERING)
    label = Wording(wording).label
    assert f'<li class="chip">{label} <a href="/"' in html
    for pk in listed:
        page = get_html(client, f"/claims/{pk}/")
        if wording == "single":
            assert 'class="wording ' not in page
        else:
            assert f'class="wording wording-{wording}"' in page and label in page


def test_the_wording_filter_is_in_the_form_the_key_and_refuses_other_values(client, two_reports):
    html = get_html(client, "/?wording=differs")
    assert re.search(r'<option value="differs" selected>Wording differs between reports', html)
    assert ("wording", "differs") in ClaimFilter(QueryDict("wording=differs")).key()
    assert "Select a valid choice" in get_html(client, "/?wording=nonsense", status=400)


def test_each_wording_is_kept_as_its_own_page(client, two_reports):
    differs = listed_claim_ids(get_html(client, "/?wording=differs"))
    agrees = listed_claim_ids(get_html(client, "/?wording=agrees"))
    assert differs == [claim_of(6).pk] and len(agrees) == len(AGREEING)
    assert listed_claim_ids(get_html(client, "/?wording=differs")) == differs
    response = client.get("/?utm_source=mail&wording=differs")
    assert response["Location"] == "/?wording=differs"


def test_a_word_only_in_the_second_reports_evidence_finds_the_claim(client, seeded):
    assert not search_claims(Claim.objects.all(), "decades").exists()
    add_second_report()
    assert list(search_claims(Claim.objects.all(), "decades")) == [claim_of(6)]
    html = get_html(client, "/?q=decades")
    assert listed_claim_ids(html) == [claim_of(6).pk]


@pytest.mark.parametrize("page", ["/", "statement", "claim", "/?wording=differs"])
def test_pages_with_two_reports_take_at_most_ten_queries(client, two_reports, page):
    url = {
        "statement": two_reports.statement.get_absolute_url(),
        "claim": claim_of(6).get_absolute_url(),
    }.get(page, page)
    with CaptureQueriesContext(connection) as queries:
        get_html(client, url)
    assert len(queries) <= 10, [query["sql"][:120] for query in queries]
