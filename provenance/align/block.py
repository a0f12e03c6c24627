"""One block of sentences aligned with the vectors given: features, then the mode's dynamic program."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from provenance.align.document import align_document
from provenance.align.excerpt import align_excerpt
from provenance.align.features import build_features, reference_sentences
from provenance.align.lexical import lex_data
from provenance.align.memory import Window
from provenance.align.params import SMALL_PAIRS, AlignParams
from provenance.align.scoring import margin_data, single_values
from provenance.align.vectors import embed
from provenance.embed import Embedder
from provenance.model import Bead


@dataclass(frozen=True)
class Task:
    """One alignment's inputs, as ``align()`` received them (after defaults)."""

    derivative: Sequence[str]
    original: Sequence[str]
    translations: Sequence[str | None] | None  # None: no known translation at all
    d_par: Sequence[int] | None
    o_par: Sequence[int] | None
    embedder: Embedder
    params: AlignParams
    langs: tuple[str | None, str | None]  # derivative, original
    allow_reorder: bool
    references: list[np.ndarray] = field(default_factory=list)  # reference sentences' vectors, once embedded

    def reference_vectors(self) -> np.ndarray:
        """Vectors of the unrelated reference sentences, embedded on first use (small blocks calibrate on them)."""
        if not self.references:
            self.references.append(embed(self.embedder, reference_sentences()))
        return self.references[0]


Vectors = tuple[np.ndarray, np.ndarray, np.ndarray | None]  # derivative, original, known translations


def align_block(
    task: Task, w: Window, vecs: Vectors, *, whole: bool, free_start: bool = False, free_end: bool = False
) -> list[Bead]:
    """Beads of derivative [w.d0, w.d1) and original [w.o0, w.o1) (indices of the whole texts), in document
    mode (``whole``) or excerpt mode; ``vecs`` hold the block's sentences only."""
    n, m = w.d1 - w.d0, w.o1 - w.o0
    if n == 0 or m == 0:  # nothing to pair: insertions, or deletions after the bead before them
        return [Bead((i,), (), 0.0) for i in range(w.d0, w.d1)] + [Bead((), (j,), 0.0) for j in range(w.o0, w.o1)]
    derivative, original = task.derivative[w.d0 : w.d1], task.original[w.o0 : w.o1]
    translations = task.translations[w.o0 : w.o1] if task.translations is not None else None
    if translations is not None and not any(translations):
        translations = None
    d_par = task.d_par[w.d0 : w.d1] if task.d_par is not None else None
    o_par = task.o_par[w.o0 : w.o1] if task.o_par is not None else None
    p = task.params
    f = build_features(
        derivative, original, vecs[0], vecs[1], vecs[2] if translations is not None else None, translations,
        whole=whole, d_par=d_par, o_par=o_par,
        ref_vec=task.reference_vectors() if n * m < SMALL_PAIRS else None,
        # with few pairs the mean over the other side is dominated by the true matches themselves
        local=p.local if whole and n * m >= SMALL_PAIRS else 0.0,
    )
    d_lang, o_lang = task.langs
    if whole and p.scorer == "margin":
        f.margin = margin_data(task.embedder, derivative, original, vecs[0], vecs[1])
    if whole and p.lexical > 0.0 and d_lang and o_lang:
        f.lex = lex_data(derivative, original, d_lang, o_lang)
    sim1, x1 = single_values(f, p, n, m)
    if whole:
        beads = align_document(n, m, f, p, sim1, free_start=free_start, free_end=free_end)
    else:
        beads = align_excerpt(n, m, f, p, sim1, x1, task.allow_reorder, d_par, o_par)
    if w.d0 == 0 and w.o0 == 0:
        return beads
    return [Bead(tuple(i + w.d0 for i in b.derivative), tuple(j + w.o0 for j in b.original), b.score) for b in beads]
