"""The benchmark: `make bench` (bench/run.py). A command, not a test; see docs/performance.md."""
