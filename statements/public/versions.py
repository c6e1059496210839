"""The versions of the data and of the code, and what is kept under them.

The database keeps a version of the data: a random token that its triggers replace whenever a
statement, claim, topic link, official, post, outlet or topic changes (migrations 0005, 0007).
The code's version names the release. Whatever depends only on the data and the code (counts,
the filters' options, rendered pages) is kept under both: exact, computed once per change of
either in the cache every worker shares (statements/config/shared_cache.py), and never
served by a release to which it does not belong.
"""

import hashlib
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache as kept_values
from django.db import connections, router
from django.http import HttpRequest

from statements.models import Claim
from statements.public.recent import Recent

T = TypeVar("T")

# What a release is made of: a change to any of these files changes what pages hold.
CODE_FOLDERS = ("statements", "templates", "static")


def data_version(alias: str) -> str:
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT token FROM data_version")
        return str(cursor.fetchone()[0])


def request_data_version(request: HttpRequest) -> str:
    """The data's version in the database this request reads, read once per request."""
    if not hasattr(request, "_data_version"):
        request._data_version = data_version(router.db_for_read(Claim))
    return request._data_version


@cache
def code_version() -> str:
    """The release: `RELEASE` from the environment, else a digest of the code, templates and
    static files, so that even an uncommitted change counts as a new release."""
    if settings.RELEASE:
        return settings.RELEASE
    digest = hashlib.sha256()
    base = Path(settings.BASE_DIR)
    for folder in CODE_FOLDERS:
        for path in sorted((base / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(base)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def kept_key(version: str, described: tuple) -> str:
    digest = hashlib.sha256(repr((code_version(), described)).encode()).hexdigest()
    return f"kept:{version}:{digest}"


# The values this process used last, in front of the shared cache: a value kept under a key
# never changes (the key names the versions), so a copy here is never stale, and the busiest
# (the selects' options, the home page's counts) are not read back and unpickled each time.
in_process: Recent[object] = Recent(most=256)


def kept(version: str, described: tuple, compute: Callable[[], T]) -> T:
    """The value kept for this description at this version of the data and of the code,
    computed if missing."""
    key = kept_key(version, described)
    return in_process.get_or_put(key, lambda: kept_values.get_or_set(key, compute, timeout=None))


def is_kept(version: str, described: tuple) -> bool:
    """Whether a value is kept for this description, without computing it."""
    key = kept_key(version, described)
    return key in in_process or kept_values.has_key(key)


def forget_in_process() -> None:
    """Drop this process's copies (the shared cache keeps its own), as when it starts."""
    in_process.clear()
