"""False positives on professional translations: WMT newstest2021 de-en and ru-en have two
independent human references. Checking reference B against the source, with reference A as
the known translation (mode A), should give (almost) no major/critical findings. Mode B checks
reference B against the source alone (no translation), the fully offline path.

    python -m benchmarks.wmt_fp [--limit N] [--show] [--mode A|B|AB]
"""

from __future__ import annotations

import argparse
import collections
import time

from benchmarks.common import data_path, table, write_section
from provenance.pairs import compare_texts


def run(pair: str, limit: int | None, show: bool, mode: str = "A") -> dict:
    src_lang = pair.split("-")[0]
    base = f"newstest2021.{pair}"
    src = data_path("wmt_newstest", f"{base}.src.{src_lang}").read_text(encoding="utf-8").splitlines()
    ref_a = data_path("wmt_newstest", f"{base}.ref.A.en").read_text(encoding="utf-8").splitlines()
    ref_b = data_path("wmt_newstest", f"{base}.ref.B.en").read_text(encoding="utf-8").splitlines()
    n = flagged = 0
    kinds: collections.Counter[str] = collections.Counter()
    t0 = time.perf_counter()
    for s, a, b in list(zip(src, ref_a, ref_b, strict=True))[:limit]:
        fs = compare_texts(s, b, source_lang=src_lang, derivative_lang="en", translation=a if mode == "A" else None)
        serious = [f for f in fs if f.severity.rank >= 2]
        n += 1
        if serious:
            flagged += 1
            for f in serious:
                kinds[f.kind.value + (f"/{f.subtype.value}" if f.subtype else "")] += 1
            if show:
                print("SRC", s, "\nA  ", a, "\nB  ", b)
                for f in serious:
                    print("   ->", f.kind.value, f.subtype, f.explanation)
    return {"pair": pair, "mode": mode, "n": n, "flagged": flagged / max(1, n), "kinds": kinds,
            "seconds": time.perf_counter() - t0}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int)
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--mode", default="AB", help="A (reference A as the translation), B (none) or AB")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    results = [run(p, args.limit, args.show, m) for m in args.mode for p in ("de-en", "ru-en")]
    for r in results:
        print(r["mode"], r["pair"], r["n"], f"{r['flagged']:.3f}", dict(r["kinds"]), f"{r['seconds']:.1f}s")
    if args.no_write or args.limit or args.mode != "AB":
        return
    from provenance.signature import build_signature

    sig = build_signature(translator="given:ref-A", embed="none/as needed by align", align="provenance.align",
                          extract="none")
    rows = [[r["mode"], r["pair"], r["n"], r["flagged"], ", ".join(f"{k} {v}" for k, v in r["kinds"].most_common(6))]
            for r in results]
    body = "\n".join([
        "## WMT newstest2021: false positives on professional translations",
        "",
        f"Signature: `{sig}`",
        "",
        "Each segment of the source is compared with human reference B as the passage and human reference A as the "
        "known translation (mode A). Both references are faithful, so every major/critical finding is a false "
        "positive (or a real divergence between two professional translators). Segments are news paragraphs and "
        "may hold several sentences (then they are aligned first). The findings on the first 300 segments of each "
        "pair were inspected during development (which led to precision fixes: clock times, possessives, sentence "
        "starts after quotes, institution names); the rest were not looked at, except that the findings of the 'name "
        "replaced at its place' rule (entity) were listed on all segments while setting its exceptions (acronyms, "
        "translated names such as DFB-Pokal / DFB Cup), so for that rule the whole set served as development data. "
        "In the fourth round the mode A entity, negation, hedge and addition findings on all segments were listed "
        "and led to general fixes (titles and region words that are no names, negative prefixes near a lost "
        "negation, ages, plan forms of 'soll', epistemic modals, capitalised nouns that fold to Konjunktiv forms), "
        "so mode A is now development data throughout (it was 0.099 / 0.097 before that round).",
        "",
        "Mode B (no translation: cross-lingual cues only) has no target here; it is the precision counterpart of the "
        "DEMETR mode B numbers. Its findings on all segments were listed during the fourth round and led to general "
        "fixes (names across languages: exonyms, German states, Russian agencies and abbreviations; German number "
        "compounds and scores; German attribution frames; negative prefixes; dictionary-checked cognates), so for "
        "mode B the whole set is development data. Before that round mode B flagged 0.104 (de-en) and 0.175 (ru-en).",
        "",
        table(["mode", "pair", "segments", "share with a major/critical finding", "major/critical findings by kind"],
              rows),
        "",
        "Target (mode A): <= 0.10 per pair.",
    ])
    write_section("wmt_fp", body)


if __name__ == "__main__":
    main()
