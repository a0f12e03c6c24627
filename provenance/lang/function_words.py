"""Closed-class words and the English word a word-by-word gloss uses for them (``data/function_words.XX-en.toml``):
the dictionaries list these with their rarer senses first ("sein" = "to be" and "his", "pas" = "pace"), or not
at all; a gloss needs the most frequent reading. One table per language, checked when loaded."""

from __future__ import annotations

import logging
import tomllib
from functools import lru_cache
from pathlib import Path

from provenance.errors import LexiconError

DATA = Path(__file__).parent.parent / "data"
log = logging.getLogger("provenance.lang")


@lru_cache(maxsize=8)
def function_words(lang: str) -> dict[str, str]:
    """``data/function_words.<lang>-en.toml``: closed-class word (lower case) -> its usual English rendering. A
    missing table is an empty one (the gloss then uses the dictionary alone); a malformed one is an error."""
    path = DATA / f"function_words.{lang}-en.toml"
    if not path.is_file():
        log.warning("function-word table %s is missing", path)
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"{path.name}: not valid TOML: {exc}") from exc
    words = data.get("words")
    if not isinstance(words, dict) or not all(isinstance(v, str) for v in words.values()):
        raise LexiconError(f"{path.name}: expected a [words] table of word = \"English rendering\" strings")
    return {k.lower(): v for k, v in words.items()}
