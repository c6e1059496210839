import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from django.urls import reverse

from statements.articles.alignment_evaluation import evaluate_alignment
from statements.articles.evaluation import evaluate
from statements.articles.import_plan import ImportOptions
from statements.articles.importer import create_drafts, plan_import
from statements.articles.preview_lines import alignment_lines, plan_lines
from statements.articles.quote_matching import SIMILAR
from statements.articles.recall import seed_recall
from statements.articles.report_alignment import (
    add_plan_as_report,
    align_report,
)
from statements.articles.source import (
    ArticleError,
    check_size,
    decode_article,
    parse_date,
    read_bounded,
)
from statements.articles.web_page import web_article
from statements.models import Official, Outlet, Statement, StatementKind, StatementStatus


def admin_url(statement: Statement) -> str:
    return reverse("admin:statements_statement_change", args=[statement.pk])


def where_to_see(statement: Statement) -> str:
    public = statement.status == StatementStatus.PUBLISHED
    return admin_url(statement) + (
        f", public page {statement.get_absolute_url()}" if public else ""
    )


def read_input(path: str) -> bytes:
    """The file's bytes, never more than the limit and one: a pipe or /dev/zero stops there."""
    if path == "-":
        return read_bounded(sys.stdin.buffer)
    try:
        check_size(Path(path).stat().st_size)
        with open(path, "rb") as handle:
            return read_bounded(handle)
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
        "Read news articles (files, - for stdin, or --url for a web page) and store the "
        "statements they report as drafts for an editor: each official quoted, their quotations "
        "and reported positions with their spans, the date and outlets."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("articles", nargs="*", help="UTF-8 text files, or - for stdin.")
        parser.add_argument("--official", help="Slug or name: read the text for them alone.")
        parser.add_argument("--date", help="YYYY-MM-DD, YYYY-MM or YYYY; wins over the date line.")
        parser.add_argument("--venue", help="Slug or name of the outlet the official spoke to.")
        parser.add_argument("--outlet", help="Slug or name of the outlet that published it.")
        parser.add_argument("--kind", choices=StatementKind.values)
        parser.add_argument(
            "--url",
            default="",
            help="With a file: where it was published. Alone: fetch that web page and import it.",
        )
        parser.add_argument(
            "--force", action="store_true", help="Import even when it looks like a duplicate."
        )
        parser.add_argument(
            "--allow-empty",
            action="store_true",
            help="Store a draft even when no quotation or reported position is found.",
        )
        parser.add_argument(
            "--add-to",
            type=int,
            metavar="STATEMENT",
            help="Add the article as another report of this statement (its number): quotations "
            "of its claims become their evidence, new ones draft claims, and a published "
            "statement goes back to review.",
        )
        parser.add_argument("--dry-run", action="store_true", help="Show, but store nothing.")
        parser.add_argument(
            "--recall", action="store_true", help="Measure recall on the curated seed articles."
        )
        parser.add_argument(
            "--evaluate",
            action="store_true",
            help="Measure recall and precision per house style on fixtures/evaluation/.",
        )
        parser.add_argument(
            "--evaluate-alignment",
            action="store_true",
            help="Measure how second reports' quotations are paired with stored claims, "
            "on fixtures/evaluation/reports/, at each threshold.",
        )

    def handle(self, *args, **options) -> None:
        if options["recall"]:
            return self.report_recall()
        if options["evaluate"]:
            return self.report_evaluation()
        if options["evaluate_alignment"]:
            return self.report_alignment_evaluation()
        articles = options["articles"]
        if not articles and not options["url"]:
            raise CommandError("Give the article's file (or - for stdin), --url, or --recall.")
        if len(articles) > 1 and options["url"]:
            raise CommandError("--url names the source of one article: give one file with it.")
        if not articles:
            return self.import_one(options["url"], options, fetch=True)
        refused = []
        for path in articles:
            try:
                if len(articles) > 1:
                    self.stdout.write(f"== {path}")
                self.import_one(path, options)
            except CommandError as problem:
                if len(articles) == 1:
                    raise
                refused.append(path)
                self.stderr.write(f"{path}: {problem}")
        if refused:
            listed = ", ".join(refused)
            raise CommandError(f"{len(refused)} of {len(articles)} articles refused: {listed}.")

    def import_one(self, source: str, options: dict, fetch: bool = False) -> None:
        try:
            self.import_article(source, options, fetch)
        except ArticleError as problem:
            raise CommandError(str(problem)) from problem

    def import_article(self, source: str, options: dict, fetch: bool) -> None:
        site_name, source_url = "", options["url"]
        if fetch:
            page = web_article(source)
            text, source_url, site_name = page.text, page.url, page.site_name
        else:
            text = decode_article(read_input(source))
        given = ImportOptions(
            official=named(Official, options["official"]),
            published=parse_date(options["date"]) if options["date"] else None,
            venue=named(Outlet, options["venue"]),
            reporting_outlet=named(Outlet, options["outlet"]),
            kind=options["kind"],
            source_url=source_url,
            allow_empty=options["allow_empty"],
            site_name=site_name,
        )
        if options["add_to"] is not None:
            return self.add_to(options["add_to"], text, given, options["dry_run"])
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
                f"Likely a report of what is already stored: {listed}. Nothing was stored; "
                f"run again with --add-to {plan.likely_duplicates[0].pk} to add it as a report of "
                "that statement, or with --force to import it as a statement of its own."
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

    def add_to(self, number: int, text: str, given: ImportOptions, dry_run: bool) -> None:
        statement = Statement.objects.filter(pk=number).select_related("official").first()
        if statement is None:
            raise CommandError(f"No statement #{number} is stored.")
        given.official = statement.official
        plan = plan_import(text, given)
        alignment = align_report(statement, text)
        self.stdout.write("\n".join(alignment_lines(statement, text, alignment)))
        if dry_run:
            self.stdout.write("Dry run: nothing stored.")
            return
        report = add_plan_as_report(plan, statement)
        statement.refresh_from_db()
        self.stdout.write(
            f"Added as report {report.order + 1} of statement #{statement.pk}, now "
            f"{statement.get_status_display().lower()}: {admin_url(statement)}"
        )

    def report_recall(self) -> None:
        results = seed_recall()
        for result in results:
            self.stdout.write(
                f"{result.source}: {result.matched}/{result.total} curated claims found "
                f"({result.recall:.0%}; {result.matched_same_kind} of the same kind, "
                f"{result.matched_exactly} with the very same span), "
                f"{result.proposed} claims proposed, {result.proposed_unmatched} not curated, "
                f"longest {result.longest} characters"
            )
            for missed in result.missed:
                self.stdout.write(f"  missed: {missed}")
        matched = sum(result.matched for result in results)
        total = sum(result.total for result in results)
        self.stdout.write(
            f"Recall on the seed articles: {matched}/{total} ({matched / total:.0%})."
        )

    def report_evaluation(self) -> None:
        scores = evaluate()
        self.stdout.write("| style | positions found | recall | claims precise | precision |")
        self.stdout.write("|---|---|---|---|---|")
        for score in scores:
            recall = f"{score.recall:.0%}" if score.positions else "–"
            precision = f"{score.precision:.0%}" if score.proposed else "–"
            self.stdout.write(
                f"| {score.style} | {score.found}/{score.positions} | {recall} | "
                f"{score.precise}/{score.proposed} | {precision} |"
            )
        found = sum(score.found for score in scores)
        positions = sum(score.positions for score in scores)
        precise = sum(score.precise for score in scores)
        proposed = sum(score.proposed for score in scores)
        self.stdout.write(
            f"| all | {found}/{positions} | {found / positions:.0%} | "
            f"{precise}/{proposed} | {precise / max(proposed, 1):.0%} |"
        )
        for score in scores:
            for missed in score.missed:
                self.stdout.write(f"missed: {missed}")
            for extra in score.imprecise:
                self.stdout.write(f"not marked: {extra}")

    def report_alignment_evaluation(self) -> None:
        self.stdout.write(
            "| threshold | matches right | precision | stored positions matched | recall | "
            "new positions proposed | proposals new |"
        )
        self.stdout.write("|---|---|---|---|---|---|---|")
        for score in evaluate_alignment():
            chosen = " (used)" if score.threshold == SIMILAR else ""
            self.stdout.write(
                f"| {score.threshold:.2f}{chosen} | {score.right}/{score.matched} | "
                f"{score.precision:.0%} | {score.found}/{score.positions} | {score.recall:.0%} | "
                f"{score.new_proposed}/{score.new} | {score.proposed_right}/{score.proposed} |"
            )
            if score.threshold == SIMILAR:
                chosen_score = score
        for missed in chosen_score.missed:
            self.stdout.write(f"not matched: {missed}")
        for wrong in chosen_score.wrong:
            self.stdout.write(f"matched wrongly: {wrong}")
