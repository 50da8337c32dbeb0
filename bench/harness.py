"""What `make bench` does, in order (docs/performance.md explains why):

1. installs wrk if it is missing (Debian's package; otherwise says how);
2. collects static files into a temporary STATIC_ROOT (hashed, compressed: WhiteNoise);
3. prepares two PostgreSQL databases: migrate, createcachetable, seed_demo with --members
   (100,000 and 1,000 by default; only missing members are added), VACUUM ANALYZE;
4. picks the scenario URLs from the data and counts each page's SQL queries in-process;
5. starts gunicorn with production settings on 127.0.0.1 and drives each scenario with wrk at
   concurrency 1 and 8, for a bounded time each; then does the same for the directory
   scenarios against the 1,000-member database;
6. prints the table and the targets (PASS/MISS with the margin), writes the JSON to
   bench/results/ and the table into docs/performance.md.
"""

import argparse
import datetime
import os
import shlex
import shutil
import tempfile
import time
from pathlib import Path

from bench import report
from bench.load import ensure_wrk, run_wrk, wrk_version
from bench.server import (
    Gunicorn,
    collect_static,
    database_name,
    database_named,
    fetch_status,
    member_count,
    postgres_version,
    prepare_database,
    probe,
    production_env,
    serving,
)

DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/bench"
CONCURRENCY = (1, 8)


def log(message: str) -> None:
    print(f"[bench] {message}", flush=True)


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="bench/run.py",
        description="Load-test the directory with production settings (docs/performance.md).",
    )
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE),
        help="PostgreSQL database to seed and serve (created if missing; default "
        "$BENCH_DATABASE_URL or %(default)s). Never a live site's: demo members are added.",
    )
    parser.add_argument("--members", type=int, default=100_000, help="default %(default)s")
    parser.add_argument(
        "--small-members",
        type=int,
        default=1_000,
        help="the directory scenarios again at this size, to show how cost grows "
        "(0 skips it; default %(default)s)",
    )
    parser.add_argument(
        "--small-database-url",
        help="database for --small-members (default: the first one's name + '_1k')",
    )
    parser.add_argument(
        "--seconds", type=float, default=10, help="per measurement (default %(default)s)"
    )
    parser.add_argument(
        "--warmup", type=float, default=2, help="per scenario, not measured (default %(default)s)"
    )
    parser.add_argument(
        "--workers", type=int, default=4, help="gunicorn workers (default %(default)s)"
    )
    parser.add_argument(
        "--worker-class", default="sync", help="gunicorn worker class (default %(default)s)"
    )
    parser.add_argument(
        "--no-doc", action="store_true", help="do not rewrite docs/performance.md's table"
    )
    parser.add_argument(
        "--strict", action="store_true", help="exit with status 1 when a target is missed"
    )
    args = parser.parse_args(argv)
    if not args.database_url.startswith(("postgres://", "postgresql://")):
        parser.error("--database-url must be a PostgreSQL URL (postgres://...).")
    if args.small_members and not args.small_database_url:
        args.small_database_url = database_named(
            args.database_url, f"{database_name(args.database_url)}_1k"
        )
    return args


def drive(
    wrk: str,
    base_url: str,
    *,
    urls: dict[str, str],
    counted: dict[str, dict],
    members: int,
    seconds: float,
    warmup: float,
) -> list[dict]:
    """Each scenario at each concurrency, one after the other; the runs as rows."""
    runs = []
    for scenario, path in urls.items():
        status = fetch_status(base_url + path)
        if status != 200:
            raise SystemExit(f"{scenario}: {path} answered {status}, not 200; nothing to measure.")
        if warmup:
            run_wrk(wrk, base_url + path, concurrency=max(CONCURRENCY), seconds=warmup)
        for concurrency in CONCURRENCY:
            measured = run_wrk(wrk, base_url + path, concurrency=concurrency, seconds=seconds)
            page = counted[path]
            runs.append(
                {
                    "members": members,
                    "scenario": scenario,
                    "url": path,
                    "concurrency": concurrency,
                    **measured.as_dict(),
                    "queries": page["queries"],
                    "matches": page["matches"],
                }
            )
            row = report.table(runs[-1:])[1]
            log("  " + "  ".join(row))
    return runs


def measure_pages(
    env: dict[str, str], urls: dict[str, str], members: int
) -> tuple[dict[str, dict], list[dict]]:
    """Each page's queries and in-process cost (bench/probe.py), by URL and as rows."""
    counted = probe(env, "count", *urls.values())
    pages = []
    for scenario, path in urls.items():
        page = counted[path]
        if page["status"] != 200:
            raise SystemExit(f"{scenario}: {path} answered {page['status']} in-process.")
        pages.append({"members": members, "scenario": scenario, "url": path, **page})
        log(
            f"  {scenario}: {page['queries']} queries, {page['in_process_ms']:.1f} ms "
            f"({page['python_cpu_ms']:.1f} ms Python CPU, {page['sql_ms']:.1f} ms SQL)"
            + (f", {page['matches']:,} matches" if page["matches"] else "")
        )
    return counted, pages


def main(argv: list[str]) -> int:
    args = parse(argv)
    started = datetime.datetime.now(datetime.UTC)
    clock = time.monotonic()
    scales = 1 + bool(args.small_members)
    estimate = (len(report.SCENARIOS) + 4 * (scales - 1)) * (
        args.warmup + len(CONCURRENCY) * args.seconds
    )
    log(f"load phase about {estimate / 60:.1f} min, plus seeding when the databases are new")
    wrk = ensure_wrk()
    load_before = report.load_average()
    gunicorn = Gunicorn(workers=args.workers, worker_class=args.worker_class)
    static_root = Path(tempfile.mkdtemp(prefix="sociodir-bench-static-"))
    runs: list[dict] = []
    try:
        collect_static(static_root)
        prepare_database(
            url=args.database_url, members=args.members, static_root=static_root, log=log
        )
        if args.small_members:
            prepare_database(
                url=args.small_database_url,
                members=args.small_members,
                static_root=static_root,
                log=log,
            )

        env = production_env(database_url=args.database_url, static_root=static_root)
        picked = probe(env, "pick")
        urls = picked["urls"]
        members = picked["members"]
        if members != args.members:
            log(
                f"note: {database_name(args.database_url)} holds {members:,} members, not "
                f"{args.members:,} (seed_demo only adds)"
            )
        log(f"{members:,} members ({picked['listed']:,} listed); each page in-process:")
        counted, pages = measure_pages(env, urls, members)
        with serving(gunicorn, env, log) as base_url:
            runs += drive(
                wrk,
                base_url,
                urls=urls,
                counted=counted,
                members=members,
                seconds=args.seconds,
                warmup=args.warmup,
            )

        small_members = None
        if args.small_members:
            env = production_env(database_url=args.small_database_url, static_root=static_root)
            small_members = member_count(args.small_database_url)
            small_urls = {scenario: urls[scenario] for scenario in report.DIRECTORY}
            log(f"{small_members:,} members: the directory scenarios again; in-process:")
            small_counted, small_pages = measure_pages(env, small_urls, small_members)
            pages += small_pages
            with serving(gunicorn, env, log) as base_url:
                runs += drive(
                    wrk,
                    base_url,
                    urls=small_urls,
                    counted=small_counted,
                    members=small_members,
                    seconds=args.seconds,
                    warmup=args.warmup,
                )
        postgres = postgres_version(args.database_url)
    finally:
        shutil.rmtree(static_root, ignore_errors=True)

    checks = report.evaluate(runs, members=members, small_members=small_members)
    result = {
        "started": started.strftime("%Y-%m-%d %H:%M"),
        "stamp": started.strftime("%Y%m%d-%H%M%S"),
        "elapsed_s": round(time.monotonic() - clock),
        "command": "make bench" + (f" BENCH_ARGS={shlex.quote(shlex.join(argv))}" if argv else ""),
        "machine": report.machine(postgres, wrk_version(wrk)),
        "load_before": load_before,
        "load_after": report.load_average(),
        "settings": {
            "workers": gunicorn.workers,
            "worker_class": gunicorn.worker_class,
            "seconds": args.seconds,
            "warmup": args.warmup,
            "concurrency": list(CONCURRENCY),
            "database": database_name(args.database_url),
            "small_database": database_name(args.small_database_url)
            if args.small_members
            else None,
        },
        "rare_name": picked["rare_name"],
        "urls": urls,
        "runs": runs,
        "pages": pages,
        "checks": [check.as_dict() for check in checks],
    }
    print()
    print(report.as_text(report.table(runs)))
    print()
    print(report.as_text(report.cost_table(pages)))
    print()
    print(report.checks_text(checks))
    print()
    path = report.write_json(result)
    log(f"results written to {path.relative_to(report.ROOT)}")
    if not args.no_doc:
        if report.update_doc(report.markdown_block(result, checks)):
            log(f"table written to {report.DOC.relative_to(report.ROOT)}")
        else:
            log(f"{report.DOC.relative_to(report.ROOT)} has no results markers: left alone")
    missed = [check for check in checks if not check.passed]
    log(f"{len(checks) - len(missed)} of {len(checks)} checks pass")
    return 1 if args.strict and missed else 0
