"""Word vectors for the detectors: those of the current run's resources (``lang/vectors.py``)."""

from __future__ import annotations

import numpy as np

from provenance.lang.resources import current


def word_vectors(words: list[str]) -> dict[str, np.ndarray]:
    """Normalised vectors for ``words``, each embedded once per run (under the run's cache dir)."""
    return current().word_vectors.get(words)
