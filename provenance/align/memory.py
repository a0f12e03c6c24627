"""Anchoring on a known translation (a translation memory), so that only the unsure sentences are embedded.

With a memory, most passage sentences are close renderings of their original's known translation, and a
rapidfuzz character similarity finds them without the model. A pair is *sure* when each is the other's best
match, at least ``memory_fuzz`` similar and ahead of the runner-up in its row and its column by
``memory_margin``. A sure pair is fixed as a 1:1 bead when a neighbouring pair (i-1, j-1 or i+1, j+1) is sure
too, and on each side without a sure neighbour no merge reads closer: joined with its neighbour there (on either
text, or both), neither sentence is more similar to the other side than the pair itself. So a split or merge next
to a run stays in the windows the aligner embeds and aligns. On WMT21 de-en and ru-en (reference B as the
passage, reference A as the memory, 1,000 lines each) 0.6 / 0.1 fixed no wrong pair: 696 and 796 pairs (452 and
583 when both neighbours had to be sure, the rule of align 1.3).

A second pass (align 1.5) asks the same inside each window the first leaves between fixed beads, with the window's
own rows and columns as the runners-up and ``memory_window_fuzz`` (0.45) as the least similarity, until nothing
changes: a loosely rendered sentence between two fixed beads is still its translation's clear best match there. The
pair must still be each other's best match over the whole texts: one unrelated WMT pair in ten reaches 0.45, so a
sentence the passage adds in place of one it leaves out would otherwise be paired with it (planted so in 516 places
of the articles below, 12 were; with the test, none). Line-aligned WMT21 articles built as
``benchmarks/check_speed.py`` builds them (reference B quoted, reference A the memory; de-en and ru-en, 1,000 lines
each, in articles of 2,500 words) then embed 768 texts instead of 1,521 (0.42 per passage sentence instead of
0.83), and the strict F1 of the beads against the lines is 0.991 instead of 0.990 (the same on de-en, higher on
ru-en). A pair fixed there scores at least 0.45, above the scores the passage's settling rules ask of a match
(settle.py).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz.fuzz import ratio as fuzz_ratio

from provenance.align.params import AlignParams


@dataclass(frozen=True)
class Window:
    """Derivative sentences [d0, d1) and original sentences [o0, o1) between two fixed beads."""

    d0: int
    d1: int
    o0: int
    o1: int


def fuzz_matrix(derivative: Sequence[str], translations: Sequence[str | None]) -> np.ndarray:
    """(n, m) rapidfuzz ratio in [0, 1] of each derivative sentence to each known translation (0 without one)."""
    from rapidfuzz import fuzz, process

    known = [t.lower() if t else "" for t in translations]
    matrix = process.cdist(
        [s.lower() for s in derivative], known, scorer=fuzz.ratio, dtype=np.float32, workers=1
    ) / np.float32(100.0)
    matrix[:, [not t for t in known]] = 0.0
    return matrix


def fixed_pairs(
    fuzz: np.ndarray, p: AlignParams, derivative: Sequence[str], translations: Sequence[str | None]
) -> list[tuple[int, int]]:
    """Sure pairs that a sure neighbour confirms and no merge contradicts (see the module docstring), in order: first
    over the whole texts, then, until nothing changes, inside each window between fixed beads."""
    n, m = fuzz.shape
    if n < 3 or m < 3 or p.memory_fuzz <= 0.0:
        return []
    fixed = _confirmed(fuzz, _sure(fuzz, p.memory_fuzz, p.memory_margin), set(), derivative, translations)
    if p.memory_window_fuzz <= 0.0:
        return fixed
    # still each other's best match over the whole texts: a sentence the passage adds next to one it leaves out would
    # otherwise be paired with it whenever the two alone make a window (one in ten unrelated WMT pairs reach 0.45)
    best_j, best_i = fuzz.argmax(axis=1), fuzz.argmax(axis=0)
    while True:
        held = set(fixed)
        sure: set[tuple[int, int]] = set()
        for w in windows(fixed, n, m):
            if w.d1 > w.d0 and w.o1 > w.o0:
                inside = _sure(fuzz[w.d0 : w.d1, w.o0 : w.o1], p.memory_window_fuzz, p.memory_margin)
                sure |= {(i + w.d0, j + w.o0) for i, j in inside if best_j[i + w.d0] == j + w.o0
                         and best_i[j + w.o0] == i + w.d0}
        added = _confirmed(fuzz, sure, held, derivative, translations)
        if not added:
            return fixed
        fixed = _increasing(sorted(held | set(added)))


def _sure(fuzz: np.ndarray, least: float, margin: float) -> set[tuple[int, int]]:
    """Pairs of ``fuzz`` that are each other's best match, at least ``least`` similar and ``margin`` ahead of the
    runner-up in their row and column (a row or column of one has no runner-up)."""
    n, m = fuzz.shape
    rows, cols = np.sort(fuzz, axis=1), np.sort(fuzz, axis=0)
    best_j, best_i = fuzz.argmax(axis=1), fuzz.argmax(axis=0)
    sure = set()
    for i in range(n):
        j = int(best_j[i])
        value = fuzz[i, j]
        row_next = rows[i, -2] if m > 1 else 0.0
        col_next = cols[-2, j] if n > 1 else 0.0
        if best_i[j] == i and value >= least and value - row_next >= margin and value - col_next >= margin:
            sure.add((i, j))
    return sure


def _confirmed(
    fuzz: np.ndarray, sure: set[tuple[int, int]], held: set[tuple[int, int]], derivative: Sequence[str],
    translations: Sequence[str | None],
) -> list[tuple[int, int]]:
    """The pairs of ``sure`` next to another sure or ``held`` pair, with no merge reading closer on a side without
    one, as the longest increasing run."""
    near = sure | held
    kept = []
    for i, j in sorted(sure):
        before, after = (i - 1, j - 1) in near, (i + 1, j + 1) in near
        if (before or after) and all(
            confirmed or not _merge_reads_closer(fuzz, i, j, step, derivative, translations)
            for confirmed, step in ((before, -1), (after, 1))
        ):
            kept.append((i, j))
    return _increasing(kept)


def _merge_reads_closer(
    fuzz: np.ndarray, i: int, j: int, step: int, derivative: Sequence[str], translations: Sequence[str | None]
) -> bool:
    """Whether joining passage sentence ``i`` or translation ``j`` (or both) with its neighbour ``step`` away is
    more similar to the other side than the pair itself; a neighbour with no known translation may be anything."""
    i2, j2 = i + step, j + step
    d_in, t_in = 0 <= i2 < len(derivative), 0 <= j2 < len(translations)
    if t_in and not translations[j2]:
        return True
    d, t = derivative[i].lower(), (translations[j] or "").lower()
    d_joined = _joined(d, derivative[i2].lower(), step) if d_in else None
    t_joined = _joined(t, (translations[j2] or "").lower(), step) if t_in else None
    options = [(d, t_joined), (d_joined, t), (d_joined, t_joined)]
    pair = float(fuzz[i, j]) * 100.0
    return any(a is not None and b is not None and fuzz_ratio(a, b) > pair for a, b in options)


def _joined(text: str, neighbour: str, step: int) -> str:
    return f"{neighbour} {text}" if step < 0 else f"{text} {neighbour}"


def _increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of ``pairs`` (sorted by i) whose j increase too: a reordered stretch is not fixed."""
    tails: list[int] = []  # tails[k]: index of the pair ending the best chain of length k + 1
    back = [-1] * len(pairs)
    for idx, (_, j) in enumerate(pairs):
        k = bisect_left([pairs[t][1] for t in tails], j)
        back[idx] = tails[k - 1] if k else -1
        tails[k:k + 1] = [idx]
    chain, idx = [], tails[-1] if tails else -1
    while idx >= 0:
        chain.append(pairs[idx])
        idx = back[idx]
    return chain[::-1]


def windows(fixed: Sequence[tuple[int, int]], n: int, m: int) -> list[Window]:
    """The stretches before, between and after the fixed beads: one more than there are fixed beads (a window
    between two neighbouring fixed beads is empty)."""
    out = []
    prev_i, prev_j = -1, -1
    for i, j in [*fixed, (n, m)]:
        out.append(Window(prev_i + 1, i, prev_j + 1, j))
        prev_i, prev_j = i, j
    return out
