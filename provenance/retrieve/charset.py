"""Turning page bytes into text when the declared charset may be wrong.

Order of trust: a byte-order mark; strict UTF-8 (valid UTF-8 with non-ASCII bytes is almost
never an accident, so it beats a header that says Latin-1); then the header's and the
page's own ``<meta>`` charset if the bytes decode cleanly with it; then content sniffing
(charset-normalizer, via documents.decode_bytes when available); cp1252 as the last resort,
because German and French pages mislabelled as UTF-8 are nearly always Windows-1252.
"""

from __future__ import annotations

import codecs
import re

_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def header_charset(content_type: str | None) -> str | None:
    if not content_type:
        return None
    match = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", content_type, re.I)
    return match.group(1) if match else None


def meta_charset(body: bytes) -> str | None:
    match = _META.search(body[:8192])
    return match.group(1).decode("ascii", "replace") if match else None


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    # browsers treat latin-1/ascii labels as windows-1252 (WHATWG encoding standard)
    return "cp1252" if codec in {"latin-1", "iso8859-1", "ascii"} else codec


def _sniff(body: bytes) -> tuple[str, str] | None:
    try:
        from provenance.documents import decode_bytes  # shared with the derivative reader when present
    except ImportError:
        decode_bytes = None
    if decode_bytes is not None:
        try:
            return decode_bytes(body)
        except Exception:  # noqa: BLE001 - its errors are about documents; fall back to our own sniffing
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(body[:200_000]).best()
    if best is None:
        return None
    codec = _codec(best.encoding)
    if codec is None:
        return None
    try:
        return body.decode(codec), codec
    except UnicodeDecodeError:
        return None


def decode_body(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """(text, encoding) for an HTML or text body; never raises on odd bytes."""
    for bom, codec in _BOMS:
        if body.startswith(bom):
            return body.decode(codec, errors="replace"), codec
    try:
        return body.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for declared in (header_charset(content_type), meta_charset(body)):
        codec = _codec(declared)
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
