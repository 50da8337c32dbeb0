"""The benchmark's results: the table, the targets (PASS/MISS with the margin), the JSON file
under bench/results/ and the block of docs/performance.md between its two markers."""

import json
import os
import platform
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS_DIR = ROOT / "bench" / "results"
DOC = ROOT / "docs" / "performance.md"
BEGIN = "<!-- bench:results:begin (bench/run.py rewrites this block) -->"
END = "<!-- bench:results:end -->"

# (key, label): the four directory classes first; their targets are the issue's.
SCENARIOS = [
    ("directory", "Directory, unfiltered"),
    ("filtered", "Directory, role + country + language"),
    ("search-rare", "Search, a rare name"),
    ("search-common", "Search, a word in most bios"),
    ("profile", "Profile page"),
    ("verify", "Verify page"),
    ("floor", "Floor: directory template, 24 in-memory rows"),
    ("trivial", "Trivial view"),
    ("static", "Static file (WhiteNoise)"),
]
DIRECTORY = ["directory", "filtered", "search-rare", "search-common"]
LABELS = dict(SCENARIOS)

P95_LIMIT_MS = 25.0
FLOOR_RATIO = 4.0
GROWTH_RATIO = 1.5
MIN_RPS = 300.0
MAX_QUERIES = 8


@dataclass(frozen=True)
class Check:
    target: str
    subject: str
    passed: bool
    detail: str

    def as_dict(self) -> dict:
        return {
            "target": self.target,
            "subject": self.subject,
            "passed": self.passed,
            "detail": self.detail,
        }


def _at_most(value: float, limit: float, unit: str, digits: int = 1) -> tuple[bool, str]:
    shown = f"{value:.{digits}f}{unit}"
    if value <= limit:
        return True, f"{shown} ≤ {limit:g}{unit} ({limit - value:.{digits}f}{unit} to spare)"
    over = value - limit
    return False, (
        f"{shown} > {limit:g}{unit}: over by {over:.{digits}f}{unit} ({over / limit:.0%})"
    )


def _at_least(value: float, limit: float, unit: str) -> tuple[bool, str]:
    if value >= limit:
        return True, f"{value:.0f}{unit} ≥ {limit:g}{unit} ({value - limit:.0f}{unit} to spare)"
    short = limit - value
    return False, (
        f"{value:.0f}{unit} < {limit:g}{unit}: short by {short:.0f}{unit} ({short / limit:.0%})"
    )


def _find(runs: list[dict], scenario: str, concurrency: int, members: int) -> dict | None:
    for run in runs:
        if (run["scenario"], run["concurrency"], run["members"]) == (
            scenario,
            concurrency,
            members,
        ):
            return run
    return None


def evaluate(runs: list[dict], *, members: int, small_members: int | None) -> list[Check]:
    """The issue's targets, each directory class on its own."""
    checks: list[Check] = []

    def add(target: str, subject: str, verdict: tuple[bool, str]) -> None:
        checks.append(Check(target, subject, *verdict))

    floor = _find(runs, "floor", 1, members)
    for scenario in DIRECTORY:
        run = _find(runs, scenario, 1, members)
        if run is None:
            continue
        add("p95 ≤ 25 ms at concurrency 1", scenario, _at_most(run["p95_ms"], P95_LIMIT_MS, " ms"))
        if floor:
            ratio = run["p50_ms"] / floor["p50_ms"]
            passed, text = _at_most(ratio, FLOOR_RATIO, "x", digits=2)
            add(
                "p50 ≤ 4 x the floor page's p50",
                scenario,
                (passed, f"{run['p50_ms']:.1f} ms / {floor['p50_ms']:.1f} ms = {text}"),
            )
        small = _find(runs, scenario, 1, small_members) if small_members else None
        if small:
            ratio = run["p95_ms"] / small["p95_ms"]
            passed, text = _at_most(ratio, GROWTH_RATIO, "x", digits=2)
            add(
                f"p95 at {members:,} ÷ p95 at {small_members:,} ≤ 1.5",
                scenario,
                (passed, f"{run['p95_ms']:.1f} ms / {small['p95_ms']:.1f} ms = {text}"),
            )
        busy = _find(runs, scenario, 8, members)
        if busy:
            add(
                "≥ 300 requests/s at concurrency 8", scenario, _at_least(busy["rps"], MIN_RPS, "/s")
            )
    pages = {}
    for run in runs:
        if run["scenario"] not in ("static", "trivial") and run["queries"] is not None:
            pages[(run["scenario"], run["members"])] = run["queries"]
    for (scenario, scale), queries in pages.items():
        verdict = _at_most(queries, MAX_QUERIES, "", digits=0)
        add("≤ 8 SQL queries per page", f"{scenario} @ {scale:,}", verdict)
    for run in runs:
        if run["errors"]:
            kinds = ", ".join(f"{kind} {count}" for kind, count in run["error_kinds"].items())
            add(
                "zero errors",
                f"{run['scenario']} c{run['concurrency']} @ {run['members']:,}",
                (False, f"{run['errors']} errors ({kinds})"),
            )
    if not any(check.target == "zero errors" for check in checks):
        total = sum(run["requests"] for run in runs)
        add("zero errors", "every run", (True, f"0 errors in {total:,} requests"))
    return checks


def table(runs: list[dict]) -> list[list[str]]:
    header = [
        "members",
        "scenario",
        "c",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "req/s",
        "errors",
        "queries",
    ]
    rows = [header]
    for run in runs:
        rows.append(
            [
                f"{run['members']:,}",
                run["scenario"],
                str(run["concurrency"]),
                f"{run['p50_ms']:.1f}",
                f"{run['p95_ms']:.1f}",
                f"{run['p99_ms']:.1f}",
                f"{run['rps']:.0f}",
                str(run["errors"]),
                "-" if run["queries"] is None else str(run["queries"]),
            ]
        )
    return rows


def as_text(rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for number, row in enumerate(rows):
        cells = [
            cell.ljust(width) if index in (1,) else cell.rjust(width)
            for index, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells))
        if number == 0:
            lines.append("  ".join("-" * width for width in widths))
    return "\n".join(lines)


def as_markdown(rows: list[list[str]]) -> str:
    align = ["---:", ":---"] + ["---:"] * (len(rows[0]) - 2)
    lines = ["| " + " | ".join(rows[0]) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
    return "\n".join(lines)


def cost_table(pages: list[dict]) -> list[list[str]]:
    header = ["members", "scenario", "in-process ms", "Python CPU ms", "SQL ms", "queries"]
    rows = [header]
    for page in pages:
        rows.append(
            [
                f"{page['members']:,}",
                page["scenario"],
                f"{page['in_process_ms']:.1f}",
                f"{page['python_cpu_ms']:.1f}",
                f"{page['sql_ms']:.1f}",
                str(page["queries"]),
            ]
        )
    return rows


def checks_text(checks: list[Check]) -> str:
    return "\n".join(
        f"{'PASS' if check.passed else 'MISS'}  {check.target}  [{check.subject}]  {check.detail}"
        for check in checks
    )


def machine(postgres: str, wrk: str) -> dict:
    memory_kib = 0
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            memory_kib = int(line.split()[1])
    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    return {
        "nproc": os.cpu_count(),
        "memory_gib": round(memory_kib / 1024 / 1024, 1),
        "cpu": cpu,
        "postgresql": postgres,
        "python": platform.python_version(),
        "wrk": wrk,
        "kernel": platform.release(),
    }


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def write_json(result: dict) -> Path:
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    path = RESULTS_DIR / f"bench-{result['stamp']}.json"
    text = json.dumps(result, indent=2, ensure_ascii=False)
    path.write_text(text + "\n")
    (RESULTS_DIR / "latest.json").write_text(text + "\n")
    return path


def markdown_block(result: dict, checks: list[Check]) -> str:
    m = result["machine"]
    s = result["settings"]
    urls = result["urls"]
    passed = sum(check.passed for check in checks)
    lines = [
        BEGIN,
        f"**Latest run:** {result['started']} UTC, {result['elapsed_s']:.0f} s in all "
        f"(`{result['command']}`).",
        "",
        f"**Machine:** {m['nproc']} cores ({m['cpu']}), {m['memory_gib']} GiB memory, "
        f"PostgreSQL {m['postgresql']}, Python {m['python']}, {m['wrk']}, Linux {m['kernel']}. "
        f"Load average {result['load_before']} before the run and {result['load_after']} after "
        "it (other work on the machine shares the 2 cores).",
        "",
        f"**Server:** gunicorn, {s['workers']} {s['worker_class']} workers, bench.settings "
        f"(production settings, plain HTTP on 127.0.0.1); {s['seconds']:g} s per measurement "
        f"after a {s['warmup']:g} s warm-up; wrk with 1 and 8 connections.",
        "",
        as_markdown(table(result["runs"])),
        "",
        "Each page in-process, one request at a time (Django's test client, median of 10; "
        "Python CPU is the server process's, SQL the time spent waiting for PostgreSQL):",
        "",
        as_markdown(cost_table(result["pages"])),
        "",
        "Scenario URLs: "
        + "; ".join(f"{key} `{url}`" for key, url in urls.items())
        + f". The rare name is {result['rare_name']!r}.",
        "",
        f"**Targets: {passed} of {len(checks)} checks pass.**",
        "",
    ]
    lines += [
        f"- {'PASS' if check.passed else '**MISS**'} {check.target}, {check.subject}: "
        f"{check.detail}"
        for check in checks
    ]
    lines.append(END)
    return "\n".join(lines)


def update_doc(block: str) -> bool:
    """Replace the results block of docs/performance.md; False when the markers are missing."""
    if not DOC.exists():
        return False
    text = DOC.read_text()
    pattern = re.compile(re.escape(BEGIN) + r".*?" + re.escape(END), re.DOTALL)
    if not pattern.search(text):
        return False
    DOC.write_text(pattern.sub(lambda _match: block, text, count=1))
    return True
