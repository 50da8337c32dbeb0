"""The load generator: wrk, in its own process, on loopback, for a bounded time."""

import json
import os
import shutil
import subprocess
from dataclasses import asdict, dataclass
from pathlib import Path

REPORT_SCRIPT = Path(__file__).resolve().parent / "wrk_report.lua"
# What a browser sends: WhiteNoise then answers static files with their compressed copy.
HEADERS = ["Accept-Encoding: gzip, deflate, br", "Accept: text/html,*/*;q=0.8"]


def ensure_wrk() -> str:
    """The path of wrk, installing Debian's package when we are root and it is missing."""
    found = shutil.which("wrk")
    if found:
        return found
    apt = shutil.which("apt-get")
    if apt and os.geteuid() == 0:
        print("wrk is missing: installing it with apt-get (Debian package 'wrk')")
        subprocess.run([apt, "update", "-qq"], check=False)  # noqa: S603
        subprocess.run([apt, "install", "-y", "-qq", "wrk"], check=False)  # noqa: S603
        found = shutil.which("wrk")
        if found:
            return found
    raise SystemExit(
        "The benchmark needs wrk (https://github.com/wg/wrk). Install it with "
        "`sudo apt-get install wrk` (Debian/Ubuntu) or `brew install wrk` (macOS), then rerun."
    )


def wrk_version(wrk: str) -> str:
    result = subprocess.run([wrk, "--version"], capture_output=True, text=True, check=False)  # noqa: S603
    return (result.stdout or result.stderr).splitlines()[0].split(" Copyright")[0].strip()


@dataclass(frozen=True)
class Measurement:
    requests: int
    seconds: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float
    rps: float
    errors: int
    error_kinds: dict[str, int]

    def as_dict(self) -> dict:
        return asdict(self)


def run_wrk(wrk: str, url: str, *, concurrency: int, seconds: float) -> Measurement:
    """Keep `concurrency` connections busy on `url` for `seconds`, then report."""
    command = [
        wrk,
        f"--threads={min(concurrency, 2)}",  # one per core at most: the server needs the rest
        f"--connections={concurrency}",
        f"--duration={max(1, round(seconds))}s",
        "--timeout=10s",
        f"--script={REPORT_SCRIPT}",
    ]
    for header in HEADERS:
        command += ["--header", header]
    result = subprocess.run(  # noqa: S603 -- wrk with our own arguments
        [*command, url], capture_output=True, text=True, check=False, timeout=seconds + 60
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("BENCH_JSON ")]
    if result.returncode != 0 or not lines:
        raise SystemExit(f"wrk failed on {url}:\n{result.stdout}\n{result.stderr}")
    report = json.loads(lines[-1].removeprefix("BENCH_JSON "))
    latency = report["latency_us"]
    seconds_run = report["duration_us"] / 1_000_000
    return Measurement(
        requests=report["requests"],
        seconds=round(seconds_run, 2),
        p50_ms=latency["p50"] / 1000,
        p95_ms=latency["p95"] / 1000,
        p99_ms=latency["p99"] / 1000,
        max_ms=latency["max"] / 1000,
        rps=round(report["requests"] / seconds_run, 1) if seconds_run else 0.0,
        errors=sum(report["errors"].values()),
        error_kinds={kind: count for kind, count in report["errors"].items() if count},
    )
