"""The benchmark's side of production: its environment, its databases and its gunicorn.

Everything here runs as a subprocess of bench/run.py with a production-like environment, so the
orchestrating process never loads Django itself.
"""

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"


def production_env(*, database_url: str, static_root: Path) -> dict[str, str]:
    """Production's variables (README.md), except plain HTTP: the load is on loopback."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_HTTPS="false",
        DJANGO_ALLOWED_HOSTS=HOST,
        DATABASE_URL=database_url,
        DJANGO_STATIC_ROOT=str(static_root),
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    )
    return env


def manage(env: dict[str, str], *args: str) -> str:
    """Run manage.py and return what it printed; stop the benchmark if it fails."""
    result = subprocess.run(  # noqa: S603 -- our own interpreter and arguments
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"manage.py {' '.join(args)} failed (exit {result.returncode}).")
    return result.stdout.strip()


def database_named(url: str, name: str) -> str:
    """The same server and credentials as `url`, another database."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def database_name(url: str) -> str:
    return urlsplit(url).path.lstrip("/")


def _connect(url: str, **kwargs) -> psycopg.Connection:
    # psycopg reads postgres:// URLs itself; dj-database-url's postgresql:// spelling too.
    return psycopg.connect(url.replace("postgresql://", "postgres://", 1), **kwargs)


def ensure_database(url: str) -> bool:
    """Create the database if it does not exist; True when it was created."""
    name = database_name(url)
    with _connect(database_named(url, "postgres"), autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return not exists


def prepare_database(*, url: str, members: int, static_root: Path, log) -> None:
    """Migrate, create the cache table, seed `members` demo members, refresh the statistics."""
    if ensure_database(url):
        log(f"created database {database_name(url)}")
    env = production_env(database_url=url, static_root=static_root)
    manage(env, "migrate", "--noinput")
    manage(env, "createcachetable")
    started = time.perf_counter()
    log(f"seeding {members:,} members into {database_name(url)} (only missing ones are added)")
    log("  " + manage(env, "seed_demo", "--members", str(members), "--allow-production"))
    # Production runs autovacuum, which analyses a table after a bulk load; this server may have
    # it off (the development one does), and a planner without statistics picks plans that are
    # orders of magnitude slower. So analyse explicitly, as a DBA would after a bulk load.
    with _connect(url, autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE")
    log(f"  database ready in {time.perf_counter() - started:.0f}s")


def collect_static(static_root: Path) -> None:
    """collectstatic into a throwaway STATIC_ROOT: hashed, compressed files for WhiteNoise."""
    env = production_env(database_url="sqlite://:memory:", static_root=static_root)
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")


def postgres_version(url: str) -> str:
    with _connect(url) as connection:
        return connection.execute("SHOW server_version").fetchone()[0]


def member_count(url: str) -> int:
    with _connect(url) as connection:
        return connection.execute("SELECT count(*) FROM people_profile").fetchone()[0]


def probe(env: dict[str, str], *args: str) -> dict:
    """Run bench/probe.py in-process against the database (see its docstring)."""
    result = subprocess.run(  # noqa: S603 -- our own interpreter and arguments
        [sys.executable, "-m", "bench.probe", *args],
        cwd=ROOT,
        env=env | {"DJANGO_LOG_LEVEL": "ERROR"},
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"bench.probe {args[0]} failed (exit {result.returncode}).")
    return json.loads(result.stdout.strip().splitlines()[-1])


@dataclass(frozen=True)
class Gunicorn:
    workers: int
    worker_class: str = "sync"

    def command(self, port: int) -> list[str]:
        return [
            sys.executable,
            "-m",
            "gunicorn",
            "sociodir.wsgi:application",
            "--bind",
            f"{HOST}:{port}",
            "--workers",
            str(self.workers),
            "--worker-class",
            self.worker_class,
            "--chdir",
            str(ROOT),
            "--log-level",
            "warning",
            "--timeout",
            "30",
        ]


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe_socket:
        probe_socket.bind((HOST, 0))
        return probe_socket.getsockname()[1]


def _wait_until_up(base_url: str, process: subprocess.Popen, log_path: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            with urllib.request.urlopen(f"{base_url}/healthz", timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    sys.stderr.write(log_path.read_text(errors="replace")[-4000:])
    raise SystemExit("gunicorn did not answer /healthz within 30 s (its log is above).")


@contextmanager
def serving(gunicorn: Gunicorn, env: dict[str, str], log) -> Iterator[str]:
    """Start gunicorn on a free loopback port, yield its base URL, stop it afterwards."""
    port = _free_port()
    log_dir = Path(tempfile.mkdtemp(prefix="sociodir-bench-gunicorn-"))
    log_path = log_dir / "gunicorn.log"
    with log_path.open("w") as log_file:
        process = subprocess.Popen(  # noqa: S603 -- our own interpreter and arguments
            gunicorn.command(port), cwd=ROOT, env=env, stdout=log_file, stderr=log_file
        )
    base_url = f"http://{HOST}:{port}"
    try:
        _wait_until_up(base_url, process, log_path)
        log(f"gunicorn up at {base_url} ({gunicorn.workers} {gunicorn.worker_class} workers)")
        yield base_url
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        errors = [
            line
            for line in log_path.read_text(errors="replace").splitlines()
            if "[ERROR]" in line or "Traceback" in line
        ]
        if errors:
            log(f"gunicorn logged {len(errors)} error lines, e.g.: {errors[0]}")
        shutil.rmtree(log_dir, ignore_errors=True)


def fetch_status(url: str) -> int:
    """One plain GET, to check a scenario's URL answers before loading it."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
