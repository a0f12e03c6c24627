"""Quotation: words put in quotation marks that the original does not quote, or quoted words changed.

Across languages a quote's words are translated, so "changed" is only checked when the
original is in the passage's language (identity translation); elsewhere only marks added.
"""

from __future__ import annotations

from provenance.compare.base import PairContext, make_finding, quote
from provenance.compare.tokens import QUOTE_CHARS, Side, Token, fold
from provenance.model import DriftSubtype, Finding, FindingKind

DETECTOR = "quotation"

_OPEN = {"“": "”", "„": "“", "«": "»", "‹": "›", "‚": "‘", "‘": "’", '"': '"', "「": "」", "『": "』", "”": "”"}


def quoted_stretches(side: Side) -> list[list[Token]]:
    """Token runs between matching quotation marks (marks excluded)."""
    out: list[list[Token]] = []
    toks = side.tokens
    i = 0
    while i < len(toks):
        t = toks[i]
        if t.text in _OPEN and t.text != "’":
            closers = {_OPEN[t.text], '"', "”", "“"} if t.text in {"„", '"', "“"} else {_OPEN[t.text]}
            j = i + 1
            while j < len(toks) and toks[j].text not in closers:
                j += 1
            if j < len(toks):
                out.append(toks[i + 1 : j])
                i = j + 1
                continue
        i += 1
    return out


def _has_quotes(side: Side) -> bool:
    return any(t.text in QUOTE_CHARS and t.text not in {"’", "'"} for t in side.tokens)


def detect(ctx: PairContext) -> list[Finding]:
    stretches = [s for s in quoted_stretches(ctx.der) if sum(t.is_word for t in s) >= 2]
    if not stretches:
        return []
    if not _has_quotes(ctx.src) and not (ctx.trans is not None and _has_quotes(ctx.trans)):
        s = stretches[0]
        words = " ".join(t.text for t in s)
        return [
            make_finding(
                ctx, FindingKind.DRIFT, DriftSubtype.QUOTATION, confidence=0.75 if ctx.trans is not None else 0.65,
                der_tokens=s, src_tokens=None,
                explanation=(f"The passage puts {quote(words)} in quotation marks, but the original quotes no one "
                             f"here: a paraphrase is presented as a verbatim quote."),
                detector=DETECTOR, evidence={"quoted": words, "direction": "marks added"},
            )
        ]
    if ctx.same_language:
        return _changed(ctx, stretches)
    return []


def _changed(ctx: PairContext, stretches: list[list[Token]]) -> list[Finding]:
    from rapidfuzz import fuzz

    src_quotes = quoted_stretches(ctx.src) or [ctx.src.tokens]
    findings = []
    for s in stretches:
        d = " ".join(fold(t.text) for t in s if t.is_word)
        best = max(src_quotes, key=lambda q: fuzz.partial_ratio(d, " ".join(fold(t.text) for t in q if t.is_word)))
        o = " ".join(fold(t.text) for t in best if t.is_word)
        if d in o:
            continue
        score = fuzz.partial_ratio(d, o)
        if score >= 99:
            continue
        findings.append(
            make_finding(
                ctx, FindingKind.DRIFT, DriftSubtype.QUOTATION, confidence=0.8 if score >= 60 else 0.6,
                der_tokens=s, src_tokens=best,
                explanation=(f"The passage quotes {quote(' '.join(t.text for t in s))}, but the original's words are "
                             f"{quote(' '.join(t.text for t in best))}."),
                detector=DETECTOR, evidence={"similarity": round(score / 100, 3), "direction": "words changed"},
            )
        )
    return findings
