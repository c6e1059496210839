"""Reviewers publish in one step; a claim's summary is called Summary and is required before
its statement goes to review."""

import pytest

from statements.models import Statement, StatementStatus
from tests.factories import (
    DEFAULT_TEXT,
    claim_fields,
    make_claim,
    make_official,
    make_statement,
    statement_form,
)
from tests.test_curation import STATEMENTS, act, change_form, editor, reviewer, status_of

pytestmark = pytest.mark.django_db
__all__ = ["editor", "reviewer"]  # fixtures, used by name

QUOTE = "We will build the bridge."
ADD_STATEMENT = f"{STATEMENTS}add/"


def with_claim(data: dict, claim, **changes) -> dict:
    """The change form as the admin posts it, the claim's inline row included."""
    row = {"id": claim.pk, **claim_fields(claim, **changes)}
    data.update({f"claims-0-{name}": value for name, value in row.items()})
    data.update({"claims-TOTAL_FORMS": 1, "claims-INITIAL_FORMS": 1})
    return data


def change_url(statement: Statement) -> str:
    return f"{STATEMENTS}{statement.pk}/change/"


def test_a_reviewer_saves_and_publishes_a_draft_in_one_step(reviewer):
    draft = make_statement(status=StatementStatus.DRAFT)
    claim = make_claim(draft, QUOTE)
    page = reviewer.get(change_url(draft)).content.decode()
    assert '<input type="submit" value="Save and publish" name="_publish">' in page
    data = with_claim(change_form(draft, headline="Checked and published"), claim)
    data["_publish"] = "Save and publish"
    response = reviewer.post(change_url(draft), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    draft.refresh_from_db()
    assert draft.status == StatementStatus.PUBLISHED
    assert draft.headline == "Checked and published"
    assert draft.reviewed_by.username == "reviewer" and draft.reviewed_at is not None


def test_a_reviewer_publishes_a_new_statement_at_once(reviewer):
    official = make_official()
    make_statement(official, status=StatementStatus.DRAFT)
    data = statement_form(official, [], [{"source_text": "A new text. " + DEFAULT_TEXT}])
    data["_publish"] = "Save and publish"
    assert reviewer.post(ADD_STATEMENT, data).status_code == 302
    new = Statement.objects.get(reports__source_text__startswith="A new text")
    assert new.status == "published"


def test_editors_are_not_offered_save_and_publish_and_a_forged_one_is_refused(editor):
    draft = make_statement(status=StatementStatus.DRAFT)
    claim = make_claim(draft, QUOTE)
    assert "Save and publish" not in editor.get(change_url(draft)).content.decode()
    data = with_claim(change_form(draft, headline="Sneaked out"), claim)
    data["_publish"] = "Save and publish"
    response = editor.post(change_url(draft), data)
    assert response.status_code == 200
    assert "Only reviewers may publish a statement." in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == StatementStatus.DRAFT and draft.headline != "Sneaked out"


def test_a_published_statement_is_not_offered_publishing_again(reviewer):
    published = make_statement()
    assert "Save and publish" not in reviewer.get(change_url(published)).content.decode()


def test_the_claim_field_is_called_summary_in_the_admin(reviewer):
    draft = make_statement(status=StatementStatus.DRAFT)
    make_claim(draft, QUOTE)
    page = reviewer.get(change_url(draft)).content.decode()
    assert 'name="claims-0-summary"' in page and ">Summary:</label>" in page
    assert 'name="claims-0-text"' not in page


def test_a_draft_may_leave_a_summary_empty_until_it_goes_to_review(editor):
    draft = make_statement(status=StatementStatus.DRAFT)
    claim = make_claim(draft, QUOTE)
    response = editor.post(change_url(draft), with_claim(change_form(draft), claim, summary=""))
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.summary == ""

    data = with_claim(change_form(draft, status="in_review"), claim)
    response = editor.post(change_url(draft), data)
    assert response.status_code == 200
    expected = "Claim 1 (“We will build the bridge.”) needs a summary before the statement goes"
    assert expected in response.content.decode()
    assert status_of(draft) == StatementStatus.DRAFT

    # Written in the same save that submits it: accepted.
    data = with_claim(change_form(draft, status="in_review"), claim, summary="A bridge, soon.")
    assert editor.post(change_url(draft), data).status_code == 302
    assert status_of(draft) == StatementStatus.IN_REVIEW


def test_the_bulk_actions_refuse_a_statement_with_a_claim_to_summarize(editor):
    draft = make_statement(status=StatementStatus.DRAFT)
    make_claim(draft, QUOTE, summary=" ")
    response = act(editor, "submit_for_review", draft)
    assert status_of(draft) == StatementStatus.DRAFT
    messages = [str(message) for message in response.wsgi_request._messages]
    assert any("Claim 1 (“We will build the bridge.”) needs a summary" in m for m in messages)


def test_save_and_publish_refuses_a_claim_without_summary(reviewer):
    draft = make_statement(status=StatementStatus.DRAFT)
    claim = make_claim(draft, QUOTE, summary="")
    data = with_claim(change_form(draft), claim)
    data["_publish"] = "Save and publish"
    response = reviewer.post(change_url(draft), data)
    assert response.status_code == 200
    assert "needs a summary before the statement goes to review" in response.content.decode()
    assert status_of(draft) == StatementStatus.DRAFT


def test_a_forged_post_leaving_the_claim_out_still_needs_its_summary(editor):
    draft = make_statement(status=StatementStatus.DRAFT)
    make_claim(draft, QUOTE, summary="")
    data = change_form(draft, status="in_review")
    response = editor.post(change_url(draft), data)
    assert response.status_code == 200
    assert status_of(draft) == StatementStatus.DRAFT
