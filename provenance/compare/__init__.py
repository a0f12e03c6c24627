"""Comparison engine: aligned sentence pairs in, Findings out.

Two modes per bead. Mode A (a known translation of the original is available, e.g. from a
translation memory or an online MT): the translation and the passage are compared in the
passage's language with a word diff, and the differing words classified. Mode B (no
translation, offline): language-independent anchors (numbers, names, quotation marks) and
per-language cue lexicons (negation, hedges, intensifiers, gender) are compared across
languages. Detectors (``detector.Detector``) run in the declared order of ``DETECTORS``, most
specific first; the engine (``detector.run``) keeps what each claims, so the coverage detector
skips words a more specific finding already explains.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from provenance.compare import (
    counterfactual,
    coverage,
    dates,
    entity,
    hedge,
    intensity,
    lexical,
    negation,
    number,
    quotation,
)
from provenance.compare.base import PairContext
from provenance.compare.detector import Detector, run
from provenance.compare.tokens import Side, fold, side_from_sentences, side_from_text
from provenance.config import Config
from provenance.lang.resources import Resources, current, using
from provenance.model import Bead, DriftSubtype, Finding, FindingKind, Sentence, Severity, Span, Translation

__all__ = ["DETECTORS", "compare_aligned", "verdict", "COMPARE_VERSION"]

COMPARE_VERSION = "1.0"


@dataclass(frozen=True)
class Place:
    """A detector's place in the order, and why it stands there."""

    detector: Detector
    why: str


# The order in which the detectors run on a bead, each with its reason. A detector skips the derivative words that
# the kept findings of the detectors before it claim (``detector.run``), and a bead's findings are reported in this
# order. Hedge, intensity and quotation read no claims: their order among themselves only orders the report.
DETECTORS: tuple[Place, ...] = (
    Place(number.Numbers(), "first: the figures it claims are no name, antonym or added word for the checks after it"),
    Place(entity.Entities(), "the names it claims (swapped, added, or weighed and set aside) are neither paired as "
                             "antonyms nor counted as added words"),
    Place(negation.Negation(), "before the rewrite test, which runs only where no flip was found, and before "
                               "coverage, which would count a flipped word as added"),
    Place(counterfactual.Counterfactual(), "after the word-list negation checks: it guesses only where they found "
                                           "no flip, on words nothing before it claimed (thorough mode only)"),
    Place(hedge.Hedges(), "claims the hedge it finds added before coverage"),
    Place(intensity.Intensity(), "claims the emphatic words before coverage"),
    Place(quotation.Quotations(), "claims the quoted words it questions before coverage"),
    Place(coverage.Coverage(), "after every drift: a word a drift explains is no addition"),
    Place(lexical.DictionaryWords(), "last (mode B): pairs only the passage words nothing before it explained"),
)


# which drift reports words two detectors claim: the one that says more precisely what changed
SPECIFICITY = (DriftSubtype.NUMBER, DriftSubtype.ENTITY, DriftSubtype.QUOTATION, DriftSubtype.INTENSITY,
               DriftSubtype.HEDGE, DriftSubtype.NEGATION, DriftSubtype.MEANING)


def compare_aligned(
    derivative: Sequence[Sentence],
    original: Sequence[Sentence],
    beads: Sequence[Bead],
    *,
    translations: Sequence[Translation | None] | None,
    derivative_lang: str,
    original_lang: str,
    config: Config | None = None,
    min_confidence: float | None = None,
    embedder: Any = None,
    credit: Sequence[tuple[Span, str]] = (),
    resources: Resources | None = None,
    glosses: Sequence[Translation | None] | None = None,
) -> list[Finding]:
    """Run every detector on every bead; spans point into the texts the sentences came from.

    ``credit``: where the article's credit stood in the derivative sentences (blanked in them by the caller), and
    its words. ``resources``: the language resources (default: built from ``config``, else the current ones).
    ``glosses``: word-for-word glosses of the original sentences where no translation is fluent enough to diff
    (what the original's words are, for scope checks).

    With ``config.thorough`` the counterfactual antonym test runs too, using ``embedder`` (the default
    embedder if None).
    """
    with using(resources or _resources(config)) as resources:
        threshold = (config.min_confidence if config else 0.5) if min_confidence is None else min_confidence
        thorough = config is not None and config.thorough
        if thorough and embedder is None:
            from provenance.embed import get_embedder

            embedder = get_embedder(config)
        same_language = derivative_lang == original_lang
        whole = _whole_text(original, translations)
        findings: list[Finding] = []
        for bead in beads:
            der = side_from_sentences([derivative[i] for i in bead.derivative], derivative_lang)
            src = side_from_sentences([original[i] for i in bead.original], original_lang)
            trans_side, translator = _translation_side(bead, translations, derivative_lang)
            if trans_side is None and same_language and bead.original:
                # same-language quote: the original is its own translation
                trans_side = side_from_sentences([original[i] for i in bead.original], derivative_lang)
                translator = "identity"
            credit_words = frozenset(
                fold(w) for span, text in credit if der.span is not None and span.overlaps(der.span)
                for w in _WORD.findall(text)
            )
            gloss_side = _translation_side(bead, glosses, derivative_lang)[0] if trans_side is None else None
            ctx = PairContext(der=der, src=src, trans=trans_side, translator=translator, same_language=same_language,
                              embedder=embedder if thorough else None, credit_words=credit_words, resources=resources,
                              gloss=gloss_side)
            found = run(ctx, (place.detector for place in DETECTORS), threshold)
            nearby = _nearby_texts(bead, original, translations)
            own = trans_side.text if trans_side is not None else ""
            findings.extend(
                _named_elsewhere(f, whole)
                for f in _unshadowed(found)
                if not _explained_nearby(f, nearby)
                and not _date_made_explicit(f, der.text, own, src.text, original_lang)
                and not number.restated(f, der, own, derivative_lang)
            )
        return _left_out_together(findings, original)


def _left_out_together(findings: list[Finding], original: Sequence[Sentence]) -> list[Finding]:
    """Consecutive sentences of the original that the passage leaves out are one omission, at the severity of the
    weightier: "The management rejected this account. No closure has been decided, a spokesman said." is one
    rebuttal left out, not a rebuttal and a minor sentence beside it."""
    starts = {s.span.start: i for i, s in enumerate(original)}
    ends = {s.span.end: i for i, s in enumerate(original)}
    out: list[Finding] = []
    for f in findings:
        prev = out[-1] if out else None
        if (prev is not None and _left_out_sentence(prev) and _left_out_sentence(f)
                and prev.original is not None and f.original is not None
                and prev.original.span is not None and f.original.span is not None
                and (last := ends.get(prev.original.span.end)) is not None
                and starts.get(f.original.span.start) == last + 1):
            weightier = max((prev, f), key=lambda x: (x.severity.rank, x.confidence))
            translation = " ".join(t for t in (prev.original.translation, f.original.translation) if t) or None
            out[-1] = replace(
                weightier,
                original=replace(
                    weightier.original,  # type: ignore[arg-type]
                    text=f"{prev.original.text} {f.original.text}",
                    span=Span(prev.original.span.start, f.original.span.end),
                    translation=translation,
                ),
                explanation=weightier.explanation.replace("this sentence", "these sentences", 1),
                evidence={**weightier.evidence, "sentences": prev.evidence.get("sentences", 1) + 1},
            )
            continue
        out.append(f)
    return out


def _left_out_sentence(f: Finding) -> bool:
    return f.kind is FindingKind.OMISSION and f.derivative is None and f.evidence.get("level") == "sentence"


def _whole_text(original: Sequence[Sentence], translations: Sequence[Translation | None] | None) -> str:
    """Every sentence of the original with its translation, folded: the context a desk draws names from."""
    texts = [s.text for s in original] + [t.text for t in translations or () if t is not None]
    return " ".join(texts).casefold()


def _named_elsewhere(finding: Finding, whole: str) -> Finding:
    """A name added where the original has no other name ("Hamburg's culture ministry" for "the culture authority")
    that the original names elsewhere is context made explicit: minor. A name put in place of another stays."""
    if (finding.subtype is not DriftSubtype.ENTITY or finding.derivative is None or "name" not in finding.evidence
            or "replaces" in finding.evidence or finding.severity.rank <= Severity.MINOR.rank):
        return finding  # a gender swap or a name put in place of another stays
    name = _POSSESSIVE.sub("", finding.derivative.text).casefold()
    if len(name) < 3 or not re.search(rf"(?<!\w){re.escape(name)}(?!\w)", whole):
        return finding
    return replace(finding, severity=Severity.MINOR, evidence={**finding.evidence, "named_elsewhere": True})


_POSSESSIVE = re.compile(r"['\u2019]s?$")


def _nearby_texts(bead: Bead, original: Sequence[Sentence], translations: Sequence[Translation | None] | None) -> str:
    """The original sentences next to a bead's (not its own: a swap inside them is still a drift), with their
    translations."""
    if not bead.original:
        return ""
    own = set(bead.original)
    near = [i for i in (min(own) - 1, max(own) + 1) if 0 <= i < len(original) and i not in own]
    texts = [original[i].text for i in near]
    if translations:
        texts += [t.text for i in near if i < len(translations) and (t := translations[i]) is not None]
    return " ".join(texts)


_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_WORD = re.compile(r"\w+")


def _date_made_explicit(finding: Finding, derivative: str, translation: str, original: str, lang: str) -> bool:
    """The day of a date the article spells out ("on 21 March") where the original names no day of that month ("am
    Freitag", "gestern"): the date made explicit, not a changed number. A different day of the same month in the
    original still counts."""
    number = finding.subtype is DriftSubtype.NUMBER
    if finding.kind is not FindingKind.DRIFT or not number or finding.derivative is None:
        return False
    written = finding.derivative.text.strip()
    if not written.isdigit():
        return False
    months = [month for day, month in dates.english_dates(derivative) if day == int(written)]
    if not months:
        return False
    named = dates.months_named(translation, "en") | dates.months_named(original, lang)
    return not any(month in named for month in months)


def _explained_nearby(finding: Finding, nearby: str) -> bool:
    """A number or name the bead's original lacks but the sentence next to it has: the aligner split what the
    article merged ("voted by 32 votes to 9" over two original sentences), not a drift."""
    if finding.kind is not FindingKind.DRIFT or finding.derivative is None or not nearby:
        return False
    written = finding.derivative.text
    if finding.subtype is DriftSubtype.NUMBER:
        numbers = [n.replace(",", ".") for n in _DIGITS.findall(written)]
        there = {n.replace(",", ".") for n in _DIGITS.findall(nearby)}
        return bool(numbers) and all(n in there for n in numbers)
    if finding.subtype is DriftSubtype.ENTITY:
        written = _POSSESSIVE.sub("", written)
        return len(written) >= 3 and written.casefold() in nearby.casefold()
    return False


def _unshadowed(found: list[Finding]) -> list[Finding]:
    """Drop minor findings on exactly the words a more severe finding of the same bead is about.

    "completely" for "partly" is an intensified claim (major); a second, minor guess that it is an
    antonym tells the reviewer nothing new about the same words. A sentence-wide finding (a dropped
    hedge) does not hide word-level ones inside the sentence.
    """
    serious = {(f.derivative.span.start, f.derivative.span.end) for f in found
               if f.severity is not Severity.MINOR and f.derivative is not None and f.derivative.span is not None}

    def shadowed(f: Finding) -> bool:
        span = f.derivative.span if f.derivative is not None else None
        # only drift guesses: a minor omission or addition says something else about those words
        return (f.severity is Severity.MINOR and f.kind is FindingKind.DRIFT and span is not None
                and (span.start, span.end) in serious)

    kept = [f for f in found if not shadowed(f)]

    # one finding per piece of evidence: two drifts on exactly the same words ('completely' for 'teilweise' is an
    # antonym of 'partly' and an intensified claim) are reported once, by the more specific detector
    def words(f: Finding) -> tuple[int, int] | None:
        span = f.derivative.span if f.derivative is not None else None
        drift = f.kind is FindingKind.DRIFT and f.subtype is not None
        return (span.start, span.end) if drift and span is not None else None

    best: dict[tuple[int, int], Finding] = {}
    for f in kept:
        if (key := words(f)) is not None and (key not in best or _rank(f) < _rank(best[key])):
            best[key] = f
    return [f for f in kept if (key := words(f)) is None or best[key] is f]


def _rank(finding: Finding) -> int:
    """Place of a drift's subtype in SPECIFICITY (lower reports); every drift has one."""
    return SPECIFICITY.index(finding.subtype)  # type: ignore[arg-type]


def _translation_side(
    bead: Bead, translations: Sequence[Translation | None] | None, lang: str
) -> tuple[Side | None, str | None]:
    if not translations or not bead.original:
        return None, None
    parts = [translations[i] for i in bead.original if i < len(translations)]
    if not parts or any(p is None for p in parts):
        return None, None
    text = " ".join(p.text for p in parts if p is not None)
    names = sorted({p.translator for p in parts if p is not None})
    # translation text has no offsets of its own; spans into it are relative to the joined string
    return side_from_text(text, lang), ",".join(names)


def verdict(findings: Sequence[Finding]) -> str:
    """'faithful', or the kind of the most severe (then most confident) unwaived finding."""
    live = [f for f in findings if not f.waived]
    if not live:
        return "faithful"
    worst = max(live, key=lambda f: (f.severity.rank, f.confidence))
    return worst.kind.value


def _resources(config: Config | None) -> Resources:
    """The resources a comparison runs with: those of its Config, else the current ones."""
    return Resources.from_config(config) if config is not None else current()
