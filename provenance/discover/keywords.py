"""Keywords of a passage carried into the outlet's language, and how well a candidate's words match them.

A passage in English and its German or Russian original share few words, but they share the
ones that say which story it is: names and numbers as written, and content words once carried
across. So:

- numbers are kept as digits (separators dropped: "2,500" and "2.500" are one key);
- names (capitalised words that are not sentence-initial) are folded to plain Latin: accents
  dropped, Cyrillic transliterated and spelling variants collapsed (the aligner's ``fold``), so
  "Peskov" meets "Песков" in a Russian title and "peskov" in a slug;
- content words are carried into the outlet's language through a ``WordBridge`` when one is
  available (the offline Ding gloss read backwards for English -> German, or a translation
  memory's translation of the passage's sentences); without one they still match cognates.

Words are compared by their first ``STEM`` letters, which lets inflection ("Regionen", "Putina")
pass. The score of a candidate is the weighted share of keywords found in its URL slug, title
and lead.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Protocol
from urllib.parse import unquote, urlsplit

from provenance.align import fold as align_fold
from provenance.errors import ConfigError

STEM = 4
_WORD = re.compile(r"\d+(?:[.,'\u00a0\u202f]\d+)*|[^\W\d_]+(?:['’-][^\W\d_]+)*")
_NUMBER_SEPARATORS = re.compile(r"[.,'\u00a0\u202f]")
WEIGHTS = {"name": 3.0, "number": 2.0, "word": 1.0}


class WordBridge(Protocol):
    """Words of the target language a source-language word may be rendered as (empty: unknown)."""

    def words(self, word: str, source_lang: str, target_lang: str) -> Sequence[str]: ...


@dataclass(frozen=True)
class Keyword:
    text: str  # as written in the passage
    kind: str  # name | number | word
    keys: frozenset[str]  # folded stems any of which counts as a match

    @property
    def weight(self) -> float:
        return WEIGHTS[self.kind]


@cache
def _stopwords() -> dict[str, frozenset[str]]:
    raw = tomllib.loads(resources.files("provenance.discover").joinpath("keywords.toml").read_text("utf-8"))
    stop = raw.get("stopwords")
    if not isinstance(stop, dict) or not all(isinstance(v, str) for v in stop.values()):
        raise ConfigError("keywords.toml: [stopwords] must map language codes to strings of words")
    return {lang: frozenset(words.split()) for lang, words in stop.items()}


def stopwords(lang: str | None) -> frozenset[str]:
    return _stopwords().get((lang or "").lower(), frozenset())


def fold(word: str) -> str:
    """Lower case, no accents, Cyrillic in Latin letters, common spelling variants collapsed.

    The aligner's folding, so that "Wolkowa", "Volkova" and "Волкова" are one key here as there.
    """
    return align_fold(word.replace("ß", "ss"))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    folded = fold(word)
    return folded[:STEM]


def number_key(token: str) -> str:
    return _NUMBER_SEPARATORS.sub("", token)


def _sentence_starts(text: str) -> set[int]:
    starts = {0}
    for m in re.finditer(r"[.!?:;\"«»“”„]\s+", text):
        starts.add(m.end())
    return starts


def passage_keywords(
    text: str,
    lang: str | None,
    target_lang: str | None,
    *,
    bridge: WordBridge | None = None,
    translations: Iterable[str] = (),
) -> list[Keyword]:
    """The keywords of ``text`` (language ``lang``) with their keys in ``target_lang`` (see module docstring).

    ``translations``: the passage (or some of its sentences) already rendered in the target
    language, e.g. by a translation memory; their content words join as keywords.
    """
    stop = stopwords(lang)
    starts = _sentence_starts(text)
    found: dict[str, Keyword] = {}
    for m in _WORD.finditer(text):
        token = m.group()
        if token[0].isdigit():
            key = number_key(token)
            if len(key) >= 2 or int(key or 0) > 0:
                found.setdefault("#" + key, Keyword(token, "number", frozenset({key})))
            continue
        lowered = token.casefold()
        if lowered in stop or len(token) < 3:
            continue
        capital = token[0].isupper()
        # German capitalises every noun: capitals are no sign of a name there
        is_name = capital and m.start() not in starts and lang != "de"
        keys = {stem(token)}
        if not is_name and bridge is not None and lang and target_lang and lang != target_lang:
            keys |= {stem(w) for w in bridge.words(lowered, lang, target_lang) if len(w) >= 3}
        if not is_name and len(token) < 4:
            continue
        kind = "name" if is_name else "word"
        ident = kind + ":" + stem(token)
        if ident in found:
            continue
        found[ident] = Keyword(token, kind, frozenset(keys))
    target_stop = stopwords(target_lang)
    for translated in translations:
        for m in _WORD.finditer(translated):
            token = m.group()
            if token[0].isdigit() or token.casefold() in target_stop or len(token) < 4:
                continue
            found.setdefault("word:" + stem(token), Keyword(token, "word", frozenset({stem(token)})))
    return list(found.values())


def slug_words(url: str) -> list[str]:
    """The words of a URL's path ("/politik/putin-trifft-witkoff-123.html" -> politik, putin, ...)."""
    path = unquote(urlsplit(url).path)
    return [w for w in re.split(r"[^\w]+|_", path) if w and w.lower() not in ("html", "htm", "php", "amp")]


def candidate_keys(texts: Iterable[str | None]) -> frozenset[str]:
    """Stems and number keys of a candidate's slug, title and lead."""
    return frozenset(term_counts(texts))


def term_counts(texts: Iterable[str | None]) -> Counter[str]:
    """How often each stem and number key occurs in ``texts`` (a page's words, for BM25)."""
    counts: Counter[str] = Counter()
    for text in texts:
        if not text:
            continue
        for m in _WORD.finditer(text):
            token = m.group()
            counts[number_key(token) if token[0].isdigit() else stem(token)] += 1
    return counts


def keyword_score(keywords: Sequence[Keyword], keys: frozenset[str]) -> float:
    """Weighted share of ``keywords`` whose keys ``keys`` holds (0 when there are no keywords)."""
    total = sum(k.weight for k in keywords)
    if not total:
        return 0.0
    return sum(k.weight for k in keywords if k.keys & keys) / total
