"""Reading a derivative article: bytes from a file or stdin, its format, and the ``Document`` parsed from it; and the
sentences of a UTF-8 text file (``read_sentences``, for ``provenance align``)."""

from __future__ import annotations

import bisect
import re
import sys
from array import array
from pathlib import Path

import numpy as np

from provenance.documents.blocks import Block, Parsed, RawLink
from provenance.documents.charsets import decode_bytes, decode_utf8, has_many_controls
from provenance.documents.html import parse_html
from provenance.documents.markdown import parse_markdown
from provenance.documents.offsets import Mapped, normalise
from provenance.documents.quotes import find_quotes
from provenance.errors import InputError
from provenance.model import Document, Link, Paragraph, Sentence, Span
from provenance.segment import detect_language, split_sentences

#: Articles larger than this are refused (``read_document(max_bytes=...)``; CLI: ``--max-article-bytes``).
#: Real articles are well under 1 MB; the limit bounds time and memory (a 15 MB single-line file took
#: 36 s and 745 MB in ``passages``; 5 MB takes a few seconds).
DEFAULT_MAX_BYTES = 5 * 1024 * 1024
_LIMIT_HINT = "raise it with provenance --max-article-bytes N if this really is the article"
FORMATS = ("text", "markdown", "html")
_FORMAT_ALIASES = {"txt": "text", "plain": "text", "md": "markdown", "htm": "html", "xhtml": "html"}
_EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}




def read_document(
    source: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES, format: str | None = None  # noqa: A002
) -> Document:
    """Read a derivative from a path or ``"-"`` (stdin) and parse it.

    Raises InputError (one line, naming the input) for missing, unreadable, binary, empty,
    oversized or undecodable input.
    """
    fmt = _check_format(format)
    name = "<stdin>" if str(source) == "-" else str(source)
    if str(source) == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise InputError(f"{name}: input is larger than the limit of {_size(max_bytes)}", hint=_LIMIT_HINT)
    else:
        text_source = str(source)
        if re.match(r"(?i)^https?://", text_source):
            raise InputError(f"{name}: is a URL; save the article to a file (or pipe it to -) to read it here")
        path = Path(source)
        try:
            st = path.stat()
        except FileNotFoundError:
            raise InputError(f"{name}: no such file") from None
        except OSError as exc:
            raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
        if path.is_dir():
            raise InputError(f"{name}: is a directory, not a file")
        if st.st_size > max_bytes:
            raise InputError(
                f"{name}: file is too large ({_size(st.st_size)}; the limit is {_size(max_bytes)})", hint=_LIMIT_HINT
            )
        try:
            with path.open("rb") as fh:
                data = fh.read(max_bytes + 1)
        except OSError as exc:
            raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
        if len(data) > max_bytes:  # grew while we looked, or a device without a size
            raise InputError(f"{name}: file is too large (over {_size(max_bytes)})", hint=_LIMIT_HINT)
        if fmt is None:
            fmt = _EXTENSIONS.get(path.suffix.lower())
    if not data.strip():
        raise InputError(f"{name}: is empty")
    try:
        text, encoding = decode_bytes(data)
    except InputError as exc:
        raise InputError(f"{name}: {exc.message}", hint=exc.hint) from None
    if not text.strip():
        raise InputError(f"{name}: is empty (only whitespace)")
    if has_many_controls(text):
        raise InputError(f"{name}: is a binary file (control characters), not text, Markdown or HTML")
    if fmt is None:
        fmt = sniff_format(text)
    try:
        doc = parse_document(text, format=fmt, source=name)
    except InputError as exc:
        raise InputError(f"{name}: {exc.message}", hint=exc.hint) from None
    doc.encoding = encoding
    return doc


def _size(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{n} bytes"


def _check_format(fmt: str | None) -> str | None:
    if fmt is None:
        return None
    fmt = _FORMAT_ALIASES.get(fmt.lower(), fmt.lower())
    if fmt not in FORMATS:
        raise InputError(f"unknown document format {fmt!r} (use text, markdown or html)")
    return fmt


_HTML_START = re.compile(r"(?is)^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|article|"
                         r"main|div|p|section|h[1-6]|meta|title|table|ul|blockquote)\b")
_MD_SIGNS = re.compile(r"(?m)^(?: {0,3}#{1,6} \S| {0,3}> ?\S| {0,3}[-*+] \S)|\[[^\]\n]+\]\([^)\s]+\)|\*\*\S")


def sniff_format(text: str) -> str:
    """Guess text | markdown | html from the content (used for stdin and unknown extensions)."""
    head = text[:4096]
    if _HTML_START.match(head):
        return "html"
    if len(_MD_SIGNS.findall(head)) >= 1:
        return "markdown"
    return "text"


def parse_document(text: str, *, format: str, source: str = "<string>") -> Document:  # noqa: A002
    """Parse decoded ``text`` (no I/O). ``format`` is text, markdown or html."""
    fmt = _check_format(format) or "text"
    if fmt == "html":
        parsed = parse_html(text)
    elif fmt == "markdown":
        parsed = parse_markdown(text)
    else:
        parsed = Parsed(Mapped.identity(text))
    mapped = normalise(parsed.mapped)
    if fmt == "text" and "\n\n" not in mapped.text and _lines_are_paragraphs(mapped.text):
        mapped = mapped.replace_all(re.compile("\n"), "\n\n")
    norm = mapped.text
    offs = mapped.offs
    paragraphs = _paragraphs(norm, offs, parsed.blocks)
    links = _links(norm, offs, parsed.links, paragraphs)
    quotes = find_quotes(norm)
    doc = Document(
        source=source,
        format=fmt,
        text=norm,
        paragraphs=paragraphs,
        quotes=quotes,
        links=links,
        title=parsed.title,
        offsets=array("q", offs.tobytes()),  # type: ignore[arg-type]  # compact list of ints
    )
    doc.language = _language(norm)
    return doc


def _language(text: str) -> str | None:
    try:
        return detect_language(text[:10000])
    except Exception:  # noqa: BLE001 - language is a hint; a classifier failure must not stop reading
        return None


def _lines_are_paragraphs(text: str) -> bool:
    """One paragraph per line when a text has no blank lines and its lines end like paragraphs."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if len(lines) < 2:
        return False
    ends = sum(1 for ln in lines if ln.rstrip()[-1] in ".!?:\"”»“)…'’")
    return ends / len(lines) >= 0.6


def _paragraphs(text: str, offs: np.ndarray, blocks: list[Block]) -> list[Paragraph]:
    starts = [b.start for b in blocks]
    out: list[Paragraph] = []
    pos = 0
    for chunk in text.split("\n\n"):
        if chunk:
            kind = "paragraph"
            if blocks:
                i = bisect.bisect_right(starts, int(offs[pos])) - 1
                kind = blocks[max(i, 0)].kind
            out.append(Paragraph(index=len(out), span=Span(pos, pos + len(chunk)), text=chunk, kind=kind))
        pos += len(chunk) + 2
    return out


# a URL ends at whitespace, brackets and quotes, and at control and bidi characters (an escape sequence or an
# override glued to a link must not become part of the address that is fetched)
_URL_STOP = "\\x00-\\x1f\\x7f-\\x9f\\u202a-\\u202e\\u2066-\\u2069\\u200e\\u200f\\u061c"
_BARE_URL = re.compile(
    r"""[HhWw](?<![\w/.@][HhWw])(?:(?<=[Hh])[Tt][Tt][Pp][Ss]?://|(?<=[Ww])[Ww][Ww]\.)"""
    rf"""[^\s<>"'\]\[)({_URL_STOP}]+(?:\([^\s){_URL_STOP}]*\)[^\s<>"'\]\[)({_URL_STOP}]*)*"""
)
_URL_TRAIL = ".,;:!?'\"»”’"


def _trim_url(url: str) -> str:
    return url.rstrip(_URL_TRAIL)


def _links(text: str, offs: np.ndarray, raw: list[RawLink], paragraphs: list[Paragraph]) -> list[Link]:
    links: list[Link] = []
    para_starts = [p.span.start for p in paragraphs]
    covered: list[tuple[int, int]] = []
    for r in raw:
        start = int(np.searchsorted(offs[:-1], r.start, side="left"))
        end = int(np.searchsorted(offs[:-1], r.end, side="left"))
        end = max(start, end)
        span = Span(start, end)
        covered.append((start, end))
        links.append(Link(href=r.href, text=span.slice(text), span=span, paragraph=_para_at(para_starts, start)))
    covered.sort()
    ends = [c[1] for c in covered]
    for m in _BARE_URL.finditer(text):
        url = _trim_url(m.group())
        span = Span(m.start(), m.start() + len(url))
        k = bisect.bisect_right(ends, span.start)  # first link ending after the URL starts
        if k < len(covered) and covered[k][0] < max(span.end, span.start + 1):
            continue  # the URL is (part of) a link's text already
        href = url if url.lower().startswith("http") else "http://" + url
        links.append(Link(href=href, text=url, span=span, paragraph=_para_at(para_starts, span.start)))
    links.sort(key=lambda link: (link.span.start, link.span.end))
    return links


def _para_at(starts: list[int], pos: int) -> int | None:
    if not starts:
        return None
    return max(0, bisect.bisect_right(starts, pos) - 1)


def read_sentences(path: Path, lang: str | None = None, *, presegmented: bool = False) -> list[Sentence]:
    """Sentences of a UTF-8 text file: split, or one per line when ``presegmented`` (ids = line numbers).

    Raises InputError when the file is missing, unreadable, binary or not UTF-8.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path} is a directory, not a text file") from None
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from None
    if b"\x00" in data[:8192]:
        raise InputError(f"{path} looks binary, not like a text file")
    try:
        text = decode_utf8(data)
    except UnicodeDecodeError:
        raise InputError(f"{path} is not UTF-8 text") from None
    if not presegmented:
        return split_sentences(text, lang)
    sentences = []
    pos = 0
    lines = text.split("\n")
    if lines and not lines[-1]:
        lines.pop()  # the newline at the end of the last line
    for index, line in enumerate(lines):
        body = line.rstrip("\r")
        sentences.append(Sentence(index=index, text=body, span=Span(pos, pos + len(body))))
        pos += len(line) + 1
    return sentences
