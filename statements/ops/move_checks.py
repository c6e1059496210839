"""Whether a moved copy is the database it came from: the same rows in every table (reports and
evidence, and their history, among them), every evidence's quote still its report's words at its
span, each claim with one main evidence, the claim tally as a count of the claims gives it, and
the same claims and the same counts for a sample of public views — the timeline, officials,
topics, outlets, dates and searches — run through the site's own filter.
"""

import re
import time
from datetime import timedelta
from urllib.parse import urlencode

from django.db.models import F, Model, Q
from django.http import QueryDict

from statements.models import Claim, Evidence, Official, Outlet, Statement, Topic, evidence_text
from statements.ops.claim_tally import (
    EVERY_CLAIM,
    ONLY_EVERY_CLAIM,
    Sums,
    recounted,
    sums_kept,
    tally_added_up,
    tally_sums,
)
from statements.ops.move_target import MoveError
from statements.public.counting import counted_together, counts_in_one_pass
from statements.public.filters import ClaimFilter

SAMPLE_RECORDS = 3
SAMPLE_SEARCHES = 5
CLAIMS_COMPARED = 200
# Plain Latin letters only: SQLite's and PostgreSQL's searches fold some other letters
# differently (a capital "İ"), which is no fault of the copy.
LONG_WORD = re.compile(r"\b[A-Za-z]{5,}\b")
PHRASE = re.compile(r"\b[A-Za-z]{3,} [A-Za-z]{3,}\b")


def verify(
    copied: dict[str, int], models: list[type[Model]], source: str, target: str, say=print
) -> list[str]:
    """What was checked, one line each, said as it is done; a MoveError at the first difference."""
    checks = [
        lambda: same_counts(copied, models, source, target),
        lambda: quotes_at_spans(target),
        lambda: main_evidence_kept(source, target),
        lambda: tally_recounted(target),
        lambda: same_views(source, target),
    ]
    done = []
    for check in checks:
        started = time.monotonic()
        done.append(check())
        say(f"Checked: {done[-1]} ({time.monotonic() - started:.1f} s)")
    return done


def same_counts(copied: dict[str, int], models: list[type[Model]], source: str, target: str) -> str:
    for model in models:
        table = model._meta.db_table
        counts = [model._base_manager.using(alias).count() for alias in (source, target)]
        if len({*counts, copied[table]}) != 1:
            raise MoveError(
                f"{table} holds {counts[0]:,} rows here and {counts[1]:,} in the target "
                f"after copying {copied[table]:,}."
            )
    return f"row counts equal in all {len(models)} tables"


def quotes_at_spans(target: str) -> str:
    quoted = Evidence.objects.using(target).exclude(quote="")
    wrong = quoted.annotate(words=evidence_text("")).exclude(words=F("quote"))
    wrong = list(wrong.values_list("claim_id", "report_id")[:5])
    if wrong:
        listed = ", ".join(f"claim #{claim} in report #{report}" for claim, report in wrong)
        raise MoveError(f"In the target, the quotes of {listed} differ from their spans.")
    return f"every quote ({quoted.count():,}) is its report's text at its span"


def main_evidence_kept(source: str, target: str) -> str:
    """As many claims rest on a main evidence in the copy as here: none lost its quote."""
    source_count, target_count = (
        Evidence.objects.using(alias).filter(is_main=True).count() for alias in (source, target)
    )
    if source_count != target_count:
        raise MoveError(
            f"{source_count:,} claims rest on a main evidence here, {target_count:,} in the target."
        )
    return f"{source_count:,} claims rest on their main evidence in both"


def tally_recounted(target: str) -> str:
    """The target's claim tally against a count of its claims: every official's claims per
    month, every topic's and outlet's over all months, and every row of a few officials; and
    its sums against its rows added up."""
    claims = Claim.objects.using(target)
    officials = Official.objects.using(target).order_by("pk").values_list("pk", flat=True)
    compared = [
        (
            "per official and month",
            recounted(claims, ["official", "month"], EVERY_CLAIM),
            tally_sums(target, ["official", "month"], ONLY_EVERY_CLAIM),
        ),
        ("per topic and outlet", recounted(claims, []), tally_sums(target, [])),
        ("summed over every official and month", tally_added_up(target), sums_kept(target)),
    ]
    for pk in officials[:SAMPLE_RECORDS]:
        theirs = claims.filter(statement__official_id=pk)
        compared.append(
            (
                f"of official #{pk}",
                recounted(theirs, ["official", "month"]),
                tally_sums(target, ["official", "month"], Q(official_id=pk)),
            )
        )
    for what, counted, tallied in compared:
        if counted != tallied:
            raise MoveError(
                f"In the target, the claim tally {what} {differences(counted, tallied)}."
            )
    rows = sum(len(tallied) for _, _, tallied in compared)
    return f"the claim tally is a count of the claims ({rows:,} sums compared)"


def differences(counted: Sums, tallied: Sums) -> str:
    wrong = sorted(
        key for key in counted.keys() | tallied.keys() if counted.get(key) != tallied.get(key)
    )
    shown = "; ".join(
        f"{key}: {tallied.get(key)} for {counted.get(key)} counted" for key in wrong[:3]
    )
    return f"differs from a count of the claims in {len(wrong):,} places ({shown})"


def sample_views(source: str) -> list[dict[str, str]]:
    """Filters as the public pages use them, drawn from the data itself."""
    views = [{}, {"order": "oldest"}]
    for model, name in ((Official, "official"), (Topic, "topic"), (Outlet, "outlet")):
        slugs = model.objects.using(source).order_by("pk").values_list("slug", flat=True)
        views += [{name: slug} for slug in slugs[:SAMPLE_RECORDS]]
    published = Claim.objects.using(source).published()
    quotes = Evidence.objects.using(source).filter(claim__in=published).exclude(quote="")
    for quote in quotes.order_by("pk").values_list("quote", flat=True)[:SAMPLE_SEARCHES]:
        views += [{"q": word} for word in LONG_WORD.findall(quote)[:1]]
        views += [{"q": f'"{phrase}"'} for phrase in PHRASE.findall(quote)[:1]]
    dates = Statement.objects.using(source).published().order_by("date")
    first = dates.values_list("date", flat=True).first()
    if first:
        last = first + timedelta(days=90)
        views.append({"date_after": first.isoformat(), "date_before": last.isoformat()})
    return views


def claims_shown(view: dict[str, str], alias: str) -> tuple[int, list[int]]:
    # The filter reads its options, and the chosen official, from the queryset's database.
    filterset = ClaimFilter(QueryDict(urlencode(view)), Claim.objects.using(alias))
    if not filterset.is_valid():
        return 0, []
    rows = filterset.qs
    return rows.count(), list(rows.values_list("id", flat=True)[:CLAIMS_COMPARED])


def same_views(source: str, target: str) -> str:
    views = sample_views(source)
    for view in views:
        described = urlencode(view) or "the whole timeline"
        if claims_shown(view, source) != claims_shown(view, target):
            raise MoveError(f"The target shows other claims than this database for {described}.")
        if counts_shown(view, source) != counts_shown(view, target):
            raise MoveError(f"The target counts other claims than this database for {described}.")
    return f"the same claims and counts for {len(views)} public views (filters and searches)"


def counts_shown(view: dict[str, str], alias: str) -> dict | None:
    """The counts the view shows, made from the claims as a view the tally cannot answer is
    counted: on PostgreSQL from the claims' facet keys, and a search's on SQLite from its
    matches' facet rows, which the move writes afresh on the target."""
    filterset = ClaimFilter(QueryDict(urlencode(view)), Claim.objects.using(alias))
    if not filterset.is_valid():
        return None
    return counts_in_one_pass(filterset, counted_together(filterset))
