"""Two sides compared topic by topic: two officials, or one official over two periods.

Each side is an official and, optionally, its own dates; `date_after` and `date_before` apply
to both sides where a side gives none of its own.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise

from django import forms
from django.db.models import Count, Q, QuerySet
from django.http import QueryDict

from statements.models import Claim, Official, Statement, StatementStatus
from statements.public.activity import summary

CLAIMS_PER_CELL = 5
MOST_CLAIMS = 2000
SIDES = ("a", "b")


def date_field(label: str) -> forms.DateField:
    return forms.DateField(
        required=False, label=label, widget=forms.DateInput(attrs={"type": "date"})
    )


class CompareForm(forms.Form):
    a = forms.ChoiceField(label="Official")
    a_after = date_field("From")
    a_before = date_field("To")
    b = forms.ChoiceField(label="Compared with")
    b_after = date_field("From")
    b_before = date_field("To")

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # One query for both selects and both choices.
        officials = list(Official.objects.only("pk", "name", "slug"))
        self.officials = {official.slug: official for official in officials}
        for side in SIDES:
            self.fields[side].choices = [(o.slug, o.name) for o in officials]

    def clean_a(self) -> Official:
        return self.officials[self.cleaned_data["a"]]

    def clean_b(self) -> Official:
        return self.officials[self.cleaned_data["b"]]

    def side_fields(self, side: str) -> list:
        return [self[side], self[f"{side}_after"], self[f"{side}_before"]]

    def period(self, side: str) -> tuple[str, str]:
        """A side's dates as the filter reads them: its own, or else the shared ones."""
        own = [self.data.get(f"{side}_{end}", "") for end in ("after", "before")]
        shared = [self.data.get(f"date_{end}", "") for end in ("after", "before")]
        return own[0] or shared[0], own[1] or shared[1]

    def clean(self) -> dict:
        data = super().clean()
        if (
            data.get("a")
            and data.get("a") == data.get("b")
            and self.period("a") == self.period("b")
        ):
            raise forms.ValidationError(
                "Choose two different officials. To compare one official with themselves, "
                "give the two sides different dates."
            )
        return data

    def side_params(self, side: str, params: QueryDict) -> QueryDict:
        """The timeline filters for one side: its official and its dates."""
        side_params = params.copy()
        side_params["official"] = self.cleaned_data[side].slug
        after, before = self.period(side)
        side_params["date_after"], side_params["date_before"] = after, before
        return side_params

    def side_label(self, side: str) -> str:
        """ "Hikmet Hajiyev, from 29 Mar 2024": who, and over which dates."""
        name = self.cleaned_data[side].name
        after, before = (self.cleaned_data.get(f"{side}_{end}") for end in ("after", "before"))
        if after and before:
            return f"{name}, {after:%-d %b %Y} – {before:%-d %b %Y}"
        if after or before:
            return f"{name}, {'from' if after else 'until'} {(after or before):%-d %b %Y}"
        return name


def largest_gap(days: list[date]) -> tuple[date, date] | None:
    """The two consecutive days furthest apart: where one period of speaking ends."""
    gaps = list(pairwise(days))
    return max(gaps, key=lambda pair: pair[1] - pair[0]) if gaps else None


def first_comparison() -> dict[str, str] | None:
    """What the page compares before anyone chooses: the two officials who said most, or, with
    one official, their statements before and after the longest silence."""
    published = Q(statements__status=StatementStatus.PUBLISHED)
    speakers = list(
        Official.objects.annotate(said=Count("statements", filter=published))
        .filter(said__gt=0)
        .order_by("-said", "name")
        .values_list("slug", flat=True)[:2]
    )
    if len(speakers) == 2:
        return {"a": speakers[0], "b": speakers[1]}
    if not speakers:
        return None
    days = list(
        Statement.objects.published()
        .filter(official__slug=speakers[0])
        .order_by("date")
        .values_list("date", flat=True)
        .distinct()
    )
    gap = largest_gap(days)
    if gap is None:
        return None
    slug = speakers[0]
    return {"a": slug, "a_before": gap[0].isoformat(), "b": slug, "b_after": gap[1].isoformat()}


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
        with_topics = claims.prefetch_related(None).prefetch_related("topics")  # no reports shown
        for claim in with_topics[:MOST_CLAIMS]:
            for topic in claim.topics.all() or [None]:
                cells[topic.name if topic else "No topic"][side].add(claim)
    rows = [Row(topic, pair) for topic, pair in cells.items()]
    return sorted(
        rows, key=lambda row: (not row.shared, -sum(c.count for c in row.cells), row.topic)
    )
