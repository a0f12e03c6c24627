"""Finding the passages of a derivative that it attributes to news outlets.

``find_passages(doc, registry)`` looks for five patterns, structural ones first so that a cue
inside a larger passage ("... told BILD." inside a translated block) does not start a passage
of its own:

1. lead-ins: a paragraph ending in a colon that names an outlet ("From the German Bild:",
   "Le Monde reported:") introduces the next block quote, or the next plain paragraphs; plain
   paragraphs run until author commentary, a heading or another attribution, and the passage is
   ``open_end`` because where it ends is a guess; "From Bild: ..." inside one paragraph takes the
   rest of that paragraph;
2. "Source: X" lines, before plain paragraphs (``source_block``), after a block quote, or closing
   plain text (then they credit the paragraph above, with low confidence);
3. block quotes with an attribution next to them (a line "— X, 4 April" inside or after the quote,
   a link to the outlet's site, or the sentence before naming the outlet with a reporting verb);
4. inline attribution, one or more whole sentences: "According to BILD, ...", "X reported that",
   ", reports X", "... told X", "citing X", "as X put it", direct quotes "as quoted by X" or
   "X quoted ... as saying" (kind ``quote``);
5. the sentence(s) whose words link to an article on an outlet's site (kind ``link``); tag links,
   name-only anchors, teasers and many links into one outlet (a site linking to itself) are not.

An outlet mention counts only with a cue: an outlet that is the subject of the news, a quoted
politician, scare quotes, bios and photo credits give no passage. Outlets come from the registry;
a name introduced as an outlet ("the Lithuanian daily Vakaro Rytas") that the registry does not
know gives ``outlet=None`` with the name as written. Cue lexicons live in ``data/attribution.toml``.
"""

from __future__ import annotations

from collections.abc import Sequence

from provenance.attribution.finder import Finder
from provenance.attribution.structures import OutletRegistry
from provenance.model import Document, Passage

__all__ = ["OutletRegistry", "find_passages", "format_passages"]


def find_passages(doc: Document, registry: OutletRegistry) -> list[Passage]:
    """The passages ``doc`` attributes to outlets, in document order, with ids P1, P2, ..."""
    if not doc.text.strip():
        return []
    return Finder(doc, registry).passages()


def format_passages(passages: Sequence[Passage], *, width: int = 100) -> str:
    """Plain-text listing of passages for the terminal (the ``provenance passages`` command)."""
    import textwrap

    if not passages:
        return "no attributed passages found"
    blocks = []
    for p in passages:
        outlet = f"{p.outlet.name} [{p.outlet.id}]" if p.outlet else f"{p.outlet_name} [not in registry]"
        head = (
            f"{p.id}  {p.kind}  {outlet}  language={p.language or '?'}  confidence={p.confidence:.2f}"
            f"{'  open_end' if p.open_end else ''}"
        )
        cue = " ".join(p.cue.split()) or "-"
        lines = [head, f"  cue: {cue}", f"  span: {p.span.start}-{p.span.end}"]
        lines += [f"  url: {u}" for u in p.urls]
        for para in p.text.split("\n\n"):
            lines += textwrap.wrap(" ".join(para.split()), width=width, initial_indent="  | ", subsequent_indent="  | ")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)
