"""The one description of a filtered timeline, shared by the page, its fragment and exports."""

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, cached_property

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import connections
from django.db.models import Exists, Model, OuterRef, Q, QuerySet, Value
from django.http import QueryDict
from django_filters.fields import ModelChoiceField, ModelChoiceIterator
from django_filters.widgets import DateRangeWidget

from statements.models import (
    Claim,
    Official,
    Outlet,
    PositionChange,
    Rating,
    Statement,
    Topic,
    Wording,
    hosted_or_published_by,
    validate_statement_date,
)
from statements.public.common_terms import Narrowing, narrowing
from statements.public.keyed_counts import kept_prefix
from statements.public.recent import Recent
from statements.public.reports import with_reporters
from statements.public.search import Term, search_terms, searchable
from statements.public.versions import data_version, kept, request_data_version

# Characters XML 1.0 cannot carry; a vertical tab comes with text pasted from a word processor.
NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# The Atom feed repeats the words in its title.
NO_CONTROL_CHARACTERS = RegexValidator(
    NOT_IN_XML, inverse_match=True, message="Control characters are not allowed."
)
# Filtered querysets as built, by what they were built from; each request narrows a copy. A
# queryset holds no rows until it is read, and its SQL depends only on the filters' values:
# building one for an official, a topic and an outlet took 2–4 ms (Django resolving the
# outlet's subqueries), and a fragment builds two or three.
built_querysets: Recent[QuerySet] = Recent(most=512)


def dates_in_range(window: slice) -> None:
    """Both ends of a date window fall where statements may be dated."""
    for moment in (window.start, window.stop):
        if moment is not None:  # the window's ends are the first and last moments of its days
            validate_statement_date(moment.date())


class ListedChoiceIterator(ModelChoiceIterator):
    """The options, from the records the field was given."""

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
    """A choice of one of a short list of records, given by the FilterSet: Django's own field
    runs one query for the options and another to look up the chosen one, each time, where the
    FilterSet loads the three selects' records together, kept per version of the data."""

    iterator = ListedChoiceIterator

    def __init__(self, *args, listing: Callable[[], dict], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.listing = listing

    @cached_property
    def records(self) -> list[Model]:
        return self.listing()[self.queryset.model]

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

    @property
    def field(self) -> ListedChoiceField:
        self.extra["listing"] = self.parent.listed_records
        return super().field


@dataclass(frozen=True)
class Part:
    """One narrowing filter, or one end of the date range, in the words each reader needs."""

    param: str  # the query parameter that sets it
    value: str  # as text: a slug, a date, the words; "topic-karabakh" in a file name
    label: str  # for people: "Topic: Karabakh", "From 1 Sep 2023"
    word: str  # for file names: "topic-karabakh", "from-2023-09-01"


def parts_of(name: str, value) -> list[Part]:
    """One filter's value in words: a date range gives a part for each end it has."""
    if isinstance(value, slice):
        ends = [
            ("date_after", "from", "From", value.start),
            ("date_before", "until", "Until", value.stop),
        ]
        return [
            Part(param, f"{day:%Y-%m-%d}", f"{word} {day:%-d %b %Y}", f"{prefix}-{day:%Y-%m-%d}")
            for param, prefix, word, day in ends
            if day
        ]
    text = str(getattr(value, "slug", value))
    if name == "q":
        label = f"Words: “{value}”"
    elif name == "order":
        label = "Oldest first"
    elif name == "wording":
        label = Wording(value).label
    else:
        label = f"{name.capitalize()}: {value}"
    return [Part(name, text, label, f"{name}-{text}")]


@cache
def timeline_claims() -> QuerySet:
    """The published claims with what a timeline shows of each, in timeline order: built once a
    process (its joins and annotations took half a millisecond a request) and never read
    itself; each filter set takes a copy."""
    return Claim.objects.for_timeline().published().in_timeline_order()


@cache
def listed_rows() -> QuerySet:
    """timeline_claims as a list shows them (reports.with_reporters), built once a process."""
    return with_reporters(timeline_claims())


class ClaimFilter(django_filters.FilterSet):
    official = ListedChoiceFilter(
        field_name="statement__official",
        method="filter_official",
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
        validators=[dates_in_range],
        widget=DateRangeWidget(attrs={"type": "date"}),
    )
    q = django_filters.CharFilter(
        method="search",
        label="Words",
        max_length=200,
        validators=[NO_CONTROL_CHARACTERS, searchable],
        widget=forms.TextInput(attrs={"type": "search", "placeholder": "e.g. Lachin road"}),
    )
    moved = django_filters.ChoiceFilter(
        method="filter_moved",
        label="Position change",
        choices=Rating.choices,
        empty_label="Any",
    )
    wording = django_filters.ChoiceFilter(
        field_name="wording",
        label="Wording in the reports",
        choices=Wording.choices,
        empty_label="Any",
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
        fields = ["official", "topic", "outlet", "date", "q", "moved", "wording", "order"]

    def __init__(self, data=None, queryset: QuerySet | None = None, *, request=None) -> None:
        """The published claims, in timeline order, that the filters in `data` let through;
        given the request, the data's version is the one the request reads."""
        self.of_timeline = queryset is None
        claims = timeline_claims() if queryset is None else queryset.published().in_timeline_order()
        super().__init__(data, claims.all(), request=request)
        unjoined = Claim.objects.all() if queryset is None else queryset
        self.unjoined = unjoined.published().in_timeline_order()

    def keys(self, searched: bool = True) -> QuerySet:
        """The keys of the claims the filters let through (as `qs` lets them), in the view's
        order, found without joining what a timeline shows of each (paging.KeysFirst); not
        `searched`, those every filter but the search lets through."""
        claims = self.unjoined
        if self.is_bound:
            self.errors  # noqa: B018 - the form validated first, as `qs` does
            cleaned = self.form.cleaned_data.items()
            applied = {name: value for name, value in cleaned if searched or name != "q"}
            claims = self.narrowed(claims, applied, "keys" if self.of_timeline else "")
        return claims.values_list("pk", flat=True)

    def listed_rows(self) -> QuerySet:
        """The claims as a list shows them, for a page to read by its keys (paging.KeysFirst)."""
        return listed_rows().all() if self.of_timeline else with_reporters(self.queryset)

    @cached_property
    def version(self) -> str:
        if self.request is not None:
            return request_data_version(self.request)
        return data_version(self.queryset.db)

    def listed_records(self) -> dict[type[Model], list[Model]]:
        """The selects' options, kept under the data's version."""
        alias = self.queryset.db
        return kept(self.version, ("listed records", alias), lambda: listed_records(alias))

    def filter_official(self, queryset: QuerySet, name: str, value: Official) -> QuerySet:
        return queryset.filter(statement__official=value)

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        return self.narrowed(queryset, self.form.cleaned_data, "rows" if self.of_timeline else "")

    def narrowed(self, claims: QuerySet, applied: dict, start: str = "") -> QuerySet:
        """The claims the filters `applied` let through. `start` names `claims` when they are
        the same in every request (the timeline's rows or keys, the published claims): the
        narrowed queryset is then built once a process for these values, and copied."""
        if not start:
            return self.narrowed_anew(claims, applied)
        key = (start, claims.db, *(self.value_key(name, value) for name, value in applied.items()))
        return built_querysets.get_or_put(key, lambda: self.narrowed_anew(claims, applied)).all()

    def narrowed_anew(self, claims: QuerySet, applied: dict) -> QuerySet:
        """Each filter in turn, then the outlet, which needs to know whether an official is
        among them."""
        for name, value in applied.items():
            claims = self.filters[name].filter(claims, value)
        return self.through_outlet(claims, applied)

    def value_key(self, name: str, value) -> tuple:
        """What one filter's SQL depends on: a record's key, a date range's ends, a search's
        terms and how it is walked, else the value itself."""
        if name == "q":
            return name, self.search_narrowing.terms, self.dense_search
        if isinstance(value, Model):
            return name, value.pk
        if isinstance(value, slice):
            return name, value.start, value.stop
        return name, value

    def filter_outlet(self, queryset: QuerySet, name: str, value: Outlet) -> QuerySet:
        """Nothing yet: the outlet is applied once the other filters applied are known."""
        return queryset

    def through_outlet(self, claims: QuerySet, applied: dict) -> QuerySet:
        """The claims of statements the outlet chosen hosted or reported. With an official too,
        the official's statements that the outlet hosted or reported are named first, each
        tested against the outlet's reports: at a million claims 5 ms on SQLite, where testing
        each claim against the list of every statement a large outlet reported took 40–45 (11
        with a topic and an outlet without reports), and 10–17 on PostgreSQL, against 30."""
        official, outlet = applied.get("official"), applied.get("outlet")
        if outlet is None:
            return claims
        if official is None:
            return claims.filter(hosted_or_published_by(outlet, "statement__"))
        theirs = Statement.objects.published().filter(
            hosted_or_published_by(outlet, each=True), official=official
        )
        return claims.filter(statement__in=theirs.order_by().values("id"))

    def filter_moved(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Claims on the topic of a published change so rated, in either of its statements.
        The statements of such changes are named first: the database then looks only at their
        claims, not at every claim (at a million, 0.7 s to find that none matches)."""
        rated = PositionChange.objects.published().filter(rating=value)
        statements = (
            rated.order_by().values("earlier_id").union(rated.order_by().values("later_id"))
        )
        on_topic = rated.filter(topic__claims=OuterRef("pk"))
        sides = Q(earlier=OuterRef("statement")) | Q(later=OuterRef("statement"))
        return queryset.filter(statement__in=statements).filter(Exists(on_topic.filter(sides)))

    # Set by a view that knows whether the matches are dense enough to be walked in timeline
    # order (statements/public/search.py).
    dense_search: bool | None = None

    def search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return search_terms(queryset, self.search_narrowing.terms, self.dense_search)

    @cached_property
    def search_narrowing(self) -> Narrowing:
        """The search's terms that narrow the claims; those too common are left out."""
        text = self.form.cleaned_data.get("q") or "" if self.is_valid() else ""
        return narrowing(self.queryset.db, self.version, text)

    def sort_by_date(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.in_timeline_order(newest_first=self.newest_first)

    @property
    def newest_first(self) -> bool:
        return self.form.cleaned_data.get("order") != "oldest"

    def chosen(self, left_out: str = "") -> dict:
        """The valid filters in force but one (with none named, all), the order included."""
        if not self.is_valid():
            return {}
        cleaned = self.form.cleaned_data.items()
        return {name: value for name, value in cleaned if value and name != left_out}

    def searched_alone(self) -> tuple[tuple[Term, ...], int | None]:
        """The search's narrowing terms, and the key of the official if one is chosen, when no
        other filter is in force (the order aside): the claims are then the published matches,
        the official's if one is named. Else no terms."""
        chosen = self.chosen()
        if set(chosen) - {"q", "order", "official"}:
            return (), None
        official = chosen.get("official")
        return tuple(self.search_narrowing.terms), official.pk if official else None

    @cached_property
    def kept_prefix(self) -> str | None:
        """The prefix searched, if the view is a search for it alone on PostgreSQL and its
        counts are kept on write (migration 0029): looked up once a request."""
        alias = self.queryset.db
        if connections[alias].vendor != "postgresql":
            return None
        return kept_prefix(alias, *self.searched_alone())

    def qs_without(self, left_out: str = "") -> QuerySet:
        """The published claims every filter lets through but one, unordered: what each option
        of the one left out would narrow further (facet counts); with none named, every filter."""
        chosen = self.chosen(left_out).items()
        applied = {name: value for name, value in chosen if name != "order"}  # narrows nothing
        return self.narrowed(Claim.objects.published(), applied, "published")

    def parts(self, left_out: str = "") -> list[Part]:
        """The filters in force but one, in words: for cache keys, file names and chips."""
        return [
            part for name, value in self.chosen(left_out).items() for part in parts_of(name, value)
        ]

    def key(self, left_out: str = "") -> tuple[tuple[str, str], ...]:
        """What the claims every filter but one lets through depend on: not the order, and of a
        search only its terms that narrow (so "the" shares the counts of no search at all)."""
        searched = self.search_narrowing.key
        values = [(p.param, searched if p.param == "q" else p.value) for p in self.parts(left_out)]
        return tuple((param, value) for param, value in values if param != "order" and value)


@dataclass
class Chip:
    """One active filter, and the query string of the same view without it."""

    label: str
    remove_query: str


def chips(filterset: ClaimFilter, params: QueryDict, exclude: dict) -> list[Chip]:
    """The filters in force, each with a link that removes it (the page's own are left out)."""
    chips = []
    for part in filterset.parts():
        if part.param in exclude:
            continue
        remaining = params.copy()
        remaining.pop(part.param, None)
        remaining.pop("page", None)
        chips.append(Chip(part.label, remaining.urlencode()))
    return chips
