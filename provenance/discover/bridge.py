"""Word bridges for keywords: dictionaries that carry a passage's content words into the outlet's language.

- ``GlossBridge``: the offline Ding gloss read backwards (English -> German). The gloss index maps
  German forms to an English rendering; inverted, it names the German forms an English word may
  stand for. Only single-word renderings count, at most ``MAX_FORMS`` per English word (headwords
  come first in the index, so the common forms are the ones kept).
- ``FreeDictBridge``: the installed FreeDict word lists (lang/freedict.py), any pair in either
  direction (English -> German, Russian, French; French <-> German). A word the list lacks is looked
  up by its lemma ("elections" -> "election").
- ``Bridges``: several at once (their words merged, first bridge's first); ``default_bridge`` is
  what discovery uses when the caller gives none.

A bridge without its dictionary installed is inert (no words), never an error.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from provenance.config import Config
from provenance.errors import ProvenanceError
from provenance.lang import freedict
from provenance.lang.ding import load_index
from provenance.lang.lemmas import lemma
from provenance.translate.gloss import GlossTranslator

from .keywords import WordBridge, stopwords

MAX_FORMS = 8
_MIN_LENGTH = 3  # shorter renderings ("le", "в") are function words or abbreviations


class GlossBridge:
    """English -> German words from the Ding dictionary; inert (no words) when it is not installed."""

    def __init__(self, config: Config) -> None:
        self._translator = GlossTranslator(config)
        self._config = config
        self._inverse: dict[str, list[str]] | None = None

    def available(self) -> bool:
        return self._translator.available()

    def _table(self) -> dict[str, list[str]]:
        if self._inverse is None:
            self._inverse = _inverse_gloss(self._translator.path, self._config.cache_dir)
        return self._inverse

    def words(self, word: str, source_lang: str, target_lang: str) -> Sequence[str]:
        if (source_lang, target_lang) != ("en", "de") or not self.available():
            return ()
        return self._table().get(word.casefold(), ())


@lru_cache(maxsize=2)
def _inverse_gloss(path: Path, cache_dir: Path) -> dict[str, list[str]]:
    """English word -> German forms (once per process: every passage of a check makes a new bridge)."""
    inverse: dict[str, list[str]] = {}
    try:
        exact = load_index(path, cache_dir)[0]
    except (OSError, ProvenanceError):
        exact = {}
    for german, english in exact.items():
        word = english.casefold().removeprefix("to ").strip()
        if " " in word or not word.isalpha():
            continue
        forms = inverse.setdefault(word, [])
        if len(forms) < MAX_FORMS and german not in forms:
            forms.append(german)
    return inverse


class FreeDictBridge:
    """Words of any installed FreeDict pair (either direction); inert for a pair none covers."""

    def __init__(self, config: Config, folder: Path | None = None) -> None:
        self._cache_dir = config.cache_dir
        self._folder = folder  # where the dictd files are (None: the system's, lang/freedict.py)

    def words(self, word: str, source_lang: str, target_lang: str) -> Sequence[str]:
        if not freedict.available(source_lang, target_lang, self._folder):
            return ()
        pairs = freedict.word_pairs(source_lang, target_lang, cache_dir=self._cache_dir, folder=self._folder)
        low = word.casefold()
        found = pairs.get(low) or pairs.get(lemma(low, source_lang)) or ()
        stop = stopwords(target_lang)
        return [w for w in found if len(w) >= _MIN_LENGTH and w not in stop][:MAX_FORMS]


class Bridges:
    """The words of every bridge given, merged in order without repeats."""

    def __init__(self, *bridges: WordBridge) -> None:
        self._bridges = bridges

    def words(self, word: str, source_lang: str, target_lang: str) -> Sequence[str]:
        merged: dict[str, None] = {}
        for bridge in self._bridges:
            merged.update(dict.fromkeys(bridge.words(word, source_lang, target_lang)))
        return list(merged)


def default_bridge(config: Config) -> Bridges:
    """Ding (English -> German) and every FreeDict pair installed."""
    return Bridges(GlossBridge(config), FreeDictBridge(config))
