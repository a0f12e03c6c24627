"""Bytes to text: the one decoder used wherever bytes become text.

``decode_bytes`` is strict (derivative articles: binary or undecodable input is an error the user
must see); ``decode_page`` never fails (fetched pages and files given as text: a page with odd bytes
is still evidence), trusting a page's declared charset before content sniffing; ``decode_utf8`` reads the files
whose format is UTF-8 (a corpus manifest, the ``align`` command's sentence files) and guesses nothing.
"""

from __future__ import annotations

import codecs
import re

from provenance.errors import InputError

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


def _byte_order_mark(data: bytes) -> tuple[int, str, str] | None:
    """(mark length, codec, encoding label) when ``data`` starts with a byte-order mark."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return len(bom), name, name.replace("-le", "").replace("-be", "") + ("-sig" if name == "utf-8" else "")
    return None


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
    marked = _byte_order_mark(data)
    if marked is not None:
        size, name, label = marked
        try:
            return data[size:].decode(name), label
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


def decode_utf8(data: bytes) -> str:
    """A file whose format is UTF-8, its byte-order mark dropped; UnicodeDecodeError for any other bytes (the
    caller names its file in the error it raises)."""
    return data.decode("utf-8-sig")


def _charset_normalizer_guess(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - declared dependency
        return None
    best = from_bytes(data[:_SAMPLE]).best()
    return _codec_name(best.encoding) if best is not None else None


def has_many_controls(text: str) -> bool:
    """Decoded text that is mostly control characters is a binary file that happened to decode."""
    head = text[:65536]
    return len(_CONTROL.findall(head)) > max(8, len(head) // 100)


# --------------------------------------------------------------------------- pages: declared charsets first

_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def header_charset(content_type: str | None) -> str | None:
    """The charset a Content-Type header names, if any."""
    if not content_type:
        return None
    match = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", content_type, re.I)
    return match.group(1) if match else None


def meta_charset(body: bytes) -> str | None:
    """The charset a page's own ``<meta>`` declares, if any."""
    match = _META.search(body[:8192])
    return match.group(1).decode("ascii", "replace") if match else None


def _page_codec(name: str | None) -> str | None:
    codec = _codec_name(name)
    # browsers treat latin-1/ascii labels as windows-1252 (WHATWG encoding standard)
    return "cp1252" if codec in {"latin-1", "iso8859-1", "ascii"} else codec


def _sniff(body: bytes) -> tuple[str, str] | None:
    try:
        return decode_bytes(body)
    except InputError:  # binary-looking or implausible: ask charset-normalizer alone
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(body[:200_000]).best()
    if best is None:
        return None
    codec = _page_codec(best.encoding)
    if codec is None:
        return None
    try:
        return body.decode(codec), codec
    except UnicodeDecodeError:
        return None


def decode_page(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """(text, encoding) for an HTML or text body; never raises on odd bytes.

    Order of trust: a byte-order mark; strict UTF-8 (valid UTF-8 with non-ASCII bytes is almost
    never an accident, so it beats a header that says Latin-1); then the header's and the page's
    own ``<meta>`` charset if the bytes decode cleanly with it; then content sniffing
    (``decode_bytes``, charset-normalizer); cp1252 as the last resort, because German and French
    pages mislabelled as UTF-8 are nearly always Windows-1252.
    """
    marked = _byte_order_mark(body)
    if marked is not None:
        size, name, label = marked
        return body[size:].decode(name, errors="replace"), label
    try:
        return body.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for declared in (header_charset(content_type), meta_charset(body)):
        codec = _page_codec(declared)
        if codec and codec not in {"utf-8", "utf-8-sig"}:
            try:
                return body.decode(codec), codec
            except (UnicodeDecodeError, LookupError):
                continue
    sniffed = _sniff(body)
    if sniffed is not None and sniffed[1] not in {"utf-8", "utf_8"}:
        return sniffed
    try:
        return body.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return body.decode("latin-1"), "latin-1"
