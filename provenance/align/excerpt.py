"""Excerpt mode: a short passage quoting a stretch of a long original, possibly out of order."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from provenance.align.features import Features
from provenance.align.params import BEAD_TYPES, AlignParams
from provenance.align.scoring import bead_values
from provenance.errors import AlignmentError
from provenance.model import Bead


def align_excerpt(
    n: int,
    m: int,
    f: Features,
    p: AlignParams,
    sim1: np.ndarray,
    x1: np.ndarray,
    allow_reorder: bool,
    d_par: Sequence[int] | None,
    o_par: Sequence[int] | None,
) -> list[Bead]:
    k = min(p.excerpt_k, m)
    # the similarity a bead needs grows with how clearly this derivative's sentences match at all
    # (known translations make true matches score higher, and unrelated ones less forgivable)
    threshold = max(p.excerpt_min, p.excerpt_rel * float(np.median(x1.max(axis=1))))
    options: list[list[tuple[int, int, int, float, float]]] = [[] for _ in range(n)]  # (a, j0, b, value, sim)
    for i in range(n):
        for a in sorted({a for a, _ in BEAD_TYPES}):
            if i + a > n:
                continue
            # candidates: best originals of the block's sentences
            cand: set[int] = set()
            for di in range(a):
                row = sim1[i + di]
                cand.update(int(j) for j in np.argpartition(-row, k - 1)[:k])
            for b in sorted({b for aa, b in BEAD_TYPES if aa == a}):
                starts = sorted({j - t for j in cand for t in range(b) if 0 <= j - t <= m - b})
                if not starts:
                    continue
                j0 = np.asarray(starts)
                values, x = bead_values(f, p, i, a, j0, b)
                # an excerpt's sentence only counts as found when it is clearly similar; a weak match
                # is more likely an addition next to an omission
                values = values - threshold * (1.0 + p.weight * (a + b - 2))
                for jj, v, s in zip(starts, values, x, strict=True):
                    options[i].append((a, jj, b, float(v), float(s)))
    neg = -1e18
    # state: last original sentence used (-1 before any); best[i][state] = (total, step that got there)
    best: list[dict[int, tuple[float, _Step | None]]] = [{} for _ in range(n + 1)]
    best[0][-1] = (0.0, None)

    def transition(prev_end: int, start: int) -> float:
        if prev_end < 0:
            return 0.0
        gap = start - prev_end - 1
        if 0 <= gap <= p.max_skip:
            cost = p.skip * gap
        elif start <= prev_end and not allow_reorder:
            return neg
        else:
            cost = p.reorder
        if d_par is not None and o_par is not None and abs(o_par[start] - o_par[prev_end]) > 1:
            cost += p.paragraph
        return -cost

    for i in range(n):
        if not best[i]:
            continue
        states = list(best[i].items())
        for state, (total, _) in states:  # insertion [i] -> []
            val = total - p.excerpt_null
            if val > best[i + 1].get(state, (neg, None))[0]:
                best[i + 1][state] = (val, _Step(i, 1, -1, 0, 0.0, state))
        for a, j0, b, value, s in options[i]:
            top, from_state = neg, -1
            for state, (total, _) in states:
                t = transition(state, j0)
                if t > neg / 2 and total + t > top:
                    top, from_state = total + t, state
            if top <= neg / 2:
                continue
            end = j0 + b - 1
            val = top + value
            if val > best[i + a].get(end, (neg, None))[0]:
                best[i + a][end] = (val, _Step(i, a, j0, b, s, from_state))
    state = max(best[n], key=lambda st: best[n][st][0])
    beads: list[Bead] = []
    pos = n
    while pos > 0:
        step = best[pos][state][1]
        if step is None:  # unreachable: every position has an insertion step
            raise AlignmentError("excerpt alignment lost its back pointer")
        if step.j0 < 0:
            beads.append(Bead((step.i,), (), 0.0))
        else:
            beads.append(
                Bead(tuple(range(step.i, step.i + step.a)), tuple(range(step.j0, step.j0 + step.b)), max(step.sim, 0.0))
            )
        pos, state = step.i, step.prev
    beads.reverse()
    return _add_deletions(_dedupe(beads))


@dataclass(frozen=True)
class _Step:
    i: int
    a: int
    j0: int  # -1: insertion
    b: int
    sim: float
    prev: int  # state (last original index) before this step


def _dedupe(beads: list[Bead]) -> list[Bead]:
    """An original sentence may be used once: the weaker bead loses it (and may become an insertion)."""
    owner: dict[int, int] = {}
    for idx, bead in enumerate(beads):
        for j in bead.original:
            if j not in owner or beads[owner[j]].score < bead.score:
                owner[j] = idx
    out = []
    for idx, bead in enumerate(beads):
        kept = tuple(j for j in bead.original if owner[j] == idx)
        out.append(bead if kept == bead.original else Bead(bead.derivative, kept, bead.score if kept else 0.0))
    return out


def _add_deletions(beads: list[Bead]) -> list[Bead]:
    used = sorted({j for b in beads for j in b.original})
    if not used:
        return beads
    missing = [j for j in range(used[0], used[-1] + 1) if j not in set(used)]
    out = list(beads)
    for j in missing:
        # after the last bead (in list order) whose originals precede j
        pos = 0
        for idx, bead in enumerate(out):
            if bead.original and max(bead.original) < j:
                pos = idx + 1
        out.insert(pos, Bead((), (j,), 0.0))
    return out
