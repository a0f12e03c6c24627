"""The text the commands print for records: outlets, snapshots, findings, cache statistics, alignments.

Pure functions from library objects to strings (or JSON-ready dicts); the commands print them.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from provenance.model import Bead, Finding, Outlet, Sentence, Snapshot


def sources_table(outlets: Sequence[Outlet]) -> str:
    """One line per outlet: id, name, language, country, domains, in aligned columns under a header."""
    rows = [(o.id, o.name, o.language, o.country or "-", ", ".join(o.domains) or "-") for o in outlets]
    header = ("ID", "NAME", "LANG", "COUNTRY", "DOMAINS")
    widths = [max(len(r[i]) for r in (header, *rows)) for i in range(4)]
    return "\n".join(
        "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:4])) + "  " + row[4] for row in (header, *rows)
    )


def outlet_details(outlet: Outlet) -> str:
    """Every field of one outlet, one per line."""
    return "\n".join(
        f"{label + ':':17} {value}"
        for label, value in (
            ("id", outlet.id),
            ("name", outlet.name),
            ("language", outlet.language),
            ("country", outlet.country or "-"),
            ("kind", outlet.kind),
            ("aliases", ", ".join(outlet.aliases) or "-"),
            ("domains", ", ".join(outlet.domains) or "-"),
            ("paywall markers", ", ".join(outlet.paywall_markers) or "-"),
            ("xpath hints", ", ".join(outlet.xpath) or "-"),
        )
    )


def snapshot_record(snap: Snapshot, warc_out: Path | None) -> str:
    """Where an original came from (the provenance record), one field per line."""
    archive_text = snap.archive + (f" @ {snap.archive_timestamp}" if snap.archive_timestamp else "")
    lines = [
        ("source", snap.source),
        ("url", snap.url or "-"),
        ("final url", snap.final_url or "-"),
        ("archive", archive_text),
        ("archive url", snap.archive_url or "-"),
        ("sha256", snap.sha256),
        ("fetched at", snap.fetched_at + ("  (from the snapshot store)" if snap.from_store else "")),
        ("status", str(snap.status) if snap.status is not None else "-"),
        ("bytes", f"{len(snap.body):,}"),
        ("content type", snap.content_type or "-"),
        ("encoding", snap.encoding or "-"),
        ("partial", f"yes: {snap.partial_reason}" if snap.partial else "no"),
    ]
    if warc_out is not None:
        lines.append(("warc", str(warc_out)))
    return "\n".join(f"{k + ':':<13} {v}" for k, v in lines)


def finding_header(f: Finding) -> str:
    """A finding's kind, severity, detector and both texts (as reprs); its explanation is printed after it."""
    kind = f.kind.value + (f"/{f.subtype.value}" if f.subtype else "")
    lines = [f"[{f.severity.value}] {kind}  (confidence {f.confidence:.2f}, detector {f.detector})"]
    if f.derivative is not None:
        lines.append(f"  passage:  {f.derivative.text!r}" + (f" at {f.derivative.span.to_json()}"
                                                            if f.derivative.span else ""))
    if f.original is not None:
        lines.append(f"  original: {f.original.text!r}" + (f" at {f.original.span.to_json()}"
                                                           if f.original.span else ""))
    return "\n".join(lines)


def verdict_line(verdict: str, count: int) -> str:
    return f"verdict: {verdict} ({count} finding{'s' if count != 1 else ''})"


def cache_stats_text(stats: dict[str, Any]) -> str:
    """Row counts per table group and the database size."""
    lines = [f"database: {stats['database']}" + ("" if stats["exists"] else " (not created yet)"),
             f"size: {stats['bytes'] / 1024:.1f} KiB"]
    lines += [f"{group}: {count}" for group, count in stats["groups"].items()]
    lines += [f"  translations by {p}: {count}" for p, count in stats.get("translations_by_provider", {}).items()]
    return "\n".join(lines)


def cleared_text(deleted: dict[str, int], before: dict[str, Any], after: dict[str, Any]) -> str:
    return (
        "deleted "
        + ", ".join(f"{n} {g}" for g, n in deleted.items())
        + f"; database now {after['bytes'] / 1024:.1f} KiB (was {before['bytes'] / 1024:.1f} KiB)"
    )


def alignment_record(
    version: str, embedder: str, source: Sequence[Sentence], target: Sequence[Sentence], beads: Sequence[Bead]
) -> dict[str, Any]:
    """``align --format json``: both sides' sentences and the beads (SRC ids first)."""
    return {
        "align": version,
        "embed": embedder,
        "source": [s.to_json() for s in source],
        "target": [s.to_json() for s in target],
        "beads": [
            {"source": list(b.original), "target": list(b.derivative), "score": round(b.score, 4)} for b in beads
        ],
    }
