"""Negation: polarity flipped (a negation cue added or removed) or a word replaced by its antonym.

Counting is per language: French "ne ... pas" is one negation, Spanish/Italian/Russian
negative concord ("no ... nunca", "не ... никогда") counts once per primary negator. Weak
cues ("refused", "hardly", "kaum") only count when both counts agree they matter.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from provenance.compare.base import PairContext, in_scope, make_finding, quote, relative_distance, word_forms
from provenance.compare.lexicon import Cue, Lexicon, load_lexicon
from provenance.compare.tokens import Side, Token, fold, is_known, lemma, similar_word
from provenance.compare.wordvec import word_vectors
from provenance.model import DriftSubtype, Finding, FindingKind, Severity

if TYPE_CHECKING:
    from provenance.compare.wordnet import WordNet

DETECTOR = "negation"

_CONCORD = {"es": {"no", "sin"}, "it": {"non", "senza"}, "ru": {"не", "нет", "без"}, "pt": {"nao", "sem"},
            "pl": {"nie", "bez"}, "uk": {"не", "нема", "без"}}
_PAIRED = {"en": ("neither", "nor"), "de": ("weder", "noch")}


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


def negation_cues(side: Side, lex: Lexicon) -> tuple[list[Cue], list[Cue]]:
    """(strict cues, weak cues) of ``side`` after merging concord and 'ne ... pas'."""
    cues = lex.find("negation.cues", side.tokens)
    weak_entries = set(lex.entries("negation.weak"))
    strict = [c for c in cues if c.entry not in weak_entries]
    weak = [c for c in cues if c.entry in weak_entries]
    particles = set(lex.entries("negation.particles"))
    if particles:  # French: count the "ne"/"n'" particles, plus "sans"/"non"; "pas", "jamais" belong to them
        strict = _without_restrictive(side, lex, strict, particles)
        has_particle = [c for c in strict if c.entry in particles]
        if has_particle:
            strict = has_particle + [c for c in strict if c.entry in {"sans", "non", "ni"}]
    primary = _CONCORD.get(side.lang)
    if primary:
        prim = [c for c in strict if c.entry in primary]
        if prim:
            strict = prim
        elif strict:
            strict = strict[:1]
    pair = _PAIRED.get(side.lang)
    if pair:  # "neither ... nor" is one negation
        firsts = [c for c in strict if c.entry == pair[0]]
        if firsts:
            strict = [c for c in strict if c.entry != pair[1]]
    return strict, weak


def detect(ctx: PairContext) -> list[Finding]:
    findings = _polarity(ctx)
    if not findings and ctx.trans is not None:
        weak: list[Finding] = []
        findings = (_antonyms(ctx) or _wordnet_antonyms(ctx, weak) or _embedded_antonyms(ctx, cross=False)
                    or _scale_flip(ctx) or weak[:1] or _dictionary_antonyms(ctx))
        if not findings and _CROSS_IN_A and ctx.src.lang != ctx.der.lang:
            # the original itself, for passage words the translation does not confirm (minor, weak evidence)
            findings = _embedded_antonyms(ctx, cross=True)
    elif not findings and ctx.src.lang != ctx.der.lang:
        findings = _cognate_antonyms(ctx) or _embedded_antonyms(ctx, cross=True)
    return findings


# Antonyms by word embeddings (tuned on the DEMETR tuning split, id % 5 == 0). A passage word X with a
# lexicon antonym A is suspicious when some word Y of the other side (the known translation, or the original
# in mode B) is clearly closer to A than to X: the other side says something like A, the passage says X.
_EMB_MIN = {"A": 0.86, "B": 0.84}  # cos(Y, A) at least
_EMB_MARGIN = {"A": 0.02, "B": 0.06}  # cos(Y, A) - cos(Y, X) at least
_EMB_STRONG = 0.06  # mode A margin from which the finding keeps the full (critical) severity; below: minor
# Mode B (cross-lingual word vectors) is weak evidence: on the tuning split it catches ~0.2 more antonyms but
# also fires on ~7% of clean pairs, so it is always reported as minor.
_MAX_ANTS = 12
_CROSS_IN_A = True  # mode A falls back to the word-vector check against the original (minor; tuning split: +0.02)
_EMB_NEAR = 0.15  # mode A: also pair words at about the same relative place (tuning split; minor only)
_SMALL_OP = 3


def _embedded_antonyms(ctx: PairContext, *, cross: bool) -> list[Finding]:
    lex = ctx.der_lex
    pairs = _lexicon_pairs(lex)
    other = ctx.src if cross else ctx.trans
    if other is None or not pairs:
        return []
    o_lex = ctx.src_lex if cross else lex
    t_forms = word_forms(ctx.trans) if ctx.trans is not None else set()
    from_wordnet: set[str] = set()  # candidate antonyms WordNet added: never strong (polysemy, see WMT check)
    wn = None
    if lex.lang == "en" and ctx.trans is not None:  # mode B: +0.05 antonyms, +8 points of noise on clean pairs
        from provenance.compare import wordnet

        wn = wordnet.get()
    d_forms = {fold(t.text) for t in ctx.der.tokens if t.is_word} | {
        fold(lemma(t.text, lex.lang)) for t in ctx.der.tokens if t.is_word}
    o_forms = {fold(t.text) for t in other.tokens if t.is_word} | {
        fold(lemma(t.text, other.lang)) for t in other.tokens if t.is_word}
    cands: list[tuple[Token, str, list[str]]] = []
    for tok in ctx.der.tokens:
        if not tok.is_word or len(tok.text) < 3 or tok.index in ctx.claimed or _age_phrase(ctx.der, tok):
            continue
        forms = {fold(tok.text), fold(lemma(tok.text, lex.lang))}
        if not cross and forms & o_forms:
            continue  # the translation has this very word
        if cross and ctx.trans is not None and forms & t_forms:
            continue  # mode A, checked against the original: the translation confirms the word
        ants = sorted(set().union(*(pairs.get(f, set()) for f in forms)) - d_forms)
        if wn is not None:  # WordNet's own antonyms and their synonyms, after the hand lexicon's
            extra = set().union(*(wn.antonyms(f, _WN_MAX_RANK, satellites=False) for f in forms))
            extra -= d_forms | set(ants)
            from_wordnet |= extra
            ants += sorted(extra)
        ants = [a for a in ants if " " not in a][:_MAX_ANTS]
        if ants:
            cands.append((tok, fold(lemma(tok.text, lex.lang)), ants))
    if not cands:
        return []
    ys = [t for t in other.tokens if t.is_word and len(t.text) >= 3 and not o_lex.has_word("stop.words", t.text)
          and not o_lex.has_word("negation.cues", t.text)  # 'hardly': polarity is _polarity's business
          and (cross or not ({fold(t.text), fold(lemma(t.text, other.lang))} & d_forms))]
    if not ys:
        return []
    small: set[int] = set()
    same_op: set[tuple[int, int]] = set()  # (passage token, translation token) of one short substitution
    if not cross:
        # mode A: only translation words at the aligned place (the diff op that replaced the passage word)
        near: dict[int, set[int]] = {}
        for op in ctx.opcodes:
            if op.tag == "replace":
                for b in range(op.b[0], op.b[1]):
                    near[b] = set(range(op.a[0], op.a[1]))
                    if op.a[1] - op.a[0] <= _SMALL_OP and op.b[1] - op.b[0] <= _SMALL_OP:
                        small.add(b)  # a short one-for-one substitution: the strongest evidence
                    same_op.update((b, a) for a in range(op.a[0], op.a[1]))
        if _EMB_NEAR:  # or words at about the same relative place (paraphrase around them blurs the diff)
            n_d, n_t = max(1, len(ctx.der.tokens)), max(1, len(other.tokens))
            for c in cands:
                b = c[0].index
                near.setdefault(b, set()).update(
                    y.index for y in ys if abs(b / n_d - y.index / n_t) <= _EMB_NEAR)
        cands = [c for c in cands if c[0].index in near]
        allowed = set().union(*(near[c[0].index] for c in cands)) if cands else set()
        ys = [t for t in ys if t.index in allowed]
        if not cands or not ys:
            return []
    y_keys = [fold(lemma(t.text, other.lang)) for t in ys]
    # the word pairs worth scoring, found by the cheap tests first: only their words are embedded
    scored: list[tuple[Token, str, list[str], Token, str]] = []
    for tok, x, ants in cands:
        for y_tok, y in zip(ys, y_keys, strict=True):
            if y == x or (not cross and y_tok.index not in near[tok.index]) or _negated(other, y_tok, o_lex):
                continue  # "not correct" there is "incorrect" here
            if pairs.get(y, set()) & set(ants):
                continue  # the lexicon puts Y on the same side as X ('stop' / 'cease')
            scored.append((tok, x, ants, y_tok, y))
    if not scored:
        return []
    vec = word_vectors([w for _tok, x, ants, _y_tok, y in scored for w in (x, *ants, y)])
    mode = "B" if cross else "A"
    best: tuple[float, Token, str, Token] | None = None
    for tok, x, ants, y_tok, y in scored:
        cyx = float(vec[y] @ vec[x])
        for a in ants:
            cya = float(vec[y] @ vec[a])
            margin = cya - cyx
            if cya >= _EMB_MIN[mode] and margin >= _EMB_MARGIN[mode] and (best is None or margin > best[0]):
                best = (margin, tok, a, y_tok)
    if best is None:
        return []
    margin, tok, ant, y_tok = best
    where = "The original" if cross else "The translation of the original"
    strong = (not cross and margin >= _EMB_STRONG and tok.index in small and (tok.index, y_tok.index) in same_op
              and ant not in from_wordnet)
    finding = make_finding(
        ctx, FindingKind.DRIFT, DriftSubtype.NEGATION, confidence=0.7 if strong else 0.5, der_tokens=[tok],
        src_tokens=[y_tok] if cross else None,
        explanation=_antonym_explanation(where, y_tok.text, ant, tok.text, strong=strong),
        detector=DETECTOR, severity=None if strong else Severity.MINOR,
        evidence={"antonym": {"passage": tok.text, "other": y_tok.text, "antonym": ant,
                              "margin": round(margin, 3)}, "embedding": True},
    )
    if not strong and ctx.trans is not None:
        ctx.claimed.discard(tok.index)  # a weak guess must not hide the word from the addition check
    return [finding]


def _antonym_explanation(where: str, other: str, antonym: str, passage: str, *, strong: bool) -> str:
    said = f"{where} says {quote(other)}"
    if fold(other) != fold(antonym):  # reached through a near word: name it
        said += f", which is close to '{antonym}'"
    verb = "says" if strong else "may say"
    return f"{said}; the passage {verb} the opposite, {quote(passage)}."


_word_vectors = word_vectors  # entity.py's import name


def _cognate_antonyms(ctx: PairContext) -> list[Finding]:
    """Mode B: the original has a cognate of the antonym of a passage word ("privada" / "public",
    "stabil" / "unstable") and no cognate of the word itself."""
    lex = ctx.der_lex
    pairs = _lexicon_pairs(lex)
    # function words and compounds with digits only look like English words ('nicht' / 'night')
    src_words = [t for t in ctx.src.tokens if t.is_word and len(t.text) >= 5 and t.text.isalpha()
                 and not ctx.src_lex.has_word("stop.words", t.text)]
    d_forms = {fold(t.text) for t in ctx.der.tokens} | {fold(lemma(t.text, lex.lang)) for t in ctx.der.tokens}
    dic = _equivalents(ctx.src.lang) if lex.lang == "en" else None

    def cognate(word: str) -> Token | None:
        if len(word) < 5:
            return None
        for s in src_words:
            if similar_word(s.text, word, threshold=0.8):
                # where a dictionary knows the original word, the look-alike must be one of its meanings
                # ('kommen' is not 'commence', 'Prozent' not 'present')
                meanings = dic(s.text) if dic is not None else frozenset()
                if not meanings or fold(word) in meanings or fold(lemma(word, lex.lang)) in meanings:
                    return s
        return None

    for tok in ctx.der.tokens:
        if not tok.is_word or len(tok.text) < 4:
            continue
        forms = {fold(tok.text), fold(lemma(tok.text, lex.lang))}
        if any(cognate(f) for f in forms):
            continue
        for f in forms:
            for ant in sorted(pairs.get(f, ())):
                if ant in d_forms:
                    continue
                s_tok = cognate(ant)
                if s_tok is not None and not any(similar_word(s_tok.text, d.text, threshold=0.8)
                                                 for d in ctx.der.tokens if d.is_word and len(d.text) >= 5):
                    return [
                        make_finding(
                            ctx, FindingKind.DRIFT, DriftSubtype.NEGATION, confidence=0.6, der_tokens=[tok],
                            src_tokens=[s_tok],
                            explanation=(f"The original says {quote(s_tok.text)} (like '{ant}'); the passage says "
                                         f"the opposite, {quote(tok.text)}."),
                            detector=DETECTOR, evidence={"antonym": {"passage": tok.text, "original": s_tok.text}},
                        )
                    ]
    return []


def _differs(a: tuple[list[Cue], list[Cue]], b: tuple[list[Cue], list[Cue]]) -> bool:
    (sa, wa), (sb, wb) = a, b
    return len(sa) != len(sb) and len(sa) + len(wa) != len(sb) + len(wb)


def _polarity(ctx: PairContext) -> list[Finding]:
    der = negation_cues(ctx.der, ctx.der_lex)
    src_known = bool(ctx.src_lex.data.get("negation"))
    src = negation_cues(ctx.src, ctx.src_lex) if src_known else None
    tr = negation_cues(ctx.trans, ctx.der_lex) if ctx.trans is not None else None
    if tr is not None:
        if not _differs(der, tr):
            return []
        # a negation counts only where what it negates is rendered on the other side: "the tractors no longer
        # prune the vines: they pull them up" excerpted as "growers are tearing up vines" leaves a clause out,
        # it does not flip one
        # (the passage's own negations stay: it paraphrases, "did not announce" for "told an audience"; but a
        # negation whose verb the translation lacks is weaker evidence, reported as minor below)
        der, tr = ((der[0], _unshared(der[1], tr[1], ctx.der.lang)),
                   (in_scope(ctx.trans, tr[0], ctx.der, ctx.der_lex, words=2), _unshared(tr[1], der[1], ctx.der.lang)))
        if not _differs(der, tr):
            return []
        loose = len(in_scope(ctx.der, der[0], ctx.trans, ctx.der_lex, words=2)) <= len(tr[0]) < len(der[0])
        if src is not None and not _differs(der, src):
            return []  # the known translation is the odd one out
        conf = 0.9 if src is not None else 0.75
        ref_count = len(tr[0])
        ref_side, ref_cues = "translation", tr[0]
    elif src is not None:
        loose = False
        if not _differs(der, src):
            return []
        # one cue more or less when both sides are negative is often a rendering choice (weaker evidence)
        conf = 0.8 if (len(der[0]) == 0) != (len(src[0]) == 0) else 0.6
        ref_count = len(src[0])
        ref_side, ref_cues = "original", src[0]
    else:
        return []
    if _morphological(ctx, der, tr, src):
        return []
    dcount = len(der[0])
    d_tokens = [ctx.der.tokens[i] for c in der[0] for i in range(c.start, c.end)]
    s_tokens = [ctx.src.tokens[i] for c in (src[0] if src else []) for i in range(c.start, c.end)]
    if dcount > ref_count:
        what = "adds a negation" if ref_count == 0 else "has more negations"
        cue_words = ", ".join(quote(" ".join(t.text for t in ctx.der.tokens[c.start:c.end])) for c in der[0])
        text = f"The passage {what} ({cue_words}) than the original: the statement's polarity is flipped."
        if ref_count == 0:
            text = f"The passage {what} ({cue_words}) that the original does not have: the statement is reversed."
    else:
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
    if stem in _COMMON_STEMS:
        return True
    if lang != "en":
        return False
    if prefix in {"un", "non", "non-"} and is_known(stem, "en"):
        return True  # 'un' + a word is a negation ('unbeatable'); 'in' + a word often is not ('inside')
    from provenance.compare import wordnet

    wn = wordnet.get()
    return wn is not None and bool({stem, fold(lemma(stem, "en"))} & wn.antonyms(word, _WN_MAX_RANK, satellites=False))


# adjectives whose negative-prefixed form routinely renders "not X" in another language
_COMMON_STEMS = {"correct", "possible", "likely", "known", "able", "clear", "certain", "necessary", "legal",
                 "acceptable", "available", "usual", "fair", "true", "important", "real", "limited", "aware",
                 "successful", "willing", "happy", "comfortable", "expected", "official", "stable", "safe"}


def _antonym_pairs(lex: Lexicon) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for pair in lex.data.get("antonyms", {}).get("pairs", []):
        a, b = fold(pair[0]), fold(pair[1])
        out.setdefault(a, set()).add(b)
        out.setdefault(b, set()).add(a)
    for left, right in lex.data.get("antonyms", {}).get("groups", []):
        for a in left:
            for b in right:
                out.setdefault(fold(a), set()).add(fold(b))
                out.setdefault(fold(b), set()).add(fold(a))
    return out


_PAIRS_CACHE: dict[str, dict[str, set[str]]] = {}


def _lexicon_pairs(lex: Lexicon) -> dict[str, set[str]]:
    """The lexicon's antonym pairs of ``lex``'s language, built once per process."""
    if lex.lang not in _PAIRS_CACHE:
        _PAIRS_CACHE[lex.lang] = _antonym_pairs(lex)
    return _PAIRS_CACHE[lex.lang]


def _is_prefix_antonym(a: str, b: str, prefixes: list[str]) -> bool:
    for p in prefixes:
        if a == p + b and len(b) >= 4:
            return True
        if b == p + a and len(a) >= 4:
            return True
    return False


def _antonyms(ctx: PairContext) -> list[Finding]:
    """Mode A: a derivative word whose antonym the translation has, and not the word itself."""
    assert ctx.trans is not None
    lex = ctx.der_lex
    pairs = _lexicon_pairs(lex)
    prefixes = [fold(p) for p in lex.data.get("antonyms", {}).get("prefixes", [])]
    # stop words by their form only: 'according' (to) is no 'accord'
    t_words = {fold(lemma(t.text, lex.lang)): t for t in ctx.trans.tokens
               if t.is_word and not lex.has_word("stop.words", t.text)}
    t_words.update({fold(t.text): t for t in ctx.trans.tokens if t.is_word})
    d_forms = {fold(t.text) for t in ctx.der.tokens} | {fold(lemma(t.text, lex.lang)) for t in ctx.der.tokens}
    for tok in ctx.der.tokens:
        if not tok.is_word:
            continue
        forms = {fold(tok.text), fold(lemma(tok.text, lex.lang))}
        if forms & set(t_words):
            continue
        for f in forms:
            partner = None
            for ant in pairs.get(f, ()):
                if ant in t_words and ant not in d_forms:
                    partner = t_words[ant]
                    break
            if partner is None:
                for w, t in t_words.items():
                    if w not in d_forms and _is_prefix_antonym(f, w, prefixes):
                        partner = t
                        break
            if (partner is not None and _same_phrase(ctx, tok, partner) and not _negated(ctx.trans, partner, lex)
                    and not _age_phrase(ctx.der, tok) and not _age_phrase(ctx.trans, partner)):
                return [_antonym_finding(ctx, tok, partner)]
    return []


def _same_phrase(ctx: PairContext, tok: Token, partner: Token) -> bool:
    """Whether passage word ``tok`` and translation word ``partner`` stand in the same place: in one replaced
    stretch of the word diff, or at about the same relative place of their sentences. Opposites in different
    phrases ("ahead of the average, after a dry summer" / "earlier than the average") are no flip."""
    for op in ctx.opcodes:
        if op.tag != "replace":
            continue
        mine, theirs = op.b[0] <= tok.index < op.b[1], op.a[0] <= partner.index < op.a[1]
        if mine or theirs:
            return mine and theirs  # a word the diff pairs with other words has its counterpart there
    # neither word has a counterpart in the diff (a phrase moved): about the same place of the sentence
    assert ctx.trans is not None
    return relative_distance(tok, ctx.der, partner, ctx.trans) <= _WN_NEAR


_WN_MAX_RANK = 3  # WordNet senses per part of speech considered (most frequent first)
_WN_SMALL_OP = 4  # a replaced stretch at most this long on both sides pairs its words one against one
_WN_NEAR = 0.2  # otherwise the two words must sit at about the same relative place of their sentences


def _wordnet_antonyms(ctx: PairContext, weak: list[Finding]) -> list[Finding]:
    """Mode A, English: a passage word replacing a translation word that WordNet lists as its antonym (or a
    synonym of its antonym: 'ascended' where the translation says 'fallen'). Only words at the same place
    of the word diff or at about the same place of the sentence are paired: WordNet's antonyms are many and
    polysemous, anywhere-in-the-sentence would pair unrelated words.

    Looser links at the same places go to ``weak`` as minor findings (the caller reports one only when no
    stronger antonym evidence turns up): an antonym of a word related to the other ('ceasing' where the
    translation says 'going', through 'continue'), a negative prefix on the translation's word or a near
    form of it ('incapability' / 'ability'), a misspelt passage word ('admited' / 'denied'), and antonyms
    between short function-like words ('forward' / 'back').
    """
    assert ctx.trans is not None
    if ctx.der.lang != "en":
        return []
    from provenance.compare import wordnet

    wn = wordnet.get()
    if wn is None:
        return []
    lex = ctx.der_lex
    prefixes = [fold(p) for p in lex.data.get("antonyms", {}).get("prefixes", []) if p.isalpha()]
    d_forms, t_forms = word_forms(ctx.der), word_forms(ctx.trans)
    same_op: dict[int, set[int]] = {}  # passage token -> translation tokens of the same short replacement
    for op in ctx.opcodes:
        if op.tag == "replace" and op.a[1] - op.a[0] <= _WN_SMALL_OP and op.b[1] - op.b[0] <= _WN_SMALL_OP:
            for b in range(op.b[0], op.b[1]):
                same_op[b] = set(range(op.a[0], op.a[1]))
    ys = [y for y in ctx.trans.tokens if y.is_word and len(y.text) >= 3 and not _age_phrase(ctx.trans, y)
          and not ({fold(y.text), fold(lemma(y.text, lex.lang))} & d_forms)]
    for tok in ctx.der.tokens:
        if not tok.is_word or len(tok.text) < 3 or tok.index in ctx.claimed or _age_phrase(ctx.der, tok):
            continue
        if tok.is_capitalised and not tok.sentence_start:
            continue  # part of a name ('the US World Junior Team')
        forms = {fold(tok.text), fold(lemma(tok.text, lex.lang))}
        if forms & t_forms:
            continue
        # the whole antonym clusters (with adjective satellites) only for a one-for-one substitution; by mere
        # position only the antonyms proper and their synonyms, and only between content words
        wide = set().union(*(wn.antonyms(f, _WN_MAX_RANK) for f in forms))
        narrow = set().union(*(wn.antonyms(f, _WN_MAX_RANK, satellites=False) for f in forms))
        x_stop = lex.has_word("stop.words", tok.text)
        for y in ys:
            y_forms = {fold(y.text), fold(lemma(y.text, lex.lang))}
            same = y.index in same_op.get(tok.index, ())
            near = relative_distance(tok, ctx.der, y, ctx.trans) <= _WN_NEAR
            y_stop = lex.has_word("stop.words", y.text)
            if same:
                ants = narrow if x_stop or y_stop else wide
            elif near and not x_stop and not y_stop and len(y.text) >= 4 and len(tok.text) >= 4:
                ants = narrow
            else:
                ants = set()
            if y_forms & ants:
                if _negated(ctx.trans, y, lex) and not _negated(ctx.der, tok, lex):
                    continue  # 'not correct' there, 'incorrect' here ('no less' / 'no more' is still a flip)
                return [_wordnet_finding(ctx, tok, y, "wordnet")]
            if weak or not (same or near) or len(y.text) < 4 or len(tok.text) < 4:
                continue
            how = _loose_antonym(wn, tok, forms, narrow, y, y_forms, prefixes, stop=x_stop or y_stop)
            if how and not (_negated(ctx.trans, y, lex) and not _negated(ctx.der, tok, lex)):
                weak.append(_wordnet_finding(ctx, tok, y, how, claim=False))
    return []


# Opposite ends of a scale at the same place: tone (VADER valence) and the lexicon's `antonyms.axes` (amount,
# time order, age, ...). Tuned on the DEMETR tuning split (id % 5 == 0), where no clean pair and no minor
# perturbation fired at these settings; pairing words anywhere in long replaced stretches fired on ~1% of
# WMT reference pairs, hence the place constraint.
_SCALE_VALENCE = 1.0  # both words at least this clearly positive / negative (VADER scale -4..+4)
_SCALE_PLACE = 0.25  # in a longer replaced stretch, relative places within it at most this far apart


def _axes(lex: Lexicon) -> dict[str, list[tuple[str, int]]]:
    """Word form -> (axis name, +1 / -1) for each lexicon axis whose poles list the word."""
    if lex.lang not in _AXES_CACHE:
        out: dict[str, list[tuple[str, int]]] = {}
        for axis in lex.data.get("antonyms", {}).get("axes", []):
            for sign, pole in ((1, axis["plus"]), (-1, axis["minus"])):
                for word in pole:
                    out.setdefault(fold(word), []).append((axis["name"], sign))
        _AXES_CACHE[lex.lang] = out
    return _AXES_CACHE[lex.lang]


_AXES_CACHE: dict[str, dict[str, list[tuple[str, int]]]] = {}


def _scale_flip(ctx: PairContext) -> list[Finding]:
    """Mode A, English: a passage word and the translation word it replaces sit at opposite ends of a scale:
    tone ('protected' where the translation says 'abused', 'villain' for 'hero'), amount ('a low number'
    for 'many'), time order ('initially' for 'eventually'). Catches contrasts WordNet does not list as
    antonyms. The two words must fill the same place of the word diff, and neither may be negated ('not
    bad' / 'good' is the same claim). One word is weak evidence for the sentence: minor."""
    assert ctx.trans is not None
    if ctx.der.lang != "en":
        return []
    from provenance.compare import valence, wordnet

    table, wn, lex = valence.load(), wordnet.get(), ctx.der_lex
    axes = _axes(lex)

    def poles(tok: Token) -> set[tuple[str, int]]:
        forms = {fold(tok.text), fold(lemma(tok.text, "en"))}
        if not is_known(tok.text, "en") and not forms & set(axes):
            fixed = wordnet.respellings(fold(tok.text))
            forms |= set(fixed) if len(fixed) == 1 else set()  # 'Initiallly' is 'initially' with a typing slip
        out = {p for f in forms for p in axes.get(f, ())}
        v = valence.valence(tok.text, table) if table else 0.0
        if abs(v) >= _SCALE_VALENCE and not lex.has_word("stop.words", tok.text):
            out.add(("tone", 1 if v > 0 else -1))
        return out

    def pos(word: str) -> set[str]:
        return (wn.parts_of_speech(fold(word)) | wn.parts_of_speech(fold(lemma(word, "en")))) if wn else set()
    d_forms, t_forms = word_forms(ctx.der), word_forms(ctx.trans)
    for op in ctx.opcodes:
        if op.tag != "replace":
            continue
        (a0, a1), (b0, b1) = op.a, op.b
        small = a1 - a0 <= _WN_SMALL_OP and b1 - b0 <= _WN_SMALL_OP
        for tok in ctx.der.tokens[b0:b1]:
            if (not tok.is_word or tok.index in ctx.claimed or {fold(tok.text), fold(lemma(tok.text, "en"))} & t_forms
                    or _negated(ctx.der, tok, lex) or _age_phrase(ctx.der, tok)):
                continue
            mine = poles(tok)
            if not mine:
                continue
            for y in ctx.trans.tokens[a0:a1]:
                if not y.is_word or {fold(y.text), fold(lemma(y.text, "en"))} & d_forms:
                    continue
                # one word facing a stretch faces all of it; otherwise the words must sit at about the same place
                place = abs((tok.index - b0) / max(1, b1 - b0 - 1) - (y.index - a0) / max(1, a1 - a0 - 1))
                if not small and a1 - a0 > 1 and b1 - b0 > 1 and place > _SCALE_PLACE:
                    continue
                flipped = sorted(axis for axis, sign in mine if (axis, -sign) in poles(y))
                # opposite tones need a shared part of speech ('stressful' / 'certainly' are merely different)
                if flipped == ["tone"] and wn is not None and not pos(tok.text) & pos(y.text):
                    continue
                if flipped and not _negated(ctx.trans, y, lex):
                    axis = flipped[0]
                    scale = "its tone" if axis == "tone" else f"the {axis}"
                    return [make_finding(
                        ctx, FindingKind.DRIFT, DriftSubtype.NEGATION, confidence=0.5, der_tokens=[tok],
                        src_tokens=None,
                        explanation=(f"The translation of the original says {quote(y.text)}; the passage may "
                                     f"reverse {scale} with {quote(tok.text)}."),
                        detector=DETECTOR, severity=Severity.MINOR,
                        evidence={"antonym": {"passage": tok.text, "translation": y.text,
                                              "source": "valence" if axis == "tone" else f"axis:{axis}"}},
                    )]
    return []


def _wordnet_finding(ctx: PairContext, tok: Token, y: Token, how: str, *, claim: bool = True) -> Finding:
    strong = how == "wordnet"
    finding = make_finding(
        ctx, FindingKind.DRIFT, DriftSubtype.NEGATION, confidence=0.75 if strong else 0.5, der_tokens=[tok],
        src_tokens=None,
        explanation=(f"The translation of the original says {quote(y.text)}; the passage "
                     f"{'says' if strong else 'may say'} the opposite, {quote(tok.text)}."),
        detector=DETECTOR, severity=None if strong else Severity.MINOR,
        evidence={"antonym": {"passage": tok.text, "translation": y.text, "source": how}},
    )
    if not claim:
        ctx.claimed.discard(tok.index)  # a guess must not hide the word from the addition check
    return finding


def _loose_antonym(wn: WordNet, tok: Token, forms: set[str], narrow: set[str], y: Token, y_forms: set[str],
                   prefixes: list[str], *, stop: bool) -> str | None:
    """How a passage word and a translation word at the same place may be opposites without WordNet saying so
    directly (one step of rewording between them), or None."""
    if stop:  # 'forward' / 'back': only antonyms proper
        return "wordnet-function-word" if y_forms & narrow else None
    y_related = set().union(*(_wn_related(wn, f) for f in y_forms))
    x_related = set().union(*(_wn_related(wn, f) for f in forms))
    if forms & y_related or y_forms & x_related:
        return None  # WordNet relates the two words themselves ('game' / 'match'): rewording
    x_key, y_key = fold(lemma(tok.text, "en")), fold(lemma(y.text, "en"))
    # a bridge word must be closer (word vectors) to the word it is related to than the two words are to each
    # other: polysemy links unrelated senses ('several' / 'multiple' through 'same')
    if _bridged(y_key, x_key, narrow & y_related):
        return "wordnet-related"  # 'ceasing' / 'going': cease <-> continue, a sense of go
    y_ants = set().union(*(wn.antonyms(f, _WN_MAX_RANK, satellites=False) for f in y_forms))
    if _bridged(x_key, y_key, x_related & y_ants):
        return "wordnet-related"  # 'conditional' / 'independent': through 'dependent'
    for f in forms:
        for p in prefixes:
            stem = f[len(p):]
            if f.startswith(p) and len(stem) >= 5 and wn.parts_of_speech(stem) and any(
                    stem == g or g in _wn_related(wn, stem) or (len(g) >= 5 and stem.endswith(g)) for g in y_forms):
                return "negative-prefix"  # 'incapability' / 'ability'
    if tok.is_word and not is_known(tok.text, "en") and not wn.parts_of_speech(fold(tok.text)):
        from provenance.compare import wordnet

        for fixed in wordnet.respellings(fold(tok.text)):
            f2 = {fixed, fold(lemma(fixed, "en"))}
            if f2 & y_forms:
                return None  # a typo of the translation's own word
            if y_forms & set().union(*(wn.antonyms(f, _WN_MAX_RANK, satellites=False) for f in f2)):
                return "wordnet-respelt"  # 'admited' / 'denied'
    return None


def _bridged(word: str, other: str, bridges: set[str]) -> bool:
    """Is some bridge word closer to ``word`` than ``other`` is?"""
    bridges = {b for b in bridges if " " not in b}
    if not bridges:
        return False
    vec = word_vectors([word, other, *sorted(bridges)])
    base = float(vec[word] @ vec[other])
    return max(float(vec[word] @ vec[b]) for b in bridges) > base


def _wn_related(wn: WordNet, word: str) -> frozenset[str]:
    from provenance.compare import wordnet

    return wordnet.related(wn, word, _WN_MAX_RANK)


_DICT_NEAR = 0.3  # relative places of the German word and the passage word at most this far apart


def _dictionary_antonyms(ctx: PairContext) -> list[Finding]:
    """Mode A, English passage: a passage word the translation does not confirm, whose antonym (WordNet or the
    lexicon) is a dictionary equivalent of an original word at about the same place, while no original word
    has the passage word itself among its equivalents ('schwach' there, 'strong' here). The independent
    translation may have reworded that place beyond recognition; the dictionary has not. One dictionary
    sense among many: minor. Dictionaries: Ding for German, FreeDict for the other languages."""
    if ctx.der.lang != "en" or ctx.trans is None or ctx.same_language:
        return []
    from provenance.compare import wordnet

    dic, wn = _equivalents(ctx.src.lang), wordnet.get()
    if dic is None or wn is None:
        return []
    lex = ctx.der_lex
    pairs = _lexicon_pairs(lex)
    src_words = [t for t in ctx.src.tokens if t.is_word and len(t.text) >= 3
                 and not ctx.src_lex.has_word("stop.words", t.text)]
    eqs = {t.index: dic(t.text) for t in src_words}
    said = set().union(*eqs.values()) if eqs else set()
    t_forms = word_forms(ctx.trans)
    for tok in ctx.der.tokens:
        if (not tok.is_word or len(tok.text) < 3 or tok.index in ctx.claimed or lex.has_word("stop.words", tok.text)
                or (tok.is_capitalised and not tok.sentence_start)):
            continue
        forms = {fold(tok.text), fold(lemma(tok.text, "en"))}
        if forms & t_forms or forms & said:
            continue
        related = set().union(*(_wn_related(wn, f) for f in forms))
        if related & said:
            continue  # the original has a word for something close to it
        ants = set().union(*(wn.antonyms(f, _WN_MAX_RANK, satellites=False) | pairs.get(f, set()) for f in forms))
        for s_tok in src_words:
            if relative_distance(tok, ctx.der, s_tok, ctx.src) > _DICT_NEAR:
                continue
            hit = sorted(ants & eqs[s_tok.index])
            if hit and not _negated(ctx.src, s_tok, ctx.src_lex):
                finding = make_finding(
                    ctx, FindingKind.DRIFT, DriftSubtype.NEGATION, confidence=0.5, der_tokens=[tok],
                    src_tokens=[s_tok],
                    explanation=(f"The original says {quote(s_tok.text)} ('{hit[0]}' in the dictionary); the "
                                 f"passage may say the opposite, {quote(tok.text)}."),
                    detector=DETECTOR, severity=Severity.MINOR,
                    evidence={"antonym": {"passage": tok.text, "original": s_tok.text, "antonym": hit[0],
                                          "source": "dictionary"}},
                )
                ctx.claimed.discard(tok.index)  # a guess must not hide the word from the addition check
                return [finding]
    return []


def _equivalents(lang: str) -> Callable[[str], frozenset[str]] | None:
    """English equivalents of a word of ``lang`` from an installed dictionary, or None."""
    en = load_lexicon("en")

    def content(words: Iterable[str]) -> frozenset[str]:  # 'out' of 'roll out' is no meaning of its own
        return frozenset(fold(w) for w in words if len(w) >= 3 and not en.has_word("stop.words", w))

    if lang == "de":
        from provenance.compare import lexical

        ding = lexical.dictionary()
        if ding is not None:
            return lambda word: content(ding.plain(word))
    from provenance.compare.tokens import cache_root
    from provenance.lang import freedict

    pairs = freedict.word_pairs(lang, "en", cache_dir=cache_root())
    if not pairs:
        return None
    return lambda word: content(w for form in {word.lower(), lemma(word, lang)} for w in pairs.get(form, ()))


_AGE_UNITS = {"year", "years", "month", "months", "week", "weeks", "day", "days"}


def _age_phrase(side: Side, tok: Token) -> bool:
    """'old' in '19-year-old' / 'a 19 year old' states an age, not the opposite of 'young'."""
    if fold(tok.text) != "old" or tok.index == 0:
        return False
    before = fold(side.tokens[tok.index - 1].text)
    if before == "-" and tok.index >= 2:
        before = fold(side.tokens[tok.index - 2].text)
    return before.split("-")[-1] in _AGE_UNITS


def _negated(side: Side, tok: Token, lex: Lexicon) -> bool:
    """'not correct' in the translation is the same as 'incorrect' in the passage."""
    before = side.tokens[max(0, tok.index - 2) : tok.index]
    return bool(lex.find("negation.cues", before))


def _antonym_finding(ctx: PairContext, tok: Token, partner: Token) -> Finding:
    return make_finding(
        ctx, FindingKind.DRIFT, DriftSubtype.NEGATION, confidence=0.8, der_tokens=[tok], src_tokens=None,
        explanation=(f"The translation of the original says {quote(partner.text)}; the passage says the opposite, "
                     f"{quote(tok.text)}."),
        detector=DETECTOR, evidence={"antonym": {"passage": tok.text, "translation": partner.text}},
    )
