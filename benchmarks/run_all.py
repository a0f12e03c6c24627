"""Run every benchmark script in turn (`make benchmarks`); each rewrites its section of docs/benchmarks.md."""

from __future__ import annotations

import importlib
import pkgutil
import sys
import time
from pathlib import Path

SKIP = {"common", "run_all"}


def main(argv: list[str]) -> int:
    names = argv or sorted(
        m.name for m in pkgutil.iter_modules([str(Path(__file__).parent)]) if m.name not in SKIP
    )
    failed = []
    for name in names:
        print(f"== {name}", flush=True)
        start = time.perf_counter()
        sys.argv = [f"benchmarks/{name}.py"]  # each script parses its own (empty) command line
        try:
            importlib.import_module(f"benchmarks.{name}").main()
        except SystemExit as exc:
            if exc.code not in (None, 0):
                failed.append(name)
                print(f"   {name} stopped: {exc.code}")
        print(f"   {time.perf_counter() - start:.1f} s", flush=True)
    if failed:
        print("failed: " + ", ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
