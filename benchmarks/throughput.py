"""Throughput of `provenance compare --jsonl` with known translations on DEMETR pairs, one core.

Runs the real CLI in a subprocess (so start-up, lexicon and lemmatiser loading count) with
OMP/BLAS threads pinned to 1 and the process pinned to one CPU where the OS allows it.

    python -m benchmarks.throughput [--pairs N]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import ROOT, data_path, table, write_section

LANGS = {"german": "de", "french": "fr", "russian": "ru", "spanish": "es", "italian": "it"}


WARMUP = 5


def _timed(lines: list[str], warmup: list[str], flags: list[str]) -> tuple[int, float, float]:
    """(pairs produced, seconds, pairs/s) of one cold `compare --jsonl` run after a warm-up run."""
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
           "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryDirectory() as tmp:
        inp = Path(tmp) / "pairs.jsonl"
        inp.write_text("\n".join(lines) + "\n", encoding="utf-8")
        out = Path(tmp) / "out.jsonl"
        cmd = [sys.executable, "-m", "provenance.cli", "--cache-dir", str(Path(tmp) / "cache"), "--no-progress",
               "compare", *flags, "--jsonl", str(inp), "-o", str(out)]
        if sys.platform.startswith("linux"):
            cmd = ["taskset", "-c", "0"] + cmd
        # one-time builds per installation (lemma tries, the WordNet pickle) are made by a warm-up run on
        # pairs outside the timed set; word vectors and everything per text stay cold
        warm = Path(tmp) / "warm.jsonl"
        warm.write_text("\n".join(warmup) + "\n", encoding="utf-8")
        subprocess.run([*cmd[:-3], str(warm), "-o", str(Path(tmp) / "warm.out")], check=True, env=env, cwd=ROOT)
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, env=env, cwd=ROOT)
        elapsed = time.perf_counter() - t0
        produced = sum(1 for _ in out.open(encoding="utf-8"))
    return produced, elapsed, produced / elapsed


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pairs", type=int, default=1000)
    ap.add_argument("--thorough-pairs", type=int, default=300,
                    help="also time thorough mode on the first N of the pairs (0: skip)")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    lines = []
    with data_path("demetr", "dev.jsonl").open(encoding="utf-8") as fh:
        for raw in fh:
            r = json.loads(raw)
            if not r["pert_check"] or r["severity"] == "base":
                continue
            lines.append(json.dumps({"id": f"{r['lang_tag']}-{r['id']}-{r['pert_id']}", "source": r["src_sent"],
                                     "source_lang": LANGS[r["lang_tag"]], "derivative": r["pert_sent"],
                                     "translation": r["eng_sent"]}, ensure_ascii=False))
            if len(lines) >= args.pairs + WARMUP:
                break
    warmup, lines = lines[:WARMUP], lines[WARMUP:]
    rows = [["default", *_timed(lines, warmup, [])]]
    if args.thorough_pairs:
        rows.append(["`--thorough`", *_timed(lines[: args.thorough_pairs], warmup, ["--thorough"])])
    for name, produced, elapsed, rate in rows:
        print(f"{name}: {produced} pairs in {elapsed:.1f}s = {rate:.1f} pairs/s")
    if args.no_write:
        return
    from provenance.signature import build_signature

    sig = build_signature(translator="given:eng_sent", embed="none (1:1 pairs with a known translation)",
                          align="none (1:1 pairs)", extract="none")
    write_section("throughput", "\n".join([
        "## Throughput: `provenance compare --jsonl` with known translations",
        "",
        f"Signature: `{sig}`",
        "",
        f"{rows[0][1]} DEMETR pairs (source, perturbed MT, human reference as the known translation) through the real "
        "CLI in a subprocess pinned to one CPU (`taskset -c 0`, BLAS threads 1), start-up included. With a known "
        "translation, one-sentence pairs need no sentence embeddings (no alignment step); the word vectors of the "
        "antonym and addition checks are computed cold (empty cache). A warm-up run on 5 other pairs first builds "
        "the per-installation files (lemma tries, WordNet pickle), as any earlier use would have.",
        "",
        table(["mode", "pairs", "seconds", "pairs/s"], rows),
        "",
        "Target: >= 20 pairs/s (default mode). The machine is shared with other jobs, so this is a lower bound. "
        "Thorough mode (opt-in) embeds one rewritten sentence per antonym candidate, hence its lower rate; it is "
        "timed on the first pairs of the same set, after its own warm-up run (which also loads the e5 model).",
    ]))


if __name__ == "__main__":
    main()
