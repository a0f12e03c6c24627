"""Hedge drift on German reported speech: does the checker notice when an English rendering
states as fact what the German source only reports (soll, angeblich, offenbar, laut, zufolge,
Konjunktiv I), without flagging renderings that keep the hedge?

The labelled set ``benchmarks/data/hedge_cases.tsv`` was written for this project: German
segments excerpted from WMT newstest2021 (hedge-marker list in ../shared/data) and the DFKI
test suite's indirect-speech items, each with two English renderings we wrote ourselves, one
keeping the hedge (faithful) and one stating it as fact (dropped). Mode B (no translation).

    python -m benchmarks.hedge [--show]
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

from benchmarks.common import table, write_section
from provenance.compare import compare_texts

CASES = Path(__file__).resolve().parent / "data" / "hedge_cases.tsv"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    with CASES.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    tp = fp = fn = tn = 0
    for r in rows:
        fs = compare_texts(r["german_source"], r["english_derivative"], source_lang="de", derivative_lang="en")
        hit = any(f.subtype is not None and f.subtype.value == "hedge" for f in fs)
        gold = r["label"] == "dropped"
        tp += hit and gold
        fp += hit and not gold
        fn += gold and not hit
        tn += not gold and not hit
        if args.show and hit != gold:
            print(r["id"], r["label"], "| DE:", r["german_source"], "| EN:", r["english_derivative"])
            for f in fs:
                print("   ->", f.kind.value, f.subtype, f.explanation)
    precision = tp / max(1, tp + fp)
    recall = tp / max(1, tp + fn)
    print(f"cases={len(rows)} tp={tp} fp={fp} fn={fn} tn={tn} precision={precision:.3f} recall={recall:.3f}")
    if args.no_write:
        return
    from provenance.signature import build_signature

    sig = build_signature(translator="none (mode B)", embed="none (1:1 pairs)", align="none (1:1 pairs)",
                          extract="none")
    body = "\n".join([
        "## Hedge drift (German reported speech -> English)",
        "",
        f"Signature: `{sig}`",
        "",
        f"{len(rows)} labelled cases in `benchmarks/data/hedge_cases.tsv` "
        f"({sum(r['label'] == 'dropped' for r in rows)} dropped, the rest faithful): German segments excerpted "
        "from WMT newstest2021 and the DFKI test suite "
        "(indirect speech), English renderings written by us. A case is detected when a drift/hedge finding is "
        "reported. Mode B (offline, no translation). The cue lexicon was written before this set and adjusted while "
        "building it, so this is a development score, not a held-out one.",
        "",
        table(["cases", "TP", "FP", "FN", "TN", "precision", "recall"],
              [[len(rows), tp, fp, fn, tn, precision, recall]]),
        "",
        "Target: precision and recall >= 0.8.",
    ])
    write_section("hedge", body)


if __name__ == "__main__":
    main()
