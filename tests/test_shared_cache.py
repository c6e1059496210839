"""Counts and pages are kept in one cache for every worker: what one process counted, another
reads; CACHE_URL names the cache."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from statements.config.shared_cache import SharedFileCache, caches_at
from statements.public.versions import kept

ROOT = Path(__file__).resolve().parent.parent

# Another process, as another gunicorn worker is: it asks for the value kept under the same
# description and prints what it got, or what it computed had nothing been kept.
OTHER_WORKER = """
import json, os, sys
import django
django.setup()
from statements.public.versions import kept
print(json.dumps(kept(sys.argv[1], ("counts", "officials"), lambda: sys.argv[2])))
"""


@pytest.mark.slow
@pytest.mark.same_on_any_database
def test_a_count_kept_by_one_worker_is_read_by_another(tmp_path):
    folder = tmp_path / "cache"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "statements.config.settings",
        "CACHE_URL": f"file://{folder}",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}",
    }

    def other_worker(version: str, counted: str) -> str:
        ran = subprocess.run(
            [sys.executable, "-c", OTHER_WORKER, version, counted],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        return json.loads(ran.stdout.strip().splitlines()[-1])

    assert other_worker("v1", "counted by one") == "counted by one"  # nothing kept yet
    assert other_worker("v1", "counted by another") == "counted by one"
    with override_settings(CACHES=caches_at(f"file://{folder}", 10)):
        assert kept("v1", ("counts", "officials"), lambda: "counted here") == "counted by one"
        assert kept("v2", ("counts", "officials"), lambda: "counted here") == "counted here"
    assert other_worker("v2", "counted by another") == "counted here"


@pytest.mark.parametrize(
    ("url", "backend", "location"),
    [
        ("file:///srv/timeline/cache", "SharedFileCache", "/srv/timeline/cache/counts"),
        ("redis://cache.internal:6379/0", "redis.RedisCache", "redis://cache.internal:6379/0"),
        (
            "rediss://user:secret@cache:6380/1",
            "redis.RedisCache",
            "rediss://user:secret@cache:6380/1",
        ),
        ("memcached://cache.internal:11211", "memcached.PyMemcacheCache", "cache.internal:11211"),
        ("locmem://", "locmem.LocMemCache", "counts"),
    ],
)
def test_cache_url_names_the_shared_cache(url, backend, location):
    caches = caches_at(url, pages_kept=200)
    assert caches["default"]["BACKEND"].endswith(backend)
    assert caches["default"]["LOCATION"] == location
    assert caches["pages"]["BACKEND"] == caches["default"]["BACKEND"]
    assert caches["pages"]["LOCATION"] != caches["default"]["LOCATION"] or (
        caches["pages"]["KEY_PREFIX"] != caches["default"]["KEY_PREFIX"]
    )


def test_no_pages_kept_keeps_no_page_but_still_shares_counts():
    caches = caches_at("file:///srv/cache", pages_kept=0)
    assert caches["pages"]["BACKEND"] == "django.core.cache.backends.dummy.DummyCache"
    assert caches["default"]["BACKEND"].endswith("SharedFileCache")


@pytest.mark.parametrize(
    "url", ["file://relative/cache", "redis://", "memcached://", "ftp://host/x", "cache"]
)
def test_a_cache_url_we_cannot_use_stops_start_up_with_a_clear_message(url):
    with pytest.raises(ImproperlyConfigured, match="CACHE_URL must be"):
        caches_at(url, pages_kept=200)


def test_the_file_cache_stays_near_its_limit_though_it_counts_its_files_seldom(tmp_path):
    folder = tmp_path / "cache"
    cache = SharedFileCache(str(folder), {"OPTIONS": {"MAX_ENTRIES": 300}})
    for number in range(2000):
        cache.set(f"value-{number}", number, timeout=None)
    assert 200 <= len(list(folder.iterdir())) <= 300 + SharedFileCache.CULL_EVERY
    assert cache.get("value-1999") == 1999
