"""The statement list: its filters, and rows read in bounded time whatever a statement holds
(a claim count by subquery, not a join grouped by every column)."""

from django.contrib import admin
from django.db import models
from django.db.models.functions import Coalesce

from statements.models import Claim, Outlet, Statement, Topic, hosted_or_published_by


def with_claim_count(statements: models.QuerySet) -> models.QuerySet:
    # A subquery per row: a join with GROUP BY would group by every column of the statement.
    per_statement = (
        Claim.objects.filter(statement=models.OuterRef("pk"))
        .order_by()
        .values("statement")
        .annotate(count=models.Count("pk"))
        .values("count")
    )
    return statements.annotate(claim_count=Coalesce(models.Subquery(per_statement), 0))


class SlugListFilter(admin.SimpleListFilter):
    """Statements by one record of `model`, chosen by its slug."""

    model = None

    def lookups(self, request, model_admin):
        return self.model.objects.values_list("slug", "name")

    def queryset(self, request, queryset):
        if self.value():
            # A subquery, not a join made distinct: each statement listed once.
            matching = Statement.objects.filter(self.matching(self.value())).values("pk")
            return queryset.filter(pk__in=matching)
        return queryset


class TopicListFilter(SlugListFilter):
    title = "topic"
    parameter_name = "topic"
    model = Topic

    def matching(self, slug: str) -> models.Q:
        return models.Q(claims__topics__slug=slug)


class OutletListFilter(SlugListFilter):
    title = "outlet (venue or publisher)"
    parameter_name = "outlet"
    model = Outlet

    def matching(self, slug: str) -> models.Q:
        return hosted_or_published_by(slug)
