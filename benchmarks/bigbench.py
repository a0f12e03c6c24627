"""BIG-bench salient_translation_error_detection (de -> en): every translation has exactly one
labelled error. Mode B only (no reference translation exists): share of items with any
finding, and how our subtypes line up with the labelled error types.

    python -m benchmarks.bigbench
"""

from __future__ import annotations

import argparse
import collections
import csv
import time

from benchmarks.common import data_path, table, write_section
from provenance.compare import compare_texts

EXPECT = {"Named Entities": "entity", "Numerical Values": "number", "Negation or Antonyms": "negation",
          "Modifiers or Adjectives": "intensity", "Dropped Content": "omission", "Facts": "meaning"}


def label(f) -> str:  # noqa: ANN001 - Finding
    return f.subtype.value if f.subtype else f.kind.value


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    with data_path("bigbench_salient", "dev.tsv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    confusion: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    any_hit = right = 0
    t0 = time.perf_counter()
    for r in rows:
        fs = compare_texts(r["source_de"], r["translation_en"], source_lang="de", derivative_lang="en")
        if fs:
            any_hit += 1
            worst = max(fs, key=lambda f: (f.severity.rank, f.confidence))
            confusion[r["error_type"]][label(worst)] += 1
        else:
            confusion[r["error_type"]]["(none)"] += 1
        right += any(label(f) == EXPECT.get(r["error_type"]) for f in fs)
    elapsed = time.perf_counter() - t0
    n = len(rows)
    print(f"items={n} any={any_hit / n:.3f} right-subtype={right / n:.3f} ({elapsed:.1f}s)")
    cols = ["entity", "number", "negation", "hedge", "intensity", "quotation", "addition", "omission", "(none)"]
    rows_out = []
    for et in sorted(confusion):
        c = confusion[et]
        total = sum(c.values())
        rows_out.append([et, total] + [c.get(k, 0) for k in cols])
    for et, c in confusion.items():
        print(et, dict(c))
    if args.no_write:
        return
    from provenance.signature import build_signature

    sig = build_signature(translator="none (mode B)", embed="none (1:1 pairs)", align="none (1:1 pairs)",
                          extract="none")
    body = "\n".join([
        "## BIG-bench salient translation errors (de -> en)",
        "",
        f"Signature: `{sig}`",
        "",
        f"{n} items from `bigbench_salient/dev.tsv`, each a German sentence and an English translation with one "
        "labelled error. Offline mode B (no reference translation exists for these items, so mode A is impossible). "
        "Not used for tuning.",
        "",
        table(["items", "share with any finding", "share with a finding of the expected subtype"],
              [[n, any_hit / n, right / n]]),
        "",
        "Target: share with any finding >= 0.7. Expected subtype: Named Entities -> entity, Numerical Values -> "
        "number, Negation or Antonyms -> negation, Modifiers or Adjectives -> intensity, Dropped Content -> omission, "
        "Facts -> meaning.",
        "",
        "Confusion (rows: labelled error type; columns: subtype/kind of our most severe finding):",
        "",
        table(["error type", "items"] + cols, rows_out),
    ])
    write_section("bigbench", body)


if __name__ == "__main__":
    main()
