"""Public pages are kept as rendered until the data changes, never longer, and never for editors."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from statements.models import Post, StatementStatus
from statements.public.versions import code_version
from tests.factories import make_claim, make_official, make_statement, make_topic

HTMX = {"HX-Request": "true"}


@pytest.fixture
def archive(db):
    official = make_official()
    statement = make_statement(official, source_text="We will build the bridge.")
    make_claim(statement, "We will build the bridge.", topics=(make_topic(),))
    return official


def get_counting_queries(client, url: str, **headers):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, headers=headers)
    return response, len(captured)


PAGES = ["/", "/?topic=infrastructure", "/officials/", "/officials/ana-petrova/", "/topics/"]


@pytest.mark.parametrize("url", PAGES)
def test_a_page_asked_for_again_is_sent_as_rendered_after_one_query(client, archive, url):
    first, _ = get_counting_queries(client, url)
    again, queries = get_counting_queries(client, url)
    assert first.status_code == again.status_code == 200
    assert again.content == first.content
    assert queries == 1  # the data's version
    assert again["ETag"] == first["ETag"]


def test_a_change_to_the_data_shows_at_once(client, archive):
    client.get("/")
    statement = make_statement(archive, source_text="The tunnel opens in May.")
    make_claim(statement, "The tunnel opens in May.")
    assert "The tunnel opens in May." in client.get("/").content.decode()


def test_a_new_post_shows_on_the_officials_page_at_once(client, archive):
    client.get("/officials/ana-petrova/")
    Post.objects.create(official=archive, role="Mayor of Riverton")
    assert "Mayor of Riverton" in client.get("/officials/ana-petrova/").content.decode()


def test_the_fragment_and_the_page_of_one_url_are_kept_apart(client, archive):
    page = client.get("/?topic=infrastructure").content.decode()
    fragment = client.get("/?topic=infrastructure", headers=HTMX).content.decode()
    assert "<html" in page
    assert "<html" not in fragment and 'id="results"' in fragment
    assert client.get("/?topic=infrastructure").content.decode() == page


def test_an_unchanged_page_is_not_sent_again_to_a_browser_that_has_it(client, archive):
    etag = client.get("/")["ETag"]
    assert client.get("/", headers={"If-None-Match": etag}).status_code == 304
    make_claim(make_statement(archive, source_text="Roads first."), "Roads first.")
    changed = client.get("/", headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_bad_filters_get_their_message_each_time(client, archive):
    for _ in range(2):
        response = client.get("/?date_after=someday")
        assert response.status_code == 400
        assert "Enter a valid date." in response.content.decode()


def test_editors_always_get_a_fresh_page_and_visitors_never_get_theirs(
    client, archive, django_user_model
):
    editor = django_user_model.objects.create_user("editor", password="x", is_staff=True)
    client.force_login(editor)
    assert "Curate" in client.get("/").content.decode()
    _, queries = get_counting_queries(client, "/")
    assert queries > 1
    client.logout()
    assert "Curate" not in client.get("/").content.decode()


def test_a_very_large_page_is_rendered_each_time_not_kept(client, archive):
    article = "We will build the bridge. " + "The river is wide. " * 30_000
    statement = make_statement(archive, source_text=article)
    url = statement.get_absolute_url()
    assert len(client.get(url).content) > 512 * 1024
    _, queries = get_counting_queries(client, url)
    assert queries > 1


def test_a_new_release_renders_afresh_and_never_answers_304_for_the_old_one(
    client, archive, settings
):
    settings.RELEASE = "release-1"
    code_version.cache_clear()
    first = client.get("/")
    assert client.get("/", headers={"If-None-Match": first["ETag"]}).status_code == 304
    settings.RELEASE = "release-2"
    code_version.cache_clear()
    _, queries = get_counting_queries(client, "/", **{"If-None-Match": first["ETag"]})
    after = client.get("/", headers={"If-None-Match": first["ETag"]})
    assert after.status_code == 200
    assert after["ETag"] != first["ETag"]
    assert queries > 1  # rendered again, not the page kept for the old release
    code_version.cache_clear()


def test_without_a_release_name_the_code_version_is_a_digest_of_the_files(settings):
    settings.RELEASE = ""
    code_version.cache_clear()
    assert re.fullmatch(r"[0-9a-f]{16}", code_version())
    code_version.cache_clear()


@pytest.mark.parametrize("url", ["/statements/999999/", "/officials/nobody/", "/?date_after=x"])
def test_any_version_at_all_never_makes_a_missing_or_bad_page_a_304(client, archive, url):
    response = client.get(url, headers={"If-None-Match": "*"})
    assert response.status_code in (400, 404)
    assert "ETag" not in response


def test_a_draft_is_not_validated_for_the_public(client, archive):
    draft = make_statement(archive, source_text="Not yet.", status=StatementStatus.DRAFT)
    response = client.get(draft.get_absolute_url(), headers={"If-None-Match": "*"})
    assert response.status_code == 404


@pytest.mark.parametrize("url", ["/", "/officials/", "/topics/", "/compare/", "/export.csv"])
def test_head_is_answered_like_get_without_a_body(client, archive, url):
    response = client.head(url)
    assert response.status_code == 200
    assert b"".join(response) == b""


def test_parameters_no_page_reads_redirect_to_the_page_without_them(client, archive):
    response = client.get("/?utm_source=mail&topic=infrastructure&x=1")
    assert response.status_code == 302
    assert response["Location"] == "/?topic=infrastructure"
    assert client.get("/officials/?junk=1")["Location"] == "/officials/"


def test_every_parameter_a_page_reads_is_left_alone(client, archive):
    url = "/officials/ana-petrova/?topic=infrastructure&date_after=2000-01-01&view=lanes&page=1"
    assert client.get(url).status_code == 200
    compare = client.get("/compare/?a=ana-petrova&b=ana-petrova&q=bridge&order=oldest")
    assert compare.status_code in (200, 400)


def test_going_back_to_a_page_htmx_no_longer_holds_gets_the_whole_page(client, archive):
    fragment = client.get("/?topic=infrastructure", headers=HTMX).content.decode()
    restored = client.get(
        "/?topic=infrastructure", headers={**HTMX, "HX-History-Restore-Request": "true"}
    ).content.decode()
    assert "<html" not in fragment
    assert "<html" in restored and 'id="id_topic"' in restored
