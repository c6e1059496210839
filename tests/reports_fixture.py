"""A second report of a seed interview, written for the tests (not copied from any outlet):
the Phoenix TV interview of 29 March 2024 as a made-up outlet, the Caspian Ledger, told it.
Its quotes give the same words as News.Az's for three claims (one with its first letter in
lower case, which is how a quote is set, not what was said) and slightly different words for
one: "For three decades, it has been negotiating but has achieved little" where News.Az
printed "For 30 years, it has been negotiating but has not achieved much"."""

from datetime import date
from pathlib import Path

import pytest

from statements.models import Claim, Report, Statement
from tests.factories import add_evidence, make_outlet, make_report

TEXT = (Path(__file__).parent / "reports" / "phoenix_tv_caspian_ledger.txt").read_text()
PHOENIX_TV_INTERVIEW = date(2024, 3, 29)

# The claim (by its order in the statement) and the words this report gives for it.
AGREEING = {
    5: "Now Armenia and Azerbaijan are closer to peace than ever before. The last six months "
    "on the Armenian-Azerbaijani border have been among the calmest in the history of the two "
    "countries.",
    7: "now peace is close. There is de facto peace on the ground",
    9: "We have drafted the text of the peace treaty despite being the object of military "
    "occupation, and we have also formulated five fundamental principles of the peace treaty "
    "for the Republic of Armenia.",
}
DIFFERING = {
    6: "We have witnessed the chairmanship of the OSCE Minsk Group. For three decades, it has "
    "been negotiating but has achieved little. The occupation continued, and we were far from "
    "peace.",
}


def add_second_report() -> Report:
    """The Caspian Ledger's report, with evidence for every claim it quotes."""
    statement = Statement.objects.get(date=PHOENIX_TV_INTERVIEW)
    report = make_report(
        statement,
        outlet=make_outlet("Caspian Ledger", homepage="https://caspian-ledger.example/"),
        source_url="https://caspian-ledger.example/2024/03/30/hajiyev-phoenix-tv",
        published_on=date(2024, 3, 30),
        dateline="HONG KONG",
        headline_as_printed='Presidential adviser: "peace is close" between Azerbaijan and Armenia',
        title_as_given="foreign policy adviser to the President of Azerbaijan",
        source_text=TEXT,
    )
    for order, quote in (AGREEING | DIFFERING).items():
        add_evidence(Claim.objects.get(statement=statement, order=order), report, quote)
    return report


def claim_of(order: int) -> Claim:
    return Claim.objects.get(statement__date=PHOENIX_TV_INTERVIEW, order=order)


@pytest.fixture
def two_reports(seeded) -> Report:
    """The seed, and a second report of its Phoenix TV interview."""
    return add_second_report()


@pytest.fixture
def two_reports_live(seeded_live) -> Report:
    """The same, committed so that the live server's thread sees it."""
    return add_second_report()
