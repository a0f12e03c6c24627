"""A paragraph whose last line only credits an outlet ("...\n(Source: Corriere della Sera, translated)")."""

from __future__ import annotations

import re

from provenance.attribution.index import ArticleIndex
from provenance.attribution.ledger import Ledger
from provenance.attribution.lines import attribution_line
from provenance.attribution.patterns import CONFIDENCE
from provenance.attribution.structures import Block, Candidate, strip
from provenance.attribution.voice import is_commentary
from provenance.model import Span
from provenance.segment import trim_span


def recognise(ix: ArticleIndex, ledger: Ledger) -> None:
    text = ix.text
    for b in ix.blocks:
        if b.kind in ("blockquote", "heading") or ledger.is_claimed(b.span):
            continue
        cut = text.rfind("\n", b.span.start, b.span.end)
        if cut <= b.span.start:
            continue
        start, end = trim_span(text, cut, b.span.end)
        line = Span(start, end)
        if not re.match(r"[(—–-]", text[start:end]) and not ix.lex.source_line.match(text[start:end]):
            continue  # a bare name under a text is a photo credit more often than a text credit
        mention = attribution_line(ix, Block.line(b.index, line))
        body = strip(text, Span(b.span.start, cut))
        if mention is None or len(body) == 0 or is_commentary(ix, body):
            continue
        ledger.add(Candidate(body, "source_block", mention, line, CONFIDENCE["source_after"], context=[line]), line)
