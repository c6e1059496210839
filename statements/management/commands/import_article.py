import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from django.urls import reverse

from statements.articles.importer import ImportOptions, ImportPlan, create_drafts, plan_import
from statements.articles.recall import seed_recall
from statements.articles.source import (
    MAX_ARTICLE_BYTES,
    ArticleError,
    check_size,
    decode_article,
    parse_date,
)
from statements.models import Official, Outlet, Statement, StatementKind, StatementStatus


def admin_url(statement: Statement) -> str:
    return reverse("admin:statements_statement_change", args=[statement.pk])


def where_to_see(statement: Statement) -> str:
    public = statement.status == StatementStatus.PUBLISHED
    return admin_url(statement) + (
        f", public page {statement.get_absolute_url()}" if public else ""
    )


def plan_lines(plan: ImportPlan) -> list[str]:
    reading = plan.reading
    lines = [f"Official: {plan.official.name}"]
    if plan.reporting_outlet:
        new = "" if plan.reporting_outlet.outlet else " (new outlet)"
        lines.append(f"Reported by: {plan.reporting_outlet.name}{new}")
    if reading.dateline:
        lines.append(f"Dateline: {reading.dateline}")
    for planned in plan.statements:
        proposal = planned.proposal
        venue = f", venue {planned.venue.name}" if planned.venue else ""
        lines.append(
            f"Statement of {proposal.date} ({proposal.date_precision}), {proposal.kind}{venue}: "
            f"{proposal.headline}"
        )
        for claim in proposal.claims:
            span = f"{claim.span_start}–{claim.span_end}"
            lines.append(f"  {claim.kind} {span}: {claim.summary}")
    return lines


def read_input(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read(MAX_ARTICLE_BYTES + 1)
    try:
        check_size(Path(path).stat().st_size)
        return Path(path).read_bytes()
    except OSError as error:
        raise CommandError(f"Cannot read {path}: {error.strerror}.") from error


def named(model: type[Official | Outlet], value: str | None) -> Official | Outlet | None:
    """The official or outlet an option names by slug or name."""
    if value is None:
        return None
    record = model.objects.filter(Q(slug=value) | Q(name__iexact=value)).first()
    if record is None:
        raise CommandError(f"No {model._meta.verbose_name} has the slug or name “{value}”.")
    return record


class Command(BaseCommand):
    help = (
        "Read a news article and store the statements it reports as drafts for an editor: "
        "the official, quotations and reported positions with their spans, the date and outlets."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("article", nargs="?", help="A UTF-8 text file, or - for stdin.")
        parser.add_argument("--official", help="Slug or name, when the text names several.")
        parser.add_argument("--date", help="YYYY-MM-DD, YYYY-MM or YYYY; wins over the date line.")
        parser.add_argument("--venue", help="Slug or name of the outlet the official spoke to.")
        parser.add_argument("--outlet", help="Slug or name of the outlet that published it.")
        parser.add_argument("--kind", choices=StatementKind.values)
        parser.add_argument("--url", default="", help="Where the article was published.")
        parser.add_argument(
            "--force", action="store_true", help="Import even when it looks like a duplicate."
        )
        parser.add_argument("--dry-run", action="store_true", help="Show, but store nothing.")
        parser.add_argument(
            "--recall", action="store_true", help="Measure recall on the curated seed articles."
        )

    def handle(self, *args, **options) -> None:
        if options["recall"]:
            return self.report_recall()
        if not options["article"]:
            raise CommandError("Give the article's file (or - for stdin), or --recall.")
        try:
            self.import_article(options)
        except ArticleError as problem:
            raise CommandError(str(problem)) from problem

    def import_article(self, options: dict) -> None:
        text = decode_article(read_input(options["article"]))
        given = ImportOptions(
            official=named(Official, options["official"]),
            published=parse_date(options["date"]) if options["date"] else None,
            venue=named(Outlet, options["venue"]),
            reporting_outlet=named(Outlet, options["outlet"]),
            kind=options["kind"],
            source_url=options["url"],
        )
        plan = plan_import(text, given)
        if plan.already_imported:
            stored = plan.statements[0].stored
            where = f"#{stored.pk} ({admin_url(stored)})"
            self.stdout.write(f"Already imported as statement {where}; nothing changed.")
            return
        self.stdout.write("\n".join(plan_lines(plan)))
        if plan.likely_duplicates and not options["force"]:
            listed = "; ".join(
                f"#{s.pk} “{s.headline}” ({where_to_see(s)})" for s in plan.likely_duplicates
            )
            raise CommandError(
                f"Likely a report of what is already stored: {listed}. "
                "Nothing was stored; run again with --force to import it anyway."
            )
        if options["dry_run"]:
            self.stdout.write("Dry run: nothing stored.")
            return
        created = create_drafts(plan, confirm_likely_duplicates=options["force"])
        claims = sum(statement.claims.count() for statement in created)
        self.stdout.write(
            f"Stored {len(created)} draft statement(s) with {claims} claim(s) for an editor: "
            + ", ".join(f"#{s.pk} {admin_url(s)}" for s in created)
        )

    def report_recall(self) -> None:
        results = seed_recall()
        for result in results:
            self.stdout.write(
                f"{result.source}: {result.matched}/{result.total} curated claims found "
                f"({result.recall:.0%}; {result.matched_same_kind} of the same kind, "
                f"{result.matched_exactly} with the very same span), "
                f"{result.proposed} claims proposed, {result.proposed_unmatched} not curated"
            )
            for missed in result.missed:
                self.stdout.write(f"  missed: {missed}")
        matched = sum(result.matched for result in results)
        total = sum(result.total for result in results)
        self.stdout.write(
            f"Recall on the seed articles: {matched}/{total} ({matched / total:.0%})."
        )
