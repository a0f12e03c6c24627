"""Write the per-language summary of the built-in outlet registry into docs/outlets.md.

Run after adding or removing files in sources/: ``.venv/bin/python scripts/outlet_summary.py``
(``--check`` exits 1 when the page is out of date instead of writing it). The table sits between
the ``BEGIN summary`` and ``END summary`` comments of the page; tests/test_registry_data.py fails
when it no longer matches the files.
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from provenance.model import Outlet
from provenance.sources import KINDS, parse_outlet

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"
DOC = ROOT / "docs" / "outlets.md"
SECTION = re.compile(r"(<!-- BEGIN summary -->\n).*?(<!-- END summary -->)", re.S)


def outlets(folder: Path = SOURCES) -> list[Outlet]:
    return [parse_outlet(str(p), p.read_text(encoding="utf-8"))[0] for p in sorted(folder.glob("*.toml"))]


def summary(found: list[Outlet]) -> str:
    """A Markdown table: per language, how many outlets of each kind and from which countries."""
    by_language: dict[str, list[Outlet]] = defaultdict(list)
    for outlet in found:
        by_language[outlet.language].append(outlet)
    kinds = [k for k in KINDS if any(o.kind == k for o in found)]
    lines = [
        f"{len(found)} outlets in {len(by_language)} languages "
        f"({', '.join(f'{n} {k}' for k, n in Counter(o.kind for o in found).most_common())}).",
        "",
        "| language | outlets | " + " | ".join(kinds) + " | countries |",
        "|---|---:|" + "---:|" * len(kinds) + "---|",
    ]
    order = sorted(by_language, key=lambda lang: (-len(by_language[lang]), lang))
    for lang in order:
        group = by_language[lang]
        counts = Counter(o.kind for o in group)
        countries = " ".join(sorted({o.country or "-" for o in group}))
        cells = " | ".join(str(counts.get(k, 0) or "") for k in kinds)
        lines.append(f"| {lang} | {len(group)} | {cells} | {countries} |")
    return "\n".join(lines) + "\n"


def render(page: str, table: str) -> str:
    if not SECTION.search(page):
        raise SystemExit(f"{DOC}: no '<!-- BEGIN summary -->' ... '<!-- END summary -->' section")
    return SECTION.sub(lambda m: m.group(1) + table + m.group(2), page)


def main(argv: list[str]) -> int:
    page = DOC.read_text(encoding="utf-8")
    updated = render(page, summary(outlets()))
    if "--check" in argv:
        if updated != page:
            print(f"{DOC} is out of date: run python scripts/outlet_summary.py", file=sys.stderr)
            return 1
        return 0
    DOC.write_text(updated, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
