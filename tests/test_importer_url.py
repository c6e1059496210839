"""Importing an article from a URL: pages served from 127.0.0.1 in a thread, never the internet."""

import contextlib
import io
import re
import threading
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import CommandError, call_command

from statements.models import Statement
from tests.factories import make_official, make_outlet

ARTICLE_PAGE = """<!doctype html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Bridge to open next spring | Evening Post</title>
<meta property="og:site_name" content="Evening Post">
<meta property="og:title" content="Bridge to open next spring">
<meta property="article:published_time" content="2024-05-02T09:30:00+00:00">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Bridge to open next spring</h1>
<p>VARNA – Transport minister Ana Petrova said in an interview with Radio Danube that the new
bridge over the river would open next spring, after two years of delays and disputes.</p>
<p>“We will not delay the bridge again. The money is there, and the builders are ready,”
Petrova said on Thursday at the building site.</p>
<p>She also warned that the ring road would have to wait until the bridge is finished.</p>
</article>
<footer>Copyright Evening Post. All rights reserved. Subscribe to our newsletter.</footer>
</body></html>
"""

PAGES = {
    "/article.html": (200, "text/html; charset=utf-8", ARTICLE_PAGE.encode()),
    "/data.json": (200, "application/json", b'{"text": "Petrova said that it works."}'),
    "/huge.html": (200, "text/html", b"<p>" + b"x" * (6 * 1024 * 1024) + b"</p>"),
    "/missing.html": (404, "text/html", b"<p>Not found</p>"),
}


class Pages(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/article.html")
            self.end_headers()
            return
        status, content_type, body = PAGES.get(self.path, PAGES["/missing.html"])
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        # The importer stops reading at its size cap.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def petrova(db, settings):
    settings.IMPORT_URL_ALLOW_PRIVATE = True
    make_outlet("Radio Danube")
    return make_official("Ana Petrova", aliases="Petrova")


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("import_article", *args, stdout=out)
    return out.getvalue()


def test_a_page_is_fetched_read_and_stored_as_drafts(site, petrova):
    output = run("--url", f"{site}/article.html")
    assert "Stored 1 draft statement(s) with 3 claim(s)" in output
    statement = Statement.objects.get()
    report = statement.main_report
    assert report.source_url == f"{site}/article.html"
    assert (statement.date.isoformat(), statement.date_precision) == ("2024-05-02", "day")
    assert report.outlet.name == "Evening Post" and report.published_on == date(2024, 5, 2)
    assert statement.venue.name == "Radio Danube"
    assert report.source_text.startswith(" date 2024-05-02\n\nBridge to open next spring\n\n")
    assert "Copyright" not in report.source_text and "Sport" not in report.source_text
    quotes = [claim.quote for claim in statement.claims.all() if claim.quote]
    assert quotes == [
        "We will not delay the bridge again. The money is there, and the builders are ready"
    ]


def test_a_redirect_is_followed_to_the_page(site, petrova):
    run("--url", f"{site}/moved")
    assert Statement.objects.get().main_report.source_url == f"{site}/article.html"


@pytest.mark.parametrize(
    ("path", "problem"),
    [
        ("/data.json", "application/json, not HTML"),
        ("/huge.html", "larger than 5 MB"),
        ("/missing.html", "answered 404"),
    ],
)
def test_pages_that_are_no_article_are_refused(site, petrova, path, problem):
    with pytest.raises(CommandError, match=problem):
        run("--url", f"{site}{path}")
    assert Statement.objects.count() == 0


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("ftp://127.0.0.1/article.txt", "Only http:// and https://"),
        ("file:///etc/passwd", "Only http:// and https://"),
        ("http://127.0.0.1:9/article.html", "loopback or private network"),
        ("http://localhost/article.html", "loopback or private network"),
        ("http://10.1.2.3/article.html", "loopback or private network"),
        ("http://192.168.0.1/article.html", "loopback or private network"),
        ("http://[::1]/article.html", "loopback or private network"),
        ("http://169.254.169.254/latest/meta-data/", "loopback or private network"),
    ],
)
def test_the_production_settings_refuse_other_schemes_and_private_addresses(db, url, problem):
    with pytest.raises(CommandError, match=re.escape(problem)):
        run("--url", url)


def test_the_served_page_itself_is_refused_without_the_setting(site, db):
    make_official("Ana Petrova", aliases="Petrova")
    with pytest.raises(CommandError, match="127.0.0.1"):
        run("--url", f"{site}/article.html")
    assert Statement.objects.count() == 0


IMPORT = "/admin/statements/statement/import/"


def test_the_admin_page_imports_from_a_url(site, petrova, admin_client):
    response = admin_client.post(IMPORT, {"action": "preview", "page_url": f"{site}/article.html"})
    html = response.content.decode()
    assert response.status_code == 200 and 'name="page_url"' in html
    assert "Bridge to open next spring" in html and "We will not delay the bridge again" in html
    key = re.search(r'name="article" value="([0-9a-f]{64})"', html)[1]
    carried = re.search(r'name="source_url" value="([^"]+)"', html)[1]
    site_name = re.search(r'name="site_name" value="([^"]+)"', html)[1]
    admin_client.post(
        IMPORT,
        {"action": "create", "article": key, "source_url": carried, "site_name": site_name},
    )
    report = Statement.objects.get().main_report
    assert report.source_url == f"{site}/article.html"
    assert report.outlet.name == "Evening Post"


def test_the_admin_page_refuses_a_private_address_with_a_message(db, admin_client):
    response = admin_client.post(IMPORT, {"action": "preview", "page_url": "http://127.0.0.1/"})
    assert response.status_code == 200
    assert "loopback or private network" in response.content.decode()
    assert Statement.objects.count() == 0
