"""The admin page listing deleted statements, each restorable from the history with its reports,
claims and evidence."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views import View

from statements.curation import workflow
from statements.curation.undelete import deleted_statements, restore_statement


class DeletedStatementsView(View):
    model_admin = None

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not workflow.may_restore(request.user):
            raise PermissionDenied("Only reviewers restore deleted statements.")
        return super().dispatch(request, *args, **kwargs)

    def get(self, request: HttpRequest) -> HttpResponse:
        context = {
            **self.model_admin.admin_site.each_context(request),
            "opts": self.model_admin.model._meta,
            "title": "Deleted statements",
            "deleted": deleted_statements(),
        }
        return TemplateResponse(request, "admin/statements/statement/deleted.html", context)

    def post(self, request: HttpRequest) -> HttpResponse:
        chosen = request.POST.get("statement", "")
        if not chosen.isdigit():
            messages.error(request, "Nothing restored: choose a statement from the list.")
            return HttpResponseRedirect(request.path)
        return restored_response(request, int(chosen), request.path)


def restored_response(request: HttpRequest, statement_id: int, failed_to: str) -> HttpResponse:
    """Restore the statement with all deleted along with it, and open it; or say why not."""
    try:
        statement = restore_statement(statement_id)
    except ValueError as problem:
        messages.error(request, f"Nothing restored: {problem}")
        return HttpResponseRedirect(failed_to)
    claims, reports = statement.claims.count(), statement.reports.count()
    restored = f"Restored “{statement.headline}” with {reports} report(s) and {claims} claim(s)."
    messages.success(request, restored)
    change_page = reverse("admin:statements_statement_change", args=[statement.pk])
    return HttpResponseRedirect(change_page)
