"""What each format's parser hands to the reader: text with offsets, its blocks, its links, its title."""

from __future__ import annotations

from dataclasses import dataclass, field

from provenance.documents.offsets import Mapped

#: HTML elements that start a new block (also when they appear inside Markdown)
BLOCK_TAGS = frozenset(
    "p div section article main blockquote h1 h2 h3 h4 h5 h6 li ul ol dl dt dd pre table thead tbody tfoot tr "  # noqa: SIM905
    "td th figure figcaption address hr body center details summary caption fieldset legend".split()
)


@dataclass(frozen=True)
class Block:
    start: int  # input offset of its first character
    kind: str


@dataclass(frozen=True)
class RawLink:
    href: str
    start: int  # input offsets of the link text
    end: int


@dataclass
class Parsed:
    """One parser's result, before normalisation: ``mapped`` maps every char to the decoded input."""

    mapped: Mapped
    blocks: list[Block] = field(default_factory=list)
    links: list[RawLink] = field(default_factory=list)
    title: str | None = None
