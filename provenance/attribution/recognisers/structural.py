"""Lead-in + block and Source lines: a sentence or line that introduces or credits the paragraphs or block
quote next to it ("From the German Bild:" over a quote, "Source: Reuters" over plain paragraphs, "(Source: X)"
under them)."""

from __future__ import annotations

import re

from provenance.attribution.anaphora import is_description
from provenance.attribution.bounds import bounded_above, is_header, is_title
from provenance.attribution.index import ArticleIndex
from provenance.attribution.leadins import leadin, starts_attribution
from provenance.attribution.ledger import Ledger
from provenance.attribution.lines import attribution_line, quote_body, source_line
from provenance.attribution.patterns import (
    CLOCK,
    CONFIDENCE,
    DATELINE,
    LABEL,
    MAX_CREDIT_WORDS,
    MAX_EXCHANGE_PARAGRAPHS,
    MAX_PLAIN_PARAGRAPHS,
    QA_LABEL,
    SPEAKER_LABEL,
    WORD_RE,
)
from provenance.attribution.structures import Block, Candidate, Mention, same_outlet, strip
from provenance.attribution.voice import is_commentary, trim_commentary
from provenance.model import Span


def recognise(ix: ArticleIndex, ledger: Ledger) -> None:
    i = 0
    while i < len(ix.blocks):
        i = _at(ix, ledger, i)


def _at(ix: ArticleIndex, ledger: Ledger, i: int) -> int:
    """Propose what block i introduces or credits; returns the next block to look at."""
    b = ix.blocks[i]
    li = leadin(ix, b) or quote_leadin(ix, ledger, b)
    if li is not None:
        return _introduced(ix, ledger, i, li[0], li[1], "leadin")
    src = source_line(ix, b) if b.kind != "blockquote" else None
    if src is None:
        return i + 1
    if credits_inline_above(ix, i, src):
        # "X is reporting that ... / Source: <link to X>": the line credits that sentence
        ledger.credits.append((src, b.span))
        ledger.claim(b.span)
        return i + 1
    prev = ix.prev_block(i)
    if prev is not None and prev.kind == "blockquote" and not ledger.is_claimed(prev.span):
        start = i - 1
        while start > 0 and ix.blocks[start - 1].kind == "blockquote":
            start -= 1
        group = ix.quote_group(start)
        span = Span(group[0].span.start, group[-1].span.end)
        conf = CONFIDENCE["source_blockquote"]
        ledger.add(Candidate(span, "blockquote", src, b.span, conf, context=[b.span]), b.span)
        return i + 1
    nxt = ix.next_block(i)
    closing = re.match(r"^\(.*\)\W*$", ix.block_text(b), re.S)  # "(Source: X)" credits what is above
    if (
        closing
        or news_above(ix, ledger, i)
        or nxt is None
        or nxt.kind in ("heading", "hr", "rule")
        or _ENTRY_TIME.match(ix.block_text(nxt)) is not None  # a live blog's next entry ("**11:00** — ...")
        or is_commentary(ix, nxt.span)
        or ledger.is_claimed(nxt.span)
        or credits_other_outlet(ix, nxt, src)  # the text below is another outlet's: the line closes the one above
    ):
        # "Source: X" closing a stretch of plain text: it credits the paragraph above, or all paragraphs up to
        # the heading above them (then both ends are known)
        above = credited_above(ix, ledger, i)
        if above:
            span = Span(above[0].span.start, above[-1].span.end)
            open_end = len(above) == 1 and not bounded_above(ix, above[0])
            conf = CONFIDENCE["source_after"]
            ledger.add(Candidate(span, "source_block", src, b.span, conf, open_end=open_end, context=[b.span]), b.span)
        return i + 1
    return _introduced(ix, ledger, i, src, b.span, "source_block")


# a live blog's entry opening on its time: what comes after a Source line above it is the next entry, not its text
_ENTRY_TIME = re.compile(rf"[\s*_#]*{CLOCK}\b")


def _introduced(ix: ArticleIndex, ledger: Ledger, i: int, mention: Mention, cue: Span, kind: str) -> int:
    """Propose the block quote or plain paragraphs that the lead-in or Source line at block i introduces."""
    b = ix.blocks[i]
    nxt = ix.next_block(i)
    if kind == "leadin" and nxt is not None and nxt.kind == "heading" and ix.text[cue.end - 1] == ".":
        # "Below are the main points as reported by X." over a sub-heading: the text starts under it
        i += 1
        nxt = ix.next_block(i)
    if nxt is None or ledger.is_claimed(nxt.span):
        return i + 1
    quoted_conf = CONFIDENCE["leadin_blockquote" if kind == "leadin" else "source_blockquote"]
    if nxt.kind == "blockquote":
        group = ix.quote_group(i + 1)
        ledger.add(Candidate(quote_body(ix, group), kind, mention, cue, quoted_conf, context=[b.span]), cue)
        return i + 1 + len(group)
    run = plain_run(ix, ledger, i + 1, mention)
    if not run:
        return i + 1
    quoted = 0
    while quoted < len(run) and ix.is_full_quote(run[quoted]):
        quoted += 1
    if quoted:
        # paragraphs in quotation marks after a lead-in: the marks say where the passage ends
        run = run[:quoted]
        span = Span(run[0].span.start, run[-1].span.end)
        ledger.add(Candidate(span, kind, mention, cue, quoted_conf, context=[b.span]), cue)
        return i + 1 + len(run)
    span = trim_commentary(ix, run)
    conf = CONFIDENCE["leadin_plain" if kind == "leadin" else "source_plain"]
    # a Source line of the same outlet right under the text closes it: the end is no guess
    under = ix.next_block(ix.position(run[-1]))
    closer = attribution_line(ix, under) if under is not None and span.end == run[-1].span.end else None
    closed = closer is not None and same_outlet(closer, mention)
    context = [b.span] + ([under.span] if closed and under is not None else [])
    ledger.add(Candidate(span, kind, mention, cue, conf, open_end=not closed, context=context), cue)
    return i + 1 + len(run)


def quote_leadin(ix: ArticleIndex, ledger: Ledger, b: Block) -> tuple[Mention, Span] | None:
    """A sentence that presents an outlet's report ("A long report in X described the scene.") before a
    paragraph that is one quotation: the marks say the paragraph is quoted, the sentence says from where."""
    nxt = ix.next_block(ix.position(b))
    if b.kind in ("blockquote", "heading") or nxt is None or nxt.kind == "blockquote":
        return None
    if not ix.is_full_quote(nxt) or ledger.is_claimed(nxt.span):
        return None
    sent = strip(ix.text, b.sentences[-1])
    s_text = ix.text[sent.start : sent.end]
    if ix.lex.negative.search(s_text) or is_commentary(ix, sent):
        return None
    for mention in reversed(ix.mentions_in(sent)):
        if ix.inline_cue(sent, mention) is not None:
            return None  # the sentence makes a claim of its own: an inline passage
        pre = ix.text[sent.start : mention.span.start]
        post = ix.text[mention.span.end : sent.end]
        # "A report in X described ...": a report word and a reporting verb ("A report by X was criticised by the
        # minister" before the minister's words is not X's text)
        presents = ix.lex.quote_intro.search(s_text) and ix.lex.verb_after.search(post)
        if presents or ix.lex.cue_after.match(post) or ix.lex.cue_before.search(pre):
            return mention, sent
    return None


def plain_run(ix: ArticleIndex, ledger: Ledger, i: int, mention: Mention | None = None) -> list[Block]:
    """Plain paragraphs from block i on that continue a lead-in: stop at commentary, headings, cues, and at a
    paragraph that opens by crediting another outlet."""
    run: list[Block] = []
    transcript = False  # the run opens on a labelled paragraph: an exchange, which only labelled ones go on
    j = i
    # an exchange's labels say where it ends: no cap on its length beyond a page's worth
    while j < len(ix.blocks) and len(run) < (MAX_EXCHANGE_PARAGRAPHS if transcript else MAX_PLAIN_PARAGRAPHS):
        b = ix.blocks[j]
        if b.kind in ("heading", "blockquote", "hr", "rule") or ledger.is_claimed(b.span):
            break
        # "Q: ...", "A: ..." go on an interview, and so do speaker labels after a labelled first paragraph ("SZ: ...",
        # "Minister: ...")
        body = ix.block_text(b)
        if ix.lex.end_marker.fullmatch(body.strip()) or (run and _subheading(body)):
            break  # "-- end of excerpt --", or a one-line "Background" over the author's own paragraphs
        qa_label = QA_LABEL.match(body) is not None
        labelled = qa_label or SPEAKER_LABEL.match(body) is not None
        if transcript and not labelled:
            break  # the exchange is over: the paragraph after it is the article's again
        qa = qa_label or (transcript and labelled)
        if run and not qa and (is_commentary(ix, b.span) or starts_attribution(ix, b)):
            break
        if run and mention is not None and credits_other_outlet(ix, b, mention):
            break
        if len(run) >= 2 and not qa and b.kind != "list" and not _still_reporting(ix, b, mention):
            break  # a lead-in's text rarely runs to a third paragraph that says nothing of the outlet
        if run and run[0].kind == "list" and b.kind != "list":
            break  # a lead-in over a list: the list is the passage
        if len(WORD_RE.findall(body)) <= MAX_CREDIT_WORDS and ix.lex.negative.search(body):
            break  # a photo caption or a "Read more" line under the text is the page's, not the outlet's
        if not run:
            transcript = qa_label or LABEL.match(body) is not None
        run.append(b)
        j += 1
    return run


def _still_reporting(ix: ArticleIndex, b: Block, mention: Mention | None) -> bool:
    """The paragraph shows it still renders the outlet: it names it again ("the paper", its name), tags a
    sentence as reported ("it added"), or opens on a quotation."""
    unquoted = ix.outside_quotes(b.span)
    if ix.lex.outlet_anaphor.search(unquoted) or ix.block_text(b).lstrip()[:1] in "\"“«„‘":
        return True
    if mention is not None and any(same_outlet(m, mention) for m in ix.mentions_in(b.span)):
        return True
    return any(ix.lex.continuation_tag.search(ix.outside_quotes(strip(ix.text, s))) for s in b.sentences)


MAX_SUBHEADING_WORDS = 4


def _subheading(body: str) -> bool:
    """A plain-text subheading: a short line of its own without closing punctuation ("Background", "What next")."""
    text = body.strip()
    short = 0 < len(WORD_RE.findall(text)) <= MAX_SUBHEADING_WORDS
    return "\n" not in text and short and not re.search(r"[.!?:;,\"”»)]$", text)


def credits_other_outlet(ix: ArticleIndex, b: Block, mention: Mention, *, by_description: bool = True) -> bool:
    """The block's first sentence credits an outlet other than ``mention``'s ("The Asahi Shimbun has
    accused ..."). With ``by_description`` off, an outlet it only describes ("The Chania daily says") is
    ``mention``'s described again, not another one."""
    return any(not same_outlet(m, mention) and (by_description or not is_description(ix.lex, m))
               for m, _ in ix.credits(strip(ix.text, b.sentences[0])))


def news_above(ix: ArticleIndex, ledger: Ledger, i: int) -> bool:
    """The paragraph right above a Source line is a whole news paragraph (a brief's lead), not a one-line
    teaser or a heading: the line credits it, as a brief's closing credit does."""
    prev = ix.prev_block(i)
    if prev is None or prev.kind != "paragraph" or ledger.is_claimed(prev.span) or not bounded_above(ix, prev):
        return False  # (a paragraph that is not the text's first may be the author's: the line credits below)
    nxt = ix.next_block(i)
    if nxt is not None and DATELINE.match(ix.block_text(nxt)):
        return False  # "Washington — ..." under the line: the credited text starts there
    return len(WORD_RE.findall(ix.block_text(prev))) >= 25 and not is_commentary(ix, prev.span)


def credited_above(ix: ArticleIndex, ledger: Ledger, i: int) -> list[Block]:
    """Plain paragraphs above a closing Source line at block i: back to a heading when one bounds them within a
    few paragraphs, else only the paragraph right above (where the text starts is unknown)."""
    run: list[Block] = []
    j = i - 1
    while j >= 0 and len(run) < MAX_PLAIN_PARAGRAPHS:
        blk = ix.blocks[j]
        if blk.kind != "paragraph" or ledger.is_claimed(blk.span) or is_title(ix, blk) or is_header(ix, blk):
            break
        if is_commentary(ix, blk.span):
            break
        if run and starts_attribution(ix, blk):
            break
        if run and next(ix.block_credits(blk), None):
            break  # a paragraph crediting an outlet of its own ("..., Monitorul de Cluj disclosed") is not its
        run.insert(0, blk)
        j -= 1
    if not run:
        return []
    if bounded_above(ix, run[0]):
        return run
    return run[-1:]


def credits_inline_above(ix: ArticleIndex, i: int, src: Mention) -> bool:
    """A sentence in the few paragraphs above attributes something to the same outlet inline."""
    for j in range(i - 1, max(-1, i - 4), -1):
        b = ix.blocks[j]
        if b.kind == "heading":
            return False
        for sent in b.sentences:
            st = strip(ix.text, sent)
            if any(same_outlet(m, src) and ix.inline_cue(st, m) for m in ix.mentions_in(st)):
                return True
    return False
