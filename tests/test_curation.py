"""Curation through the admin: the review workflow, the span helper, history and restore."""

import csv
import io

import pytest
from django.contrib.auth.models import Group, User
from django.db import connection
from django.forms.models import model_to_dict
from django.test.utils import CaptureQueriesContext

from statements.models import Claim, Evidence, Report, Statement, StatementStatus
from tests.conftest import restore_curation_groups
from tests.factories import (
    DEFAULT_TEXT,
    add_evidence,
    claim_fields,
    inline_forms,
    make_claim,
    make_official,
    make_report,
    make_statement,
    make_topic,
    statement_change_form,
    statement_form,
)

pytestmark = pytest.mark.django_db

STATEMENTS = "/admin/statements/statement/"
ADD_STATEMENT = f"{STATEMENTS}add/"
QUOTE = "We will build the bridge."


def staff_in(group_name: str, client, username: str):
    restore_curation_groups()
    user = User.objects.create_user(username, password="not-used", is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    client.force_login(user)
    return user


@pytest.fixture
def editor(client):
    staff_in("Editors", client, "editor")
    return client


@pytest.fixture
def reviewer(client):
    staff_in("Reviewers", client, "reviewer")
    return client


def act(client, action: str, *statements: Statement):
    selected = [statement.pk for statement in statements]
    return client.post(STATEMENTS, {"action": action, "_selected_action": selected, "index": 0})


def status_of(statement: Statement) -> str:
    return Statement.objects.get(pk=statement.pk).status


def change_form(statement: Statement, **changes) -> dict:
    return statement_change_form(statement, **changes)


def test_the_migration_creates_both_groups_and_only_reviewers_may_publish():
    # A transactional test run before this one in the same process empties the tables, groups
    # included: they are made again by the migrations' own functions, as migrate made them.
    restore_curation_groups()
    editors = set(Group.objects.get(name="Editors").permissions.values_list("codename", flat=True))
    reviewers = Group.objects.get(name="Reviewers").permissions.values_list("codename", flat=True)
    assert {"add_statement", "change_statement", "change_claim"} <= editors
    assert "publish_statement" not in editors and "delete_statement" not in editors
    assert {"publish_statement", "delete_statement"} <= set(reviewers)


def test_an_editor_writes_a_draft_and_submits_it_but_cannot_publish_it(editor):
    official = make_official()
    form_page = editor.get(ADD_STATEMENT).content.decode()
    assert 'value="in_review"' in form_page and 'value="published"' not in form_page

    response = editor.post(ADD_STATEMENT, statement_form(official, []))
    assert response.status_code == 302
    draft = Statement.objects.get()
    assert draft.status == StatementStatus.DRAFT

    act(editor, "submit_for_review", draft)
    assert status_of(draft) == StatementStatus.IN_REVIEW

    # Not offered, and refused when posted anyway.
    assert "publish" not in editor.get(STATEMENTS).context["action_form"].fields["action"].choices
    act(editor, "publish", draft)
    assert status_of(draft) == StatementStatus.IN_REVIEW

    draft.refresh_from_db()
    response = editor.post(
        f"{STATEMENTS}{draft.pk}/change/", change_form(draft, status="published")
    )
    assert response.status_code == 200
    assert "Only reviewers may move a statement from In review to Published." in (
        response.content.decode()
    )
    assert status_of(draft) == StatementStatus.IN_REVIEW


def test_an_editor_cannot_publish_a_new_statement_by_posting_the_status(editor):
    data = statement_form(make_official(), [])
    data["status"] = "published"
    response = editor.post(ADD_STATEMENT, data)
    assert response.status_code == 200
    assert "A statement cannot go from Draft to Published." in response.content.decode()
    assert not Statement.objects.exists()


def test_an_editor_may_read_but_not_change_a_published_statement(editor):
    published = make_statement()
    page = editor.get(f"{STATEMENTS}{published.pk}/change/")
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    data = change_form(published, headline="Rewritten without review")
    assert editor.post(f"{STATEMENTS}{published.pk}/change/", data).status_code == 403
    assert Statement.objects.get().headline == published.headline
    claim_page = editor.get(f"/admin/statements/claim/{make_claim(published, QUOTE).pk}/change/")
    assert 'name="_save"' not in claim_page.content.decode()


def test_a_reviewer_publishes_and_rejects_and_is_named_as_reviewer(reviewer):
    first = make_statement(status=StatementStatus.IN_REVIEW)
    second = make_statement(
        status=StatementStatus.IN_REVIEW, source_text="Another text.", official=first.official
    )
    act(reviewer, "publish", first)
    act(reviewer, "reject", second)
    first.refresh_from_db()
    assert first.status == StatementStatus.PUBLISHED
    assert first.reviewed_by.username == "reviewer" and first.reviewed_at is not None
    assert status_of(second) == StatementStatus.REJECTED


def test_forbidden_moves_are_refused_even_for_reviewers(reviewer):
    draft = make_statement(status=StatementStatus.DRAFT)
    response = act(reviewer, "publish", draft)
    assert status_of(draft) == StatementStatus.DRAFT
    messages = [str(message) for message in response.wsgi_request._messages]
    assert any("cannot go from Draft to Published" in message for message in messages)
    rejected = make_statement(
        status=StatementStatus.REJECTED, source_text="Other.", official=draft.official
    )
    act(reviewer, "submit_for_review", rejected)
    assert status_of(rejected) == StatementStatus.REJECTED
    act(reviewer, "return_to_draft", rejected)
    assert status_of(rejected) == StatementStatus.DRAFT


def test_only_published_statements_reach_public_pages_feeds_and_exports(client, admin_client):
    official = make_official()
    topic = make_topic()
    public = make_statement(official, headline="Public words")
    make_claim(public, QUOTE, topics=(topic,), summary="Public position")
    hidden = make_statement(
        official,
        headline="Draft words",
        source_text="A draft. " + DEFAULT_TEXT,
        status=StatementStatus.DRAFT,
    )
    hidden_claim = make_claim(hidden, QUOTE, topics=(topic,), summary="Draft position")
    for url in ("/", f"/officials/{official.slug}/", f"/topics/{topic.slug}/", "/feed.atom"):
        html = client.get(url).content.decode()
        assert "Public position" in html and "Draft position" not in html, url
    export = b"".join(client.get("/export.csv").streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(export)))
    assert [row["headline"] for row in rows] == ["Public words"]
    assert "1 claim," in client.get("/topics/").content.decode()
    assert client.get(hidden.get_absolute_url()).status_code == 404
    assert client.get(hidden_claim.get_absolute_url()).status_code == 404
    preview = admin_client.get(hidden.get_absolute_url()).content.decode()
    assert "Preview for staff: this statement is draft" in preview


def test_the_span_is_found_from_the_quote_alone(editor):
    claim = {"order": 1, "kind": "quote", "summary": "A bridge.", "quote": QUOTE}
    response = editor.post(ADD_STATEMENT, statement_form(make_official(), [claim]))
    assert response.status_code == 302
    saved = Claim.objects.get().main_evidence
    assert (saved.span_start, saved.span_end) == (
        DEFAULT_TEXT.index(QUOTE),
        DEFAULT_TEXT.index(QUOTE) + len(QUOTE),
    )
    assert saved.report == Statement.objects.get().main_report


@pytest.mark.parametrize(
    ("quote", "message"),
    [
        ("We will never build it.", "These words are not in the source text"),
        ("said", "These words occur 2 times in the source text (at 13, 53)"),
    ],
)
def test_a_quote_missing_or_found_twice_is_an_error_on_its_row(editor, quote, message):
    claim = {"order": 1, "kind": "quote", "summary": "A bridge.", "quote": quote}
    response = editor.post(ADD_STATEMENT, statement_form(make_official(), [claim]))
    assert response.status_code == 200
    errors = response.context["inline_admin_formsets"][1].formset.forms[0].errors
    assert message in errors["quote"][0]
    assert not Statement.objects.exists() and not Claim.objects.exists()


def test_a_corrected_quote_gets_its_new_span(editor):
    statement = make_statement(status=StatementStatus.DRAFT)
    claim = make_claim(statement, QUOTE)
    corrected = "build the bridge"
    data = claim_fields(claim, quote=corrected)
    data.update(inline_forms("evidence_spans", []))
    response = editor.post(f"/admin/statements/claim/{claim.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    main = claim.main_evidence
    assert DEFAULT_TEXT[main.span_start : main.span_end] == corrected


def test_the_change_page_marks_each_claims_evidence_in_the_source(admin_client):
    statement = make_statement()
    make_claim(statement, QUOTE)
    html = admin_client.get(f"{STATEMENTS}{statement.pk}/change/").content.decode()
    assert f'<mark title="Claim 1">{QUOTE}</mark>' in html
    assert "View on site" in html


def snapshot(statement: Statement) -> dict:
    claims = [
        {
            **model_to_dict(claim, exclude=["topics"]),
            "topics": sorted(claim.topics.values_list("pk")),
        }
        for claim in statement.claims.order_by("pk")
    ]
    fields = model_to_dict(Statement.objects.get(pk=statement.pk))
    stamps = Statement.objects.values("created", "modified").get(pk=statement.pk)
    # A save counter, as model_to_dict leaves out for statements and claims: not content.
    content = [f.attname for f in Report._meta.concrete_fields if f.name != "version"]
    reports = list(Report.objects.filter(statement_id=statement.pk).order_by("pk").values(*content))
    evidence = Evidence.objects.filter(claim__statement_id=statement.pk).order_by("pk").values()
    return {**fields, **stamps, "claims": claims, "reports": reports, "evidence": list(evidence)}


def test_edit_delete_and_restore_leaves_the_statement_as_it_was(admin_client):
    statement = make_statement()
    topic = make_topic()
    claim = make_claim(statement, QUOTE, topics=(topic,))
    make_claim(statement, "it would never be built.", order=2)
    second = make_report(statement, source_text=f"Elsewhere: {QUOTE}", dateline="Ganja")
    add_evidence(claim, second, QUOTE)
    edited = change_form(statement, headline="A corrected headline", **{"claims-TOTAL_FORMS": 0})
    edited.update({"claims-INITIAL_FORMS": 0})
    assert admin_client.post(f"{STATEMENTS}{statement.pk}/change/", edited).status_code == 302
    history = Statement.history.filter(id=statement.pk)
    assert history.first().headline == "A corrected headline"
    assert history.first().history_user.username == "admin"
    history_page = admin_client.get(f"{STATEMENTS}{statement.pk}/history/").content.decode()
    assert "<strong>Headline:</strong>" in history_page and ">admin</a>" in history_page
    assert "style=" not in history_page  # the CSP forbids inline styles
    before = snapshot(statement)

    delete = admin_client.post(f"{STATEMENTS}{statement.pk}/delete/", {"post": "yes"})
    assert delete.status_code == 302 and not Statement.objects.exists()
    deleted_page = admin_client.get(f"{STATEMENTS}deleted/").content.decode()
    assert "A corrected headline" in deleted_page

    restored = admin_client.post(f"{STATEMENTS}deleted/", {"statement": statement.pk})
    assert restored.status_code == 302
    assert snapshot(statement) == before
    assert len(before["reports"]) == 2 and len(before["evidence"]) == 3
    assert Claim.objects.get(pk=claim.pk).wording == "agrees"
    assert "No deleted statements" in admin_client.get(f"{STATEMENTS}deleted/").content.decode()


def test_a_claim_removed_on_its_own_stays_removed_when_its_statement_is_restored(admin_client):
    statement = make_statement()
    kept = make_claim(statement, QUOTE)
    removed = make_claim(statement, "it would never be built.", order=2)
    removed.delete()
    statement_id = statement.pk
    statement.delete()
    admin_client.post(f"{STATEMENTS}deleted/", {"statement": statement_id})
    assert list(Claim.objects.values_list("pk", flat=True)) == [kept.pk]


def test_restoring_what_exists_or_never_existed_says_so(admin_client):
    statement = make_statement()
    for target in (statement.pk, 999_999, "not a number"):
        response = admin_client.post(f"{STATEMENTS}deleted/", {"statement": target}, follow=True)
        assert response.status_code == 200
        assert "Nothing restored" in response.content.decode()
    assert Statement.objects.count() == 1


def test_an_editor_cannot_open_the_deleted_statements_page_without_add_permission(client):
    user = User.objects.create_user("viewer", password="x", is_staff=True)
    client.force_login(user)
    assert client.get(f"{STATEMENTS}deleted/").status_code == 403


def queries_to_list(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("model", ["statement", "claim"])
def test_the_admin_lists_run_as_many_queries_for_many_rows_as_for_few(admin_client, model):
    official = make_official()
    url = f"/admin/statements/{model}/"

    def add_statements(count: int) -> None:
        for number in range(count):
            text = f"Statement {number} of {count}. {DEFAULT_TEXT}"
            make_claim(
                make_statement(official, source_text=text),
                QUOTE,
                topics=(make_topic(f"Topic {count}-{number}"),),
            )

    add_statements(2)
    few = queries_to_list(admin_client, url)
    add_statements(20)
    assert queries_to_list(admin_client, url) == few


def test_a_seed_statement_never_edited_is_restored_with_its_claims_and_topics(admin_client, seeded):
    statement = Statement.objects.get(venue__slug="tass")
    before = snapshot(statement)
    assert not Statement.history.filter(id=statement.pk).exists()
    admin_client.post(f"{STATEMENTS}{statement.pk}/delete/", {"post": "yes"})
    admin_client.post(f"{STATEMENTS}deleted/", {"statement": statement.pk})
    assert snapshot(statement) == before
    assert len(before["claims"]) == 14


def test_a_statement_whose_official_is_gone_is_not_restored_and_says_why(admin_client):
    statement = make_statement()
    statement_id, official = statement.pk, statement.official
    statement.delete()
    official.delete()
    response = admin_client.post(f"{STATEMENTS}deleted/", {"statement": statement_id}, follow=True)
    assert "its official no longer exist" in response.content.decode()
    assert not Statement.objects.exists()


def revert_form(statement: Statement, version) -> dict:
    return change_form(statement, status=version.status, headline=version.headline)


def test_an_editor_cannot_publish_by_reverting_to_a_published_version(client):
    statement = make_statement(status=StatementStatus.PUBLISHED, headline="As published")
    published_version = Statement.history.get(id=statement.pk)
    statement.status, statement.headline = StatementStatus.DRAFT, "Back for correction"
    statement.save()
    staff_in("Editors", client, "editor")
    url = f"{STATEMENTS}{statement.pk}/history/{published_version.history_id}/"
    response = client.post(url, revert_form(statement, published_version))
    assert "A statement cannot go from Draft to Published." in response.content.decode()
    assert status_of(statement) == StatementStatus.DRAFT


def test_an_editor_cannot_revert_a_published_statement(client):
    statement = make_statement(status=StatementStatus.PUBLISHED, headline="As published")
    first = Statement.history.get(id=statement.pk)
    statement.headline = "Corrected by a reviewer"
    statement.save()
    staff_in("Editors", client, "editor")
    url = f"{STATEMENTS}{statement.pk}/history/{first.history_id}/"
    assert client.post(url, revert_form(statement, first)).status_code == 403
    assert Statement.objects.get().headline == "Corrected by a reviewer"
