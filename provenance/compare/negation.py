"""Negation: polarity flipped (a negation cue added or removed) or a word replaced by its antonym.

Counting is per language: French "ne ... pas" is one negation, Spanish/Italian/Russian
negative concord ("no ... nunca", "не ... никогда") counts once per primary negator. Weak
cues ("refused", "hardly", "kaum") only count when both counts agree they matter.
"""

from __future__ import annotations

import re

from provenance.compare.antonyms_lexicon import _antonyms, _cognate_antonyms
from provenance.compare.antonyms_vectors import _CROSS_IN_A, _embedded_antonyms
from provenance.compare.antonyms_wordnet import _dictionary_antonyms, _scale_flip, _wordnet_antonyms
from provenance.compare.base import (
    Detection,
    Found,
    PairContext,
    governed_words,
    in_scope,
    make_finding,
    quote,
    relative_distance,
)
from provenance.compare.detector import Detector
from provenance.compare.lexicon import Cue, Lexicon
from provenance.compare.opposites import _WN_MAX_RANK, DETECTOR, _lexicon_pairs
from provenance.compare.tokens import Side, Token, fold, is_known, lemma
from provenance.compare.word_rules import negation_rules
from provenance.errors import LexiconError
from provenance.model import DriftSubtype, FindingKind, Severity

_RESTRICTIVE_WITHIN = 6  # words after "ne" where "que" makes it "only"


def _without_restrictive(side: Side, lex: Lexicon, strict: list[Cue], particles: set[str]) -> list[Cue]:
    """The cues without particles of a restriction ("ne ... que": only), which negates nothing."""
    restrictive = set(lex.entries("negation.restrictive"))
    if not restrictive:
        return strict
    blockers = set(lex.entries("negation.restrictive_blockers"))
    words = [fold(t.text) for t in side.tokens]
    out = []
    for c in strict:
        if c.entry in particles:
            after = words[c.end : c.end + _RESTRICTIVE_WITHIN]
            first = next((w for w in after if w in restrictive or w in blockers), None)
            if first in restrictive:
                continue
        out.append(c)
    return out


def negation_cues(side: Side, lex: Lexicon, other: Side | None = None) -> tuple[list[Cue], list[Cue]]:
    """(strict cues, weak cues) of ``side`` after merging concord and 'ne ... pas'. A bound ("no more than three")
    is no negation, unless ``other`` (the same language) states the bare comparison: "no longer ... for more than 90
    days" is "for no more than 90 days", the negation moved onto the bound."""
    cues = _found(side, lex)
    bounds = lex.find("negation.bounds", side.tokens) if lex.data.get("negation", {}).get("bounds") else []
    if bounds and other is not None:
        others = f" {' '.join(fold(t.text) for t in other.tokens)} "  # whole words: not "furthermore than"
        bounds = [b for b in bounds if not any(f" {said} " in others for said in _comparisons(lex, b.entry))]
    if bounds:
        cues = [c for c in cues if not any(b.start <= c.start < b.end for b in bounds)]
    strict, weak = _split(cues, lex)
    particles = set(lex.entries("negation.particles"))
    if not particles and not lex.entries("negation.concord"):
        strict, weak = _without_double_negation(strict, weak, lex)
    if particles:  # French: count the "ne"/"n'" particles, plus "sans"/"non"; "pas", "jamais" belong to them
        strict = _without_restrictive(side, lex, strict, particles)
        has_particle = [c for c in strict if c.entry in particles]
        if has_particle:
            strict = has_particle + [c for c in strict if c.entry in negation_rules(lex.lang).beside_particles]
    primary = set(lex.entries("negation.concord"))  # negative concord: one negation per primary negator
    if primary:
        prim = [c for c in strict if c.entry in primary]
        if prim:
            # ... and one per clause without one, where a negative word stands alone ("Non vogliamo sostituire
            # nessuno, ma coprire i turni che nessuno vuole più fare": two)
            openers = set(lex.entries("negation.clause_openers"))
            negated = {_clause(side, c.start, openers) for c in prim}
            alone: dict[int, Cue] = {}
            for c in strict:
                alone.setdefault(_clause(side, c.start, openers), c)
            strict = prim + [c for k, c in alone.items() if k not in negated]
        elif strict:
            strict = strict[:1]

    pair = lex.entries("negation.paired")
    if pair:  # "neither ... nor" is one negation
        firsts = [c for c in strict if c.entry == pair[0]]
        if firsts:
            strict = [c for c in strict if c.entry != pair[1]]
    if strict:  # "not at the end of the year but only in spring": the restriction belongs to the negation
        restrictions = set(lex.entries("negation.restrictions"))
        weak = [c for c in weak if c.entry not in restrictions]
    return strict, weak


_CLAUSE_MARKS = frozenset({";", ":", "—", "–"})


def _clause(side: Side, index: int, openers: set[str]) -> int:
    """Which clause of the side token ``index`` stands in: clauses counted by the punctuation before it, a comma only
    before a word that opens a clause ("..., ma ...", not "ni comentarios, ni disculpas")."""
    toks = side.tokens
    return sum(t.text in _CLAUSE_MARKS or (t.text == "," and k + 1 < len(toks) and fold(toks[k + 1].text) in openers)
               for k, t in enumerate(toks[:index]))


def _comparisons(lex: Lexicon, bound: str) -> list[str]:
    """The bare comparison a bound negates, as words and in the lexicon's other words for it: "not _ _ before" states
    "before", "until", "earlier than" ..."""
    bare = " ".join(w for w in bound.split()[1:] if w != "_")  # (without the entry's gaps)
    synonyms = lex.table("negation.bound_synonyms").get(bare, [])
    if not isinstance(synonyms, list) or not all(isinstance(w, str) and w.strip() for w in synonyms):
        raise LexiconError(f"{lex.lang}.toml: negation.bound_synonyms.{bare} must be a list of non-empty strings")
    return [bare, *(fold(w) for w in synonyms)]


def _double_negations(strict: list[Cue], weak: list[Cue], lex: Lexicon) -> list[tuple[Cue, Cue]]:
    """Pairs of a negation and the negative verb right after it ("does not rule out", "did not deny", "not
    without"); not "neither ... nor deny", not a restriction ("cannot rely only on")."""
    paired, restrictions = set(lex.entries("negation.paired")), set(lex.entries("negation.restrictions"))
    verbs = [o for o in weak if o.entry not in restrictions]
    out = []
    for c in strict:
        if c.entry in paired:
            continue
        nxt = next((o for o in verbs if 0 <= o.start - c.end <= 1), None)
        if nxt is not None:
            out.append((c, nxt))
    return out


def _numbering(side: Side, cue: Cue) -> bool:
    """ "Bridge No. 1", "No 2": a capitalised one-word cue before a number (with or without its point) numbers
    something, it negates nothing."""
    toks = side.tokens
    if cue.end - cue.start != 1 or not toks[cue.start].is_capitalised or cue.end >= len(toks):
        return False
    nxt = cue.end + 1 if toks[cue.end].text == "." and cue.end + 1 < len(toks) else cue.end
    return toks[nxt].text[:1].isdigit()


def _found(side: Side, lex: Lexicon) -> list[Cue]:
    """The side's negation cues as the lexicon finds them, without "No." numbering something, and a verb of ceasing
    before a gerund ("stop calling")."""
    cues = [c for c in lex.find("negation.cues", side.tokens) if not _numbering(side, c)]
    ceasing = negation_rules(lex.lang).ceasing
    if ceasing:
        taken = {i for c in cues for i in range(c.start, c.end)}
        toks = side.tokens
        cues += [Cue(i, i + 2, CEASING, "negation.cues") for i in range(len(toks) - 1)
                 if i not in taken and fold(toks[i].text) in ceasing and toks[i + 1].is_word
                 and len(toks[i + 1].text) > _GERUND and toks[i + 1].text.lower().endswith("ing")]
    return cues


CEASING = "<ceasing> _ing"  # the entry of a verb of ceasing before a gerund: a weak cue
_GERUND = 5  # letters a gerund has at least ("thing", "king" are none)


def _split(cues: list[Cue], lex: Lexicon) -> tuple[list[Cue], list[Cue]]:
    """(strict cues, weak cues): the lexicon's weak list says which is which."""
    weak_entries = set(lex.entries("negation.weak")) | {CEASING}
    return [c for c in cues if c.entry not in weak_entries], [c for c in cues if c.entry in weak_entries]


def _litotes(side: Side, lex: Lexicon) -> int:
    """How many negations of the side a negative verb right after them cancels ("does not rule out")."""
    return len(_double_negations(*_split(_found(side, lex), lex), lex))


def _without_double_negation(strict: list[Cue], weak: list[Cue], lex: Lexicon) -> tuple[list[Cue], list[Cue]]:
    """A negation right before a negative verb cancels it: "does not rule out" is "may", "did not deny" is "let it
    stand", "not without" is "with" (languages with neither negative concord nor particles)."""
    cancelled = {id(x) for pair in _double_negations(strict, weak, lex) for x in pair}
    return [c for c in strict if id(c) not in cancelled], [c for c in weak if id(c) not in cancelled]


def _double_negation_undone(ctx: PairContext, der: tuple[list[Cue], list[Cue]]) -> Found | None:
    """Mode A: the translation negates a negative verb ("is not ruling out") and the passage keeps the verb without
    the negation ("has ruled out"): the statement is reversed."""
    assert ctx.trans is not None
    lex = ctx.der_lex
    if not (der[0] or der[1]) or lex.entries("negation.particles") or lex.entries("negation.concord"):
        return None  # (no cue of the passage to undo anything: the translation's cues need not be looked up)

    def keys(word: str) -> set[str]:  # "ruling" / "ruled", "denied" / "deny"
        return {fold(lemma(word, ctx.der.lang)), re.sub(r"(?:ing|ed|es|s)$", "", fold(word))}

    toks = ctx.trans.tokens
    pairs = _double_negations(*_split(lex.find("negation.cues", toks), lex), lex)
    verbs = set().union(*(keys(toks[verb.start].text) for _, verb in pairs))
    mine = [c for c in der[0] + der[1] if keys(ctx.der.tokens[c.start].text) & verbs]
    if not verbs or not mine:
        return None
    said = " ".join(t.text for t in ctx.der.tokens[mine[0].start : mine[0].end])
    return make_finding(
        ctx, FindingKind.DRIFT, DriftSubtype.NEGATION, confidence=0.8,
        der_tokens=ctx.der.tokens[mine[0].start : mine[0].end], src_tokens=None,
        explanation=(f"The translation of the original negates {quote(said)} (a double negation: it leaves the "
                     "possibility open); the passage states it: the statement is reversed."),
        detector=DETECTOR, evidence={"double_negation": said},
    )


_RULED_NEAR = 0.3  # relative places of the original's negated verb and the passage's refusal: the same clause


def _ruling_out_undone(ctx: PairContext) -> list[Found]:
    """Mode B: the original negates a verb of ruling out ("no descarta nuevas restricciones", "n'a pas exclu",
    "nie wyklucza") and the passage keeps the verb without its negation ("has ruled out further restrictions"), at
    about the same place: a possibility left open is stated as excluded."""
    theirs = ctx.src_lex.find("litotes.ruling_out", ctx.src.tokens) if ctx.src_lex.data.get("litotes") else []
    if not theirs:
        return []
    strict, weak = negation_cues(ctx.der, ctx.der_lex)  # ("has not ruled out" cancels itself there)
    refusing = set(ctx.der_lex.entries("negation.refusals"))
    mine = [c for c in weak if c.entry in refusing and any(
        relative_distance(ctx.src.tokens[t.start], ctx.src, ctx.der.tokens[c.start], ctx.der) <= _RULED_NEAR
        for t in theirs)]
    if strict or not mine:
        return []
    said = " ".join(t.text for t in ctx.der.tokens[mine[0].start : mine[0].end])
    negated = " ".join(t.text for t in ctx.src.tokens[theirs[0].start : theirs[0].end])
    return [make_finding(
        ctx, FindingKind.DRIFT, DriftSubtype.NEGATION, confidence=0.75,
        der_tokens=ctx.der.tokens[mine[0].start : mine[0].end],
        src_tokens=ctx.src.tokens[theirs[0].start : theirs[0].end],
        explanation=(f"The original does not rule it out ({quote(negated)}: the possibility stays open); the passage "
                     f"says it was ruled out ({quote(said)}): the statement is reversed."),
        detector=DETECTOR, evidence={"double_negation": negated},
    )]


def detect(ctx: PairContext) -> Detection:
    """The checks in order, the first that finds something answers: polarity, then (mode A) listed, WordNet,
    word-vector and scale antonyms, a looser WordNet link, dictionary antonyms, or (mode B) cognates."""
    findings = _polarity(ctx)
    if not findings and ctx.trans is not None:
        findings, weak = _antonyms(ctx), []
        if not findings:
            findings, weak = _wordnet_antonyms(ctx)
        findings = (findings or _embedded_antonyms(ctx, cross=False) or _scale_flip(ctx) or weak[:1]
                    or _dictionary_antonyms(ctx))
        if not findings and _CROSS_IN_A and ctx.src.lang != ctx.der.lang:
            # the original itself, for passage words the translation does not confirm (minor, weak evidence)
            findings = _embedded_antonyms(ctx, cross=True)
    elif not findings and ctx.src.lang != ctx.der.lang:
        findings = _ruling_out_undone(ctx) or _cognate_antonyms(ctx) or _embedded_antonyms(ctx, cross=True)
    return Detection.of(findings)


def _differs(a: tuple[list[Cue], list[Cue]], b: tuple[list[Cue], list[Cue]], lex: Lexicon | None = None,
             side: Side | None = None, other: Side | None = None) -> bool:
    """The sides' polarity differs: their strict cues and all their cues differ in number; or (given ``lex``, the
    passage first) the passage decides against something with a refusal ("has ruled out") where the other side has
    no negation at all, nor (given ``other``, in the passage's language) a verb that takes a stand against a thing
    as a refusal does ("opposes the closures" / "rejects the closures")."""
    (sa, wa), (sb, wb) = a, b
    if len(sa) != len(sb) and len(sa) + len(wa) != len(sb) + len(wb):
        return True
    if lex is None or sa or sb:
        return False
    refusals = set(lex.entries("negation.refusals"))
    return (not wb and side is not None and any(c.entry in refusals and _governs(side, c, lex) for c in wa)
            and not (other is not None and lex.find("negation.against", other.tokens)))


def _governs(side: Side, cue: Cue, lex: Lexicon) -> bool:
    """The refusal has what it refuses right after it ("ruled out beefing up", "rejected the plan"), not a
    preposition ("being rejected in committee", where it describes a vote)."""
    if cue.end >= len(side.tokens) or not side.tokens[cue.end].is_word:
        return False
    word = fold(side.tokens[cue.end].text)
    return word in lex.entries("antonyms.determiners") or word not in lex.entries("stop.words")


def _polarity(ctx: PairContext) -> list[Found]:
    der = negation_cues(ctx.der, ctx.der_lex, ctx.trans)
    src_known = bool(ctx.src_lex.data.get("negation"))
    src = negation_cues(ctx.src, ctx.src_lex) if src_known else None
    tr = negation_cues(ctx.trans, ctx.der_lex, ctx.der) if ctx.trans is not None else None
    if tr is not None:
        if (undone := _double_negation_undone(ctx, der)) is not None:
            return [undone]
        if not _differs(der, tr, ctx.der_lex, ctx.der, ctx.trans):
            return []
        # a negation counts only where what it negates is rendered on the other side: "the tractors no longer
        # prune the vines: they pull them up" excerpted as "growers are tearing up vines" leaves a clause out,
        # it does not flip one
        # (the passage's own negations stay: it paraphrases, "did not announce" for "told an audience"; but a
        # negation whose verb the translation lacks is weaker evidence, reported as minor below)
        der, tr = ((_without_negated_antonyms(ctx.der, _without_litotes(ctx.der, der[0], ctx.trans, ctx.der_lex),
                                              ctx.trans, ctx.der_lex),
                    _unshared(der[1], tr[1], ctx.der.lang)),
                   (in_scope(ctx.trans, tr[0], ctx.der, ctx.der_lex, words=2, related=True),
                    _unshared(tr[1], der[1], ctx.der.lang)))
        if not _differs(der, tr, ctx.der_lex, ctx.der, ctx.trans):
            return []
        loose = len(in_scope(ctx.der, der[0], ctx.trans, ctx.der_lex, words=2)) <= len(tr[0]) < len(der[0])
        if src is not None and not _differs(der, src, ctx.der_lex, ctx.der):
            return []  # the known translation is the odd one out
        conf = 0.9 if src is not None else 0.75
        ref_count = len(tr[0])
        ref_side, ref_cues = "translation", tr[0]
    elif src is not None:
        loose = False
        if not _differs(der, src):
            return []
        if len(der[0]) < len(src[0]) <= len(der[0]) + _litotes(ctx.der, ctx.der_lex):
            return []  # "have not ruled out arson" for "non escludono": a negation the passage's litotes cancelled
        # one cue more or less when both sides are negative is often a rendering choice (weaker evidence)
        conf = 0.8 if (len(der[0]) == 0) != (len(src[0]) == 0) else 0.6
        if ctx.gloss is not None and len(der[0]) > len(src[0]):
            # a negation the passage adds counts where the original has what it negates (the gloss says which
            # words it has): "four pools will not open" for "four stay closed" negates a word the original lacks
            loose = len(in_scope(ctx.der, der[0], ctx.gloss, ctx.der_lex, words=2, related=True)) <= len(src[0])
        ref_count = len(src[0])
        ref_side, ref_cues = "original", src[0]
    else:
        return []
    if _morphological(ctx, der, tr, src):
        return []
    dcount = len(der[0])
    d_tokens = [ctx.der.tokens[i] for c in der[0] for i in range(c.start, c.end)]
    s_tokens = [ctx.src.tokens[i] for c in (src[0] if src else []) for i in range(c.start, c.end)]
    refusing = set(ctx.der_lex.entries("negation.refusals"))
    refusals = [c for c in der[1] if c.entry in refusing]
    if dcount == ref_count == 0 and refusals:
        d_tokens = [ctx.der.tokens[i] for c in refusals for i in range(c.start, c.end)]
        said = ", ".join(quote(" ".join(t.text for t in ctx.der.tokens[c.start : c.end])) for c in refusals)
        text = f"The passage decides against it ({said}); the original has no negation: the statement is reversed."
    elif dcount > ref_count:
        what = "adds a negation" if ref_count == 0 else "has more negations"
        cue_words = ", ".join(quote(" ".join(t.text for t in ctx.der.tokens[c.start:c.end])) for c in der[0])
        text = f"The passage {what} ({cue_words}) than the original: the statement's polarity is flipped."
        if ref_count == 0:
            text = f"The passage {what} ({cue_words}) that the original does not have: the statement is reversed."
    else:
        if ref_side == "translation":
            d_tokens = _where_lost(ctx, der[0], ref_cues) or d_tokens
        side = ctx.trans if ref_side == "translation" else ctx.src
        cue_words = ", ".join(quote(" ".join(t.text for t in side.tokens[c.start:c.end])) for c in ref_cues)  # type: ignore[union-attr]
        text = f"The original is negated ({cue_words}); the passage drops the negation and states the opposite."
    return [
        make_finding(
            ctx, FindingKind.DRIFT, DriftSubtype.NEGATION, confidence=conf, der_tokens=d_tokens or None,
            src_tokens=s_tokens or None, explanation=text, detector=DETECTOR,
            evidence={"negations": {"passage": dcount, ref_side: ref_count}},
            severity=Severity.MINOR if loose else None,
        )
    ]


def _where_lost(ctx: PairContext, der_cues: list[Cue], tr_cues: list[Cue]) -> list[Token]:
    """Where the passage renders what a lost negation negated: the passage's words for the governed words of the
    translation's cues that no passage cue governs ("there is acute danger" for "there is no acute danger" beside
    a kept "does not meet"), so a reviewer is shown the flipped clause, not the negation that stayed."""
    def key(t: Token) -> str:  # the translation is in the passage's language
        return fold(lemma(t.text, ctx.der.lang))

    assert ctx.trans is not None
    kept = {key(t) for c in der_cues for t in governed_words(ctx.der, c, ctx.der_lex, 2)}
    lost: set[str] = set()
    for cue in tr_cues:
        negated = {key(t) for t in governed_words(ctx.trans, cue, ctx.der_lex, 2)}
        if not negated & kept:
            lost |= negated
    return [t for t in ctx.der.tokens if t.is_word and key(t) in lost]


_LITOTES_WITHIN = 4  # tokens after "nothing" / "never" where a comparative makes it a superlative


def _without_litotes(side: Side, cues: list[Cue], other: Side, lex: Lexicon) -> list[Cue]:
    """Drop negations that state a superlative ("nothing has been harder", "never so high") where the other side
    has one ("the hardest period") or compares with everyone ("better than anyone"): the same statement, not a
    flip."""
    grade = lex.data.get("negation", {}).get("grading", {})
    absolutes, comparatives, superlatives, universals, than = (
        set(grade.get(k, [])) for k in ("absolutes", "comparatives", "superlatives", "universals", "than"))
    theirs = [fold(t.text) for t in other.tokens]
    against_all = any(a in than and b in universals for a, b in zip(theirs, theirs[1:], strict=False))
    if not absolutes or not (against_all or any(_graded(t.text, side.lang, superlatives, "est") for t in other.tokens)):
        return cues
    words = side.tokens
    return [c for c in cues if not (
        c.entry in absolutes
        and any(_graded(t.text, side.lang, comparatives, "er") for t in words[c.end : c.end + _LITOTES_WITHIN]))]


def _without_negated_antonyms(side: Side, cues: list[Cue], other: Side, lex: Lexicon) -> list[Cue]:
    """Drop negations of a word whose listed antonym the other side has in its place ("because there were not enough
    contractors" / "because of a shortage of contractors", "was not allowed" / "was banned"): the same statement."""
    pairs = _lexicon_pairs(lex)
    theirs = {fold(t.text) for t in other.tokens} | {fold(lemma(t.text, lex.lang)) for t in other.tokens}
    words = side.tokens

    def renders_antonym(c: Cue) -> bool:
        for t in words[c.end : c.end + _LITOTES_WITHIN]:
            forms = {fold(t.text), fold(lemma(t.text, lex.lang))}
            if t.is_word and not forms & theirs and any(pairs.get(f, set()) & theirs for f in forms):
                return True
        return False

    return [c for c in cues if not renders_antonym(c)]


def _graded(word: str, lang: str, listed: set[str], ending: str) -> bool:
    """A comparative ('harder', 'more') or superlative ('hardest', 'most'): listed, or the ending on a word whose
    lemma lacks it."""
    w = fold(word)
    return w in listed or (w.endswith(ending) and len(w) > len(ending) + 2 and fold(lemma(word, lang)) != w)


def _unshared(weak: list[Cue], other: list[Cue], lang: str) -> list[Cue]:
    """Weak cues the other side lacks: "ruled out" on both sides balances nothing ("has ruled out" for "does not
    rule out" is a flip), "declined" facing "did not wish" does."""
    def key(cue: Cue) -> str:
        return " ".join(lemma(w, lang) for w in cue.entry.split())

    theirs = {key(c) for c in other}
    return [c for c in weak if key(c) not in theirs]


def _morphological(ctx: PairContext, der: tuple[list[Cue], list[Cue]], tr: tuple[list[Cue], list[Cue]] | None,
                   src: tuple[list[Cue], list[Cue]] | None) -> bool:
    """'not correct' rendered as 'incorrect' (or back): a negative prefix carries the negation."""
    prefixes = [fold(p) for p in ctx.der_lex.data.get("antonyms", {}).get("prefixes", [])]
    if not prefixes:
        return False
    other = ctx.trans if ctx.trans is not None else None
    if other is None:
        if len(der[0]) < len(src[0] if src else []):
            # mode B: a prefixed negative word in the passage may carry the original's negation ('nicht zu
            # schlagen' / 'unbeatable')
            return any(t.is_word and _negative_prefixed(fold(t.text), p, ctx.der.lang)
                       for t in ctx.der.tokens for p in prefixes)
        # ... or one of the original carries the passage's ('unweit' / 'not far'): an adjective or adverb
        # (lower case, so no German noun such as 'Unfall') made of the prefix and a word of the language
        src_prefixes = [fold(p) for p in ctx.src_lex.entries("negation.prefixes")]
        return any(t.is_word and t.text.islower() and fold(t.text).startswith(p)
                   and len(t.text) - len(p) >= 4 and is_known(fold(t.text)[len(p):], ctx.src.lang)
                   for t in ctx.src.tokens for p in src_prefixes)
    d_words = {fold(t.text) for t in ctx.der.tokens if t.is_word}
    o_words = {fold(t.text) for t in other.tokens if t.is_word}
    for a, b in ((d_words, o_words), (o_words, d_words)):
        for w in a - b:
            for p in prefixes:
                if w.startswith(p) and w[len(p):] in b and len(w) - len(p) >= 4:
                    return True
    # the side with fewer negations carries the missing one in a prefixed word at about the same place
    # ('could not stop' / 'was unable to brake')
    assert tr is not None
    fewer, more, cues = (ctx.der, other, tr[0]) if len(der[0]) < len(tr[0]) else (other, ctx.der, der[0])
    more_words = {fold(t.text) for t in more.tokens if t.is_word}
    places = [c.start / max(1, len(more.tokens)) for c in cues]
    return any(t.is_word and fold(t.text) not in more_words
               and any(abs(t.index / max(1, len(fewer.tokens)) - at) <= _MORPH_NEAR for at in places)
               and any(_negative_prefixed(fold(t.text), p, ctx.der.lang) for p in prefixes)
               for t in fewer.tokens)


_MORPH_NEAR = 0.3  # relative places of the lost negation cue and the prefixed word at most this far apart


def _negative_prefixed(word: str, prefix: str, lang: str) -> bool:
    """'unbeatable': the prefix negates the rest, a common stem or (English) one WordNet lists as its antonym."""
    stem = word[len(prefix):]
    if not word.startswith(prefix) or len(stem) < 4:
        return False
    if stem in negation_rules(lang).common_stems:
        return True
    if lang != "en":
        return False  # the prefix rule and WordNet's antonyms below are English
    if prefix in negation_rules(lang).word_prefixes and is_known(stem, "en"):
        return True  # 'un' + a word is a negation ('unbeatable'); 'in' + a word often is not ('inside')
    from provenance.lang import wordnet

    wn = wordnet.get()
    return wn is not None and bool({stem, fold(lemma(stem, "en"))} & wn.antonyms(word, _WN_MAX_RANK, satellites=False))


class Negation(Detector):
    name = DETECTOR

    def find(self, ctx: PairContext) -> Detection:
        return detect(ctx)
