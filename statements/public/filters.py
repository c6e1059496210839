"""The one description of a filtered timeline, shared by the page, its fragment and exports."""

from dataclasses import dataclass
from functools import cached_property

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db.models import Model, Q, QuerySet, Value
from django.http import QueryDict
from django_filters.fields import ModelChoiceField, ModelChoiceIterator
from django_filters.widgets import DateRangeWidget

from statements.models import Claim, Official, Outlet, Topic
from statements.public.search import search_claims
from statements.public.versions import kept

# Characters XML 1.0 cannot carry: the Atom feed repeats the words in its title. (NUL already
# has Django's own message.)
NO_CONTROL_CHARACTERS = RegexValidator(
    r"[\x01-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]",
    inverse_match=True,
    message="Control characters are not allowed.",
)


class ListedChoiceIterator(ModelChoiceIterator):
    """The options, from the records the field has loaded."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for record in self.field.records:
            yield self.choice(record)

    def __len__(self) -> int:
        return len(self.field.records) + (self.field.empty_label is not None)


LISTED_MODELS = (Official, Topic, Outlet)


def listed_records(alias: str) -> dict[type[Model], list[Model]]:
    """Every official, topic and outlet the selects offer, by name, in one query."""
    parts = [
        model.objects.using(alias)
        .order_by()
        .annotate(kind=Value(number))
        .values_list("kind", "pk", "name", "slug")
        for number, model in enumerate(LISTED_MODELS)
    ]
    rows = parts[0].union(*parts[1:], all=True).order_by("kind", "name", "pk")  # names repeat
    records = {model: [] for model in LISTED_MODELS}
    for kind, *values in rows:
        model = LISTED_MODELS[kind]
        records[model].append(model.from_db(alias, ["id", "name", "slug"], values))
    return records


class ListedChoiceField(ModelChoiceField):
    """A choice of one of a short list of records, loaded once: Django's own field runs one
    query for the options and another to look up the chosen one, each time. Given the data's
    version, the three selects' records are loaded together and kept under it."""

    iterator = ListedChoiceIterator
    version: str | None = None

    @cached_property
    def records(self) -> list[Model]:
        if self.version is None:
            return list(self.queryset)
        alias = self.queryset.db
        listed = kept(self.version, ("listed records", alias), lambda: listed_records(alias))
        return listed[self.queryset.model]

    def to_python(self, value) -> Model | None:
        if value in self.empty_values:
            return None
        self.validate_no_null_characters(value)
        for record in self.records:
            if str(getattr(record, self.to_field_name)) == str(value):
                return record
        raise ValidationError(
            self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value}
        )


class ListedChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = ListedChoiceField


class ClaimFilter(django_filters.FilterSet):
    official = ListedChoiceFilter(
        field_name="statement__official",
        to_field_name="slug",
        queryset=Official.objects.only("name", "slug"),
        empty_label="All officials",
        label="Official",
    )
    topic = ListedChoiceFilter(
        field_name="topics",
        to_field_name="slug",
        queryset=Topic.objects.only("name", "slug"),
        empty_label="All topics",
        label="Topic",
    )
    outlet = ListedChoiceFilter(
        method="filter_outlet",
        to_field_name="slug",
        queryset=Outlet.objects.only("name", "slug"),
        empty_label="All outlets",
        label="Outlet (venue or publisher)",
    )
    date = django_filters.DateFromToRangeFilter(
        field_name="statement__date",
        label="Date",
        widget=DateRangeWidget(attrs={"type": "date"}),
    )
    q = django_filters.CharFilter(
        method="search",
        label="Words",
        max_length=200,
        validators=[NO_CONTROL_CHARACTERS],
        widget=forms.TextInput(attrs={"type": "search", "placeholder": "e.g. Lachin road"}),
    )
    # Newest first is the default, left out of the URL so that permalinks stay short.
    order = django_filters.ChoiceFilter(
        method="sort_by_date",
        label="Order",
        choices=[("oldest", "Oldest first")],
        empty_label="Newest first",
    )

    class Meta:
        model = Claim
        fields = ["official", "topic", "outlet", "date", "q", "order"]

    def filter_outlet(self, queryset: QuerySet, name: str, value: Outlet) -> QuerySet:
        return queryset.filter(Q(statement__venue=value) | Q(statement__reporting_outlet=value))

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return search_claims(queryset, value)

    def sort_by_date(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.in_timeline_order(newest_first=self.newest_first)

    @property
    def newest_first(self) -> bool:
        return self.form.cleaned_data.get("order") != "oldest"


def filter_claims(params: QueryDict, claims: QuerySet, version: str | None = None) -> ClaimFilter:
    """The filtered view a request asks for, over published claims in timeline order; with the
    data's version, the options of its selects are kept under it."""
    filterset = ClaimFilter(params, queryset=claims.published().in_timeline_order())
    for field in filterset.form.fields.values():
        if isinstance(field, ListedChoiceField):
            field.version = version
    return filterset


def filter_all_but(filterset: ClaimFilter, left_out: str) -> QuerySet:
    """The published claims that every valid filter lets through but one, unordered: what
    each option of the one left out would narrow further (facet counts)."""
    claims = Claim.objects.published()
    for name, value in filterset.form.cleaned_data.items():
        if name not in (left_out, "order"):
            claims = filterset.filters[name].filter(claims, value)
    return claims


def describe(filterset: ClaimFilter) -> list[str]:
    """The active filters in a few words each, for file names: ["topic-karabakh", …]."""
    words = []
    for name, value in filterset.form.cleaned_data.items():
        if isinstance(value, slice):
            words += [f"from-{value.start:%Y-%m-%d}"] if value.start else []
            words += [f"until-{value.stop:%Y-%m-%d}"] if value.stop else []
        elif value:
            words.append(f"{name}-{getattr(value, 'slug', value)}")
    return words


@dataclass
class Chip:
    """One active filter, and the query string of the same view without it."""

    label: str
    remove_query: str


def active_filters(filterset: ClaimFilter, params: QueryDict, exclude: dict) -> list[Chip]:
    """The filters in force, each with a link that removes it (the page's own are left out)."""
    if not filterset.is_valid():
        return []
    chips = []
    for name, value in filterset.form.cleaned_data.items():
        if name in exclude or not value:
            continue
        for param, label in chip_labels(name, value):
            remaining = params.copy()
            remaining.pop(param, None)
            remaining.pop("page", None)
            chips.append(Chip(label, remaining.urlencode()))
    return chips


def chip_labels(name: str, value) -> list[tuple[str, str]]:
    """(query parameter, label) for each part of one filter's value."""
    if isinstance(value, slice):
        parts = [("date_after", "From", value.start), ("date_before", "Until", value.stop)]
        return [(param, f"{word} {day:%-d %b %Y}") for param, word, day in parts if day]
    if name == "q":
        return [("q", f"Words: “{value}”")]
    if name == "order":
        return [("order", "Oldest first")]
    return [(name, f"{name.capitalize()}: {value}")]
