"""Hedges: a reported or uncertain statement made into fact ("soll ... haben" -> plain past), or a hedge added.

The original's hedge counts as kept when the passage has any hedge or attribution cue
("reportedly", "according to", "X said that ..."), since English often carries German
reported speech (Konjunktiv I) with a reporting verb instead.
"""

from __future__ import annotations

from provenance.compare.base import (
    Detection,
    Found,
    PairContext,
    governed_words,
    in_scope,
    make_finding,
    quote,
    rendered,
    word_forms,
)
from provenance.compare.detector import Detector
from provenance.compare.hedge_rules import HedgeRules, hedge_rules
from provenance.compare.lexicon import Cue, Lexicon
from provenance.compare.tokens import Side, Token, fold
from provenance.lang.lemmas import lemma
from provenance.model import DriftSubtype, FindingKind, Severity

DETECTOR = "hedge"

_CLAUSE_END = frozenset({".", ";", "?", "!"})

def hedge_cues(side: Side, lex: Lexicon) -> list[Cue]:
    rules = hedge_rules(side.lang)
    cues = _self_sourced(side, lex, _guarded(side, lex, lex.find("hedge.cues", side.tokens)))
    if rules.soll:  # German: "soll" and the Konjunktiv I
        cues = _german_soll(side, rules, cues)
        cues += _konjunktiv(side, lex, rules, cues)
    elif rules.conditional_endings:
        cues += _romance_conditional(side, rules, cues)
    return cues


def _romance_conditional(side: Side, rules: HedgeRules, existing: list[Cue]) -> list[Cue]:
    """Weak hedges: conditional verb forms (by their ending and a lemma that is another word: "permettrait" /
    "permettre", not the noun "portrait"), as the Konjunktiv is in German."""
    taken = {c.start for c in existing}
    out = []
    for t in side.tokens:
        word = t.text.lower()
        if t.index in taken or not t.is_word or not word.endswith(rules.conditional_endings):
            continue
        if t.text[:1].isupper() and t.index > 0 and side.tokens[t.index - 1].text not in _CLAUSE_END:
            continue  # capitalised inside a sentence: a name ("la Consellería"), no verb
        base = lemma(word, side.lang)
        if base == word or base in rules.modal_lemmas:
            continue
        if rules.infinitive_endings and not base.endswith(rules.infinitive_endings):
            continue  # an adjective or noun with the ending ("fría": cold), not a verb's conditional
        out.append(Cue(t.index, t.index + 1, "COND:" + word, "hedge.conditional"))
    return out


_OWN_WITHIN = 3  # words after a cue where a first-person word makes it the outlet's own sourcing


def _self_sourced(side: Side, lex: Lexicon, cues: list[Cue]) -> list[Cue]:
    """Drop cues with which the outlet sources its own report ("Selon nos informations", "according to our
    information", "nach unseren Recherchen"): the article's credit stands for them."""
    own = lex.entries("hedge.own_sources")
    if not own:
        return cues
    return [c for c in cues
            if not any(fold(t.text) in own for t in side.tokens[c.end : c.end + _OWN_WITHIN])]


def _guarded(side: Side, lex: Lexicon, cues: list[Cue]) -> list[Cue]:
    """Drop cues used as another part of speech: the lexicon's ``hedge.not_after`` lists, per cue, the words
    that make it one when they come just before it ('so laut' is loud, 'their claims' a noun); a guarded
    cue at the end of its clause is not the preposition either ('Es war laut.')."""
    guards: dict[str, list[str]] = lex.data.get("hedge", {}).get("not_after", {})
    if not guards:
        return cues
    out = []
    for c in cues:
        guard = guards.get(c.entry)
        if guard is not None:
            before = fold(side.tokens[c.start - 1].text) if c.start > 0 else ""
            after = side.tokens[c.end] if c.end < len(side.tokens) else None
            if before in guard or after is None or not after.is_word:
                continue
        out.append(c)
    return out


# content words of the verb phrase after a hedge that the passage may render: the verb itself is often paraphrased
# ("is reportedly considering entrusting the auctions" / "plans to hand the auctions"), its object less so
_HEDGED_WORDS = 4


def _in_scope(ctx: PairContext, t_hedges: list[Cue]) -> list[Cue]:
    """The translation's hedges whose governed words the passage renders: the noun after an attributive one
    ("alleged irregularities"), the first content words of the verb phrase after the others."""
    assert ctx.trans is not None
    attributive = set(ctx.der_lex.entries("hedge.attributive"))
    # "according to information obtained by the paper, 450 jobs are to go": what follows names the source; the
    # cue qualifies the whole clause, which the bead's alignment already pairs with the passage's
    sourcing = set(ctx.der_lex.entries("hedge.sourcing"))
    nouns = [c for c in t_hedges if c.entry in attributive]
    phrases = [c for c in t_hedges if c.entry not in attributive and c.entry not in sourcing]
    return ([c for c in t_hedges if c.entry in sourcing]
            + in_scope(ctx.trans, nouns, ctx.der, ctx.der_lex, words=1)
            + in_scope(ctx.trans, phrases, ctx.der, ctx.der_lex, words=_HEDGED_WORDS))


def _perfect_infinitive(words: list[str], rules: HedgeRules) -> bool:
    """ "soll ... gesagt haben", "soll ... verkauft worden sein": a participle before "haben"/"sein" (or "worden",
    "gewesen"); "soll ... unterwegs sein" is the plan reading ("is to be under way")."""
    for k, w in enumerate(words):
        if w in rules.perfect_alone:
            return True
        if w in rules.perfect and k > 0 and rules.participle is not None and rules.participle.match(words[k - 1]):
            return True
    return False


def _german_soll(side: Side, rules: HedgeRules, cues: list[Cue]) -> list[Cue]:
    """Keep 'soll/sollen' as a strong hedge only with a perfect infinitive; mark it 'soll?' otherwise."""
    out = []
    words = [fold(t.text) for t in side.tokens]
    for c in cues:
        if c.entry in rules.soll:
            rest = words[c.end : c.end + 25]
            stop = next((k for k, w in enumerate(rest) if w in _CLAUSE_END), len(rest))
            if not _perfect_infinitive(rest[:stop], rules):
                c = Cue(c.start, c.end, c.entry + "?", c.category)
        out.append(c)
    return out


def _konjunktiv(side: Side, lex: Lexicon, rules: HedgeRules, existing: list[Cue]) -> list[Cue]:
    forms = lex.find("hedge.konjunktiv", side.tokens)
    words = [fold(t.text) for t in side.tokens]
    out = []
    for c in forms:
        tok = side.tokens[c.start]
        if tok.is_capitalised and not tok.sentence_start:
            continue  # a noun that folds to a verb form ('Läufe' / 'laufe')
        before = words[max(0, c.start - 6) : c.start]
        if c.entry in rules.konjunktiv_first_person and rules.first_person & set(before):
            continue  # 1st person indicative ("ich habe"), not reported speech
        if c.entry in rules.konjunktiv_ii:
            continue  # Konjunktiv II: conditionals as often as reported speech
        out.append(Cue(c.start, c.end, "KI:" + c.entry, "hedge.konjunktiv"))
    return out if not any(x.start == c.start for x in existing for c in out) else out


def _strength(cue: Cue, lang: str) -> str:
    if cue.entry.startswith(("KI:", "COND:")) or cue.entry.endswith("?"):
        return "weak"
    return "strong" if cue.entry in hedge_rules(lang).strong else "weak"


def _kept(side: Side, lex: Lexicon) -> tuple[list[Cue], list[Cue]]:
    """(hedge cues, attribution cues) of a derivative-language side; a one-word cue capitalised inside a sentence is
    a name ("reopen in May"), not a modal."""
    attribution = [c for c in lex.find("hedge.attribution", side.tokens)
                   if not (c.end - c.start == 1 and side.tokens[c.start].is_capitalised
                           and not side.tokens[c.start].sentence_start)]
    return hedge_cues(side, lex), attribution


def _modality_changed(ctx: PairContext) -> list[Found]:
    """Mode A: where the translation says something could happen ("could cut up to 180 jobs") the passage says it
    will ("will cut"), or the reverse ("will shut down two furnaces" / "may shut down"), at the same place of the
    word diff: a possibility stated as certain (a hedge dropped), or a certainty as a possibility (one added)."""
    assert ctx.trans is not None
    possible = set(ctx.der_lex.entries("hedge.possibility"))
    certain = set(ctx.der_lex.entries("hedge.certainty"))
    if not possible or not certain:
        return []
    # in the place of "could", a conditional is as sure as "will": "argue the turbines would disrupt" for "could
    # affect" (backshifted in reported speech, it is "will"); not where the passage keeps a condition ("if ...")
    surer = certain | set(ctx.der_lex.entries("hedge.conditional"))
    if ctx.der_lex.find("hedge.conditions", ctx.der.tokens):
        surer = certain
    for op in ctx.opcodes:
        if op.tag != "replace":
            continue
        for theirs_class, mine_class, direction in ((possible, surer, "dropped"), (certain, possible, "added")):
            theirs = [t for t in ctx.trans.tokens[op.a[0] : op.a[1]] if fold(t.text) in theirs_class]
            mine = [t for t in ctx.der.tokens[op.b[0] : op.b[1]] if fold(t.text) in mine_class]
            if not theirs or not mine:
                continue
            if any(fold(t.text) in theirs_class for t in ctx.der.tokens):
                continue  # the passage keeps the translation's modality elsewhere: moved, not changed
            if direction == "added" and (hedge_cues(ctx.trans, ctx.der_lex) or ctx.der_lex.find(
                    "hedge.deontic", ctx.trans.tokens) or _under_attitude(ctx, mine[0])):
                continue  # "will possibly miss" / "could miss": the translation hedges too; "will be able to" / "may";
                # "fear that the delays will push" / "fear the delay could push"
            if direction == "dropped" and (ctx.der_lex.find("hedge.deontic", ctx.der.tokens)
                                           or _limits(ctx.trans, theirs, ctx.der_lex)):
                continue  # "may continue" / "will be able to continue", "may contain no more than 40" / "will be
                # capped at 40": a permission or a limit, rendered, not a possibility made certain
            what = ("a possibility is stated as certain" if direction == "dropped"
                    else "a certainty is presented as a mere possibility")
            return [make_finding(
                ctx, FindingKind.DRIFT, DriftSubtype.HEDGE, confidence=0.7, der_tokens=mine, src_tokens=None,
                explanation=(f"The translation of the original says {quote(theirs[0].text)}; the passage says "
                             f"{quote(mine[0].text)}: {what}."),
                detector=DETECTOR, severity=Severity.MAJOR,
                evidence={"direction": direction, "translation_cues": [t.text for t in theirs]},
            )]
    return (_possibility_made_certain(ctx, possible, certain) or _possibility_over_fact(ctx, possible, certain)
            or _possibility_made_done(ctx, possible, certain))


_ATTITUDE_BEFORE = 6  # words before a modal where a verb of fearing or expecting governs it


def _under_attitude(ctx: PairContext, modal: Token) -> bool:
    """Whether a fear, hope or expectation governs the passage's modal and the translation has one too."""
    assert ctx.trans is not None
    attitudes = set(ctx.der_lex.entries("hedge.attitudes"))
    before = ctx.der.tokens[max(0, modal.index - _ATTITUDE_BEFORE) : modal.index]
    return any(fold(t.text) in attitudes for t in before) and any(fold(t.text) in attitudes for t in ctx.trans.tokens)


NEAR_MODAL = 5  # words either side of a modal that stand for what it governs ("a ban could make 2,000 homes ...")


def _possibility_made_certain(ctx: PairContext, possible: set[str], certain: set[str]) -> list[Found]:
    """Mode A, where a reordered sentence defeats the word diff: the translation says a thing could or would happen
    ("a ban could make 2,000 homes available", "180 jobs would be affected", "moving it is under discussion") and
    the passage says it will ("a ban will return 2,000 homes", "will be lost"), the two modals standing by a word of
    the same content; the passage keeps no possibility, conditional, hedge or permission anywhere. A conditional
    after a reporting verb ("said the plant would close") or in a German indirect-speech sentence is reported
    speech, not a possibility."""
    assert ctx.trans is not None
    lex, trans, der = ctx.der_lex, ctx.trans, ctx.der
    mine = [t for t in der.tokens if fold(t.text) in certain]
    if not mine:
        return []  # (the cheap test first: most sentences say nothing will happen)
    conditional = set(lex.entries("hedge.conditional"))
    if _keeps_modality(der, lex, possible | conditional):
        return []
    if lex.find("hedge.deontic", trans.tokens) or lex.find("hedge.conditions", der.tokens):
        return []  # "could" beside an ability or a permission reads as one; "if they qualify, they will" keeps it
    theirs = [t for t in trans.tokens if fold(t.text) in possible and not _limits(trans, [t], lex)]
    conditionals = [t for t in trans.tokens if fold(t.text) in conditional]
    if conditionals and not (ctx.src_lex.data.get("hedge") and any(
            c.entry.startswith("KI:") for c in hedge_cues(ctx.src, ctx.src_lex))):
        speech = [c.start for c in lex.find("hedge.attribution", trans.tokens)]
        theirs += [t for t in conditionals if not any(i < t.index for i in speech)]
    phrases = {c.start: " ".join(t.text for t in trans.tokens[c.start : c.end])
               for c in lex.find("hedge.possibility_phrases", trans.tokens)}
    theirs += [trans.tokens[i] for i in phrases]
    if not theirs:
        return []
    stop = set(lex.entries("stop.words")) | possible | certain | conditional
    # the translation's own "will" near the same words is what the passage's renders ("could lengthen queues. To
    # prevent that, tickets will be sold" / "to keep queues from growing, tickets will be sold")
    own = [_content_near(trans, t, stop) for t in trans.tokens if fold(t.text) in certain]
    # each "will" of the passage with the words around it and how many of them a "will" of the translation shares
    near_mine: list[tuple[Token, set[str], int]] = []
    for c in mine:
        near = _content_near(der, c, stop)
        near_mine.append((c, near, max((len(w & near) for w in own), default=0)))
    for m in theirs:
        near_t = _content_near(trans, m, stop)
        for c, near_d, shared_with_own in near_mine:
            if len(near_t & near_d) > shared_with_own:
                return [make_finding(
                    ctx, FindingKind.DRIFT, DriftSubtype.HEDGE, confidence=0.65, der_tokens=[c], src_tokens=None,
                    explanation=(f"The translation of the original says {quote(phrases.get(m.index, m.text))}; "
                                 f"the passage says {quote(c.text)}: a possibility is stated as certain."),
                    detector=DETECTOR, severity=Severity.MAJOR,
                    evidence={"direction": "dropped", "translation_cues": [m.text]},
                )]
    return []


def _conditional_made_certain(ctx: PairContext, s_hedges: list[Cue]) -> list[Found]:
    """Mode B: the original says a thing could or would reportedly happen (a conditional: "envisagerait de
    supprimer", "podría ampliarse", "potrebbe ridurre") and the passage says it will ("will cut"), keeping no
    possibility, conditional, hedge, condition or permission anywhere: a possibility stated as certain, as
    ``_modality_changed`` finds it with a translation."""
    rules = hedge_rules(ctx.src.lang)
    conditional = [c for c in s_hedges if c.entry.startswith("COND:") or c.entry in rules.conditional]
    lex = ctx.der_lex
    certainty = set(lex.entries("hedge.certainty"))
    certain = [t for t in ctx.der.tokens if fold(t.text) in certainty]
    if not conditional or not certain:
        return []
    modals = set(lex.entries("hedge.possibility")) | set(lex.entries("hedge.conditional")) | set(
        lex.entries("hedge.counterfactual"))
    if _keeps_modality(ctx.der, lex, modals) or lex.find("hedge.conditions", ctx.der.tokens):
        return []
    cue = conditional[0]
    said = " ".join(t.text for t in ctx.src.tokens[cue.start : cue.end])
    return [make_finding(
        ctx, FindingKind.DRIFT, DriftSubtype.HEDGE, confidence=0.65, der_tokens=certain[:1],
        src_tokens=list(ctx.src.tokens[cue.start : cue.end]),
        explanation=(f"The original says it could or would happen ({quote(said)}); the passage says "
                     f"{quote(certain[0].text)}: a possibility is stated as certain."),
        detector=DETECTOR, severity=Severity.MAJOR, evidence={"direction": "dropped", "original_cues": [cue.entry]},
    )]


def _possibility_over_plain(ctx: PairContext) -> list[Found]:
    """Mode B: the passage puts a modal of possibility before a verb ("may have closed", "could approve") where the
    original has no possibility, conditional or hedge anywhere (the caller checked its hedges): a plain statement
    presented as a mere possibility, as ``_possibility_over_fact`` finds it with a translation."""
    src_lex = ctx.src_lex
    if not src_lex.data.get("hedge", {}).get("possibility") or src_lex.find("hedge.possibility", ctx.src.tokens):
        return []
    if src_lex.data.get("litotes") and src_lex.find("litotes.ruling_out", ctx.src.tokens):
        return []  # "non escludiamo che ci sia": not ruled out is possible
    lex = ctx.der_lex
    possible, negations = set(lex.entries("hedge.possibility")), set(lex.entries("negation.cues"))
    if ctx.gloss is not None and (
            _keeps_modality(ctx.gloss, lex, possible | set(lex.entries("hedge.attitudes")))
            or lex.find("hedge.conditions", ctx.gloss.tokens)):
        return []  # the gloss shows a modal, a permission, a fear or a condition the lists of the original miss
    toks = ctx.der.tokens
    for k, t in enumerate(toks[:-1]):
        # (lower-case: "May" is a month; "could not" a past inability)
        if (t.text.islower() and fold(t.text) in possible and toks[k + 1].is_word
                and fold(toks[k + 1].text) not in negations):
            said = f"{t.text} {toks[k + 1].text}"
            return [make_finding(
                ctx, FindingKind.DRIFT, DriftSubtype.HEDGE, confidence=0.6, der_tokens=[t], src_tokens=None,
                explanation=(f"The original states it without any possibility or hedge; the passage says "
                             f"{quote(said)}: a certainty is presented as a mere possibility."),
                detector=DETECTOR, severity=Severity.MAJOR, evidence={"direction": "added"},
            )]
    return []


def _keeps_modality(side: Side, lex: Lexicon, modals: set[str]) -> bool:
    """The side keeps a modality somewhere: one of ``modals``, a hedge other than a named source, or a permission."""
    return (any(fold(t.text) in modals for t in side.tokens) or bool(_unsourced(hedge_cues(side, lex), lex))
            or bool(lex.find("hedge.deontic", side.tokens)))


def _content_near(side: Side, tok: Token, stop: set[str]) -> set[str]:
    """Lemmas of the content words and figures within ``NEAR_MODAL`` words of ``tok``."""
    window = side.tokens[max(0, tok.index - NEAR_MODAL) : tok.index + NEAR_MODAL + 1]
    return {lemma(fold(t.text), side.lang) for t in window
            if (t.is_word or t.is_number) and fold(t.text) not in stop and len(t.text) > 2}


def _possibility_over_fact(ctx: PairContext, possible: set[str], certain: set[str]) -> list[Found]:
    """Mode A: the passage puts a modal of possibility ("could approve") where the translation states a plain fact
    ("passed"), and the translation has no modality, hedge or permission anywhere: a certainty presented as a mere
    possibility. An ability in the past ("could not sleep") is no possibility."""
    assert ctx.trans is not None
    plain = possible | certain | set(ctx.der_lex.entries("hedge.deontic"))
    if any(fold(t.text) in plain for t in ctx.trans.tokens) or hedge_cues(ctx.trans, ctx.der_lex):
        return []
    if ctx.src_lex.data.get("hedge") and hedge_cues(ctx.src, ctx.src_lex):
        return []  # the original hedges on its own ("die mit ihr Kontakt gehabt hätten": who may have had contact)
    negations = set(ctx.der_lex.entries("negation.cues"))
    done = set(ctx.der_lex.entries("hedge.done"))
    for op in ctx.opcodes:
        if op.tag not in ("replace", "insert"):
            continue
        # a modal put in before the verb the translation has ("has closed" / "may have closed") or in its place
        inserted = op.tag == "insert"
        theirs = [t for t in ctx.trans.tokens[op.a[0] : op.a[1] + inserted] if t.is_word]
        mine = ctx.der.tokens[op.b[0] : op.b[1] + inserted]
        if not any(_done(t, done, ctx.trans.lang) for t in theirs):
            continue  # ("risks costing", "faces a fine" / "could cost": a risk rendered, not a fact hedged)
        for k, t in enumerate(mine[:-1]):
            if fold(t.text) in possible and mine[k + 1].is_word and fold(mine[k + 1].text) not in negations:
                said = " ".join(x.text for x in theirs)
                return [make_finding(
                    ctx, FindingKind.DRIFT, DriftSubtype.HEDGE, confidence=0.65, der_tokens=[t], src_tokens=None,
                    explanation=(f"The translation of the original states it ({quote(said)}); the passage says "
                                 f"{quote(t.text + ' ' + mine[k + 1].text)}: a certainty is presented as a mere "
                                 "possibility."),
                    detector=DETECTOR, severity=Severity.MAJOR, evidence={"direction": "added"},
                )]
    return []


_VERB_PHRASE = 4  # words at most on each side of a diff operation that swaps one verb phrase for another


def _possibility_made_done(ctx: PairContext, possible: set[str], certain: set[str]) -> list[Found]:
    """Mode A: the diff puts a thing done ("has won an order") in place of a modal of possibility and its verb
    ("may receive an order"), and the passage keeps no modality, hedge or permission anywhere: a possibility stated
    as a fact. Not a limit ("may not"), nor where the translation reads as a permission ("can", "allowed")."""
    assert ctx.trans is not None
    lex, trans, der = ctx.der_lex, ctx.trans, ctx.der
    if (_keeps_modality(der, lex, possible | certain | set(lex.entries("hedge.conditional")))
            or lex.find("hedge.deontic", trans.tokens)):
        return []
    done, doubtful = set(lex.entries("hedge.done")), set(lex.entries("hedge.doubtful"))
    for op in ctx.opcodes:
        if op.tag != "replace" or op.a[1] - op.a[0] > _VERB_PHRASE or op.b[1] - op.b[0] > _VERB_PHRASE:
            continue
        theirs = [t for t in trans.tokens[op.a[0] : op.a[1]]
                  if fold(t.text) in doubtful and not _limits(trans, [t], lex)]
        mine = [t for t in der.tokens[op.b[0] : op.b[1]] if t.is_word and _done(t, done, der.lang)]
        if theirs and mine:
            said = " ".join(t.text for t in trans.tokens[op.a[0] : op.a[1]])
            stated = " ".join(t.text for t in der.tokens[op.b[0] : op.b[1]])
            return [make_finding(
                ctx, FindingKind.DRIFT, DriftSubtype.HEDGE, confidence=0.6, der_tokens=mine, src_tokens=None,
                explanation=(f"The translation of the original says {quote(said)}; the passage says {quote(stated)}: "
                             "a possibility is stated as a fact."),
                detector=DETECTOR, severity=Severity.MAJOR,
                evidence={"direction": "dropped", "translation_cues": [t.text for t in theirs]},
            )]
    return []


def _limits(side: Side, modals: list[Token], lex: Lexicon) -> bool:
    """A modal that sets a limit or forbids ("may contain no more than", "may not park"): a rule, no doubt."""
    negations = set(lex.entries("negation.cues"))
    return any(fold(t.text) in negations for m in modals for t in side.tokens[m.index + 1 : m.index + 3])


def _done(tok: Token, done: set[str], lang: str) -> bool:
    """A verb form that states a thing done: a perfect or past auxiliary, a past in -ed ("passed"), or an irregular
    past ("sold": a form other than its lemma that is no -s or -ing form)."""
    word = fold(tok.text)
    if word in done or (word.endswith("ed") and len(word) > 4):
        return True
    base = lemma(word, lang)
    return base != word and not word.endswith(("s", "ing")) and len(word) > 2


def _conditional_kept(ctx: PairContext) -> bool:
    """Mode A: the translation renders the original's conditional with a modal ("avrebbe raggiunto" / "would have
    reached") and the passage keeps it ("would have peaked"): a counterfactual, rendered, not a hedge dropped."""
    assert ctx.trans is not None
    modals = set(ctx.der_lex.entries("hedge.counterfactual"))
    theirs = {fold(t.text) for t in ctx.trans.tokens} & modals
    return bool(theirs) and bool(theirs & {fold(t.text) for t in ctx.der.tokens})


def _unsourced(cues: list[Cue], lex: Lexicon) -> list[Cue]:
    """Cues other than those naming who says it ("according to the forecasters", "laut Polizei")."""
    sourcing = set(lex.entries("hedge.sourcing"))
    return [c for c in cues if c.entry not in sourcing]


def _stacked(cues: list[Cue], lex: Lexicon, lang: str) -> list[Cue]:
    """The strong hedges of a side that also names its source ("Según el auto, ... habría favorecido"): a passage
    keeping "according to" has kept the source, not the doubt."""
    unsourced = _unsourced(cues, lex)
    if len(unsourced) == len(cues):
        return []
    return [c for c in unsourced if _strength(c, lang) == "strong"]


def _sourcing_only(cues: list[Cue], lex: Lexicon) -> bool:
    """Whether every cue names who says it ("according to", "selon"), none marks the claim itself as unproven."""
    return not _unsourced(cues, lex)


_SOURCE_WORDS = 2  # content words after "according to" that name the source


def _source_named(side: Side, cues: list[Cue], lex: Lexicon, passage: Side) -> list[Cue]:
    """Drop the sourcing cues whose source the passage names: "According to Van Dongen, the delay is due to ..."
    rendered "Van Dongen blamed the delay on ...", "according to the company's forecasts" as "the company expects":
    the source made the subject keeps the attribution."""
    sourcing = set(lex.entries("hedge.sourcing"))
    if not sourcing:
        return cues
    forms = word_forms(passage, hyphen_parts=False)
    pronouns = lex.table("hedge.source_pronouns")

    def named(c: Cue) -> bool:
        after = fold(side.tokens[c.end].text) if c.end < len(side.tokens) else ""
        if after in pronouns:  # "according to her" / "She singled out ...", "according to him" / "by his account"
            return bool(set(pronouns[after]) & forms)
        return rendered(_source_words(side, c, lex), side.lang, forms)

    return [c for c in cues if not (c.entry in sourcing and named(c))]


_SOURCE_PHRASE_WORDS = 8


def _source_words(side: Side, cue: Cue, lex: Lexicon, *, words: int = _SOURCE_WORDS) -> list[Token]:
    """Whom "according to" names: its first content words up to the clause's end ("According to investigators,
    Sorokin took ..." names investigators, not Sorokin)."""
    found = governed_words(side, cue, lex, words)
    stop = next((t.index for t in side.tokens[cue.end :] if t.text in _CLAUSE_ENDS), len(side.tokens))
    return [t for t in found if t.index < stop]


_CLAUSE_ENDS = frozenset(",;:.!?")


def _source_not_credited(ctx: PairContext, t_hedges: list[Cue]) -> bool:
    """Mode A: a sourcing cue of the translation ("according to investigators", its source not in the passage)
    names someone the article's credit does not name either: the credit names the outlet, not the outlet's
    source."""
    assert ctx.trans is not None
    sourcing = set(ctx.der_lex.entries("hedge.sourcing"))
    pronouns = ctx.der_lex.table("hedge.source_pronouns")
    credit = set(ctx.credit_words)  # (its words split at hyphens: "Weser-Kurier" is "weser", "kurier")
    for c in t_hedges:
        if c.entry not in sourcing:
            continue
        after = fold(ctx.trans.tokens[c.end].text) if c.end < len(ctx.trans.tokens) else ""
        # (the whole phrase: "according to information obtained by the WESER-KURIER" names the outlet credited)
        source = _source_words(ctx.trans, c, ctx.der_lex, words=_SOURCE_PHRASE_WORDS)
        if after in pronouns or not source:
            continue  # "according to him": the credit's speaker, as likely as not
        parts = {p for t in source for p in fold(t.text).split("-")}
        if not (rendered(source, ctx.trans.lang, credit) or parts & credit):
            return True
    return False


def _accused(side: Side, cues: list[Cue], lex: Lexicon) -> bool:
    """ "According to investigators, ...": a sourcing cue naming an accuser, whose account is an allegation; or
    "according to a source in the mayor's office": one naming nobody, whose account the outlet could not confirm."""
    weighty = set(lex.entries("hedge.accusers")) | set(lex.entries("hedge.unnamed_sources"))
    sourcing = set(lex.entries("hedge.sourcing"))
    return bool(weighty) and any(c.entry in sourcing and any(
        fold(t.text) in weighty or " ".join(fold(x.text) for x in side.tokens[t.index : t.index + 2]) in weighty
        for t in _source_words(side, c, lex)) for c in cues)


_RELAYED_WITHIN = 4  # words after "citing" that say what is cited


def _relayed(ctx: PairContext) -> bool:
    """The passage, or the article's credit of it, has the outlet relay others ("Citing people close to the
    company, the paper reported"): the outlet's hearsay ("soll", "aurait") is rendered. Not where what it cites is a
    document ("citing an internal audit it had seen"): an outlet that read the paper and still hedges doubts it."""
    relays = set(ctx.der_lex.entries("hedge.relays"))
    if not relays:
        return False
    documents = set(ctx.der_lex.entries("hedge.documents"))
    tokens = ctx.der.tokens
    relayed = [k for k, t in enumerate(tokens) if fold(t.text) in relays]
    if any(not documents & {fold(t.text) for t in tokens[k + 1 : k + 1 + _RELAYED_WITHIN]} for k in relayed):
        return True
    return bool(ctx.credit_words & relays) and not ctx.credit_words & documents


def detect(ctx: PairContext) -> Detection:
    return Detection.of(_findings(ctx))


def _findings(ctx: PairContext) -> list[Found]:
    d_hedges, d_attr = _kept(ctx.der, ctx.der_lex)
    s_hedges = hedge_cues(ctx.src, ctx.src_lex) if ctx.src_lex.data.get("hedge") else []
    s_hedges = _source_named(ctx.src, s_hedges, ctx.src_lex, ctx.der)
    t_hedges: list[Cue] = []
    t_attr: list[Cue] = []
    if ctx.trans is not None:
        t_hedges, t_attr = _kept(ctx.trans, ctx.der_lex)
        named = _source_named(ctx.trans, t_hedges, ctx.der_lex, ctx.der)
        if len(named) < len(t_hedges):
            # the translation shows the passage names the source ("according to him" / "by his account"): the
            # original's "selon lui" is rendered too
            s_hedges = _unsourced(s_hedges, ctx.src_lex)
        t_hedges = named
    if ctx.credited and not (ctx.trans is not None and _source_not_credited(ctx, t_hedges)):
        # the article credits this sentence ("..., RBC reported, citing forecasters"): its credit carries the
        # original's "according to X" and the Konjunktiv I of indirect speech ("Velte told the paper that it was
        # ..." for "es gebe"); what the outlet itself hedges ("soll", "aurait") still counts. Not where the
        # translation shows whom "according to" names and neither credit nor passage names them ("According to
        # investigators, the official took ..." / "The official took ..., the site said")
        s_hedges = [c for c in _unsourced(s_hedges, ctx.src_lex) if not c.entry.startswith("KI:")]
        t_hedges = _unsourced(t_hedges, ctx.der_lex)
    if ctx.trans is not None and (certain := _modality_changed(ctx)):
        return certain
    if ctx.trans is None and (certain := _conditional_made_certain(ctx, s_hedges)):
        return certain
    if ctx.trans is None and not s_hedges and (possible := _possibility_over_plain(ctx)):
        return possible
    if t_hedges and ctx.der_lex.find("hedge.schedules", ctx.der.tokens):
        expected = set(ctx.der_lex.entries("hedge.expectations"))
        t_hedges = [c for c in t_hedges if c.entry not in expected]  # "is due to start" keeps "is expected to"
    # a hedge governs a verb phrase ("is reportedly considering raising"): its first two content words. Where
    # none of what the original hedges ("alleged irregularities") is in the passage, nothing is made fact
    if ctx.trans is not None and t_hedges and not _in_scope(ctx, t_hedges):
        return []
    findings: list[Found] = []
    d_folded = [fold(t.text) for t in ctx.der.tokens]
    # words and two-word forms ('to be held', 'is to') for the plan reading of 'soll'
    d_words = set(d_folded) | {f"{a} {b}" for a, b in zip(d_folded, d_folded[1:], strict=False)}
    # an attribution in the passage carries reported speech ("Der Kanzler sagte, die Reformen seien ..."); it does
    # not carry what the outlet marks as unproven ("allegedly favoured", "soll ... haben", "habría favorecido")
    # (without a translation, the original's own where it both names a source and hedges the claim: "Según el auto,
    # el regidor habría favorecido" against "According to the court order, the mayor favoured")
    epistemic = ([c for c in _unsourced(t_hedges, ctx.der_lex) if _strength(c, ctx.der.lang) == "strong"
                  or (t_attr and c.entry in hedge_rules(ctx.der.lang).likelihood)]
                 if ctx.trans is not None else _stacked(s_hedges, ctx.src_lex, ctx.src.lang))
    d_own = _unsourced(d_hedges, ctx.der_lex) if epistemic else d_hedges
    if not d_own and not _relayed(ctx) and (not d_attr or epistemic):
        strong_src = [c for c in s_hedges if _strength(c, ctx.src.lang) == "strong"]
        weak_src = [c for c in s_hedges if _strength(c, ctx.src.lang) == "weak"]
        src_rules = hedge_rules(ctx.src.lang)
        plan_soll = any(c.entry.endswith("?") and c.entry[:-1] in src_rules.soll for c in weak_src)
        conf = 0.0
        if ctx.trans is not None:
            if t_hedges:
                conf = 0.9 if strong_src else 0.75 if weak_src else 0.6
            elif strong_src and not t_attr and not _conditional_kept(ctx):
                conf = 0.6
        elif strong_src:
            conf = 0.8
        elif weak_src and not (plan_soll and d_words & hedge_rules(ctx.der.lang).modal):
            # Konjunktiv / conditional forms are reported speech only next to a reporting verb
            # ("Der Kanzler behauptet, die Reformen seien ..."); alone they are often conditionals
            src_attr = ctx.src_lex.find("hedge.attribution", ctx.src.tokens)
            lexical = [c for c in weak_src if not c.entry.startswith(("KI:", "COND:")) and not c.entry.endswith("?")
                       and c.entry not in src_rules.conditional]
            conf = 0.7 if src_attr else 0.6 if lexical else 0.45
        if conf > 0:
            cues = strong_src or weak_src
            src_toks = [ctx.src.tokens[i] for c in cues for i in range(c.start, c.end)]
            if src_toks:
                cue_text = ", ".join(quote(" ".join(t.text for t in ctx.src.tokens[c.start:c.end])) for c in cues[:3])
                text = (f"The original marks this as reported or unconfirmed ({cue_text}); "
                        f"the passage states it as fact.")
            else:
                cue_text = ", ".join(quote(" ".join(t.text for t in ctx.trans.tokens[c.start:c.end]))  # type: ignore[union-attr]
                                     for c in t_hedges[:3])
                text = (f"The translation of the original keeps a hedge ({cue_text}); "
                        f"the passage states it as fact.")
            # "selon les chiffres de la SEM" left out names no source, it makes no allegation a fact: what the
            # outlet marks as hearsay or unproven ("soll", "aurait", "якобы") is a verb form or an adverb
            sourced_only = (_sourcing_only(s_hedges, ctx.src_lex) and _sourcing_only(t_hedges, ctx.der_lex)
                            and not (ctx.trans is not None and _accused(ctx.trans, t_hedges, ctx.der_lex)))
            if sourced_only:
                text += " Only the source is left out: check whether the article names it elsewhere."
            findings.append(
                make_finding(
                    ctx, FindingKind.DRIFT, DriftSubtype.HEDGE, confidence=conf, der_tokens=None,
                    src_tokens=src_toks or None, explanation=text, detector=DETECTOR,
                    evidence={"direction": "dropped", "original_cues": [c.entry for c in s_hedges],
                              "translation_cues": [c.entry for c in t_hedges],
                              **({"source_only": True} if sourced_only else {})},
                    severity=Severity.MINOR if sourced_only else None,
                )
            )
        return findings
    # a hedge the original does not have: the passage casts doubt the source did not
    strong_der = [c for c in d_hedges if _strength(c, ctx.der.lang) == "strong"]
    if strong_der and not s_hedges and not (ctx.trans is not None and (t_hedges or t_attr)):
        src_attr = ctx.src_lex.find("hedge.attribution", ctx.src.tokens) if ctx.src_lex.data.get("hedge") else []
        if not src_attr and ctx.src_lex.data.get("hedge"):
            toks = [ctx.der.tokens[i] for c in strong_der for i in range(c.start, c.end)]
            cue_text = ", ".join(quote(" ".join(t.text for t in ctx.der.tokens[c.start:c.end])) for c in strong_der)
            findings.append(
                make_finding(
                    ctx, FindingKind.DRIFT, DriftSubtype.HEDGE, confidence=0.6, der_tokens=toks, src_tokens=None,
                    explanation=(f"The passage adds a hedge ({cue_text}) that the original does not have: "
                                 f"a plain statement is presented as a claim."),
                    # naming a source ("according to the transport department") adds no doubt of its own
                    detector=DETECTOR, severity=Severity.MINOR if _sourcing_only(strong_der, ctx.der_lex) else
                    Severity.MAJOR, evidence={"direction": "added"},
                )
            )
    return findings


class Hedges(Detector):
    name = DETECTOR

    def find(self, ctx: PairContext) -> Detection:
        return detect(ctx)
