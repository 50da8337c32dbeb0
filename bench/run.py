"""`make bench`: the directory's load benchmark (docs/performance.md). A command, not a test.

.venv/bin/python bench/run.py [--help]
"""

import sys
from pathlib import Path

if __name__ == "__main__":
    # Run as a script, Python puts bench/ first on the path; the project root is what we need.
    sys.path[0] = str(Path(__file__).resolve().parent.parent)
    from bench.harness import main

    sys.exit(main(sys.argv[1:]))
