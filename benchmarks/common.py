"""Helpers shared by the benchmark scripts.

Each script scores one capability on ``../shared/data`` and replaces its own section of
``docs/benchmarks.md`` (between ``<!-- BEGIN name -->`` and ``<!-- END name -->``), so the
scripts can run in any order and the file always holds the latest run of each.
"""

from __future__ import annotations

import os
import platform
import re
import sqlite3
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("PROVENANCE_DATA", ROOT.parent / "shared" / "data"))
DOC = ROOT / "docs" / "benchmarks.md"

_HEADER = """# Benchmarks

Scored on the evaluation data in `../shared/data` (never copied into the repository). Each section
is written by the script named in it; rerun everything with `make benchmarks`, or one script with
`python -m benchmarks.NAME`. Numbers are from the machine named in each section (2 cores).
"""


def data_path(*parts: str) -> Path:
    path = DATA.joinpath(*parts)
    if not path.exists():
        sys.exit(f"benchmark data not found: {path}")
    return path


def embedded_texts(cache: Path) -> int:
    """Rows in the embedding cache of the cache dir ``cache``: every text the model has embedded for it."""
    db = cache / "provenance.sqlite3"
    if not db.exists():
        return 0
    with sqlite3.connect(db) as conn:
        try:
            return int(conn.execute("SELECT COUNT(*) FROM embeddings").fetchone()[0])
        except sqlite3.OperationalError:
            return 0


def machine() -> str:
    impl = f"{platform.python_implementation()} {platform.python_version()}"
    return f"{impl}, {platform.machine()}, {os.cpu_count()} cores"


def write_section(name: str, body: str, script: str | None = None) -> None:
    """Replace (or append) the section ``name`` of docs/benchmarks.md (written by ``benchmarks/<script>.py``,
    by default the script named like the section)."""
    DOC.parent.mkdir(parents=True, exist_ok=True)
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else _HEADER
    stamp = time.strftime("%Y-%m-%d", time.gmtime())
    footer = f"_Run {stamp} on {machine()} by `benchmarks/{script or name}.py`._"
    block = f"<!-- BEGIN {name} -->\n{body.rstrip()}\n\n{footer}\n<!-- END {name} -->"
    pattern = re.compile(rf"<!-- BEGIN {re.escape(name)} -->.*?<!-- END {re.escape(name)} -->", re.S)
    text = pattern.sub(lambda _m: block, text) if pattern.search(text) else text.rstrip() + "\n\n" + block + "\n"
    tmp = DOC.with_suffix(".md.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(DOC)


def table(header: list[str], rows: list[list[object]]) -> str:
    def fmt(v: object) -> str:
        return f"{v:.3f}" if isinstance(v, float) else str(v)

    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(fmt(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)
