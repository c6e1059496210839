"""The review workflow: who may move a statement from one status to another.

Editors write drafts and submit them; only reviewers publish, reject, take a published or
rejected statement back to draft, or restore a deleted one. Every road that changes what the
public sees (the admin form, the admin actions, reverting from the history, restoring, the
importer) asks here first.
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


def may_restore(user) -> bool:
    """A deleted statement comes back with the status it had, published included: reviewers'."""
    return user.has_perm(EDIT) and user.has_perm(PUBLISH)


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
    statement.status = target
    note_review(statement, user)
    statement.save()
