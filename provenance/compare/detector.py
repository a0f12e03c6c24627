"""The detector contract and the engine that runs detectors on one bead.

A detector (sacrebleu's ``Metric`` is the model: a base class naming what a plug-in declares and implements) has a
name, says what it needs (the modes it works in, the embedder of thorough mode, both sides of the bead) and returns
a ``Detection``: its findings and the derivative tokens they explain. It never changes the context. The engine,
``run``, is the one place that applies the claims: a detector sees the tokens claimed by the kept findings of the
detectors before it (``PairContext.claimed``), a finding below the confidence threshold is dropped and claims
nothing. The order is data: ``compare.DETECTORS``, each place with its reason.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from typing import ClassVar, Literal

from provenance.compare.base import Detection, PairContext
from provenance.model import Finding

Mode = Literal["A", "B"]  # A: with a known translation of the original; B: without one
BOTH: frozenset[Mode] = frozenset({"A", "B"})


class Detector(ABC):
    """One check of a bead. A subclass names itself, declares its needs and implements ``find``."""

    name: ClassVar[str]
    modes: ClassVar[frozenset[Mode]] = BOTH
    # needs the sentence embedder, which only thorough mode hands over (``PairContext.embedder``)
    thorough_only: ClassVar[bool] = False
    # also runs on a bead with one side empty (a sentence with no counterpart); the others need both sides
    one_sided: ClassVar[bool] = False

    @abstractmethod
    def find(self, ctx: PairContext) -> Detection:
        """The findings on this bead and the derivative tokens they claim. ``ctx.claimed`` is read-only and holds
        the claims of the detectors before this one: its own apply once it has returned."""

    def wanted(self, ctx: PairContext, found: Sequence[Finding]) -> bool:
        """Whether to run, given the findings the detectors before it kept on this bead (default: always)."""
        return True

    def applies(self, ctx: PairContext, found: Sequence[Finding]) -> bool:
        """The declared needs, then ``wanted``."""
        if ctx.mode not in self.modes or (self.thorough_only and ctx.embedder is None):
            return False
        if not self.one_sided and (not ctx.der.tokens or not ctx.src.tokens):
            return False
        return self.wanted(ctx, found)


def run(ctx: PairContext, detectors: Iterable[Detector], threshold: float) -> list[Finding]:
    """Every detector in order on one bead: the kept findings (confidence at least ``threshold``), in that order.

    Claims accumulate here and only here: each detector sees in ``ctx.claimed`` the tokens of the findings kept
    before it."""
    claimed: frozenset[int] = frozenset()
    found: list[Finding] = []
    for detector in detectors:
        ctx.claimed = claimed
        if not detector.applies(ctx, found):
            continue
        detection = detector.find(ctx)
        kept = [f for f in detection.findings if f.confidence >= threshold]
        claimed |= _kept_claims(ctx, detection, kept)
        found.extend(kept)
    ctx.claimed = claimed
    return found


def _kept_claims(ctx: PairContext, detection: Detection, kept: list[Finding]) -> frozenset[int]:
    """The detection's claims, less those of findings too weak to report: when the threshold drops a finding, only
    the claimed tokens inside a kept finding's words stay claimed (a weak finding must not hide its words from the
    detectors after it)."""
    if len(kept) == len(detection.findings):
        return detection.claims
    spans = [(f.derivative.span.start, f.derivative.span.end) for f in kept
             if f.derivative is not None and f.derivative.span is not None]
    return frozenset(i for i in detection.claims if any(a <= ctx.der.tokens[i].start < b for a, b in spans))
