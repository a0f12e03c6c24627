"""Lemmas: simplemma's dictionaries as memory-mapped tries, and the cache root of compiled language resources.

Shared by alignment, comparison and the dictionary gloss, which all need the same lemmas; it lives below
them so none of them imports another for it.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

SIMPLEMMA_LANGS = {"de", "en", "fr", "es", "it", "ru", "uk", "pl", "pt", "nl"}
_cache_root: Path | None = None  # set from Config.cache_dir by use_cache_dir()


def use_cache_dir(cache_dir: Path) -> None:
    """Keep the compiled lexical resources (lemma tries, WordNet) under ``cache_dir`` (--cache-dir).

    Only the first call before the lemmatiser is built counts: the files hold the same data
    wherever they are, so a process never needs two copies.
    """
    global _cache_root
    if lemmatiser.cache_info().currsize == 0:
        _cache_root = Path(cache_dir)


def cache_root() -> Path:
    """The run's cache dir, else $PROVENANCE_CACHE_DIR, else the user cache dir."""
    from provenance.config import default_cache_dir

    return _cache_root or Path(os.environ.get("PROVENANCE_CACHE_DIR") or default_cache_dir())


@lru_cache(maxsize=1)
def lemmatiser() -> tuple[object, object]:
    """(lemmatizer, lookup strategy) over simplemma's dictionaries.

    simplemma's default backend lzma-decodes a whole language dictionary per process (~0.8 s each for
    de and en), which dominated a CLI run. With marisa-trie installed the dictionaries are converted once
    into memory-mapped tries in our cache dir and later runs open them in milliseconds; same data, same lemmas.
    """
    from simplemma import Lemmatizer
    from simplemma.strategies import DefaultStrategy, DictionaryLookupStrategy

    factory = None
    try:
        from simplemma import __version__ as version
        from simplemma.strategies.dictionaries.trie_dictionary_factory import TrieDictionaryFactory

        factory = TrieDictionaryFactory(disk_cache_dir=str(cache_root() / "lemma-tries" / version))
    except ImportError:  # no marisa-trie: simplemma's in-memory dictionaries (slower start-up)
        factory = None
    strategy = DefaultStrategy(dictionary_factory=factory) if factory else DefaultStrategy()
    lookup = DictionaryLookupStrategy(factory) if factory else DictionaryLookupStrategy()
    return Lemmatizer(lemmatization_strategy=strategy), lookup


@lru_cache(maxsize=200_000)
def lemma(word: str, lang: str) -> str:
    if not any(ch.isalpha() for ch in word):
        return word.lower()
    low = word.lower()
    if lang in SIMPLEMMA_LANGS:
        lemmatizer, _ = lemmatiser()
        try:
            return lemmatizer.lemmatize(low, lang).lower()  # type: ignore[attr-defined]
        except (ValueError, KeyError):  # unsupported language code in this simplemma build
            return low
    return low


@lru_cache(maxsize=100_000)
def is_known(word: str, lang: str) -> bool:
    if lang not in SIMPLEMMA_LANGS or not word:
        return False
    from simplemma.utils import normalize_token

    _, lookup = lemmatiser()
    try:
        return lookup.get_lemma(normalize_token(word.lower()), lang) is not None  # type: ignore[attr-defined]
    except (ValueError, KeyError):
        return False
