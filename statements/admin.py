"""Curation: editors keep statements, claims and the people and outlets behind them right."""

from django import forms
from django.contrib import admin
from django.db import models

from statements import export
from statements.models import Claim, Official, Outlet, Post, Statement, Topic


class VerbatimTextField(forms.CharField):
    """Text kept exactly as typed or pasted: no stripping, and browsers' CRLF newlines made LF."""

    def __init__(self, **kwargs) -> None:
        kwargs["strip"] = False
        super().__init__(**kwargs)

    def to_python(self, value: str | None) -> str:
        return super().to_python(value).replace("\r\n", "\n")


class VerbatimTextMixin:
    """Source texts and quotes are evidence: the admin keeps them exactly as entered."""

    verbatim_fields = ("source_text", "quote")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in self.verbatim_fields:
            kwargs["form_class"] = VerbatimTextField
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class PostInline(admin.TabularInline):
    model = Post
    extra = 0


@admin.register(Official)
class OfficialAdmin(admin.ModelAdmin):
    list_display = ("name", "country", "slug", "modified")
    list_filter = ("country",)
    search_fields = ("name", "aliases", "slug")
    prepopulated_fields = {"slug": ("name",)}
    inlines = (PostInline,)


@admin.action(description="Export selected as CSV")
def export_selected_as_csv(modeladmin, request, queryset):
    """The public exporter over the rows an editor ticked, one row per claim or per statement."""
    if queryset.model is Statement:
        rows, layout = export.statements_in(queryset.values("pk")), export.STATEMENTS
    else:
        rows, layout = queryset.in_timeline_order(), export.CLAIMS
    root = request.build_absolute_uri("/")
    return export.export_response(rows, layout, "csv", root, ["selected"])


# Django 6 assumes https for scheme-less URLs; adopt that now.
URL_FIELDS_ASSUME_HTTPS = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    formfield_overrides = URL_FIELDS_ASSUME_HTTPS
    list_display = ("name", "slug", "homepage")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "description")
    search_fields = ("name", "slug", "description")
    prepopulated_fields = {"slug": ("name",)}


class ClaimInline(VerbatimTextMixin, admin.StackedInline):
    model = Claim
    extra = 0
    fields = (("order", "kind"), "text", "quote", ("span_start", "span_end"), "topics")
    filter_horizontal = ("topics",)


@admin.register(Statement)
class StatementAdmin(VerbatimTextMixin, admin.ModelAdmin):
    formfield_overrides = URL_FIELDS_ASSUME_HTTPS
    list_display = ("date", "official", "kind", "headline", "venue", "reporting_outlet", "claims")
    list_filter = ("official", "kind", "venue", "reporting_outlet", "language")
    list_select_related = ("official", "venue", "reporting_outlet")
    search_fields = ("headline", "source_text", "official__name", "title_as_given")
    date_hierarchy = "date"
    actions = (export_selected_as_csv,)
    readonly_fields = ("source_hash", "created", "modified")
    inlines = (ClaimInline,)
    fieldsets = (
        (None, {"fields": ("official", ("date", "date_precision"), "kind", "headline")}),
        ("Where", {"fields": ("venue", "reporting_outlet", "dateline", "title_as_given")}),
        ("Source", {"fields": ("source_url", "language", "source_text", "source_hash")}),
        ("Record", {"fields": ("created", "modified")}),
    )

    def get_readonly_fields(self, request, statement: Statement | None = None) -> tuple:
        if statement is None:
            return self.readonly_fields
        return (*self.readonly_fields, "source_text")

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(claim_count=models.Count("claims"))

    @admin.display(description="Claims", ordering="claim_count")
    def claims(self, statement: Statement) -> int:
        return statement.claim_count


@admin.register(Claim)
class ClaimAdmin(VerbatimTextMixin, admin.ModelAdmin):
    list_display = ("__str__", "statement_date", "official", "kind")
    list_filter = ("kind", "topics", "statement__official")
    list_select_related = ("statement__official",)
    search_fields = ("text", "quote", "statement__headline")
    autocomplete_fields = ("statement",)
    actions = (export_selected_as_csv,)
    filter_horizontal = ("topics",)

    @admin.display(description="Date", ordering="statement__date")
    def statement_date(self, claim: Claim):
        return claim.statement.date

    @admin.display(description="Official", ordering="statement__official__name")
    def official(self, claim: Claim) -> str:
        return claim.statement.official.name
