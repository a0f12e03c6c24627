"""Finding the passages of a derivative that it attributes to news outlets.

``find_passages(doc, registry)`` reads the article once into an immutable ``ArticleIndex`` (``index.py``: blocks
and sentences, quotations, links, outlet mentions from the registry and unknown outlets recognised from their
frames), then ``resolver.py`` runs one recogniser per construction (``recognisers/``) in order of priority,
structural ones first so that a cue inside a larger passage ("... told BILD." inside a translated block) does not
start a passage of its own:

1. lead-ins and Source lines (``structural``, ``source_details``, ``closing_lines``): a paragraph ending in a colon
   that names an outlet ("From the German Bild:", "Le Monde reported:") introduces the next block quote, or the
   next plain paragraphs, which run until author commentary, a heading or another attribution (``open_end``,
   because where they end is a guess); "Source: X" lines before plain paragraphs, after a block quote, or closing
   plain text (then they credit the paragraph above, with low confidence);
2. block quotes with an attribution next to them (``blockquotes``): a line "— X, 4 April" inside or after the
   quote, a link to the outlet's site, or the sentence before naming the outlet with a reporting verb;
3. a quotation followed by a credit only (``quote_credits``) and headlines credited after a dash (``headlines``);
4. inline attribution, one or more whole sentences (``inline``, with the constructions of ``cues.py``):
   "According to BILD, ...", "X reported that", ", reports X", "... told X", "citing X", "as X put it", direct
   quotes "as quoted by X" or "X quoted ... as saying" (kind ``quote``), and the sentences that go on reporting
   the same outlet;
5. the sentence(s) whose words link to an article on an outlet's site (``links``, kind ``link``); tag links,
   name-only anchors, teasers and many links into one outlet (a site linking to itself) are not.

The resolver then merges an interview's labelled questions into one passage, gives a Source line's links to the
passage it credits, and records each passage's frame (``frames.py``).

An outlet mention counts only with a cue: an outlet that is the subject of the news, a quoted politician, scare
quotes, bios and photo credits give no passage. Outlets come from the registry; a name introduced as an outlet
("the Lithuanian daily Vakaro Rytas") that the registry does not know gives ``outlet=None`` with the name as
written. Cue lexicons live in ``data/attribution.toml``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from provenance.attribution.index import ArticleIndex
from provenance.attribution.resolver import resolve
from provenance.attribution.structures import OutletRegistry
from provenance.attribution.voice import is_commentary
from provenance.model import Document, Passage, Span
from provenance.segment import ArticleSentences

__all__ = ["OutletRegistry", "Reading", "commentary", "find_passages", "format_passages", "read_article"]


@dataclass(frozen=True)
class Reading:
    """One reading of an article: the passages it credits (in document order, ids P1, P2, ...) and a test of
    whether a stretch is in the author's own voice (first person, an opinion opener, a judgement), which decides
    how far a credit carries."""

    passages: list[Passage]
    commentary: Callable[[Span], bool]


def read_article(
    doc: Document, registry: OutletRegistry, *, same_language: bool = True, sentences: ArticleSentences | None = None
) -> Reading:
    """The passages and the author's-voice test of ``doc``, from one index of the article (over ``sentences`` when
    the caller has split the article already, see ``ArticleIndex.build``).

    Passages credited to an outlet that writes in the article's own language ("CBS News reported" in an English
    article) are quotations, not translations; ``same_language=False`` leaves them out."""
    if not doc.text.strip():
        return Reading([], lambda span: False)
    ix = ArticleIndex.build(doc, registry, sentences)
    passages = resolve(ix)
    if not same_language and doc.language:
        kept = [p for p in passages if p.language != doc.language]
        passages = [replace(p, id=f"P{n}") for n, p in enumerate(kept, 1)]
    return Reading(passages, lambda span: is_commentary(ix, span))


def find_passages(doc: Document, registry: OutletRegistry, *, same_language: bool = True) -> list[Passage]:
    """The passages ``doc`` attributes to outlets, in document order, with ids P1, P2, ...; without
    ``same_language``, only those of outlets writing in another language than the article's."""
    return read_article(doc, registry, same_language=same_language).passages


def commentary(
    doc: Document, registry: OutletRegistry, sentences: ArticleSentences | None = None
) -> Callable[[Span], bool]:
    """The author's-voice test of ``doc`` alone, without finding its passages (see ``Reading``)."""
    if not doc.text.strip():
        return lambda span: False
    ix = ArticleIndex.build(doc, registry, sentences)
    return lambda span: is_commentary(ix, span)


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
