"""Score attribution (``find_passages``) on our own annotated articles.

The articles and their gold passages are in ``tests/fixtures/passages`` (``gold.toml``); the
``heldout/`` split was written before the detector was tuned and is scored separately, so the dev
numbers (tuned on) and the held-out numbers (not tuned on) can be compared honestly.

A predicted passage matches a gold one when the outlet agrees (registry id, or both unknown with the
gold name inside the predicted one) and the character spans agree: exactly (strict) or with a
Jaccard overlap of at least 0.8 (overlap). Matching is one-to-one, best overlap first. Precision
counts predictions, recall gold passages; per-kind rows use the gold kind for recall and the
predicted kind for precision. Run: ``python -m benchmarks.passages``.
"""

from __future__ import annotations

import sys
import time
import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.common import DATA, ROOT, table, write_section
from provenance.model import Passage, Span

FIXTURES = ROOT / "tests" / "fixtures" / "passages"
GOLD = FIXTURES / "gold.toml"
JACCARD = 0.8
SPLITS = ("dev", "heldout", "challenge", "fresh", "blind", "blind2", "blind3", "blind4")
# The fresh split was written after all other work; its first run is the most honest estimate of
# how the detector does on phrasings its author did not anticipate.
FRESH_FIRST_RUN = (
    "precision 0.909, recall 0.667 (10 of 15 gold passages found, 1 with a wrong span). Misses then: an "
    'article before the outlet name in subject position ("Die Süddeutsche Zeitung berichtet, dass"), a '
    'descriptor after the name ("The Lusa news agency reported"), "Writing in Le Monde, ...", the German '
    'genitive "des Spiegels" - all four fixed since, so the current `fresh` numbers are partly tuned - and '
    "closing commentary with no first-person or opinion cue kept inside an open-ended passage (fixed after the "
    'blind run by the "It is a remarkable ..." judgement frames).'
)
# The challenge split was written after the detector; this is how it scored the first time, before
# the generic cues it exposed were added (so the current challenge numbers are partly tuned).
CHALLENGE_FIRST_RUN = (
    "precision 0.875, recall 0.583 (7 of 12 gold passages found, 1 wrong span). Misses then: a colon "
    'after a time phrase ("Reuters reported on Thursday: ..."), "Le Monde\'s reporting suggests", '
    '"per Público", a block quote introduced as "the Corriere della Sera story ... in my own '
    'translation", and an HTML `<footer><cite>` attribution that the HTML reader dropped (fixed in the reader).'
)
# The blind split was written by a second author (helper H-attr-eval) before reading the detector's
# code or lexicon; this is its first run, before any change made because of it.
BLIND_FIRST_RUN = (
    "overlap precision 0.950, recall 0.826 (19 of 23 gold passages found, 20 predicted, 1 with a wrong span); "
    "strict precision 0.900, recall 0.783; no false passage on the 8 hard-negative articles. Misses then: an "
    'inline sentence continued by "She added that ..." (span cut after the first sentence), a lead-in ending '
    '"... had this to say on Tuesday (translated from Russian):" before a quoted paragraph, "According to a '
    'report in Die Welt, ...", and a quoted paragraph followed by "(RTVE, translated from Spanish)". One more '
    "passage matched only with overlap: author commentary with no first-person cue kept inside an open-ended "
    "lead-in passage. All five were then fixed with general rules (pronoun continuations, report-noun cues, "
    "translation notes in lead-ins and quoted paragraphs after them, quotation + credit, judgement frames as "
    "commentary), so the current `blind` numbers are tuned on it too. Probing afterwards (not a scored split) "
    'added "Speaking to X", "Asked by X", "X\'s sources say", "(via X)" closing a sentence and "X has the details:".'
)
# The blind2 split was written by a third author (helper H-attr-eval2) before reading the detector's code
# or lexicon; this is its first run, before any change made because of it (the honest independent estimate).
BLIND2_FIRST_RUN = (
    "strict precision 0.812, recall 0.520 (13 of 25 gold passages, 16 predicted); overlap precision 0.938, "
    "recall 0.600 (15 of 25); no false passage on the 2 hard-negative articles, and none of the hard negatives "
    "inside the other articles (outlet criticised, staff of an outlet, bylines, newsletter sign-ups, a reporter "
    "for an outlet asking a question, people quoted) was reported. Misses then: an inline sentence continued by "
    '"According to the paper, ..." (span cut after the first sentence, so also one false passage); a paragraph '
    'closed by "(Source: Corriere della Sera, translated)"; "The Frankfurter Allgemeine ran the story ... under the '
    'headline "...""; a lead-in naming the outlet only as "the paper" ("Die Welt has seen the draft. Here is how '
    'the paper describes the plan:"); the progressive "TVN24 is reporting that"; German "Wie die Neue Zürcher '
    'Zeitung unter Berufung auf Diplomaten meldet"; French "D\'après le quotidien italien La Repubblica"; a '
    'quoted paragraph after a lead-in sentence ending in a full stop ("A long report in Gazeta Wyborcza on '
    'Saturday described what that looks like on the ground."); an outlet missing from the registry in apposition '
    '("Finland\'s largest daily, Helsingin Sanomat, reported"); and "Die Zeit\'s verdict was blunt: ...". Two '
    'more matched only with overlap: a newsletter list label ("Madrid:", "London:") kept inside the span. '
    'Language: the unregistered "Athens daily Kathimerini" got no language (gold Greek); URLs: a "Source (Polish): '
    '<link>" line two paragraphs under the passage was not attached.'
)
# What was changed because of blind2 (general rules and lexicon data, not its sentences), so the current
# blind2 numbers are tuned on it too.
BLIND2_FIXES = (
    'verbless continuations ("According to the paper, ...") and mid-sentence tags ("..., the paper added, ...") '
    'extend a passage; a colon lead-in may name the outlet of the sentence before as "the paper"; a sentence '
    "presenting an outlet's report with a reporting verb introduces a following paragraph that is one quotation; "
    'a last line "(Source: X)" or "— X" credits the lines above it, and a parenthesised Source paragraph the '
    'paragraph above; a Source line under an inline passage of the same outlet gives it its link; "is reporting '
    'that", "ran the story", an inserted "unter Berufung auf ..."/"citing ..." before the verb, post-nominal '
    'nationality adjectives ("le quotidien italien X"), countries and capitals as demonyms ("Finland\'s largest '
    'daily, X,", "the Athens daily X") with appositive names, "X\'s verdict ...:"; list labels ("Madrid:") stay '
    "outside the span; same-outlet passages in different paragraphs were no longer merged (reversed in the twelfth "
    "session: one outlet's consecutive paragraphs are one passage). Checked on the way (a risk "
    'noted after the `blind` fixes): a sentence with a speech tag ("It is hard to say when they will reopen, the '
    'director told the paper.") was cut from a lead-in passage as author judgement; speech-tagged sentences now '
    "count as reported, not commentary. Probes written afterwards (unit tests, not a scored split) cover "
    'negatives for each new rule: progressive "is reporting from" (coverage), "ran the story on its front page", '
    '"Spain\'s largest daily, X, has a new editor", "X\'s review of the film was harsh", a bare agency name under '
    'a caption, and a quotation after "A report by X was criticised by the minister".'
)
# The blind3 split was written by a fourth author (helper H-attr-eval3) before reading the detector's code, lexicon,
# tests or the other fixture articles; this is its first run, before any change made because of it.
BLIND3_FIRST_RUN = (
    "strict precision 0.684, recall 0.325 (13 of 40 gold passages, 19 predicted); overlap precision 0.789, "
    "recall 0.375 (15 of 40); no false passage on the 5 hard-negative articles, and none of the hard negatives "
    "inside the other articles (staff of an outlet, an outlet that did not report or has not commented, a front "
    "page with no text, an interview mentioned before a quote from elsewhere, bios with links, photo credits, "
    '"additional reporting by") was reported. Misses then: a heading as lead-in ("## What Ouest-France found '
    '(translated from French)"); "according to internal emails/documents seen by X" (twice); the passive "was '
    'put at ... by Il Fatto Quotidiano, which obtained ..."; continuations cut off ("..., according to the '
    'broadcaster.", "\\"...,\\" he said in the interview.") so two spans fell under the overlap threshold; '
    '"The Munich-based SZ had a lower figure. In its Wednesday edition, the paper put ..."; unregistered outlets '
    'in apposition ("Vedomosti, the Moscow business daily, reported", "RBC, citing a source ..., wrote"), '
    '"according to an internal memo published by the news portal Onet" and the memo\'s block quote after "The '
    'memo ... reads in part:"; "Gazeta Wyborcza added on Tuesday that"; a Source line under two paragraphs '
    'that credited only the last one, and the lead-in "Below are the main points as reported by the Portuguese '
    'daily Público." reported as an inline passage of its own; "\\"...,\\" La Repubblica declared on its '
    'front page" + "The paper went on to ..."; "Il Messaggero, the capital\'s other main daily, struck a calmer '
    'tone, noting that"; "The Catalan-language daily Ara (link) added that"; "Komsomolskaya Pravda ... ran a '
    'two-page feature ... under the headline"; "In an editorial on Thursday, the Rio de Janeiro daily O Globo '
    'said"; "In a column for Folha de S.Paulo, economist X argued"; "Les Echos, for its part, puts ... and '
    'says"; "The satirical weekly Le Canard enchaîné revealed"; a live-blog entry "Suspilne: a drone hit '
    '..."; a lead-in sentence "The following is a translation of its central section." after a sentence naming '
    'the NZZ; "..., the online newspaper said. One of them, it reported, ..."; "\\"...,\\" she told the '
    'Rheinische Post newspaper in an interview". Two more matched only with overlap: a photo caption ("Photo: '
    'ANSA/...") kept at the end of an open-ended lead-in passage, and a live-blog time label ("09:12 — ") kept '
    "inside an inline span. Language and open_end were right on all 15 matches, the one gold URL attached."
)
# What was changed because of blind3 (general rules and lexicon data, each with unit tests in new sentences and
# negatives; not its sentences), so the current blind3 numbers are tuned on it too.
BLIND3_FIXES = (
    'report nouns for documents an outlet has seen and opinion formats ("according to internal emails seen by X", '
    '"in a column for X"), and a name after "documents/minutes/... seen/obtained by" is an outlet even when the '
    'registry does not know it; "X added on Tuesday that" and other verbs that attribute only with "that" (not '
    '"announced"/"confirmed that": an outlet\'s own business), participles after the outlet\'s clause ("..., '
    'noting that"); a quotation followed by the outlet and a verb of saying (\'"...," X declared\') is a quote; '
    '"ran ... under the headline" and "puts the cost at"; outlets missing from the registry described after their '
    'name ("X, the Moscow business daily,", "the X newspaper") or after a place ("the Rio de Janeiro daily X"), a '
    '"Catalan-language daily", and unknown titles opening with a foreign article that carry a lower-case word when '
    'a reporting verb follows ("Le Canard enchaîné revealed"); names no longer run past a sentence\'s full stop or '
    'a blank line (the news portal "Onet.\\n\\nThe" was taken for a name); tags continue a passage at the end (", '
    'according to the broadcaster"), with a pronoun or "it" (", it reported,"), after a quotation of several '
    'sentences (\'"... ...," he said in the interview\') and with the outlet named by what it is ("the online '
    'newspaper said"), which also continues an inline passage into the next paragraph (a pronoun alone does not); '
    '"the paper put ..." attributes the sentence before it that named the outlet without a cue; datelines and '
    'live-blog times stay outside the span and "10:05 — X: ..." is a colon lead-in; announcements ending in a full '
    'stop ("Below are the main points as reported by X.", "The following is a translation of its central '
    'section.") are lead-ins, over a sub-heading too; a colon sentence that names again the document the paragraph '
    'above credits ("The memo ... reads in part:") is its lead-in; a heading with a translation note, opener or '
    "reporting cue introduces the text under it (registered outlets only); a closing Source line credits the "
    "paragraphs up to the heading above them, and a Source line of the same outlet closes a lead-in run (open_end "
    'false); a short caption or credit paragraph and "What X does not mention is ..." end a lead-in run. Still '
    'missed: a heading naming an outlet missing from the registry ("What Ouest-France found"), "RBC, citing a '
    'source ..., wrote" (unknown name, no descriptor), the passive "was put at ... by Il Fatto Quotidiano"; five '
    'unknown outlets get no language ("the capital\'s other main daily", "a pro-Kremlin tabloid", "the news portal '
    'Onet", "the satirical weekly", an undescribed name), and "X: ..." inside a paragraph stays open-ended by '
    'design (gold: closed). Known risk: a person named after "documents seen by" without a title ("Senator X" is '
    "excluded) becomes an unknown outlet."
)
BLIND4_FIRST_RUN = (
    "overlap precision 0.750, recall 0.429 (15 of 35 gold passages found, 20 predicted); strict precision 0.700, "
    "recall 0.400; 1 false passage on the 6 hard-negative articles (\"Expresso, the weekly, said last month it would "
    "move to a digital-first model\", an outlet's news about itself). Misses then: a continuation in the next "
    "paragraph (\"..., Handelsblatt added.\", overlap match only); an outlet named in the sentence before the cue "
    "(\"Kathimerini leads with the cost: the conservative daily estimates that\", \"The Zurich paper writes "
    "that\", \"According to the Geneva daily\" found but not tied to Le Temps); \"In his column he also "
    "predicted\" not continuing \"Writing in Der Standard\"; \"In an editorial on Saturday, Die Presse called "
    "...\"; a transcript's \"Quote: ... End quote.\"; \"X reported that\" after a descriptor for outlets "
    "missing from the registry (\"the Czech news site Seznam Zprávy reported\", \"Hungarian news site Telex "
    "reports\", \"The St Petersburg news site Fontanka, quoting port workers, wrote\" was found), \"Per X,\"; "
    "a Source line under three paragraphs giving only the last one; closing commentary (\"The account could not "
    "be independently verified.\") kept inside an open-ended lead-in; passives \"was put at ... by De "
    "Standaard\", \"was confirmed to Kommersant by\", \"was first revealed by TVN24, whose report ... said\"; "
    "\"told RTBF radio that\" (outlet missing from the registry); possessives \"Hürriyet's Ankara bureau "
    "reported\", \"La Stampa's Brussels correspondent writes\"; \"in an interview with the business daily "
    "Hospodářské noviny\"; a lead-in before a list (\"Il Post ... explained the remaining obstacles in a long "
    "piece on Monday:\"); \"The daily Dziennik Gazeta Prawna calculated that\"."
)
BLIND4_FIXES = (
    "general rules and lexicon data, each with unit tests in new sentences (tests/test_attribution.py, "
    "\"phrasings added after blind4\"): up to two words between an outlet's possessive and the report noun "
    "(\"X's Moscow correspondent writes\"; \"bureau\" is a report noun); passive cues \"revealed by\", "
    "\"disclosed by\", \"confirmed to\", \"first reported by\" and a figure put by the outlet (\"was put at ... "
    "by X\", a regex in `before_patterns`); \"calculated that\", \"found that\"; a transcript speaker (\"PIOTR: "
    "\") or a thread number (\"1/ \") before the subject, and a place opening the sentence without a comma (\"In "
    "Prague the news site X reported\"); a foreign descriptor word opening a title (\"the daily Dziennik Gazeta "
    "Prawna\"); an outlet missing from the registry, once introduced as one, recognised by its bare name later "
    "(\"Per Telex, ...\"; not a place before a descriptor, \"the Geneva daily\"); \"In his column ...\" and "
    "similar openings continue a passage; verification notes (\"could not be independently verified\") are the "
    "author's voice; a Source line under a short article with a plain-text title credits everything below the "
    "title (closed); \"X said ... it would/plans ...\" is news about the outlet itself; a colon lead-in with a bare "
    "saying verb (\"X explained the obstacles in a long piece:\") and a list after a lead-in ends where the list "
    "ends; the language of an unknown outlet from more cities (\"the St Petersburg news site\") and from its own "
    "name (an opening article, \"Die Presse\", \"Il Post\", or a title word, \"Dziennik\", \"Zeitung\"), which "
    "also fixed the language of four `blind3` passages (33 of 37 right, was 29). Left open: outlets missing from "
    "the registry named with no descriptor (Kathimerini, Le Temps, Die Presse, RTBF), \"The Zurich paper writes\" "
    "with the name only in the sentence before (the detector would start the passage at that sentence; gold "
    "starts at the cue), a transcript's \"Quote: ... End quote.\", a title with a lower-case word (\"Hospodářské "
    "noviny\"), the language of \"the pro-government daily Sabah\", and a continuation in the next paragraph "
    "(\"..., Handelsblatt added.\"; the detector makes paragraph continuations separate passages by design, "
    "gold joins them: overlap match only)."
)
_FOLD = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‚": "'"})


@dataclass(frozen=True)
class GoldPassage:
    span: Span
    kind: str
    outlet: str  # "" = not in the registry
    outlet_name: str
    language: str | None
    open_end: bool
    urls: tuple[str, ...]


@dataclass
class Article:
    file: str
    split: str  # dev | heldout
    passages: list[GoldPassage] = field(default_factory=list)
    negatives: tuple[str, ...] = ()


def fold(text: str) -> str:
    """Curly quotes to straight ones; same length, so offsets survive."""
    return text.translate(_FOLD)


def locate(text: str, start: str, end: str, *, after: int = 0) -> Span:
    """The span from snippet ``start`` to the end of the next snippet ``end`` in ``text``."""
    folded = fold(text)
    s = folded.find(fold(start), after)
    if s < 0:
        raise ValueError(f"start snippet not found: {start!r}")
    e = folded.find(fold(end), s)
    if e < 0:
        raise ValueError(f"end snippet not found after start: {end!r}")
    return Span(s, e + len(end))


def load_gold(path: Path = GOLD) -> list[dict[str, Any]]:
    return tomllib.loads(path.read_text(encoding="utf-8"))["articles"]


def resolve(entry: dict[str, Any], text: str) -> Article:
    """Gold passages of one gold.toml entry as spans into the document text."""
    art = Article(
        file=entry["file"],
        split=entry["file"].split("/")[0] if "/" in entry["file"] else "dev",
        negatives=tuple(entry.get("negatives", ())),
    )
    pos = 0
    for p in entry.get("passages", []):
        span = locate(text, p["start"], p["end"], after=pos)
        pos = span.start + 1
        art.passages.append(
            GoldPassage(
                span=span,
                kind=p["kind"],
                outlet=p.get("outlet", ""),
                outlet_name=p.get("outlet_name", ""),
                language=p.get("language") or None,
                open_end=bool(p.get("open_end", False)),
                urls=tuple(p.get("urls", ())),
            )
        )
    return art


def jaccard(a: Span, b: Span) -> float:
    inter = max(0, min(a.end, b.end) - max(a.start, b.start))
    union = (a.end - a.start) + (b.end - b.start) - inter
    return inter / union if union else 0.0


def outlet_agrees(gold: GoldPassage, pred: Passage) -> bool:
    if gold.outlet:
        return pred.outlet is not None and pred.outlet.id == gold.outlet
    return pred.outlet is None and gold.outlet_name.lower() in pred.outlet_name.lower()


def match(gold: list[GoldPassage], preds: list[Passage], *, strict: bool) -> list[tuple[int, int]]:
    """One-to-one (gold index, prediction index) pairs, best overlap first."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(preds):
            if not outlet_agrees(g, p):
                continue
            score = jaccard(g.span, p.span)
            ok = (g.span == p.span) if strict else score >= JACCARD
            if ok:
                pairs.append((score, gi, pi))
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _score, gi, pi in sorted(pairs, reverse=True):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return out


@dataclass
class Counts:
    tp_gold: int = 0
    gold: int = 0
    tp_pred: int = 0
    pred: int = 0

    def precision(self) -> float:
        return self.tp_pred / self.pred if self.pred else 1.0

    def recall(self) -> float:
        return self.tp_gold / self.gold if self.gold else 1.0

    def f1(self) -> float:
        p, r = self.precision(), self.recall()
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class SplitResult:
    articles: int = 0
    negatives: int = 0
    strict: Counts = field(default_factory=Counts)
    overlap: Counts = field(default_factory=Counts)
    by_kind: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    language_ok: int = 0
    open_end_ok: int = 0
    urls_ok: int = 0
    negative_false: int = 0
    misses: list[str] = field(default_factory=list)
    seconds: float = 0.0


def score(registry: Any, *, gold_path: Path = GOLD) -> dict[str, SplitResult]:
    from provenance.attribution import find_passages
    from provenance.documents import read_document

    results: dict[str, SplitResult] = defaultdict(SplitResult)
    for entry in load_gold(gold_path):
        doc = read_document(gold_path.parent / entry["file"])
        art = resolve(entry, doc.text)
        res = results[art.split]
        t0 = time.perf_counter()
        preds = find_passages(doc, registry)
        res.seconds += time.perf_counter() - t0
        res.articles += 1
        res.negatives += 0 if art.passages else 1
        if not art.passages:
            res.negative_false += len(preds)
        for level, counts in (("strict", res.strict), ("overlap", res.overlap)):
            pairs = match(art.passages, preds, strict=level == "strict")
            counts.gold += len(art.passages)
            counts.pred += len(preds)
            counts.tp_gold += len(pairs)
            counts.tp_pred += len(pairs)
            if level != "overlap":
                continue
            matched_g = {g for g, _ in pairs}
            matched_p = {p for _, p in pairs}
            for gi, g in enumerate(art.passages):
                res.by_kind[g.kind].gold += 1
                res.by_kind[g.kind].tp_gold += gi in matched_g
                if gi not in matched_g:
                    res.misses.append(f"{art.file}: missed {g.kind} {doc.text[g.span.start : g.span.start + 40]!r}")
            for pi, p in enumerate(preds):
                res.by_kind[p.kind].pred += 1
                res.by_kind[p.kind].tp_pred += pi in matched_p
                if pi not in matched_p:
                    res.misses.append(f"{art.file}: spurious {p.kind} {p.text[:40]!r}")
            for gi, pi in pairs:
                g, p = art.passages[gi], preds[pi]
                res.language_ok += g.language == p.language
                res.open_end_ok += g.open_end == p.open_end
                res.urls_ok += set(g.urls) <= set(p.urls)
                if g.span != p.span:
                    res.misses.append(
                        f"{art.file}: span differs (overlap match only): gold "
                        f"{doc.text[g.span.start : g.span.end][-40:]!r} vs predicted {p.text[-40:]!r}"
                    )
    return dict(results)


def seed_check(registry: Any) -> str | None:
    """The seed article must give exactly the Bild and the CBS News passages."""
    from provenance.attribution import find_passages
    from provenance.documents import read_document

    seeds = sorted((ROOT.parent / "shared" / "seed").glob("000_*.txt"))
    if not seeds:
        return None
    doc = read_document(seeds[0])
    got = find_passages(doc, registry)
    want = [
        ("According to BILD, even before the peace summit", "shared by German government officials.", "de"),
        ("Washington — Russian President", "fought for Russia in the war.", "en"),
    ]
    spans = sorted(locate(doc.text, s, e) for s, e, _ in want)
    ok = len(got) == 2 and sorted(p.span for p in got) == spans
    return f"seed article: {len(got)} passage(s), {'exact match' if ok else 'MISMATCH'} with the expected two"


def real_pages(registry: Any) -> str | None:
    """Counts and speed on real news pages (no gold: a smoke test for noise and runtime)."""
    from provenance.attribution import find_passages
    from provenance.documents import read_document

    folder = DATA / "extraction_news" / "html"
    if not folder.is_dir():
        return None
    files = sorted(p for p in folder.iterdir() if p.is_file())
    kinds: dict[str, int] = defaultdict(int)
    seconds = 0.0
    for path in files:
        doc = read_document(path)
        t0 = time.perf_counter()
        for p in find_passages(doc, registry):
            kinds[p.kind] += 1
        seconds += time.perf_counter() - t0
    found = ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())) or "none"
    return (
        f"Real pages (no gold): on the {len(files)} news pages of `extraction_news` (originals, not derivatives) "
        f"it reports {sum(kinds.values())} passages ({found}), "
        f"{1000 * seconds / max(len(files), 1):.1f} ms per page. Without gold this only shows the noise level; "
        "`link` (a sentence around a link into an outlet) is the kind most likely to be a false alarm (teasers, "
        "internal links)."
    )


def render(results: dict[str, SplitResult], seed: str | None, real: str | None = None) -> str:
    rows = []
    for split in SPLITS:
        r = results.get(split)
        if r is None:
            continue
        for level, c in (("strict", r.strict), ("overlap (Jaccard >= 0.8)", r.overlap)):
            rows.append([split, level, c.gold, c.pred, c.precision(), c.recall(), c.f1()])
    lines = [
        "## Passages (attribution)",
        "",
        "`find_passages` on our own annotated articles (`tests/fixtures/passages/`, gold in `gold.toml`): "
        "lead-ins, Source lines, attributed block quotes, inline attribution, quotes credited to an outlet, "
        "links to an outlet's article, and hard negatives (outlets named without being quoted, quotes of "
        "people, scare quotes, credits, bios). `dev` is the split the cue lexicons were tuned on; `heldout` "
        "was written before tuning and not tuned on; `challenge` and then `fresh` were written after the detector "
        "to probe other phrasings (first-run scores below; generic gaps they exposed were fixed afterwards). "
        "Those four sets were written by the detector's author, so they share its idea of what an attribution "
        "looks like; `blind`, `blind2`, `blind3` and `blind4` were written by a second to a fifth author who had "
        "not read the detector (their first runs below are the most independent estimates; `blind4`'s is the most "
        "recent). Expect lower numbers on real articles. "
        "A prediction matches when the outlet agrees and the spans are identical (strict) or overlap "
        "with character Jaccard >= 0.8. Target: precision and recall >= 0.9.",
        "",
        table(["split", "match", "gold", "predicted", "precision", "recall", "F1"], rows),
        "",
    ]
    for split in SPLITS:
        r = results.get(split)
        if r is None:
            continue
        n = r.overlap.tp_gold
        lines += [
            f"**{split}**: {r.articles} articles ({r.negatives} with no passage at all; "
            f"{r.negative_false} false passage(s) on them); of {n} matched passages, language right "
            f"{r.language_ok}/{n}, open_end right {r.open_end_ok}/{n}, gold URLs attached {r.urls_ok}/{n}; "
            f"{1000 * r.seconds / max(r.articles, 1):.1f} ms per article.",
            "",
        ]
        kind_rows = [[k, c.gold, c.pred, c.precision(), c.recall()] for k, c in sorted(r.by_kind.items())]
        lines += [table(["kind (overlap)", "gold", "predicted", "precision", "recall"], kind_rows), ""]
        if r.misses:
            lines += ["Errors:", ""] + [f"- {m}" for m in r.misses] + [""]
    lines += [f"First run of `challenge`, before any change made because of it: {CHALLENGE_FIRST_RUN}", ""]
    lines += [f"First run of `fresh` (written after `challenge` and its tuning): {FRESH_FIRST_RUN}", ""]
    lines += [f"First run of `blind` (second author, written without reading the detector): {BLIND_FIRST_RUN}", ""]
    lines += [
        f"First run of `blind2` (third author, written without reading the detector; the independent estimate): "
        f"{BLIND2_FIRST_RUN}",
        "",
        f"Changed after the `blind2` run (so its current numbers are tuned on it too): {BLIND2_FIXES}",
        "",
        f"First run of `blind3` (fourth author, written without reading the detector, its tests or the other "
        f"fixtures): {BLIND3_FIRST_RUN}",
        "",
        f"Changed after the `blind3` run (so its current numbers are tuned on it too): {BLIND3_FIXES}",
        "",
        f"First run of `blind4` (fifth author, written without reading the detector, its tests or the other "
        f"fixtures; the most recent independent estimate): {BLIND4_FIRST_RUN}",
        "",
        f"Changed after the `blind4` run (so its current numbers are tuned on it too): {BLIND4_FIXES}",
        "",
    ]
    if seed:
        lines += [f"Seed check: {seed}.", ""]
    if real:
        lines += [real, ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    import argparse

    from provenance.sources import load_registry

    parser = argparse.ArgumentParser(description="Score find_passages on the annotated fixture articles.")
    parser.add_argument("--no-write", action="store_true", help="print only; leave docs/benchmarks.md alone")
    args = parser.parse_args(argv)
    registry = load_registry()
    results = score(registry)
    body = render(results, seed_check(registry), real_pages(registry))
    if not args.no_write:
        write_section("passages", body)
    print(body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
