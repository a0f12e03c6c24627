"""What the pipeline settles about a passage's findings once its sentences are aligned: which sentences have a
counterpart in the original, where an open-ended passage really ends, the author's way into a passage, excerpt
gaps, sentences the aligner left alone though the original restates them, and the word-level notes of paraphrase
that a whole-article check leaves out.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection, Sequence
from dataclasses import replace

from provenance.align.anchors import number_keys
from provenance.model import Bead, Finding, FindingKind, Sentence, Severity, Span, Translation

#: A bead with a score under this does not count as a counterpart.
MATCH_SCORE = 0.35


def is_counterpart(bead: Bead) -> bool:
    return bool(bead.derivative and bead.original and bead.score >= MATCH_SCORE)


def with_counterpart(beads: Sequence[Bead]) -> set[int]:
    """The derivative sentences that have a counterpart in the original."""
    return {i for b in beads if is_counterpart(b) for i in b.derivative}


def unpair_unrelated(beads: Sequence[Bead]) -> list[Bead]:
    """A pairing the aligner scored as no similarity at all ("fines of up to 15,000 euros" beside "412 fines were
    imposed in 2024", the path's only way through) is no counterpart: its sentences are compared with nothing, so
    a sentence added to the outlet's words is reported as one, not as a changed figure."""
    out: list[Bead] = []
    for b in beads:
        if b.derivative and b.original and b.score <= 0.0:
            out += [Bead(b.derivative, (), 0.0), Bead((), b.original, 0.0)]
        else:
            out.append(b)
    return out


def matched_share(beads: Sequence[Bead], n: int, deriv: Sequence[str], orig: Sequence[str]) -> float:
    """The share of the passage's sentences with a counterpart: a bead the aligner scores as one, or one whose
    sides share two anchors, numbers or names (with no translation, a merged or split sentence scores low across
    languages, while "21,400 ... 31 October" and "21 400 ... 31 października", or "LVB spokeswoman Katrin
    Mehlhorn" and "LVB-Sprecherin Katrin Mehlhorn", still say where it is)."""
    if n == 0:
        return 1.0
    matched = {i for k, b in enumerate(beads)
               if is_counterpart(b) or _same_anchors(b, deriv, orig) or _in_run(beads, k) for i in b.derivative}
    return len(matched) / n


#: a bead scored this high counts when its neighbour on the diagonal does too
RUN_SCORE = 0.2


def _in_run(beads: Sequence[Bead], k: int) -> bool:
    """The bead and the one before or after it pair consecutive sentences on both sides, each scored at least
    ``RUN_SCORE``: across languages without a translation (no gloss for Portuguese or Italian) the model's scores of
    a faithful rendering run lower, but two pairs in a row, in order, say where the passage is."""
    return (k > 0 and _diagonal(beads[k - 1], beads[k])) or (k + 1 < len(beads) and _diagonal(beads[k], beads[k + 1]))


def _diagonal(first: Bead, second: Bead) -> bool:
    return (all(b.derivative and b.original and b.score >= RUN_SCORE for b in (first, second))
            and second.derivative[0] == first.derivative[-1] + 1 and second.original[0] == first.original[-1] + 1)


#: a capitalised word inside a sentence, four letters or more: a name in most languages written in Latin script
_NAME = re.compile(r"(?<=[\w,;:()\"'„“”«»] )[^\W\d_a-zà-ÿ][^\W\d_]{3,}")


def _anchors(text: str) -> set[str]:
    names = {unicodedata.normalize("NFKD", m).encode("ascii", "ignore").decode().lower() for m in _NAME.findall(text)}
    return number_keys(text) | names


def _same_anchors(bead: Bead, deriv: Sequence[str], orig: Sequence[str]) -> bool:
    if not bead.derivative or not bead.original:
        return False
    mine = _anchors(" ".join(deriv[i] for i in bead.derivative))
    theirs = _anchors(" ".join(orig[j] for j in bead.original))
    return len(mine & theirs) >= 2


def with_figures(words: Callable[[str], frozenset[str]]) -> Callable[[str], frozenset[str]]:
    """``words`` and the text's numbers as figures ("38%" and "38 percent" share 38; "1,900" and "1.900" are one
    number): a figure both sides give is as good a sign of the same content as a word."""
    return lambda text: words(text) | frozenset(number_keys(text))


def content_words(lang: str) -> Callable[[str], frozenset[str]]:
    """A text's content words as lemmas: no stop words, nothing shorter than three letters."""
    from provenance.compare.lexicon import load_lexicon
    from provenance.compare.tokens import lemma, tokenize

    lex = load_lexicon(lang)

    def words(text: str) -> frozenset[str]:
        return frozenset(
            lemma(t.text, lang)
            for t in tokenize(text, lang=lang)
            if t.is_word and len(t.text) >= 3 and not lex.has_word("stop.words", t.text)
        )

    return words


def rebuts(lang: str) -> Callable[[str], bool]:
    """Whether a text answers or denies a claim (the lexicon's rebuttal cues in ``lang``)."""
    from provenance.compare.lexicon import load_lexicon
    from provenance.compare.tokens import tokenize

    lex = load_lexicon(lang)
    return lambda text: bool(lex.find("rebuttal.cues", tokenize(text, lang=lang)))


def trim_open_end(
    sentences: list[Sentence], beads: list[Bead], claimed: Collection[int] = (), min_tail: int = 1
) -> tuple[list[Sentence], list[Bead], Span | None]:
    """Drop trailing derivative sentences without a counterpart: after a lead-in they are commentary. Sentences in
    ``claimed`` (the passage's own credit, a quotation, a speech tag) are the outlet's however they align: what
    follows the last of them or of the matched ones is the author's when it runs to ``min_tail`` sentences or
    more."""
    matched = with_counterpart(beads)
    if not matched:
        return sentences, beads, None
    last = max(matched | set(claimed))
    if len(sentences) - 1 - last < max(min_tail, 1):
        return sentences, beads, None
    cut = sentences[last + 1 :]
    kept_ids = set(range(last + 1))
    kept_beads = [b for b in beads if not b.derivative or set(b.derivative) <= kept_ids]
    return sentences[: last + 1], kept_beads, Span(cut[0].span.start, cut[-1].span.end)


def drop_lead_in(
    findings: list[Finding], beads: Sequence[Bead], sentences: Sequence[Sentence], frame: Sequence[Span]
) -> list[Finding]:
    """Sentences that open a passage before anything the original renders, with no credit and no counterpart of
    their own, are the author's way in ("Those residents will have to wait."), not words added to the outlet's:
    their additions are dropped. An unmatched sentence after the rendering starts stays an addition."""
    matched = with_counterpart(beads)
    if not matched:
        return findings
    lead = [s.span for s in sentences[: min(matched)] if not any(s.span.overlaps(f) for f in frame)]
    if not lead:
        return findings
    return [f for f in findings if not (f.kind is FindingKind.ADDITION and f.derivative is not None
                                        and f.derivative.span is not None
                                        and any(s.contains(f.derivative.span) for s in lead))]


def _major_sentence_addition(f: Finding) -> bool:
    """A whole sentence of the passage with no counterpart in the original, reported major or critical."""
    return (f.kind is FindingKind.ADDITION and f.evidence.get("level") == "sentence" and f.derivative is not None
            and f.severity.rank >= Severity.MAJOR.rank)


#: A sentence sharing this share of its content words with one original sentence's translation, and that share
#: of the translation's, restates that sentence (on the development cases 5 of 9 false sentence additions did,
#: none of 11 planted ones).
RESTATED_SHARE = 0.3


def restated(
    findings: list[Finding], sentences: Sequence[Sentence], translations: Sequence[Translation | None],
    words: Callable[[str], frozenset[str]],
) -> list[Finding]:
    """A passage sentence the aligner left without a counterpart, though one original sentence says much the
    same (a sentence split in two, or merged with its neighbour's): weak evidence of an addition, so minor."""
    content = with_figures(words)  # figures count: "350 people" is the original's "350 people"

    def major_sentence_addition(f: Finding) -> bool:
        return _major_sentence_addition(f) and f.derivative.span is not None  # type: ignore[union-attr]

    if not any(major_sentence_addition(f) for f in findings):
        return findings  # (most passages: the original's translations need not be read)
    known = [content(t.text) for t in translations if t is not None]
    if not known:
        return findings
    out: list[Finding] = []
    for f in findings:
        if major_sentence_addition(f):
            span = f.derivative.span  # type: ignore[union-attr]
            mine = frozenset().union(*(content(s.text) for s in sentences if span.overlaps(s.span)))
            if mine and any(len(mine & t) >= RESTATED_SHARE * len(mine) and len(mine & t) >= RESTATED_SHARE * len(t)
                            for t in known if t):
                f = replace(f, severity=Severity.MINOR, evidence={**f.evidence, "restates_original": True},
                            explanation=f.explanation + " One sentence of the original says much the same: it may "
                                                        "be rendered here in other words.")
        out.append(f)
    return out


_WORD = re.compile(r"[^\W\d_][\w'’-]*|\d[\d.,]*")

#: A sentence addition longer than this many words reads as the article's own background (on the development
#: cases none of 13 planted additions was longer than 18 words; 10 of 14 false ones were over 20: "Residents who
#: remember the 2001 collapse of the bridge further south tend to ...", "It would be a modest cap by the standards
#: of codes elsewhere, which allow ...").
LONG_ADDITION_WORDS = 20


def long_additions(findings: list[Finding]) -> list[Finding]:
    """A long sentence with no counterpart in the original, clauses and all, is more often the author's background
    or comment than a claim slipped into the outlet's words: minor, still shown."""
    out: list[Finding] = []
    for f in findings:
        if _major_sentence_addition(f) and len(_WORD.findall(f.derivative.text)) > LONG_ADDITION_WORDS:  # type: ignore[union-attr]
            f = replace(f, severity=Severity.MINOR, evidence={**f.evidence, "long": True},
                        explanation=f.explanation + " It is long and self-contained, as the article's own background "
                                                    "often is: check whether the outlet wrote it.")
        out.append(f)
    return out


def authors_voice(findings: list[Finding], authorial: Callable[[str], bool]) -> list[Finding]:
    """A sentence with no counterpart that reads as the author speaking (a question, the first person, a judgement,
    "not everyone sees it that way") is the article's comment inside the passage, not a claim slipped into the
    outlet's words: minor, still shown."""
    out: list[Finding] = []
    for f in findings:
        if _major_sentence_addition(f) and authorial(f.derivative.text):  # type: ignore[union-attr]
            f = replace(f, severity=Severity.MINOR, evidence={**f.evidence, "authorial": True},
                        explanation=f.explanation + " It reads as the article's own comment: check whether the "
                                                    "outlet wrote it.")
        out.append(f)
    return out


def diffable(translation: Translation) -> bool:
    """Whether a translation is fluent enough to diff word by word against the passage.

    A dictionary gloss is word-for-word: good enough to align sentences, but every difference
    in wording would read as an addition or omission, so its sentences are compared
    cross-lingually instead (anchors, cue lexicons, embeddings).
    """
    return not translation.translator.startswith("gloss")


#: This many consecutive original sentences left out read as an excerpt boundary, not an omission.
EXCERPT_GAP = 3


def drop_excerpt_gaps(findings: list[Finding], beads: Sequence[Bead], original: Sequence[Sentence]) -> list[Finding]:
    """Quotes are excerpted: a long run of skipped sentences is the author's cut, not a silent omission.

    Minor omissions inside such a run are dropped; major ones (a rebuttal, a qualifier) stay,
    because leaving those out changes what the outlet reported however far apart the quoted
    sentences were.
    """
    deleted = sorted(i for b in beads if not b.derivative for i in b.original)
    runs: list[list[int]] = []
    for i in deleted:
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    in_gap = {i for run in runs if len(run) >= EXCERPT_GAP for i in run}
    if not in_gap:
        return findings
    gap_spans = [original[i].span for i in in_gap if i < len(original)]

    def in_excerpt_gap(f: Finding) -> bool:
        span = f.original.span if f.original else None
        return span is not None and any(g.contains(span) for g in gap_spans)

    return [
        f
        for f in findings
        if not (f.kind is FindingKind.OMISSION and f.severity is Severity.MINOR and in_excerpt_gap(f))
    ]


def without_paraphrase_notes(findings: list[Finding]) -> list[Finding]:
    """A whole article is checked for what it says, not how it words it: minor word-level differences (a word
    added or left out with no counterpart in an independent translation) and word-vector antonym guesses are
    notes on paraphrase, not findings: on the development cases about 1,300 of them, 34 touching a planted
    departure at all, and they flagged 60-80% of the faithful sentences. Names, numbers, hedges, negations and
    whole sentences added or left out stay, at any severity; ``Config.word_level`` keeps the notes. So are a name or
    a figure of the original that a sentence of the passage leaves out, at minor: an excerpt's sentence drops the
    town a firm is in or the year of a survey as a matter of course (on the development cases these notes flagged
    115 of 2,920 faithful sentences and no planted departure); a name or figure changed is drift and stays."""
    def note(f: Finding) -> bool:
        if f.severity is not Severity.MINOR:
            return False
        if f.kind is FindingKind.OMISSION and f.detector in ("entity", "number"):
            return True
        if f.detector == "coverage":
            return f.evidence.get("level") == "words"
        antonym = f.evidence.get("antonym")
        return f.detector == "negation" and isinstance(antonym, dict) and not f.evidence.get("converse")

    return [f for f in findings if not note(f)]
