"""Discovery results as a plain-text table (the CLI prints it; the library only builds the string)."""

from __future__ import annotations

from collections.abc import Sequence

from .model import Candidate, Discovery


def _row(mark: str, cand: Candidate, width: int) -> str:
    published = cand.published.isoformat() if cand.published else "-"
    coverage = f"{cand.coverage:.2f}" if cand.coverage is not None else "  - "
    title = (cand.title or "").replace("\n", " ")
    line = f"  {mark} {cand.score:5.2f}  cov {coverage}  {published:10}  {cand.url}"
    if title:
        line += f"  {title[: max(20, width - len(line) - 4)]}"
    if cand.note:
        line += f"  ({cand.note})"
    return line


def format_discoveries(results: Sequence[tuple[str, Discovery]], *, width: int = 120) -> str:
    """One block per passage: the chosen original (or "not found") and the runner-ups."""
    if not results:
        return "no passage to look for: none is credited to a known outlet without linking its original"
    blocks = []
    for passage_id, found in results:
        window = f"{found.window[0]} .. {found.window[1]}" if found.window else "any date"
        verdict = "found" if found.original else "not found"
        head = (
            f"{passage_id}  {found.outlet_id}  {verdict}  confidence {found.confidence:.2f}  "
            f"({found.candidates_seen} candidates, {window})"
        )
        lines = [head]
        if found.original is not None:
            lines.append(_row("*", found.original, width))
        lines += [_row(" ", c, width) for c in found.runner_ups]
        lines += [f"  note: {n}" for n in found.notes]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)
