"""`provenance check` on the bundled example: cold and warm cache wall time (target warm < 3 s).

Runs the real console script in a subprocess, as a user would, with a fresh cache directory:
the first run fills the cache (snapshot, translations, embeddings), the next runs are warm.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import ROOT, table, write_section

EXAMPLE = ROOT / "examples"
RUNS = 5


def _run(cache: Path) -> tuple[float, int]:
    cmd = [
        sys.executable,
        "-m",
        "provenance.cli",
        "--no-progress",
        "--cache-dir",
        str(cache),
        "--sources",
        str(EXAMPLE / "outlets"),
        "check",
        str(EXAMPLE / "article.md"),
        "--original",
        str(EXAMPLE / "original.html"),
        "--memory",
        str(EXAMPLE / "memory.tsv"),
        "--format",
        "json",
    ]
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "PYTHONWARNINGS": "ignore"})
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"check failed ({proc.returncode}): {proc.stderr.strip()}")
    return elapsed, proc.returncode


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp) / "cache"
        cold, code = _run(cache)
        warm = [_run(cache)[0] for _ in range(RUNS)]
    med = statistics.median(warm)
    body = "\n".join(
        [
            "## `provenance check` on the bundled example",
            "",
            "Whole command in a subprocess (interpreter start-up included), translation memory as translator.",
            "",
            table(
                ["run", "seconds", "target"],
                [
                    ["cold cache (first run)", round(cold, 2), "-"],
                    [f"warm cache, median of {RUNS}", round(med, 2), "< 3 s"],
                    ["warm cache, slowest", round(max(warm), 2), "-"],
                ],
            ),
            "",
            f"Gate exit code: {code} (the example has findings on purpose).",
        ]
    )
    write_section("check_speed", body)
    print(body)


if __name__ == "__main__":
    main()
