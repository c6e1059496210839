"""Where kept counts and rendered pages live: one cache for every worker of the site.

A value kept by one worker is there for the others, so a change to the data is counted once
per site, not once per worker. By default the cache is a folder of files beside the code: every
worker of one server shares it, it needs no other service, and it survives a restart. Public
pages must never write to the database (SQLite has one writer at a time and replicas take no
writes), which rules out Django's database cache. Several app servers share one Redis or
Memcached, named by CACHE_URL.
"""

from itertools import count
from pathlib import Path
from urllib.parse import urlsplit

from django.core.cache.backends.filebased import FileBasedCache
from django.core.exceptions import ImproperlyConfigured

BACKENDS = {
    "redis": "django.core.cache.backends.redis.RedisCache",
    "rediss": "django.core.cache.backends.redis.RedisCache",
    "memcached": "django.core.cache.backends.memcached.PyMemcacheCache",
}
FILES = "statements.config.shared_cache.SharedFileCache"
PER_PROCESS = "django.core.cache.backends.locmem.LocMemCache"
NOTHING = "django.core.cache.backends.dummy.DummyCache"
KEPT_VALUES = 5000  # counts and the selects' options, a few hundred bytes to a few KB each
# A statement's card in a list, 1–5 KB of HTML, is kept in each worker's own memory: writing
# one takes a quarter of a millisecond (statements/public/cards.py), no more than reading it
# back from a file or a server.
KEPT_CARDS = 5000
# A page's whole list of cards, 50–250 KB, is kept beside them, fewer: at most about 50 MB.
KEPT_LISTS = 200


class SharedFileCache(FileBasedCache):
    """Django's file cache, counting its files on one write in CULL_EVERY rather than on each:
    it lists the whole folder to count them, 5 ms and more once it holds thousands, on the
    path of every new search. It may hold up to CULL_EVERY files per worker over its limit."""

    CULL_EVERY = 100

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.writes = count()

    def _cull(self) -> None:
        if next(self.writes) % self.CULL_EVERY == 0:
            super()._cull()


def one_cache(url: str, name: str, entries: int) -> dict:
    """The settings of the cache called `name` at the URL, holding at most `entries` values
    where the backend counts them (Redis and Memcached evict by their own memory limit)."""
    parts = urlsplit(url)
    if parts.scheme == "file" and not parts.netloc and parts.path.startswith("/"):
        return {
            "BACKEND": FILES,
            "LOCATION": str(Path(parts.path) / name),
            "OPTIONS": {"MAX_ENTRIES": entries},
        }
    if parts.scheme in BACKENDS and parts.netloc:
        location = url if parts.scheme.startswith("redis") else parts.netloc
        return {"BACKEND": BACKENDS[parts.scheme], "LOCATION": location, "KEY_PREFIX": name}
    if parts.scheme == "locmem":
        return {"BACKEND": PER_PROCESS, "LOCATION": name, "OPTIONS": {"MAX_ENTRIES": entries}}
    raise ImproperlyConfigured(
        "CACHE_URL must be file:///an/absolute/folder, redis://host:6379/0, rediss://…, "
        f"memcached://host:11211 or locmem://: {url!r}"
    )


def caches_at(url: str, pages_kept: int) -> dict:
    """Django's CACHES: kept values ("default"), rendered pages ("pages", none if 0) and each
    worker's statement cards ("cards") and pages' lists of them ("lists")."""
    pages = one_cache(url, "pages", pages_kept) if pages_kept else {"BACKEND": NOTHING}
    return {
        "default": one_cache(url, "counts", KEPT_VALUES),
        "pages": pages,
        "cards": one_cache("locmem://", "cards", KEPT_CARDS),
        "lists": one_cache("locmem://", "lists", KEPT_LISTS),
    }
