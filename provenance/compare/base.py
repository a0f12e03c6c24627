"""What every detector gets (one bead as a ``PairContext``) and how it reports (``make_finding``: a ``Found``, the
finding and the derivative tokens it claims)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from provenance.compare.lexicon import Cue, Lexicon, load_lexicon
from provenance.compare.tokens import Opcode, Side, Token, fold, lemma, word_diff
from provenance.lang.resources import Resources, current
from provenance.model import DEFAULT_SEVERITY, DriftSubtype, Finding, FindingKind, Severity, SideRef, Span


@dataclass
class PairContext:
    """One bead: derivative side, original side, and (mode A) a known translation of the original."""

    der: Side
    src: Side
    trans: Side | None = None  # known translation of the original, in the derivative's language
    # a word-for-word gloss of the original in the derivative's language (no translation to diff against): which
    # words the original has, in the passage's language
    gloss: Side | None = None
    translator: str | None = None
    # derivative tokens already explained by the findings of earlier detectors (later ones skip them); set by the
    # engine (``detector.run``) before each detector, read-only for the detectors
    claimed: frozenset[int] = frozenset()
    same_language: bool = False
    # thorough mode only: sentence embedder for the counterfactual antonym test (None: the test is off)
    embedder: Any = None
    # the words of the article's credit (the passage's frame, blanked on ``der``) in this bead's sentences
    credit_words: frozenset[str] = frozenset()
    # the run's language resources (cache dir, dictionaries, WordNet); the current ones unless given
    resources: Resources = field(default_factory=current)

    @property
    def credited(self) -> bool:
        return bool(self.credit_words)

    @cached_property
    def der_lex(self) -> Lexicon:
        return load_lexicon(self.der.lang)

    @cached_property
    def src_lex(self) -> Lexicon:
        return load_lexicon(self.src.lang)

    @cached_property
    def opcodes(self) -> list[Opcode]:
        """Word diff translation -> derivative (mode A only)."""
        return word_diff(self.trans, self.der) if self.trans is not None else []

    @property
    def mode(self) -> str:
        return "A" if self.trans is not None else "B"


def severity_for(kind: FindingKind, subtype: DriftSubtype | None) -> Severity:
    return DEFAULT_SEVERITY[(kind.value, subtype.value if subtype else None)]


def der_ref(ctx: PairContext, tokens: list[Token] | None = None) -> SideRef:
    """The derivative stretch covered by ``tokens`` (the whole bead side if none)."""
    return _ref(ctx.der, tokens)


def src_ref(ctx: PairContext, tokens: list[Token] | None = None) -> SideRef:
    ref = _ref(ctx.src, tokens)
    return SideRef(
        text=ref.text,
        span=ref.span,
        translation=ctx.trans.text.strip() if ctx.trans is not None else None,
        translator=ctx.translator if ctx.trans is not None else None,
    )


def _ref(side: Side, tokens: list[Token] | None) -> SideRef:
    if not tokens:
        return SideRef(text=side.text.strip(), span=side.span)
    first = min(tokens, key=lambda t: t.start)
    last = max(tokens, key=lambda t: t.end)
    return SideRef(text=side.snippet(first, last), span=Span(first.start, last.end))


@dataclass(frozen=True)
class Found:
    """A finding and the derivative tokens it explains: detectors after this one skip them (the engine applies the
    claims once the threshold has kept the finding)."""

    finding: Finding
    claims: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Detection:
    """What one detector reports for one bead: its findings, and the derivative tokens they explain."""

    findings: tuple[Finding, ...] = ()
    claims: frozenset[int] = frozenset()

    @classmethod
    def of(cls, found: Iterable[Found], *, also: Iterable[int] = ()) -> Detection:
        """The findings of ``found`` and their claims, with ``also`` the tokens of findings weighed and set aside
        (still explained: see ``entity.detect``)."""
        found = list(found)
        return cls(tuple(f.finding for f in found), frozenset(also).union(*(f.claims for f in found)))


def make_finding(
    ctx: PairContext,
    kind: FindingKind,
    subtype: DriftSubtype | None,
    *,
    confidence: float,
    der_tokens: list[Token] | None,
    src_tokens: list[Token] | None,
    explanation: str,
    detector: str,
    evidence: dict | None = None,
    severity: Severity | None = None,
    claim: bool = True,
) -> Found:
    """The finding over ``der_tokens`` and ``src_tokens``; it claims its ``der_tokens`` unless ``claim`` is False (a
    guess must not hide its words from the checks after it)."""
    finding = Finding(
        kind=kind,
        subtype=subtype,
        severity=severity or severity_for(kind, subtype),
        confidence=round(max(0.0, min(1.0, confidence)), 3),
        derivative=der_ref(ctx, der_tokens) if ctx.der.tokens or der_tokens else None,
        original=src_ref(ctx, src_tokens) if ctx.src.tokens or src_tokens else None,
        explanation=explanation,
        detector=detector,
        evidence={"mode": ctx.mode, **(evidence or {})},
    )
    return Found(finding, frozenset(t.index for t in der_tokens) if claim and der_tokens else frozenset())


def quote(text: str) -> str:
    return f"'{text}'"


_SCOPE_TOKENS = 6  # a negation or hedge governs the content words among the next few tokens
_TOKENS_PER_WORD = 3  # ... and, asked for more content words, about three tokens for each


def in_scope(side: Side, cues: list[Cue], other: Side, lex: Lexicon, *, words: int = 1,
             related: bool = False) -> list[Cue]:
    """The cues of ``side`` whose governed words ``other`` renders; cues with no content word after them stay.

    A cue counts only where what it qualifies is there on the other side: "the tractors no longer prune the vines:
    they pull them up" excerpted as "growers are tearing up vines" leaves a clause out, it flips nothing. The
    governed words are the first ``words`` content words after the cue; with ``related`` (both sides in one
    language) a word WordNet relates to one of them renders it too ("did not support" / "backed")."""
    forms = word_forms(other, hyphen_parts=False)
    kept = []
    for cue in cues:
        governed = governed_words(side, cue, lex, words)
        if not governed or rendered(governed, side.lang, forms) or (related and _related_rendered(governed, side.lang,
                                                                                                 forms)):
            kept.append(cue)
    return kept


def _related_rendered(tokens: list[Token], lang: str, forms: set[str]) -> bool:
    from provenance.lang import wordnet

    wn = wordnet.for_language(lang)
    if wn is None:
        return False
    return any(fold(w) in forms for t in tokens for w in wordnet.related(wn, fold(lemma(t.text, lang))))


def rendered(tokens: list[Token], lang: str, forms: set[str]) -> bool:
    """Whether one of the tokens (of a side in ``lang``) is among the other side's ``word_forms``, as written or
    as its lemma."""
    return any({fold(t.text), fold(lemma(t.text, lang))} & forms for t in tokens)


def governed_words(side: Side, cue: Cue, lex: Lexicon, words: int) -> list[Token]:
    """The first ``words`` content words after a cue: what a negation or hedge qualifies, whom "according to"
    names."""
    window = max(_SCOPE_TOKENS, _TOKENS_PER_WORD * words)
    return [t for t in side.tokens[cue.end : cue.end + window]
            if t.is_word and len(t.text) >= 3 and not lex.has_word("stop.words", t.text)][:words]


def word_forms(side: Side, *, hyphen_parts: bool = True) -> set[str]:
    """Every word form and lemma of a side, folded; with ``hyphen_parts`` also the parts of hyphenated words
    ('19-year-old' has 'old')."""
    out: set[str] = set()
    for t in side.tokens:
        out |= {fold(t.text), fold(lemma(t.text, side.lang))}
        if hyphen_parts and "-" in t.text:
            out |= {fold(p) for p in t.text.split("-") if p}
    return out


def relative_distance(a: Token, a_side: Side, b: Token, b_side: Side) -> float:
    """How far apart two tokens stand, each by its relative place in its own side (0: the same place)."""
    return abs(a.index / max(1, len(a_side.tokens)) - b.index / max(1, len(b_side.tokens)))
