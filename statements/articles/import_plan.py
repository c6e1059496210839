"""What an import would do, before anything is stored: the options the person importing gives,
and for each official quoted the statement proposed, what it would repeat, and where it goes."""

from dataclasses import dataclass, field
from datetime import date

from statements.articles.outlet_choice import OutletChoice
from statements.articles.proposal import ProposedStatement, Reading
from statements.articles.source import Dated
from statements.models import Official, Outlet, Report, Statement


@dataclass
class ImportOptions:
    """What the person importing says where the text does not (or says it better)."""

    official: Official | None = None
    published: Dated | None = None
    venue: Outlet | None = None
    reporting_outlet: Outlet | None = None
    kind: str | None = None
    source_url: str = ""
    allow_empty: bool = False
    site_name: str = ""  # the web page's, when the text names no reporting outlet


@dataclass
class PlannedStatement:
    official: Official
    proposal: ProposedStatement
    venue: OutletChoice | None
    stored_report: Report | None = None  # this very text, imported before
    likely_duplicates: list[Statement] = field(default_factory=list)

    @property
    def stored(self) -> Statement | None:
        """The statement already holding this text as a report."""
        return self.stored_report.statement if self.stored_report else None


@dataclass
class ImportPlan:
    readings: list[tuple[Official, Reading]]
    reporting_outlet: OutletChoice | None
    statements: list[PlannedStatement]
    source_url: str = ""
    allow_empty: bool = False
    warnings: list[str] = field(default_factory=list)
    published_on: date | None = None  # the day the outlet published it, when the text says
    text: str = ""  # the article as received

    @property
    def official(self) -> Official:
        """The official holding the whole article."""
        return self.readings[0][0]

    @property
    def officials(self) -> list[Official]:
        return [official for official, _ in self.readings]

    @property
    def reading(self) -> Reading:
        return self.readings[0][1]

    @property
    def claim_count(self) -> int:
        return sum(len(planned.proposal.claims) for planned in self.statements)

    @property
    def already_imported(self) -> bool:
        return all(planned.stored for planned in self.statements)

    @property
    def likely_duplicates(self) -> list[Statement]:
        return [dup for planned in self.statements for dup in planned.likely_duplicates]
