"""Word vectors from the e5 model: how close two single words are in meaning.

Words are embedded on demand, kept for the process and in the embedding cache of the run's cache
dir, so a second check of the same article does not embed them again.
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
    from provenance.compare.tokens import cache_root
    from provenance.config import Config
    from provenance.embed import get_embedder

    return get_embedder(Config(cache_dir=cache_root()))
