"""Block quotes with an attribution next to them: a credit line closing the quote or right under it, a link to
the outlet's site inside it, or the sentence before it naming the outlet with a reporting verb."""

from __future__ import annotations

from provenance.attribution.index import ArticleIndex, link_mention
from provenance.attribution.ledger import Ledger
from provenance.attribution.lines import attribution_line, quote_body, tail_attribution
from provenance.attribution.patterns import CONFIDENCE
from provenance.attribution.structures import Block, Candidate, Mention, strip
from provenance.model import Span


def recognise(ix: ArticleIndex, ledger: Ledger) -> None:
    i = 0
    while i < len(ix.blocks):
        if ix.blocks[i].kind != "blockquote":
            i += 1
            continue
        group = ix.quote_group(i)
        span = Span(group[0].span.start, group[-1].span.end)
        i += len(group)
        if ledger.is_claimed(span):
            continue
        found = attribution(ix, ledger, group)
        if found is None:
            continue
        mention, cue, how, context = found
        body = quote_body(ix, group)
        if how == "blockquote_back":
            body = Span(body.start, cue.end)  # the sentence crediting the quote above is part of the passage
        ledger.add(Candidate(body, "blockquote", mention, cue, CONFIDENCE[how], context=context), cue)


def attribution(ix: ArticleIndex, ledger: Ledger, group: list[Block]) -> tuple[Mention, Span, str, list[Span]] | None:
    """The quote's outlet, the evidence, how it was found (a ``CONFIDENCE`` key) and spans whose links count."""
    last = group[-1]
    tail = tail_attribution(ix, group)
    if tail is not None:
        return tail[0], tail[1], "blockquote_line", [tail[1]]
    after = ix.next_block(ix.position(last))
    if after is not None and after.kind != "blockquote" and not ledger.is_claimed(after.span):
        line = attribution_line(ix, after)
        if line is not None:
            return line, after.span, "blockquote_line", [after.span]
        back = back_reference(ix, after)
        if back is not None:
            return back[0], back[1], "blockquote_back", [back[1]]
    links = ix.outlet_links(Span(group[0].span.start, last.span.end))
    if links:
        link, outlet = links[-1]
        return link_mention(link, outlet), link.span, "blockquote_link", []
    before = ix.prev_block(ix.position(group[0]))
    if before is None or before.kind == "blockquote" or ledger.is_claimed(before.span):
        return None
    sent = before.sentences[-1]
    s_text = ix.text[sent.start : sent.end]
    if ix.lex.negative.search(s_text):
        return None
    for mention in reversed(ix.mentions_in(sent)):
        after_text = ix.text[mention.span.end : sent.end]
        pre = ix.text[sent.start : mention.span.start]
        if (
            s_text.rstrip().endswith(":")
            or ix.lex.cue_after.match(after_text)
            or ix.lex.cue_before.search(pre)
            or ix.lex.quote_intro.search(s_text)
        ):
            return mention, sent, "blockquote_before", [sent]
    for link, outlet in ix.outlet_links(sent):
        return link_mention(link, outlet), sent, "blockquote_before", [sent]
    return None


def back_reference(ix: ArticleIndex, after: Block) -> tuple[Mention, Span] | None:
    """The paragraph under a block quote opens by crediting it: "That is how X, the city's daily, summed up the
    plan." (the outlet and that sentence)."""
    if after.kind != "paragraph" or not after.sentences:
        return None
    first = strip(ix.text, after.sentences[0])
    if not ix.lex.quote_back_reference.match(ix.text[first.start : first.end]):
        return None
    found = ix.mentions_in(first)
    return (found[0], first) if found else None
