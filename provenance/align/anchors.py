"""Language-independent anchors: numbers, names folded to Latin script, short quotes."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from provenance.lang.words import CYRILLIC_LATIN
from provenance.letters import strip_marks

_NUMBER = re.compile(r"\d+(?:[.,'\u00a0\u202f ]\d{3})*(?:[.,]\d+)?")
_CAPWORD = re.compile(r"\b[^\W\d_][\w'’-]*")
_QUOTED = re.compile(r"[\"“„«‹‚‘]\s*([^\"“”„«»‹›‚‘’]{1,60}?)\s*[\"”“»›’‘]")
# the package's one Cyrillic table ("й", "ю", "я", "є" give "y", "yu", "ya", "ye": the same keys here, where every "y"
# becomes "i" below)
_CYRILLIC = str.maketrans(dict(CYRILLIC_LATIN))


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lower case, Latin script, no diacritics: "Selenskyj", "Зеленський" and "Zelensky" come close."""
    w = word.lower().translate(_CYRILLIC)
    w = "".join(ch for ch in strip_marks(w) if ch.isalnum())
    # common transliteration variants collapse to one spelling
    for a, b in (("sch", "sh"), ("tsch", "ch"), ("j", "i"), ("y", "i"), ("w", "v"), ("kh", "h"), ("ck", "k")):
        w = w.replace(a, b)
    return w


def _number_key(raw: str) -> str:
    digits = re.sub(r"[.,'\u00a0\u202f ]", "", raw)
    if re.fullmatch(r"\d{1,3}(?:[.,'\u00a0\u202f ]\d{3})+", raw):
        return digits  # thousands separators of any convention
    return raw.replace(",", ".")


def number_keys(text: str) -> set[str]:
    """The numbers of ``text`` as keys that do not depend on the separator convention ('21,400', '21 400')."""
    return {_number_key(m.group(0).strip()) for m in _NUMBER.finditer(text)}


def anchors(sentence: str) -> frozenset[str]:
    """Language-independent tokens that a translation keeps: numbers, names, short quotes."""
    keys: set[str] = {"n:" + key for key in number_keys(sentence)}
    for k, m in enumerate(_CAPWORD.finditer(sentence)):
        word = m.group(0)
        if k == 0 or len(word) < 3 or not word[0].isupper():
            continue  # sentence-initial capitals say nothing
        keys.add("w:" + fold(word)[:5])
    for m in _QUOTED.finditer(sentence):
        inner = m.group(1)
        if len(inner.split()) <= 4:
            keys.add("q:" + fold(inner)[:12])
    return frozenset(keys)


def shared_anchors(der: Sequence[frozenset[str]], ori: Sequence[frozenset[str]]) -> np.ndarray:
    """Dense (n, m) count of shared anchors, built from an inverted index (sparse in practice)."""
    shared = np.zeros((len(der), len(ori)), dtype=np.float32)
    index: dict[str, list[int]] = {}
    for j, keys in enumerate(ori):
        for key in keys:
            index.setdefault(key, []).append(j)
    for i, keys in enumerate(der):
        for key in keys:
            cols = index.get(key)
            if cols and len(cols) <= 20:  # an anchor found everywhere anchors nothing
                shared[i, cols] += 1.0
    return shared
