"""Credit lines: a line that only names the source ("Source: X", "— Gazeta Wyborcza, 4 April", "(El Mundo)"),
and such a line closing a block quote."""

from __future__ import annotations

import re

from provenance.attribution.index import ArticleIndex, link_mention
from provenance.attribution.patterns import MAX_ATTRIBUTION_LINE_WORDS, WORD_RE
from provenance.attribution.structures import Block, Mention
from provenance.model import Span
from provenance.segment import trim_span


def source_line(ix: ArticleIndex, b: Block) -> Mention | None:
    """``Source: X`` -> the mention of X, if X is an outlet."""
    text = ix.block_text(b)
    if len(WORD_RE.findall(text)) > MAX_ATTRIBUTION_LINE_WORDS or "\n\n" in text:
        return None
    m = ix.lex.source_line.match(text)
    if not m:
        return None
    name_span = Span(b.span.start + m.start("name"), b.span.start + m.end("name"))
    inside = ix.mentions_in(name_span)
    if inside:
        return inside[0]
    for link, outlet in ix.outlet_links(name_span):
        return link_mention(link, outlet, link.text or outlet.name)
    outlet = ix.registry.by_url(m.group("name")) if "." in m.group("name") else None
    if outlet is None:
        outlet = ix.registry.find(m.group("name"))
    if outlet is None:
        return None
    return Mention(name_span, name_span, outlet, m.group("name"), outlet.language)


def attribution_line(ix: ArticleIndex, b: Block) -> Mention | None:
    """A short line that only names the source: "— Gazeta Wyborcza, 4 April", "(El Mundo)"."""
    src = source_line(ix, b)
    if src is not None:
        return src
    text = ix.block_text(b)
    if len(WORD_RE.findall(text)) > MAX_ATTRIBUTION_LINE_WORDS or ix.lex.negative.search(text):
        return None
    candidates = ix.mentions_in(b.span)
    links = ix.outlet_links(b.span)
    if not candidates and not links:
        return None
    mention = candidates[0] if candidates else link_mention(*links[0])
    rest = (text[: mention.span.start - b.span.start] + text[mention.span.end - b.span.start :]).strip()
    # what is left is punctuation, a date or "source": the line is an attribution, not a sentence
    leftover = [w for w in WORD_RE.findall(rest) if w.lower() not in ix.lex.line_fillers]
    if len(leftover) <= 3 and not re.search(r"[.!?]\s+\w", rest):
        return mention
    # "— a bar owner in Kadıköy, quoted by X": a credit line naming the speaker and the outlet that quoted them
    before = text[: mention.span.start - b.span.start]
    if re.match(r"^\W{0,3}[-—–―]", before) and (ix.lex.quote_before.search(before) or ix.lex.cue_before.search(before)):
        return mention
    return None


def tail_attribution(ix: ArticleIndex, group: list[Block]) -> tuple[Mention, Span, Span] | None:
    """An attribution closing a block quote inside it: its last paragraph or its last line.

    Returns (mention, the attribution line, the quote without it).
    """
    last = group[-1]
    if len(group) > 1:
        line = attribution_line(ix, last)
        if line is not None:
            return line, last.span, Span(group[0].span.start, group[-2].span.end)
    cut = ix.text.rfind("\n", last.span.start, last.span.end)
    if cut > last.span.start:
        start, end = trim_span(ix.text, cut, last.span.end)
        line_block = Block.line(last.index, Span(start, end))
        line = attribution_line(ix, line_block) if end > start else None
        if line is not None:
            body_end = trim_span(ix.text, group[0].span.start, cut)[1]
            return line, line_block.span, Span(group[0].span.start, body_end)
    return None


def quote_body(ix: ArticleIndex, group: list[Block]) -> Span:
    """The quote without a closing attribution line inside it, or a closing note of the translator's."""
    tail = tail_attribution(ix, group)
    if tail:
        return tail[2]
    if len(group) > 1 and translators_note(ix, group[-1]):
        return Span(group[0].span.start, group[-2].span.end)
    return Span(group[0].span.start, group[-1].span.end)


MAX_NOTE_WORDS = 15


def translators_note(ix: ArticleIndex, b: Block) -> bool:
    """A short paragraph of its own that says who translated the text: "(Translated from Basque by our desk.)"."""
    text = ix.block_text(b).strip(" \n*_>")
    return (text[:1] in "([" and len(WORD_RE.findall(text)) <= MAX_NOTE_WORDS
            and ix.lex.translation_note.search(text) is not None)
