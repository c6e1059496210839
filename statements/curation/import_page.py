"""The admin's "Import article" page: paste or upload an article, check the proposal, create drafts.

The article read at the preview step waits in the session under its content hash, so the
"Create drafts" step stores exactly the text that was previewed, byte for byte.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.views import View

from statements.articles.import_plan import ImportOptions, ImportPlan
from statements.articles.importer import create_drafts, plan_import
from statements.articles.source import (
    ArticleError,
    check_size,
    check_text,
    decode_article,
    parse_date,
)
from statements.articles.web_page import web_article
from statements.curation.report_from_import import add_to_flagged, offers
from statements.models import Official, Outlet, Statement, StatementKind, content_hash
from statements.public.periods import highlight_segments

SESSION_KEY = "imported_articles"
PREVIEWS_KEPT = 2
# Above this an article is a dump, not a report, and its preview alone would take minutes.
MOST_CLAIMS = 2_000


class ImportArticleForm(forms.Form):
    article_file = forms.FileField(
        required=False, label="Article file", help_text="A UTF-8 text file of at most 2 MB."
    )
    article_text = forms.CharField(
        required=False,
        strip=False,
        label="Or paste the article",
        widget=forms.Textarea(attrs={"rows": 12, "cols": 80}),
        help_text="Its first line may be the date: “ date 2024-03-29”, or “ date 2024-03”.",
    )
    page_url = forms.URLField(
        required=False,
        label="Or import from URL",
        assume_scheme="https",
        help_text="The address of the article's web page: its text, title and date are read.",
    )
    article = forms.CharField(required=False, widget=forms.HiddenInput)
    site_name = forms.CharField(required=False, widget=forms.HiddenInput)
    published = forms.CharField(
        required=False,
        label="Date",
        help_text="When was it said, if the article has no date line? YYYY-MM-DD, YYYY-MM or YYYY.",
    )
    official = forms.ModelChoiceField(
        Official.objects.all(),
        required=False,
        help_text="Read the article for this official alone? (Else for every official it quotes.)",
    )
    venue = forms.ModelChoiceField(
        Outlet.objects.all(), required=False, help_text="Who interviewed them, if not the text?"
    )
    reporting_outlet = forms.ModelChoiceField(
        Outlet.objects.all(), required=False, help_text="Who published the article?"
    )
    kind = forms.ChoiceField(
        choices=[("", "As the article says"), *StatementKind.choices], required=False
    )
    source_url = forms.URLField(required=False, label="Source URL")
    confirm_duplicates = forms.BooleanField(
        required=False, label="Yes, store it although it looks like a statement already stored"
    )
    allow_empty = forms.BooleanField(
        required=False, label="Yes, store a draft although no position was found in it"
    )

    def __init__(self, *args, previews: dict | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.previews = previews or {}

    def clean_published(self):
        given = self.cleaned_data["published"].strip()
        try:
            return parse_date(given) if given else None
        except ArticleError as problem:
            raise forms.ValidationError(str(problem)) from problem

    def clean(self) -> dict:
        data = super().clean()
        try:
            data["text"] = self.given_article(data)
        except ArticleError as problem:
            raise forms.ValidationError(str(problem)) from problem
        return data

    def given_article(self, data: dict) -> str:
        """A newly given file, text or page first; else the article previewed before."""
        upload, pasted, page_url = (
            data.get("article_file"),
            data.get("article_text"),
            data.get("page_url"),
        )
        if sum(bool(given) for given in (upload, pasted.strip(), page_url)) > 1:
            raise ArticleError(
                "Give the article once: upload a file, paste the text or give its URL, not two."
            )
        if page_url:
            page = web_article(page_url)
            data["source_url"] = data.get("source_url") or page.url
            data["site_name"] = page.site_name
            return page.text
        if upload:
            check_size(upload.size)
            return decode_article(upload.read())
        if pasted:
            # Browsers send a textarea's newlines as CRLF whatever was pasted.
            return check_text(pasted.replace("\r\n", "\n"))
        if data.get("article") in self.previews:
            return self.previews[data["article"]]
        if data.get("article"):
            raise ArticleError("The preview has expired: give the article again.")
        raise ArticleError("Upload the article or paste its text.")

    def options(self) -> ImportOptions:
        data = self.cleaned_data
        return ImportOptions(
            official=data["official"],
            published=data["published"],
            venue=data["venue"],
            reporting_outlet=data["reporting_outlet"],
            kind=data["kind"] or None,
            source_url=data["source_url"],
            allow_empty=data["allow_empty"],
            site_name=data["site_name"],
        )


CARRIED_FIELDS = ("published", "official", "venue", "reporting_outlet", "kind")
# Filled in from a fetched page when the form left them empty.
READ_FIELDS = ("source_url", "site_name")


def remember(request: HttpRequest, text: str) -> str:
    """Keep the previewed article for the next step; only the latest few are kept."""
    key = content_hash(text)
    previews = {k: v for k, v in request.session.get(SESSION_KEY, {}).items() if k != key}
    kept = dict(list(previews.items())[-(PREVIEWS_KEPT - 1) :])
    request.session[SESSION_KEY] = {**kept, key: text}
    return key


def forget(request: HttpRequest, key: str) -> None:
    previews = request.session.get(SESSION_KEY, {})
    request.session[SESSION_KEY] = {k: v for k, v in previews.items() if k != key}


def follow_up_form(form: ImportArticleForm, key: str) -> ImportArticleForm:
    """The form for the next step: the same choices, the article by its key."""
    carried = {name: form.data.get(name, "") for name in CARRIED_FIELDS}
    read = {name: form.cleaned_data.get(name, "") for name in READ_FIELDS}
    return ImportArticleForm(initial={**carried, **read, "article": key})


def statement_links(statements: list[Statement]) -> str:
    change = "admin:statements_statement_change"
    return format_html_join(
        ", ",
        '<a href="{}">#{} {}</a>',
        ((reverse(change, args=[s.pk]), s.pk, s.headline) for s in statements),
    )


class ImportArticleView(View):
    model_admin = None
    template_name = "admin/statements/import_article.html"

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not self.model_admin.has_add_permission(request):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request: HttpRequest) -> HttpResponse:
        return self.render(request, ImportArticleForm())

    def post(self, request: HttpRequest) -> HttpResponse:
        previews = request.session.get(SESSION_KEY, {})
        form = ImportArticleForm(request.POST, request.FILES, previews=previews)
        if not form.is_valid():
            return self.render(request, form)
        text = form.cleaned_data["text"]
        try:
            plan = plan_import(text, form.options())
            check_claim_count(plan)
        except ArticleError as problem:
            form.add_error(None, str(problem))
            return self.render(request, form)
        key = remember(request, text)
        next_step = follow_up_form(form, key)
        if request.POST.get("report_of"):  # "Add as a report of statement #N"
            return self.add_as_report(request, form, plan, key, next_step)
        if request.POST.get("action") != "create" or plan.already_imported:
            return self.render(request, next_step, plan)
        try:
            created = create_drafts(plan, form.cleaned_data["confirm_duplicates"])
        except ArticleError as problem:
            return self.render(request, next_step, plan, str(problem))
        forget(request, key)
        stored = format_html("Stored as drafts for an editor: {}.", statement_links(created))
        messages.success(request, stored)
        first = reverse("admin:statements_statement_change", args=[created[0].pk])
        return HttpResponseRedirect(first)

    def add_as_report(self, request, form, plan: ImportPlan, key: str, next_step) -> HttpResponse:
        report, problem = add_to_flagged(request, plan, request.POST.get("report_of", ""))
        if report is None:
            return self.render(request, next_step, plan, problem)
        forget(request, key)
        change = reverse("admin:statements_statement_change", args=[report.statement_id])
        return HttpResponseRedirect(change)

    def render(self, request, form, plan: ImportPlan | None = None, problem: str = ""):
        context = {
            **self.model_admin.admin_site.each_context(request),
            "opts": self.model_admin.model._meta,
            "title": "Import article",
            "form": form,
            "plan": plan,
            "problem": problem,
            "marked_source": marked_source(plan) if plan else "",
            "report_offers": offers(request.user, plan) if plan else [],
        }
        return TemplateResponse(request, self.template_name, context)


def check_claim_count(plan: ImportPlan) -> None:
    proposed = sum(len(planned.proposal.claims) for planned in plan.statements)
    if proposed > MOST_CLAIMS:
        raise ArticleError(
            f"The article proposes {proposed:,} claims; one import takes at most "
            f"{MOST_CLAIMS:,}. Split it into shorter articles and import each."
        )


def marked_source(plan: ImportPlan) -> str:
    """The article as it will be stored, each proposed claim's evidence marked."""
    statement = plan.statements[0].proposal
    segments = highlight_segments(statement.source_text, statement.claims)
    pieces = ((format_html("<mark>{}</mark>", s.text) if s.claims else s.text,) for s in segments)
    return format_html_join("", "{}", pieces)


def import_article_urls(model_admin) -> list:
    """The import page's URL, for StatementAdmin.get_urls()."""
    view = ImportArticleView.as_view(model_admin=model_admin)
    return [
        path(
            "import/",
            model_admin.admin_site.admin_view(view),
            name="statements_statement_import",
        )
    ]
