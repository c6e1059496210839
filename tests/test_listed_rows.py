"""A page's claims are found by their keys first, their rows read only when shown; the filtered
querysets a page starts from are built once a process for the same filter values."""

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from statements.models import Claim
from statements.public.filters import ClaimFilter, built_querysets
from statements.public.paging import ListedRows
from tests.factories import make_claim, make_official, make_statement, make_topic

pytestmark = pytest.mark.django_db

TEXT = "We will build the bridge. The tunnel waits. Roads come last."


@pytest.fixture
def three_claims() -> list[int]:
    statement = make_statement(make_official(), source_text=TEXT)
    for words in ("We will build the bridge.", "The tunnel waits.", "Roads come last."):
        make_claim(statement, words)
    return list(Claim.objects.order_by("order").values_list("pk", flat=True))


def rows() -> ListedRows:
    return ClaimFilter(QueryDict()).listed_rows()


def test_keys_and_slices_read_no_rows_until_a_claim_is_asked_for(three_claims):
    listed = ListedRows(three_claims, rows())
    with CaptureQueriesContext(connection) as queries:
        first_two = listed[:2]
        assert len(first_two) == 2 and first_two.key == ",".join(map(str, three_claims[:2]))
    assert not queries
    assert [claim.pk for claim in first_two] == three_claims[:2]


def test_slices_and_reversals_of_rows_read_keep_them(three_claims):
    listed = ListedRows(three_claims, rows())
    assert [claim.quote for claim in listed][0] == "We will build the bridge."
    with CaptureQueriesContext(connection) as queries:
        assert [claim.pk for claim in listed[1:]] == three_claims[1:]
        assert [claim.pk for claim in listed.reversed()] == three_claims[::-1]
    assert not queries


def test_a_claim_deleted_between_its_key_and_its_row_is_left_out(three_claims):
    listed = ListedRows(three_claims, rows())
    Claim.objects.filter(pk=three_claims[1]).delete()
    assert [claim.pk for claim in listed] == [three_claims[0], three_claims[2]]


def test_claims_read_already_are_listed_as_they_are(three_claims):
    claims = list(Claim.objects.filter(pk__in=three_claims).order_by("-order"))
    listed = ListedRows.of(claims)
    assert listed.keys == three_claims[::-1] and listed.claims is not claims
    assert ListedRows.of(listed) is listed


def filtered(params: str) -> ClaimFilter:
    filterset = ClaimFilter(QueryDict(params))
    assert filterset.is_valid()
    return filterset


def test_the_same_filters_are_built_once_and_each_view_reads_its_own_copy(three_claims):
    bridges, roads = make_topic("Bridges"), make_topic("Roads")
    Claim.objects.get(pk=three_claims[0]).topics.add(bridges)
    Claim.objects.get(pk=three_claims[2]).topics.add(roads)
    built_querysets.clear()
    first = filtered("topic=bridges").qs
    assert [claim.pk for claim in first] == three_claims[:1]
    kept = len(built_querysets.values)
    again = filtered("topic=bridges").qs
    assert len(built_querysets.values) == kept  # nothing built anew
    assert again is not first and again._result_cache is None
    assert str(again.query) == str(first.query)
    assert [claim.pk for claim in filtered("topic=roads").qs] == three_claims[2:]
    assert list(filtered("topic=roads&order=oldest").keys()) == three_claims[2:]
