"""The terminal report: one block per passage, findings with the two sides next to each other."""

from __future__ import annotations

import shutil
import textwrap
import unicodedata
from collections.abc import Callable

import click

from provenance.model import Finding, PassageResult, Report, Severity
from provenance.report.sanitize import neutralise

#: Side-by-side columns need at least this many terminal columns; narrower terminals stack the sides.
TWO_COLUMN_MIN_WIDTH = 100
#: Quoted sides are cut at this many characters (a 200 KB single-line original must not flood a terminal).
MAX_SIDE_CHARS = 600

_BADGE = {
    Severity.CRITICAL: ("[CRITICAL]", {"fg": "red", "bold": True}),
    Severity.MAJOR: ("[MAJOR]", {"fg": "yellow", "bold": True}),
    Severity.MINOR: ("[minor]", {"dim": True}),
}
_STATUS_STYLE = {
    "checked": {"fg": "green"},
    "partial": {"fg": "yellow"},
    "unverified": {"fg": "magenta"},
    "error": {"fg": "red"},
}


def _styler(color: bool) -> Callable[..., str]:
    def style(text: str, **kwargs: object) -> str:
        return click.style(text, **kwargs) if color and kwargs else text  # type: ignore[arg-type]

    return style


def _cell_width(text: str) -> int:
    """Display width: East Asian wide characters take two columns, combining marks none."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


# Every string from an article, a page or a translator reaches the terminal through _clip, _wrap or
# neutralise (never raw): see report/sanitize.py.


def _clip(text: str, limit: int = MAX_SIDE_CHARS) -> str:
    text = " ".join(neutralise(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + f"… [{len(text):,} chars]"


def _wrap(text: str, width: int, *, break_words: bool = True) -> list[str]:
    return textwrap.wrap(neutralise(text), max(width, 10), break_long_words=break_words, break_on_hyphens=False) or [""]


def format_timestamp(ts: str | None) -> str | None:
    """``20250810071522`` -> ``2025-08-10 07:15:22 UTC``; anything else is returned as given."""
    if ts and len(ts) >= 8 and ts[:14].isdigit():
        out = f"{ts[0:4]}-{ts[4:6]}-{ts[6:8]}"
        if len(ts) >= 12:
            out += f" {ts[8:10]}:{ts[10:12]}" + (f":{ts[12:14]}" if len(ts) >= 14 else "")
        return out + " UTC"
    return ts


def finding_label(f: Finding) -> str:
    return f.kind.value + (f"/{f.subtype.value}" if f.subtype else "")


def _sides(f: Finding) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(label, text) pairs for the derivative and the original column."""
    left: list[tuple[str, str]] = []
    right: list[tuple[str, str]] = []
    if f.derivative is not None:
        left.append(("article", _clip(f.derivative.text)))
    else:
        left.append(("article", "(not in the article)"))
    if f.original is not None:
        right.append(("original", _clip(f.original.text)))
        if f.original.translation is not None and f.original.translation != f.original.text:
            who = f" ({neutralise(f.original.translator)})" if f.original.translator else ""
            right.append(("translation" + who, _clip(f.original.translation)))
    else:
        right.append(("original", "(not in the original)"))
    return left, right


def _side_lines(pairs: list[tuple[str, str]], width: int) -> list[tuple[str, bool]]:
    """Wrapped lines, each flagged True when it is a label line."""
    lines: list[tuple[str, bool]] = []
    for label, text in pairs:
        lines.append((label + ":", True))
        lines.extend((line, False) for line in _wrap(text, width))
    return lines


def _render_finding(f: Finding, width: int, style: Callable[..., str]) -> list[str]:
    indent = "    "
    badge, badge_style = _BADGE[f.severity]
    head = f"  {style(badge, **badge_style)} {style(finding_label(f), bold=True)}  {neutralise(f.id or '')}".rstrip()
    head += f"  confidence {f.confidence:.2f}"
    if f.waived:
        head += "  " + style("(waived)", fg="cyan")
    out = [head]
    out += [indent + line for line in _wrap(f.explanation, width - len(indent))]
    if f.waived and f.waiver_reason:
        out += [indent + style(line, fg="cyan") for line in _wrap("waiver: " + f.waiver_reason, width - len(indent))]
    left, right = _sides(f)
    if width >= TWO_COLUMN_MIN_WIDTH:
        col = (width - len(indent) - 3) // 2
        a, b = _side_lines(left, col), _side_lines(right, col)
        for i in range(max(len(a), len(b))):
            la, is_label_a = a[i] if i < len(a) else ("", False)
            lb, is_label_b = b[i] if i < len(b) else ("", False)
            pad = " " * max(col - _cell_width(la), 0)
            la_s = style(la, dim=True) if is_label_a else la
            lb_s = style(lb, dim=True) if is_label_b else lb
            out.append(f"{indent}{la_s}{pad} │ {lb_s}".rstrip())
    else:
        for line, is_label in _side_lines(left, width - len(indent)) + _side_lines(right, width - len(indent)):
            out.append(indent + (style(line, dim=True) if is_label else line))
    return out


def _provenance_lines(r: PassageResult, width: int, style: Callable[..., str]) -> list[str]:
    rows: list[tuple[str, str]] = []
    snap = r.snapshot
    if snap is not None:
        rows.append(("source", snap.source))
        if snap.archive != "live" or snap.archive_timestamp:
            archive = snap.archive
            if snap.archive_timestamp:
                archive += f" {format_timestamp(snap.archive_timestamp)}"
            if snap.archive_url:
                archive += f"  {snap.archive_url}"
            rows.append(("archive", archive))
        elif (snap.final_url or snap.url) not in (None, snap.source):
            rows.append(("url", snap.final_url or snap.url or ""))
        stored = " (from the snapshot store)" if snap.from_store else ""
        rows.append(("sha256", f"{snap.sha256[:12]}…  fetched {snap.fetched_at}{stored}"))
        if snap.partial:
            rows.append(("partial", snap.partial_reason or "only part of the original was available"))
    if r.original is not None and r.original.title:
        rows.append(("title", r.original.title))
    translators = sorted({t.translator for t in r.translations if t is not None})
    if translators:
        rows.append(("translator", ", ".join(translators)))
    if r.message:
        rows.append(("note", r.message))
    if r.trimmed is not None:
        rows.append(("trimmed", "author commentary after the passage was not checked"))
    out = []
    for key, value in rows:
        # URLs stay unbroken so terminals can still open them
        wrapped = _wrap(value, width - 14, break_words=False)
        out.append(f"  {style(f'{key:<10}', dim=True)}  {wrapped[0]}")
        out += [" " * 14 + line for line in wrapped[1:]]
    return out


def summary_line(report: Report) -> str:
    s = report.summary()
    statuses = ", ".join(f"{n} {k}" for k, n in s["statuses"].items())
    sev = s["by_severity"]
    parts = [
        f"{s['passages']} passage{'s' if s['passages'] != 1 else ''}" + (f" ({statuses})" if statuses else ""),
        f"{sev['critical']} critical, {sev['major']} major, {sev['minor']} minor",
        f"{s['waived']} waived",
        f"worst: {s['worst'] or 'none'}",
    ]
    return "Summary: " + " · ".join(parts)


def render_text(report: Report, *, color: bool = False, width: int | None = None) -> str:
    if width is None:
        width = shutil.get_terminal_size((100, 24)).columns
    width = max(60, min(width, 160))
    style = _styler(color)
    out: list[str] = []
    doc = report.document
    title = f"Translation provenance report: {neutralise(doc.source)}"
    out.append(style(title, bold=True))
    if doc.title:
        out.append(f"“{_clip(doc.title, 200)}”")
    out.append(style(f"created {neutralise(report.created_at)}", dim=True))
    for r in report.results:
        p = r.passage
        outlet = neutralise(p.outlet.name if p.outlet else p.outlet_name)
        status = style(r.status, **_STATUS_STYLE.get(r.status, {}))
        head = f"── {neutralise(p.id)} · {outlet} ({neutralise(p.language or '?')}) · {status} "
        out += ["", style(head, bold=True) + "─" * max(width - _cell_width(click.unstyle(head)), 0)]
        cue = _clip(p.cue, 120)
        out.append(f"  {style('cue'.ljust(10), dim=True)}  “{cue}” ({neutralise(p.kind)})")
        out += _provenance_lines(r, width, style)
        if not r.findings:
            verdict = "no findings" if r.status in ("checked", "partial") else "not compared"
            out += ["", "  " + style(verdict, fg="green" if verdict == "no findings" else None)]
        ordered = sorted(r.findings, key=lambda f: (f.waived, -f.severity.rank))
        for f in ordered:
            out.append("")
            out += _render_finding(f, width, style)
    out.append("")
    out += [style(line, bold=True) for line in textwrap.wrap(summary_line(report), width, subsequent_indent="  ")]
    # the signature stays on one line so it can be copied whole
    out.append(style(f"signature {neutralise(report.signature)}", dim=True))
    return "\n".join(out) + "\n"
