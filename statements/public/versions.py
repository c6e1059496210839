"""The data's version, and what is kept under it.

The database keeps a version of the data: a random token that its triggers replace whenever a
statement, claim, topic link, official, post, outlet or topic changes (migrations 0005, 0007).
Whatever depends only on the data (counts, the filters' options, rendered pages) can be kept
under that token: exact, and computed once per change of the data in each process.
"""

import hashlib
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.db import connections

T = TypeVar("T")


def data_version(alias: str) -> str:
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT token FROM data_version")
        return str(cursor.fetchone()[0])


def kept(version: str, described: tuple, compute: Callable[[], T]) -> T:
    """The value kept for this description at this version of the data, computed if missing."""
    digest = hashlib.sha256(repr(described).encode()).hexdigest()
    key = f"kept:{version}:{digest}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout=None)
    return value
