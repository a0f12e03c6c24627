"""``provenance translate``: the text to translate, and its paragraphs translated with the layout kept."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from provenance.documents import decode_page
from provenance.model import Translation
from provenance.translate.base import Translator


def read_text(source: str) -> str:
    """SOURCE is "-" (stdin), an existing file, or else the text itself."""
    if source == "-":
        return sys.stdin.read()
    path = Path(source)
    try:
        is_file = path.is_file()
    except OSError:  # a long text is not a valid path
        is_file = False
    if not is_file:
        return source
    return decode_page(path.read_bytes())[0]


@dataclass(frozen=True)
class Translated:
    text: str  # the whole text translated, paragraph separators as in the input
    segments: list[Translation]  # one per non-blank paragraph
    translators: list[str]  # the translators that produced them, sorted

    def to_json(self, engine: Translator, source_lang: str, target_lang: str) -> dict[str, object]:
        """The record ``translate --format json`` prints."""
        return {
            "source_lang": source_lang,
            "target_lang": target_lang,
            "translator": engine.name,
            "version": engine.version,
            "translators": self.translators,
            "text": self.text,
            "segments": [r.to_json() for r in self.segments],
        }


def translate_paragraphs(engine: Translator, text: str, source_lang: str, target_lang: str) -> Translated:
    """Translate ``text`` paragraph by paragraph; blank paragraphs and the separators stay as they are."""
    parts = re.split(r"(\n\s*\n)", text.strip("\n"))
    paragraphs = parts[0::2]
    separators = parts[1::2] + [""]
    todo = [p for p in paragraphs if p.strip()]
    done = iter(engine.translate(todo, source_lang, target_lang)) if todo else iter(())
    results = [next(done) if p.strip() else None for p in paragraphs]
    joined = "".join((r.text if r else p) + sep for r, p, sep in zip(results, paragraphs, separators, strict=True))
    return Translated(joined, [r for r in results if r], sorted({r.translator for r in results if r}))
