"""Reading derivative articles (plain text, Markdown, HTML) into a normalised ``Document``.

Everything downstream works on ``Document.text``: NFC, ``\\n`` newlines, single spaces, blank
lines only between paragraphs, Markdown markers and HTML markup gone. ``Document.offsets`` maps
every character of it back to the decoded input, so a finding can point at what the user wrote.

The mapping is carried through every rewriting step as an integer array (``_Mapped``): each step
is a regex substitution that copies untouched stretches and maps inserted text to the position of
what it replaced. That keeps a 5 MB article well under the two-second budget.
"""

from __future__ import annotations

import bisect
import codecs
import html as html_lib
import re
import sys
import unicodedata
from array import array
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import numpy as np

from provenance.errors import InputError
from provenance.model import Document, Link, Paragraph, QuoteSpan, Span

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

# --------------------------------------------------------------------------- the offset-carrying string

Piece = str | tuple[int, int]  # inserted text, or a range of the current text to copy


@dataclass
class _Mapped:
    """A string plus ``offs``: input offset of every char, and one more entry for the end."""

    text: str
    offs: np.ndarray

    @classmethod
    def identity(cls, text: str) -> _Mapped:
        return cls(text, np.arange(len(text) + 1, dtype=np.int64))

    def sub(self, pattern: re.Pattern[str], func: Callable[[re.Match[str]], Iterable[Piece] | None]) -> _Mapped:
        """Rewrite each match by ``func`` (None keeps it); inserted text maps to the match start."""
        builder = _Builder()
        pos = 0
        for m in pattern.finditer(self.text):
            pieces = func(m)
            if pieces is None:
                continue
            start, end = m.span()
            if start > pos:
                builder.copy(self.text, pos, start)
            for piece in pieces:
                if isinstance(piece, str):
                    builder.insert(piece, start)
                else:
                    builder.copy(self.text, piece[0], piece[1])
            pos = end
        if not builder.parts:
            return self
        if pos < len(self.text):
            builder.copy(self.text, pos, len(self.text))
        return builder.build(self.offs, end=len(self.text))

    def replace_all(self, pattern: re.Pattern[str], replacement: str) -> _Mapped:
        return self.sub(pattern, lambda m: None if m.group() == replacement else (replacement,))

    def strip(self) -> _Mapped:
        start = len(self.text) - len(self.text.lstrip())
        end = len(self.text.rstrip())
        if start == 0 and end == len(self.text):
            return self
        end = max(end, start)
        return _Mapped(self.text[start:end], np.append(self.offs[start:end], self.offs[end]))


class _Builder:
    """Collects text plus index segments into a source offset array; ``build`` does one gather."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.starts: list[int] = []
        self.lengths: list[int] = []
        self.steps: list[int] = []
        self.size = 0

    def copy(self, text: str, start: int, end: int) -> None:
        if end > start:
            self.parts.append(text[start:end])
            self._segment(start, end - start, 1)

    def copy_text(self, chunk: str, start: int) -> None:
        """``chunk`` whose chars sit at consecutive source positions from ``start``."""
        if chunk:
            self.parts.append(chunk)
            self._segment(start, len(chunk), 1)

    def insert(self, chunk: str, at: int) -> None:
        if chunk:
            self.parts.append(chunk)
            self._segment(at, len(chunk), 0)

    def _segment(self, start: int, length: int, step: int) -> None:
        self.starts.append(start)
        self.lengths.append(length)
        self.steps.append(step)
        self.size += length

    def indices(self, end: int) -> np.ndarray:
        lengths = np.asarray(self.lengths, dtype=np.int64)
        starts = np.asarray(self.starts, dtype=np.int64)
        firsts = np.cumsum(lengths) - lengths
        # treat every segment as a copy (one big repeat), then overwrite the few inserted chars
        idx = np.arange(self.size, dtype=np.int64) + np.repeat(starts - firsts, lengths)
        inserted = np.asarray(self.steps, dtype=np.int8) == 0
        if inserted.any():
            ins_len = lengths[inserted]
            ins_first = firsts[inserted]
            within = np.arange(int(ins_len.sum()), dtype=np.int64) - np.repeat(np.cumsum(ins_len) - ins_len, ins_len)
            idx[np.repeat(ins_first, ins_len) + within] = np.repeat(starts[inserted], ins_len)
        return np.append(idx, end)

    def build(self, source_offs: np.ndarray | None, *, end: int) -> _Mapped:
        idx = self.indices(end)
        offs = idx if source_offs is None else source_offs[idx]
        return _Mapped("".join(self.parts), offs)


# --------------------------------------------------------------------------- normalisation

_HWS = "[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]"
_NEWLINES = re.compile("\r\n?|[\u2028\x0b\x0c\x85]")
_PARA_SEP = re.compile("\u2029")
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad]+")
_COMBINING = re.compile("[^\u0300-\u036f][\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")
# a run of horizontal whitespace that is not already one plain space (starts with a class: fast scan)
_SPACES = re.compile(f"{_HWS}(?:(?<! )|(?={_HWS})){_HWS}*")
# only newline runs that need a change: a space before or after, or more than one blank line
_LINE_BREAKS = re.compile(r" \n[ \n]*|\n [ \n]*|\n\n[ \n]+")


def _nfc(m: _Mapped) -> _Mapped:
    if unicodedata.is_normalized("NFC", m.text):
        return m
    # compose base + combining marks as a unit: the result maps to the base character
    m = m.sub(_COMBINING, lambda x: (unicodedata.normalize("NFC", x.group()),))
    if unicodedata.is_normalized("NFC", m.text):
        return m
    # rare leftovers (singletons such as U+212B ANGSTROM SIGN): char by char
    return m.sub(
        re.compile(r"[^\x00-\u02ff]"),
        lambda x: None if unicodedata.is_normalized("NFC", x.group()) else (unicodedata.normalize("NFC", x.group()),),
    )


def _normalise(m: _Mapped) -> _Mapped:
    """NFC, ``\\n`` newlines, single spaces, no spaces around newlines, blank lines as ``\\n\\n``."""
    m = m.replace_all(_NEWLINES, "\n")
    m = m.replace_all(_PARA_SEP, "\n\n")
    m = m.sub(_INVISIBLE, lambda _x: ())
    m = _nfc(m)
    m = m.replace_all(_SPACES, " ")

    def breaks(x: re.Match[str]) -> tuple[str] | None:
        want = "\n\n" if x.group().count("\n") >= 2 else "\n"
        return None if x.group() == want else (want,)

    m = m.sub(_LINE_BREAKS, breaks)
    return m.strip()


# --------------------------------------------------------------------------- decoding

_MAGIC = (
    (b"%PDF", "PDF"),
    (b"PK\x03\x04", "ZIP/Office"),
    (b"\x89PNG", "PNG image"),
    (b"GIF8", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"\x1f\x8b", "gzip"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ", "xz"),
    (b"7z\xbc\xaf", "7-Zip"),
    (b"\x7fELF", "executable"),
    (b"MZ", "executable"),
    (b"\xd0\xcf\x11\xe0", "OLE/Word"),
    (b"SQLite format 3", "SQLite database"),
    (b"RIFF", "RIFF media"),
    (b"ID3", "MP3 audio"),
    (b"\x00\x00\x00", "binary"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# single-byte encodings tried for non-UTF-8 bytes (German news text is mostly cp1252/Latin-1)
_LEGACY = ("cp1252", "iso8859-15", "cp1250", "iso8859-2", "cp1251", "koi8-r", "iso8859-7", "cp1257")
_EUROPEAN = ("cp125", "iso8859-", "koi8-", "mac-roman", "mac-latin2", "cp866", "utf-16", "utf-32")
_SAMPLE = 256 * 1024
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_BOX_AND_RARE = re.compile(
    "[\u2500-\u259f\u25a0-\u25ff\u00a4\u00a6\u00a8\u00af\u00b8\u00be\u00ac\u2320\u2321\u221a\u2248]"
)
_LATIN = "A-Za-z\u00c0-\u024f"
_GREEK_CYRILLIC = "\u0370-\u03ff\u0400-\u04ff"
_MIXED_WORD = re.compile(f"[{_LATIN}][{_GREEK_CYRILLIC}]|[{_GREEK_CYRILLIC}][{_LATIN}]")
_ACCENTED = re.compile("[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")
_CJK = re.compile("[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_MOJIBAKE = re.compile("[\u00c2\u00c3][\u0080-\u00bf]")
_ODD_CASE = re.compile(
    r"(?<=[a-z\u00df-\u00ff])[\u00c0-\u00de](?=[a-z\u00df-\u00ff])"
    # Cyrillic lower -> upper inside a word: KOI8-R read as cp1251 (or back) swaps the cases
    r"|(?<=[\u0430-\u044f\u0451])[\u0410-\u042f\u0401]"
)


def _binary_kind(data: bytes) -> str | None:
    """A short description when ``data`` is clearly not text (magic number or NUL bytes)."""
    head = data[:64]
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if b"\x00" in data[:65536]:
        return "contains NUL bytes"
    return None


def _implausibility(text: str) -> float:
    """How unlikely ``text`` is to be a correct decoding (0 = perfectly ordinary), per non-ASCII char."""
    non_ascii = sum(1 for ch in text if ord(ch) > 127)
    if not non_ascii:
        return 0.0
    bad = 5 * len(_CONTROL.findall(text))
    bad += 3 * len(_MIXED_WORD.findall(text))
    bad += len(_BOX_AND_RARE.findall(text))
    bad += len(_ODD_CASE.findall(text))
    bad += 2 * len(_MOJIBAKE.findall(text))
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    accented = len(_ACCENTED.findall(text))
    if accented > 0.25 * (latin + accented):
        bad += accented  # Latin text is mostly plain letters: this is another script read as Latin-1
    if latin > non_ascii:
        bad += len(_CJK.findall(text))  # CJK sprinkled into Latin text is a wrong multi-byte guess
    return bad / non_ascii


def _utf16_without_bom(data: bytes) -> str | None:
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:4096]
    even_nul = sample[0::2].count(0) / max(1, len(sample) // 2)
    odd_nul = sample[1::2].count(0) / max(1, len(sample) // 2)
    if odd_nul > 0.3 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.3 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def _codec_name(label: str | None) -> str | None:
    if not label:
        return None
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data`` to text; returns ``(text, encoding)``.

    Order: byte-order mark, strict UTF-8, then the declared charset and legacy encodings
    (charset-normalizer's guess first) scored by how plausible the result looks, so that
    cp1252/Latin-1 German (ä ö ü ß „ “ €) is not mistaken for Cyrillic or Central European.
    Raises InputError for binary data or bytes no candidate decodes plausibly.
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(name), name.replace("-le", "").replace("-be", "") + (
                    "-sig" if name == "utf-8" else ""
                )
            except UnicodeDecodeError as exc:
                raise InputError(f"has a {name} byte-order mark but is not valid {name} ({exc.reason})") from None
    kind = _binary_kind(data)
    if kind and kind != "contains NUL bytes":
        raise InputError(f"is a binary file ({kind}), not text, Markdown or HTML")
    wide = _utf16_without_bom(data)
    if wide:
        try:
            return data.decode(wide), wide
        except UnicodeDecodeError:
            pass
    if kind:  # NUL bytes that are not UTF-16
        raise InputError(f"is a binary file ({kind}), not text, Markdown or HTML")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    candidates: list[str] = []
    guess = _charset_normalizer_guess(data)
    if guess and not guess.startswith(_EUROPEAN):
        guess = None  # a CJK or EBCDIC guess for bytes that are not UTF-8 is noise for European news text
    # cp1252 before the guess: for German text cp1250/iso8859-15 decode alike, and ties go to the common one
    for name in (_codec_name(declared), "cp1252", guess, *_LEGACY):
        if name and name not in candidates and name not in ("utf-8", "ascii"):
            candidates.append(name)
    sample = data[:_SAMPLE]
    best: tuple[float, int, str] | None = None
    for rank, name in enumerate(candidates):
        try:
            decoded = sample.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        score = _implausibility(decoded)
        if best is None or score < best[0] - 1e-9:
            best = (score, rank, name)
    if best is None or best[0] > 0.5:
        raise InputError(
            f"is not valid UTF-8 (byte {utf8_error.start}) and does not look like a legacy encoding either",
            hint="convert it to UTF-8",
        )
    name = best[2]
    try:
        return data.decode(name), name
    except UnicodeDecodeError:
        # the sample decoded but the rest did not: fall back to the most forgiving German-friendly codec
        return data.decode("cp1252", errors="replace"), "cp1252"


def _charset_normalizer_guess(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - declared dependency
        return None
    best = from_bytes(data[:_SAMPLE]).best()
    return _codec_name(best.encoding) if best is not None else None


# --------------------------------------------------------------------------- reading


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
    if len(_CONTROL.findall(text[:65536])) > max(8, len(text[:65536]) // 100):
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
    title: str | None = None
    if fmt == "html":
        mapped, blocks, raw_links, title = _parse_html(text)
    elif fmt == "markdown":
        mapped, blocks, raw_links, title = _parse_markdown(text)
    else:
        mapped, blocks, raw_links = _parse_text(text)
    mapped = _normalise(mapped)
    if fmt == "text" and "\n\n" not in mapped.text and _lines_are_paragraphs(mapped.text):
        mapped = mapped.replace_all(re.compile("\n"), "\n\n")
    norm = mapped.text
    offs = mapped.offs
    paragraphs = _paragraphs(norm, offs, blocks)
    links = _links(norm, offs, raw_links, paragraphs)
    quotes = find_quotes(norm)
    doc = Document(
        source=source,
        format=fmt,
        text=norm,
        paragraphs=paragraphs,
        quotes=quotes,
        links=links,
        title=title,
        offsets=array("q", offs.tobytes()),  # type: ignore[arg-type]  # compact list of ints
    )
    doc.language = _language(norm)
    return doc


def _language(text: str) -> str | None:
    try:
        from provenance.segment import detect_language
    except ImportError:  # pragma: no cover - segment is part of the package
        return None
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


@dataclass(frozen=True)
class _Block:
    start: int  # input offset of its first character
    kind: str


@dataclass(frozen=True)
class _RawLink:
    href: str
    start: int  # input offsets of the link text
    end: int


def _paragraphs(text: str, offs: np.ndarray, blocks: list[_Block]) -> list[Paragraph]:
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


def _links(text: str, offs: np.ndarray, raw: list[_RawLink], paragraphs: list[Paragraph]) -> list[Link]:
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


# --------------------------------------------------------------------------- plain text


def _parse_text(text: str) -> tuple[_Mapped, list[_Block], list[_RawLink]]:
    return _Mapped.identity(text), [], []


# --------------------------------------------------------------------------- Markdown

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


def _parse_markdown(text: str) -> tuple[_Mapped, list[_Block], list[_RawLink], str | None]:
    src = _Mapped.identity(text).replace_all(_NEWLINES, "\n")
    body = src.text
    builder = _Builder()
    blocks: list[_Block] = []
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
        blocks.append(_Block(int(src.offs[at]), kind))
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
            blocks[-1] = _Block(blocks[-1].start, "heading")
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
        return _Mapped.identity(""), [], [], title
    mapped, links = _md_inline(builder.build(src.offs, end=len(body)), refs)
    return mapped, blocks, links, title


def _md_inline(m: _Mapped, refs: dict[str, str]) -> tuple[_Mapped, list[_RawLink]]:
    """Inline Markdown: links (recorded), images, autolinks, code, tags, entities, escapes, emphasis."""
    links: list[_RawLink] = []
    text = m.text
    offs = m.offs

    def link(href: str, a: int, b: int) -> None:
        end = int(offs[b - 1]) + 1 if b > a else int(offs[a])
        links.append(_RawLink(href=href, start=int(offs[a]), end=end))

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
            return ["\n\n"] if tag in _HTML_BLOCK else []
        if g == "entity":
            return [html_lib.unescape(x.group())]
        if g == "escaped":
            return [x.span("escaped")]
        if g in ("em", "em2", "em3"):
            return [] if _is_emphasis(text, x.start(), x.end()) else None
        return None

    return m.sub(_MD_INLINE, rewrite), links


# --------------------------------------------------------------------------- HTML

_HTML_DROP = frozenset(
    "script style nav header footer aside form noscript template iframe svg math button select textarea "  # noqa: SIM905
    "object embed canvas head menu dialog audio video picture source map".split()
)
_HTML_BLOCK = frozenset(
    "p div section article main blockquote h1 h2 h3 h4 h5 h6 li ul ol dl dt dd pre table thead tbody tfoot tr "  # noqa: SIM905
    "td th figure figcaption address hr body center details summary caption fieldset legend".split()
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
        self.builder = _Builder()
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
        block = tag in _HTML_BLOCK or tag in ("footer", "header")
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
            if block and getattr(child, "tag", None) in _HTML_BLOCK:
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


def _parse_html(text: str) -> tuple[_Mapped, list[_Block], list[_RawLink], str | None]:
    import lxml.html

    # the parser turns CRLF into LF inside text nodes: locate text in a source that already did
    unified = _Mapped.identity(text).replace_all(_NEWLINES, "\n")
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
    blocks = [_Block(int(mapped.offs[pos]), kind) for pos, kind in walker.block_marks]
    links: list[_RawLink] = []
    for href, first, last in walker.pending_links:
        if base and not re.match(r"(?i)^[a-z][a-z0-9+.-]*:", href):
            href = urljoin(base, href)  # relative links are only useful next to where the page lives
        anchor = mapped.text[first:last]
        lead = len(anchor) - len(anchor.lstrip())
        trail = len(anchor.rstrip())
        if trail > lead:
            links.append(_RawLink(href, int(mapped.offs[first + lead]), int(mapped.offs[first + trail - 1]) + 1))
        else:  # an image or empty anchor: a zero-length link where it stood
            at = int(mapped.offs[min(first, len(mapped.text))])
            links.append(_RawLink(href, at, at))
    return mapped, blocks, links, title


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

# opening mark -> closing marks it pairs with
_PAIRS: dict[str, str] = {
    "\u201c": "\u201d\u201c",  # “…” (English) — “…“ seen in careless typing
    "\u201e": "\u201c\u201d",  # „…“ (German), „…” (Polish, Romanian, Dutch)
    "\u00ab": "\u00bb",  # «…» (French, Russian, Spanish, Italian)
    "\u00bb": "\u00ab",  # »…« (German books and magazines)
    "\u2039": "\u203a",  # ‹…›
    "\u203a": "\u2039",  # ›…‹
    "\u201a": "\u2018\u2019",  # ‚…‘ (German single)
    "\u2018": "\u2019",  # ‘…’
    '"': '"',
    "'": "'",
    "\u300c": "\u300d",  # 「…」
}
_OPENERS = frozenset(_PAIRS)
_CLOSERS = frozenset(c for closes in _PAIRS.values() for c in closes)
_QUOTE_CHARS = re.compile(
    # a single mark between two letters/digits is an apostrophe (don't, Putin's): never even look at it
    "[\"\u2018\u201a\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a\u300c\u300d]|['\u2019](?!(?<=[^\\W_]['\u2019])[^\\W_])|\n\n"
)
_OPEN_BEFORE = frozenset(" \n\t([{\u2014\u2013-/:;") | frozenset(_OPENERS)
_SINGLE = frozenset("'\u2019")
_GUILLEMETS = frozenset("\u00ab\u00bb\u2039\u203a")


def find_quotes(text: str) -> list[QuoteSpan]:
    """Spans in quotation marks, nested ones included, paired within a paragraph.

    Apostrophes are not quotes: a straight or curly single mark between two letters
    (don't, Putin's) is skipped, and a trailing one (the Russians' demand) only closes a
    single quote that is open. A mark opens when it stands before a word (after a space,
    bracket or dash) and closes the nearest open mark it pairs with.
    """
    out: list[QuoteSpan] = []
    stack: list[tuple[str, int]] = []
    n = len(text)
    pairs = _PAIRS
    for m in _QUOTE_CHARS.finditer(text):
        i = m.start()
        ch = text[i]
        if ch == "\n":
            stack.clear()
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < n else " "
        after_space = after.isspace()
        if ch in _GUILLEMETS:  # unambiguous marks; French spacing puts a space inside: « non »
            k = len(stack) - 1
            while k >= 0 and ch not in pairs[stack[k][0]]:
                k -= 1
            if k >= 0:
                style, start = stack[k]
                del stack[k:]
                a, b = start + 1, i
                while a < b and text[a].isspace():
                    a += 1
                while b > a and text[b - 1].isspace():
                    b -= 1
                if b > a:
                    out.append(QuoteSpan(span=Span(start, i + 1), inner=Span(a, b), style=style))
            else:
                stack.append((ch, i))
            continue
        left_flanking = not after_space and (i == 0 or before.isspace() or before in _OPEN_BEFORE)
        right_flanking = not before.isspace() and (after_space or not after.isalnum())
        if stack and ch in _CLOSERS and (right_flanking or not left_flanking):
            k = len(stack) - 1
            while k >= 0 and ch not in pairs[stack[k][0]]:
                k -= 1
            if k >= 0 and (right_flanking or ch not in _SINGLE):
                style, start = stack[k]
                del stack[k:]
                if i > start + (2 if style in "'\u2018\u201a" else 1):  # 'n' is not a quote
                    out.append(QuoteSpan(span=Span(start, i + 1), inner=Span(start + 1, i), style=style))
                continue
        if left_flanking and ch in _OPENERS and not (ch == "'" and before.isalnum()):
            stack.append((ch, i))
    out.sort(key=lambda q: (q.span.start, -q.span.end))
    return out


__all__ = [
    "DEFAULT_MAX_BYTES",
    "decode_bytes",
    "find_quotes",
    "parse_document",
    "read_document",
    "sniff_format",
]
