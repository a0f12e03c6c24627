"""Everything the bead scorer needs, computed once per alignment: merged block vectors, calibration
levels, lengths, anchors, rapidfuzz similarity to known translations."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from provenance.align.anchors import anchors, shared_anchors
from provenance.align.arrays import prefix_sums
from provenance.align.lexical import LexData
from provenance.align.params import BEAD_TYPES, PRIOR_WEIGHT, SMALL_PAIRS


@dataclass
class Features:
    """Everything the bead scorer needs, precomputed once per alignment."""

    d_blocks: dict[int, np.ndarray]  # a -> (n - a + 1, dim) merged derivative vectors
    o_blocks: dict[int, np.ndarray]
    t_blocks: dict[int, np.ndarray] | None  # merged vectors of known translations
    base: dict[tuple[int, int], float]  # mean cosine of unrelated blocks, per bead type
    t_base: dict[tuple[int, int], float]
    d_len: np.ndarray  # prefix sums of character lengths
    o_len: np.ndarray
    log_ratio: float
    shared: np.ndarray  # 2-D prefix sums of shared anchors, (n + 1, m + 1)
    d_anchor: np.ndarray  # prefix sums of anchor counts
    o_anchor: np.ndarray
    fuzz: np.ndarray | None  # (n, m) rapidfuzz similarity in [0, 1] to the known translations
    single: np.ndarray  # (n, m) calibrated 1:1 similarity, for the coverage check of merged beads
    d_par: np.ndarray | None  # paragraph index per sentence
    o_par: np.ndarray | None
    d_level: dict[tuple[int, int], np.ndarray] | None = None  # per-block unrelated level, per bead type
    o_level: dict[tuple[int, int], np.ndarray] | None = None
    local: float = 0.0
    d_letters: np.ndarray | None = None  # letters per sentence
    o_letters: np.ndarray | None = None
    margin: MarginData | None = None  # set for the opt-in margin scorer
    lex: LexData | None = None  # set when the dictionary term is on (document mode)


@dataclass
class MarginData:
    """Vectors of the joined text of every run of up to four sentences (the margin scorer)."""

    d_real: dict[int, np.ndarray]  # a -> (n - a + 1, dim), block starting at each sentence
    o_real: dict[int, np.ndarray]
    d_bytes: np.ndarray  # prefix sums of UTF-8 lengths (+1 for the joining space)
    o_bytes: np.ndarray
    char_ratio: float  # original bytes per derivative byte over the whole documents


def merged_blocks(
    vectors: np.ndarray, sizes: Sequence[int], weights: np.ndarray | None = None
) -> dict[int, np.ndarray]:
    """Merged vectors of every run of ``a`` consecutive sentences, a weighted sum renormalised."""
    out: dict[int, np.ndarray] = {}
    weighted = vectors if weights is None else vectors * weights[:, None].astype(np.float32)
    cum = np.vstack([np.zeros((1, vectors.shape[1]), dtype=np.float32), np.cumsum(weighted, axis=0)])
    for a in sorted(set(sizes)):
        if a > len(vectors):
            out[a] = np.zeros((0, vectors.shape[1]), dtype=np.float32)
            continue
        merged = cum[a:] - cum[:-a]
        norms = np.linalg.norm(merged, axis=1, keepdims=True)
        out[a] = (merged / np.maximum(norms, 1e-9)).astype(np.float32)
    return out




def _mean_cos(a: np.ndarray, b: np.ndarray, rng: np.random.Generator) -> float:
    """Mean cosine of all pairs (sampled when large): the 'unrelated' level of this embedder."""
    if len(a) * len(b) > 250_000:
        a = a[rng.choice(len(a), 500, replace=len(a) < 500)]
        b = b[rng.choice(len(b), 500, replace=len(b) < 500)]
    return float(np.mean(a @ b.T)) if len(a) and len(b) else 0.0


def build_features(
    derivative: Sequence[str],
    original: Sequence[str],
    d_vec: np.ndarray,
    o_vec: np.ndarray,
    t_vec: np.ndarray | None,
    translations: Sequence[str | None] | None,
    *,
    whole: bool = True,
    d_par: Sequence[int] | None = None,
    o_par: Sequence[int] | None = None,
    ref_vec: np.ndarray | None = None,
    local: float = 0.0,
) -> Features:
    sizes = sorted({a for a, _ in BEAD_TYPES} | {b for _, b in BEAD_TYPES})
    rng = np.random.default_rng(0)
    d_blocks, o_blocks = merged_blocks(d_vec, sizes), merged_blocks(o_vec, sizes)
    t_blocks = merged_blocks(t_vec, sizes) if t_vec is not None else None
    # merged vectors of unrelated blocks are closer to each other than single sentences are (averaging
    # cancels noise), so every bead type gets its own "unrelated" level
    base: dict[tuple[int, int], float] = {}
    t_base: dict[tuple[int, int], float] = {}
    r_blocks = merged_blocks(ref_vec, sizes) if ref_vec is not None else None

    def level(left: np.ndarray, right: np.ndarray, a: int, b: int) -> float:
        own = _mean_cos(left, right, rng)
        pairs = len(left) * len(right)
        if r_blocks is None or pairs >= SMALL_PAIRS:
            return min(own, 0.95)
        # few pairs, many of them true matches: lean on the level against unrelated reference text
        prior = (_mean_cos(left, r_blocks[b], rng) + _mean_cos(r_blocks[a], right, rng)) / 2.0
        return min((pairs * own + PRIOR_WEIGHT * prior) / (pairs + PRIOR_WEIGHT), 0.95)

    for a, b in BEAD_TYPES:
        base[(a, b)] = level(d_blocks[a], o_blocks[b], a, b)
        if t_blocks is not None:
            t_base[(a, b)] = level(d_blocks[a], t_blocks[b], a, b)
    d_chars = [len(s) for s in derivative]
    o_chars = [len(s) for s in original]
    # the length ratio of two whole documents is the best prior for their beads; an excerpt says
    # nothing about it, so there a translation is expected to be about as long as its original
    log_ratio = math.log((sum(d_chars) + 1) / (sum(o_chars) + 1)) if whole else 0.0
    d_keys = [anchors(s) for s in derivative]
    o_keys = [anchors(s) for s in original]
    shared = shared_anchors(d_keys, o_keys)
    shared_prefix = np.zeros((len(derivative) + 1, len(original) + 1), dtype=np.float64)
    shared_prefix[1:, 1:] = np.cumsum(np.cumsum(shared, axis=0), axis=1)
    fuzz_matrix = None
    if translations is not None:
        from rapidfuzz import fuzz, process

        known = [t if t else "" for t in translations]
        fuzz_matrix = process.cdist(
            [s.lower() for s in derivative], [t.lower() for t in known], scorer=fuzz.ratio, dtype=np.float32, workers=1
        ) / np.float32(100.0)
        fuzz_matrix[:, [not t for t in known]] = 0.0
    d_level = o_level = None
    if local > 0.0:
        # the mean cosine of a block to all blocks on the other side is its dot product with their
        # mean vector: a sentence-specific "unrelated" level that tames hubs (CSLS / Vecalign style)
        d_level, o_level = {}, {}
        for a, b in BEAD_TYPES:
            d_level[(a, b)] = d_blocks[a] @ o_blocks[b].mean(axis=0) if len(o_blocks[b]) else np.zeros(len(d_blocks[a]))
            o_level[(a, b)] = o_blocks[b] @ d_blocks[a].mean(axis=0) if len(d_blocks[a]) else np.zeros(len(o_blocks[b]))
    b11 = base[(1, 1)]
    if d_level is not None and o_level is not None:
        pair = (1.0 - local) * b11 + local * 0.5 * (d_level[(1, 1)][:, None] + o_level[(1, 1)][None, :])
        single = (d_vec @ o_vec.T - pair) / (1.0 - b11)
    else:
        single = (d_vec @ o_vec.T - b11) / (1.0 - b11)
    return Features(
        d_level=d_level,
        o_level=o_level,
        d_letters=np.asarray([sum(ch.isalpha() for ch in t) for t in derivative], dtype=np.float64),
        o_letters=np.asarray([sum(ch.isalpha() for ch in t) for t in original], dtype=np.float64),
        local=local,
        d_par=np.asarray(d_par, dtype=np.int64) if d_par is not None else None,
        o_par=np.asarray(o_par, dtype=np.int64) if o_par is not None else None,
        single=single,
        d_blocks=d_blocks,
        o_blocks=o_blocks,
        t_blocks=t_blocks,
        base=base,
        t_base=t_base,
        d_len=prefix_sums(d_chars),
        o_len=prefix_sums(o_chars),
        log_ratio=log_ratio,
        shared=shared_prefix,
        d_anchor=prefix_sums([len(k) for k in d_keys]),
        o_anchor=prefix_sums([len(k) for k in o_keys]),
        fuzz=fuzz_matrix,
    )


@lru_cache(maxsize=1)
def reference_sentences() -> tuple[str, ...]:
    from importlib import resources

    raw = resources.files("provenance").joinpath("data", "reference_sentences.txt").read_text(encoding="utf-8")
    return tuple(line.strip() for line in raw.splitlines() if line.strip() and not line.startswith("#"))
