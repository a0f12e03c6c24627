"""Rendering a Report: text (terminal), json (the machine contract), html (reviewers), md (tickets).

Every renderer is a pure function from a ``Report`` to a string; writing it anywhere is the
caller's job.
"""

from __future__ import annotations

from provenance.model import Report

FORMATS = ("text", "json", "html", "md")


def render(report: Report, fmt: str, *, color: bool = False, width: int | None = None) -> str:
    """Render ``report`` as ``fmt`` (text | json | html | md).

    ``color`` adds ANSI colours to the text format only; ``width`` is the text format's line
    width (default: the terminal's, at least 60).
    """
    if fmt == "text":
        from provenance.report.text import render_text

        return render_text(report, color=color, width=width)
    if fmt == "json":
        from provenance.report.json import render_json

        return render_json(report)
    if fmt == "html":
        from provenance.report.html import render_html

        return render_html(report)
    if fmt in ("md", "markdown"):
        from provenance.report.markdown import render_markdown

        return render_markdown(report)
    raise ValueError(f"unknown report format {fmt!r} (use {', '.join(FORMATS)})")


__all__ = ["FORMATS", "render"]
