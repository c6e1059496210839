"""The admin's import preview: several speakers, warnings, empty drafts only when ticked, summaries
left to write, copies recognised whatever their line ends."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from statements.models import Statement
from tests.factories import make_official, make_outlet
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


def article_key(html: str) -> str:
    return re.search(r'name="article" value="([0-9a-f]{64})"', html)[1]


def test_every_official_quoted_is_previewed_and_gets_a_draft(admin_client, petrova):
    kolev = make_official("Ivan Kolev", aliases="Kolev")
    html = preview(admin_client, article_text=INTERVIEW).content.decode()
    assert "Officials quoted:" in html
    assert "<strong>Ana Petrova</strong>" in html and "<strong>Ivan Kolev</strong>" in html
    assert "stores the passage that reports it" in html
    admin_client.post(IMPORT, {"action": "create", "article": article_key(html)})
    assert Statement.objects.get(official=petrova).main_report.source_text == INTERVIEW
    assert "reckless" in Statement.objects.get(official=kolev).main_report.source_text


def test_a_direct_quote_is_marked_summary_to_write(admin_client, petrova):
    html = preview(admin_client, article_text=INTERVIEW).content.decode()
    assert html.count('<em class="summary-to-write">Summary to write</em>') == 5
    assert "<td>The new bridge would open next spring.</td>" in html


def test_no_empty_draft_is_stored_unless_ticked(admin_client, petrova):
    text = " date 2024-05-02\nPetrova opened the new bridge in Varna on Thursday."
    html = preview(admin_client, article_text=text).content.decode()
    assert 'id="import-warnings"' in html and "No quotation or reported position" in html
    assert 'name="allow_empty"' in html
    key = article_key(html)
    refused = admin_client.post(IMPORT, {"action": "create", "article": key})
    assert refused.status_code == 200 and "nothing would be stored" in refused.content.decode()
    assert Statement.objects.count() == 0
    stored = admin_client.post(IMPORT, {"action": "create", "article": key, "allow_empty": "on"})
    assert stored.status_code == 302 and Statement.objects.get().claims.count() == 0


def test_a_job_title_for_a_venue_is_a_warning_not_an_outlet(admin_client, petrova):
    text = (
        " date 2024-05-02\nInterview with Transport Minister Ana Petrova\n\n"
        "Petrova said that the bridge would open in spring."
    )
    html = preview(admin_client, article_text=text).content.decode()
    assert "is not a stored outlet and does not look like one" in html
    assert "(a new outlet)" not in html


def test_an_uploaded_crlf_copy_of_an_imported_article_is_already_imported(admin_client, petrova):
    html = preview(admin_client, article_text=INTERVIEW).content.decode()
    admin_client.post(IMPORT, {"action": "create", "article": article_key(html)})
    stored = Statement.objects.get()
    crlf = INTERVIEW.replace("\n", "\r\n").encode("utf-8")
    upload = SimpleUploadedFile("copy.txt", b"\xef\xbb\xbf" + crlf, "text/plain")
    again = preview(admin_client, article_file=upload).content.decode()
    assert 'id="already-imported"' in again and f"#{stored.pk} " in again
    assert "Create drafts" not in again
