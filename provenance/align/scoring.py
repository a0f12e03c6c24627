"""Bead values: the calibrated similarity of two blocks plus anchors, length, dictionary and known-translation
terms (the value scorer), or the Bertalign-style margin scorer."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from provenance.align.arrays import prefix_sums
from provenance.align.features import Features, MarginData
from provenance.align.lexical import lex_coverage
from provenance.align.params import AlignParams
from provenance.align.vectors import embed
from provenance.embed import Embedder


def similarity(f: Features, i0: np.ndarray, a: int, j0: np.ndarray, b: int) -> np.ndarray:
    """Calibrated similarity of derivative blocks [i0, i0+a) with original blocks [j0, j0+b) (arrays)."""
    u = f.d_blocks[a][i0]
    cos = np.einsum("kd,kd->k", u, f.o_blocks[b][j0])
    base = f.base[(a, b)]
    if f.d_level is not None and f.o_level is not None:
        pair = (1.0 - f.local) * base + f.local * 0.5 * (f.d_level[(a, b)][i0] + f.o_level[(a, b)][j0])
        x = (cos - pair) / (1.0 - base)
    else:
        x = (cos - base) / (1.0 - base)
    if f.t_blocks is not None:
        tcos = np.einsum("kd,kd->k", u, f.t_blocks[b][j0])
        t_base = f.t_base[(a, b)]
        x = 0.5 * x + 0.5 * (tcos - t_base) / (1.0 - t_base)
    return np.clip(x, -1.0, 1.0)


def bead_values(
    f: Features, p: AlignParams, i0: int | np.ndarray, a: int, j0: np.ndarray, b: int
) -> tuple[np.ndarray, np.ndarray]:
    """(value, similarity) of beads derivative [i0, i0+a) : original [j0, j0+b); i0 an int or like j0."""
    i0, j0 = np.broadcast_arrays(np.asarray(i0, dtype=np.int64), np.asarray(j0, dtype=np.int64))
    x = similarity(f, i0, a, j0, b)
    rows = i0[:, None, None] + np.arange(a)[None, :, None]
    cols = j0[:, None, None] + np.arange(b)[None, None, :]
    lex = None
    if f.lex is not None:
        share, worst = lex_coverage(f.lex, rows, cols, i0, a, j0, b)
        lex = p.lexical * (share - p.lexical_base)
        if a + b > 2:  # a sentence of a merged bead that shares no words with the other side hides a null bead
            lex = lex - p.lexical_cover * np.maximum(p.lexical_cover_min - worst, 0.0)
    if f.margin is not None:
        return margin_values(f.margin, i0, a, j0, b, lex), x
    i1 = i0 + a
    j1 = j0 + b
    shared = f.shared[i1, j1] - f.shared[i0, j1] - f.shared[i1, j0] + f.shared[i0, j0]
    union = (f.d_anchor[i1] - f.d_anchor[i0]) + (f.o_anchor[j1] - f.o_anchor[j0]) - shared
    anchor = np.where(union > 0, shared / np.maximum(union, 1.0), 0.0)
    d_chars = f.d_len[i1] - f.d_len[i0]
    o_chars = f.o_len[j1] - f.o_len[j0]
    length = np.abs(np.log((d_chars + 10.0) / (o_chars + 10.0)) - f.log_ratio)
    score = x + p.anchor * anchor - p.length * length
    if lex is not None:
        score = score + lex
    if f.fuzz is not None:
        best = f.fuzz[rows, cols].reshape(len(i0), -1).max(axis=1)
        score = score + p.fuzz * np.maximum(best - 0.3, 0.0)
    value = score * (1.0 + p.weight * (a + b - 2)) - p.merge * (a + b - 2)
    if a + b > 2 and f.d_par is not None and f.o_par is not None:
        # paragraph boundaries are soft anchors: a merged bead rarely spans two paragraphs
        crosses = (f.d_par[i0] != f.d_par[i1 - 1]) | (f.o_par[j0] != f.o_par[j1 - 1])
        value = value - p.paragraph * crosses
    if a + b > 2:
        # every sentence of a merged bead must match something on the other side; otherwise the
        # merge only hides an insertion or deletion
        sub = f.single[rows, cols]  # (k, a, b)
        cover = np.minimum(sub.max(axis=2).min(axis=1), sub.max(axis=1).min(axis=1))
        value = value - p.cover * np.maximum(p.cover_min - cover, 0.0)
    return value, x


def _neighbour_cos(vec: np.ndarray, single: np.ndarray, start: np.ndarray, size: int) -> np.ndarray:
    """Mean cosine of each row of ``vec`` with the sentence before and the one after block [start, start+size)."""
    n = len(single)
    left, right = start - 1, start + size
    total = np.zeros(len(vec))
    count = np.zeros(len(vec))
    for idx in (left, right):
        ok = (idx >= 0) & (idx < n)
        total += np.where(ok, np.einsum("kd,kd->k", vec, single[np.clip(idx, 0, n - 1)]), 0.0)
        count += ok
    return total / np.maximum(count, 1.0)


def margin_values(
    md: MarginData, i0: np.ndarray, a: int, j0: np.ndarray, b: int, lex: np.ndarray | None = None
) -> np.ndarray:
    """Bertalign-style bead value: cosine of the joined texts minus their mean cosine with the sentences just
    outside the other block, times log2(1 + shorter/longer) of the (ratio-corrected) lengths. Each bead
    scores once whatever its size, so a merge must beat the sum of its parts."""
    u, v = md.d_real[a][i0], md.o_real[b][j0]
    cos = np.einsum("kd,kd->k", u, v)
    near = 0.5 * (_neighbour_cos(u, md.o_real[1], j0, b) + _neighbour_cos(v, md.d_real[1], i0, a))
    d_len = (md.d_bytes[i0 + a] - md.d_bytes[i0]) * md.char_ratio
    o_len = md.o_bytes[j0 + b] - md.o_bytes[j0]
    ratio = np.minimum(d_len, o_len) / np.maximum(np.maximum(d_len, o_len), 1.0)
    margin = cos - near if lex is None else cos - near + lex
    return margin * np.log2(1.0 + ratio)


def margin_data(
    embedder: Embedder, derivative: Sequence[str], original: Sequence[str], d_vec: np.ndarray, o_vec: np.ndarray
) -> MarginData:
    """Embed the joined text of every run of two to four sentences on both sides (the margin scorer)."""
    real: list[dict[int, np.ndarray]] = []
    for texts, single in ((derivative, d_vec), (original, o_vec)):
        blocks = {1: single}
        for a in range(2, 5):
            runs = [" ".join(texts[i : i + a]) for i in range(len(texts) - a + 1)]
            blocks[a] = embed(embedder, runs) if runs else np.zeros((0, single.shape[1]), dtype=np.float32)
        real.append(blocks)
    d_bytes = prefix_sums([len(t.encode("utf-8")) + 1 for t in derivative])
    o_bytes = prefix_sums([len(t.encode("utf-8")) + 1 for t in original])
    return MarginData(real[0], real[1], d_bytes, o_bytes, float(o_bytes[-1] / max(d_bytes[-1], 1.0)))


def single_values(f: Features, p: AlignParams, n: int, m: int) -> tuple[np.ndarray, np.ndarray]:
    """(n, m) values and similarities of all 1:1 beads (the matrix form of ``bead_values``)."""
    x = f.single
    if f.t_blocks is not None:
        t_base = f.t_base[(1, 1)]
        x = 0.5 * x + 0.5 * (f.d_blocks[1] @ f.t_blocks[1].T - t_base) / (1.0 - t_base)
    x = np.clip(x, -1.0, 1.0)
    shared = np.diff(np.diff(f.shared, axis=0), axis=1)
    union = np.diff(f.d_anchor)[:, None] + np.diff(f.o_anchor)[None, :] - shared
    anchor = np.where(union > 0, shared / np.maximum(union, 1.0), 0.0)
    length = np.abs(np.log((np.diff(f.d_len)[:, None] + 10.0) / (np.diff(f.o_len)[None, :] + 10.0)) - f.log_ratio)
    score = x + p.anchor * anchor - p.length * length
    if f.fuzz is not None:
        score = score + p.fuzz * np.maximum(f.fuzz - 0.3, 0.0)
    return score, x
