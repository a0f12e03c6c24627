"""The dictionary term: content words as keys (word, lemma, FreeDict translations) and their coverage
across a bead, as bit masks per sentence pair inside the band."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from provenance.align.anchors import fold
from provenance.align.arrays import prefix_sums
from provenance.align.params import ALIGN_VERSION, DEFAULT_PARAMS, AlignParams


@dataclass
class LexData:
    """Content words of every sentence as sets of keys in the derivative's language, and which words of
    each sentence a sentence on the other side covers (bit masks, filled inside the band)."""

    d_keys: list[list[frozenset[str]]]  # per derivative sentence, per content word (at most 64)
    o_keys: list[list[frozenset[str]]]  # per original sentence: the word itself and its dictionary translations
    d_union: list[frozenset[str]]
    o_union: list[frozenset[str]]
    d_words: np.ndarray  # prefix sums of content-word counts
    o_words: np.ndarray
    d_mask: np.ndarray  # (n, m) uint64: words of derivative sentence i found in original sentence j
    o_mask: np.ndarray  # (n, m) uint64: words of original sentence j found in derivative sentence i


_LEX_WORD = re.compile(r"[^\W\d_]{3,}|\d+(?:[.,]\d+)*")


def _content_words(sentences: Sequence[str], lang: str) -> list[list[tuple[str, str]]]:
    """(surface, lemma) of the numbers and words of three letters or more; those found in many sentences
    of the document (more than a tenth, at least four) are function words here and dropped."""
    from provenance.lang.lemmas import lemma

    tokens = [[(w, lemma(w, lang).lower()) for w in _LEX_WORD.findall(s)] for s in sentences]
    df: dict[str, int] = {}
    for sent in tokens:
        for lem in {lem for _, lem in sent}:
            df[lem] = df.get(lem, 0) + 1
    limit = max(4.0, 0.1 * len(sentences))
    return [[(w, lem) for w, lem in sent if df[lem] <= limit][:64] for sent in tokens]


_COMPOUNDING = frozenset({"de", "nl"})  # languages that write compounds as one word


def _word_keys(word: str, lem: str, pairs: Mapping[str, tuple[str, ...]], compounds: bool) -> frozenset[str]:
    """The word, its lemma and their dictionary translations, folded; an unknown compound is looked up by
    its longest known tail (Kurzarbeits|entschädigung)."""
    low = word.lower()
    found = pairs.get(lem, ()) + pairs.get(low, ())
    keys = {fold(word), fold(lem)}
    if not found and compounds and len(low) >= 8:
        for cut in range(2, len(low) - 3):
            tail = low[cut:]
            if tail in pairs:
                keys.add(fold(tail))
                found = pairs[tail]
                break
    keys.update(fold(t) for t in found)
    return frozenset(keys)


def version_tag(derivative_lang: str | None, original_lang: str | None, params: AlignParams | None = None) -> str:
    """ALIGN_VERSION, plus '+freedict' where document mode would use the dictionary term for this pair: the
    same version aligns differently with and without the dictionary installed."""
    from provenance.lang.freedict import available
    from provenance.lang.resources import current

    params = params or DEFAULT_PARAMS
    used = bool(params.lexical > 0.0 and derivative_lang and original_lang
                and available(original_lang, derivative_lang, current().freedict_dir))
    return ALIGN_VERSION + ("+freedict" if used else "")


def lex_data(
    derivative: Sequence[str], original: Sequence[str], derivative_lang: str, original_lang: str
) -> LexData | None:
    """Keys for the dictionary term, or None when no FreeDict dictionary covers the two languages. Both
    sides get their words' translations, so a pair matches through the dictionary of either direction."""
    from provenance.lang.freedict import word_pairs
    from provenance.lang.resources import current

    res = current()
    o_pairs = word_pairs(original_lang, derivative_lang, cache_dir=res.cache_dir, folder=res.freedict_dir)
    d_pairs = word_pairs(derivative_lang, original_lang, cache_dir=res.cache_dir, folder=res.freedict_dir)
    if not o_pairs and not d_pairs:
        return None
    d_keys = [
        [_word_keys(w, lem, d_pairs, derivative_lang in _COMPOUNDING) for w, lem in sent]
        for sent in _content_words(derivative, derivative_lang)
    ]
    o_keys = [
        [_word_keys(w, lem, o_pairs, original_lang in _COMPOUNDING) for w, lem in sent]
        for sent in _content_words(original, original_lang)
    ]
    n, m = len(derivative), len(original)
    return LexData(
        d_keys=d_keys,
        o_keys=o_keys,
        d_union=[frozenset().union(*sent) for sent in d_keys],
        o_union=[frozenset().union(*sent) for sent in o_keys],
        d_words=prefix_sums([len(sent) for sent in d_keys]),
        o_words=prefix_sums([len(sent) for sent in o_keys]),
        d_mask=np.zeros((n, m), dtype=np.uint64),
        o_mask=np.zeros((n, m), dtype=np.uint64),
    )


def fill_lex_masks(lex: LexData, lo: np.ndarray, hi: np.ndarray) -> None:
    """Word coverage masks for the cells that beads inside the band (rows lo..hi) can touch."""
    n = len(lex.d_keys)
    m = len(lex.o_keys)
    for i in range(n):
        j_lo, j_hi = int(lo[max(0, i - 4)]), int(min(m, hi[min(n, i + 5)] + 1))
        d_words, d_union = lex.d_keys[i], lex.d_union[i]
        for j in range(j_lo, j_hi):
            o_union = lex.o_union[j]
            if d_union.isdisjoint(o_union):
                continue
            lex.d_mask[i, j] = sum(1 << k for k, keys in enumerate(d_words) if not keys.isdisjoint(o_union))
            lex.o_mask[i, j] = sum(1 << k for k, keys in enumerate(lex.o_keys[j]) if not keys.isdisjoint(d_union))


def lex_coverage(
    lex: LexData, rows: np.ndarray, cols: np.ndarray, i0: np.ndarray, a: int, j0: np.ndarray, b: int
) -> tuple[np.ndarray, np.ndarray]:
    """Share of the content words of both blocks that a word of the other block translates (or repeats),
    and the lowest such share of a single sentence in the bead (a sentence without content words counts 1)."""
    covered_d = np.bitwise_count(np.bitwise_or.reduce(lex.d_mask[rows, cols], axis=2))  # (k, a)
    covered_o = np.bitwise_count(np.bitwise_or.reduce(lex.o_mask[rows, cols], axis=1))  # (k, b)
    total = (lex.d_words[i0 + a] - lex.d_words[i0]) + (lex.o_words[j0 + b] - lex.o_words[j0])
    share = (covered_d.sum(axis=1) + covered_o.sum(axis=1)).astype(np.float64) / np.maximum(total, 1.0)
    d_count = np.diff(lex.d_words)[rows[:, :, 0]]
    o_count = np.diff(lex.o_words)[cols[:, 0, :]]
    worst = np.minimum(
        np.where(d_count > 0, covered_d / np.maximum(d_count, 1.0), 1.0).min(axis=1),
        np.where(o_count > 0, covered_o / np.maximum(o_count, 1.0), 1.0).min(axis=1),
    )
    return share, worst
