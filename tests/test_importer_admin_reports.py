"""The import page's "Add as a report of statement #N", through its form as each role: offered
to those who may change the flagged statement, refused with its reason to the others."""

import html
from datetime import date

import pytest
from django.contrib.auth.models import Group, User

from statements.models import Outlet, Report, Statement, StatementStatus
from tests.conftest import restore_curation_groups
from tests.factories import make_official, make_outlet, make_statement
from tests.test_importer import INTERVIEW
from tests.test_importer_admin import IMPORT, article_key, preview

pytestmark = pytest.mark.django_db

EDITORS, REVIEWERS, NO_GROUP = "Editors", "Reviewers", None
GROUPS = pytest.mark.parametrize("group", [EDITORS, REVIEWERS, NO_GROUP], ids=str)
OTHER_REPORT = INTERVIEW.replace("(Daily Courier)", "(Evening Post)")
ADD_BUTTON = 'name="report_of" value="{}"'


def log_in_as(client, group: str | None) -> User:
    restore_curation_groups()
    user = User.objects.create_user(f"member-of-{group}", password="not-used", is_staff=True)
    if group:
        user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    return user


def flagged_statement(status: str) -> Statement:
    """A stored statement the importer takes OTHER_REPORT for another report of."""
    make_outlet("Daily Courier")
    radio = make_outlet("Radio Danube")
    petrova = make_official("Ana Petrova", aliases="Petrova\nthe transport minister")
    return make_statement(petrova, date=date(2024, 5, 2), venue=radio, status=status)


@GROUPS
def test_adding_to_a_flagged_draft_is_offered_to_editors_and_reviewers(client, group):
    stored = flagged_statement(StatementStatus.DRAFT)
    log_in_as(client, group)
    response = preview(client, article_text=OTHER_REPORT)
    if group is NO_GROUP:
        assert response.status_code == 403
        return
    page = response.content.decode()
    assert 'id="likely-duplicates"' in page
    assert ADD_BUTTON.format(stored.pk) in page
    assert f"Add as a report of statement #{stored.pk}" in page


@pytest.mark.parametrize("group", [EDITORS, REVIEWERS], ids=str)
def test_only_reviewers_add_a_report_to_a_published_statement(client, group):
    stored = flagged_statement(StatementStatus.PUBLISHED)
    log_in_as(client, group)
    response = preview(client, article_text=OTHER_REPORT)
    page = html.unescape(response.content.decode())
    refusal = f"Statement #{stored.pk} is published: only reviewers add reports to it."
    if group == REVIEWERS:
        assert ADD_BUTTON.format(stored.pk) in page and refusal not in page
        return
    assert ADD_BUTTON.format(stored.pk) not in page and refusal in page
    forged = client.post(IMPORT, {"article": article_key(response), "report_of": stored.pk})
    assert forged.status_code == 200 and refusal in html.unescape(forged.content.decode())
    assert Report.objects.filter(statement=stored).count() == 1


@pytest.mark.parametrize("chosen", ["999999", "not a number", "{other}"])
def test_a_statement_not_flagged_is_refused_with_its_reason(admin_client, chosen):
    flagged_statement(StatementStatus.DRAFT)
    other = make_statement(make_official("Someone Else"), source_text="Another text.")
    response = preview(admin_client, article_text=OTHER_REPORT)
    key = article_key(response)
    posted = {"article": key, "report_of": chosen.format(other=other.pk)}
    refused = admin_client.post(IMPORT, posted)
    assert refused.status_code == 200
    message = "Choose one of the statements this article was flagged as a report of."
    assert message in html.unescape(refused.content.decode())
    assert Report.objects.count() == 2


@pytest.mark.parametrize("group", [EDITORS, REVIEWERS], ids=str)
def test_an_article_added_as_a_report_joins_the_statement_for_review(client, group):
    status = StatementStatus.PUBLISHED if group == REVIEWERS else StatementStatus.DRAFT
    stored = flagged_statement(status)
    log_in_as(client, group)
    key = article_key(preview(client, article_text=OTHER_REPORT))
    response = client.post(IMPORT, {"article": key, "report_of": stored.pk}, follow=True)
    assert response.redirect_chain[-1][0] == f"/admin/statements/statement/{stored.pk}/change/"
    added = Report.objects.get(statement=stored, source_text=OTHER_REPORT)
    assert added.outlet == Outlet.objects.get(name="Evening Post")
    assert f"Added as report 2 of statement #{stored.pk}" in response.content.decode()
    expected = StatementStatus.IN_REVIEW if group == REVIEWERS else StatementStatus.DRAFT
    assert Statement.objects.get(pk=stored.pk).status == expected
    again = client.post(IMPORT, {"article": key, "report_of": stored.pk})
    assert again.status_code == 200 and Report.objects.filter(statement=stored).count() == 2
