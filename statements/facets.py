"""How many claims each filter option would give, with the other filters as they are."""

from collections import Counter

from django import forms
from django.db.models import Count, F, QuerySet
from django.http import QueryDict

from statements.filters import ClaimFilter, filter_claims
from statements.models import Claim

FACETS = ("official", "topic", "outlet")


def facet_counts(params: QueryDict, fixed: dict) -> dict[str, Counter]:
    """For each facet not fixed by the page, the claim count of each option, by slug."""
    counts = {}
    for name in FACETS:
        if name in fixed:
            continue
        others = params.copy()
        others.pop(name, None)
        filterset = filter_claims(others, Claim.objects.all())
        if not filterset.is_valid():
            return {}
        counts[name] = count_by(name, filterset.qs.order_by())
    return counts


def grouped(claims: QuerySet, path: str) -> Counter:
    rows = claims.values_list(path).annotate(claims=Count("id", distinct=True))
    return Counter({slug: number for slug, number in rows if slug})


def count_by(name: str, claims: QuerySet) -> Counter:
    if name == "official":
        return grouped(claims, "statement__official__slug")
    if name == "topic":
        return grouped(claims, "topics__slug")
    # A claim counts once for an outlet that was both its venue and its publisher.
    venue = grouped(claims, "statement__venue__slug")
    reporting = grouped(claims, "statement__reporting_outlet__slug")
    both = grouped(
        claims.filter(statement__venue=F("statement__reporting_outlet")), "statement__venue__slug"
    )
    return venue + reporting - both


class FacetSelect(forms.Select):
    """A select whose options say how many claims each gives; options giving none are marked."""

    def __init__(self, counts: Counter, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.counts = counts

    def create_option(self, name, value, label, *args, **kwargs) -> dict:
        option = super().create_option(name, value, label, *args, **kwargs)
        if value:
            count = self.counts.get(str(value), 0)
            option["label"] = f"{label} ({count})"
            if count == 0:
                option["attrs"]["class"] = "facet-empty"
        return option


def show_counts(filterset: ClaimFilter, counts: dict[str, Counter]) -> None:
    """Put the counts into the filter form's selects."""
    for name, counter in counts.items():
        field = filterset.form.fields[name]
        field.widget = FacetSelect(counter, choices=field.widget.choices)
