"""Where an article's own text starts: headings, a title line, a dateline or byline block above a paragraph."""

from __future__ import annotations

import re

from provenance.attribution.index import ArticleIndex
from provenance.attribution.patterns import HEADER_LINE, MAX_HEADER_WORDS, WORD_RE
from provenance.attribution.structures import Block


def under_heading(ix: ArticleIndex, b: Block) -> bool:
    prev = ix.prev_block(ix.position(b))
    return prev is not None and prev.kind == "heading"


def bounded_above(ix: ArticleIndex, b: Block) -> bool:
    """Nothing but a heading or the document's title line is above b: a text credited below starts at b."""
    if under_heading(ix, b):
        return True
    # (a first paragraph of its own may be the author's introduction: no bound)
    if ix.position(b) == 1 and is_title(ix, ix.blocks[0]):
        return True
    above = ix.prev_block(ix.position(b))
    return above is not None and is_header(ix, above)


def is_header(ix: ArticleIndex, b: Block) -> bool:
    """A dateline or byline block above the text ("Brief | 12 February 2025", "By Anna Kim")."""
    text = ix.block_text(b).strip().strip("*_")
    if "\n" in text or len(WORD_RE.findall(text)) > MAX_HEADER_WORDS or text.endswith("."):
        return False
    return bool(HEADER_LINE.fullmatch(text))


def is_title(ix: ArticleIndex, b: Block) -> bool:
    """The document's first block is one short line without closing punctuation (a plain-text title)."""
    text = ix.block_text(b).strip()
    return (
        ix.position(b) == 0
        and "\n" not in text
        and len(WORD_RE.findall(text)) <= 15
        and not re.search(r"[.!?:;]$", text)
    )
