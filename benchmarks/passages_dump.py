"""Dump the ``passages`` JSON of every article we have, to prove a refactoring of the finder changes nothing.

The articles are every fixture under ``tests/fixtures/passages`` (all splits), the end-to-end articles, the
example article (with its own outlet directory) and the shared seed. ``dump DIR`` writes one JSON file mapping
each article's path to its passages; ``diff FILE`` runs again and lists the articles whose passages differ.

Run: ``python -m benchmarks.passages_dump dump OUT.json`` then ``python -m benchmarks.passages_dump diff OUT.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from benchmarks.common import ROOT

ARTICLE_SUFFIXES = (".txt", ".md", ".html")


def articles() -> Iterator[tuple[Path, tuple[Path, ...]]]:
    """Each article with the extra outlet directories its registry needs."""
    fixtures = ROOT / "tests" / "fixtures"
    for path in sorted((fixtures / "passages").rglob("*")):
        if path.suffix in ARTICLE_SUFFIXES and path.is_file() and path.name != "README.md":
            yield path, ()
    yield from ((p, ()) for p in sorted((fixtures / "end_to_end").rglob("article.md")))
    yield ROOT / "examples" / "article.md", (ROOT / "examples" / "outlets",)
    yield from ((p, ()) for p in sorted((ROOT.parent / "shared" / "seed").glob("*.txt")))


def dump() -> dict[str, Any]:
    from provenance.attribution import find_passages
    from provenance.documents import read_document
    from provenance.sources import load_registry

    out: dict[str, Any] = {}
    for path, extra in articles():
        found = find_passages(read_document(path), load_registry(extra))
        key = str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else path.name
        out[key] = [p.to_json() for p in found]
    return out


def differences(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    lines = []
    for key in sorted(set(before) | set(after)):
        if before.get(key) != after.get(key):
            lines.append(key)
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Dump or compare the passages of every article we have.")
    parser.add_argument("mode", choices=("dump", "diff"))
    parser.add_argument("file", type=Path)
    args = parser.parse_args(argv)
    current = dump()
    if args.mode == "dump":
        args.file.write_text(json.dumps(current, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"{len(current)} articles, {sum(len(v) for v in current.values())} passages -> {args.file}")
        return 0
    baseline = json.loads(args.file.read_text(encoding="utf-8"))
    changed = differences(baseline, current)
    for key in changed:
        print(f"differs: {key}")
    print(f"{len(current)} articles, {len(changed)} differ")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
