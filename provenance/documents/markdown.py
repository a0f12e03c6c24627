"""Markdown to text: block structure line by line, then inline markup, every char keeping its offset.

Not a full CommonMark parser: it reads what articles use (headings, quotes, lists, links, emphasis,
raw ``<blockquote>``) and keeps everything else as text.
"""

from __future__ import annotations

import html as html_lib
import re

from provenance.documents.blocks import BLOCK_TAGS, Block, Parsed, RawLink
from provenance.documents.offsets import NEWLINES, Builder, Mapped, Piece

_MD_QUOTE = re.compile(r"^(?: {0,3}>[ \t]?)+")
_MD_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+|$)")
_MD_HEADING_TAIL = re.compile(r"[ \t]+#+[ \t]*$|^#+[ \t]*$")
_MD_SETEXT = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_MD_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_MD_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)")
_MD_HTML_BQ_OPEN = re.compile(r"(?i)<blockquote\b")
_MD_HTML_BQ_CLOSE = re.compile(r"(?i)</blockquote\s*>")
_TAG_NAME = re.compile(r"/?([A-Za-z][A-Za-z0-9]*)")
_MD_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_MD_REFDEF = re.compile(r"""^ {0,3}\[([^\]]+)\]:[ \t]*<?(\S+?)>?(?:[ \t]+(?:"[^"]*"|'[^']*'|\([^)]*\)))?[ \t]*$""")

_MD_TEXT = r"(?P<{name}>(?:[^\]\n\\]|\\.|\n(?!\n))*)"
# every alternative starts with a literal character so the regex engine can skip plain text fast
_MD_INLINE = re.compile(
    r"!\[" + _MD_TEXT.format(name="alt") + r"\]\([^)\n]*\)"
    r"|\[" + _MD_TEXT.format(name="text") + r"\]\(\s*<?(?P<href>[^)\s>]*)>?"
    r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"
    r"|\[" + _MD_TEXT.format(name="rtext") + r"\](?:\[(?P<ref>[^\]\n]*)\])?"
    r"|<(?P<auto>(?:https?|mailto):[^>\s]+)>"
    r"|h(?P<url>ttps?://[^\s<>\[\]]+)|H(?P<url2>TTPS?://[^\s<>\[\]]+)|w(?P<url3>ww\.[^\s<>\[\]]+)"
    r"|`(?P<ticks>`*)(?P<code>.+?)(?P=ticks)`"
    r"|<(?P<tag>/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?)>"
    r"|&(?P<entity>#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
    r"|\\(?P<escaped>[\\`*_{}\[\]()#+\-.!>\"'|~])"
    r"|\*(?P<em>\*{0,2})|_(?P<em2>_{0,2})|~(?P<em3>~)",
    re.S,
)
_MD_EMPHASIS = re.compile(r"\*{1,3}|(?<!\w)_{1,3}|_{1,3}(?!\w)|~~")


def _emphasis_free(text: str, start: int, end: int) -> list[Piece]:
    """Copy ranges of ``text[start:end]`` without emphasis markers (for link texts)."""
    pieces: list[Piece] = []
    pos = start
    for m in _MD_EMPHASIS.finditer(text, start, end):
        if m.start() > pos:
            pieces.append((pos, m.start()))
        pos = m.end()
    if pos < end:
        pieces.append((pos, end))
    return pieces


def _is_emphasis(text: str, start: int, end: int) -> bool:
    """A run of * or _ that opens or closes emphasis (not a lone asterisk between spaces, not snake_case)."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    marker = text[start]
    if before.isspace() and after.isspace():
        return False
    return not (marker == "_" and before.isalnum() and after.isalnum())


def parse_markdown(text: str) -> Parsed:
    src = Mapped.identity(text).replace_all(NEWLINES, "\n")
    body = src.text
    builder = Builder()
    blocks: list[Block] = []
    refs: dict[str, str] = {}
    title: str | None = None

    # block structure, line by line; ``current`` is the kind of the open block (None between blocks)
    current: str | None = None
    fence: str | None = None
    html_quotes = 0  # depth of raw <blockquote> elements
    lines: list[tuple[int, int]] = []
    pos = 0
    for line in body.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    last_line_start = -1  # builder bookkeeping for setext headings

    def open_block(kind: str, at: int) -> None:
        nonlocal current
        if builder.parts:
            builder.insert("\n\n", at)
        blocks.append(Block(int(src.offs[at]), kind))
        current = kind

    for start, end in lines:
        line = body[start:end]
        if fence is not None:
            if line.strip().startswith(fence):
                fence = None
                current = None
                continue
            if current is None:
                open_block("paragraph", start)
            else:
                builder.insert("\n", start)
            builder.copy(body, start, end)
            continue
        fm = _MD_FENCE.match(line)
        if fm:
            fence = fm.group(1)
            current = None
            continue
        if not line.strip():
            current = None
            continue
        opens = len(_MD_HTML_BQ_OPEN.findall(line))
        if html_quotes or opens:  # raw HTML <blockquote> in Markdown (CMS exports do this)
            if current == "blockquote":
                builder.insert("\n", start)
            else:
                open_block("blockquote", start + len(line) - len(line.lstrip()))
            builder.copy(body, start, end)
            html_quotes = max(0, html_quotes + opens - len(_MD_HTML_BQ_CLOSE.findall(line)))
            if not html_quotes:
                current = None
            continue
        ref = _MD_REFDEF.match(line)
        if ref and current is None:
            refs[ref.group(1).strip().lower()] = ref.group(2)
            continue
        qm = _MD_QUOTE.match(line)
        if qm:
            content = start + qm.end()
            if not body[content:end].strip():
                current = None  # an empty ">" line separates paragraphs inside the quote
                continue
            if current == "blockquote":
                builder.insert("\n", start)
            else:
                open_block("blockquote", content)
            builder.copy(body, content, end)
            continue
        if _MD_SETEXT.match(line) and current == "paragraph" and last_line_start >= 0:
            # the previous paragraph line was a heading ("Title\n=====")
            blocks[-1] = Block(blocks[-1].start, "heading")
            if title is None and line.strip().startswith("="):
                title = body[last_line_start:start].strip()
            current = None
            continue
        if _MD_RULE.match(line):
            current = None
            continue
        hm = _MD_HEADING.match(line)
        if hm:
            content = start + hm.end()
            tail = _MD_HEADING_TAIL.search(body, content, end)
            stop = tail.start() if tail else end
            if stop > content:
                open_block("heading", content)
                builder.copy(body, content, stop)
                if title is None and len(hm.group(1)) == 1:
                    title = body[content:stop].strip()
            current = None
            continue
        im = _MD_ITEM.match(line)
        if im:
            content = start + im.end()
            if body[content:end].strip():
                open_block("list", content)
                builder.copy(body, content, end)
            continue
        if current in ("paragraph", "list", "blockquote"):  # continuation (lazy for quotes)
            builder.insert("\n", start)
        else:
            open_block("paragraph", start + len(line) - len(line.lstrip()))
        last_line_start = start
        builder.copy(body, start, end)
        current = current or "paragraph"

    if not builder.parts:
        return Parsed(Mapped.identity(""), title=title)
    mapped, links = _md_inline(builder.build(src.offs, end=len(body)), refs)
    return Parsed(mapped, blocks, links, title)


def _md_inline(m: Mapped, refs: dict[str, str]) -> tuple[Mapped, list[RawLink]]:
    """Inline Markdown: links (recorded), images, autolinks, code, tags, entities, escapes, emphasis."""
    links: list[RawLink] = []
    text = m.text
    offs = m.offs

    def link(href: str, a: int, b: int) -> None:
        end = int(offs[b - 1]) + 1 if b > a else int(offs[a])
        links.append(RawLink(href=href, start=int(offs[a]), end=end))

    def rewrite(x: re.Match[str]) -> list[Piece] | None:
        g = x.lastgroup
        if x.group("text") is not None and x.group("href") is not None:
            a, b = x.span("text")
            link(x.group("href"), a, b)
            return _emphasis_free(text, a, b)
        if x.group("alt") is not None:
            return []
        if x.group("rtext") is not None:
            key = (x.group("ref") or x.group("rtext")).strip().lower()
            if key not in refs:
                return None if x.group("ref") is None else [*_emphasis_free(text, *x.span("rtext"))]
            a, b = x.span("rtext")
            link(refs[key], a, b)
            return _emphasis_free(text, a, b)
        if g == "auto":
            a, b = x.span("auto")
            link(x.group("auto"), a, b)
            return [(a, b)]
        if g in ("url", "url2", "url3"):
            return None  # bare URLs are found on the final text; protect them from emphasis stripping
        if g == "code":
            return [x.span("code")]
        if g == "tag":
            name = _TAG_NAME.match(x.group("tag"))
            tag = name.group(1).lower() if name else ""
            if tag == "br":
                return ["\n"]
            return ["\n\n"] if tag in BLOCK_TAGS else []
        if g == "entity":
            return [html_lib.unescape(x.group())]
        if g == "escaped":
            return [x.span("escaped")]
        if g in ("em", "em2", "em3"):
            return [] if _is_emphasis(text, x.start(), x.end()) else None
        return None

    return m.sub(_MD_INLINE, rewrite), links
