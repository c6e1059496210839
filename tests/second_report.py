"""A second outlet's report of the seed's TASS interview, written for the tests (not copied from
any outlet): it gives two claims' quotes word for word (one with curly quotation marks, which
do not count as a difference) and one with slightly different words."""

from statements.models import Claim, Report, Statement
from tests.factories import add_evidence, make_outlet, make_report

SAME = "There is no place for ‘gray zones’ in Azerbaijan"
AGREEING = (
    "Karabakh is an internal issue of Azerbaijan, and any attempts to dispute this are "
    "counterproductive from the perspective of achieving sustainable peace in the region"
)
DIFFERING = (
    "It is the illegal regime in Khankendi that is blocking the simultaneous opening of the "
    "Aghdam and Lachin roads"
)
TEXT = (
    "Presidential aide restates Baku's line on Karabakh. In an interview with the Russian news "
    f"agency, Hikmet Hajiyev said that “{AGREEING}.” He went on: “{DIFFERING}.” Asked about "
    f"calls for outside monitors, he answered: “{SAME}.”"
)
URL = "https://caspian-ledger.example/2023/09/16/hajiyev-tass"


def claim_quoting(statement: Statement, start: str) -> Claim:
    return Claim.objects.with_evidence().get(statement=statement, main_quote__startswith=start)


def add_second_report(statement: Statement) -> Report:
    """The report, by "Caspian Ledger", with evidence for three of the statement's claims."""
    report = make_report(
        statement,
        outlet=make_outlet("Caspian Ledger"),
        source_text=TEXT,
        source_url=URL,
        headline_as_printed="Hajiyev: no grey zones in Azerbaijan",
    )
    add_evidence(claim_quoting(statement, "There is no place"), report, SAME)
    add_evidence(claim_quoting(statement, "Karabakh is an internal issue"), report, AGREEING)
    add_evidence(claim_quoting(statement, "It is the illegal regime"), report, DIFFERING)
    return report
