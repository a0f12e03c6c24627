"""A quotation followed by a credit only: '"..." (RTVE, translated from Spanish)', '"..." — NOS'."""

from __future__ import annotations

import re

from provenance.attribution.index import ArticleIndex
from provenance.attribution.ledger import Ledger
from provenance.attribution.lines import attribution_line
from provenance.attribution.patterns import CONFIDENCE, MIN_CREDITED_QUOTE_WORDS, WORD_RE
from provenance.attribution.structures import Block, Candidate
from provenance.model import Span
from provenance.segment import trim_span


def recognise(ix: ArticleIndex, ledger: Ledger) -> None:
    text = ix.text
    for q in ix.quotes:
        if ledger.is_claimed(q) or len(WORD_RE.findall(text[q.start : q.end])) < MIN_CREDITED_QUOTE_WORDS:
            continue
        tail = text[q.end : q.end + 160]
        m = re.match(r"[ \t]*\((?P<credit>[^()\n]{1,100})\)", tail) or re.match(
            r"[ \t]*[—–][ \t]*(?P<credit>[^\n]{1,100}?)[ \t]*(?:\n|$)", tail
        )
        if m is None:
            continue
        start, end = trim_span(text, q.end + m.start("credit"), q.end + m.end("credit"))
        line = attribution_line(ix, Block.line(-1, Span(start, end)))
        if line is None:
            continue
        credit = Span(q.end + m.start(), q.end + m.end())
        ledger.add(Candidate(q, "quote", line, credit, CONFIDENCE["quote"], context=[credit]), credit)
