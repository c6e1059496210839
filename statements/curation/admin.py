"""Curation: editors keep statements, claims and the people and outlets behind them right."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.urls import path
from simple_history.admin import SimpleHistoryAdmin

from statements.curation import workflow
from statements.curation.actions import STATEMENT_ACTIONS, export_selected_as_csv
from statements.curation.claim_form import ClaimForm
from statements.curation.claim_inline import claims_in_list
from statements.curation.deleted_page import DeletedStatementsView, restored_response
from statements.curation.evidence_inline import EvidenceInline
from statements.curation.evidence_marks import reports_with_evidence
from statements.curation.forms import ClaimFormSet, StatementForm
from statements.curation.history import (
    GuardedHistory,
    checked_id,
    report_history,
    statement_of_deleted_claim,
)
from statements.curation.import_page import import_article_urls
from statements.curation.report_inline import ReportInline
from statements.curation.statement_list import OutletListFilter, TopicListFilter, with_claim_count
from statements.models import (
    Claim,
    Official,
    Outlet,
    Post,
    Report,
    Statement,
    StatementStatus,
    Topic,
)


class PostInline(admin.TabularInline):
    model = Post
    extra = 0


@admin.register(Official)
class OfficialAdmin(GuardedHistory, SimpleHistoryAdmin):
    list_display = ("name", "country", "slug", "modified")
    list_filter = ("country",)
    search_fields = ("name", "aliases", "slug")
    prepopulated_fields = {"slug": ("name",)}
    inlines = (PostInline,)


@admin.register(Outlet)
class OutletAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "homepage")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "description")
    search_fields = ("name", "slug", "description")
    prepopulated_fields = {"slug": ("name",)}


class WorkflowPermissions:
    """Changes to a statement and its claims follow the workflow: published ones are reviewers'."""

    def statement_of(self, obj) -> Statement | None:
        return obj

    def has_change_permission(self, request, obj=None) -> bool:
        editable = workflow.may_edit(request.user, self.statement_of(obj))
        return editable and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        editable = workflow.may_edit(request.user, self.statement_of(obj))
        return editable and super().has_delete_permission(request, obj)


CLAIM_FIELDS = (
    ("order", "kind"),
    "summary",
    "report",
    "quote",
    ("span_start", "span_end"),
    "topics",
    "opened_version",
)


class ClaimInline(WorkflowPermissions, admin.StackedInline):
    """Each claim with its main evidence: the quote pasted, its span found in the report."""

    model = Claim
    form = ClaimForm
    formset = ClaimFormSet
    extra = 0
    fields = CLAIM_FIELDS
    autocomplete_fields = ("topics",)

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("topics", "evidence_spans")

    def has_add_permission(self, request, obj=None) -> bool:
        editable = workflow.may_edit(request.user, obj)
        return editable and super().has_add_permission(request, obj)


@admin.register(Statement)
class StatementAdmin(GuardedHistory, WorkflowPermissions, SimpleHistoryAdmin):
    class Media:
        css = {"all": ["css/admin.css"]}

    form = StatementForm
    list_display = ("date", "official", "headline", "status", "venue", "reported_by", "claims")
    list_filter = ("status", "official", TopicListFilter, OutletListFilter, "kind")
    list_select_related = ("official", "venue")
    search_fields = (
        *("headline", "official__name", "reports__headline_as_printed"),
        *("reports__title_as_given", "reports__source_text"),
    )
    autocomplete_fields = ("official", "venue")
    date_hierarchy = "date"
    actions = STATEMENT_ACTIONS
    readonly_fields = ("reviewed_by", "reviewed_at", "created", "modified")
    inlines = (ReportInline, ClaimInline)
    change_list_template = "admin/statements/statement/change_list.html"
    object_history_template = "admin/statements/statement/object_history.html"
    fieldsets = (
        (None, {"fields": ("official", ("date", "date_precision"), "kind", "headline")}),
        ("Review", {"fields": ("status", ("reviewed_by", "reviewed_at"))}),
        ("Where", {"fields": ("venue",)}),
        ("Record", {"fields": ("created", "modified")}),
    )

    def get_readonly_fields(self, request, statement: Statement | None = None) -> tuple:
        if statement is None:
            return self.readonly_fields
        return (*self.readonly_fields, "claims_in_full", "evidence_in_source")

    def get_fieldsets(self, request, statement: Statement | None = None):
        if statement is None:
            return self.fieldsets
        (_, first), review, where, record = self.fieldsets
        first = (None, {"fields": (*first["fields"], "opened_version")})
        claims = ("Claims", {"fields": ("claims_in_full",)})
        evidence = ("Evidence in the reports", {"fields": ("evidence_in_source",)})
        return (first, claims, review, where, evidence, record)

    def _create_formsets(self, request, obj, change):
        formsets, inlines = super()._create_formsets(request, obj, change)
        reports = next((f for f in formsets if f.model is Report), None)
        for formset in formsets:
            if formset.model is Claim:
                formset.report_formset = reports
        return formsets, inlines

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        form.user = request.user
        return form

    def save_model(self, request, statement: Statement, form, change: bool) -> None:
        if change and not form.publishing and not form.changes_stored():
            # Saving only claims leaves the statement's version, so others' open pages stay valid.
            return
        if "status" in form.changed_data or form.publishing:
            workflow.note_review(statement, request.user)
        super().save_model(request, statement, form, change)

    def render_change_form(self, request, context, **kwargs):
        statement = kwargs.get("obj")
        status = statement.status if statement is not None else StatementStatus.DRAFT
        context["may_publish_now"] = workflow.may_publish_now(request.user, status)
        return super().render_change_form(request, context, **kwargs)

    def get_queryset(self, request):
        # The list names each report's outlet; the reports' texts stay in the database.
        reports = Report.objects.defer("source_text").select_related("outlet")
        statements = super().get_queryset(request).prefetch_related(Prefetch("reports", reports))
        return with_claim_count(statements).order_by("-date", "-id")

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        statement_id = checked_id(self.model._meta.pk, object_id)
        gone = not Statement.objects.filter(pk=statement_id).exists()
        if request.method != "POST" or not gone:
            return super().history_form_view(request, object_id, version_id, extra_context)
        # Brought back whole, as the deleted statements page does: the form alone has no reports.
        if not self.may_recreate(request):
            raise PermissionDenied
        return restored_response(request, statement_id, request.path)

    def history_view(self, request, object_id, extra_context=None):
        report_changes = report_history(checked_id(self.model._meta.pk, object_id))
        extra = {"report_changes": report_changes, **(extra_context or {})}
        return super().history_view(request, object_id, extra)

    def changelist_view(self, request, extra_context=None):
        may_restore = {"may_restore": workflow.may_restore(request.user)}
        return super().changelist_view(request, {**may_restore, **(extra_context or {})})

    def has_publish_permission(self, request) -> bool:
        return request.user.has_perm(workflow.PUBLISH)

    def may_recreate(self, request) -> bool:
        return workflow.may_restore(request.user)

    def get_urls(self):
        deleted = DeletedStatementsView.as_view(model_admin=self)
        own = [
            path(
                "deleted/",
                self.admin_site.admin_view(deleted),
                name="statements_statement_deleted",
            )
        ]
        return own + import_article_urls(self) + super().get_urls()

    @admin.display(description="Claims", ordering="claim_count")
    def claims(self, statement: Statement) -> int:
        return statement.claim_count

    @admin.display(description="Claims")
    def claims_in_full(self, statement: Statement) -> str:
        count = getattr(statement, "claim_count", None)  # not on a version from the history
        return claims_in_list(statement, statement.claims.count() if count is None else count)

    @admin.display(description="Reported by")
    def reported_by(self, statement: Statement) -> str:
        return ", ".join(outlet.name for outlet in statement.reporting_outlets)

    @admin.display(description="Each report's text, with each claim's evidence marked")
    def evidence_in_source(self, statement: Statement) -> str:
        return reports_with_evidence(statement)


@admin.register(Claim)
class ClaimAdmin(GuardedHistory, WorkflowPermissions, SimpleHistoryAdmin):
    form = ClaimForm
    list_display = ("__str__", "statement_date", "official", "kind", "status")
    list_filter = ("kind", "statement__status", "topics", "statement__official")
    list_select_related = ("statement__official",)
    search_fields = ("summary", "evidence_spans__quote", "statement__headline")
    autocomplete_fields = ("statement", "topics")
    actions = (export_selected_as_csv,)

    def statement_of(self, claim: Claim | None) -> Statement | None:
        return claim.statement if claim is not None else None

    def get_fields(self, request, claim: Claim | None = None):
        return ("statement", *CLAIM_FIELDS)

    def get_readonly_fields(self, request, claim: Claim | None = None) -> tuple:
        # Its evidence lies in this statement's reports: a claim does not move to another.
        return ("statement",) if claim is not None else ()

    def get_inlines(self, request, claim: Claim | None):
        return (EvidenceInline,) if claim is not None else ()

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("evidence_spans")

    def may_revert(self, request, object_id) -> bool:
        # A deleted claim comes back only into a statement this user may change.
        if not super().may_revert(request, object_id):
            return False
        if self.get_object(request, str(object_id)) is not None:
            return True
        statement = statement_of_deleted_claim(object_id)
        return statement is not None and workflow.may_edit(request.user, statement)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # Claims go only to statements this user may change: drafts, unless a reviewer.
        if db_field.name == "statement" and not request.user.has_perm(workflow.PUBLISH):
            kwargs["queryset"] = Statement.objects.exclude(status__in=workflow.REVIEWED)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description="Date", ordering="statement__date")
    def statement_date(self, claim: Claim):
        return claim.statement.date

    @admin.display(description="Official", ordering="statement__official__name")
    def official(self, claim: Claim) -> str:
        return claim.statement.official.name

    @admin.display(description="Status", ordering="statement__status")
    def status(self, claim: Claim) -> str:
        return claim.statement.get_status_display()
