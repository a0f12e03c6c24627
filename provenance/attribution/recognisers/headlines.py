"""Headlines credited after a dash, one per line: '"Budget: the least bad option" - Le Figaro'."""

from __future__ import annotations

import re

from provenance.attribution.anaphora import is_description
from provenance.attribution.index import ArticleIndex
from provenance.attribution.ledger import Ledger
from provenance.attribution.patterns import CONFIDENCE, MAX_UNQUOTED_HEADLINES, headline_credit
from provenance.attribution.recognisers.structural import credits_other_outlet
from provenance.attribution.structures import Block, Candidate, Mention, same_outlet
from provenance.attribution.unknown import (
    credited_name,
    english_masthead,
    labelled_english,
    plainly_not_an_outlet,
    says_outlet,
)
from provenance.attribution.vocabulary import either, words
from provenance.attribution.voice import is_commentary
from provenance.model import Span
from provenance.segment import trim_span


def recognise(ix: ArticleIndex, ledger: Ledger) -> None:
    """A headline without quotation marks counts for an outlet the registry knows or whose name says it is one,
    unless the page has many such lines (a menu of "Name – tagline" links)."""
    credits = [(b, credited_name(ix.text, b, ix.lex, quoted_only=False)) for b in ix.blocks]
    # (only tags that name an outlet count: "— our reporting", "— week 6" make no menu)
    menu = sum(name is not None and bool(ix.mentions_in(name)) for _, name in credits) >= MAX_UNQUOTED_HEADLINES
    press = _press_list(ix, credits)
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
        if not mentions and b in press and not ix.mentions_in(name):
            mentions = _listed_outlet(ix, name)
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


_BULLET = re.compile(r"[*•–-]\s")  # a list item in plain text: "* Da Nang to turn ... (Bao Da Nang)"
_PRESS = re.compile(rf"\b(?:{either(words('layout.press_words'))})\b", re.I)


def _press_list(ix: ArticleIndex, credits: list[tuple[Block, Span | None]]) -> set[Block]:
    """The list items of a press review's headline list ("- Cluj airport to add night flights (Monitorul de
    Cluj)"): two or more items credited to a name, one of them an outlet the registry knows or whose name says so,
    or a heading or paragraph above the first that speaks of the press ("Front pages", "Local media")."""
    items = [(b, name) for b, name in credits
             if name is not None and (b.kind == "list" or _BULLET.match(ix.block_text(b)))]
    if len(items) < 2:
        return set()
    known = any(m.outlet is not None or says_outlet(ix.text[m.name_span.start : m.name_span.end], ix.lex.unknown)
                for _, name in items for m in ix.mentions_in(name))  # type: ignore[arg-type]
    first = ix.position(items[0][0])
    above = [ix.block_text(b) for b in ix.blocks[max(0, first - 3) : first] if b.kind in ("heading", "paragraph")]
    if not known and not any(_PRESS.search(t) for t in above):
        return set()
    return {b for b, _ in items}


def _listed_outlet(ix: ArticleIndex, name: Span) -> list[Mention]:
    """The name crediting an item of a press list, as an outlet the registry lacks: a name (not "our own
    reporting"), not a body ("Office for Kosovo and Metohija"), a person or an English-language site ("Romania
    Insider", "The Local (English)")."""
    written = ix.text[name.start : name.end]
    if (not written[:1].isupper() or labelled_english(written) or plainly_not_an_outlet(written, ix.text, name, ix.lex)
            or english_masthead(written, ix.lex)):
        return []
    return [Mention(name, name, None, written, None)]
