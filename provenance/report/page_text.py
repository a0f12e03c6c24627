"""Text on the HTML report's page: escaping, safe links, the CSP, and word differences marked in cells.

Every string from an article, a page, a translator or a config goes through ``esc`` before it reaches
the page (see ``html.py`` for the safety model).
"""

from __future__ import annotations

import base64
import difflib
import hashlib
import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from provenance.model import Sentence, SideRef, Span
from provenance.report.sanitize import neutralise

#: Word diffs are skipped when (tokens on one side) x (tokens on the other) exceeds this: difflib is
#: roughly quadratic and a 200 KB single-line original must still render instantly.
MAX_DIFF_WORK = 400_000
#: A table cell shows this many characters; the rest sits in a collapsed <details> (opened for print).
CELL_PREVIEW_CHARS = 4_000
_SAFE_URL = re.compile(r"https?://[^\s<>\"'`\x00-\x1f\x7f]+", re.IGNORECASE)
_TOKEN = re.compile(r"\w+|[^\w\s]", re.UNICODE)


def esc(value: object) -> str:
    """HTML-escaped text with control and bidi characters made visible (report/sanitize.py)."""
    return html.escape(neutralise("" if value is None else str(value)), quote=True)


# --------------------------------------------------------------------------- resources and CSP


@cache
def resource(name: str) -> str:
    return resources.files("provenance.report").joinpath("templates", name).read_text(encoding="utf-8")


def _sha256_source(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def content_security_policy(css: str, js: str) -> str:
    """Nothing may load or run except the inline style and script whose hashes are given."""
    return (
        f"default-src 'none'; style-src {_sha256_source(css)}; script-src {_sha256_source(js)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


def safe_link(url: str | None, text: str | None = None) -> str:
    """A link for an http(s) URL; anything else (javascript:, data:, file:, junk) is inert text."""
    if not url:
        return ""
    label = esc(text if text is not None else url)
    if _SAFE_URL.fullmatch(url.strip()):
        return f'<a href="{esc(url.strip())}" rel="noopener noreferrer nofollow">{label}</a>'
    return f'<span class="inert-url" title="not a web link: shown as text">{label}</span>'


# --------------------------------------------------------------------------- marked text


def _merge(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(r for r in ranges if r[1] > r[0]):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def word_diff(a: str, b: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]] | None:
    """Character ranges of the words of ``a`` missing from ``b`` and of ``b`` missing from ``a``.

    Compares case-folded word and punctuation tokens. Returns None (no diff) when the texts
    are too long for difflib to be cheap.
    """
    ta = [(m.start(), m.end(), m.group().casefold()) for m in _TOKEN.finditer(a)]
    tb = [(m.start(), m.end(), m.group().casefold()) for m in _TOKEN.finditer(b)]
    if len(ta) * len(tb) > MAX_DIFF_WORK:
        return None
    matcher = difflib.SequenceMatcher(None, [t[2] for t in ta], [t[2] for t in tb], autojunk=False)
    only_a: list[tuple[int, int]] = []
    only_b: list[tuple[int, int]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op in ("replace", "delete") and i2 > i1:
            only_a.append((ta[i1][0], ta[i2 - 1][1]))
        if op in ("replace", "insert") and j2 > j1:
            only_b.append((tb[j1][0], tb[j2 - 1][1]))
    return only_a, only_b


@dataclass
class Marks:
    """Tagged character ranges of one cell: ``(start, end, open_tag, close_tag)``; order of adding = nesting."""

    items: list[tuple[int, int, str, str]] = field(default_factory=list)

    def add(self, ranges: Iterable[tuple[int, int]], open_tag: str, close_tag: str) -> None:
        for s, e in _merge(ranges):
            self.items.append((s, e, open_tag, close_tag))

    def render(self, text: str) -> str:
        """Escaped text with the tags applied; long texts get a collapsed remainder."""
        cut = min(len(text), CELL_PREVIEW_CHARS)
        events: dict[int, None] = {0: None, cut: None}
        for s, e, _, _ in self.items:
            events[min(max(s, 0), cut)] = None
            events[min(max(e, 0), cut)] = None
        points = sorted(events)
        # Sweep over run boundaries keeping the marks that are open; a mark open at a run's start covers
        # the whole run because every mark end is itself a boundary.
        items = sorted(range(len(self.items)), key=lambda i: self.items[i][0])
        active: list[int] = []
        nxt = 0
        out: list[str] = []
        for a, b in zip(points, points[1:], strict=False):
            while nxt < len(items) and self.items[items[nxt]][0] <= a:
                active.append(items[nxt])
                nxt += 1
            active = [i for i in active if self.items[i][1] > a]
            covering = sorted(i for i in active if self.items[i][0] <= a and self.items[i][1] >= b)
            chunk = esc(text[a:b])
            for i in reversed(covering):
                chunk = self.items[i][2] + chunk + self.items[i][3]
            out.append(chunk)
        rendered = "".join(out)
        if cut < len(text):
            rendered += (
                f'<details class="more"><summary>Show all {len(text):,} characters</summary>'
                f"{esc(text[cut:])}</details>"
            )
        return rendered


def joined(sentences: Sequence[Sentence]) -> tuple[str, list[tuple[Sentence, int]]]:
    """Sentences joined by spaces, with each sentence's offset in the joined string."""
    parts: list[str] = []
    offsets: list[tuple[Sentence, int]] = []
    pos = 0
    for s in sentences:
        offsets.append((s, pos))
        parts.append(s.text)
        pos += len(s.text) + 1
    return " ".join(parts), offsets


def _project(span: Span | None, offsets: list[tuple[Sentence, int]]) -> list[tuple[int, int]]:
    """A span of the source text as ranges of the joined cell text."""
    if span is None:
        return []
    out = []
    for s, at in offsets:
        lo, hi = max(span.start, s.span.start), min(span.end, s.span.end)
        if lo < hi:
            out.append((lo - s.span.start + at, hi - s.span.start + at))
    return out


def locate(ref: SideRef, cell: str, offsets: list[tuple[Sentence, int]]) -> list[tuple[int, int]]:
    """Where a finding's side sits in a cell: by its span, else (no span) by its text."""
    if ref.span is not None:
        return _project(ref.span, offsets)
    at = cell.find(ref.text) if ref.text else -1
    return [(at, at + len(ref.text))] if at >= 0 else []
