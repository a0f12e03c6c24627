"""BIG-bench salient_translation_error_detection (de -> en): every translation has exactly one
labelled error. Mode B only (no reference translation exists): share of items with any
finding, and how our subtypes line up with the labelled error types. Split by item index:
even = development (the lexical check was tuned looking at it), odd = held out.

BIG-bench has no clean items, so the same run measures the precision counterpart on faithful
German -> English pairs in mode B: DEMETR German sources with their clean MT and their human
translation, and WMT newstest2021 de-en sources with professional references A and B.

"Before" is the same run without the lexical detector's findings: it runs last and only marks
passage words as explained, which no detector after it reads, so dropping its findings is the
same as not running it.

    python -m benchmarks.bigbench [--no-write] [--wmt-limit N] [--skip-speed] [--results FILE]
"""

from __future__ import annotations

import argparse
import collections
import csv
import json
import os
import pickle
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.common import ROOT, data_path, table, write_section
from provenance.model import Finding
from provenance.pairs import compare_texts

EXPECT = {"Named Entities": "entity", "Numerical Values": "number", "Negation or Antonyms": "negation",
          "Modifiers or Adjectives": "intensity", "Dropped Content": "omission", "Facts": "meaning"}
NEW = "lexical"


def label(f: Finding) -> str:
    return f.subtype.value if f.subtype else f.kind.value


def before(fs: list[Finding]) -> list[Finding]:
    return [f for f in fs if f.detector != NEW]


@dataclass
class Tally:
    n: int = 0
    any_before: int = 0
    any_after: int = 0
    major_before: int = 0
    major_after: int = 0
    right_before: int = 0
    right_after: int = 0
    gained_minor_only: int = 0  # detected only after, and only by minor findings
    by_kind: collections.Counter[str] = field(default_factory=collections.Counter)

    def add(self, fs: list[Finding], expected: str | None = None) -> None:
        old = before(fs)
        self.n += 1
        self.any_before += bool(old)
        self.any_after += bool(fs)
        self.major_before += any(f.severity.rank >= 2 for f in old)
        self.major_after += any(f.severity.rank >= 2 for f in fs)
        if expected:
            self.right_before += any(label(f) == expected for f in old)
            self.right_after += any(label(f) == expected for f in fs)
        if fs and not old and all(f.severity.rank < 2 for f in fs):
            self.gained_minor_only += 1
        for f in fs:
            if f.detector == NEW:
                self.by_kind[f"{label(f)}/{f.severity.value}"] += 1

    def share(self, count: int) -> float:
        return count / max(1, self.n)


def run_bigbench() -> tuple[dict[str, Tally], dict[str, collections.Counter[str]]]:
    with data_path("bigbench_salient", "dev.tsv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    halves = {"dev (idx even)": Tally(), "held out (idx odd)": Tally(), "all": Tally()}
    confusion: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for r in rows:
        fs = compare_texts(r["source_de"], r["translation_en"], source_lang="de", derivative_lang="en")
        expected = EXPECT.get(r["error_type"])
        half = "dev (idx even)" if int(r["idx"]) % 2 == 0 else "held out (idx odd)"
        halves[half].add(fs, expected)
        halves["all"].add(fs, expected)
        worst = max(fs, key=lambda f: (f.severity.rank, f.confidence)) if fs else None
        confusion[r["error_type"]][label(worst) if worst else "(none)"] += 1
    return halves, confusion


def clean_pairs(wmt_limit: int | None) -> dict[str, list[tuple[str, str]]]:
    sets: dict[str, list[tuple[str, str]]] = {"DEMETR de: source vs clean MT": [],
                                              "DEMETR de: source vs human translation": []}
    seen: set[int] = set()
    with data_path("demetr", "dev.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r["lang_tag"] != "german" or r["id"] in seen:
                continue
            seen.add(r["id"])
            sets["DEMETR de: source vs clean MT"].append((r["src_sent"], r["mt_sent"]))
            sets["DEMETR de: source vs human translation"].append((r["src_sent"], r["eng_sent"]))
    base = "newstest2021.de-en"
    src = data_path("wmt_newstest", f"{base}.src.de").read_text(encoding="utf-8").splitlines()[:wmt_limit]
    for ref in ("A", "B"):
        lines = data_path("wmt_newstest", f"{base}.ref.{ref}.en").read_text(encoding="utf-8").splitlines()
        sets[f"WMT21 de-en: source vs reference {ref}"] = list(zip(src, lines, strict=False))
    return sets


def run_clean(wmt_limit: int | None) -> dict[str, Tally]:
    out: dict[str, Tally] = {}
    for name, pairs in clean_pairs(wmt_limit).items():
        tally = Tally()
        for s, d in pairs:
            tally.add(compare_texts(s, d, source_lang="de", derivative_lang="en"))
        out[name] = tally
        print(name, tally.n, f"any {tally.share(tally.any_before):.3f}->{tally.share(tally.any_after):.3f}",
              f"major {tally.share(tally.major_before):.3f}->{tally.share(tally.major_after):.3f}", flush=True)
    return out


def speed(n: int = 200) -> dict[str, float]:
    """Pairs per second of `provenance compare --jsonl` in mode B on German DEMETR pairs (one CPU, start-up
    included, warm cache), with the lexical check and with it disabled (dictionary path pointed nowhere)."""
    pairs: list[dict[str, str]] = []
    with data_path("demetr", "dev.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r["lang_tag"] == "german" and len(pairs) < n:
                text = r["pert_sent"] if r["pert_check"] and len(r["pert_sent"]) > 5 else r["mt_sent"]
                pairs.append({"id": str(len(pairs)), "source": r["src_sent"], "source_lang": "de", "derivative": text})
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "pairs.jsonl"
        path.write_text("".join(json.dumps(p) + "\n" for p in pairs), encoding="utf-8")
        for name, extra in (("with lexical", {}), ("without lexical", {"PROVENANCE_GLOSS_DICTIONARY": "/nonexistent"})):
            env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", **extra}
            # the user's cache dir, warm (lemma tries, Ding index): the steady state of a desk that runs this daily
            cmd = ["taskset", "-c", "0", sys.executable, "-m", "provenance.cli", "--no-progress", "compare",
                   "--jsonl", str(path), "-o", str(Path(tmp) / "out.jsonl")]
            t0 = time.perf_counter()
            subprocess.run(cmd, env=env, cwd=ROOT, check=True, capture_output=True)
            out[name] = len(pairs) / (time.perf_counter() - t0)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--wmt-limit", type=int, help="only the first N WMT segments")
    ap.add_argument("--skip-speed", action="store_true")
    ap.add_argument("--results", type=Path, help="keep the raw results in this file and re-render from it if present")
    args = ap.parse_args()
    if args.results and args.results.exists():  # re-render the section without re-running (same numbers)
        with args.results.open("rb") as fh:
            halves, confusion, clean, rates = pickle.load(fh)
        if not args.no_write:
            write_section("bigbench", render(halves, confusion, clean, rates, args.wmt_limit))
        return
    t0 = time.perf_counter()
    halves, confusion = run_bigbench()
    for name, t in halves.items():
        print(name, t.n, f"any {t.share(t.any_before):.3f}->{t.share(t.any_after):.3f}",
              f"right {t.share(t.right_before):.3f}->{t.share(t.right_after):.3f}",
              f"gained by minor only {t.share(t.gained_minor_only):.3f}", flush=True)
    clean = run_clean(args.wmt_limit)
    rates = {} if args.skip_speed else speed()
    print(rates, f"{time.perf_counter() - t0:.0f}s")
    if args.results:
        with args.results.open("wb") as fh:
            pickle.dump((halves, dict(confusion), clean, rates), fh)
    if args.no_write:
        return
    write_section("bigbench", render(halves, confusion, clean, rates, args.wmt_limit))


def _dictionary_version() -> str:
    from provenance.translate.gloss import GlossTranslator

    return GlossTranslator().backend("de").version  # the Ding lexicon mode B reads


def render(halves: dict[str, Tally], confusion: dict[str, collections.Counter[str]], clean: dict[str, Tally],
           rates: dict[str, float], wmt_limit: int | None) -> str:
    from provenance.signature import build_signature

    sig = build_signature(translator=f"none (mode B)+lexicon:{_dictionary_version()}",
                          embed="multilingual-e5-small where segments need aligning", align="provenance.align",
                          extract="none")
    cols = ["entity", "number", "negation", "hedge", "intensity", "meaning", "quotation", "addition", "omission",
            "(none)"]
    conf_rows = [[et, sum(c.values())] + [c.get(k, 0) for k in cols] for et, c in sorted(confusion.items())]
    half_rows = [[name, t.n, t.share(t.any_before), t.share(t.any_after), t.share(t.right_before),
                  t.share(t.right_after), t.share(t.major_before), t.share(t.major_after),
                  t.share(t.gained_minor_only)] for name, t in halves.items()]
    clean_rows = [[name, t.n, t.share(t.any_before), t.share(t.any_after), t.share(t.major_before),
                   t.share(t.major_after), ", ".join(f"{k} {v}" for k, v in t.by_kind.most_common(5))]
                  for name, t in clean.items()]
    held = halves["held out (idx odd)"]
    allb = halves["all"]
    minor_gain = allb.share(allb.gained_minor_only)
    any_up = [t.share(t.any_after - t.any_before) for t in clean.values()]
    any_after = [t.share(t.any_after) for t in clean.values()]
    major_up = [t.share(t.major_after - t.major_before) for t in clean.values()]
    gain = allb.share(allb.any_after - allb.any_before)
    lines = [
        "## BIG-bench salient translation errors (de -> en)",
        "",
        f"Signature: `{sig}`",
        "",
        "745 items from `bigbench_salient/dev.tsv`, each a German sentence and an English translation with one "
        "labelled error. Offline mode B (no reference translation exists for these items, so mode A is impossible). "
        "Items with an even `idx` were the development half for the lexical check (the cross-lingual word check "
        "over the Ding dictionary, `compare/lexical.py`: its misses and findings there were read while writing it); "
        "items with an odd `idx` were not looked at. *Before* = the same run without the lexical check's findings.",
        "",
        table(["half", "items", "any finding before", "any finding after", "expected subtype before",
               "expected subtype after", "major+ before", "major+ after", "newly detected by minor findings only"],
              half_rows),
        "",
        f"Target: share with any finding >= 0.7 (held-out half: {held.share(held.any_after):.3f}, all items: "
        f"{allb.share(allb.any_after):.3f}). Of the gain of {gain:.3f} over all items, {minor_gain:.3f} comes from "
        "items whose only findings are minor: the lexical check reports a word the dictionary does not link as "
        "minor (a dictionary never has every rendering), except an antonym from the English lexicon, which keeps "
        "the critical severity of negation. Expected subtype: Named Entities -> entity, Numerical Values -> number, "
        "Negation or Antonyms -> negation, Modifiers or Adjectives -> intensity, Dropped Content -> omission, "
        "Facts -> meaning.",
        "",
        "Confusion over all items, after (rows: labelled error type; columns: subtype/kind of our most severe "
        "finding):",
        "",
        table(["error type", "items"] + cols, conf_rows),
        "",
        "### Precision counterpart: faithful German -> English pairs in mode B",
        "",
        "The same run (mode B, no translation given) on translations that are faithful, so every finding is a false "
        "alarm or a real but legitimate difference. DEMETR: the 60 German sources of `demetr/dev.jsonl` with their "
        "clean MT (`mt_sent`) and their human translation (`eng_sent`). WMT: `newstest2021.de-en` source segments "
        f"({'all' if wmt_limit is None else f'the first {wmt_limit}'}) against professional references A and B "
        "(news paragraphs, aligned sentence by sentence first). The lexical check's skip lists and linking rules were "
        "adjusted looking at its findings on the DEMETR German pairs and the first 300 WMT segments, so these are "
        "development numbers for it too.",
        "",
        table(["pairs", "n", "any finding before", "any finding after", "major+ before", "major+ after",
               "lexical findings by subtype/severity"], clean_rows),
        "",
        f"So the lexical check buys its BIG-bench gain (+{gain:.3f} of items with a finding) with "
        f"+{min(any_up):.3f} to +{max(any_up):.3f} of faithful pairs getting a finding (mostly minor); their share "
        f"with any finding is at most {max(any_after):.3f} after (we would call more than 0.5 unacceptable), and "
        f"their major/critical share moves by at most {max(major_up):+.3f} (dictionary antonyms). The DEMETR mode-B "
        "bound over all languages (held-out clean pairs flagged major+ <= 0.15) is checked with "
        "`python -m benchmarks.demetr --mode B --split heldout --no-write`; see that section.",
        "",
    ]
    if rates:
        lines += [
            f"Speed, `provenance compare --jsonl` on 200 German DEMETR pairs in mode B, one CPU, start-up included, "
            f"warm cache: "
            f"{rates['with lexical']:.1f} pairs/s with the lexical check, {rates['without lexical']:.1f} pairs/s "
            "without it (Ding path pointed nowhere). The machine is shared with other jobs, so these are lower "
            "bounds; the mode-B cost is mostly the word vectors of the negation check. Target >= 20 pairs/s: "
            f"{'met' if rates['with lexical'] >= 20 else 'not met in this run, with or without the lexical check'}.",
            "",
        ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
