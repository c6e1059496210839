"""Load test: readers hammer the public pages while an editor saves through the admin.

Usage: .venv/bin/python bench/concurrent_load.py --readers 50 --seconds 30 [--database-url URL]

1. Prepares a database: without a URL, a fresh SQLite file in a temporary directory; with one,
   that database. Either way, in this process: migrate, load the seed and add two superusers.
2. Starts gunicorn on 127.0.0.1 at a free port with the production settings (DJANGO_ENV=production,
   a random SECRET_KEY). Production cookies are Secure-only, so every request says
   `X-Forwarded-Proto: https` (TRUST_X_FORWARDED_PROTO=true), as a TLS-terminating proxy would,
   and our own cookie jar sends the cookies back over plain HTTP on loopback.
3. N reader threads request public pages for S seconds, recording status and latency.
4. Meanwhile an editor logs into the admin and, every second, adds a statement with one claim
   through the add form and edits an existing statement's headline through its change form; a
   second editor edits the dateline of that statement's first report, so that their saves
   cross. A save over one made since its form was opened is refused with a message (and
   counted), never lost.
5. Stops the server, then checks the database (every confirmed save is there, whole and valid)
   and the server's log (no "database is locked", no traceback, no worker timeout).
6. Prints a table and exits 1 if a request failed, a save was lost or the log is not clean.

The whole run is bounded: it never takes longer than seconds + 60.
"""

import argparse
import functools
import hashlib
import http.client
import io
import math
import os
import random
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import django
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connections
from django.db.models import Count

ROOT = Path(__file__).resolve().parent.parent
READER_TIMEOUT = 10  # seconds a reader's socket may wait
EDITOR_TIMEOUT = 20  # an admin save may queue behind other writers
SERVER_START_TIMEOUT = 30
GRACE = 60  # the most a run may take beyond --seconds
LOG_PROBLEMS = ("database is locked", "Traceback", "WORKER TIMEOUT", "[django] ERROR")

# Loaded by gunicorn from the temporary directory. In production Django logs server errors only
# to ADMINS by email; a handler on stderr puts them, tracebacks included, into the server's log.
GUNICORN_CONFIG = """\
import logging
import sys


def post_worker_init(worker):
    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("[django] %(levelname)s %(name)s: %(message)s"))
    logging.getLogger("django").addHandler(handler)
"""


class DeadlineExceeded(Exception):
    """The run took longer than seconds + GRACE."""


class SetupError(Exception):
    """The database or the server could not be prepared."""


def log(message: str) -> None:
    print(f"concurrent_load: {message}", file=sys.stderr, flush=True)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def content_hash(text: str) -> str:
    """The hash Statement.save stores, so that a save can be found by its text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --- HTTP -----------------------------------------------------------------------------------


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


def fetch(
    port: int, method: str, path: str, timeout: float, headers: dict, *, body=None
) -> Response:
    """One request on a fresh connection, as a TLS-terminating proxy would forward it."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request(
            method,
            path,
            body=body,
            headers={"X-Forwarded-Proto": "https", "Connection": "close", **headers},
        )
        response = conn.getresponse()
        return Response(response.status, response.headers, response.read())
    finally:
        conn.close()


class Browser:
    """An editor's browser: keeps cookies (Secure ones too, on loopback) and sends CSRF origins."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.origin = f"https://127.0.0.1:{port}"
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: list[tuple[str, str]] | None = None):
        headers = {"Referer": self.origin + path}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = self.origin
        response = fetch(self.port, method, path, EDITOR_TIMEOUT, headers, body=body)
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0":
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return response


class FormFields(HTMLParser):
    """The fields a browser would submit from the form with a given id."""

    def __init__(self, form_id: str) -> None:
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.fields: list[tuple[str, str]] = []
        self.select: tuple[str, list[str], list[str]] | None = None  # name, options, selected
        self.textarea: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attr = dict(attrs)
        if tag == "form":
            self.inside = attr.get("id") == self.form_id
        name = attr.get("name")
        if not self.inside or "disabled" in attr:
            return
        if tag == "input" and name:
            kind = (attr.get("type") or "text").lower()
            if kind in {"submit", "button", "image", "reset", "file"}:
                return
            if kind in {"checkbox", "radio"}:
                if "checked" in attr:
                    self.fields.append((name, attr.get("value") or "on"))
                return
            self.fields.append((name, attr.get("value") or ""))
        elif tag == "select" and name:
            self.select = (name, [], [])
        elif tag == "option" and self.select:
            self.select[1].append(attr.get("value") or "")
            if "selected" in attr:
                self.select[2].append(attr.get("value") or "")
        elif tag == "textarea" and name:
            self.textarea = (name, [])

    def handle_data(self, data: str) -> None:
        if self.textarea:
            self.textarea[1].append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.inside = False
        elif tag == "select" and self.select:
            name, options, selected = self.select
            # A single select with nothing marked selected submits its first option.
            values = selected or options[:1]
            self.fields += [(name, value) for value in values]
            self.select = None
        elif tag == "textarea" and self.textarea:
            name, parts = self.textarea
            text = "".join(parts)
            # HTML drops the newline right after <textarea>, which Django's widget writes.
            self.fields.append((name, text.removeprefix("\n")))
            self.textarea = None


def form_fields(html: str, form_id: str) -> list[tuple[str, str]]:
    parser = FormFields(form_id)
    parser.feed(html)
    parser.close()
    return parser.fields


# --- Readers ---------------------------------------------------------------------------------


@dataclass
class ReaderResult:
    latencies: list[float] = field(default_factory=list)
    errors: Counter = field(default_factory=Counter)


def reader(port: int, paths: list[str], end: float, seed: int, result: ReaderResult) -> None:
    rng = random.Random(seed)
    while time.monotonic() < end:
        path = rng.choice(paths)
        started = time.monotonic()
        try:
            response = fetch(port, "GET", path, READER_TIMEOUT, {})
        except (OSError, http.client.HTTPException) as exc:
            result.errors[f"{type(exc).__name__} {path}"] += 1
            continue
        result.latencies.append(time.monotonic() - started)
        if not 200 <= response.status < 400:
            result.errors[f"HTTP {response.status} {path}"] += 1


def reader_paths(targets: dict) -> list[str]:
    """Public pages, filtered views among them, over the seed data and the editor's saves."""
    official, topics, outlet = targets["official"], targets["topics"], targets["outlet"]
    dates = "date_after=2023-09-01&date_before=2024-12-31"
    paths = [
        "/",
        "/?order=oldest",
        f"/?official={official}&{dates}",
        f"/?outlet={outlet}",
        "/?q=peace",
        "/?q=Karabakh+Armen",
        "/?q=%22territorial+integrity%22",
        "/?q=treaty",  # matches the editor's new claims
        "/officials/",
        f"/officials/{official}/",
        f"/officials/{official}/?view=lanes",
        "/topics/",
        "/feed.atom",
    ]
    for topic in topics:
        paths += [
            f"/?topic={topic}",
            f"/?topic={topic}&q=the&{dates}",
            f"/officials/{official}/?view=lanes&topic={topic}",
            f"/topics/{topic}/",
            f"/export.csv?topic={topic}",
            f"/feed.atom?topic={topic}",
        ]
    paths += [f"/statements/{pk}/" for pk in targets["statements"]] * 4
    paths += [f"/claims/{pk}/" for pk in targets["claims"]]
    return paths


# --- The editor ------------------------------------------------------------------------------


@dataclass
class Save:
    number: int
    source_text: str
    quote: str


@dataclass
class EditorResult:
    saves: list[Save] = field(default_factory=list)  # attempted
    confirmed: list[Save] = field(default_factory=list)
    edits_attempted: list[str] = field(default_factory=list)  # the values sent
    edits_confirmed: list[str] = field(default_factory=list)
    edits_refused: int = 0  # over another editor's save made since the form was opened
    latencies: list[float] = field(default_factory=list)  # of each save and edit
    errors: Counter = field(default_factory=Counter)


# The admin's refusal of a save over another made since the form was opened.
CHANGED_MEANWHILE = "since you opened it"
# What an editor's request may fail with: the network, the server, or a page not as expected.
# Fields of the statement's first report, as its change form names them.
FORM_FIELDS = {"dateline": "reports-0-dateline"}


def edited_value(statement, field: str) -> str:
    """The field's stored value: the statement's own, or its first report's."""
    if field in FORM_FIELDS:
        return getattr(statement.reports.order_by("order", "id").first(), field)
    return getattr(statement, field)


FAILURES = (OSError, http.client.HTTPException, AssertionError, KeyError)


class Editor:
    """Logs into the admin, then each second adds a statement and edits an existing one."""

    def __init__(
        self,
        port: int,
        admin: str,
        credentials: tuple[str, str],
        targets: dict,
        edited_field: str = "headline",
    ) -> None:
        self.browser = Browser(port)
        self.admin = admin
        self.credentials = credentials
        self.targets = targets
        self.run_id = secrets.token_hex(4)
        self.changelist = f"{admin}statements/statement/"
        self.edit_path = f"{self.changelist}{targets['edit_id']}/change/"
        self.add_form: list[tuple[str, str]] = []
        self.change_form: list[tuple[str, str]] = []
        self.result = EditorResult()
        self.edited_field = edited_field  # the editor who edits the headline also adds statements
        self.adds = edited_field == "headline"
        self.steps = (
            (self.add_statement, self.edit_statement) if self.adds else (self.edit_statement,)
        )

    @property
    def marker(self) -> str:
        """The headline prefix of this run's statements."""
        return f"Load test {self.run_id}:"

    def start(self) -> None:
        """Log in and open the forms; before the load, so that saves get the whole run."""
        try:
            self.log_in()
            self.open_forms()
        except FAILURES as exc:
            self.result.errors[f"log_in: {type(exc).__name__} {exc}"] += 1

    def run(self, end: float) -> None:
        if self.result.errors:
            return
        number, next_cycle = 0, time.monotonic()
        while next_cycle < end:
            time.sleep(max(0.0, next_cycle - time.monotonic()))
            number += 1
            steps = (
                (self.add_statement, self.edit_statement) if self.adds else (self.edit_statement,)
            )
            for step in steps:
                try:
                    step(number)
                except FAILURES as exc:
                    self.result.errors[f"{step.__name__}: {type(exc).__name__} {exc}"] += 1
            # One cycle a second, or back to back when a cycle takes longer.
            next_cycle = max(next_cycle + 1, time.monotonic())

    def log_in(self) -> None:
        login = f"{self.admin}login/"
        page = self.browser.request("GET", f"{login}?next={self.admin}")
        assert page.status == 200, f"login page answered {page.status}"
        token = dict(form_fields(page.text, "login-form"))["csrfmiddlewaretoken"]
        username, password = self.credentials
        form = [
            ("csrfmiddlewaretoken", token),
            ("username", username),
            ("password", password),
            ("next", self.admin),
        ]
        response = self.browser.request("POST", login, form)
        assert response.status == 302, f"login answered {response.status}"
        assert "sessionid" in self.browser.cookies, "no session cookie after logging in"

    def open_forms(self) -> None:
        """The add form and the change form, as an editor keeps them open in two tabs."""
        for path, kept in (
            (f"{self.changelist}add/", self.add_form),
            (self.edit_path, self.change_form),
        ):
            page = self.browser.request("GET", path)
            assert page.status == 200, f"{path} answered {page.status}"
            kept.extend(form_fields(page.text, "statement_form"))
        assert "claims-TOTAL_FORMS" in dict(self.add_form), "no claims inline on the add form"

    def edited_value(self, number: int) -> str:
        base = self.targets["edit_headline"] if self.adds else "Baku"
        return f"{base} [load edit {self.run_id}/{number}]"

    def add_statement(self, number: int) -> None:
        save = self.new_save(number)
        start = save.source_text.index(save.quote)
        # The inline's empty form is the template for the first claim.
        template = [(n, v) for n, v in self.add_form if n.startswith("claims-__prefix__-")]
        claim = {n.replace("__prefix__", "0"): v for n, v in template}
        claim.update(
            {
                "claims-0-order": "0",
                "claims-0-kind": "quote",
                "claims-0-summary": f"The adviser expects talks to go on ({self.run_id}/{number}).",
                "claims-0-report": "",  # the first report: the one posted with it
                "claims-0-quote": save.quote,
                "claims-0-span_start": str(start),
                "claims-0-span_end": str(start + len(save.quote)),
            }
        )
        claim.pop("claims-0-topics", None)
        values = {n: v for n, v in self.add_form if "__prefix__" not in n}
        values.update(
            {
                "official": str(self.targets["official_id"]),
                "date": f"2025-{1 + number % 12:02d}-{1 + number % 28:02d}",
                "date_precision": "day",
                "kind": "interview",
                "headline": f"{self.marker} statement {number}",
                "venue": str(self.targets["outlet_ids"][0]),
                "reports-0-outlet": str(self.targets["outlet_ids"][-1]),
                "reports-0-dateline": "Baku",
                "reports-0-title_as_given": "Assistant to the President",
                "reports-0-source_url": f"https://example.org/load/{self.run_id}/{number}",
                "reports-0-language": "en",
                "reports-0-source_text": save.source_text,
                "reports-TOTAL_FORMS": "1",
                "claims-TOTAL_FORMS": "1",
                **claim,
            }
        )
        form = [*values.items()]
        form += [("claims-0-topics", str(pk)) for pk in self.targets["topic_ids"][:2]]
        form.append(("_save", "Save"))
        self.result.saves.append(save)
        self.expect_saved(self.post(f"{self.changelist}add/", form), "add")
        self.result.confirmed.append(save)

    def new_save(self, number: int) -> Save:
        """A statement of its own: unique text, unusual characters, the quote inside it."""
        quote = f"Talks will go on until the treaty is signed, run {self.run_id}, number {number}"
        text = (
            f"BAKU, 2025. {self.marker} statement {number}.\n\n"
            "The presidential aide spoke about the peace process — and about regional "
            "cooperation — in a long interview with a foreign channel.\n\n"
            f"“{quote},” he said. “Nobody benefits from delay.”\n\n"
            "Asked about mediation, he said that Azerbaijan «welcomes» every honest effort.\n"
        )
        return Save(number, text, quote)

    def edit_statement(self, number: int) -> None:
        value = self.edited_value(number)
        # Opened afresh each time, as the admin refuses a save over one made since opening.
        page = self.browser.request("GET", self.edit_path)
        assert page.status == 200, f"{self.edit_path} answered {page.status}"
        self.change_form = form_fields(page.text, "statement_form")
        form = [
            (n, value if n == FORM_FIELDS.get(self.edited_field, self.edited_field) else v)
            for n, v in self.change_form
            if "__prefix__" not in n
        ]
        form.append(("_save", "Save"))
        self.result.edits_attempted.append(value)
        response = self.post(self.edit_path, form)
        if response.status == 200 and CHANGED_MEANWHILE in response.text:
            self.result.edits_attempted.pop()  # refused: nothing of it was stored
            self.result.edits_refused += 1
            return
        self.expect_saved(response, "edit")
        self.result.edits_confirmed.append(value)

    def post(self, path: str, form: list[tuple[str, str]]) -> Response:
        started = time.monotonic()
        response = self.browser.request("POST", path, form)
        self.result.latencies.append(time.monotonic() - started)
        return response

    def expect_saved(self, response: Response, what: str) -> None:
        """A save is confirmed by a redirect to the change list, not to the login page."""
        location = urlsplit(response.headers.get("Location", "")).path
        if response.status == 302 and location == self.changelist:
            return
        errors = FormErrors()
        errors.feed(response.text)
        raise AssertionError(f"{what} answered {response.status} {location} {errors.text[:300]}")


class FormErrors(HTMLParser):
    """The text of the admin's error messages on a form that was sent back."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if self.depth or {"errornote", "errorlist"} & set(classes):
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        self.depth = max(0, self.depth - 1)

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.parts.append(data.strip())

    @property
    def text(self) -> str:
        return " ".join(part for part in self.parts if part)


# --- Database, server and checks -------------------------------------------------------------


def prepare_database(logins: list[tuple[str, str]]) -> None:
    """Static files, migrations, the seed data and the editors' logins, in this process: five
    `manage.py` processes took a third of the shortened run's time to start."""
    call = functools.partial(call_command, stdout=io.StringIO(), stderr=io.StringIO())
    try:
        call("collectstatic", interactive=False, verbosity=0)
        call("migrate", interactive=False, verbosity=0)
        call("load_seed")
        user_model = get_user_model()
        for username, password in logins:
            user_model.objects.create_superuser(username, "load@example.org", password)
    except DeadlineExceeded:
        raise
    except Exception as exc:
        raise SetupError(f"the database could not be prepared: {exc!r}") from exc


def find_targets() -> dict:
    """What readers request and the editor edits: the seed data's records."""
    official_model = apps.get_model("statements", "Official")
    statement_model = apps.get_model("statements", "Statement")
    official = official_model.objects.order_by("pk").first()
    latest = statement_model.objects.order_by("-date", "-pk").first()
    if official is None or latest is None:
        raise SetupError("the seed data is missing")
    outlets = apps.get_model("statements", "Outlet").objects.order_by("pk")
    topics = apps.get_model("statements", "Topic").objects.order_by("pk")
    claims = apps.get_model("statements", "Claim").objects.order_by("pk")
    targets = {
        "official": official.slug,
        "official_id": official.pk,
        "outlet": outlets[0].slug,
        "outlet_ids": list(outlets.values_list("pk", flat=True)),
        "topics": list(topics.values_list("slug", flat=True)),
        "topic_ids": list(topics.values_list("pk", flat=True)),
        "statements": list(statement_model.objects.values_list("pk", flat=True)[:20]),
        "claims": list(claims.values_list("pk", flat=True)[:40]),
        "edit_id": latest.pk,
        "edit_headline": latest.headline.split(" [load edit ")[0][:250],  # 300 at most
        "edit_claims": latest.claims.count(),
    }
    connections.close_all()
    return targets


def start_server(env: dict, tmp: Path, port: int, workers: int, threads: int):
    config = tmp / "gunicorn.conf.py"
    config.write_text(GUNICORN_CONFIG)
    command = [
        *(sys.executable, "-m", "gunicorn", "statements.config.wsgi"),
        *("--config", str(config), "--bind", f"127.0.0.1:{port}"),
        *("--workers", str(workers), "--threads", str(threads)),
        *("--timeout", "30", "--graceful-timeout", "10"),
        # Gunicorn's control socket is one path per user: two servers at once would share it.
        "--no-control-socket",
    ]
    with open(tmp / "server.log", "wb") as server_log:
        # A session of its own, so that stopping it reaches every worker it forked.
        return subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=server_log, stderr=server_log, start_new_session=True
        )


def wait_until_up(server: subprocess.Popen, port: int) -> float:
    started = time.monotonic()
    while time.monotonic() - started < SERVER_START_TIMEOUT:
        if server.poll() is not None:
            raise SetupError(f"gunicorn exited with {server.returncode}")
        try:
            if fetch(port, "GET", "/", READER_TIMEOUT, {}).status == 200:
                return time.monotonic() - started
        except OSError:
            pass
        time.sleep(0.2)
    raise SetupError(f"gunicorn did not answer within {SERVER_START_TIMEOUT} s")


def stop_server(server: subprocess.Popen, graceful: bool = True) -> None:
    """Stop gunicorn and its workers: gracefully if there is time, then by force."""
    if graceful and server.poll() is None:
        server.terminate()  # gunicorn waits for its workers, up to --graceful-timeout
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            log("gunicorn did not stop within 15 s; killing it")
    # While the master is not reaped its id still names its process group: the workers too.
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=5)


def log_problems(path: Path) -> list[str]:
    lines = path.read_text(errors="replace").splitlines() if path.exists() else []
    return [line for line in lines if any(problem in line for problem in LOG_PROBLEMS)]


def check_database(editors: list[Editor], targets: dict) -> tuple[int, list[str]]:
    """How many of this run's statements are stored, and what is wrong with them."""
    statement_model = apps.get_model("statements", "Statement")
    problems = []
    editor = editors[0]  # the one who adds statements
    ours = statement_model.objects.filter(headline__startswith=editor.marker)
    counted = ours.annotate(claim_count=Count("claims")).prefetch_related("reports")
    stored = {report.source_hash: s for s in counted for report in s.reports.all()}
    for save in editor.result.confirmed:
        statement = stored.get(content_hash(save.source_text))
        if statement is None:
            problems.append(f"lost: confirmed save {save.number} is not in the database")
            continue
        claims = list(statement.claims.all())
        if [claim.quote for claim in claims] != [save.quote]:
            problems.append(f"half-written: save {save.number} has {len(claims)} claims")
    for statement in stored.values():
        if statement.claim_count != 1:
            problems.append(
                f"half-written: statement {statement.pk} has {statement.claim_count} claims"
            )
    edited = statement_model.objects.get(pk=targets["edit_id"])
    for each in editors:
        attempted, confirmed = each.result.edits_attempted, each.result.edits_confirmed
        # The last confirmed edit, or one attempted after it whose answer never came.
        since = attempted.index(confirmed[-1]) if confirmed else 0
        value = edited_value(edited, each.edited_field)
        if attempted and value not in attempted[since:]:
            problems.append(f"edit lost: statement {edited.pk}'s {each.edited_field} is {value!r}")
    if edited.claims.count() != targets["edit_claims"]:
        problems.append(f"edited statement {edited.pk} now has {edited.claims.count()} claims")
    for statement in [*stored.values(), edited]:
        claims = statement.claims.all()
        evidence = [span for claim in claims for span in claim.evidence_spans.all()]
        for record in [statement, *statement.reports.all(), *claims, *evidence]:
            try:
                record.full_clean()
            except ValidationError as exc:
                problems.append(f"invalid {type(record).__name__} {record.pk}: {exc}")
    connections.close_all()
    return len(stored), problems


def ms(seconds: list[float], percentile: int) -> int:
    """A percentile (nearest rank) of durations, in milliseconds."""
    if not seconds:
        return 0
    ordered = sorted(seconds)
    rank = max(1, min(len(ordered), math.ceil(percentile / 100 * len(ordered))))
    return round(ordered[rank - 1] * 1000)


# --- The run ---------------------------------------------------------------------------------


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--readers", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--database-url", help="postgres://… (default: a fresh SQLite file)")
    parser.add_argument("--workers", type=int, default=2 * len(os.sched_getaffinity(0)) + 1)
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args()
    if args.readers < 1 or args.seconds <= 0 or args.workers < 1 or args.threads < 1:
        parser.error("readers, seconds, workers and threads must be positive")
    return args


def raise_deadline(signum, frame) -> None:
    raise DeadlineExceeded


def main() -> int:
    args = parse_args()
    started = time.monotonic()
    # The last resort: stopping the server takes at most a few seconds after this.
    signal.signal(signal.SIGALRM, raise_deadline)
    signal.alarm(int(args.seconds) + GRACE - 8)
    tmp = Path(tempfile.mkdtemp(prefix="concurrent_load-"))
    servers: list[subprocess.Popen] = []  # the server while it runs, for the clean-up
    try:
        return run(args, tmp, servers)
    except SetupError as exc:
        log(f"error: {exc}")
        return 2
    except DeadlineExceeded:
        log(f"error: the run took longer than {args.seconds + GRACE:.0f} s")
        return 3
    finally:
        for server in servers:
            stop_server(server, graceful=False)
        signal.alarm(0)
        shutil.rmtree(tmp, ignore_errors=True)
        log(f"done in {time.monotonic() - started:.1f} s")


@dataclass
class Outcome:
    elapsed: float
    readers: list[ReaderResult]
    editor: EditorResult
    stuck: int  # threads still running when they should have stopped
    second: EditorResult  # the editor editing the same statement's dateline
    found: int = 0
    database_problems: list[str] = field(default_factory=list)
    log_problems: list[str] = field(default_factory=list)


def run(args: argparse.Namespace, tmp: Path, servers: list) -> int:
    url = args.database_url or f"sqlite:///{tmp / 'db.sqlite3'}"
    admin = "/" + os.environ.get("ADMIN_URL", "admin/").strip("/") + "/"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "statements.config.settings",
        "DJANGO_ENV": "production",
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "TRUST_X_FORWARDED_PROTO": "true",
        "DATABASE_URL": url,
        "ADMIN_URL": admin.strip("/") + "/",
        "CACHE_URL": f"file://{tmp / 'cache'}",  # shared by the workers, as by default
        # Its own: collected again in the checkout's folder, the files of a suite running
        # meanwhile were replaced under its other tests, which then found one missing.
        "STATIC_ROOT": str(tmp / "static"),
    }
    logins = [(f"load-editor-{secrets.token_hex(4)}", secrets.token_urlsafe(24)) for _ in "ab"]
    log(f"preparing the database {url}")
    # This process prepares and reads the same database with the server's settings.
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    django.setup()
    prepare_database(logins)
    targets = find_targets()

    port = free_port()
    server = start_server(env, tmp, port, args.workers, args.threads)
    servers.append(server)
    up = wait_until_up(server, port)
    log(f"gunicorn up on 127.0.0.1:{port} in {up:.1f} s; loading it for {args.seconds:g} s")
    editors = [
        Editor(port, admin, logins[0], targets, "headline"),
        Editor(port, admin, logins[1], targets, "dateline"),
    ]
    for editor in editors:
        editor.start()
    outcome = load(port, args, reader_paths(targets), editors)
    stop_server(server)
    servers.remove(server)
    outcome.log_problems = log_problems(tmp / "server.log")
    outcome.found, outcome.database_problems = check_database(editors, targets)
    return report(outcome, args, urlsplit(url).scheme)


def load(port: int, args: argparse.Namespace, paths: list[str], editors: list[Editor]) -> Outcome:
    """Readers and the editors at once, for args.seconds."""
    started = time.monotonic()
    end = started + args.seconds
    readers = [ReaderResult() for _ in range(args.readers)]
    threads = [
        threading.Thread(target=reader, args=(port, paths, end, seed, result), daemon=True)
        for seed, result in enumerate(readers)
    ]
    threads += [threading.Thread(target=e.run, args=(end,), daemon=True) for e in editors]
    for thread in threads:
        thread.start()
    for thread in threads:
        # The editor's last cycle may wait for two saves; a reader for one page.
        thread.join(timeout=max(0.1, end + 2 * EDITOR_TIMEOUT + 5 - time.monotonic()))
    stuck = sum(thread.is_alive() for thread in threads)
    results = [editor.result for editor in editors]
    return Outcome(time.monotonic() - started, readers, results[0], stuck, results[1])


def failures(outcome: Outcome, errors: Counter) -> list[str]:
    """Everything that makes the run fail, in a few words each."""
    editor = outcome.editor
    found = []
    if errors:
        found.append(f"{errors.total()} failed requests")
    editor_errors = editor.errors + outcome.second.errors
    if editor_errors:
        found.append(f"{editor_errors.total()} editor errors")
    if not editor.confirmed:
        found.append("no save confirmed")
    if outcome.found != len(editor.confirmed):
        found.append(f"{outcome.found} saves found, {len(editor.confirmed)} confirmed")
    if outcome.database_problems:
        found.append(f"{len(outcome.database_problems)} database problems")
    if outcome.log_problems:
        found.append(f"{len(outcome.log_problems)} problem lines in the server log")
    if outcome.stuck:
        found.append(f"{outcome.stuck} threads did not stop")
    return found


def report(outcome: Outcome, args: argparse.Namespace, vendor: str) -> int:
    """Print the table, and the details of anything that went wrong; 1 if anything did."""
    latencies = [latency for r in outcome.readers for latency in r.latencies]
    errors = sum((r.errors for r in outcome.readers), Counter())
    exceptions = sum(n for kind, n in errors.items() if not kind.startswith("HTTP "))
    requests = len(latencies) + exceptions
    editor = outcome.editor
    failed = failures(outcome, errors)
    log_state = f"{len(outcome.log_problems)} problem lines" if outcome.log_problems else "clean"
    rows = [
        ("database", vendor),
        ("server", f"gunicorn, {args.workers} workers × {args.threads} threads"),
        ("readers", f"{args.readers} for {outcome.elapsed:.1f} s"),
        ("requests", requests),
        ("errors", errors.total()),
        *((f"latency p{share}", f"{ms(latencies, share)} ms") for share in (50, 95, 99)),
        ("latency max", f"{ms(latencies, 100)} ms"),
        ("requests/s", f"{requests / outcome.elapsed:.1f}"),
        ("saves attempted", len(editor.saves)),
        ("saves confirmed", len(editor.confirmed)),
        ("saves found", outcome.found),
        ("edits attempted", len(editor.edits_attempted) + len(outcome.second.edits_attempted)),
        ("edits confirmed", len(editor.edits_confirmed) + len(outcome.second.edits_confirmed)),
        ("edits refused", editor.edits_refused + outcome.second.edits_refused),
        ("save p50 / max", f"{ms(editor.latencies, 50)} ms / {ms(editor.latencies, 100)} ms"),
        ("server log", log_state),
        ("result", "FAIL: " + "; ".join(failed) if failed else "OK"),
    ]
    for label, value in rows:
        print(f"{label:<17} {value}")
    sys.stdout.flush()
    details = [
        *(f"reader error ×{n}: {kind}" for kind, n in errors.most_common(10)),
        *(
            f"editor error ×{n}: {kind}"
            for kind, n in (editor.errors + outcome.second.errors).most_common(10)
        ),
        *outcome.database_problems[:20],
        *(f"server log: {line}" for line in outcome.log_problems[:20]),
    ]
    for line in details:
        log(line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
