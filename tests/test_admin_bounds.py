"""The admin in bounded time and memory whatever a statement holds, and 404 for ids that are not."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from statements.curation import import_page
from statements.curation.claim_inline import CLAIMS_INLINE
from statements.models import Claim, ClaimKind, Evidence, Statement, StatementStatus
from statements.public.periods import highlight_segments
from tests.admin_form import opened
from tests.factories import make_claim, make_official, make_outlet, make_statement, make_topic
from tests.test_importer import INTERVIEW

pytestmark = pytest.mark.django_db

STATEMENTS = "/admin/statements/statement/"


def long_statement(claim_count: int, official=None) -> Statement:
    """A statement whose text holds `claim_count` quotations, each a claim."""
    paragraphs, spans, position = [], [], 0
    for number in range(claim_count):
        quote = f"Quotation {number} says the bridge will be built."
        opening = f'Paragraph {number}. He said: "'
        spans.append((position + len(opening), quote))
        paragraphs.append(f'{opening}{quote}"\n\n')
        position += len(paragraphs[-1])
    statement = make_statement(
        official, source_text="".join(paragraphs), status=StatementStatus.DRAFT
    )
    claims = Claim.objects.bulk_create(
        Claim(
            statement=statement, order=number + 1, summary=f"Summary {number}", kind=ClaimKind.QUOTE
        )
        for number in range(claim_count)
    )
    report = statement.main_report
    Evidence.objects.bulk_create(
        Evidence(
            claim=claim,
            report=report,
            is_main=True,
            quote=quote,
            span_start=start,
            span_end=start + len(quote),
        )
        for claim, (start, quote) in zip(claims, spans, strict=True)
    )
    return statement


def list_queries(client, url: str) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return [query["sql"] for query in queries]


def test_the_statement_list_counts_claims_without_grouping_or_reading_source_texts(admin_client):
    long = long_statement(3)
    short = make_statement(long.official, source_text="A short one. We will build the bridge.")
    make_claim(short, "We will build the bridge.")
    response = admin_client.get(f"{STATEMENTS}?o=7")  # by claim count, fewest first
    html = response.content.decode()
    assert '<td class="field-claims">1</td>' in html and '<td class="field-claims">3</td>' in html
    assert html.index(f"/{short.pk}/change/") < html.index(f"/{long.pk}/change/")
    # The texts are neither read nor grouped by (as a join counting claims would group them).
    assert not any("source_text" in sql for sql in list_queries(admin_client, STATEMENTS))


def test_the_topic_filter_lists_each_statement_once_without_comparing_texts(admin_client):
    topic = make_topic()
    statement = make_statement()
    make_claim(statement, "We will build the bridge.", topics=(topic,))
    make_claim(statement, "it would never be built.", topics=(topic,))
    queries = list_queries(admin_client, f"{STATEMENTS}?topic={topic.slug}")
    # SELECT DISTINCT over the rows would compare every column, source texts included.
    assert not any("source_text" in sql for sql in queries)
    html = admin_client.get(f"{STATEMENTS}?topic={topic.slug}").content.decode()
    assert html.count(f"/{statement.pk}/change/") == 1


def test_a_long_statement_edits_its_first_claims_inline_and_links_to_the_rest(admin_client):
    statement = long_statement(CLAIMS_INLINE + 5)
    change = f"{STATEMENTS}{statement.pk}/change/"
    html = admin_client.get(change).content.decode()
    claims_url = f"/admin/statements/claim/?statement__id__exact={statement.pk}"
    assert f"{CLAIMS_INLINE + 5} claims: the first {CLAIMS_INLINE} are edited below" in html
    assert f'href="{claims_url}"' in html
    assert f'<mark title="Claim {CLAIMS_INLINE + 5}">' in html  # the source marks every claim
    form = opened(admin_client, change)
    assert form["claims-TOTAL_FORMS"] == [str(CLAIMS_INLINE)]
    listing = admin_client.get(claims_url).content.decode()
    assert f"{CLAIMS_INLINE + 5} claims" in listing

    form["claims-0-summary"] = ["A corrected summary"]
    assert admin_client.post(change, form).status_code == 302
    assert statement.claims.count() == CLAIMS_INLINE + 5
    assert statement.claims.get(order=1).summary == "A corrected summary"


def brute_force_segments(text: str, claims: list) -> list[tuple]:
    """What highlighting must give: every piece between boundaries with the claims covering it."""
    cuts = sorted({0, len(text)} | {c.span_start for c in claims} | {c.span_end for c in claims})
    pieces = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = [c for c in claims if c.span_start <= start and end <= c.span_end]
        starting = [c for c in covering if c.span_start == start]
        pieces.append((text[start:end], covering, starting))
    return pieces


class CountedSpan:
    """A claim that counts how often its span is read."""

    reads = 0

    def __init__(self, start: int, end: int) -> None:
        self._start, self._end = start, end

    @property
    def span_start(self) -> int:
        CountedSpan.reads += 1
        return self._start

    @property
    def span_end(self) -> int:
        CountedSpan.reads += 1
        return self._end


@pytest.mark.parametrize(
    "spans",
    [
        [(0, 5), (3, 9), (3, 4), (12, 20), (20, 25), (0, 25)],
        [(2, 2), (5, 3), (1, 30), (4, 8), (4, 8)],
        [(10, 15), (0, 10), (15, 40)],
    ],
)
def test_highlighting_cuts_the_text_as_before_overlaps_and_odd_spans_included(spans):
    text = "The minister said: We will build the bridge."
    claims = [CountedSpan(start, end) for start, end in spans]
    found = [(s.text, s.claims, s.starting) for s in highlight_segments(text, claims)]
    assert found == brute_force_segments(text, claims)


def test_highlighting_reads_each_span_a_bounded_number_of_times_however_many_claims():
    def reads_per_claim(count: int) -> float:
        text = "word " * (count * 4)
        claims = [CountedSpan(number * 4, number * 4 + 3) for number in range(count)]
        CountedSpan.reads = 0
        segments = highlight_segments(text, claims)
        assert len(segments) == 2 * count
        return CountedSpan.reads / count

    assert reads_per_claim(2_000) == reads_per_claim(100) < 20


def test_the_import_page_refuses_an_article_proposing_too_many_claims(admin_client, monkeypatch):
    make_outlet("Daily Courier")
    make_outlet("Radio Danube")
    make_official("Ana Petrova", aliases="Petrova\nthe transport minister")
    monkeypatch.setattr(import_page, "MOST_CLAIMS", 5)
    response = admin_client.post(
        f"{STATEMENTS}import/", {"action": "create", "article_text": INTERVIEW}
    )
    assert response.status_code == 200
    assert "The article proposes 8 claims; one import takes at most 5." in response.content.decode()
    assert not Statement.objects.exists()


@pytest.mark.parametrize("model", ["statement", "claim", "official"])
@pytest.mark.parametrize(
    "path", ["abc/history/", "1/history/abc/", "abc/history/1/", "1/history/9/"]
)
def test_history_pages_answer_404_for_ids_that_are_not_ids(admin_client, model, path):
    statement = make_statement()
    make_claim(statement, "We will build the bridge.")
    response = admin_client.get(f"/admin/statements/{model}/{path}")
    assert response.status_code == 404


def test_the_change_pages_run_as_many_queries_for_many_claims_as_for_few(admin_client):
    few = long_statement(2)
    many = long_statement(CLAIMS_INLINE, few.official)
    list_queries(admin_client, f"{STATEMENTS}{few.pk}/change/")  # caches filled on first use
    counts = []
    for statement in (few, many):
        claim = statement.claims.first()
        pages = (
            f"{STATEMENTS}{statement.pk}/change/",
            f"/admin/statements/claim/{claim.pk}/change/",
        )
        counts.append([len(list_queries(admin_client, url)) for url in pages])
    assert counts[0] == counts[1]
