"""Headlines credited after a dash, one per line: '"Budget: the least bad option" - Le Figaro'."""

from __future__ import annotations

from provenance.attribution.anaphora import is_description
from provenance.attribution.index import ArticleIndex
from provenance.attribution.ledger import Ledger
from provenance.attribution.patterns import CONFIDENCE, MAX_UNQUOTED_HEADLINES, headline_credit
from provenance.attribution.recognisers.structural import credits_other_outlet
from provenance.attribution.structures import Block, Candidate, Mention, same_outlet
from provenance.attribution.unknown import credited_name, says_outlet
from provenance.attribution.voice import is_commentary
from provenance.model import Span
from provenance.segment import trim_span


def recognise(ix: ArticleIndex, ledger: Ledger) -> None:
    """A headline without quotation marks counts for an outlet the registry knows or whose name says it is one,
    unless the page has many such lines (a menu of "Name – tagline" links)."""
    credits = [(b, credited_name(ix.text, b, ix.lex, quoted_only=False)) for b in ix.blocks]
    # (only tags that name an outlet count: "— our reporting", "— week 6" make no menu)
    menu = sum(name is not None and bool(ix.mentions_in(name)) for _, name in credits) >= MAX_UNQUOTED_HEADLINES
    for b, name in credits:
        head = headline_credit(ix.block_text(b)) if name is not None else None
        if head is None or name is None or ledger.is_claimed(b.span) or ix.lex.negative.search(ix.block_text(b)):
            continue  # (not a photo caption's credit: "Photo: the newsroom in Lisbon (Lusa)")
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
        summary = _summary_under(ix, ledger, b, mentions[0])
        if summary is not None:
            span = Span(span.start, summary.end)
        ledger.add(Candidate(span, "headline", mentions[0], name, CONFIDENCE["headline"]), b.span)


def _summary_under(ix: ArticleIndex, ledger: Ledger, b: Block, mention: Mention) -> Span | None:
    """The paragraph under a press review's headline that goes on reporting its outlet ("The independent daily
    says ...", "..., the news site reported."): one item with the headline. Not a paragraph that credits another
    outlet or is the reviewer's own ("Not much new here: ...")."""
    nxt = ix.next_block(ix.position(b))
    if nxt is None or nxt.kind != "paragraph" or ledger.is_claimed(nxt.span) or credits_other_outlet(ix, nxt, mention):
        return None
    unquoted = ix.outside_quotes(nxt.span)
    again = ix.lex.outlet_anaphor.search(unquoted) or any(
        same_outlet(m, mention) for m in ix.mentions_in(nxt.span))
    if not again or is_commentary(ix, nxt.span) or ix.lex.negative.search(ix.block_text(nxt)):
        return None
    return Span(*trim_span(ix.text, nxt.span.start, nxt.span.end))

