"""A statement's change page edits its first claims inline; a long statement's others are edited
from the claim list, so the page and its form stay the same size whatever the statement holds."""

from django.forms.models import BaseInlineFormSet
from django.urls import reverse
from django.utils.html import format_html

from statements.models import Statement

CLAIMS_INLINE = 50


class FirstClaimsFormSet(BaseInlineFormSet):
    def get_queryset(self):
        if not hasattr(self, "_first_claims"):
            self._first_claims = super().get_queryset()[:CLAIMS_INLINE]
        return self._first_claims


def claims_in_list(statement: Statement, count: int) -> str:
    """How many claims there are, which are edited below, and a link to all of them."""
    url = f"{reverse('admin:statements_claim_changelist')}?statement__id__exact={statement.pk}"
    if count <= CLAIMS_INLINE:
        return format_html(
            '{} claim(s), all edited below; also in <a href="{}">the claim list</a>.', count, url
        )
    return format_html(
        '{} claims: the first {} are edited below, all of them in <a href="{}">the claim list</a>.',
        count,
        CLAIMS_INLINE,
        url,
    )
