"""A "Source: X" line heading its own block over the text under a "Details:" label ("Source: Onet.pl" /
"Details: The ministry has asked ..."), as English editions of some outlets print their news."""

from __future__ import annotations

from provenance.attribution.index import ArticleIndex
from provenance.attribution.ledger import Ledger
from provenance.attribution.patterns import CONFIDENCE, DETAILS_LABEL
from provenance.attribution.structures import Candidate
from provenance.model import Span
from provenance.segment import trim_span


def recognise(ix: ArticleIndex, ledger: Ledger) -> None:
    for b in ix.blocks:
        lines = ix.block_text(b).split("\n")
        offset = 0
        for i, line in enumerate(lines[:-1]):  # ("16:50" may stand above it in a live blog)
            if ix.lex.source_line.match(line) and DETAILS_LABEL.match(lines[i + 1]):
                break
            offset += len(line) + 1
        else:
            continue
        first, rest = lines[i], "\n".join(lines[i + 1 :])
        label = DETAILS_LABEL.match(rest)
        assert label is not None
        head = Span(b.span.start + offset, b.span.start + offset + len(first))
        mentions = ix.mentions_in(head)
        if not mentions:
            continue
        start = head.end + 1 + label.end()
        span = Span(*trim_span(ix.text, start, b.span.end))
        ledger.add(Candidate(span, "source_block", mentions[0], head, CONFIDENCE["source_plain"]), head)
