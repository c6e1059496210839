"""The review workflow: who may move a statement from one status to another.

Editors write drafts and submit them; only reviewers publish, reject, or take a published or
rejected statement back to draft. Every road that changes a status (the admin form, the admin
actions, the importer) asks here first.
"""

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from statements.models import Statement, StatementStatus

EDIT = "statements.change_statement"
PUBLISH = "statements.publish_statement"
DRAFT, IN_REVIEW = StatementStatus.DRAFT, StatementStatus.IN_REVIEW
PUBLISHED, REJECTED = StatementStatus.PUBLISHED, StatementStatus.REJECTED

# (from, to) → the permission the move needs.
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


def may_move(user, current: str, target: str) -> bool:
    if current == target:
        return user.has_perm(EDIT)
    needed = MOVES.get((current, target))
    return needed is not None and user.has_perm(needed)


def statuses_open_to(user, current: str) -> list[str]:
    """The statuses this user may give a statement now in `current`, that one included."""
    return [status for status in StatementStatus.values if may_move(user, current, status)]


def may_edit(user, statement: Statement | None) -> bool:
    """Published and rejected statements are reviewers' to change; the rest are editors' too."""
    if not user.has_perm(EDIT):
        return False
    return statement is None or statement.status not in REVIEWED or user.has_perm(PUBLISH)


def may_publish_now(user, current: str) -> bool:
    """Reviewers publish in one step ("Save and publish"): the moves through review are theirs."""
    return current != PUBLISHED and user.has_perm(PUBLISH)


def missing_summary(claims) -> str:
    """Why these claims cannot go to review yet: the first without a summary, named; or ""."""
    for claim in claims:
        if not claim.summary.strip():
            words = claim.quote or (claim.evidence if claim.span_end is not None else "")
            shown = words if len(words) <= 60 else words[:59] + "…"
            return (
                f"Claim {claim.order} (“{shown}”) needs a summary before the statement goes "
                "to review: one neutral sentence in our words."
            )
    return ""


def refusal(current: str, target: str) -> str:
    labels = dict(StatementStatus.choices)
    if (current, target) in MOVES:
        return f"Only reviewers may move a statement from {labels[current]} to {labels[target]}."
    return f"A statement cannot go from {labels[current]} to {labels[target]}."


def note_review(statement: Statement, user) -> None:
    """Who published or rejected the statement, and when."""
    if statement.status in REVIEWED:
        statement.reviewed_by = user
        statement.reviewed_at = timezone.now()


def move(statement: Statement, target: str, user) -> None:
    """Give the statement a new status and save it, or refuse with the reason."""
    if not may_move(user, statement.status, target):
        raise PermissionDenied(refusal(statement.status, target))
    if target in SUMMARIZED and (problem := missing_summary(statement.claims.all())):
        raise PermissionDenied(problem)
    statement.status = target
    note_review(statement, user)
    statement.save()
