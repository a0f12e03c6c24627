"""Headlines credited after a dash, one per line: '"Budget: the least bad option" - Le Figaro'."""

from __future__ import annotations

from provenance.attribution.anaphora import is_description
from provenance.attribution.index import ArticleIndex
from provenance.attribution.ledger import Ledger
from provenance.attribution.patterns import CONFIDENCE, HEADLINE_CREDIT, MAX_UNQUOTED_HEADLINES
from provenance.attribution.structures import Candidate
from provenance.attribution.unknown import credited_name, says_outlet
from provenance.model import Span


def recognise(ix: ArticleIndex, ledger: Ledger) -> None:
    """A headline without quotation marks counts for an outlet the registry knows or whose name says it is one,
    unless the page has many such lines (a menu of "Name – tagline" links)."""
    credits = [(b, credited_name(ix.text, b, ix.lex, quoted_only=False)) for b in ix.blocks]
    # (only tags that name an outlet count: "— our reporting", "— week 6" make no menu)
    menu = sum(name is not None and bool(ix.mentions_in(name)) for _, name in credits) >= MAX_UNQUOTED_HEADLINES
    for b, name in credits:
        head = HEADLINE_CREDIT.fullmatch(ix.block_text(b)) if name is not None else None
        if head is None or name is None or ledger.is_claimed(b.span):
            continue
        quoted = head.group("head")[:1] in '"“„«'
        if menu and not quoted:
            continue  # many "Name – tagline" lines: a menu, only quoted headlines count
        mentions = [m for m in ix.mentions_in(name) if not is_description(ix.lex, m)]
        if not quoted:
            # an outlet the registry lacks counts when its name itself says outlet ("Népszava", "Kompas.com")
            mentions = [
                m
                for m in mentions
                if m.outlet is not None or says_outlet(ix.text[m.name_span.start : m.name_span.end], ix.lex.unknown)
            ]
        if not mentions:
            continue
        span = Span(b.span.start + head.start("head"), b.span.start + head.end("head"))
        ledger.add(Candidate(span, "headline", mentions[0], name, CONFIDENCE["headline"]), b.span)

