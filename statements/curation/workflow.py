"""The review workflow: who may move a statement from one status to another.

Editors write drafts and submit them; only reviewers publish, reject, take a published or
rejected statement back to draft, or restore a deleted one. Every road that changes what the
public sees (the admin form, the admin actions, reverting from the history, restoring, the
importer) asks here first. Position changes follow the same workflow with their own
permissions (`model=PositionChange`).
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Model
from django.utils import timezone

from statements.models import Statement, StatementStatus

EDIT = "statements.change_statement"
PUBLISH = "statements.publish_statement"
DRAFT, IN_REVIEW = StatementStatus.DRAFT, StatementStatus.IN_REVIEW
PUBLISHED, REJECTED = StatementStatus.PUBLISHED, StatementStatus.REJECTED

# (from, to) → the permission the move needs (named for statements; see needed()).
MOVES = {
    (DRAFT, IN_REVIEW): EDIT,
    (IN_REVIEW, DRAFT): EDIT,
    (IN_REVIEW, PUBLISHED): PUBLISH,
    (IN_REVIEW, REJECTED): PUBLISH,
    (PUBLISHED, DRAFT): PUBLISH,
    (REJECTED, DRAFT): PUBLISH,
}
REVIEWED = {PUBLISHED, REJECTED}
# A statement in these has been read by an editor: every claim has its summary.
SUMMARIZED = {IN_REVIEW, PUBLISHED}


def needed(permission: str, model: type[Model]) -> str:
    """The statement permission's counterpart for another reviewed model."""
    return permission.replace("_statement", f"_{model._meta.model_name}")


def may_move(user, current: str, target: str, model: type[Model] = Statement) -> bool:
    if current == target:
        return user.has_perm(needed(EDIT, model))
    permission = MOVES.get((current, target))
    return permission is not None and user.has_perm(needed(permission, model))


def statuses_open_to(user, current: str, model: type[Model] = Statement) -> list[str]:
    """The statuses this user may give a record now in `current`, that one included."""
    return [s for s in StatementStatus.values if may_move(user, current, s, model)]


def may_edit(user, record: Model | None, model: type[Model] = Statement) -> bool:
    """Published and rejected records are reviewers' to change; the rest are editors' too."""
    if not user.has_perm(needed(EDIT, model)):
        return False
    reviewed = record is not None and record.status in REVIEWED
    return not reviewed or user.has_perm(needed(PUBLISH, model))


def may_publish_now(user, current: str) -> bool:
    """Reviewers publish in one step ("Save and publish"): the moves through review are theirs."""
    return current != PUBLISHED and user.has_perm(PUBLISH)


def missing_summary(claims) -> str:
    """Why these claims cannot go to review yet: the first without a summary, named; or ""."""
    for claim in claims:
        if not claim.summary.strip():
            words = claim.quote
            shown = words if len(words) <= 60 else words[:59] + "…"
            return (
                f"Claim {claim.order} (“{shown}”) needs a summary before the statement goes "
                "to review: one neutral sentence in our words."
            )
    return ""


def may_restore(user) -> bool:
    """A deleted statement comes back with the status it had, published included: reviewers'."""
    return user.has_perm(EDIT) and user.has_perm(PUBLISH)


def refusal(current: str, target: str, model: type[Model] = Statement) -> str:
    labels, name = dict(StatementStatus.choices), model._meta.verbose_name
    if (current, target) in MOVES:
        return f"Only reviewers may move a {name} from {labels[current]} to {labels[target]}."
    return f"A {name} cannot go from {labels[current]} to {labels[target]}."


def note_review(record: Model, user) -> None:
    """Who published or rejected the statement (or position change), and when."""
    if record.status in REVIEWED:
        record.reviewed_by = user
        record.reviewed_at = timezone.now()


def move(record: Model, target: str, user) -> None:
    """Give the statement (or position change) a new status and save it, or refuse."""
    model = type(record)
    if not may_move(user, record.status, target, model):
        raise PermissionDenied(refusal(record.status, target, model))
    summaries_needed = model is Statement and target in SUMMARIZED
    if summaries_needed and (problem := missing_summary(record.claims.with_evidence())):
        raise PermissionDenied(problem)
    record.status = target
    note_review(record, user)
    record.save()
