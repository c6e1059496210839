"""Run a command against a throwaway PostgreSQL cluster.

Usage: python tests/with_postgres.py [--replica] [-c NAME=VALUE]... CMD [ARGS...]

Starts a temporary cluster on 127.0.0.1 at a free port (each -c a server setting, as for
`postgres` itself: the benchmarks give it memory as a server would have), runs CMD with
DATABASE_URL=postgres://postgres@127.0.0.1:PORT/statement_timeline, then stops the
cluster, deletes its data directory and exits with CMD's exit code. With --replica it also
creates a second, empty database that stands in for a read replica in tests/test_replica.py,
and passes it as REPLICA_DATABASE_URL.
"""

from __future__ import annotations

import glob
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
from pathlib import Path
from types import FrameType

DB_NAME = "statement_timeline"
REPLICA_DB_NAME = "statement_timeline_replica"
PG_USER = "postgres"
SETTINGS = ("fsync=off", "synchronous_commit=off", "full_page_writes=off")


class SetupError(Exception):
    """The cluster could not be provided."""


def log(message: str) -> None:
    """Print a prefixed line to stderr."""
    print(f"with_postgres: {message}", file=sys.stderr, flush=True)


def is_root() -> bool:
    """Return whether this process runs as root."""
    return os.geteuid() == 0


def has_server(bindir: Path) -> bool:
    """Return whether bindir holds the server binaries we need."""
    return all((bindir / name).is_file() for name in ("initdb", "pg_ctl", "postgres", "createdb"))


def version_key(bindir: Path) -> tuple[int, ...]:
    """Sort key for /usr/lib/postgresql/<version>/bin by numeric version."""
    return tuple(int(part) for part in bindir.parent.name.split(".") if part.isdigit())


def find_bindir() -> Path | None:
    """Locate the server binaries: highest packaged version first, then pg_config."""
    candidates = sorted(
        (Path(p) for p in glob.glob("/usr/lib/postgresql/*/bin")), key=version_key, reverse=True
    )
    for bindir in candidates:
        if has_server(bindir):
            return bindir
    pg_config = shutil.which("pg_config")
    if pg_config:
        result = subprocess.run(
            [pg_config, "--bindir"], check=False, capture_output=True, text=True
        )
        bindir = Path(result.stdout.strip())
        if result.returncode == 0 and has_server(bindir):
            return bindir
    return None


def install_server() -> None:
    """Try once to install PostgreSQL with apt-get."""
    log("no PostgreSQL server binaries found; trying apt-get install postgresql")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for cmd in (["apt-get", "update"], ["apt-get", "install", "-y", "postgresql"]):
        if subprocess.run(cmd, check=False, env=env, stdout=sys.stderr).returncode != 0:
            return


def ensure_bindir() -> Path:
    """Return the server bindir, installing PostgreSQL first if root and it is missing."""
    bindir = find_bindir()
    if bindir is None and is_root() and shutil.which("apt-get"):
        install_server()
        bindir = find_bindir()
    if bindir is None:
        raise SetupError("no PostgreSQL server binaries (initdb, pg_ctl) found")
    return bindir


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def as_server_user(cmd: list[str]) -> list[str]:
    """Wrap cmd so it runs as the postgres OS user when we are root."""
    return ["runuser", "-u", PG_USER, "--", *cmd] if is_root() else cmd


def run_server_tool(cmd: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run a server binary as the right user, capturing its output."""
    # cwd is the temp dir because the postgres user may not be allowed into ours.
    return subprocess.run(as_server_user(cmd), cwd=cwd, check=False, capture_output=True, text=True)


def init_cluster(bindir: Path, tmp: Path, datadir: Path) -> None:
    """Create the cluster, falling back to --no-locale if C.UTF-8 is unavailable."""
    base = [str(bindir / "initdb"), "-D", str(datadir), "--auth=trust", "-U", PG_USER]
    result = run_server_tool([*base, "--encoding=UTF8", "--locale=C.UTF-8"], tmp)
    if result.returncode != 0:
        shutil.rmtree(datadir, ignore_errors=True)
        result = run_server_tool([*base, "--encoding=UTF8", "--no-locale"], tmp)
    if result.returncode != 0:
        raise SetupError(f"initdb failed:\n{result.stdout}{result.stderr}")


def start_cluster(bindir: Path, tmp: Path, datadir: Path, port: int, given: list[str]) -> None:
    """Start the server on 127.0.0.1:port with the settings given, and wait until it accepts
    connections."""
    settings = [*SETTINGS, "listen_addresses=127.0.0.1", *given]
    # pg_ctl hands -o to a shell, so the settings and the socket directory must be quoted.
    options = " ".join(f"-c {shlex.quote(s)}" for s in settings)
    options += f" -p {port} -k {shlex.quote(str(tmp))}"
    logfile = tmp / "server.log"
    cmd = [str(bindir / "pg_ctl"), "-D", str(datadir), "-l", str(logfile), "-w", "-o", options]
    result = run_server_tool([*cmd, "start"], tmp)
    if result.returncode != 0:
        server_log = logfile.read_text(errors="replace") if logfile.exists() else ""
        raise SetupError(f"pg_ctl start failed:\n{result.stdout}{result.stderr}{server_log}")


def create_database(bindir: Path, port: int, name: str = DB_NAME) -> None:
    """Create a database over TCP."""
    cmd = [str(bindir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", PG_USER, name]
    result = subprocess.run(cmd, check=False, capture_output=True, text=True)
    if result.returncode != 0:
        raise SetupError(f"createdb failed:\n{result.stdout}{result.stderr}")


def server_version(bindir: Path) -> str:
    """Return the server version, e.g. '15.4', from `postgres --version`."""
    cmd = [str(bindir / "postgres"), "--version"]
    result = subprocess.run(cmd, check=False, capture_output=True, text=True)
    match = re.search(r"\(PostgreSQL\) (\S+)", result.stdout)
    return match.group(1) if match else "(unknown version)"


def stop_cluster(bindir: Path, tmp: Path, datadir: Path) -> None:
    """Stop the server if it was started at all."""
    if (datadir / "postmaster.pid").exists():
        cmd = [str(bindir / "pg_ctl"), "-D", str(datadir), "-w", "-m", "fast", "stop"]
        run_server_tool(cmd, tmp)
        log("PostgreSQL stopped")


def database_url(port: int, name: str) -> str:
    return f"postgres://{PG_USER}@127.0.0.1:{port}/{name}"


def run_command(argv: list[str], port: int, replica: bool) -> int:
    """Run the user's command with DATABASE_URL set and return a shell-style exit code."""
    env = {**os.environ, "DATABASE_URL": database_url(port, DB_NAME)}
    if replica:
        env["REPLICA_DATABASE_URL"] = database_url(port, REPLICA_DB_NAME)
    try:
        proc = subprocess.Popen(argv, env=env)
    except OSError as exc:
        log(f"cannot run {argv[0]}: {exc}")
        return 127
    try:
        code = proc.wait()
    except BaseException:
        # Give the command a chance to shut down cleanly before we pull the database away.
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        raise
    return 128 - code if code < 0 else code


def raise_on_sigterm(signum: int, frame: FrameType | None) -> None:
    """Turn SIGTERM into SystemExit so the finally blocks run."""
    raise SystemExit(128 + signum)


def with_postgres(argv: list[str], replica: bool = False, settings: list[str] = ()) -> int:
    """Provide a throwaway cluster for the duration of argv and return its exit code."""
    bindir = ensure_bindir()
    tmp = Path(tempfile.mkdtemp(prefix="with_postgres-"))
    datadir = tmp / "data"
    try:
        if is_root():
            shutil.chown(tmp, user=PG_USER)
        port = free_port()
        try:
            init_cluster(bindir, tmp, datadir)
            start_cluster(bindir, tmp, datadir, port, list(settings))
            create_database(bindir, port)
            if replica:
                create_database(bindir, port, REPLICA_DB_NAME)
            log(f"PostgreSQL {server_version(bindir)} on 127.0.0.1:{port}")
            return run_command(argv, port, replica)
        finally:
            stop_cluster(bindir, tmp, datadir)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def parsed(args: list[str]) -> tuple[bool, list[str], list[str]] | None:
    """(whether --replica was given, the -c settings, the command), or None if malformed."""
    replica, settings = False, []
    while args[:1] == ["--replica"] or args[:1] == ["-c"]:
        if args[0] == "--replica":
            replica, args = True, args[1:]
        elif len(args) > 1 and "=" in args[1]:
            settings, args = [*settings, args[1]], args[2:]
        else:
            return None
    return (replica, settings, args) if args else None


def main() -> int:
    """Entry point: parse argv, run, and map failures to exit codes."""
    given = parsed(sys.argv[1:])
    if given is None:
        usage = f"usage: {sys.argv[0]} [--replica] [-c NAME=VALUE]... CMD [ARGS...]"
        print(usage, file=sys.stderr)
        return 2
    replica, settings, argv = given
    signal.signal(signal.SIGTERM, raise_on_sigterm)
    try:
        return with_postgres(argv, replica, settings)
    except SetupError as exc:
        log(f"error: {exc}")
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
