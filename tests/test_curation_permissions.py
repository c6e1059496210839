"""Every admin road that changes what the public sees asks the workflow, for each group.

Each road is taken through the admin's own pages and forms by an editor, a reviewer and a staff
member in no group; what the public then sees is checked with an anonymous client.
"""

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client

from statements.models import Claim, Statement, StatementStatus
from tests.conftest import restore_curation_groups
from tests.factories import (
    claim_fields,
    inline_forms,
    make_claim,
    make_official,
    make_outlet,
    make_statement,
    statement_change_form,
)
from tests.test_importer import INTERVIEW

pytestmark = pytest.mark.django_db

STATEMENTS = "/admin/statements/statement/"
CLAIMS = "/admin/statements/claim/"
QUOTE = "We will build the bridge."
EDITORS, REVIEWERS, NO_GROUP = "Editors", "Reviewers", None
GROUPS = pytest.mark.parametrize("group", [EDITORS, REVIEWERS, NO_GROUP], ids=str)


def log_in_as(client, group: str | None) -> User:
    restore_curation_groups()
    user = User.objects.create_user(f"member-of-{group}", password="not-used", is_staff=True)
    if group:
        user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    return user


def public_status(statement_id: int) -> int:
    return Client().get(f"/statements/{statement_id}/").status_code


def status_of(statement_id: int) -> str | None:
    return Statement.objects.filter(pk=statement_id).values_list("status", flat=True).first()


def claim_form(claim: Claim, **changes) -> dict:
    return {**claim_fields(claim, **changes), **inline_forms("evidence_spans", [])}


def deleted_published_statement() -> int:
    statement = make_statement(status=StatementStatus.PUBLISHED, headline="Deleted by a reviewer")
    make_claim(statement, QUOTE)
    statement_id = statement.pk
    statement.delete()
    return statement_id


# Restoring a deleted statement


@GROUPS
def test_only_reviewers_restore_a_deleted_statement(client, group):
    statement_id = deleted_published_statement()
    log_in_as(client, group)
    listing = client.get(STATEMENTS)
    page = client.get(f"{STATEMENTS}deleted/")
    restore = client.post(f"{STATEMENTS}deleted/", {"statement": statement_id})
    if group == REVIEWERS:
        assert 'href="/admin/statements/statement/deleted/"' in listing.content.decode()
        assert page.status_code == 200 and restore.status_code == 302
        assert status_of(statement_id) == StatementStatus.PUBLISHED
        assert Statement.objects.get(pk=statement_id).claims.count() == 1
        assert public_status(statement_id) == 200
    else:
        assert "deleted/" not in listing.content.decode()
        assert page.status_code == 403 and restore.status_code == 403
        assert status_of(statement_id) is None
        assert public_status(statement_id) == 404


@GROUPS
def test_only_reviewers_bring_a_deleted_statement_back_from_its_history(client, group):
    statement_id = deleted_published_statement()
    deletion = Statement.history.filter(id=statement_id).first()
    form = {"status": deletion.status, "headline": deletion.headline}
    log_in_as(client, group)
    url = f"{STATEMENTS}{statement_id}/history/{deletion.history_id}/"
    response = client.post(url, form)
    if group == REVIEWERS:
        assert response.status_code == 302
        assert status_of(statement_id) == StatementStatus.PUBLISHED
        restored = Statement.objects.get(pk=statement_id)
        assert restored.reports.count() == 1 and restored.claims.get().quote == QUOTE
        assert public_status(statement_id) == 200
    else:
        assert response.status_code == 403
        assert status_of(statement_id) is None
        assert public_status(statement_id) == 404


# Reverting from the history


@GROUPS
def test_only_reviewers_revert_a_published_statement(client, group):
    statement = make_statement(status=StatementStatus.PUBLISHED, headline="As first published")
    first = Statement.history.get(id=statement.pk)
    statement.headline = "As corrected by a reviewer"
    statement.save()
    log_in_as(client, group)
    url = f"{STATEMENTS}{statement.pk}/history/{first.history_id}/"
    page = client.get(url)
    response = client.post(url, statement_change_form(statement, headline=first.headline))
    headline = Statement.objects.get(pk=statement.pk).headline
    if group == REVIEWERS:
        assert 'name="_save"' in page.content.decode()
        assert response.status_code == 302 and headline == "As first published"
    else:
        assert response.status_code == 403 and headline == "As corrected by a reviewer"
        if group == EDITORS:
            assert page.status_code == 200 and 'name="_save"' not in page.content.decode()


@GROUPS
def test_reverting_a_draft_to_its_published_version_cannot_publish_it(client, group):
    statement = make_statement(status=StatementStatus.PUBLISHED, headline="As published")
    published = Statement.history.get(id=statement.pk)
    statement.status, statement.headline = StatementStatus.DRAFT, "Back for correction"
    statement.save()
    log_in_as(client, group)
    url = f"{STATEMENTS}{statement.pk}/history/{published.history_id}/"
    form = statement_change_form(statement, status="published", headline="As published")
    response = client.post(url, form)
    assert status_of(statement.pk) == StatementStatus.DRAFT
    assert public_status(statement.pk) == 404
    if group is NO_GROUP:
        assert response.status_code == 403
    else:
        assert "A statement cannot go from Draft to Published." in response.content.decode()


@GROUPS
def test_only_reviewers_revert_a_claim_of_a_published_statement(client, group):
    statement = make_statement(status=StatementStatus.PUBLISHED)
    claim = make_claim(statement, QUOTE, summary="As first published")
    first = Claim.history.get(id=claim.pk)
    claim.summary = "As corrected by a reviewer"
    claim.save()
    log_in_as(client, group)
    url = f"{CLAIMS}{claim.pk}/history/{first.history_id}/"
    response = client.post(url, claim_form(claim, summary="As first published"))
    text = Claim.objects.get(pk=claim.pk).summary
    if group == REVIEWERS:
        assert response.status_code == 302 and text == "As first published"
    else:
        assert response.status_code == 403 and text == "As corrected by a reviewer"


@GROUPS
def test_only_reviewers_bring_back_a_deleted_claim_of_a_published_statement(client, group):
    statement = make_statement(status=StatementStatus.PUBLISHED)
    claim = make_claim(statement, QUOTE)
    form = claim_form(claim)
    claim_id = claim.pk
    claim.delete()
    deletion = Claim.history.filter(id=claim_id).first()
    log_in_as(client, group)
    response = client.post(f"{CLAIMS}{claim_id}/history/{deletion.history_id}/", form)
    restored = Claim.objects.filter(pk=claim_id).first()
    if group == REVIEWERS:
        assert response.status_code == 302 and restored.quote == QUOTE
    else:
        assert response.status_code == 403 and restored is None


# Bulk actions


def act(client, action: str, statement: Statement, **extra):
    form = {"action": action, "_selected_action": [statement.pk], "index": 0, **extra}
    return client.post(STATEMENTS, form)


@GROUPS
def test_only_reviewers_publish_from_the_list(client, group):
    statement = make_statement(status=StatementStatus.IN_REVIEW)
    log_in_as(client, group)
    response = act(client, "publish", statement)
    if group == REVIEWERS:
        assert status_of(statement.pk) == StatementStatus.PUBLISHED
        assert public_status(statement.pk) == 200
    else:
        assert response.status_code == (403 if group is NO_GROUP else 302)
        assert status_of(statement.pk) == StatementStatus.IN_REVIEW
        assert public_status(statement.pk) == 404


@GROUPS
def test_only_reviewers_take_a_published_statement_off_from_the_list(client, group):
    statement = make_statement(status=StatementStatus.PUBLISHED)
    log_in_as(client, group)
    response = act(client, "return_to_draft", statement)
    if group == REVIEWERS:
        assert status_of(statement.pk) == StatementStatus.DRAFT
        assert public_status(statement.pk) == 404
    else:
        assert status_of(statement.pk) == StatementStatus.PUBLISHED
        if group == EDITORS:
            shown = client.get(response.url).content.decode()
            assert "Only reviewers may move a statement from Published to Draft." in shown


@GROUPS
def test_only_reviewers_delete_from_the_list(client, group):
    statement = make_statement(status=StatementStatus.PUBLISHED)
    log_in_as(client, group)
    act(client, "delete_selected", statement, post="yes")
    if group == REVIEWERS:
        assert status_of(statement.pk) is None and public_status(statement.pk) == 404
    else:
        assert status_of(statement.pk) == StatementStatus.PUBLISHED


# The change form and the delete page


@GROUPS
def test_only_reviewers_publish_through_the_change_form(client, group):
    statement = make_statement(status=StatementStatus.IN_REVIEW)
    log_in_as(client, group)
    url = f"{STATEMENTS}{statement.pk}/change/"
    response = client.post(url, statement_change_form(statement, status="published"))
    if group == REVIEWERS:
        assert response.status_code == 302 and public_status(statement.pk) == 200
    else:
        assert status_of(statement.pk) == StatementStatus.IN_REVIEW
        assert public_status(statement.pk) == 404
        if group == EDITORS:
            message = "Only reviewers may move a statement from In review to Published."
            assert message in response.content.decode()


@GROUPS
def test_only_reviewers_delete_a_statement(client, group):
    statement = make_statement(status=StatementStatus.PUBLISHED)
    log_in_as(client, group)
    response = client.post(f"{STATEMENTS}{statement.pk}/delete/", {"post": "yes"})
    if group == REVIEWERS:
        assert response.status_code == 302 and status_of(statement.pk) is None
    else:
        assert response.status_code == 403 and status_of(statement.pk) is not None


# The import page


@GROUPS
def test_the_import_page_stores_drafts_only_and_only_for_those_who_may_add(client, group):
    make_outlet("Daily Courier")
    make_outlet("Radio Danube")
    make_official("Ana Petrova", aliases="Petrova\nthe transport minister")
    log_in_as(client, group)
    import_url = f"{STATEMENTS}import/"
    response = client.post(import_url, {"action": "create", "article_text": INTERVIEW})
    if group is NO_GROUP:
        assert response.status_code == 403 and not Statement.objects.exists()
        return
    statement = Statement.objects.get()
    assert response.status_code == 302 and statement.status == StatementStatus.DRAFT
    assert public_status(statement.pk) == 404
