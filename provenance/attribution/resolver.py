"""The resolver: runs the recognisers in order of priority over one ledger, settles what they propose (an
interview's questions and answers merged into one passage, a Source line's links given to the passage it
credits) and turns the candidates into ``Passage`` records with their frames.

Structural constructions come first, so that a cue inside a larger passage ("... told BILD." inside a translated
block) does not start a passage of its own; links come last, because a link inside a passage found otherwise
belongs to that passage.
"""

from __future__ import annotations

from collections.abc import Callable

import provenance.attribution.recognisers as rec
from provenance.attribution.anaphora import kinds_agree, unnamed
from provenance.attribution.bounds import is_header, is_title
from provenance.attribution.frames import frame_spans
from provenance.attribution.index import ArticleIndex
from provenance.attribution.ledger import Ledger
from provenance.attribution.patterns import UNKNOWN_OUTLET_FACTOR, WORD_RE
from provenance.attribution.structures import Block, Candidate, goes_on_with, same_outlet, strip
from provenance.attribution.voice import is_commentary
from provenance.model import Link, Passage, Span

Recogniser = Callable[[ArticleIndex, Ledger], None]

# in order of priority: each sees what the ones before it claimed
RECOGNISERS: tuple[tuple[str, Recogniser], ...] = (
    ("source line over a Details label", rec.source_details.recognise),
    ("lead-in or Source line + block", rec.structural.recognise),
    ("closing credit line", rec.closing_lines.recognise),
    ("credited block quote", rec.blockquotes.recognise),
    ("quotation + credit", rec.quote_credits.recognise),
    ("headline credit", rec.headlines.recognise),
    ("inline frame", rec.inline.recognise),
)


def resolve(ix: ArticleIndex) -> list[Passage]:
    """The passages of the indexed article, in document order, with ids P1, P2, ..."""
    ledger = Ledger()
    for _name, recognise in RECOGNISERS:
        recognise(ix, ledger)
    ledger.found = merge_adjacent(ix, merge_interview(ix, ledger.found))
    attach_credits(ledger)
    rec.links.recognise(ix, ledger)
    return [to_passage(ix, n, cand) for n, cand in enumerate(sorted(ledger.found, key=lambda c: c.span.start), 1)]


def merge_interview(ix: ArticleIndex, found: list[Candidate]) -> list[Candidate]:
    """An interview printed with the outlet as the questioner ("Kleine Zeitung: Why ...?" / "Mayor: ...") is one
    passage, labels included, not one lead-in per question."""
    merged: list[Candidate] = []
    for cand in sorted(found, key=lambda c: c.span.start):
        prev = merged[-1] if merged else None
        if (
            cand.kind == "leadin"
            and cand.cue is not None
            and prev is not None
            and prev.kind == "leadin"
            and prev.cue is not None
            and same_outlet(prev.mention, cand.mention)
            and is_label(ix, cand)
            and is_label(ix, prev)
            and not ix.text[prev.span.end : cand.cue.start].strip()
        ):
            # the labels are part of the printed interview
            prev.span = Span(min(prev.span.start, prev.cue.start), cand.span.end)
            continue
        merged.append(cand)
    return merged


# sentences between two passages of one outlet that may still render it ("Het Financieele Dagblad obtained ...
# [one sentence] ... the FD reported")
MAX_GAP_SENTENCES = 1


def merge_adjacent(ix: ArticleIndex, found: list[Candidate]) -> list[Candidate]:
    """Two sentence passages of one outlet in one paragraph, with at most one sentence between them, are one
    passage: the outlet credited again ("..., the FD reported") goes on with the same report. Not across another
    outlet's words or the author's own voice."""
    merged: list[Candidate] = []
    for cand in sorted(found, key=lambda c: c.span.start):
        prev = merged[-1] if merged else None
        if prev is not None and _continues(ix, prev, cand):
            prev.span = Span(prev.span.start, max(prev.span.end, cand.span.end))
            prev.open_end = cand.open_end
            if prev.mention.outlet is None and cand.mention.outlet is not None:
                prev.mention = cand.mention  # "JN reported ... / The Jornal de Notícias said": the registered name
            continue
        if prev is not None and _leads_into(ix, prev, cand):
            # "X claimed that ... The paper wrote: / > ...": the sentences, their lead-in and the text it
            # introduces are one rendering of the outlet
            prev.span = Span(prev.span.start, max(prev.span.end, cand.span.end))
            prev.open_end = cand.open_end
            continue
        if prev is not None and _named_after_description(ix, prev, cand):
            # "..., a Busan-based daily reported. / Around 70 operators will retire, the Busan Ilbo said": the
            # outlet described first and named next is one outlet with one report
            prev.span = Span(prev.span.start, max(prev.span.end, cand.span.end))
            prev.mention, prev.open_end = cand.mention, cand.open_end
            continue
        merged.append(cand)
    return merged


def _continues(ix: ArticleIndex, prev: Candidate, cand: Candidate) -> bool:
    if prev.kind not in _SENTENCE_KINDS | _INTRODUCED_KINDS or cand.kind not in _SENTENCE_KINDS:
        return False
    if cand.span.start < prev.span.end or not goes_on_with(prev.mention, cand.mention):
        return False
    gap = Span(prev.span.end, cand.span.start)
    above = ix.block_at(Span(prev.span.end - 1, prev.span.end))
    if prev.kind in _INTRODUCED_KINDS:
        # "X reported: / > ... / The paper also said ...": the text under a lead-in goes on in the next paragraph
        return ix.next_block(ix.position(above)) is ix.block_at(cand.span) and _next_paragraph(ix, above, prev, cand)
    if above is not ix.block_at(cand.span):
        return _next_paragraph(ix, above, prev, cand)
    bodies = ((s, strip(ix.text, s)) for s in ix.sentences_in(gap))
    between = [s for s, body in bodies if gap.contains(body) and len(body)]
    if len(between) > MAX_GAP_SENTENCES:
        return False
    return all(not ix.mentions_in(s) and not is_commentary(ix, s) for s in between)


def _leads_into(ix: ArticleIndex, prev: Candidate, cand: Candidate) -> bool:
    """``cand`` is the text a lead-in introduces ("The paper wrote:") and the lead-in follows ``prev``'s sentences in
    their paragraph, crediting the same outlet."""
    if prev.kind not in _SENTENCE_KINDS or cand.kind not in ("leadin", "blockquote") or cand.cue is None:
        return False
    cue = cand.cue
    return (
        prev.span.start < cue.start
        and prev.span.end <= cue.end  # (the sentences may run on over the lead-in itself)
        and cand.span.start >= cue.end
        and not ix.text[prev.span.end : cue.start].strip(" \t")
        and ix.text[cue.start : cue.end].rstrip().endswith(":")
        and ix.block_at(cue) is ix.block_at(Span(prev.span.end - 1, prev.span.end))
        and same_outlet(prev.mention, cand.mention)
    )


def _next_paragraph(ix: ArticleIndex, above: Block | None, prev: Candidate, cand: Candidate) -> bool:
    """``prev`` runs to the end of its paragraph (``above``) and ``cand`` starts the next one: one outlet's report
    over two paragraphs, nothing of the author's between them. A title or a headline over the text stands alone."""
    if above is None or above.kind not in ("paragraph", "blockquote") or is_title(ix, above) or is_header(ix, above):
        return False
    return not ix.text[prev.span.end : cand.span.start].strip()


def _named_after_description(ix: ArticleIndex, prev: Candidate, cand: Candidate) -> bool:
    """``prev`` credits an outlet only by what it is ("a Busan-based daily"), ``cand`` right after it (in the same
    paragraph or the next) credits one by name, with nothing but a paragraph break between them."""
    if prev.kind not in _SENTENCE_KINDS or cand.kind not in _SENTENCE_KINDS or cand.span.start < prev.span.end:
        return False
    if ix.text[prev.span.end : cand.span.start].strip():
        return False
    return (unnamed(ix.lex, prev.mention) and not unnamed(ix.lex, cand.mention)
            and not same_outlet(prev.mention, cand.mention) and kinds_agree(ix.lex, prev.mention, cand.mention))


_SENTENCE_KINDS = frozenset({"inline", "quote"})
# passages a lead-in or a headline opens: the outlet's text may go on in the next paragraph
_INTRODUCED_KINDS = frozenset({"leadin", "blockquote", "headline"})


def is_label(ix: ArticleIndex, cand: Candidate) -> bool:
    """The candidate's cue is only the outlet's name and a colon at the start of its block ("SPIEGEL: ")."""
    cue = cand.cue
    if cue is None:
        return False
    b = ix.block_at(cue)
    words = WORD_RE.findall(ix.text[cue.start : cue.end])
    line_start = cue.start == b.span.start or ix.text[cue.start - 1] == "\n"
    return (
        line_start
        and ix.text[cue.start : cue.end].rstrip().endswith(":")
        and (len(words) <= len(WORD_RE.findall(cand.mention.written)) + 1)
    )


def attach_credits(ledger: Ledger) -> None:
    """Links of a Source line go to the nearest passage above it from the same outlet."""
    for mention, line in ledger.credits:
        above = [c for c in ledger.found if c.span.end <= line.start and same_outlet(c.mention, mention)]
        if above:
            max(above, key=lambda c: c.span.end).context.append(line)


def to_passage(ix: ArticleIndex, n: int, cand: Candidate) -> Passage:
    m = cand.mention
    urls: list[str] = []
    near: list[Link] = []
    for area in (cand.span, *cand.context, *([cand.cue] if cand.cue else [])):
        near.extend(ix.link_index.overlapping(area))
    for link in sorted(near, key=lambda lk: lk.span.start):
        if _near(cand, link.span) and link.href not in urls:
            urls.append(link.href)
    confidence = cand.confidence * (1.0 if m.outlet else UNKNOWN_OUTLET_FACTOR)
    cue_span = cand.cue
    cue_text = ix.text[cue_span.start : cue_span.end].strip() if cue_span else ""
    if cand.kind in ("inline", "quote") and cue_span is not None:
        cue_span, cue_text = ix.cue_phrase(cand.span, m)
    return Passage(
        id=f"P{n}",
        text=ix.text[cand.span.start : cand.span.end],
        span=cand.span,
        kind=cand.kind,
        outlet=m.outlet,
        outlet_name=m.written.strip(),
        language=m.language,
        cue=cue_text,
        cue_span=cue_span,
        confidence=round(confidence, 3),
        urls=urls,
        open_end=cand.open_end,
        frame=frame_spans(ix, cand, cue_span),
    )


def _near(cand: Candidate, span: Span) -> bool:
    spans = [cand.span, *cand.context] + ([cand.cue] if cand.cue else [])
    return any(s.overlaps(span) or s.contains(span) for s in spans)
