import io
import os
import threading
import time
from importlib import import_module
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.cache import caches
from django.core.management import call_command
from django.core.management.commands import flush
from django.core.management.sql import emit_post_migrate_signal
from django.db import connection
from django.test import override_settings
from playwright.sync_api import sync_playwright
from pytest_django.live_server_helper import LiveServer
from whitenoise.base import WhiteNoise
from xdist.scheduler import LoadScopeScheduling

from statements.config.shared_cache import caches_at
from statements.public.versions import forget_in_process
from statements.public.walked_search import forget_kept_matches
from tests import replay


def load_seed() -> None:
    call_command("load_seed", stdout=io.StringIO())


@pytest.fixture
def seeded(db) -> None:
    """The curated seed data: two statements by Hikmet Hajiyev and their claims."""
    replay.seed()


@pytest.fixture
def seeded_live(transactional_db) -> None:
    """The seed data, committed so that the live server's thread sees it."""
    replay.seed()
    restore_curation_groups()


@pytest.fixture(scope="session", autouse=True)
def caches_of_this_process(tmp_path_factory):
    """The site's shared file cache, in a folder of this test process's own: parallel test
    processes, and a server running from the same checkout, never see each other's values."""
    folder = tmp_path_factory.mktemp("cache")
    with override_settings(CACHES=caches_at(f"file://{folder}", settings.PAGES_KEPT)):
        yield


@pytest.fixture(scope="session", autouse=True)
def passwords_hashed_fast():
    """Tests make hundreds of users and logins; the site's hasher spends a quarter of a second
    of CPU on each by design. Servers the tests start in processes of their own keep it."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(scope="session", autouse=True)
def static_files_listed_once():
    """Django's test client loads the middleware anew for each client, and WhiteNoise's then
    listed and examined every collected static file again: 50 ms, for hundreds of tests a pass.
    The listing is kept per folder for the run (the suite never changes the collected files)."""
    listed = {}
    list_files = WhiteNoise.update_files_dictionary

    def listed_once(whitenoise, root, prefix):
        if (root, prefix) not in listed:
            kept, whitenoise.files = whitenoise.files, {}
            list_files(whitenoise, root, prefix)
            listed[root, prefix], whitenoise.files = whitenoise.files, kept
        whitenoise.files.update(listed[root, prefix])

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(WhiteNoise, "update_files_dictionary", listed_once)
        yield


# What migrations create and no test changes: the content types, the permissions, and the
# Editors and Reviewers groups with theirs.
KEPT_BY_FLUSH = {"django_content_type", "auth_permission", "auth_group", "auth_group_permissions"}


@pytest.fixture(scope="session", autouse=True)
def flush_keeps_what_migrations_made():
    """Django empties the database after each test that commits its data (`flush`), then makes
    the content types and permissions again; the tests' fixtures then made the groups again
    (restore_curation_groups). A third of a second a test on PostgreSQL, for hundreds of tests.
    The flush keeps those four tables instead, and has nothing to make again unless a test
    emptied them."""

    def flushed_tables_sql(style, connection, reset_sequences=True, allow_cascade=False):
        tables = connection.introspection.django_table_names(
            only_existing=True, include_views=False
        )
        emptied = [table for table in tables if table not in KEPT_BY_FLUSH]
        return connection.ops.sql_flush(
            style, emptied, reset_sequences=reset_sequences, allow_cascade=allow_cascade
        )

    def made_again_if_emptied(verbosity, interactive, database, **kwargs):
        """A test that emptied every table itself gets them made again, as before."""
        if not Permission.objects.using(database).exists():
            emit_post_migrate_signal(verbosity, interactive, database, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(flush, "sql_flush", flushed_tables_sql)
        patch.setattr(flush, "emit_post_migrate_signal", made_again_if_emptied)
        yield


@pytest.fixture(autouse=True)
def nothing_kept(caches_of_this_process) -> None:
    """Each test starts with no count and no rendered page kept: a test may change what pages
    depend on (settings, templates) without changing the data."""
    for cache in caches.all():
        cache.clear()
    forget_in_process()
    forget_kept_matches()


def restore_curation_groups() -> None:
    """The Editors and Reviewers groups, which a migration creates and a test that empties every
    table removes (the flush then makes the permissions again, not the groups)."""
    if not Group.objects.filter(name="Editors").exists():
        migration = import_module("statements.migrations.0004_editor_and_reviewer_groups")
        migration.assign_groups(apps)
        changes = import_module("statements.migrations.0013_position_changes")
        changes.assign_position_change_permissions(apps)
        reports = import_module("statements.migrations.0014_reports_and_evidence")
        reports.assign_report_permissions(apps)


# The modules whose tests share a fixture of module scope (a migrated database, a server): their
# tests stay in one test process, which makes the fixture once (test_test_processes.py checks
# that the list is whole). Split over two processes, the reports' migration round trip ran in
# each at once and failed in one of them ("no such trigger"), for a reason not found yet.
SHARED_FIXTURE_MODULES = {
    "tests/test_importer_url.py",
    "tests/test_move_database.py",
    "tests/test_replica.py",
    "tests/test_reports_migration.py",
}


class OneByOneExceptShared(LoadScopeScheduling):
    """`--dist load`, refined: the tests are handed out one by one, so that the test processes
    finish together, except a module's in SHARED_FIXTURE_MODULES, which go together and first.
    (pytest-xdist's own `loadgroup` does not group under pytest 9.)"""

    def _split_scope(self, nodeid: str) -> str:
        module = nodeid.split("::", 1)[0]
        return module if module in SHARED_FIXTURE_MODULES else nodeid


def pytest_collection_modifyitems(items) -> None:
    """The slow tests first, then the browser's: handed out one by one in this order, a test of
    many seconds no longer starts last and leaves one process working alone at the end."""
    items.sort(
        key=lambda item: (
            not item.get_closest_marker("slow"),
            not item.get_closest_marker("browser"),
        )
    )


def pytest_xdist_make_scheduler(config, log):
    if config.getvalue("dist") == "load":
        return OneByOneExceptShared(config, log)
    return None


def shares_a_module_fixture(item) -> bool:
    return any(
        definitions[-1].scope in {"module", "package"}
        for definitions in item._fixtureinfo.name2fixturedefs.values()
    )


def pytest_report_header(config) -> list[str]:
    database = f"database: {connection.vendor} ({connection.settings_dict['NAME']})"
    return [database, f"browser: {CHROMIUM}"]


# Debian's Chromium, through its headless shell when installed: the same browser engine without
# the desktop browser around it, as Playwright's own headless runs use. It takes about half the
# processor time of the full browser per page and per context (README, "Tests").
HEADLESS_SHELL = Path("/usr/bin/chromium-headless-shell")
CHROMIUM = HEADLESS_SHELL if HEADLESS_SHELL.exists() else Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# Playwright's sync API runs an event loop in this thread; the tests only read the database.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium is missing at /usr/bin/chromium; `make browser` installs it.")
        pytest.skip("Chromium is not installed; `make browser` installs it.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class StaticFilesKept(StaticFilesHandler):
    """Static files a browser keeps for an hour, as it keeps WhiteNoise's in production. Django's
    test server sends them with no lifetime, so every page of a browser test fetched each
    stylesheet and script again: an admin page's fifteen, hundreds of times a test.

    It also counts the requests being answered, so that a test's data is flushed only once none
    is: a request a page sent on its own (htmx loading counts) could still be reading, and on
    PostgreSQL its query and the flush's TRUNCATE, taking their locks table by table, could
    each wait for the other."""

    answering = 0
    last_answered = 0.0  # time.monotonic() when a request was last answered
    answering_lock = threading.Lock()

    def __call__(self, environ, start_response):
        with self.answering_lock:
            StaticFilesKept.answering += 1
        try:
            return super().__call__(environ, start_response)
        finally:
            with self.answering_lock:
                StaticFilesKept.answering -= 1
                StaticFilesKept.last_answered = time.monotonic()

    @classmethod
    def quiet(cls) -> bool:
        """No request is being answered, nor was one in the last 50 ms (a page may follow a
        response with a request of its own)."""
        return not cls.answering and time.monotonic() - cls.last_answered > 0.05

    def serve(self, request):
        response = super().serve(request)
        response["Cache-Control"] = "max-age=3600"
        return response


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_teardown(item):
    """Before a test's fixtures are torn down (its data flushed), its browser pages are closed,
    and the live server has answered every request they sent, for up to ten seconds. Closed
    first: a page that had just swapped in a response could still ask for its counts more than
    50 ms later on a busy machine, and the flush then met the counts' query (SQLite: "database
    table is locked")."""
    browser = getattr(item, "funcargs", {}).get("browser")
    for context in browser.contexts if browser else []:
        context.close()  # the fixture's own close() then does nothing
    deadline = time.monotonic() + 10
    while not StaticFilesKept.quiet() and time.monotonic() < deadline:
        time.sleep(0.01)
    yield


@pytest.fixture(scope="session")
def live_server(request):
    """pytest-django's live server, serving static files with a lifetime."""
    address = (
        request.config.getvalue("liveserver")
        or os.environ.get("DJANGO_LIVE_TEST_SERVER_ADDRESS")
        or "localhost"
    )
    server = LiveServer(address, start=False)
    server.thread.static_handler = StaticFilesKept
    server.start()
    yield server
    server.stop()


@pytest.fixture
def page(browser, live_server, seeded_live):
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture(autouse=True)
def open_data_built_apart(settings, tmp_path) -> None:
    """The SQLite download is built in each test's own folder, so that passes and processes
    running at once never replace each other's file."""
    settings.OPEN_DATA_DIR = tmp_path / "opendata"
