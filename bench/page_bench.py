"""Benchmark the public pages under gunicorn at 10k, 100k and 1M claims, against Datasette.

Usage: .venv/bin/python bench/page_bench.py [--claims 10000 100000 1000000] [--repeat 3]
           [--concurrency 4] [--requests 300] [--seconds 10] [--no-datasette]
       .venv/bin/python tests/with_postgres.py -c shared_buffers=6GB \
           -c max_parallel_workers_per_gather=1 .venv/bin/python bench/page_bench.py --postgres

For each size it builds (or reuses) bench/data/claims-<N>-k5-seed1.sqlite3 with generate_data,
as bench/export_bench.py does (with --postgres: a database on the cluster DATABASE_URL points
at), migrates it to the current schema, and then:

1. in a fresh process, requests each page through django.test.Client twice, first with the
   cache empty (as right after a change to the data: every count is made) and then with its
   counts kept, counting the queries of each, and times the facet counts alone, made afresh;
2. starts gunicorn as `make serve` does (gunicorn.conf.py, DJANGO_ENV=production) and loads each
   page from --concurrency client threads on loopback, each request on a new connection, until
   --requests requests or --seconds seconds, after a warm-up that reaches every worker twice
   (each worker keeps its own counts: its first request for a view has to count); once with
   pages kept as rendered until the data changes (the default, statements/public/views/kept.py) and
   once with PAGES_KEPT=0, every request filtering and rendering its page;
3. starts Datasette on the same SQLite file, with a view joining each claim to its statement,
   official and outlets, and loads its comparable pages the same way.

Rounds alternate ours and Datasette --repeat times; the tables give the median of the rounds.
Results go to bench/data/page-results-<database>.json. See bench/README.md.
"""

import argparse
import http.client
import json
import os
import secrets
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

import long_tail
from export_bench import DATA, DatasetteServer, build, ensure_datasette, free_port, stop

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
CLAIMS_PER_STATEMENT = 5
SEED = 1
SEARCH_WORDS = "sanctions"
REQUEST_TIMEOUT = 120  # Datasette's unfiltered page at 1M claims takes seconds
SERVER_START_TIMEOUT = 60
# As many requests at once as gunicorn.conf.py starts workers, so that each worker gets one.
WORKERS = 2 * len(os.sched_getaffinity(0)) + 1
PAGE_SIZE = 50  # claims on one page of ours (CLAIMS_PER_PAGE), and rows asked of Datasette
PAGES_KEPT = 200  # as statements/config/settings.py keeps by default

# Each claim beside its statement's date, official and outlets: what our timeline lists. The
# reporting outlet is the first report's, and the quote the main evidence's.
DATASETTE_VIEW = """
CREATE VIEW IF NOT EXISTS bench_timeline AS
SELECT c.id, s.date, o.slug AS official, v.slug AS venue, ro.slug AS reporting_outlet,
       s.headline, c.summary, e.quote
FROM statements_claim c
JOIN statements_statement s ON s.id = c.statement_id
JOIN statements_official o ON o.id = s.official_id
LEFT JOIN statements_outlet v ON v.id = s.venue_id
LEFT JOIN statements_evidence e ON e.claim_id = c.id AND e.is_main
LEFT JOIN statements_report r ON r.statement_id = s.id AND r."order" = 0
LEFT JOIN statements_outlet ro ON ro.id = r.outlet_id
"""
# Limits raised so that it counts and facets everything as we do, instead of giving up.
DATASETTE_SETTINGS = {
    "facet_time_limit_ms": 60000,
    "suggest_facets": "off",
    "default_page_size": PAGE_SIZE,
}


def log(message: str) -> None:
    print(f"page_bench: {message}", file=sys.stderr, flush=True)


@dataclass(frozen=True)
class Page:
    name: str
    path: str
    htmx: bool = False
    datasette: str = ""  # the comparable Datasette page, if there is one


def pages(plan: dict, datasette_table: str) -> list[Page]:
    """The pages measured, with the records the plan picked (the busiest official…)."""
    official, topic, outlet = plan["official"], plan["topic"], plan["outlet"]
    table = f"{datasette_table}?_sort_desc=date&_size={PAGE_SIZE}"
    facets = "&_facet=venue&_facet=reporting_outlet"
    one_filter = f"{table}&official={official}{facets}"

    def query(**params: str) -> str:
        return "/?" + urlencode(params)

    return [
        Page("full page, no filter", "/", datasette=f"{table}&_facet=official{facets}"),
        Page("fragment, no filter", "/", htmx=True),
        Page("fragment, 1 filter (official)", query(official=official), True, one_filter),
        Page("fragment, 2 filters (+ topic)", query(official=official, topic=topic), True),
        Page(
            "fragment, 3 filters (+ outlet)",
            query(official=official, topic=topic, outlet=outlet),
            True,
        ),
        Page(f"fragment, search “{SEARCH_WORDS}”", query(q=SEARCH_WORDS), True),
        Page("official page", f"/officials/{official}/", datasette=one_filter),
    ]


# --- In a child process: query counts and facet timings, through Django itself -------------


def setup_django(database_url: str) -> None:
    os.environ.update(
        DJANGO_SETTINGS_MODULE="statements.config.settings",
        DATABASE_URL=database_url,
        DATABASE_REPLICA_URLS="",
        DEBUG="false",
        PAGES_KEPT="0",  # every request renders: the queries of rendering are counted
        CACHE_URL="locmem://",  # this process's own: clearing it touches no other cache
        SECRET_KEY="page-bench-only",
        ALLOWED_HOSTS="testserver",
    )
    sys.path.insert(0, str(ROOT))
    import django  # noqa: PLC0415 - only the child loads Django

    django.setup()


def pick_plan() -> dict:
    """The busiest official, their commonest topic and venue: a filter that matches much."""
    from django.db.models import Count, Exists, OuterRef  # noqa: PLC0415

    from statements.models import Claim, Official, Outlet, Statement  # noqa: PLC0415

    official = Official.objects.annotate(n=Count("statements")).order_by("-n", "pk").first()
    theirs = Claim.objects.filter(statement__official=official)
    topic = theirs.values_list("topics__slug").annotate(n=Count("id")).order_by("-n").first()
    outlet = (
        theirs.exclude(statement__venue=None)
        .values_list("statement__venue__slug")
        .annotate(n=Count("id"))
        .order_by("-n")
        .first()
    )
    return {
        "official": official.slug,
        "topic": topic[0],
        "outlet": outlet[0],
        "officials": sorted(Official.objects.values_list("slug", flat=True)),
        "venues": sorted(
            Outlet.objects.filter(
                Exists(Statement.objects.filter(venue=OuterRef("pk")))
            ).values_list("slug", flat=True)
        ),
        "vocabulary": vocabulary(),
    }


def vocabulary() -> list[str]:
    """The words the full-text index holds, three letters or more, as a reader would type them."""
    from django.db import connection  # noqa: PLC0415

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.bench_words "
                "USING fts5vocab(main, 'claim_search', 'row')"
            )
            cursor.execute("SELECT term FROM temp.bench_words")
        else:
            cursor.execute("SELECT word FROM ts_stat('SELECT document FROM claim_search')")
        return sorted(word for (word,) in cursor.fetchall() if word.isalpha() and len(word) >= 3)


class QueryLog:
    """Counts the queries run on the default connection while it is in force."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def timed_request(client, page: Page) -> tuple[int, float]:
    """(queries, milliseconds) of one request through Django's test client."""
    from django.db import connection  # noqa: PLC0415

    log = QueryLog()
    headers = {"HX-Request": "true"} if page.htmx else {}
    with connection.execute_wrapper(log):
        started = time.perf_counter()
        response = client.get(page.path, headers=headers)
        elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, (page.path, response.status_code)
    return log.count, elapsed


def forget_everything_kept() -> None:
    """As right after a change to the data: nothing kept, in the cache or in this process."""
    from django.core.cache import caches  # noqa: PLC0415

    from statements.public.versions import forget_in_process  # noqa: PLC0415
    from statements.public.walked_search import forget_kept_matches  # noqa: PLC0415

    for cache in caches.all():
        cache.clear()
    forget_in_process()
    forget_kept_matches()


def facet_counting_ms(params: str) -> float:
    """How long the facet counts of a view take when nothing is kept (right after a change)."""
    from django.http import QueryDict  # noqa: PLC0415

    from statements.models import Claim  # noqa: PLC0415
    from statements.public.counting import ViewCounts  # noqa: PLC0415
    from statements.public.facets import facet_counts  # noqa: PLC0415
    from statements.public.filters import ClaimFilter  # noqa: PLC0415

    forget_everything_kept()
    started = time.perf_counter()
    filterset = ClaimFilter(QueryDict(params), Claim.objects.all())
    facet_counts(ViewCounts(filterset), {})
    return (time.perf_counter() - started) * 1000


def count_queries(database_url: str) -> dict:
    """Each page's queries and time, first with nothing counted yet (as right after a change
    to the data), then again with its counts kept."""
    setup_django(database_url)
    from django.test import Client  # noqa: PLC0415

    plan = pick_plan()
    client, measured = Client(), {}
    for page in pages(plan, ""):
        forget_everything_kept()
        cold_queries, cold_ms = timed_request(client, page)
        warm_queries, _ = timed_request(client, page)
        measured[page.name] = {"cold": cold_queries, "warm": warm_queries, "cold_ms": cold_ms}
    facets_ms = {
        "all claims": facet_counting_ms(""),
        "one official": facet_counting_ms(urlencode({"official": plan["official"]})),
    }
    return {"plan": plan, "queries": measured, "facet_counts_ms": facets_ms}


# --- The load client ------------------------------------------------------------------------


def get(port: int, path: str, headers: dict) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
    try:
        conn.request("GET", path, headers={"Connection": "close", **headers})
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def get_body(port: int, path: str, headers: dict) -> tuple[int, str]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=REQUEST_TIMEOUT)
    try:
        conn.request("GET", path, headers={"Connection": "close", **headers})
        response = conn.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        conn.close()


def summary(latencies: list[float]) -> dict:
    """p50, p95 and p99 in milliseconds of latencies in seconds (zeros if there are none)."""
    if not latencies:
        return {"requests": 0, "p50": 0.0, "p95": 0.0, "p99": 0.0}
    return {
        "requests": len(latencies),
        **{f"p{n}": percentile(latencies, n) * 1000 for n in (50, 95, 99)},
    }


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(share / 100 * len(ordered) + 0.5) - 1))]


def warm_up(port: int, page_path: str, headers: dict) -> None:
    """One request per worker at once: a sync worker takes one request at a time."""
    threads = [
        threading.Thread(target=get, args=(port, page_path, headers), daemon=True)
        for _ in range(WORKERS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def load(port: int, page_path: str, headers: dict, args: argparse.Namespace) -> dict:
    """Latencies of up to args.requests requests from args.concurrency threads at once."""
    latencies: list[float] = []
    errors: Counter = Counter()
    lock = threading.Lock()
    issued = 0

    def client() -> None:
        nonlocal issued
        while time.monotonic() < deadline:
            with lock:
                if issued >= args.requests:
                    return
                issued += 1
            started = time.perf_counter()
            try:
                status = get(port, page_path, headers)
            except OSError as exc:
                errors[type(exc).__name__] += 1
                continue
            if status != 200:
                errors[f"HTTP {status}"] += 1
            latencies.append(time.perf_counter() - started)

    for _ in range(2):
        warm_up(port, page_path, headers)
    deadline = time.monotonic() + args.seconds
    started = time.perf_counter()
    threads = [threading.Thread(target=client, daemon=True) for _ in range(args.concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    return {
        "requests": len(latencies),
        "errors": sum(errors.values()),
        "p50": percentile(latencies, 50) * 1000,
        "p95": percentile(latencies, 95) * 1000,
        "p99": percentile(latencies, 99) * 1000,
        "rps": len(latencies) / elapsed,
    }


# --- Servers ---------------------------------------------------------------------------------


def server_env(database_url: str, pages_kept: int, cache: Path) -> dict:
    """Production settings, as `make serve` has them, on plain HTTP on loopback, with a shared
    cache of its own that starts empty."""
    return {
        "PAGES_KEPT": str(pages_kept),
        **os.environ,
        "CACHE_URL": f"file://{cache}",
        "DJANGO_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": database_url,
        "DATABASE_REPLICA_URLS": "",
    }


class Gunicorn:
    """gunicorn with gunicorn.conf.py on a free port, stopped on leaving, whatever happens."""

    def __init__(self, database_url: str, log_file: Path, pages_kept: int) -> None:
        self.cache = tempfile.TemporaryDirectory(prefix="page-bench-cache-")
        self.env = server_env(database_url, pages_kept, Path(self.cache.name))
        self.log_file, self.port = log_file, free_port()
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> "Gunicorn":
        command = [str(ROOT / ".venv" / "bin" / "gunicorn"), "statements.config.wsgi"]
        command += ["--config", str(ROOT / "gunicorn.conf.py"), "--bind", f"127.0.0.1:{self.port}"]
        with open(self.log_file, "ab") as server_log:
            self.process = subprocess.Popen(
                command,
                cwd=ROOT,
                env=self.env,
                stdout=server_log,
                stderr=server_log,
                start_new_session=True,  # so that stopping it reaches every worker
            )
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited; see {self.log_file}")
            try:
                get(self.port, "/officials/", {})
                return self
            except OSError:
                time.sleep(0.3)
        self.__exit__()
        raise RuntimeError("gunicorn did not answer in time")

    def __exit__(self, *exc) -> None:
        stop(self.process, grace=20, whole_session=True)
        self.cache.cleanup()


def measure_ours(
    database_url: str, plan: dict, args, log_file: Path, pages_kept: int
) -> dict[str, dict]:
    """Our pages, kept as rendered (PAGES_KEPT pages a worker) or, with 0, rendered each time."""
    results = {}
    with Gunicorn(database_url, log_file, pages_kept) as server:
        for page in pages(plan, ""):
            headers = {"HX-Request": "true"} if page.htmx else {}
            results[page.name] = load(server.port, page.path, headers, args)
            log(f"  ours ({pages_kept} kept) {page.name}: p50 {results[page.name]['p50']:.1f} ms")
    return results


def datasette_metadata(db: Path) -> Path:
    """The view's full-text index for Datasette's `_search`: claim_search, by claim id."""
    table = {"fts_table": "claim_search", "fts_pk": "id"}
    metadata = {"databases": {db.stem: {"tables": {"bench_timeline": table}}}}
    path = DATA / f"datasette-metadata-{db.stem}.json"
    path.write_text(json.dumps(metadata))
    return path


def measure_datasette(db: Path, plan: dict, args) -> dict[str, dict]:
    """Datasette's comparable pages, each measured once however many of ours it stands for,
    and its nearest page for each long-tail query."""
    table = f"/{db.stem}/bench_timeline"
    comparable = [page for page in pages(plan, table) if page.datasette]
    measured = {}
    with DatasetteServer(db, 1000, DATASETTE_SETTINGS, datasette_metadata(db)) as server:
        for page in comparable:
            if page.datasette not in measured:
                measured[page.datasette] = load(server.port, page.datasette, {}, args)
                log(f"  datasette {page.name}: p50 {measured[page.datasette]['p50']:.1f} ms")
        results = {page.name: measured[page.datasette] for page in comparable}
        fetch = lambda path, headers: get_body(server.port, path, headers)  # noqa: E731
        for name, paths in long_tail_paths(plan).items():
            queries = (theirs for _, theirs in paths)
            results[name] = long_tail.load_datasette(fetch, queries, table, args, summary)
            log(f"  datasette {name}: p50 {results[name]['p50']:.1f} ms")
    return results


def long_tail_paths(plan: dict) -> dict:
    return {
        "new search word each request": long_tail.search_paths(plan["vocabulary"]),
        "new filter combination each request": long_tail.combination_paths(plan),
    }


def edit_an_official(database_url: str) -> None:
    """Save an official's biography again: the database's triggers replace the data's version,
    as on any edit, and every count is to be made again."""
    sql = (
        "UPDATE statements_official SET bio = bio "
        "WHERE id = (SELECT MIN(id) FROM statements_official)"
    )
    if database_url.startswith("sqlite:///"):
        with sqlite3.connect(database_url.removeprefix("sqlite:///"), timeout=20) as connection:
            connection.execute(sql)
    else:
        import psycopg  # noqa: PLC0415 - only the PostgreSQL run needs it

        with psycopg.connect(database_url) as connection:
            connection.execute(sql)


def measure_long_tail(database_url: str, plan: dict, args, log_file: Path) -> dict[str, dict]:
    """New words, new filters and the first requests after an edit, on a server that keeps
    pages and counts as it does by default, starting with nothing kept."""
    results = {}
    with Gunicorn(database_url, log_file, PAGES_KEPT) as server:
        fetch = lambda path, headers: get_body(server.port, path, headers)  # noqa: E731
        for _ in range(2):
            warm_up(server.port, "/officials/", {})  # every worker started, nothing counted
        for name, paths in long_tail_paths(plan).items():
            ours = (path for path, _ in paths)
            results[name] = long_tail.load_new_urls(fetch, ours, args, summary)
            log(f"  ours {name}: first results p50 {results[name]['p50']:.1f} ms")
        edit = lambda: edit_an_official(database_url)  # noqa: E731
        results.update(long_tail.after_edits(fetch, edit, plan["official"], summary))
    return results


# --- Databases -------------------------------------------------------------------------------


def manage(args: list[str], database_url: str, timeout: float = 3600, **settings: str) -> None:
    env = {**os.environ, "DATABASE_URL": database_url, "DATABASE_REPLICA_URLS": "", **settings}
    subprocess.run(
        [str(PYTHON), "manage.py", *args], cwd=ROOT, env=env, check=True, timeout=timeout
    )


def sqlite_database(claims: int) -> tuple[str, Path]:
    db = DATA / f"claims-{claims}-k{CLAIMS_PER_STATEMENT}-seed{SEED}.sqlite3"
    build(db, claims, CLAIMS_PER_STATEMENT, SEED)
    url = f"sqlite:///{db}"
    manage(["migrate", "--noinput", "-v0"], url)
    with sqlite3.connect(db) as connection:
        connection.execute(DATASETTE_VIEW)
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return url, db


def postgres_database(claims: int) -> str:
    import psycopg  # noqa: PLC0415 - only the PostgreSQL run needs it

    cluster = os.environ["DATABASE_URL"]
    name = f"bench_{claims}"
    url = urlunsplit(urlsplit(cluster)._replace(path=f"/{name}"))
    with psycopg.connect(cluster, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')
    manage(["migrate", "--noinput", "-v0"], url)
    with psycopg.connect(url) as conn:
        stored = conn.execute("SELECT count(*) FROM statements_claim").fetchone()[0]
    if stored != claims:
        statements = claims // CLAIMS_PER_STATEMENT
        log(f"generating {claims} claims in PostgreSQL database {name}")
        manage(
            [
                "generate_data",
                f"--officials={max(1, min(200, statements // 100))}",
                f"--statements={statements}",
                f"--claims-per-statement={CLAIMS_PER_STATEMENT}",
                f"--seed={SEED}",
            ],
            url,
        )
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("VACUUM ANALYZE")
    # As an operator does after a bulk load (README, "A million claims"); adds nothing once kept.
    manage(["keep_search_counts"], url)
    return url


# --- The run ---------------------------------------------------------------------------------


def run_child(database_url: str) -> dict:
    command = [str(PYTHON), __file__, "--child-queries", database_url]
    result = subprocess.run(command, capture_output=True, text=True, timeout=3600, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"query count failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def median_of_rounds(rounds: list[dict[str, dict]]) -> dict[str, dict]:
    return {
        name: {stat: statistics.median(r[name][stat] for r in rounds) for stat in rounds[0][name]}
        for name in rounds[0]
    }


def bench_size(claims: int, args: argparse.Namespace, server_log: Path) -> dict:
    if args.postgres:
        url, db = postgres_database(claims), None
    else:
        url, db = sqlite_database(claims)
    # The hashed files and their manifest, which production settings serve.
    manage(["collectstatic", "--noinput", "-v0"], url, DJANGO_ENV="production", SECRET_KEY="bench")
    counted = run_child(url)
    log(f"{claims:,} claims: {counted['queries']}")
    ours, rendered, tail, theirs = [], [], [], []
    load_before = os.getloadavg()[0]
    for number in range(args.repeat):
        log(f"{claims:,} claims, round {number + 1} of {args.repeat}")
        if not args.long_tail_only:
            ours.append(measure_ours(url, counted["plan"], args, server_log, PAGES_KEPT))
            rendered.append(measure_ours(url, counted["plan"], args, server_log, 0))
        tail.append(measure_long_tail(url, counted["plan"], args, server_log))
        if db and not args.no_datasette:
            theirs.append(measure_datasette(db, counted["plan"], args))
    counted["plan"] = {k: v for k, v in counted["plan"].items() if isinstance(v, str)}
    return {
        "claims": claims,
        "load_average": f"{load_before:.2f} before, {os.getloadavg()[0]:.2f} after",
        **counted,
        "ours": median_of_rounds(ours) if ours else {},
        "rendered": median_of_rounds(rendered) if rendered else {},
        "long_tail": median_of_rounds(tail),
        "datasette": median_of_rounds(theirs) if theirs else {},
    }


def ratio(theirs: dict | None, ours: dict) -> str:
    return f"{theirs['p50'] / ours['p50']:,.1f}" if theirs else "–"


def table(result: dict) -> str:
    lines = [
        f"**{result['claims']:,} claims** — latency (ms) and requests/s under load, pages kept "
        "as rendered (the default) and rendered for every request (PAGES_KEPT=0); queries of a "
        "rendered request, and time of one that also has to count (first after a change)",
        "",
        "| page | kept p50 | p95 | p99 | req/s | rendered p50 | p95 | p99 | req/s | Datasette p50 "
        "| p95 | × faster, kept | × faster, rendered | queries | queries, counting "
        "| ms, counting |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for name, ours in result["ours"].items():
        rendered, theirs = result["rendered"][name], result["datasette"].get(name)
        queries = result["queries"][name]
        cells = [
            *(f"{ours[stat]:,.1f}" for stat in ("p50", "p95", "p99", "rps")),
            *(f"{rendered[stat]:,.1f}" for stat in ("p50", "p95", "p99", "rps")),
            *((f"{theirs['p50']:,.0f}", f"{theirs['p95']:,.0f}") if theirs else ("–", "–")),
            ratio(theirs, ours),
            ratio(theirs, rendered),
            str(queries["warm"]),
            str(queries["cold"]),
            f"{queries['cold_ms']:,.0f}",
        ]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    facets = ", ".join(f"{k} {v:,.0f} ms" for k, v in result["facet_counts_ms"].items())
    lines += ["", f"facet counts made afresh (in-process): {facets}"]
    measured = [*result["ours"].values(), *result["rendered"].values()]
    errors = sum(r["errors"] for r in [*measured, *result["datasette"].values()])
    lines.append(f"failed requests: {errors:g}; chosen: {result['plan']}")
    lines.append(f"1-minute load average: {result['load_average']}")
    return "\n".join(lines)


def long_tail_table(result: dict) -> str:
    """New words, new filters, first requests after an edit: ours against Datasette's nearest."""
    tail, theirs = result["long_tail"], result["datasette"]
    home = theirs.get("full page, no filter")
    lines = [
        f"**{result['claims']:,} claims, the long tail** — ms; first results and counts on "
        "screen (fragment, then its counts if they came apart); Datasette's nearest page",
        "",
        "| case | first results p50 | p95 | counts on screen p50 | p95 | counts apart | req/s "
        "| Datasette p50 | p95 | × Datasette (first results) | × Datasette (counts on screen) |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for name, ours in tail.items():
        them = theirs.get(name) or (home if "home page" in name else None)
        if "after an edit" in name:
            cells = [f"{ours['p50']:,.0f}", f"{ours['p95']:,.0f}", "–", "–", "–", "–"]
        else:
            cells = [
                *(f"{ours[k]:,.0f}" for k in ("p50", "p95", "counts_p50", "counts_p95")),
                f"{ours['counts_apart']:.0%}",
                f"{ours['rps']:,.1f}",
            ]
        if them:
            cells += [f"{them['p50']:,.0f}", f"{them['p95']:,.0f}", ratio(them, ours)]
            on_screen = ours.get("counts_p50")
            cells.append(f"{them['p50'] / on_screen:,.1f}" if on_screen else "–")
        else:
            cells += ["–"] * 4
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    errors = sum(r.get("errors", 0) for r in tail.values())
    lines += ["", f"failed requests: {errors:g}; edits: {long_tail.EDITS}"]
    return "\n".join(lines)


def machine() -> list[str]:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        "unknown",
    )
    return [
        f"date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
        f"CPU: {len(os.sched_getaffinity(0))} × {cpu}",
        f"load average at the end: {os.getloadavg()[0]:.2f}",
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--requests", type=int, default=300, help="at most, per page and round")
    parser.add_argument("--seconds", type=float, default=10, help="at most, per page and round")
    parser.add_argument("--postgres", action="store_true", help="under tests/with_postgres.py")
    parser.add_argument("--no-datasette", action="store_true")
    parser.add_argument(
        "--long-tail-only", action="store_true", help="only new words, new filters, after an edit"
    )
    parser.add_argument("--child-queries", metavar="DATABASE_URL", help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.page_size = PAGE_SIZE
    # Stopped from outside (tests/with_postgres.py passes SIGTERM on): leave the with blocks,
    # which stop the servers.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    if args.child_queries:
        print(json.dumps(count_queries(args.child_queries)))
        return 0
    if not (args.postgres or args.no_datasette):
        log(ensure_datasette())
    label = ("postgresql" if args.postgres else "sqlite") + f"-c{args.concurrency}"
    DATA.mkdir(parents=True, exist_ok=True)
    server_log = DATA / f"page-bench-gunicorn-{label}.log"
    server_log.unlink(missing_ok=True)
    results = []
    for claims in args.claims:
        results.append(bench_size(claims, args, server_log))
        if results[-1]["ours"]:
            print(table(results[-1]) + "\n", flush=True)
        print(long_tail_table(results[-1]) + "\n", flush=True)
        out = DATA / f"page-results-{label}.json"
        out.write_text(json.dumps({"machine": machine(), "results": results}, indent=2))
    print("\n".join(f"- {fact}" for fact in machine()))
    problems = [line for line in server_log.read_text().splitlines() if "Traceback" in line]
    print(f"- server log ({server_log.relative_to(ROOT)}): {len(problems)} tracebacks")
    return 0


if __name__ == "__main__":
    sys.exit(main())
