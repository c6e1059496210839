"""Two officials side by side, topic by topic, over the same filters."""

from collections import defaultdict
from dataclasses import dataclass, field

from django import forms
from django.db.models import QuerySet

from statements.models import Claim, Official
from statements.public.activity import summary

CLAIMS_PER_CELL = 5
MOST_CLAIMS = 2000


class CompareForm(forms.Form):
    a = forms.ModelChoiceField(Official.objects.all(), to_field_name="slug", label="Official")
    b = forms.ModelChoiceField(Official.objects.all(), to_field_name="slug", label="Compared with")

    def clean(self) -> dict:
        data = super().clean()
        if data.get("a") and data.get("a") == data.get("b"):
            raise forms.ValidationError("Choose two different officials.")
        return data


@dataclass
class Cell:
    claims: list[Claim] = field(default_factory=list)
    count: int = 0
    first: object = None
    last: object = None

    def add(self, claim: Claim) -> None:
        day = claim.statement.date
        self.count += 1
        self.first = min(self.first or day, day)
        self.last = max(self.last or day, day)
        if len(self.claims) < CLAIMS_PER_CELL:
            self.claims.append(claim)

    @property
    def summary(self) -> str:
        return summary(self.count, self.first, self.last) if self.count else "Nothing said"


@dataclass
class Row:
    topic: str
    cells: tuple[Cell, Cell]

    @property
    def shared(self) -> bool:
        return all(cell.count for cell in self.cells)


def compare(left: QuerySet, right: QuerySet) -> list[Row]:
    """A row per topic either official spoke on; topics both spoke on come first."""
    cells: dict[str, tuple[Cell, Cell]] = defaultdict(lambda: (Cell(), Cell()))
    for side, claims in enumerate((left, right)):
        for claim in claims[:MOST_CLAIMS]:
            for topic in claim.topics.all() or [None]:
                cells[topic.name if topic else "No topic"][side].add(claim)
    rows = [Row(topic, pair) for topic, pair in cells.items()]
    return sorted(
        rows, key=lambda row: (not row.shared, -sum(c.count for c in row.cells), row.topic)
    )
