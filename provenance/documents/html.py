"""HTML to text: lxml parses, and every text node is located in the decoded source to keep its offset."""

from __future__ import annotations

import html as html_lib
import re
import unicodedata
from urllib.parse import urljoin

from provenance.documents.blocks import BLOCK_TAGS, Block, Parsed, RawLink
from provenance.documents.offsets import NEWLINES, Builder, Mapped
from provenance.errors import InputError

_HTML_DROP = frozenset(
    "script style nav header footer aside form noscript template iframe svg math button select textarea "  # noqa: SIM905
    "object embed canvas head menu dialog audio video picture source map".split()
)
_HTML_WS = re.compile("[\n\r\t\f]")
_BODY_TAG = re.compile(r"(?i)<body\b[^>]*>")
# tags (with the whitespace-only text before them) between the cursor and the next text node
_TAG_AT = re.compile(r"\s*(?:<!--.*?-->|<(script|style|template)\b.*?</\1\s*>|<[^>]*>)", re.S | re.I)
_NEAR = 65536  # how far ahead a text node is looked for before slower strategies
_FAR = 262144  # how far ahead entity-tolerant search goes
_LITERAL_RUN = re.compile(r"[A-Za-z0-9\s,.;:!?()/-]+|[^A-Za-z0-9\s,.;:!?()/-]")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_ENTITY_AT = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?")


class _HtmlWalker:
    """Turns an lxml tree into blocks of text whose chars are located in the decoded source."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        body = _BODY_TAG.search(raw)
        self.cursor = body.end() if body else 0  # text in <head> must not attract body text
        self.builder = Builder()
        self.block_marks: list[tuple[int, str]] = []  # (builder position, kind)
        self.pending_links: list[tuple[str, int, int]] = []
        self.block_open = False
        self.kind = "paragraph"

    def emit(self, chunk: str | None, *, pre: bool) -> None:
        """Append a text node; outside <pre> its whitespace becomes spaces (same length, same offsets)."""
        if not chunk:
            return
        if not self.block_open:
            if not chunk.strip():
                return
            self.start_block()
        flat = chunk if pre or not _HTML_WS.search(chunk) else _HTML_WS.sub(" ", chunk)
        if chunk.isspace():  # whitespace between tags: searching for it would find any gap anywhere
            self.builder.insert(flat, self.cursor)
            return
        # verbatim nearby (the common case); entity-decoded; verbatim anywhere further on
        if self._at_next_text_node(chunk, flat):
            return
        near = _NEAR if len(chunk) >= 12 else 2048  # short strings occur everywhere: look close only
        pos = self.raw.find(chunk, self.cursor, self.cursor + near + len(chunk))
        if pos < 0 and self._search_with_entities(chunk, flat):
            return
        if pos < 0 and len(chunk.strip()) >= 40:  # only distinctive text may be looked for far away
            pos = self.raw.find(chunk, self.cursor)
        if pos >= 0:
            self.builder.copy_text(flat, pos)
            self.cursor = pos + len(chunk)
            return
        # something else differs: locate literal runs, and the rest char by char
        for m in _LITERAL_RUN.finditer(chunk):
            a, b = m.span()
            if b - a > 1 or m.group().isascii():
                p = self.raw.find(m.group(), self.cursor, self.cursor + 4096 + (b - a))
                if p >= 0:
                    self.builder.copy_text(flat[a:b], p)
                    self.cursor = p + (b - a)
                    continue
            for k in range(a, b):
                self._locate_char(chunk[k], flat[k])

    def _at_next_text_node(self, chunk: str, flat: str) -> bool:
        """The text node right after the tags at the cursor (where it almost always is), entities decoded."""
        raw = self.raw
        start = self.cursor
        if raw.startswith(chunk, start):
            self.builder.copy_text(flat, start)
            self.cursor = start + len(chunk)
            return True
        while True:
            tag = _TAG_AT.match(raw, start)
            if tag is None:
                break
            start = tag.end()
        end = raw.find("<", start)
        return self._map_region(chunk, flat, start, len(raw) if end < 0 else end)

    def _search_with_entities(self, chunk: str, flat: str) -> bool:
        """Search ahead with every non-alphanumeric character allowed to be written as an entity."""
        if len(chunk) > 2000:
            return False  # a pattern that long costs more than it saves
        pattern = re.compile("".join(_entity_tolerant(ch) for ch in chunk))
        m = pattern.search(self.raw, self.cursor, self.cursor + _FAR + 8 * len(chunk))
        return m is not None and self._map_region(chunk, flat, m.start(), m.end())

    def _map_region(self, chunk: str, flat: str, start: int, end: int) -> bool:
        """Map ``chunk`` onto ``raw[start:end]`` if that decodes to text beginning with it."""
        raw = self.raw
        plan: list[tuple[str, int, int]] = []  # (decoded text, raw position, 1 = copy / 0 = entity)
        decoded: list[str] = []
        pos = start
        for m in _ENTITY_AT.finditer(raw, start, end):
            if m.start() > pos:
                plan.append((raw[pos : m.start()], pos, 1))
                decoded.append(raw[pos : m.start()])
            value = html_lib.unescape(m.group())
            plan.append((value, m.start(), 0))
            decoded.append(value)
            pos = m.end()
        if pos < end:
            plan.append((raw[pos:end], pos, 1))
            decoded.append(raw[pos:end])
        if not "".join(decoded).startswith(chunk):
            return False
        k = 0  # position in chunk/flat
        for value, at, copy in plan:
            take = min(len(value), len(chunk) - k)
            if take <= 0:
                break
            if copy:
                self.builder.copy_text(flat[k : k + take], at)
                self.cursor = at + take
            else:
                self.builder.insert(flat[k : k + take], at)
                entity = _ENTITY_AT.match(raw, at)
                self.cursor = entity.end() if entity else at + 1
            k += take
        return True

    def _locate_char(self, ch: str, out: str) -> None:
        raw, cur = self.raw, self.cursor
        literal = raw.find(ch, cur, cur + 256)
        amp = raw.find("&", cur, cur + 256)
        if amp >= 0 and (literal < 0 or amp < literal):
            entity = _ENTITY_AT.match(raw, amp)
            if entity and html_lib.unescape(entity.group()) == ch:
                self.builder.insert(out, amp)
                self.cursor = entity.end()
                return
        if literal >= 0:
            self.builder.insert(out, literal)
            self.cursor = literal + 1
        else:
            self.builder.insert(out, cur)

    def start_block(self) -> None:
        if self.builder.parts:
            self.builder.insert("\n\n", self.cursor)
        self.block_marks.append((self.builder.size, self.kind))
        self.block_open = True

    def flush(self) -> None:
        self.block_open = False

    def walk(self, el: object, kinds: tuple[str, ...], pre: bool) -> None:
        tag = getattr(el, "tag", None)
        if not isinstance(tag, str):  # comments, processing instructions
            return
        tag = tag.lower().split("}")[-1]
        if tag in _HTML_DROP and not (tag in ("footer", "header") and "blockquote" in kinds):
            return  # (a <footer> inside a <blockquote> is its attribution line: "— <cite>NRC</cite>")
        block = tag in BLOCK_TAGS or tag in ("footer", "header")
        if block:
            self.flush()
            if tag == "blockquote":
                kinds = (*kinds, "blockquote")
            elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                kinds = (*kinds, "heading")
            elif tag in ("li", "dd", "dt"):
                kinds = (*kinds, "list")
            self.kind = "blockquote" if "blockquote" in kinds else (kinds[-1] if kinds else "paragraph")
        pre = pre or tag == "pre"
        if tag == "br":
            if self.block_open:
                self.builder.insert("\n", self.cursor)
            return
        link_start = self.builder.size
        if tag == "q":
            self._mark("\u201c")
        self.emit(el.text, pre=pre)  # type: ignore[attr-defined]
        for child in el:  # type: ignore[attr-defined]
            self.walk(child, kinds, pre)
            if block and getattr(child, "tag", None) in BLOCK_TAGS:
                self.kind = "blockquote" if "blockquote" in kinds else (kinds[-1] if kinds else "paragraph")
            self.emit(child.tail, pre=pre)
        if tag == "q":
            self._mark("\u201d")
        if tag == "a":
            href = (el.get("href") or "").strip()  # type: ignore[attr-defined]
            if href and not href.lower().startswith(("javascript:", "#", "data:")):
                self._record_link(href, link_start)
        if block:
            self.flush()

    def _mark(self, ch: str) -> None:
        if not self.block_open:
            self.start_block()
        self.builder.insert(ch, self.cursor)

    def _record_link(self, href: str, first: int) -> None:
        # builder positions now; turned into input offsets once the text is built (see _parse_html)
        self.pending_links.append((href, first, self.builder.size))


def _entity_tolerant(ch: str) -> str:
    """Regex for one decoded character that the source may have written as an entity."""
    if ch.isascii() and (ch.isalnum() or ch == " "):
        return ch
    if ch.isspace():
        return r"(?:\s|&[#A-Za-z0-9]{1,31};?)"
    return f"(?:{re.escape(ch)}|&[#A-Za-z0-9]{{1,31}};?)"


def parse_html(text: str) -> Parsed:
    import lxml.html

    # the parser turns CRLF into LF inside text nodes: locate text in a source that already did
    unified = Mapped.identity(text).replace_all(NEWLINES, "\n")
    decl = _XML_DECL.match(unified.text)
    source = unified.text
    if decl is not None:  # lxml refuses a str with an encoding declaration
        source = " " * decl.end() + source[decl.end() :]
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, recover=True)
    try:
        root = lxml.html.document_fromstring(source, parser=parser)
    except Exception as exc:  # noqa: BLE001 - lxml raises several types for hopeless markup
        raise InputError(f"cannot parse as HTML ({exc})") from None
    title = _html_title(root)
    base = _html_base(root)
    body = root.find("body")
    walker = _HtmlWalker(source)
    walker.walk(body if body is not None else root, (), False)
    if not walker.builder.parts:
        raise InputError("HTML contains no readable text")
    mapped = walker.builder.build(unified.offs, end=len(source))
    blocks = [Block(int(mapped.offs[pos]), kind) for pos, kind in walker.block_marks]
    links: list[RawLink] = []
    for href, first, last in walker.pending_links:
        if base and not re.match(r"(?i)^[a-z][a-z0-9+.-]*:", href):
            href = urljoin(base, href)  # relative links are only useful next to where the page lives
        anchor = mapped.text[first:last]
        lead = len(anchor) - len(anchor.lstrip())
        trail = len(anchor.rstrip())
        if trail > lead:
            links.append(RawLink(href, int(mapped.offs[first + lead]), int(mapped.offs[first + trail - 1]) + 1))
        else:  # an image or empty anchor: a zero-length link where it stood
            at = int(mapped.offs[min(first, len(mapped.text))])
            links.append(RawLink(href, at, at))
    return Parsed(mapped, blocks, links, title)


def _html_base(root: object) -> str | None:
    """Where the page says it lives: <base href>, the canonical link or og:url (absolute http(s) only)."""
    for xpath in ("//base/@href", '//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content'):
        for value in root.xpath(xpath):  # type: ignore[attr-defined]
            value = str(value).strip()
            if re.match(r"(?i)^https?://", value):
                return value
    return None


def _html_title(root: object) -> str | None:
    for xpath in ("//head/title", '//meta[@property="og:title"]/@content', "//h1"):
        found = root.xpath(xpath)  # type: ignore[attr-defined]
        if found:
            value = found[0] if isinstance(found[0], str) else found[0].text_content()
            value = " ".join(str(value).split())
            if value:
                return unicodedata.normalize("NFC", value)
    return None


# --------------------------------------------------------------------------- quotation marks
