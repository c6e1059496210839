"""Pages read their counts from the claim tally whenever it can answer: an edit in the admin shows
in the next visitor's counts at once, the results of a new filter combination come with their
counts, and views the tally cannot answer are counted from the claims as before."""

from urllib.parse import urlencode

import pytest
from django.http import QueryDict
from django.test import Client

from statements.models import Claim
from statements.public.filters import ClaimFilter
from statements.public.tally_counts import TallyCounts
from tests.admin_form import opened
from tests.tally_archive import stored_archive
from tests.test_counting import get_with_queries
from tests.test_curation_reports import change_page, log_in_as
from tests.test_views import HTMX, counts_that_follow, get_html, option_labels

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(db) -> dict:
    return stored_archive()


def words(html: str) -> str:
    return " ".join(html.split())


def test_an_edit_in_the_admin_moves_the_home_pages_counts_at_once(client, archive):
    visitor = Client()
    before = get_html(visitor, "/")
    assert "5 claims in 3 statements" in words(before)
    assert option_labels(before, "official") == {
        "ana-petrova": "Ana Petrova (3)",
        "ben-okoro": "Ben Okoro (2)",
    }
    log_in_as(client, "Reviewers")
    form = opened(client, change_page(archive["may"]))
    form["official"] = [str(archive["ben"].pk)]
    form["venue"] = [str(archive["tribune"].pk)]
    assert client.post(change_page(archive["may"]), form).status_code == 302

    after = get_html(visitor, "/")
    assert "5 claims in 3 statements" in words(after)
    assert option_labels(after, "official") == {
        "ana-petrova": "Ana Petrova (1)",
        "ben-okoro": "Ben Okoro (4)",
    }
    assert option_labels(after, "outlet") == {
        "courier": "Courier (1)",  # the May statement no longer; the later one's report still
        "herald": "Herald (4)",
        "tribune": "Tribune (4)",
    }
    fragment = get_html(visitor, "/?official=ben-okoro&outlet=tribune", **HTMX)
    assert "4 claims in 2 statements" in words(fragment)
    assert option_labels(fragment, "topic") == {"roads": "Roads (3)", "water": "Water (1)"}


WHOLE_MONTHS = [
    "",
    "official=ana-petrova&outlet=herald",
    "topic=water&date_after=2024-05-01&date_before=2024-06-30",
    "date_before=2024-05-31&order=oldest",
]


@pytest.mark.parametrize("query", WHOLE_MONTHS)
def test_a_new_filter_combination_brings_its_counts_with_its_results(client, archive, query):
    html, queries = get_with_queries(client, f"/?{query}")
    assert "facet-counts-loader" not in html
    assert 'aria-busy="true"' not in html
    assert len(queries) <= 8


def test_the_counts_from_the_tally_are_those_the_claims_give(client, archive):
    html = get_html(client, "/?topic=roads&date_after=2024-05-01", **HTMX)
    assert "3 claims in 2 statements" in words(html)
    assert option_labels(html, "official") == {
        "ana-petrova": "Ana Petrova (2)",
        "ben-okoro": "Ben Okoro (1)",
    }
    assert option_labels(html, "outlet") == {
        "courier": "Courier (2)",
        "herald": "Herald (3)",
        "tribune": "Tribune (1)",
    }


NOT_ANSWERED = [
    "q=bridge",
    "date_after=2024-05-02",
    "date_before=2024-05-30",
    "wording=single",
    "moved=softened",
]


@pytest.mark.parametrize("query", NOT_ANSWERED)
def test_views_the_tally_cannot_answer_are_counted_from_the_claims(client, archive, query):
    filterset = ClaimFilter(QueryDict(query), Claim.objects.all())
    assert not TallyCounts(filterset).can_answer()
    html = get_html(client, f"/?{query}&official=ana-petrova", **HTMX)
    counts = counts_that_follow(client, html)  # sent after the results, as before
    assert 'id="field-topic"' in counts


def test_a_view_the_tally_answers_leaves_out_only_whole_months(archive):
    for params, answered in [
        ({"date_after": "2024-02-01", "date_before": "2024-02-29"}, True),
        ({"date_after": "2023-12-01", "date_before": "2024-01-31"}, True),
        ({"date_after": "2024-02-01", "date_before": "2024-02-28"}, False),
        ({"date_after": "2024-01-31"}, False),
    ]:
        filterset = ClaimFilter(QueryDict(urlencode(params)), Claim.objects.all())
        assert TallyCounts(filterset).can_answer() is answered, params
