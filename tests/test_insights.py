"""Seeing positions move: activity over time, lanes by topic, and then-versus-now."""

import re
from datetime import date

import pytest

from statements.public.activity import summary, timespan
from tests.factories import make_claim, make_official, make_statement, make_topic
from tests.test_views import get_html, listed_claim_ids

pytestmark = pytest.mark.django_db


def test_a_summary_always_gives_count_and_timespan():
    assert summary(4, date(2023, 9, 16), date(2024, 3, 29)) == "4 claims, Sep 2023 – Mar 2024"
    assert summary(1, date(2023, 9, 16), date(2023, 9, 30)) == "1 claim, Sep 2023"
    assert timespan(None, None) == ""


def bars(html: str) -> list[tuple[str, str, int]]:
    return [
        (href.replace("&amp;", "&"), label, int(count))
        for href, label, count in re.findall(
            r'<a href="([^"]+)" aria-label="([^"]+): (\d+) claims?">', html
        )
    ]


def test_the_official_page_charts_claims_per_month_each_bar_a_filtered_view(client, seeded):
    html = get_html(client, "/officials/hikmet-hajiyev/")
    assert "Activity: 25 claims, Sep 2023 – Mar 2024" in html
    chart = bars(html)
    assert [label for _, label, _ in chart] == [
        "Sep 2023",
        "Oct 2023",
        "Nov 2023",
        "Dec 2023",
        "Jan 2024",
        "Feb 2024",
        "Mar 2024",
    ]
    assert [count for _, _, count in chart] == [14, 0, 0, 0, 0, 0, 11]
    href, _, count = chart[0]
    assert href == "/officials/hikmet-hajiyev/?date_after=2023-09-01&date_before=2023-09-30"
    assert len(listed_claim_ids(get_html(client, href))) == count


def test_activity_counts_years_when_claims_span_longer(client):
    official = make_official()
    for number, year in enumerate((2010, 2012, 2012, 2015)):
        text = f"Statement {number}, {year}: We will build the bridge."
        statement = make_statement(official, date=date(year, 5, number + 1), source_text=text)
        make_claim(statement, "We will build the bridge.")
    html = get_html(client, f"/officials/{official.slug}/")
    chart = bars(html)
    assert [(label, count) for _, label, count in chart] == [
        ("2010", 1),
        ("2011", 0),
        ("2012", 2),
        ("2013", 0),
        ("2014", 0),
        ("2015", 1),
    ]
    assert chart[2][0].endswith("date_after=2012-01-01&date_before=2012-12-31")


def test_the_activity_chart_follows_the_filters(client, seeded):
    html = get_html(client, "/topics/humanitarian-access/?outlet=tass")
    assert "Activity: 6 claims, Sep 2023" in html


def test_topic_counts_on_the_official_page_give_their_timespan(client, seeded):
    html = get_html(client, "/officials/hikmet-hajiyev/")
    assert re.search(
        r'Karabakh</a> <span class="count">7</span> <span class="span">Sep 2023</span>', html
    )
    assert re.search(
        r'Peace process &amp; treaty</a> <span class="count">12</span> '
        r'<span class="span">Sep 2023 – Mar 2024</span>',
        html,
    )
    html = get_html(client, "/topics/karabakh/")
    assert re.search(
        r'Hikmet Hajiyev</a> <span class="count">7</span> <span class="span">Sep 2023', html
    )


def test_lanes_place_each_claim_on_its_topics_row(client, seeded):
    html = get_html(client, "/officials/hikmet-hajiyev/?view=lanes")
    lanes = re.findall(r'<th scope="row" class="lane-label">([^<]+)</th>', html)
    assert lanes[0] == "Peace process &amp; treaty"
    assert len(lanes) == 8
    # A claim is a mark of its own, or counted in a mark grouping those too close to tell apart.
    marks = re.findall(r'<a href="/claims/(\d+)/" aria-label="([^"]+)">', html)
    groups = re.findall(r'<a class="mark-group" href="[^"]+" aria-label="[^"]+: (\d+) claims', html)
    assert len(marks) + sum(map(int, groups)) == 12 + 7 + 6 + 6 + 5 + 5 + 3 + 3
    assert len(re.findall(r'<li><a href="/claims/\d+/">', html)) == 12 + 7 + 6 + 6 + 5 + 5 + 3 + 3
    assert "<strong>Karabakh</strong>: 7 claims, Sep 2023" in html
    assert listed_claim_ids(html) == []
    assert '<input type="hidden" name="view" value="lanes">' in html


def test_lanes_are_offered_on_the_timeline_only_for_one_official(client, seeded):
    assert "Lanes by topic" not in get_html(client, "/")
    assert "lane-label" not in get_html(client, "/?view=lanes")
    html = get_html(client, "/?official=hikmet-hajiyev&view=lanes&topic=karabakh")
    assert re.findall(r'<th scope="row" class="lane-label">([^<]+)</th>', html)[0] == "Karabakh"


def test_then_and_now_puts_consecutive_statements_on_a_topic_side_by_side(client, seeded):
    html = get_html(client, "/officials/hikmet-hajiyev/?topic=peace-process")
    steps = html[html.index("How the position moved") : html.index('class="period"')]
    then, later = steps.split("Later ·")
    assert "16 September 2023" in then and "hindered" in then
    assert "29 March 2024" in later and "closer to peace than ever before" in later
    assert "How the position moved" not in get_html(client, "/officials/hikmet-hajiyev/")


def test_then_and_now_keeps_the_latest_statements_in_date_order(client):
    official = make_official()
    topic = make_topic()
    for year in range(2000, 2015):
        statement = make_statement(
            official, date=date(year, 1, 2), source_text=f"In {year}: We will build the bridge."
        )
        make_claim(statement, "We will build the bridge.", topics=(topic,))
    html = get_html(client, f"/officials/{official.slug}/?topic={topic.slug}")
    years = re.findall(r'<p class="meta">(?:Then|Later) · <time datetime="(\d{4})', html)
    # Each statement once (it used to repeat every middle one, as the end of one pair and the
    # start of the next).
    assert years == [str(year) for year in range(2004, 2015)]


def two_officials_on_roads_and_budget():
    roads, budget, health = make_topic("Roads"), make_topic("Budget"), make_topic("Health")
    ana, ben = make_official("Ana Petrova"), make_official("Ben Okoro")
    texts = [
        (ana, date(2020, 1, 5), "We will build the bridge.", (roads,)),
        (ana, date(2022, 3, 1), "The bridge is delayed.", (roads, budget)),
        (ben, date(2021, 6, 1), "The bridge is a waste.", (roads,)),
        (ben, date(2021, 7, 1), "Hospitals come first.", (health,)),
    ]
    for official, day, quote, topics in texts:
        statement = make_statement(official, date=day, source_text=f"Said: {quote} End.")
        make_claim(statement, quote, topics=topics)
    return ana, ben


def compare_rows(html: str) -> list[tuple[str, str, str]]:
    body = html[html.index("<tbody>") : html.index("</tbody>")]
    rows = re.findall(r'<th scope="row">([^<]+)</th>(.*?)</tr>', body, re.S)
    return [(topic, *re.findall(r'<p class="muted">([^<]+)</p>', cells)) for topic, cells in rows]


def test_compare_lines_up_two_officials_topic_by_topic(client):
    two_officials_on_roads_and_budget()
    html = get_html(client, "/compare/?a=ana-petrova&b=ben-okoro")
    assert compare_rows(html) == [
        ("Roads", "2 claims, Jan 2020 – Mar 2022", "1 claim, Jun 2021"),
        ("Budget", "1 claim, Mar 2022", "Nothing said"),
        ("Health", "Nothing said", "1 claim, Jul 2021"),
    ]
    assert "“The bridge is a waste.”" in html


def test_compare_keeps_to_the_same_dates_for_both(client):
    two_officials_on_roads_and_budget()
    html = get_html(client, "/compare/?a=ana-petrova&b=ben-okoro&date_after=2021-01-01")
    assert compare_rows(html)[0] == ("Roads", "1 claim, Mar 2022", "1 claim, Jun 2021")


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("a=ana-petrova&b=ana-petrova", "Choose two different officials."),
        ("a=ana-petrova&b=nobody", "Select a valid choice"),
        ("a=ana-petrova&b=ben-okoro&date_after=someday", "Date: Enter a valid date."),
    ],
)
def test_compare_refuses_bad_choices_with_a_message(client, query, message):
    two_officials_on_roads_and_budget()
    html = get_html(client, f"/compare/?{query}", status=400)
    assert message in html


def test_the_compare_page_opens_empty(client):
    html = get_html(client, "/compare/")
    assert "Compare two officials" in html and "<table" not in html
