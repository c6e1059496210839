from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from statements.models import Claim, ClaimKind, DatePrecision, Post, Statement
from tests.factories import DEFAULT_TEXT, make_claim, make_official, make_statement

pytestmark = pytest.mark.django_db


def test_a_quote_that_matches_its_span_is_valid():
    claim = make_claim(make_statement(), "We will build the bridge.")
    claim.full_clean()
    assert claim.evidence == "We will build the bridge."


def test_a_quote_that_differs_from_the_source_at_its_span_is_rejected_naming_the_claim():
    statement = make_statement(headline="Bridge interview")
    start = DEFAULT_TEXT.index("We will")
    claim = Claim(
        statement=statement,
        order=3,
        summary="The bridge will be built.",
        quote="We will build the tunnel.",
        span_start=start,
        span_end=start + len("We will build the tunnel."),
    )
    with pytest.raises(ValidationError) as error:
        claim.full_clean()
    message = str(error.value.message_dict["quote"])
    assert "Claim 3 of “Bridge interview”" in message
    assert "We will build the bridge." in message


def test_a_span_outside_the_source_text_is_rejected():
    statement = make_statement()
    claim = Claim(
        statement=statement,
        kind=ClaimKind.PARAPHRASE,
        summary="Something reported.",
        span_start=10,
        span_end=len(DEFAULT_TEXT) + 5,
    )
    with pytest.raises(ValidationError) as error:
        claim.full_clean()
    assert "lies outside the source text" in str(error.value)


def test_an_empty_or_reversed_span_is_rejected():
    statement = make_statement()
    claim = Claim(
        statement=statement, kind=ClaimKind.PARAPHRASE, summary="x", span_start=20, span_end=20
    )
    with pytest.raises(ValidationError):
        claim.full_clean()


def test_a_direct_quote_needs_its_words():
    claim = Claim(
        statement=make_statement(), kind=ClaimKind.QUOTE, summary="x", span_start=0, span_end=5
    )
    with pytest.raises(ValidationError) as error:
        claim.full_clean()
    assert "direct quote needs" in str(error.value)


def test_a_paraphrase_points_at_its_evidence_without_a_quote():
    statement = make_statement()
    start = DEFAULT_TEXT.index("Critics")
    claim = Claim(
        statement=statement,
        kind=ClaimKind.PARAPHRASE,
        summary="Critics doubt it.",
        span_start=start,
        span_end=len(DEFAULT_TEXT),
        order=1,
    )
    claim.full_clean()
    assert claim.evidence.startswith("Critics said")


def test_the_database_refuses_a_quote_longer_than_its_span():
    statement = make_statement()
    with pytest.raises(IntegrityError), transaction.atomic():
        Claim.objects.create(
            statement=statement, summary="x", quote="We will", span_start=0, span_end=3
        )


def test_the_database_refuses_two_claims_with_one_order_in_a_statement():
    statement = make_statement()
    make_claim(statement, "We will build the bridge.", order=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_claim(statement, "Critics said", order=1)


def test_the_same_source_text_cannot_be_stored_twice():
    official = make_official()
    first = make_statement(official)
    second = Statement(
        official=official,
        date=date(2024, 6, 1),
        kind="speech",
        headline="Again",
        source_text=DEFAULT_TEXT,
    )
    with pytest.raises(ValidationError) as error:
        second.full_clean()
    assert f"already stored as statement #{first.pk}" in str(error.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        second.save()


def test_a_month_precise_date_is_shown_without_a_day():
    statement = make_statement(date=date(2020, 10, 1), date_precision=DatePrecision.MONTH)
    statement.full_clean()
    assert statement.date_display == "October 2020"


def test_a_month_precise_date_must_fall_on_the_first():
    statement = make_statement(date=date(2020, 10, 15), date_precision=DatePrecision.MONTH)
    with pytest.raises(ValidationError) as error:
        statement.full_clean()
    assert "1st of the month" in str(error.value)


def test_a_year_precise_date_is_shown_as_the_year_alone():
    statement = make_statement(date=date(2016, 1, 1), date_precision=DatePrecision.YEAR)
    statement.full_clean()
    assert statement.date_display == "2016"


def test_the_post_held_on_a_day_is_found():
    official = make_official()
    Post.objects.create(
        official=official,
        role="Spokesperson",
        start_date=date(2014, 1, 1),
        end_date=date(2018, 2, 1),
    )
    Post.objects.create(official=official, role="Adviser", start_date=date(2018, 2, 2))
    assert str(official.post_on(date(2016, 5, 5))) == "Spokesperson"
    assert str(official.post_on(date(2024, 5, 5))) == "Adviser"
    assert official.post_on(date(2010, 1, 1)) is None


def test_a_post_cannot_end_before_it_starts():
    post = Post(
        official=make_official(),
        role="Adviser",
        start_date=date(2020, 1, 2),
        end_date=date(2020, 1, 1),
    )
    with pytest.raises(ValidationError) as error:
        post.full_clean()
    assert "cannot end before it starts" in str(error.value)


def test_aliases_are_read_one_per_line():
    official = make_official(aliases="Petrova\n  the minister \n\n")
    assert official.alias_list == ["Petrova", "the minister"]
