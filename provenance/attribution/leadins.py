"""Lead-ins: a sentence or heading that introduces an outlet's text below it ("From the German Bild:",
"Le Monde reported:", "Here is how the paper describes it:", a heading "According to Le Monde")."""

from __future__ import annotations

import re

from provenance.attribution.anaphora import antecedent
from provenance.attribution.cues import introduction
from provenance.attribution.index import ArticleIndex
from provenance.attribution.lines import attribution_line, source_line
from provenance.attribution.patterns import MAX_ATTRIBUTION_LINE_WORDS, MAX_LEADIN_WORDS, OUTLET_POSSESSIVES, WORD_RE
from provenance.attribution.structures import Block, Mention, strip
from provenance.attribution.voice import is_commentary
from provenance.model import Span
from provenance.segment import trim_span


def leadin(ix: ArticleIndex, b: Block) -> tuple[Mention, Span] | None:
    """The last sentence of b ends in a colon and introduces an outlet's text."""
    lex, text = ix.lex, ix.text
    if b.kind == "blockquote":
        return None
    if b.kind == "heading" and not ix.block_text(b).rstrip().endswith(":"):
        return heading_leadin(ix, b)
    sent = b.sentences[-1]
    start, end = trim_span(text, sent.start, sent.end)
    s_text = text[start:end]
    announced = s_text.endswith(".") and bool(lex.announcement.match(s_text))
    if not s_text.endswith(":") and not announced:
        return None
    span = Span(start, end)
    found = ix.mentions_in(span)
    if lex.negative.search(s_text):
        return None
    if not found:
        return anaphoric_leadin(ix, b, span, announced=announced)
    mention = found[-1]
    # (a sentence that credits the outlet with its colon at the end introduces what follows, however long it is:
    # "X, the city's oldest daily, put it this way in Thursday's editorial:")
    if introduction(text, lex, span, mention) is None and ix.inline_cue(span, mention) != "inline_colon":
        return None
    return antecedent(ix, mention), span  # "The Paris daily laid out why:" under Le Monde's credit is Le Monde


def heading_leadin(ix: ArticleIndex, b: Block) -> tuple[Mention, Span] | None:
    """A heading over the outlet's text: "From Le Monde (translated)", "Bild reports", "According to Le Monde".

    A heading that only names the outlet ("How Der Spiegel broke the story") is about it, not its text."""
    lex = ix.lex
    text = ix.block_text(b)
    found = ix.mentions_in(b.span)
    if not found or len(WORD_RE.findall(text)) > MAX_ATTRIBUTION_LINE_WORDS + 2 or lex.negative.search(text):
        return None
    mention = found[-1]
    after = ix.text[mention.span.end : b.span.end]
    before = ix.text[b.span.start : mention.span.start]
    if (
        lex.translation_note.search(text)
        or lex.leadin_opener.match(text)
        or lex.cue_after.match(after)
        or lex.cue_before.search(before)
    ):
        return mention, b.span
    # a press review's "Country: Outlet" heading over what the outlet printed
    if not after.strip(" *_#:.") and re.fullmatch(r"\W*(?:[A-ZÀ-Þ][\w'’ -]{1,30}:\s*)?", before):
        return mention, b.span
    return None


MAX_EXCERPT_WORDS = 6  # "The key passage, in our translation:" names a part; a longer sentence says more


def anaphoric_leadin(ix: ArticleIndex, b: Block, span: Span, *, announced: bool = False) -> tuple[Mention, Span] | None:
    """ "X has seen the draft. Here is how the paper describes it:" - the colon sentence names X as "the paper".

    An announcement ("The following is a translation of its central section.") may name it as "its"."""
    lex = ix.lex
    s_text = ix.text[span.start : span.end]
    anaphor = lex.anaphor.search(s_text)
    if len(WORD_RE.findall(s_text)) > MAX_LEADIN_WORDS:
        return document_leadin(ix, b, span)
    earlier = ix.mentions_in(Span(b.span.start, span.start))
    prev = ix.prev_block(ix.position(b))
    if not earlier and span.start == b.span.start and prev is not None and prev.kind == "paragraph":
        # a paragraph of its own naming the outlet credited in the paragraph above again, by kind or description
        # ("... La Voix du Nord reported." / "The regional daily laid out why the calendar has slipped:")
        anaphor = anaphor or lex.outlet_anaphor.search(s_text)
        earlier = [] if anaphor is None else [m for m, _cue in ix.block_credits(prev)]
    if not earlier:
        return document_leadin(ix, b, span)
    mention = earlier[-1]
    if announced and (re.search(rf"\b(?:{OUTLET_POSSESSIVES})\b", s_text, re.I) or lex.translation_note.search(s_text)):
        return mention, Span(b.span.start, span.end)
    if anaphor is None:
        # "In a long interview with X, she set out her position. The key exchanges, in our translation:" - a colon
        # sentence that presents a translation or an excerpt, after a sentence of its paragraph that credits X
        presents = lex.translation_note.search(s_text) or announced or (lex.leadin_opener.match(s_text)
                                                                        and not is_commentary(ix, span))
        # "X published an interview with the mayor. The key passage:" over a block quote: a few words naming a part
        # of the text (a printed exchange under such words is the interview recogniser's)
        presents = presents or (len(WORD_RE.findall(s_text)) <= MAX_EXCERPT_WORDS and lex.excerpt_noun.search(s_text)
                                and _over_block_quote(ix, b) and not is_commentary(ix, span))
        # ... or a sentence that says the outlet interviewed someone ("The mayor spoke to X about ... Below are
        # excerpts from the interview.")
        if presents and any(ix.inline_cue(st, mention) or (announced and lex.interview.search(ix.text[st.start:st.end]))
                            for st in (strip(ix.text, x) for x in b.sentences) if st.contains(mention.span)):
            return mention, Span(b.span.start, span.end)
        return None
    after = s_text[anaphor.end() : -1]
    if not lex.cue_after.match(after) and not lex.outlet_action.match(after) and (
        not lex.leadin_opener.match(s_text) or is_commentary(ix, span)  # "Here is what I think of the paper:"
    ):
        return None
    return mention, span


def _over_block_quote(ix: ArticleIndex, b: Block) -> bool:
    nxt = ix.next_block(ix.position(b))
    return nxt is not None and nxt.kind == "blockquote"


def document_leadin(ix: ArticleIndex, b: Block, span: Span) -> tuple[Mention, Span] | None:
    """ "... according to a memo published by X." then "The memo, dated 4 May, reads in part:" - the colon
    sentence names the document the paragraph above credits to X, by the same noun."""
    lex = ix.lex
    s_text = ix.text[span.start : span.end]
    if span.start != b.span.start or len(WORD_RE.findall(s_text)) > 2 * MAX_LEADIN_WORDS:
        return None
    m = re.match(r"^\W*the\s+(?:[\w-]+\s+)?(?P<noun>[\w-]+)\b", s_text, re.I)
    nouns = {n.lower() for n in lex.raw["cues"].get("seen_nouns", []) + lex.raw["cues"]["report_nouns"]}
    if m is None or m.group("noun").lower() not in nouns or is_commentary(ix, span):
        return None
    noun = m.group("noun").lower().rstrip("s")
    prev = ix.prev_block(ix.position(b))
    if prev is None or prev.kind != "paragraph":
        return None
    for sent in reversed(prev.sentences):
        st = strip(ix.text, sent)
        if not re.search(rf"\b{re.escape(noun)}s?\b", ix.text[st.start : st.end], re.I):
            continue
        for mention in ix.mentions_in(st):
            if ix.inline_cue(st, mention) is not None:
                return mention, span
    return None


def starts_attribution(ix: ArticleIndex, b: Block) -> bool:
    """The block opens an outlet's text or credits one: a lead-in, a Source line or a credit line."""
    return bool(leadin(ix, b) or source_line(ix, b) or attribution_line(ix, b))
