"""The app with a primary and a stand-in replica, run by tests/test_replica.py in its own process.

Usage: python tests/replica_site.py prepare HEADLINE   (DATABASE_URL: the database to fill)
       python tests/replica_site.py visit               (DATABASE_URL and DATABASE_REPLICA_URLS)

`prepare` migrates the database, empties it, and stores one published statement with that
headline and an editor. `visit` opens pages as the public and as the editor, adds a topic
through the admin, and prints JSON: for each visit, its status, the databases it queried and
the headlines it shows; where a read outside a request goes; and which databases hold the
topic the editor added.
"""

import json
import os
import sys
from contextlib import ExitStack
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parent.parent
HEADLINES = ("Kept on the primary", "Copied to the replica")
EDITOR = "replica-editor"
NEW_TOPIC = "added-by-the-editor"


def prepare(headline: str) -> dict:
    from django.contrib.auth.models import User  # noqa: PLC0415 - after django.setup()
    from django.core.management import call_command  # noqa: PLC0415

    from tests.factories import make_claim, make_official, make_statement  # noqa: PLC0415

    call_command("migrate", "--noinput", verbosity=0)
    call_command("flush", "--noinput", verbosity=0)
    text = f"{headline}: we will build the bridge."
    statement = make_statement(make_official(), headline=headline, source_text=text)
    make_claim(statement, "we will build the bridge.")
    User.objects.create_superuser(EDITOR, "editor@example.org", "not-used-to-log-in")
    return {"prepared": headline}


def visit_page(client, path: str, headers: dict | None = None) -> dict:
    """Open a page, noting which databases answered its queries and which headlines it shows."""
    from django.db import connections  # noqa: PLC0415
    from django.test.utils import CaptureQueriesContext  # noqa: PLC0415

    with ExitStack() as stack:
        captured = {
            alias: stack.enter_context(CaptureQueriesContext(connections[alias]))
            for alias in connections
        }
        response = client.get(path, headers=headers)
    html = response.content.decode()
    return {
        "status": response.status_code,
        "databases": sorted(alias for alias, queries in captured.items() if len(queries)),
        "headlines": [headline for headline in HEADLINES if headline in html],
    }


def add_topic(client) -> dict:
    """An editor adds a topic through the admin's own form."""
    from django.conf import settings  # noqa: PLC0415
    from django.db import connections  # noqa: PLC0415

    from statements.models import Topic  # noqa: PLC0415

    form = {"name": "Added by the editor", "slug": NEW_TOPIC, "description": ""}
    response = client.post(f"/{settings.ADMIN_URL}statements/topic/add/", form)
    held_by = [a for a in connections if Topic.objects.using(a).filter(slug=NEW_TOPIC).exists()]
    return {"status": response.status_code, "held_by": held_by}


def visit() -> dict:
    from django.conf import settings  # noqa: PLC0415
    from django.contrib.auth.models import User  # noqa: PLC0415
    from django.test import Client  # noqa: PLC0415

    from statements.models import Topic  # noqa: PLC0415

    public, editor = Client(), Client()
    visits = {
        "public timeline": visit_page(public, "/"),
        "public fragment": visit_page(public, "/?q=bridge", {"HX-Request": "true"}),
        "read after a request": {"database": Topic.objects.all().db},
    }
    editor.force_login(User.objects.get(username=EDITOR))
    visits["admin list"] = visit_page(editor, f"/{settings.ADMIN_URL}statements/statement/")
    visits["timeline seen by an editor"] = visit_page(editor, "/")
    visits["topic added in the admin"] = add_topic(editor)
    return visits


def main() -> None:
    os.environ.update(
        DJANGO_SETTINGS_MODULE="statements.config.settings", ALLOWED_HOSTS="testserver"
    )
    sys.path.insert(0, str(ROOT))
    django.setup()
    result = prepare(sys.argv[2]) if sys.argv[1] == "prepare" else visit()
    print(json.dumps(result))


if __name__ == "__main__":
    main()
