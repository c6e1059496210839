"""The time between two statements, in words and in room on the page; lanes' crowded marks."""

import re
from datetime import date

import pytest

from statements.models import DatePrecision
from statements.public.elapsed import elapsed, room_for
from tests.factories import make_claim, make_official, make_statement, make_topic
from tests.test_views import get_html

QUOTE = "We will build the bridge."


@pytest.mark.parametrize(
    ("earlier", "later", "precision", "words"),
    [
        (date(2024, 1, 10), date(2024, 1, 10), DatePrecision.DAY, ""),
        (date(2024, 1, 10), date(2024, 1, 11), DatePrecision.DAY, "1 day"),
        (date(2024, 1, 10), date(2024, 1, 30), DatePrecision.DAY, "3 weeks"),
        (date(2024, 1, 31), date(2024, 3, 1), DatePrecision.DAY, "4 weeks"),
        (date(2024, 1, 31), date(2024, 3, 2), DatePrecision.DAY, "1 month"),
        (date(2023, 9, 16), date(2024, 3, 29), DatePrecision.DAY, "6 months"),
        (date(2022, 1, 10), date(2023, 3, 10), DatePrecision.DAY, "1 year and 2 months"),
        (date(2020, 5, 1), date(2024, 5, 1), DatePrecision.DAY, "4 years"),
        (date(2024, 1, 1), date(2024, 1, 20), DatePrecision.MONTH, ""),
        (date(2024, 1, 1), date(2024, 3, 20), DatePrecision.MONTH, "2 months"),
        (date(2016, 1, 1), date(2016, 11, 20), DatePrecision.YEAR, ""),
        (date(2016, 1, 1), date(2018, 3, 20), DatePrecision.YEAR, "2 years"),
    ],
)
def test_the_time_between_two_dates_in_words_at_their_precision(earlier, later, precision, words):
    assert elapsed(earlier, later, precision) == words


def test_the_room_grows_with_the_time_but_is_capped():
    rooms = [room_for(days) for days in (0, 1, 7, 31, 182, 365, 730, 3650, 36500)]
    assert rooms == sorted(rooms)
    assert rooms[0] == rooms[1] == 0
    assert room_for(182) >= 2 * room_for(31)
    assert room_for(3650) == room_for(36500) == 10


@pytest.mark.django_db
def test_the_list_says_how_long_passed_between_statements_of_differing_precision(client):
    official = make_official()
    for day, precision in ((date(2019, 1, 1), "year"), (date(2023, 5, 1), "month")):
        text = f"In {day.year}: {QUOTE}"
        statement = make_statement(official, date=day, date_precision=precision, source_text=text)
        make_claim(statement, QUOTE)
    make_claim(make_statement(official, date=date(2023, 7, 4)), QUOTE)
    html = get_html(client, "/")
    gaps = re.findall(r'<p class="time-gap room-(\d+)"><span>([^<]+)</span></p>', html)
    assert [words for _, words in gaps] == ["2 months earlier", "4 years earlier"]
    assert int(gaps[0][0]) < int(gaps[1][0])


@pytest.mark.django_db
def test_claims_too_close_on_a_lane_are_one_mark_that_lists_them(client):
    official, roads = make_official(), make_topic("Roads")
    for day in (date(2024, 1, 10), date(2024, 1, 12), date(2024, 6, 1)):
        text = f"On {day}: {QUOTE}"
        statement = make_statement(official, date=day, source_text=text)
        make_claim(statement, QUOTE, topics=(roads,))
    html = get_html(client, "/?official=ana-petrova&q=bridge&view=lanes")
    group = re.search(r'<a class="mark-group" href="([^"]+)" aria-label="([^"]+)">', html)
    assert group.group(2) == "Roads: 2 claims, 10 Jan 2024 – 12 Jan 2024"
    listing = group.group(1).replace("&amp;", "&")
    assert listing == (
        "/?official=ana-petrova&q=bridge&topic=roads&date_after=2024-01-10&date_before=2024-01-12"
    )
    assert len(re.findall(r"timeline-claim-", get_html(client, listing))) == 2
    assert len(re.findall(r'<a href="/claims/\d+/" aria-label="Roads, 1 Jun 2024', html)) == 1
