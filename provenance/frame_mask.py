"""The article's credit inside a passage (its frame): blanked for comparison, kept for display.

The frame ("According to the Süddeutsche Zeitung,", "the paper added") is the article's, not the outlet's: the
check aligns and compares the passage with those characters blanked (offsets kept, so findings still point into
the article), shows the sentences as written, and drops what a detector still says about the frame.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from provenance.model import Finding, Passage, Sentence, Span


def without_frame(sentences: list[Sentence], frame: Sequence[Span]) -> tuple[list[Sentence], list[Sentence]]:
    """The passage's sentences as shown, and as compared: with the frame's characters blanked (offsets kept), so
    the credit ("According to the Süddeutsche Zeitung,", "the paper added") is never aligned or compared as if
    it were translation. A sentence that is all frame ("Le Monde reported:") is left out of both."""
    if not frame:
        return sentences, sentences
    shown: list[Sentence] = []
    masked: list[Sentence] = []
    for sentence in sentences:
        chars = list(sentence.text)
        for f in frame:
            for i in range(max(f.start, sentence.span.start), min(f.end, sentence.span.end)):
                chars[i - sentence.span.start] = " "
        text = "".join(chars)
        if not any(ch.isalnum() for ch in text):
            continue
        shown.append(replace(sentence, index=len(shown)))
        masked.append(replace(sentence, index=len(masked), text=text))
    return shown, masked


def unmasked(finding: Finding, passage: Passage) -> Finding:
    """A finding's derivative words as the article writes them (a stretch may run across a blanked frame)."""
    ref = finding.derivative
    if ref is None or ref.span is None or not passage.span.contains(ref.span):
        return finding
    text = passage.text[ref.span.start - passage.span.start : ref.span.end - passage.span.start]
    return replace(finding, derivative=replace(ref, text=text)) if text != ref.text else finding


def drop_frame_findings(findings: list[Finding], frame: list[Span]) -> list[Finding]:
    """Findings that point at the attribution frame ("According to the Süddeutsche Zeitung,", "the paper
    added") are about the article's credit, not the outlet's words: the outlet's own name and the reporting
    verb are never an addition, an entity or a hedge drift."""
    if not frame:
        return findings

    def in_frame(span: Span | None) -> bool:
        if span is None or not len(span):
            return False
        covered = sum(max(0, min(f.end, span.end) - max(f.start, span.start)) for f in frame)
        return 2 * covered >= len(span)

    return [f for f in findings if not in_frame(f.derivative.span if f.derivative else None)]
