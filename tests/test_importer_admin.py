"""The admin's Import article page: preview, likely duplicates, drafts, bad input refused."""

import re
from datetime import date

import pytest
from django.contrib.auth.models import Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from statements.models import Claim, Outlet, Statement, StatementStatus
from tests.factories import make_official, make_outlet, make_statement
from tests.test_importer import INTERVIEW

pytestmark = pytest.mark.django_db

IMPORT = "/admin/statements/statement/import/"


@pytest.fixture
def petrova():
    make_outlet("Daily Courier")
    make_outlet("Radio Danube")
    return make_official("Ana Petrova", aliases="Petrova\nthe transport minister")


def preview(client, **fields):
    return client.post(IMPORT, {"action": "preview", **fields})


def article_key(response) -> str:
    return re.search(r'name="article" value="([0-9a-f]{64})"', response.content.decode())[1]


def test_the_import_page_is_linked_from_the_statement_list_and_looks_native(admin_client):
    assert reverse("admin:statements_statement_import") == IMPORT
    listing = admin_client.get("/admin/statements/statement/").content.decode()
    assert f'href="{IMPORT}"' in listing
    html = admin_client.get(IMPORT).content.decode()
    assert '<div class="breadcrumbs">' in html and "› Import article" in html
    assert 'name="csrfmiddlewaretoken"' in html and 'enctype="multipart/form-data"' in html
    assert 'name="article_file"' in html and 'name="article_text"' in html
    assert "style=" not in html
    assert all("src=" in tag for tag in re.findall(r"<script[^>]*>", html))


def test_a_pasted_article_is_previewed_then_stored_as_drafts(admin_client, petrova):
    response = preview(admin_client, article_text=INTERVIEW.replace("\n", "\r\n"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Interview with Radio Danube: The new bridge would open next spring" in html
    assert "We will not delay the bridge again" in html and "Create drafts" in html
    assert "<mark>We will not delay the bridge again</mark>" in html
    assert Statement.objects.count() == 0
    created = admin_client.post(IMPORT, {"action": "create", "article": article_key(response)})
    statement = Statement.objects.get()
    assert created.status_code == 302
    assert created.url == reverse("admin:statements_statement_change", args=[statement.pk])
    assert statement.status == StatementStatus.DRAFT and statement.claims.count() == 8
    # Browsers send CRLF from a textarea; the stored text is the article as pasted.
    assert statement.main_report.source_text == INTERVIEW
    page = admin_client.get(created.url).content.decode()
    assert "Stored as drafts for an editor" in page


def test_an_uploaded_file_is_stored_byte_for_byte(admin_client, petrova):
    text = INTERVIEW.replace("\n", "\r\n")
    upload = SimpleUploadedFile("article.txt", text.encode("utf-8"), "text/plain")
    response = preview(admin_client, article_file=upload)
    admin_client.post(IMPORT, {"action": "create", "article": article_key(response)})
    assert Statement.objects.get().main_report.source_text == text


def test_choices_made_on_the_form_are_kept_through_the_preview(admin_client, petrova):
    courier = Outlet.objects.get(name="Daily Courier")
    fields = {
        "article_text": "Petrova said that the trains would run on time from June.",
        "published": "2024-06",
        "reporting_outlet": courier.pk,
        "kind": "speech",
        "source_url": "example.com/trains",
    }
    response = preview(admin_client, **fields)
    assert "June 2024 (month only)" in response.content.decode()
    carried = {key: value for key, value in fields.items() if key != "article_text"}
    admin_client.post(IMPORT, {"action": "create", "article": article_key(response), **carried})
    statement = Statement.objects.get()
    assert (statement.date, statement.date_precision) == (date(2024, 6, 1), "month")
    assert statement.reporting_outlets == [courier] and statement.kind == "speech"
    assert statement.main_report.source_url == "https://example.com/trains"


def test_an_article_already_imported_links_to_it_and_offers_nothing_to_create(
    admin_client, petrova
):
    response = preview(admin_client, article_text=INTERVIEW)
    admin_client.post(IMPORT, {"action": "create", "article": article_key(response)})
    stored = Statement.objects.get()
    html = preview(admin_client, article_text=INTERVIEW).content.decode()
    assert "Already imported" in html
    assert reverse("admin:statements_statement_change", args=[stored.pk]) in html
    assert "Create drafts" not in html
    admin_client.post(IMPORT, {"action": "create", "article": article_key(response)})
    assert Statement.objects.count() == 1 and Claim.objects.count() == 8


def test_a_likely_duplicate_is_shown_with_links_and_needs_confirming(admin_client, petrova):
    stored = make_statement(
        petrova, date=date(2024, 5, 2), venue=Outlet.objects.get(name="Radio Danube")
    )
    other_report = INTERVIEW.replace("(Daily Courier)", "(Evening <Post>)")
    response = preview(admin_client, article_text=other_report)
    html = response.content.decode()
    assert 'id="likely-duplicates"' in html
    assert reverse("admin:statements_statement_change", args=[stored.pk]) in html
    assert f'href="{stored.get_absolute_url()}"' in html
    assert "Evening &lt;Post&gt;" in html and "Evening <Post>" not in html
    key = article_key(response)
    refused = admin_client.post(IMPORT, {"action": "create", "article": key})
    assert refused.status_code == 200 and "confirm to import it anyway" in refused.content.decode()
    assert Statement.objects.count() == 1
    confirmed = {"action": "create", "article": key, "confirm_duplicates": "on"}
    assert admin_client.post(IMPORT, confirmed).status_code == 302
    assert Statement.objects.count() == 2


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({}, "Upload the article or paste its text."),
        ({"article_text": "   "}, "The article is empty."),
        ({"article_text": "Petrova said that it would work."}, "The article has no date line"),
        (
            {"article_text": " date 2024-05-02\nPetrova said it.", "published": "May"},
            "is not a date",
        ),
        ({"article_file": b"\x89PNG\r\n\x1a\n\x00\x00"}, "binary file"),
        ({"article_file": b" date 2024-05-02\nPetrova \xe9t\xe9"}, "not UTF-8"),
        ({"article_file": b"x" * (2 * 1024 * 1024 + 1)}, "the limit is 2 MB"),
        ({"article_text": " date 2024-05-02\n" + "x" * 2_700_000}, "the limit is 2 MB"),
        ({"article": "0" * 64}, "The preview has expired"),
    ],
)
def test_bad_input_is_a_form_error_and_stores_nothing(admin_client, petrova, fields, problem):
    if "article_file" in fields:
        fields["article_file"] = SimpleUploadedFile("article.txt", fields["article_file"])
    response = preview(admin_client, **fields)
    assert response.status_code == 200
    assert problem in response.content.decode()
    assert Statement.objects.count() == 0 and Outlet.objects.count() == 2


def test_hostile_article_text_is_escaped(admin_client, petrova):
    text = ' date 2024-05-02\nPetrova said: "<script>alert(1)</script> is what we will build."'
    html = preview(admin_client, article_text=text).content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; is what we will build." in html


def test_only_users_who_may_add_statements_may_import(client, petrova):
    viewer = User.objects.create_user("viewer", password="pw-for-tests", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_statement"))
    client.force_login(viewer)
    assert client.get(IMPORT).status_code == 403
    assert preview(client, article_text=INTERVIEW).status_code == 403
    assert Statement.objects.count() == 0
    client.logout()
    assert client.get(IMPORT).status_code == 302
