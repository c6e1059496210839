"""The long tail for bench/page_bench.py: URLs nobody asked for since the data last changed.

Three cases, each against a server started afresh with an empty shared cache:

- a new search word on every request, from the data's own vocabulary (single words first, in
  a seeded random order, then pairs of them);
- a new filter combination on every request (an official and an outlet, in a seeded random
  order);
- the first requests after an edit: an official's biography is saved again (the database's
  triggers replace the data's version, as any edit does), then the home page, an official's
  page and the home page's fragment are each asked for once, and this is done several times.

For the first two, each request is an htmx fragment; when it arrives without its facet counts
(its `facet-counts-loader`), the client asks for them at once as htmx would, so *first results*
is the fragment's time and *counts on screen* the fragment's plus the counts'. Datasette serves
its nearest page for the same query: full-text search (`_search`, with `claim_search` as the
view's index) or the same official and venue, with facets on official, venue and reporting
outlet, sorted by date, one page of rows.
"""

import html
import random
import re
import threading
import time
from collections.abc import Callable, Iterator
from urllib.parse import urlencode

LOADER = re.compile(r'class="facet-counts-loader"[^>]* hx-get="([^"]+)"')
EDITS = 7  # edits in the after-an-edit case, each followed by one request of each page
FACETS = "&_facet=official&_facet=venue&_facet=reporting_outlet"


def new_words(vocabulary: list[str]) -> Iterator[str]:
    """Every word once, then every pair, in a seeded random order: never the same query twice."""
    words = sorted(vocabulary)
    random.Random(1).shuffle(words)
    yield from words
    for first in words:
        for second in words:
            if first != second:
                yield f"{first} {second}"


def new_combinations(plan: dict) -> Iterator[dict[str, str]]:
    """Every official with every venue once, in a seeded random order."""
    officials, venues = len(plan["officials"]), len(plan["venues"])
    for number in random.Random(1).sample(range(officials * venues), officials * venues):
        official, venue = divmod(number, venues)
        yield {"official": plan["officials"][official], "outlet": plan["venues"][venue]}


def search_paths(vocabulary: list[str]) -> Iterator[tuple[str, str]]:
    """(ours, Datasette's) for a new search word each time."""
    for words in new_words(vocabulary):
        yield "/?" + urlencode({"q": words}), urlencode({"_search": words})


def combination_paths(plan: dict) -> Iterator[tuple[str, str]]:
    for chosen in new_combinations(plan):
        theirs = {"official": chosen["official"], "venue": chosen["outlet"]}
        yield "/?" + urlencode(chosen), urlencode(theirs)


class Shared:
    """An iterator several client threads draw from, one item each."""

    def __init__(self, items: Iterator) -> None:
        self.items, self.lock = items, threading.Lock()

    def next(self):
        with self.lock:
            return next(self.items, None)


def fragment_then_counts(get_body: Callable, path: str) -> tuple[float, float, bool]:
    """(first results, counts on screen) in seconds, and whether the counts came apart."""
    started = time.perf_counter()
    status, body = get_body(path, {"HX-Request": "true"})
    first = time.perf_counter() - started
    if status != 200:
        raise OSError(f"HTTP {status} for {path}")
    loader = LOADER.search(body)
    if loader:
        status, _ = get_body(html.unescape(loader.group(1)), {"HX-Request": "true"})
        if status != 200:
            raise OSError(f"HTTP {status} for the counts of {path}")
    return first, time.perf_counter() - started, bool(loader)


def load_new_urls(get_body, paths: Iterator[str], args, summary: Callable) -> dict:
    """Each request a URL not asked for before, from args.concurrency threads at once."""
    shared, lock = Shared(paths), threading.Lock()
    firsts, on_screen, apart, errors = [], [], [], 0

    def client() -> None:
        nonlocal errors
        while time.monotonic() < deadline and len(firsts) + errors < args.requests:
            path = shared.next()
            if path is None:
                return
            try:
                first, whole, came_apart = fragment_then_counts(get_body, path)
            except OSError:
                with lock:
                    errors += 1
                continue
            with lock:
                firsts.append(first)
                on_screen.append(whole)
                apart.append(came_apart)

    deadline = time.monotonic() + args.seconds
    started = time.perf_counter()
    threads = [threading.Thread(target=client, daemon=True) for _ in range(args.concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    return {
        **summary(firsts),
        "counts_p50": summary(on_screen)["p50"],
        "counts_p95": summary(on_screen)["p95"],
        "counts_apart": sum(apart) / max(1, len(apart)),
        "errors": errors,
        "rps": len(firsts) / elapsed,
    }


def load_datasette(get_body, queries: Iterator[str], table: str, args, summary) -> dict:
    """Datasette's nearest page for each query, one client after another as ours are."""
    shared, lock, latencies, errors = Shared(queries), threading.Lock(), [], 0

    def client() -> None:
        nonlocal errors
        while time.monotonic() < deadline and len(latencies) + errors < args.requests:
            query = shared.next()
            if query is None:
                return
            path = f"{table}?{query}&_sort_desc=date&_size={args.page_size}{FACETS}"
            started = time.perf_counter()
            try:
                status, _ = get_body(path, {})
            except OSError:
                status = 0
            with lock:
                if status == 200:
                    latencies.append(time.perf_counter() - started)
                else:
                    errors += 1

    deadline = time.monotonic() + args.seconds
    threads = [threading.Thread(target=client, daemon=True) for _ in range(args.concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {**summary(latencies), "errors": errors}


def after_edits(get_body, edit: Callable[[], None], official: str, summary) -> dict[str, dict]:
    """Each page's first request after an edit, EDITS times, one request at a time."""
    pages = {
        "home page, first after an edit": ("/", {}),
        "official page, first after an edit": (f"/officials/{official}/", {}),
        "home fragment, first after an edit": ("/", {"HX-Request": "true"}),
    }
    times: dict[str, list[float]] = {name: [] for name in pages}
    for _ in range(EDITS):
        edit()
        for name, (path, headers) in pages.items():
            started = time.perf_counter()
            status, _ = get_body(path, headers)
            if status != 200:
                raise OSError(f"HTTP {status} for {path} after an edit")
            times[name].append(time.perf_counter() - started)
    return {name: summary(values) for name, values in times.items()}
