"""Document mode: first-pass anchors fix a diagonal, a dynamic program over every bead type runs in a band
around it (vectorised per row)."""

from __future__ import annotations

import numpy as np

from provenance.align.features import Features, MarginData
from provenance.align.lexical import fill_lex_masks
from provenance.align.params import BEAD_TYPES, AlignParams
from provenance.align.scoring import bead_values
from provenance.errors import AlignmentError
from provenance.model import Bead


def _anchor_chain(sim: np.ndarray, k: int) -> list[tuple[int, int]]:
    """Heaviest chain of (i, j) with i and j strictly increasing among each row's top-k cells."""
    n, m = sim.shape
    k = min(k, m)
    top = np.argpartition(-sim, k - 1, axis=1)[:, :k] if k < m else np.tile(np.arange(m), (n, 1))
    tree = [(0.0, -1)] * (m + 1)  # Fenwick tree over j: best (total, node) ending at column <= j
    nodes: list[tuple[int, int, int]] = []  # (i, j, previous node)

    def query(j: int) -> tuple[float, int]:
        best = (0.0, -1)
        j += 1
        while j > 0:
            if tree[j][0] > best[0]:
                best = tree[j]
            j -= j & -j
        return best

    def update(j: int, value: tuple[float, int]) -> None:
        j += 1
        while j <= m:
            if value[0] > tree[j][0]:
                tree[j] = value
            j += j & -j

    best_end = (0.0, -1)
    for i in range(n):
        row = []
        for j in top[i]:
            w = float(sim[i, j])
            if w <= 0:
                continue
            prev_total, prev_node = query(int(j) - 1)
            row.append((prev_total + w, int(j), prev_node))
        for total, j, prev_node in row:  # update after the row: one anchor per derivative sentence
            nodes.append((i, j, prev_node))
            update(j, (total, len(nodes) - 1))
            if total > best_end[0]:
                best_end = (total, len(nodes) - 1)
    chain = []
    node = best_end[1]
    while node >= 0:
        i, j, node = nodes[node]
        chain.append((i, j))
    return chain[::-1]


def _null_costs(f: Features, p: AlignParams, size: int, *, original: bool = False) -> np.ndarray:
    """Cost of leaving each sentence unmatched: OCR debris and page furniture (few letters) is cheap to drop."""
    letters = f.o_letters if original else f.d_letters
    if f.margin is not None:
        return np.full(size, p.margin_skip)
    if p.null_short <= 0.0 or letters is None:
        return np.full(size, p.null)
    short = np.maximum(1.0 - letters / max(p.short_letters, 1), 0.0)
    return p.null * (1.0 - p.null_short * short)


def _centre_band(sim1: np.ndarray, p: AlignParams, n: int, m: int) -> tuple[np.ndarray, np.ndarray]:
    """Band of ``p.band`` sentences around the line through the first-pass anchors (per DP row 0..n)."""
    chain = _anchor_chain(sim1, p.top_k)
    # band centre per derivative prefix length i (DP coordinates 0..n), through the anchor cells
    xs = [0.0] + [i + 0.5 for i, _ in chain] + [float(n)]
    ys = [0.0] + [j + 0.5 for _, j in chain] + [float(m)]
    centre = np.interp(np.arange(n + 1), xs, ys)
    width = max(p.band, 2)
    # a row also reaches its neighbours' centres, so a run of deletions (a jump of the centre
    # between two rows) stays inside the band
    before = np.concatenate([centre[:1], centre[:-1]])
    after = np.concatenate([centre[1:], centre[-1:]])
    lo = np.clip(np.floor(np.minimum(centre, before) - width).astype(int), 0, m)
    hi = np.clip(np.ceil(np.maximum(centre, after) + width).astype(int), 0, m)
    return lo, hi


def _window_band(md: MarginData, p: AlignParams, n: int, m: int) -> tuple[np.ndarray, np.ndarray]:
    """Bertalign's second-pass window: rows between two first-pass anchors (top-k raw cosines, heaviest
    monotone chain) reach from ``margin_window`` before the previous anchor's column to as far after
    the next one's."""
    chain = [(i + 1, j + 1) for i, j in _anchor_chain(md.d_real[1] @ md.o_real[1].T, p.top_k)]
    if chain and chain[-1] != (n, m) and (chain[-1][0] == n or chain[-1][1] == m):
        chain.pop()
    if not chain or chain[-1] != (n, m):
        chain.append((n, m))
    lo, hi = np.zeros(n + 1, dtype=int), np.zeros(n + 1, dtype=int)
    prev_i, prev_j = 0, 0
    for i, j in chain:
        lo[prev_i + 1 : i + 1] = max(0, prev_j - p.margin_window)
        hi[prev_i + 1 : i + 1] = min(m, j + p.margin_window)
        prev_i, prev_j = i, j
    lo[0], hi[0] = lo[1] if n else 0, hi[1] if n else m
    return lo, hi


def align_document(
    n: int, m: int, f: Features, p: AlignParams, sim1: np.ndarray, *, free_start: bool = False, free_end: bool = False
) -> list[Bead]:
    if f.margin is not None:
        lo, hi = _window_band(f.margin, p, n, m)
    else:
        lo, hi = _centre_band(sim1, p, n, m)
    # both ends must be reachable
    lo[0], hi[n] = 0, m
    for i in range(1, n + 1):  # keep the band connected so a path always exists
        lo[i] = min(lo[i], hi[i - 1])
    for i in range(n - 1, -1, -1):
        hi[i] = max(hi[i], lo[i + 1])
    if f.lex is not None:
        fill_lex_masks(f.lex, lo, hi)
    neg = -1e18
    null_d, null_o = _null_costs(f, p, n), _null_costs(f, p, m, original=True)
    # all bead values inside the band, computed per bead type in one vectorised call
    table: dict[tuple[int, int], dict[int, tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]]] = {}
    for a, b in ((1, 0), *BEAD_TYPES):
        ends, idxs, srcs, bounds = [], [], [], [0]
        for i in range(a, n + 1):
            cols = np.arange(lo[i], hi[i] + 1)
            src = cols - b
            ok = np.nonzero((src >= lo[i - a]) & (src <= hi[i - a]))[0]
            ends.append(np.full(len(ok), i))
            idxs.append(ok)
            srcs.append(src[ok])
            bounds.append(bounds[-1] + len(ok))
        if len(bounds) == 1:
            continue
        end_arr, src_arr = np.concatenate(ends), np.concatenate(srcs)
        if b == 0:
            values, sims_all = -null_d[end_arr - 1], np.zeros(len(end_arr))
        elif len(end_arr):
            values, sims_all = bead_values(f, p, end_arr - a, a, src_arr, b)
        else:
            values = sims_all = np.zeros(0)
        per_row = {}
        for k, i in enumerate(range(a, n + 1)):
            lo_k, hi_k = bounds[k], bounds[k + 1]
            if hi_k > lo_k:
                per_row[i] = (idxs[k], src_arr[lo_k:hi_k], values[lo_k:hi_k], sims_all[lo_k:hi_k])
        table[(a, b)] = per_row
    score = [np.full(hi[i] - lo[i] + 1, neg) for i in range(n + 1)]
    back: list[np.ndarray] = [np.zeros((hi[i] - lo[i] + 1, 2), dtype=np.int16) for i in range(n + 1)]
    sims: list[np.ndarray] = [np.zeros(hi[i] - lo[i] + 1) for i in range(n + 1)]
    score[0][0] = 0.0
    for i in range(n + 1):
        cols = np.arange(lo[i], hi[i] + 1)
        cur, bk, sm = score[i], back[i], sims[i]
        for (a, b), per_row in table.items():
            entry = per_row.get(i)
            if entry is None:
                continue
            idx, src, v, x = entry
            val = score[i - a][src - lo[i - a]] + v
            better = val > cur[idx]
            if better.any():
                sel = idx[better]
                cur[sel] = val[better]
                bk[sel] = (a, b)
                sm[sel] = x[better]
        # deletions [] -> [j] move along the row; with free ends (the derivative may quote only part
        # of the original) the originals before the first and after the last match cost nothing
        free = (free_start and i == 0) or (free_end and i == n)
        for c in range(1, len(cols)):
            val = cur[c - 1] - (0.0 if free else null_o[cols[c] - 1])
            if val > cur[c]:
                cur[c] = val
                bk[c] = (0, 1)
                sm[c] = 0.0
    beads: list[Bead] = []
    i, j = n, m
    while i > 0 or j > 0:
        c = j - lo[i]
        a, b = (int(v) for v in back[i][c])
        if a == 0 and b == 0:  # unreachable: cannot happen with a connected band
            raise AlignmentError("alignment band is disconnected")
        beads.append(
            Bead(tuple(range(i - a, i)), tuple(range(j - b, j)), float(max(sims[i][c], 0.0)) if a and b else 0.0)
        )
        i, j = i - a, j - b
    return beads[::-1]
