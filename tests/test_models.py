from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from statements.models import (
    Claim,
    ClaimKind,
    DatePrecision,
    Evidence,
    Post,
    Report,
    Statement,
    Wording,
)
from tests.factories import (
    DEFAULT_TEXT,
    add_evidence,
    make_claim,
    make_official,
    make_outlet,
    make_report,
    make_statement,
)

pytestmark = pytest.mark.django_db

SECOND_TEXT = "Asked again, the minister said: we will build the bridge. It opens in 2027."


def first_report(statement: Statement) -> Report:
    return statement.reports.get()


def test_a_quote_that_matches_its_span_is_valid():
    claim = make_claim(make_statement(), "We will build the bridge.")
    claim.main_evidence.full_clean()
    assert claim.evidence == "We will build the bridge."
    assert claim.quote == "We will build the bridge."


def test_a_quote_that_differs_from_the_report_at_its_span_is_rejected_naming_the_claim():
    statement = make_statement(headline="Bridge interview", reporting_outlet=make_outlet("Trend"))
    claim = Claim.objects.create(statement=statement, order=3, summary="The bridge.")
    start = DEFAULT_TEXT.index("We will")
    evidence = Evidence(
        claim=claim,
        report=first_report(statement),
        quote="We will build the tunnel.",
        span_start=start,
        span_end=start + len("We will build the tunnel."),
    )
    with pytest.raises(ValidationError) as error:
        evidence.full_clean()
    message = str(error.value.message_dict["quote"])
    assert "Claim 3 of “Bridge interview”, in Trend's report" in message
    assert "We will build the bridge." in message


def test_a_span_outside_the_report_is_rejected():
    statement = make_statement()
    claim = Claim.objects.create(statement=statement, kind=ClaimKind.PARAPHRASE, summary="x")
    evidence = Evidence(
        claim=claim, report=first_report(statement), span_start=10, span_end=len(DEFAULT_TEXT) + 5
    )
    with pytest.raises(ValidationError) as error:
        evidence.full_clean()
    assert "lies outside the report's text" in str(error.value)


def test_an_empty_span_is_rejected():
    statement = make_statement()
    claim = Claim.objects.create(statement=statement, kind=ClaimKind.PARAPHRASE, summary="x")
    evidence = Evidence(claim=claim, report=first_report(statement), span_start=20, span_end=20)
    with pytest.raises(ValidationError):
        evidence.full_clean()


def test_a_direct_quote_needs_its_words():
    statement = make_statement()
    claim = Claim.objects.create(statement=statement, kind=ClaimKind.QUOTE, summary="x")
    evidence = Evidence(claim=claim, report=first_report(statement), span_start=0, span_end=5)
    with pytest.raises(ValidationError) as error:
        evidence.full_clean()
    assert "direct quote needs" in str(error.value)


def test_a_paraphrase_points_at_its_evidence_without_a_quote():
    statement = make_statement()
    claim = Claim.objects.create(
        statement=statement, kind=ClaimKind.PARAPHRASE, summary="Critics doubt it.", order=1
    )
    start = DEFAULT_TEXT.index("Critics")
    evidence = Evidence(
        claim=claim,
        report=first_report(statement),
        is_main=True,
        span_start=start,
        span_end=len(DEFAULT_TEXT),
    )
    evidence.full_clean()
    evidence.save()
    assert claim.evidence.startswith("Critics said")
    assert Claim.objects.with_evidence().get().evidence.startswith("Critics said")


def test_evidence_in_a_report_of_another_statement_is_rejected():
    official = make_official()
    claim = make_claim(make_statement(official), "We will build the bridge.")
    other = make_statement(official, source_text=SECOND_TEXT)
    evidence = Evidence(claim=claim, report=first_report(other), span_start=0, span_end=5)
    with pytest.raises(ValidationError) as error:
        evidence.full_clean()
    assert "of another statement" in str(error.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        evidence.save()


def test_the_database_refuses_a_quote_that_is_not_the_report_at_its_span():
    claim = make_claim(make_statement(), "We will build the bridge.")
    tunnel = "We will build the tunnel."
    with pytest.raises(IntegrityError), transaction.atomic():
        Evidence.objects.filter(claim=claim).update(quote=tunnel[: len(claim.quote)])


def test_the_database_refuses_a_quote_longer_than_its_span():
    claim = make_claim(make_statement(), "We will build the bridge.")
    with pytest.raises(IntegrityError), transaction.atomic():
        Evidence.objects.filter(claim=claim).update(span_end=3)


def test_the_database_refuses_a_span_past_the_end_of_the_report():
    statement = make_statement()
    claim = Claim.objects.create(statement=statement, kind=ClaimKind.PARAPHRASE, summary="x")
    with pytest.raises(IntegrityError), transaction.atomic():
        Evidence.objects.create(
            claim=claim,
            report=first_report(statement),
            span_start=0,
            span_end=len(DEFAULT_TEXT) + 1,
        )


def test_a_reports_text_cannot_change_once_evidence_points_into_it():
    statement = make_statement()
    make_claim(statement, "We will build the bridge.")
    with pytest.raises(IntegrityError), transaction.atomic():
        Report.objects.filter(statement=statement).update(source_text="Another text entirely.")
    assert first_report(statement).source_text == DEFAULT_TEXT


def test_a_claim_has_one_main_evidence_and_one_per_report():
    statement = make_statement()
    first = first_report(statement)
    claim = make_claim(statement, "We will build the bridge.")
    second = make_report(statement, source_text=SECOND_TEXT)
    with pytest.raises(IntegrityError), transaction.atomic():
        add_evidence(claim, second, "build the bridge.", is_main=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        add_evidence(claim, first, "We will")


def test_the_database_refuses_two_claims_with_one_order_in_a_statement():
    statement = make_statement()
    make_claim(statement, "We will build the bridge.", order=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_claim(statement, "Critics said", order=1)


def test_the_same_text_cannot_be_stored_twice():
    official = make_official()
    first = make_statement(official)
    second = make_statement(official, source_text=SECOND_TEXT)
    again = Report(statement=second, order=1, source_text=DEFAULT_TEXT)
    with pytest.raises(ValidationError) as error:
        again.full_clean()
    assert f"already stored, in statement #{first.pk}" in str(error.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        again.save()


def test_wording_is_single_source_then_agrees_or_differs_as_reports_are_added():
    statement = make_statement()
    claim = make_claim(statement, "We will build the bridge.")
    assert claim.wording == Wording.SINGLE_SOURCE
    second = make_report(statement, source_text=SECOND_TEXT)
    # Only the first letter's case differs: the same words.
    evidence = add_evidence(claim, second, "we will build the bridge.")
    claim.refresh_from_db()
    assert claim.wording == Wording.AGREES
    evidence.delete()
    claim.refresh_from_db()
    assert claim.wording == Wording.SINGLE_SOURCE
    add_evidence(claim, second, "build the bridge. It opens")
    claim.refresh_from_db()
    assert claim.wording == Wording.DIFFERS


def test_a_statement_leads_with_its_primary_report_and_names_each_outlet_once():
    trend, tass = make_outlet("Trend"), make_outlet("TASS")
    statement = make_statement(reporting_outlet=trend)
    make_report(statement, source_text=SECOND_TEXT, outlet=tass, is_primary=True)
    make_report(statement, source_text=SECOND_TEXT + " Updated.", outlet=trend)
    assert statement.main_report.outlet == tass
    assert statement.reporting_outlets == [trend, tass]


def test_deleting_a_statement_deletes_its_reports_and_evidence():
    statement = make_statement()
    make_claim(statement, "We will build the bridge.")
    statement.delete()
    assert not Report.objects.exists()
    assert not Evidence.objects.exists()


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
