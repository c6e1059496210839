"""A large export read slowly arrives whole: the server's worker timeout never cuts it off.

Gunicorn runs as `make serve` runs it (its settings from gunicorn.conf.py), with a two-second
worker timeout instead of thirty, on a copy of the test database; the export is read at a pace
that keeps its last rows waiting in the server for longer than that.
"""

import csv
import io
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

from statements.models import Claim, ClaimKind, Evidence
from statements.ops.backup import backup
from tests.factories import make_statement

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parent.parent
WORKER_TIMEOUT = 2
CLAIMS = 60
# Punctuation is not indexed for search, so the long evidence costs the database little.
TEXT = "We will build the bridge. " + "." * 100_000
# About 6 MB: more than the server's and the reader's socket buffers hold (4 MB at most here),
# so the server is still sending while the reader pauses.
READER_PAUSE = WORKER_TIMEOUT + 1.5


def store_long_export() -> None:
    statement = make_statement(source_text=TEXT)
    report = statement.reports.get()
    claims = Claim.objects.bulk_create(
        Claim(
            statement=statement, order=order, summary=f"Claim {order}.", kind=ClaimKind.PARAPHRASE
        )
        for order in range(CLAIMS)
    )
    Evidence.objects.bulk_create(
        Evidence(claim=claim, report=report, is_main=True, span_start=0, span_end=len(TEXT))
        for claim in claims
    )


def database_url(tmp_path: Path) -> str:
    """The test database as the server sees it: an SQLite copy, or the PostgreSQL one itself."""
    if connection.vendor == "sqlite":
        return f"sqlite:///{backup(tmp_path / 'served.sqlite3').path}"
    settings = connection.settings_dict
    password = f":{settings['PASSWORD']}" if settings.get("PASSWORD") else ""
    host = f"{settings.get('HOST') or '127.0.0.1'}:{settings.get('PORT') or 5432}"
    return f"postgres://{settings['USER']}{password}@{host}/{settings['NAME']}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_gunicorn(url: str, port: int, log: Path) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_ENV": "production",
        "SECRET_KEY": "export-test",
        "SECURE_SSL_REDIRECT": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
        "WEB_CONCURRENCY": "1",
        "CACHE_URL": f"file://{log.parent / 'cache'}",
    }
    command = [sys.executable, "-m", "gunicorn", "statements.config.wsgi"]
    command += ["--bind", f"127.0.0.1:{port}", "--timeout", str(WORKER_TIMEOUT)]
    command += ["--no-control-socket", "--access-logfile", "/dev/null"]
    with log.open("wb") as output:
        return subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=output, stderr=output, start_new_session=True
        )


def connect_when_up(server: subprocess.Popen, port: int) -> socket.socket:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert server.poll() is None, "gunicorn exited"
        client = socket.socket()
        # A small receive window: the server's writes wait on this reader.
        client.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 64 * 1024)
        try:
            client.connect(("127.0.0.1", port))
            return client
        except ConnectionRefusedError:
            client.close()
            time.sleep(0.1)
    raise AssertionError("gunicorn did not start")


def read_slowly(client: socket.socket) -> tuple[bytes, float]:
    """The whole response, its first bytes read at once, the rest after a pause: a reader
    slower than the worker timeout."""
    client.sendall(b"GET /export.csv HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
    started, received = time.monotonic(), bytearray(client.recv(64 * 1024))
    time.sleep(READER_PAUSE)  # the slow reader this test is about
    while chunk := client.recv(1024 * 1024):
        received += chunk
    return bytes(received), time.monotonic() - started


def test_an_export_read_for_longer_than_the_worker_timeout_arrives_whole(tmp_path):
    store_long_export()
    port, log = free_port(), tmp_path / "server.log"
    server = start_gunicorn(database_url(tmp_path), port, log)
    try:
        with connect_when_up(server, port) as client:
            response, seconds = read_slowly(client)
    finally:
        server.terminate()
        server.wait(timeout=30)
    head, _, body = response.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.0 200") or head.startswith(b"HTTP/1.1 200"), head
    assert seconds > WORKER_TIMEOUT + 1, "read too fast to outlast the worker timeout"
    csv.field_size_limit(len(TEXT) + 10)
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline="")))
    assert len(rows) == CLAIMS + 1
    assert rows[0][0] == "claim_id"
    evidence = rows[0].index("evidence")
    assert all(row[evidence] == TEXT for row in rows[1:])
    assert body.endswith(b"\r\n")
    assert b"WORKER TIMEOUT" not in log.read_bytes()
