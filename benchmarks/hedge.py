"""Hedge drift on German reported speech: does the checker notice when an English rendering
states as fact what the German source only reports (soll, angeblich, offenbar, laut, zufolge,
Konjunktiv I), without flagging renderings that keep the hedge?

The labelled set ``benchmarks/data/hedge_cases.tsv`` was written for this project: German
segments from WMT newstest2021 (hedge-marker list in ../shared/data) and the DFKI test suite's
indirect-speech items, each with two English renderings we wrote ourselves, one keeping the
hedge (faithful) and one stating it as fact (dropped). The German of those segments is not in
the repository: the file names them (``@wmt21-de-en:LINE``, ``@dfki:ITEM_ID``, with an optional
``:START-END`` character range) and they are read from ../shared/data here. Mode B (no translation).

    python -m benchmarks.hedge [--show]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from functools import cache
from pathlib import Path

from benchmarks.common import data_path, table, write_section
from provenance.pairs import compare_texts

CASES = Path(__file__).resolve().parent / "data" / "hedge_cases.tsv"
_REF = re.compile(r"@(wmt21-de-en|dfki):([0-9]+)(?::([0-9]+)-([0-9]+))?$")


@cache
def _wmt_lines() -> list[str]:
    return data_path("wmt_newstest", "newstest2021.de-en.src.de").read_text(encoding="utf-8").split("\n")


@cache
def _dfki_items() -> dict[str, str]:
    items = json.loads(data_path("dfki_de_en", "items_de-en.json").read_text(encoding="utf-8"))["items"]
    return {item["id"]: item["source_sentence"] for item in items}


def resolve(source: str) -> str:
    """The German text of a case: our own text as is, or a reference into ../shared/data."""
    m = _REF.match(source)
    if not m:
        return source
    corpus, key, start, end = m.groups()
    text = _wmt_lines()[int(key) - 1] if corpus == "wmt21-de-en" else _dfki_items()[key]
    return text[int(start) : int(end)] if start else text.strip()


def load_cases() -> list[dict[str, str]]:
    with CASES.open(encoding="utf-8") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    for row in rows:
        row["german_source"] = resolve(row["source"])
    return rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    rows = load_cases()
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
        f"({sum(r['label'] == 'dropped' for r in rows)} dropped, the rest faithful): German segments "
        "from WMT newstest2021 and the DFKI test suite (indirect speech), read from ../shared/data at run time "
        "(the file only names them), plus a few German sentences and all English renderings written by us. "
        "A case is detected when a drift/hedge finding is "
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
