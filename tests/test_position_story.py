"""Change at a glance: then → later cards, curated position changes, their filter and export."""

import re
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from statements.models import ClaimKind, DatePrecision, PositionChange, Rating, Statement
from statements.ops.claim_tally import tally_paused
from statements.ops.seed_fixtures import SeedError, build_fixture
from statements.public.elapsed import later_by
from statements.public.versions import data_version
from tests.factories import make_claim, make_official, make_outlet, make_statement, make_topic
from tests.test_export import download, download_json
from tests.test_views import HTMX, get_html, listed_claim_ids

pytestmark = pytest.mark.django_db

HAJIYEV = "/officials/hikmet-hajiyev/"


def story_of(html: str) -> str:
    """The then → later section of a page."""
    start = html.index('id="position-story"')
    return html[start : html.index("</section>", start)]


def cards_of(html: str) -> list[str]:
    return re.split(r'<li class="story-step">', story_of(html))[1:]


def card_dates(html: str) -> list[str]:
    return re.findall(r'<p class="meta">(?:Then|Later) · <time datetime="([\d-]+)"', html)


def seed_change(topic: str) -> PositionChange:
    return PositionChange.objects.get(topic__slug=topic)


# ---- The seed: what the two articles support ---------------------------------------------


def test_the_seed_records_the_changes_the_two_articles_support(seeded):
    changes = {c.topic.slug: c.rating for c in PositionChange.objects.published()}
    assert changes == {
        "peace-process": Rating.SOFTENED,
        "territorial-integrity": Rating.UNCHANGED,
        "international-mediation": Rating.UNCHANGED,
        "foreign-pressure": Rating.UNCHANGED,
    }
    peace = seed_change("peace-process")
    assert (peace.earlier.date, peace.later.date) == (date(2023, 9, 16), date(2024, 3, 29))
    assert "hindered" in peace.note and "closer to peace than ever" in peace.note
    for change in PositionChange.objects.all():
        change.full_clean()  # both statements his, in date order, each with a claim on the topic


def write_annotation(tmp_path: Path, change: str) -> Path:
    source = (settings.SEED_ANNOTATIONS_DIR / "hajiyev.toml").read_text(encoding="utf-8")
    head = source[: source.index("[[position_changes]]")]
    (tmp_path / "hajiyev.toml").write_text(head + change, encoding="utf-8")
    return tmp_path


CHANGE = """[[position_changes]]
official = "hikmet-hajiyev"
topic = "{topic}"
earlier = "{earlier}"
later = "000_596cf3992b7bd5fc.txt"
rating = "{rating}"
note = "A note."
"""
TASS = "004_9734b823c9ffa713.txt"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"topic": "karabakh"}, "000_596cf3992b7bd5fc.txt has no claim on karabakh"),
        ({"rating": "flip-flopped"}, "unknown rating 'flip-flopped'"),
        ({"earlier": "missing.txt"}, "no statement annotated for missing.txt"),
    ],
)
def test_building_the_seed_refuses_a_change_the_articles_cannot_carry(tmp_path, fields, message):
    values = {"topic": "peace-process", "earlier": TASS, "rating": "softened", **fields}
    annotations = write_annotation(tmp_path, CHANGE.format(**values))
    with pytest.raises(SeedError, match=re.escape(message)):
        build_fixture(annotations, settings.SEED_SOURCES_DIR)


# ---- Then → later cards ------------------------------------------------------------------


def test_choosing_a_topic_puts_then_and_later_cards_above_the_list(client, seeded):
    html = get_html(client, f"{HAJIYEV}?topic=peace-process")
    assert html.index('id="position-story"') < html.index('class="results-bar"')
    then, later = cards_of(html)
    assert "16 September 2023" in then and "29 March 2024" in later
    assert "Interview with TASS · reported by Trend" in then
    assert "Interview with Phoenix TV · reported by News.Az" in later
    assert '<span class="elapsed">6 months later</span>' in later
    assert "Softened</span>" in later and escape(seed_change("peace-process").note) in later
    assert (
        'class="badge badge-quote">Quote</span>' in then and 'class="badge">Reported</span>' in then
    )
    # Every quote whole: the longest on the topic ends as the article does.
    assert "Peace is here—in the South Caucasus region, between the two countries.”" in later
    assert "…" not in story_of(html)


def test_each_statement_appears_once_in_date_order_with_the_time_between(client):
    official, topic = make_official(), make_topic()
    days = [date(2023, 9, 16), date(2023, 10, 2), date(2024, 3, 29), date(2026, 4, 1)]
    for number, day in enumerate(days):
        statement = make_statement(official, date=day, source_text=f"{number}: We will go on.")
        make_claim(statement, "We will go on.", topics=(topic,))
    html = get_html(client, f"/?official={official.slug}&topic={topic.slug}")
    assert card_dates(story_of(html)) == [day.isoformat() for day in days]
    gaps = re.findall(r'<span class="elapsed">([^<]+)</span>', story_of(html))
    assert gaps == ["2 weeks later", "5 months later", "2 years later"]


@pytest.mark.parametrize("claims_per_statement", [4, 10])
def test_the_steps_are_the_latest_statements_whatever_page_or_order_the_list_shows(
    client, claims_per_statement
):
    """The steps come from the first page's claims when it holds the latest statements whole
    (four claims a statement: thirteen statements on a page of fifty), from the database when
    it does not (ten claims a statement: five); either way they are the same."""
    official, topic = make_official(), make_topic()
    days = [date(2020, 1, 1 + number) for number in range(20)]
    with transaction.atomic(), tally_paused():  # a month of 200 claims: counted once, not per row
        for number, day in enumerate(days):
            sentences = [f"Point {number}.{part} stands." for part in range(claims_per_statement)]
            statement = make_statement(official, date=day, source_text=" ".join(sentences))
            for sentence in sentences:
                make_claim(statement, sentence, topics=(topic,))
    view = f"/?official={official.slug}&topic={topic.slug}"
    latest = [day.isoformat() for day in days[-11:]]
    stories = [
        story_of(get_html(client, f"{view}{more}", **headers))
        for more in ("", "&page=2", "&order=oldest")
        for headers in ({}, HTMX)
    ]
    assert card_dates(stories[0]) == latest
    assert all(story == stories[0] for story in stories)


@pytest.mark.parametrize(
    ("earlier", "later", "words"),
    [
        ((date(2023, 9, 16), "day"), (date(2024, 3, 29), "day"), "6 months later"),
        ((date(2023, 9, 16), "day"), (date(2024, 3, 10), "day"), "5 months later"),
        ((date(2023, 9, 16), "day"), (date(2023, 9, 16), "day"), "The same day"),
        ((date(2023, 9, 16), "day"), (date(2023, 9, 19), "day"), "3 days later"),
        ((date(2020, 1, 1), "day"), (date(2021, 7, 1), "day"), "1 year and 6 months later"),
        ((date(2023, 9, 1), "month"), (date(2023, 9, 20), "day"), "The same month"),
        ((date(2016, 1, 1), "year"), (date(2023, 9, 16), "day"), "7 years later"),
    ],
)
def test_the_time_between_is_said_no_finer_than_the_dates(earlier, later, words):
    first = Statement(date=earlier[0], date_precision=DatePrecision(earlier[1]))
    second = Statement(date=later[0], date_precision=DatePrecision(later[1]))
    assert later_by(first, second) == words


def test_a_long_quote_is_folded_whole_into_details_never_cut(client):
    official, topic = make_official(), make_topic()
    words = " ".join(f"word{number}" for number in range(80)) + "."
    statement = make_statement(official, source_text=f"He said: {words} End.")
    make_claim(statement, words, topics=(topic,))
    story = story_of(get_html(client, f"/?official={official.slug}&topic={topic.slug}"))
    details = story[story.index('<details class="long-quote">') : story.index("</details>")]
    assert "Whole quote, 80 words" in details
    assert f"“{words}”</blockquote>" in details


def test_a_topic_with_one_statement_says_there_is_none_later(client, seeded):
    story = story_of(get_html(client, f"{HAJIYEV}?topic=karabakh"))
    assert "1 statement, 16 September 2023: no later one to compare" in story
    assert len(cards_of(get_html(client, f"{HAJIYEV}?topic=karabakh"))) == 1


def test_the_fragment_sends_the_story_out_of_band_on_an_official_page(client, seeded):
    html = get_html(client, f"{HAJIYEV}?topic=peace-process", **HTMX)
    assert '<div id="position-story-slot" class="story-slot" hx-swap-oob="true">' in html
    assert len(cards_of(html)) == 2
    timeline = get_html(client, "/?official=hikmet-hajiyev&topic=peace-process", **HTMX)
    assert "hx-swap-oob" not in timeline[: timeline.index('id="position-story"')]
    assert len(cards_of(timeline)) == 2


def test_an_unpublished_change_or_statement_hides_the_rating(client, seeded):
    peace = seed_change("peace-process")
    PositionChange.objects.filter(pk=peace.pk).update(status="in_review")
    assert "rating-softened" not in get_html(client, f"{HAJIYEV}?topic=peace-process")
    PositionChange.objects.filter(pk=peace.pk).update(status="published")
    Statement.objects.filter(pk=peace.earlier_id).update(status="draft")
    html = get_html(client, HAJIYEV)
    assert "rating-softened" not in html and "How positions moved" not in html


def test_a_change_published_after_the_page_was_seen_shows_at_once(client, seeded):
    peace = seed_change("peace-process")
    PositionChange.objects.filter(pk=peace.pk).update(status="in_review")
    assert "rating-softened" not in get_html(client, f"{HAJIYEV}?topic=peace-process")
    PositionChange.objects.filter(pk=peace.pk).update(status="published")
    assert "rating-softened" in get_html(client, f"{HAJIYEV}?topic=peace-process")


# ---- The summary on an official's page --------------------------------------------------


def test_the_official_page_sums_up_each_rated_topic_linking_to_its_evidence(client, seeded):
    html = get_html(client, HAJIYEV)
    summary = html[html.index("How positions moved") : html.index('class="facts"')]
    lines = re.findall(r'<li><a href="([^"]+)">(.*?)</a></li>', summary)
    texts = [re.sub(r"<[^>]+>", "", text) for _, text in lines]
    assert texts[0] == "Peace process &amp; treaty: softened, Sep 2023 → Mar 2024"
    assert "International mediation: unchanged, Sep 2023 → Mar 2024" in texts
    assert len(lines) == 4
    href = lines[0][0]
    assert href == f"{HAJIYEV}?topic=peace-process"
    assert len(cards_of(get_html(client, href))) == 2
    assert html.index("How positions moved") < html.index("<h2>Timeline</h2>")


def test_the_timeline_with_one_official_offers_the_summary_in_its_results(client, seeded):
    html = get_html(client, "/?official=hikmet-hajiyev", **HTMX)
    assert "How Hikmet Hajiyev's positions moved" in html
    assert "How positions moved" not in get_html(client, "/")


# ---- The moved filter and the export -----------------------------------------------------


def test_the_moved_filter_keeps_the_claims_on_a_changes_topic_in_its_statements(client, seeded):
    softened = listed_claim_ids(get_html(client, "/?moved=softened"))
    on_peace = listed_claim_ids(get_html(client, "/?topic=peace-process"))
    assert sorted(softened) == sorted(on_peace) and len(softened) == 12
    assert listed_claim_ids(get_html(client, "/?moved=reversed")) == []
    unchanged = listed_claim_ids(get_html(client, "/?moved=unchanged"))
    assert len(unchanged) == len(set(unchanged)) == 13
    assert "Moved: softened" in get_html(client, "/?moved=softened")


def test_a_bad_moved_value_is_a_400_with_the_forms_message(client, seeded):
    html = get_html(client, "/?moved=flipped", status=400)
    assert "Position change: Select a valid choice" in html


def test_the_changes_export_has_one_row_per_change_of_the_view(client, seeded):
    header, rows = download(client, "/export.csv?level=changes&official=hikmet-hajiyev")
    assert header[:7] == [
        *("change_id", "official_name", "official_slug", "topic", "topic_slug", "rating"),
        "note",
    ]
    assert len(rows) == 4
    peace = next(row for row in rows if row["topic_slug"] == "peace-process")
    assert peace["rating"] == "softened" and peace["note"] == seed_change("peace-process").note
    assert (peace["earlier_date"], peace["later_date"]) == ("2023-09-16", "2024-03-29")
    assert peace["evidence_url"] == f"{settings.SITE_URL}{HAJIYEV}?topic=peace-process"
    assert peace["later_statement_url"].endswith(f"/statements/{peace['later_statement_id']}/")
    _, only_peace = download(client, "/export.csv?level=changes&topic=peace-process")
    assert [row["topic_slug"] for row in only_peace] == ["peace-process"]
    _, after = download(client, "/export.csv?level=changes&date_after=2024-01-01&moved=softened")
    assert len(after) == 1
    as_json = download_json(client, "/export.json?level=changes&official=hikmet-hajiyev")
    assert [row["change_id"] for row in as_json] == [int(row["change_id"]) for row in rows]


def test_an_unknown_export_level_names_the_changes_level(client, seeded):
    response = client.get("/export.csv?level=people")
    assert response.status_code == 400
    assert "claims, statements, evidence, changes" in response.content.decode()


# ---- Integrity and the data's version ----------------------------------------------------


def two_statements_on(topic, official=None):
    official = official or make_official()
    first = make_statement(official, date=date(2023, 1, 5), source_text="A: We will go on.")
    second = make_statement(official, date=date(2023, 6, 5), source_text="B: We will go on.")
    for statement in (first, second):
        make_claim(statement, "We will go on.", topics=(topic,))
    return official, first, second


def test_a_change_must_join_two_of_the_officials_statements_on_its_topic():
    topic = make_topic()
    official, first, second = two_statements_on(topic)
    other = make_statement(make_official("Ben Okoro"), source_text="C: We will go on.")
    cases = [
        ({"later": other}, "This statement is not Ana Petrova's."),
        ({"topic": make_topic("Health")}, "This statement has no claim on Health."),
        ({"earlier": second, "later": first}, "The later statement is dated before the earlier."),
    ]
    for fields, message in cases:
        values = {"official": official, "topic": topic, "earlier": first, "later": second}
        change = PositionChange(**{**values, **fields}, rating="softened", note="A note.")
        with pytest.raises(ValidationError, match=re.escape(message)):
            change.full_clean()


def test_a_new_position_change_gives_a_new_data_version():
    topic = make_topic()
    official, first, second = two_statements_on(topic)
    before = data_version("default")
    change = PositionChange.objects.create(
        official=official, topic=topic, earlier=first, later=second, rating="hardened", note="N."
    )
    assert data_version("default") != before
    before = data_version("default")
    PositionChange.objects.filter(pk=change.pk).update(rating="softened")
    assert data_version("default") != before


def test_an_official_page_with_a_topic_and_a_change_stays_within_ten_queries(client):
    topic = make_topic()
    official, first, second = two_statements_on(topic)
    PositionChange.objects.create(
        official=official,
        topic=topic,
        earlier=first,
        later=second,
        rating="hardened",
        note="Firmer.",
        status="published",
    )
    make_outlet()
    for url in (
        f"/officials/{official.slug}/?topic={topic.slug}",
        f"/?official={official.slug}&topic={topic.slug}",
    ):
        with CaptureQueriesContext(connection) as queries:
            html = get_html(client, url, **HTMX)
        assert "Hardened</span>" in html
        assert len(queries) <= 10, [query["sql"][:80] for query in queries]


def test_user_text_in_a_change_is_escaped(client):
    topic = make_topic("<b>Roads</b>", slug="roads")
    official, first, second = two_statements_on(topic)
    PositionChange.objects.create(
        official=official,
        topic=topic,
        earlier=first,
        later=second,
        rating="reversed",
        note="<script>alert(1)</script>",
        status="published",
    )
    html = get_html(client, f"/officials/{official.slug}/?topic={topic.slug}")
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    assert "<b>Roads</b>" not in html


def test_claim_kinds_are_labelled_quote_or_reported(client, seeded):
    story = story_of(get_html(client, f"{HAJIYEV}?topic=peace-process"))
    quotes = story.count(">Quote</span>")
    reported = story.count(">Reported</span>")
    claims = Statement.objects.get(date=date(2023, 9, 16)).claims.filter(
        topics__slug="peace-process"
    )
    later = Statement.objects.get(date=date(2024, 3, 29)).claims.filter(
        topics__slug="peace-process"
    )
    kinds = [claim.kind for claim in [*claims, *later]]
    assert (quotes, reported) == (kinds.count(ClaimKind.QUOTE), kinds.count(ClaimKind.PARAPHRASE))


def test_the_cards_are_the_same_when_the_view_runs_to_several_pages(client, monkeypatch):
    official, topic = make_official(), make_topic()
    for year in range(2010, 2014):
        statement = make_statement(
            official, date=date(year, 3, 1), source_text=f"{year}: We go on. We stay."
        )
        make_claim(statement, "We go on.", topics=(topic,))
        make_claim(statement, "We stay.", topics=(topic,))
    url = f"/?official={official.slug}&topic={topic.slug}"
    one_page = card_dates(story_of(get_html(client, url)))
    monkeypatch.setattr("statements.public.views.filtered.CLAIMS_PER_PAGE", 3)
    several_pages = get_html(client, f"{url}&page=2")
    assert (
        card_dates(story_of(several_pages)) == one_page == [f"{y}-03-01" for y in range(2010, 2014)]
    )
    assert story_of(several_pages).count(">Quote</span>") == 8


def test_a_rating_shows_at_the_top_only_with_both_its_statements_on_the_cards(client, seeded):
    html = get_html(client, f"{HAJIYEV}?topic=peace-process")
    assert 'class="story-verdicts"' in story_of(html)
    narrowed = get_html(client, f"{HAJIYEV}?topic=peace-process&date_after=2024-01-01")
    assert len(cards_of(narrowed)) == 1 and "story-verdicts" not in story_of(narrowed)
