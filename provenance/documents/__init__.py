"""Reading derivative articles (plain text, Markdown, HTML) into a normalised ``Document``.

Everything downstream works on ``Document.text``: NFC, ``\\n`` newlines, single spaces, blank
lines only between paragraphs, Markdown markers and HTML markup gone. ``Document.offsets`` maps
every character of it back to the decoded input, so a finding can point at what the user wrote.

Modules: ``charsets`` (bytes to text, for every input the tool reads), ``offsets`` (the
offset-carrying string and normalisation), ``markdown`` and ``html`` (one parser per format,
returning ``blocks.Parsed``), ``quotes`` (quotation marks) and ``reader`` (files, formats, the
``Document``).
"""

from __future__ import annotations

from provenance.documents.charsets import decode_bytes, decode_page, decode_utf8
from provenance.documents.quotes import find_quotes
from provenance.documents.reader import (
    DEFAULT_MAX_BYTES,
    FORMATS,
    parse_document,
    read_document,
    read_sentences,
    sniff_format,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "FORMATS",
    "decode_bytes",
    "decode_page",
    "decode_utf8",
    "find_quotes",
    "parse_document",
    "read_document",
    "read_sentences",
    "sniff_format",
]
