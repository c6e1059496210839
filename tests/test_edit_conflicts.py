"""Two editors, one statement: a save over someone else's is refused with both values, and nothing
is lost — not the first editor's save, not the second editor's typing."""

import html

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.utils import timezone

from statements.models import Claim, Statement, StatementStatus
from tests.admin_form import form_of, opened
from tests.conftest import restore_curation_groups
from tests.factories import make_claim, make_statement

pytestmark = pytest.mark.django_db

QUOTE = "We will build the bridge."


def editor(name: str) -> Client:
    restore_curation_groups()
    user = User.objects.create_user(name, password="not-used", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def draft() -> Statement:
    statement = make_statement(status=StatementStatus.DRAFT, headline="The first headline")
    make_claim(statement, QUOTE, summary="The first summary")
    return statement


def change_page(statement: Statement) -> str:
    return f"/admin/statements/statement/{statement.pk}/change/"


def text_of(response) -> str:
    return html.unescape(response.content.decode())


def test_a_second_save_over_a_changed_headline_is_refused_and_loses_nothing(draft):
    alice, bob = editor("alice"), editor("bob")
    alices_form, bobs_form = opened(alice, change_page(draft)), opened(bob, change_page(draft))
    alices_form["headline"] = ["Alice's headline"]
    assert alice.post(change_page(draft), alices_form).status_code == 302
    bobs_form["kind"] = ["speech"]
    refused = bob.post(change_page(draft), bobs_form)

    assert refused.status_code == 200
    stored = Statement.objects.get(pk=draft.pk)
    assert (stored.headline, stored.kind) == ("Alice's headline", "interview")
    saved_at = Statement.history.filter(id=draft.pk).latest("history_date").history_date
    when = timezone.localtime(saved_at).strftime("%Y-%m-%d %H:%M:%S")
    page = text_of(refused)
    assert f"This statement was changed by alice at {when}" in page
    assert "since you opened it, so nothing was saved" in page
    assert "“Alice's headline”. You sent: “The first headline”." in page
    assert "Saved by alice at" in page and "“Interview”. You sent: “Speech”." in page
    kept = form_of(refused.content.decode())
    assert kept["kind"] == ["speech"] and kept["headline"] == ["The first headline"]

    kept["headline"] = ["Alice's headline"]
    assert bob.post(change_page(draft), kept).status_code == 302
    stored = Statement.objects.get(pk=draft.pk)
    assert (stored.headline, stored.kind) == ("Alice's headline", "speech")


def test_a_second_save_over_a_claims_summary_edited_inline_is_refused(draft):
    alice, bob = editor("alice"), editor("bob")
    alices_form, bobs_form = opened(alice, change_page(draft)), opened(bob, change_page(draft))
    alices_form["claims-0-summary"] = ["Alice's summary"]
    assert alice.post(change_page(draft), alices_form).status_code == 302
    bobs_form["claims-0-summary"] = ["Bob's summary"]
    refused = bob.post(change_page(draft), bobs_form)

    assert refused.status_code == 200
    assert Claim.objects.get().summary == "Alice's summary"
    page = text_of(refused)
    assert "This claim was changed by alice at" in page
    assert "“Alice's summary”. You sent: “Bob's summary”." in page
    assert form_of(refused.content.decode())["claims-0-summary"] == ["Bob's summary"]


def test_a_stale_form_cannot_undo_a_claim_changed_meanwhile(draft):
    alice, bob = editor("alice"), editor("bob")
    bobs_form = opened(bob, change_page(draft))
    claim = Claim.objects.get()
    claim_page = f"/admin/statements/claim/{claim.pk}/change/"
    alices_form = opened(alice, claim_page)
    alices_form["summary"] = ["Alice's summary"]
    assert alice.post(claim_page, alices_form).status_code == 302
    bobs_form["headline"] = ["Bob's headline"]
    refused = bob.post(change_page(draft), bobs_form)

    assert refused.status_code == 200
    assert "“Alice's summary”. You sent: “The first summary”." in text_of(refused)
    stored = Statement.objects.get(pk=draft.pk)
    assert stored.headline == "The first headline"
    assert stored.claims.get().summary == "Alice's summary"


def test_two_saves_on_the_claim_page_are_checked_the_same_way(draft):
    alice, bob = editor("alice"), editor("bob")
    claim = Claim.objects.get()
    claim_page = f"/admin/statements/claim/{claim.pk}/change/"
    alices_form, bobs_form = opened(alice, claim_page), opened(bob, claim_page)
    alices_form["summary"] = ["Alice's summary"]
    assert alice.post(claim_page, alices_form).status_code == 302
    bobs_form["summary"] = ["Bob's summary"]
    refused = bob.post(claim_page, bobs_form)
    assert refused.status_code == 200
    assert "“Alice's summary”. You sent: “Bob's summary”." in text_of(refused)
    assert Claim.objects.get().summary == "Alice's summary"


def test_a_save_that_changes_nothing_keeps_the_version_and_stops_no_one(draft):
    alice, bob = editor("alice"), editor("bob")
    alices_form, bobs_form = opened(alice, change_page(draft)), opened(bob, change_page(draft))
    assert alice.post(change_page(draft), alices_form).status_code == 302
    assert Statement.objects.get(pk=draft.pk).version == 1
    bobs_form["headline"] = ["Bob's headline"]
    assert bob.post(change_page(draft), bobs_form).status_code == 302
    assert Statement.objects.get(pk=draft.pk).headline == "Bob's headline"


def test_the_same_change_made_twice_goes_through(draft):
    alice, bob = editor("alice"), editor("bob")
    alices_form, bobs_form = opened(alice, change_page(draft)), opened(bob, change_page(draft))
    for client, form in ((alice, alices_form), (bob, bobs_form)):
        form["headline"] = ["The first headline, corrected"]
        assert client.post(change_page(draft), form).status_code == 302
    assert Statement.objects.get(pk=draft.pk).headline == "The first headline, corrected"


def test_reverting_from_the_history_is_refused_if_the_statement_changed_since(draft):
    alice, bob = editor("alice"), editor("bob")
    first = Statement.history.earliest("history_date")
    Statement.objects.get(pk=draft.pk).save()  # a second version to revert from
    revert_page = f"/admin/statements/statement/{draft.pk}/history/{first.history_id}/"
    bobs_form = opened(bob, revert_page)
    alices_form = opened(alice, change_page(draft))
    alices_form["headline"] = ["Alice's headline"]
    assert alice.post(change_page(draft), alices_form).status_code == 302
    refused = bob.post(revert_page, bobs_form)
    assert refused.status_code == 200
    assert "This statement was changed by alice at" in text_of(refused)
    assert Statement.objects.get(pk=draft.pk).headline == "Alice's headline"
    assert bob.post(revert_page, opened(bob, revert_page)).status_code == 302
    assert Statement.objects.get(pk=draft.pk).headline == "The first headline"


def test_a_second_save_over_a_claims_quote_is_refused_with_both_quotes(draft):
    alice, bob = editor("alice"), editor("bob")
    claim = Claim.objects.get()
    claim_page = f"/admin/statements/claim/{claim.pk}/change/"
    alices_form, bobs_form = opened(alice, claim_page), opened(bob, change_page(draft))
    alices_form["quote"] = ["build the bridge"]
    assert alice.post(claim_page, alices_form).status_code == 302
    bobs_form["claims-0-quote"] = ["We will build"]
    refused = bob.post(change_page(draft), bobs_form)

    assert refused.status_code == 200
    assert "“build the bridge”. You sent: “We will build”." in text_of(refused)
    assert Claim.objects.get().main_evidence.quote == "build the bridge"
    assert form_of(refused.content.decode())["claims-0-quote"] == ["We will build"]
