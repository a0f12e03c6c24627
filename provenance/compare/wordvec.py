"""Word vectors from the e5 model (in-process cache): how close two single words are in meaning.

Words are few and short, so they are embedded on demand and kept for the process; no persistent cache.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

_VEC_CACHE: dict[str, np.ndarray] = {}


def word_vectors(words: list[str]) -> dict[str, np.ndarray]:
    """Normalised vectors for ``words`` (each embedded once per process)."""
    missing = sorted({w for w in words if w not in _VEC_CACHE})
    if missing:
        for w, v in zip(missing, _embedder().embed(missing), strict=True):
            _VEC_CACHE[w] = v
    return {w: _VEC_CACHE[w] for w in words}


@lru_cache(maxsize=1)
def _embedder():  # noqa: ANN202 - provenance.embed.Embedder
    from provenance.embed import get_embedder

    return get_embedder(persistent=False)
