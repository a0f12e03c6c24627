"""Lemmas: simplemma's dictionaries as memory-mapped tries under the run's cache dir.

Shared by alignment, comparison and the dictionary gloss, which all need the same lemmas; it lives below
them so none of them imports another for it. The tries are compiled under the current resources'
``lemma_tries`` folder (``lang/resources.py``); a lemma does not depend on where they are kept.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from provenance.lang.resources import current

SIMPLEMMA_LANGS = {"de", "en", "fr", "es", "it", "ru", "uk", "pl", "pt", "nl"}


def cache_root() -> Path:
    """The current run's cache dir (kept for callers that predate ``Resources``; prefer ``current()``)."""
    return current().cache_dir


def lemmatiser() -> tuple[object, object]:
    """(lemmatizer, lookup strategy) over simplemma's dictionaries kept under the current resources."""
    return lemmatiser_at(current().lemma_tries)


@lru_cache(maxsize=2)
def lemmatiser_at(tries: Path) -> tuple[object, object]:
    """(lemmatizer, lookup strategy) over simplemma's dictionaries, as tries in ``tries``.

    simplemma's default backend lzma-decodes a whole language dictionary per process (~0.8 s each for
    de and en), which dominated a CLI run. With marisa-trie installed the dictionaries are converted once
    into memory-mapped tries in our cache dir and later runs open them in milliseconds; same data, same lemmas.
    """
    from simplemma import Lemmatizer
    from simplemma.strategies import DefaultStrategy, DictionaryLookupStrategy

    factory = None
    try:
        from simplemma.strategies.dictionaries.trie_dictionary_factory import TrieDictionaryFactory

        factory = TrieDictionaryFactory(disk_cache_dir=str(tries))
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


@lru_cache(maxsize=100_000)
def lemma_as_written(word: str, lang: str) -> str:
    """simplemma on the word as written: lower-casing first would make the German noun 'Werken' the verb 'werken'."""
    lemmatizer, _ = lemmatiser()
    try:
        return str(lemmatizer.lemmatize(word, lang))  # type: ignore[attr-defined]
    except (ValueError, KeyError):
        return word
