"""Statements are dated from 1900 through next year; charts stay small whatever the dates."""

import re
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import QueryDict
from django.utils import timezone

from statements.models import Statement
from statements.public.activity import MOST_BARS, activity
from tests.factories import make_claim, make_official, make_statement, make_topic, statement_form
from tests.test_curation import staff_in
from tests.test_insights import bars
from tests.test_views import get_html

pytestmark = pytest.mark.django_db

NEXT_YEAR = timezone.now().year + 1
RANGE_MESSAGE = f"Give a date from 1 January 1900 to 31 December {NEXT_YEAR}."
QUOTE = "We will build the bridge."


@pytest.mark.parametrize("day", [date(1899, 12, 31), date(NEXT_YEAR + 1, 1, 1), date(1, 1, 1)])
def test_a_statement_dated_outside_the_range_is_refused_with_the_range(day):
    statement = Statement(official=make_official(), date=day, kind="other", headline="H")
    statement.source_text = "Text."
    with pytest.raises(ValidationError) as refused:
        statement.full_clean()
    assert refused.value.message_dict["date"] == [RANGE_MESSAGE]


@pytest.mark.parametrize("day", [date(1900, 1, 1), date(NEXT_YEAR, 12, 31)])
def test_the_first_and_last_days_of_the_range_are_accepted(day):
    statement = Statement(official=make_official(), date=day, kind="other", headline="H")
    statement.source_text = "Text."
    statement.full_clean()


@pytest.mark.parametrize("day", [date(1, 1, 1), date(1899, 12, 31), date(9999, 12, 31)])
def test_the_database_refuses_a_date_far_outside_even_past_validation(day):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_statement(date=day)


@pytest.mark.parametrize("group", ["Editors", "Reviewers"])
@pytest.mark.parametrize("typed", ["0001-01-01", "9999-12-31", f"{NEXT_YEAR + 1}-01-01"])
def test_the_admin_form_refuses_a_date_outside_and_saves_nothing(client, group, typed):
    staff_in(group, client, "curator")
    data = statement_form(make_official(), []) | {"date": typed}
    response = client.post("/admin/statements/statement/add/", data)
    assert response.status_code == 200
    assert RANGE_MESSAGE in response.content.decode()
    assert not Statement.objects.exists()


@pytest.mark.parametrize(
    "url",
    [
        "/?date_after=0001-01-01",
        "/?date_before=9999-12-31",
        f"/?date_before={NEXT_YEAR + 1}-01-01",
        "/?date_after=1899-12-31",
        "/export.csv?date_after=0001-01-01",
        "/officials/ana-petrova/?date_before=9999-12-31",
    ],
)
def test_a_filter_date_outside_the_range_gets_the_message_and_400(client, url):
    make_official()
    html = get_html(client, url, status=400)
    assert RANGE_MESSAGE in html


def test_filter_dates_at_the_ends_of_the_range_are_accepted(client):
    get_html(client, f"/?date_after=1900-01-01&date_before={NEXT_YEAR}-12-31")


@pytest.mark.parametrize(
    "months",
    [
        [date(9999, 12, 1), date(2024, 5, 1)],
        [date(1, 1, 1), date(2024, 5, 1)],
        [date(1, 1, 1), date(9999, 12, 1)],
        [date(9999, 12, 1)],
    ],
)
def test_the_chart_stays_small_and_whole_at_the_ends_of_the_calendar(months):
    chart = activity(dict.fromkeys(months, 1), "/officials/x/", QueryDict())
    assert len(chart.bars) <= MOST_BARS
    assert sum(bar.count for bar in chart.bars) == len(months)


def test_pages_chart_statements_at_both_ends_of_what_the_database_holds(client):
    official, topic = make_official(), make_topic()
    # The database holds up to 2999 (an import bypassing validation); pages must cope.
    for day in (date(1900, 1, 1), date(2999, 12, 31), date(2024, 5, 1)):
        statement = make_statement(official, date=day, source_text=f"{day}: {QUOTE}")
        make_claim(statement, QUOTE, topics=(topic,))
    for url in (f"/officials/{official.slug}/", f"/topics/{topic.slug}/"):
        chart = bars(get_html(client, url))
        assert 1 < len(chart) <= MOST_BARS
        assert sum(count for _, _, count in chart) == 3
        first_bar = chart[0][0]
        assert re.search(r"date_after=1900-01-01&date_before=\d{4}-12-31$", first_bar)
        get_html(client, first_bar)
