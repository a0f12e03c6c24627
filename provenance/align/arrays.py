"""Prefix sums, so any run of sentences gets its total length or count in O(1)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def prefix_sums(values: Sequence[float]) -> np.ndarray:
    return np.concatenate([[0.0], np.cumsum(np.asarray(values, dtype=np.float64))])
