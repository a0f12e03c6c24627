"""A compact Markdown summary for pull-request comments and editorial tickets.

Everything that comes from articles or pages is escaped so it renders as literal text on
GitHub/GitLab (no links, images, HTML or table breaks can be injected) and long texts are
truncated: the HTML report is the place for full context.
"""

from __future__ import annotations

import re

from provenance.model import Finding, Report, Severity
from provenance.report.sanitize import neutralise
from provenance.report.text import finding_label, format_timestamp

#: Quoted sides are truncated to this many characters.
MAX_QUOTE_CHARS = 240

_SEVERITY_LABEL = {Severity.CRITICAL: "CRITICAL", Severity.MAJOR: "MAJOR", Severity.MINOR: "minor"}
_SEVERITY_ICON = {Severity.CRITICAL: "🔴", Severity.MAJOR: "🟠", Severity.MINOR: "⚪"}
# Inline Markdown syntax (emphasis, code, links, tables, strikethrough, issue refs). Escaped text never starts
# a line here, so block syntax ("1.", "-", ">") cannot trigger; "<" and ">" become entities.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~#])")


# Links: GitHub (cmark-gfm's autolink extension, then its mention filter) turns "https://...", "www...."
# and "a@b.c" into live links and "@name" into a notification, and it does so after entities are decoded
# ("a&#64;b.c" links too) and ignores a backslash before "@". So the patterns are broken in the text a
# reader sees, the way security write-ups "defang" addresses: "https[:]//", "www[.]", "a[@]b.c". That
# holds on any renderer, needs no zero-width characters (which copy along invisibly) and stays readable.
_DEFANG = (
    (re.compile(r"://"), "[:]//"),
    (re.compile(r"(?i)\b(mailto|xmpp):"), r"\1[:]"),
    (re.compile(r"(?i)\bwww\."), lambda m: m.group(0)[:-1] + "[.]"),
    (re.compile(r"@"), "[@]"),
)


def escape_md(text: str, limit: int | None = MAX_QUOTE_CHARS) -> str:
    """One line of literal text: whitespace collapsed, truncated, links defanged, HTML and Markdown neutralised."""
    text = " ".join(neutralise(text).split())
    if limit is not None and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    for pattern, replacement in _DEFANG:
        text = pattern.sub(replacement, text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def _code(text: str) -> str:
    """Inline code that cannot be broken out of (backticks and line breaks removed)."""
    text = " ".join(neutralise(text).replace("`", "'").split())
    return f"`{text}`" if text else "``"


def _quote(f: Finding) -> list[str]:
    lines = []
    if f.derivative is not None:
        lines.append(f"  - article: “{escape_md(f.derivative.text)}”")
    if f.original is not None:
        line = f"  - original: “{escape_md(f.original.text)}”"
        if f.original.translation is not None and f.original.translation != f.original.text:
            who = f" ({escape_md(f.original.translator, 60)})" if f.original.translator else ""
            line += f" — translation{who}: “{escape_md(f.original.translation)}”"
        lines.append(line)
    return lines


def render_markdown(report: Report) -> str:
    s = report.summary()
    worst = s["worst"]
    out = [f"### Translation provenance: {escape_md(report.document.source, 120)}", ""]
    sev = s["by_severity"]
    verdict = f"**worst: {worst}**" if worst else "**no findings**"
    out.append(
        f"{verdict} · {sev['critical']} critical · {sev['major']} major · {sev['minor']} minor"
        f" · {s['waived']} waived · {s['passages']} passage{'s' if s['passages'] != 1 else ''}"
    )
    out += ["", "| Passage | Outlet | Lang | Status | Critical | Major | Minor | Waived | Original |",
            "|---|---|---|---|--:|--:|--:|--:|---|"]
    for r in report.results:
        p = r.passage
        counts = {sv: 0 for sv in Severity}
        waived = 0
        for f in r.findings:
            if f.waived:
                waived += 1
            else:
                counts[f.severity] += 1
        source = "—"
        if r.snapshot is not None:
            snap = r.snapshot
            source = escape_md(snap.archive, 30)
            if snap.archive_timestamp:
                source += " " + escape_md(format_timestamp(snap.archive_timestamp) or "", 40)
            source += " · sha256 " + _code(snap.sha256[:12])
        outlet = p.outlet.name if p.outlet else p.outlet_name
        out.append(
            f"| {escape_md(p.id, 20)} | {escape_md(outlet, 80)} | {escape_md(p.language or '?', 10)}"
            f" | {escape_md(r.status, 20)} | {counts[Severity.CRITICAL]} | {counts[Severity.MAJOR]}"
            f" | {counts[Severity.MINOR]} | {waived} | {source} |"
        )
    findings = [(r.passage.id, f) for r in report.results for f in r.findings]
    findings.sort(key=lambda pf: (pf[1].waived, -pf[1].severity.rank))
    if findings:
        out += ["", "#### Findings", ""]
        for pid, f in findings:
            label = _SEVERITY_LABEL[f.severity]
            head = f"- {_SEVERITY_ICON[f.severity]} **{label}** {escape_md(finding_label(f), 40)}"
            head += f" ({escape_md(pid, 20)}, {_code(f.id)})" if f.id else f" ({escape_md(pid, 20)})"
            if f.waived:
                head = f"- ~~{head[2:]}~~ *waived*"
            out.append(head + f": {escape_md(f.explanation, 400)}")
            if f.waived and f.waiver_reason:
                out.append(f"  - waiver: {escape_md(f.waiver_reason)}")
            out += _quote(f)
    unverified = [r for r in report.results if r.status in ("unverified", "error") and r.message]
    if unverified:
        out += ["", "#### Not compared", ""]
        out += [f"- {escape_md(r.passage.id, 20)}: {escape_md(r.message or '', 300)}" for r in unverified]
    out += ["", f"<sub>signature {_code(report.signature)} · {escape_md(report.created_at, 40)}</sub>"]
    return "\n".join(out) + "\n"
