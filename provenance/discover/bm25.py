"""BM25 over keyword keys: how strongly a text is about a passage's names, numbers and carried-over words.

The documents are the candidates being compared (their listing entries, or the text of the pages
read), so a key that every candidate has (the outlet's name, a word of the week's big story) counts
little and a name only two pages mention counts a lot. A keyword with several keys (a word and its
dictionary renderings) is one term: its count in a document is the count of all its keys, its
document frequency the number of documents holding any of them. Keyword kinds keep their weights
(a name over a number over a word).

The score is normalised by the weighted IDF sum of the passage's keywords, so it reads as "the share
of the passage's evidence found here" (about 1 for a page holding every keyword once at an average
length; capped at 1), and is comparable between passages.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .keywords import Keyword


@dataclass(frozen=True)
class Bm25Params:
    k1: float = 1.2  # how fast repeated mentions saturate
    b: float = 0.75  # how much a long document is discounted


def bm25_scores(
    keywords: Sequence[Keyword], docs: Sequence[Counter[str]], params: Bm25Params = Bm25Params()
) -> list[float]:
    """One score in [0, 1] per document of ``docs`` (term counts; see module docstring)."""
    if not docs or not keywords:
        return [0.0] * len(docs)
    lengths = [sum(d.values()) for d in docs]
    average = sum(lengths) / len(docs) or 1.0
    n = len(docs)
    scores = [0.0] * n
    total = 0.0
    for kw in keywords:
        tfs = [sum(d.get(k, 0) for k in kw.keys) for d in docs]
        df = sum(1 for tf in tfs if tf)
        idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
        total += kw.weight * idf
        if not df:
            continue
        for i, tf in enumerate(tfs):
            if tf:
                norm = params.k1 * (1 - params.b + params.b * lengths[i] / average)
                scores[i] += kw.weight * idf * tf * (params.k1 + 1) / (tf + norm)
    if total <= 0:
        return [0.0] * n
    return [min(1.0, s / total) for s in scores]
