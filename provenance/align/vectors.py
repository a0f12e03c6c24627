"""Sentence vectors for the aligner: every sentence is embedded once, in batches; merged beads use sums."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from provenance.embed import Embedder
from provenance.errors import AlignmentError


def embed(embedder: Embedder, texts: Sequence[str]) -> np.ndarray:
    vecs = np.asarray(embedder.embed(list(texts)), dtype=np.float32)
    if vecs.ndim != 2 or len(vecs) != len(texts):
        raise AlignmentError(f"embedder {embedder.name} returned {vecs.shape} for {len(texts)} texts")
    return vecs


def sentence_vectors(
    embedder: Embedder, derivative: Sequence[str], original: Sequence[str], translations: Sequence[str | None] | None
) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
    """(derivative, original, known translation) vectors; an original without a translation stands for it."""
    n = len(derivative)
    vecs = embed(embedder, [*derivative, *original])
    t_vec = None
    if translations is not None:
        t_vec = embed(embedder, [t if t else o for t, o in zip(translations, original, strict=True)])
    return vecs[:n], vecs[n:], t_vec
