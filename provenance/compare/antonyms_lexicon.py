"""Antonyms from the hand lexicon: a translation word replaced by its listed antonym (mode A), or an original word
that looks like the antonym of a passage word (mode B cognates)."""

from __future__ import annotations

from provenance.compare.base import Found, PairContext, make_finding, quote, relative_distance
from provenance.compare.opposites import (
    _WN_NEAR,
    DETECTOR,
    _equivalents,
    _lexicon_pairs,
    _measure_phrase,
    _measure_rendered,
    _negated,
    _particle_verb,
    _rendered_in,
)
from provenance.compare.tokens import Token, fold, lemma, similar_word
from provenance.model import DriftSubtype, FindingKind, Severity


def _antonyms(ctx: PairContext) -> list[Found]:
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
        forms = dict.fromkeys((fold(tok.text), fold(lemma(tok.text, lex.lang))))  # ordered: the word, then its lemma
        if forms.keys() & set(t_words):
            continue
        for f in forms:
            partner = None
            for ant in sorted(pairs.get(f, ())):
                if ant in t_words and ant not in d_forms:
                    partner = t_words[ant]
                    break
            if partner is None:
                for w, t in t_words.items():
                    if w not in d_forms and _is_prefix_antonym(f, w, prefixes):
                        partner = t
                        break
            if (partner is not None and _same_phrase(ctx, tok, partner) and not _particle_verb(ctx.trans, partner, lex)
                    and _negated(ctx.trans, partner, lex) == _negated(ctx.der, tok, lex)
                    and not _measure_phrase(ctx.der, tok) and not _measure_rendered(ctx.trans, partner, ctx.der, tok)
                    and not _rendered_in(ctx.trans, tok, partner, lex)):
                return [_antonym_finding(ctx, tok, partner)]
    return []


def _is_prefix_antonym(a: str, b: str, prefixes: list[str]) -> bool:
    for p in prefixes:
        if a == p + b and len(b) >= 4:
            return True
        if b == p + a and len(a) >= 4:
            return True
    return False


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


def _antonym_finding(ctx: PairContext, tok: Token, partner: Token) -> Found:
    converse = _converse(ctx, tok, partner)
    return make_finding(
        ctx, FindingKind.DRIFT, DriftSubtype.NEGATION, confidence=0.8, der_tokens=[tok], src_tokens=None,
        explanation=(f"The translation of the original says {quote(partner.text)}; the passage says the opposite, "
                     f"{quote(tok.text)}" + (" (unless the roles are swapped)." if converse else ".")),
        detector=DETECTOR, evidence={"antonym": {"passage": tok.text, "translation": partner.text},
                                     **({"converse": True} if converse else {})},
        severity=Severity.MINOR if converse else None,
    )


def _converse(ctx: PairContext, tok: Token, partner: Token) -> bool:
    """The two words name one event from its two ends ('sent' / 'received'): see ``antonyms.converses``."""
    lang = ctx.der_lex.lang
    mine = {fold(tok.text), fold(lemma(tok.text, lang))}
    theirs = {fold(partner.text), fold(lemma(partner.text, lang))}
    return any((a in mine and b in theirs) or (b in mine and a in theirs)
               for a, b in ctx.der_lex.data.get("antonyms", {}).get("converses", []))


def _cognate_antonyms(ctx: PairContext) -> list[Found]:
    """Mode B: the original has a cognate of the antonym of a passage word ("privada" / "public",
    "stabil" / "unstable") and no cognate of the word itself."""
    lex = ctx.der_lex
    pairs = _lexicon_pairs(lex)
    # function words and compounds with digits only look like English words ('nicht' / 'night')
    src_words = [t for t in ctx.src.tokens if t.is_word and len(t.text) >= 5 and t.text.isalpha()
                 and not ctx.src_lex.has_word("stop.words", t.text)]
    d_forms = {fold(t.text) for t in ctx.der.tokens} | {fold(lemma(t.text, lex.lang)) for t in ctx.der.tokens}
    dic = _equivalents(ctx.src.lang, into=lex.lang)

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
        forms = dict.fromkeys((fold(tok.text), fold(lemma(tok.text, lex.lang))))  # ordered: the word, then its lemma
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
                                         f"the opposite, {quote(tok.text)}. The likeness is of spelling only: check "
                                         "the word's meaning."),
                            detector=DETECTOR, evidence={"antonym": {"passage": tok.text, "original": s_tok.text}},
                            # a spelling that looks like an English word is a guess ('baisse' like 'raise', 'prive'
                            # like 'arrive'): on the development articles 1 of 8 such findings was right
                            severity=Severity.MINOR,
                        )
                    ]
    return []
