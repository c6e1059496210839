"""Curating position changes in the admin: editors draft and submit, reviewers publish, with
history; the same workflow as statements."""

from datetime import date

import pytest
from django.contrib.auth.models import User

from statements.models import PositionChange, StatementStatus
from tests.conftest import restore_curation_groups
from tests.factories import make_claim, make_official, make_statement, make_topic
from tests.test_curation import staff_in

pytestmark = pytest.mark.django_db

CHANGES = "/admin/statements/positionchange/"
ADD = f"{CHANGES}add/"


@pytest.fixture
def story():
    """An official's two statements on one topic, a year apart."""
    official, topic = make_official(), make_topic()
    sides = []
    for year in (2022, 2023):
        text = f"In {year}: We will build the bridge."
        statement = make_statement(official, date=date(year, 5, 1), source_text=text)
        make_claim(statement, "We will build the bridge.", topics=(topic,))
        sides.append(statement)
    return {"official": official, "topic": topic, "earlier": sides[0], "later": sides[1]}


def change_form(story: dict, **fields) -> dict:
    data = {
        "official": story["official"].pk,
        "topic": story["topic"].pk,
        "earlier": story["earlier"].pk,
        "later": story["later"].pk,
        "rating": "hardened",
        "note": "A year later he set a date for the bridge.",
        "status": "draft",
    }
    return {**data, **fields}


def make_change(story: dict, status: str) -> PositionChange:
    return PositionChange.objects.create(
        official=story["official"],
        topic=story["topic"],
        earlier=story["earlier"],
        later=story["later"],
        rating="hardened",
        note="Firmer.",
        status=status,
    )


def status_of(change: PositionChange) -> str:
    return PositionChange.objects.get(pk=change.pk).status


def test_an_editor_drafts_and_submits_a_change_but_cannot_publish_it(client, story):
    staff_in("Editors", client, "editor")
    page = client.get(ADD).content.decode()
    assert 'value="in_review"' in page and 'value="published"' not in page
    assert client.post(ADD, change_form(story)).status_code == 302
    change = PositionChange.objects.get()
    assert change.status == StatementStatus.DRAFT
    assert change.history.first().history_user.username == "editor"

    url = f"{CHANGES}{change.pk}/change/"
    assert client.post(url, change_form(story, status="in_review")).status_code == 302
    assert status_of(change) == StatementStatus.IN_REVIEW
    response = client.post(url, change_form(story, status="published"))
    assert "Only reviewers may move a position change from In review to Published." in (
        response.content.decode()
    )
    assert status_of(change) == StatementStatus.IN_REVIEW


def test_an_editor_cannot_publish_by_the_list_action_or_change_a_published_one(client, story):
    staff_in("Editors", client, "editor")
    change = make_change(story, StatementStatus.IN_REVIEW)
    client.post(CHANGES, {"action": "publish", "_selected_action": [change.pk], "index": 0})
    assert status_of(change) == StatementStatus.IN_REVIEW
    PositionChange.objects.filter(pk=change.pk).update(status=StatementStatus.PUBLISHED)
    published = change
    published_url = f"{CHANGES}{published.pk}/change/"
    assert client.get(published_url).status_code == 200  # to read
    response = client.post(published_url, change_form(story, status="published", note="Edited"))
    assert response.status_code == 403
    assert PositionChange.objects.get(pk=published.pk).note == "Firmer."


def test_a_reviewer_publishes_and_is_named_as_reviewer(client, story):
    reviewer = staff_in("Reviewers", client, "reviewer")
    change = make_change(story, StatementStatus.IN_REVIEW)
    url = f"{CHANGES}{change.pk}/change/"
    assert client.post(url, change_form(story, status="published")).status_code == 302
    change.refresh_from_db()
    assert change.status == StatementStatus.PUBLISHED
    assert change.reviewed_by == reviewer and change.reviewed_at is not None
    history = client.get(f"{url.removesuffix('change/')}history/").content.decode()
    assert "reviewer" in history


def test_a_reviewer_publishes_from_the_list(client, story):
    staff_in("Reviewers", client, "reviewer")
    change = make_change(story, StatementStatus.IN_REVIEW)
    response = client.post(
        CHANGES, {"action": "publish", "_selected_action": [change.pk], "index": 0}, follow=True
    )
    assert "1 position change(s) now published." in response.content.decode()
    assert status_of(change) == StatementStatus.PUBLISHED


def test_the_form_refuses_a_change_its_statements_do_not_support(client, story):
    staff_in("Editors", client, "editor")
    other_topic = make_topic("Health")
    response = client.post(ADD, change_form(story, topic=other_topic.pk))
    assert "This statement has no claim on Health." in response.content.decode()
    swapped = change_form(story, earlier=story["later"].pk, later=story["earlier"].pk)
    response = client.post(ADD, swapped)
    assert "The later statement is dated before the earlier." in response.content.decode()
    assert not PositionChange.objects.exists()


def test_staff_in_no_group_may_not_open_position_changes(client, story):
    restore_curation_groups()
    user = User.objects.create_user("visitor", password="not-used", is_staff=True)
    client.force_login(user)
    change = make_change(story, StatementStatus.DRAFT)
    assert client.get(CHANGES).status_code == 403
    assert client.post(ADD, change_form(story)).status_code == 403
    assert client.get(f"{CHANGES}{change.pk}/change/").status_code == 403
    assert PositionChange.objects.count() == 1


def test_a_published_change_reaches_the_public_page_only_once_published(client, story):
    change = make_change(story, StatementStatus.IN_REVIEW)
    url = f"/officials/{story['official'].slug}/?topic={story['topic'].slug}"
    assert "rating-hardened" not in client.get(url).content.decode()
    PositionChange.objects.filter(pk=change.pk).update(status=StatementStatus.PUBLISHED)
    assert "rating-hardened" in client.get(url).content.decode()
