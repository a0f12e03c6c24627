"""Thorough mode: antonyms the word lists cannot pair, tested by rewriting the passage.

A passage word X with a WordNet antonym A is suspicious when the passage with A in place of X
is *closer* in meaning (sentence embeddings) to the known translation and to the original than
the passage as written: the other texts say something like A, the passage says X. This catches
flips where the translation words it so that no word list pairs the two ('Prices fell' where the
translation says 'Prices went through the roof': the rewrite 'Prices rise' reads closer).

It embeds one rewritten sentence per candidate (tens of milliseconds each on a laptop CPU), so
it runs only when thorough mode is on (``Config.thorough``, ``--thorough``), and only on beads
where no more specific negation evidence was found. Findings are minor: a guess for a reviewer.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from provenance.compare.base import Detection, PairContext, make_finding, quote
from provenance.compare.detector import Detector
from provenance.compare.tokens import Token, fold, lemma
from provenance.lang import wordnet
from provenance.model import DriftSubtype, Finding, FindingKind, Severity

if TYPE_CHECKING:
    from provenance.lang.wordnet import WordNet

DETECTOR = "counterfactual"

# Tuned on the DEMETR tuning split (id % 5 == 0) and WMT21 reference pairs: the rewrite must bring the
# passage this much closer (cosine) to the known translation, and not move it away from the original.
_MIN_GAIN = {"A": 0.002, "B": 0.01}
_MAX_ANTONYMS = {"A": 8, "B": 4}  # rewrites per passage word
# passage words per bead; mode B has no translation to rule words out, so every word with an antonym is one
_MAX_CANDIDATES = {"A": 10, "B": 5}


def detect(ctx: PairContext) -> Detection:
    if ctx.embedder is None or not ctx.der.tokens or not ctx.src.tokens:
        return Detection()
    wn = wordnet.for_language(ctx.der.lang)
    if wn is None:
        return Detection()
    rewrites = _rewrites(ctx, wn)
    if not rewrites:
        return Detection()
    refs = [ctx.src.text] + ([ctx.trans.text] if ctx.trans is not None else [])
    vecs = np.asarray(ctx.embedder.embed([ctx.der.text, *refs, *(text for _, _, text in rewrites)]))
    base, ref_vecs, alt = vecs[0], vecs[1:1 + len(refs)], vecs[1 + len(refs):]
    gains = (alt @ ref_vecs.T) - (ref_vecs @ base)  # (rewrites, refs): how much closer each rewrite comes
    need = _MIN_GAIN[ctx.mode]
    best: tuple[float, Token, str] | None = None
    for (tok, antonym, _), gain in zip(rewrites, gains, strict=True):
        if ctx.trans is not None:
            ok = gain[1] > need and gain[0] > 0  # closer to the translation, not further from the original
            score = float(gain[1])
        else:
            ok = gain[0] > need
            score = float(gain[0])
        if ok and (best is None or score > best[0]):
            best = (score, tok, antonym)
    if best is None:
        return Detection()
    score, tok, antonym = best
    other = "the translation of the original" if ctx.trans is not None else "the original"
    finding = make_finding(
        ctx, FindingKind.DRIFT, DriftSubtype.NEGATION, confidence=0.5, der_tokens=[tok], src_tokens=None,
        explanation=(f"With {quote(antonym)} in place of {quote(tok.text)} the passage reads closer to {other}: "
                     f"{quote(tok.text)} may say the opposite of what the original says."),
        detector=DETECTOR, severity=Severity.MINOR,
        evidence={"antonym": {"passage": tok.text, "rewrite": antonym, "gain": round(score, 4)}},
        claim=False,  # a guess must not hide the word from the addition check
    )
    return Detection.of([finding])


def _slot(ctx: PairContext, tok: Token, wn: WordNet) -> frozenset[str] | None:
    """The parts of speech the word can have where it stands, when the word before tells: after a determiner
    or an adjective a noun or an adjective ('parental leave' is no verb to rewrite with 'come'), after an
    auxiliary a verb. None: any."""
    if tok.index == 0:
        return None
    prev = ctx.der.tokens[tok.index - 1]
    if not prev.is_word:
        return None
    lex = ctx.der_lex
    if lex.has_word("counterfactual.noun_after", prev.text) or wn.parts_of_speech(fold(prev.text)) == {"a"}:
        return frozenset({"n", "a"})
    if lex.has_word("counterfactual.verb_after", prev.text):
        return frozenset({"v"})
    return None


def _rewrites(ctx: PairContext, wn: WordNet) -> list[tuple[Token, str, str]]:
    """(passage word, antonym, passage text with the antonym in its place) for each candidate."""
    lex = ctx.der_lex
    other = ctx.trans
    other_forms = set() if other is None else {fold(t.text) for t in other.words} | {
        fold(lem) for t, lem in zip(other.tokens, other.lemmas(), strict=True) if t.is_word}
    base = ctx.der.text
    offset = ctx.der.span.start if ctx.der.span else 0
    out: list[tuple[Token, str, str]] = []
    words = 0
    for tok in ctx.der.tokens:
        if (not tok.text.isalpha() or len(tok.text) < 3 or tok.index in ctx.claimed
                or lex.has_word("stop.words", tok.text)):
            continue  # claimed: a more specific detector already explained the word
        if tok.is_capitalised and not tok.sentence_start:
            continue  # part of a name
        forms = {fold(tok.text), fold(lemma(tok.text, lex.lang))}
        if forms & other_forms:
            continue  # the translation has the same word: nothing flipped here
        slot = _slot(ctx, tok, wn)
        antonyms = sorted(a for a in set().union(*(wn.direct_antonyms(f, pos=slot) for f in forms))
                          if "_" not in a and " " not in a and a.isalpha())
        if not antonyms:
            continue
        words += 1
        if words > _MAX_CANDIDATES[ctx.mode]:
            break
        start, end = tok.start - offset, tok.end - offset
        for antonym in antonyms[: _MAX_ANTONYMS[ctx.mode]]:
            word = antonym.capitalize() if tok.text[:1].isupper() else antonym
            out.append((tok, antonym, base[:start] + word + base[end:]))
    return out


class Counterfactual(Detector):
    name = DETECTOR
    thorough_only = True

    def find(self, ctx: PairContext) -> Detection:
        return detect(ctx)

    def wanted(self, ctx: PairContext, found: Sequence[Finding]) -> bool:
        """Only where the word-list negation checks found no flip: the rewrites are guesses, and costly."""
        return not any(f.subtype is DriftSubtype.NEGATION for f in found)
