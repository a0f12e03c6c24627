"""What the recognisers have found so far, and the text they have claimed.

The resolver runs the recognisers in order of priority with one ledger: a construction found by an earlier one
("... told BILD." inside a translated block) does not start a passage of its own in a later one. The ledger is
made for one article and dropped with it.
"""

from __future__ import annotations

from provenance.attribution.structures import Candidate, Mention, SpanIndex
from provenance.model import Span


class Ledger:
    def __init__(self) -> None:
        self.found: list[Candidate] = []
        self._claimed = SpanIndex[Span]()
        # Source lines crediting an inline passage above them: their links go to that passage
        self.credits: list[tuple[Mention, Span]] = []

    def is_claimed(self, span: Span) -> bool:
        return any(c.overlaps(span) for c in self._claimed.overlapping(span))

    def claim(self, *spans: Span | None) -> None:
        for span in spans:
            if span is not None:
                self._claimed.add(span, span)

    def add(self, cand: Candidate, *claim: Span) -> None:
        """Record a passage; it claims its span and the evidence spans given."""
        self.found.append(cand)
        self.claim(cand.span, *claim)

    def record(self, cand: Candidate) -> None:
        """Record a passage whose spans were claimed already."""
        self.found.append(cand)

    def last(self) -> Candidate | None:
        return self.found[-1] if self.found else None
