"""A small archive for the claim tally's tests, and the checks that the tally is a count of it.

Two officials over two months, three outlets (one a venue that also printed its statement's
report, one statement told by two reports), two topics, a draft; every kind of row the tally
holds has something to count.
"""

from datetime import date
from urllib.parse import urlencode

from django.http import QueryDict

from statements import wording
from statements.models import Claim, StatementStatus
from statements.ops.claim_tally import recounted, sums_kept, tally_added_up, tally_sums
from statements.public.counting import (
    COUNTS,
    by_month,
    by_official,
    claims_by_key,
    counted_together,
    counts_in_one_pass,
    facet_counts_at_once,
    totals_by_key,
)
from statements.public.filters import ClaimFilter
from statements.public.tally_counts import TallyCounts
from tests.factories import (
    DEFAULT_TEXT,
    make_claim,
    make_official,
    make_outlet,
    make_report,
    make_statement,
    make_topic,
)
from tests.replay import replayed

FIRST, SECOND = "We will build the bridge.", "Critics said it would never be built."


def text(number: int) -> str:
    """A report's text: each text is stored once, so each is told apart by a number."""
    return f"{DEFAULT_TEXT} ({number})"


def stored_archive() -> dict:
    """The archive, written back row for row after its first build (tests.replay)."""
    return replayed(build_archive)


def build_archive() -> dict:
    ana, ben = make_official("Ana Petrova"), make_official("Ben Okoro")
    roads, water = make_topic("Roads"), make_topic("Water")
    courier, herald, tribune = make_outlet("Courier"), make_outlet("Herald"), make_outlet("Tribune")
    may = make_statement(
        ana, date=date(2024, 5, 10), venue=courier, reporting_outlet=herald, source_text=text(1)
    )
    may_later = make_statement(
        ana, date=date(2024, 5, 28), reporting_outlet=courier, source_text=text(2)
    )
    june = make_statement(
        ben, date=date(2024, 6, 1), venue=herald, reporting_outlet=herald, source_text=text(3)
    )
    second_report = make_report(june, source_text=text(4), outlet=tribune)
    draft = make_statement(
        ben,
        date=date(2024, 6, 15),
        venue=courier,
        source_text=text(5),
        status=StatementStatus.DRAFT,
    )
    claims = [
        make_claim(may, FIRST, topics=(roads,)),
        make_claim(may, SECOND, topics=(roads, water)),
        make_claim(may_later, FIRST, topics=(water,)),
        make_claim(june, FIRST, topics=(roads,)),
        make_claim(june, SECOND),
        make_claim(draft, FIRST, topics=(roads,)),
    ]
    return {
        **{"ana": ana, "ben": ben, "roads": roads, "water": water},
        **{"courier": courier, "herald": herald, "tribune": tribune},
        **{"may": may, "may_later": may_later, "june": june, "draft": draft},
        "second_report": second_report,
        "claims": claims,
    }


def assert_tally_is_a_count_of_the_claims(using: str = "default") -> None:
    """Every row of the tally, against the same sums counted from the claims by the ORM; and
    the tally's sums (migration 0026), against its rows added up."""
    per = ["official", "month"]
    assert tally_sums(using, per) == recounted(Claim.objects.using(using), per)
    assert sums_kept(using) == tally_added_up(using)


# Views the tally answers: every filter it counts by, alone and together, and whole months.
VIEWS = [
    {},
    {"official": "ana-petrova"},
    {"topic": "roads"},
    {"outlet": "herald"},
    {"outlet": "courier", "topic": "water"},
    {"official": "ben-okoro", "topic": "roads", "outlet": "herald"},
    {"date_after": "2024-05-01", "date_before": "2024-05-31"},
    {"date_after": "2024-06-01", "outlet": "tribune"},
    {"date_before": "2024-05-31", "official": "ana-petrova", "order": "oldest"},
]


def filtersets(views: list[dict]) -> list[tuple[dict, ClaimFilter]]:
    """Each view's filters, but those whose topic a write deleted."""
    found = []
    for params in views:
        filterset = ClaimFilter(QueryDict(urlencode(params)), Claim.objects.all())
        if filterset.is_valid():
            found.append((params, filterset))
        else:
            assert set(filterset.errors) == {"topic"}, params  # its topic was deleted
    return found


def assert_views_count_as_the_claims() -> None:
    """What the tally answers for each view equals what the claims give, counted as before."""
    for params, filterset in filtersets(VIEWS):
        tally = TallyCounts(filterset)
        assert all(tally.can_answer(name) for name in ("", "official", "topic", "outlet"))
        rows = tally.counted(["months", "officials", "topic", "outlet"])
        claims = filterset.qs_without
        assert totals_by_key(rows["months"]) == by_month(claims()), params
        assert claims_by_key(rows["officials"]) == by_official(claims("official")), params
        facets = facet_counts_at_once({name: claims(name) for name in ("topic", "outlet")})
        assert claims_by_key(rows["topic"]) == facets["topic"], params
        assert claims_by_key(rows["outlet"]) == facets["outlet"], params


# Views counted from the claims, in one pass: words (one, two, a phrase, a prefix, a word and a
# phrase; with an official, as an official's page searches), dates to the day, the wording, and
# the tally's own views.
ONE_PASS_VIEWS = [
    {"q": "bridge"},
    {"q": "said never"},
    {"q": '"never be built"'},
    {"q": "critic"},
    {"q": 'bridge "would never"'},
    {"q": "build", "official": "ana-petrova"},
    {"q": '"never be built"', "official": "ana-petrova"},
    {"q": "bridge", "official": "ben-okoro", "order": "oldest"},
    {"q": "bridge", "topic": "roads", "outlet": "herald"},
    {"date_after": "2024-05-11"},
    {"wording": wording.SINGLE_SOURCE},
    *VIEWS,
]


def assert_one_pass_counts_as_the_claims() -> None:
    """Each count made in one pass equals the same count made on its own by the ORM, for the
    counts of each view whose filter left out is not in force (those a view counts so)."""
    for params, filterset in filtersets(ONE_PASS_VIEWS):
        parts = counted_together(filterset)
        counts = counts_in_one_pass(filterset, parts)
        for what in parts:
            counted_alone = COUNTS[what].from_claims(filterset.qs_without())
            assert counts[what] == counted_alone, (params, what)
