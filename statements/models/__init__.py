"""Who said what, when, where, and the positions each statement holds.

An official's statement is one dated occasion; each report is one outlet's text of it; each
claim is one position, resting on evidence: spans of the reports' texts.
"""

from statements.models.addresses import WEB_LINK, web_address, web_link
from statements.models.claim import (
    Claim,
    ClaimKind,
    Evidence,
    Wording,
    evidence,
    evidence_text,
    hosted_or_published_by,
)
from statements.models.claim_tally import ClaimTally, ClaimTallySum
from statements.models.directory import Official, Outlet, Post, SlugManager, Topic, lines_of
from statements.models.position_change import PositionChange, Rating
from statements.models.report import (
    DATE_MARKER,
    Report,
    body_start_after_marker,
    content_hash,
)
from statements.models.review import EditVersioned, Reviewed, StatementStatus
from statements.models.statement import (
    DATABASE_LATEST_DATE,
    EARLIEST_DATE,
    DatePrecision,
    Statement,
    StatementKind,
    latest_date,
    validate_statement_date,
)

__all__ = [
    "DATABASE_LATEST_DATE",
    "DATE_MARKER",
    "EARLIEST_DATE",
    "WEB_LINK",
    "Claim",
    "ClaimKind",
    "ClaimTally",
    "ClaimTallySum",
    "DatePrecision",
    "EditVersioned",
    "Evidence",
    "Official",
    "Outlet",
    "PositionChange",
    "Post",
    "Rating",
    "Report",
    "Reviewed",
    "SlugManager",
    "Statement",
    "StatementKind",
    "StatementStatus",
    "Topic",
    "Wording",
    "body_start_after_marker",
    "content_hash",
    "evidence",
    "evidence_text",
    "hosted_or_published_by",
    "latest_date",
    "lines_of",
    "validate_statement_date",
    "web_address",
    "web_link",
]
