"""A small in-test outlet registry and a document builder, shared by the attribution tests."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from provenance.model import Document, Link, Outlet, Paragraph, Passage, Span


class TinyRegistry:
    """The three registry methods attribution uses, over a handful of outlets."""

    def __init__(self, outlets: list[Outlet]) -> None:
        self.outlets = outlets
        names = sorted(((n, o) for o in outlets for n in (o.name, *o.aliases)), key=lambda x: -len(x[0]))
        self._names = names
        self._rx = re.compile(r"(?<!\w)(" + "|".join(re.escape(n) for n, _ in names) + r")(?!\w)", re.I)

    def find(self, name: str) -> Outlet | None:
        low = name.strip().lower()
        return next((o for n, o in self._names if n.lower() == low), None) or next(
            (o for n, o in self._names if re.search(rf"(?<!\w){re.escape(n.lower())}(?!\w)", low)), None
        )

    def by_url(self, url: str) -> Outlet | None:
        host = (urlsplit(url).hostname or "").lower()
        return next((o for o in self.outlets for d in o.domains if host == d or host.endswith("." + d)), None)

    def mentions(self, text: str) -> list[tuple[Span, Outlet]]:
        out = []
        for m in self._rx.finditer(text):
            outlet = self.find(m.group(0))
            assert outlet is not None
            out.append((Span(m.start(), m.end()), outlet))
        return out


REGISTRY = TinyRegistry(
    [
        Outlet("bild", "Bild", "de", aliases=("BILD", "Bild-Zeitung"), domains=("bild.de",)),
        Outlet("spiegel", "Der Spiegel", "de", aliases=("Spiegel",), domains=("spiegel.de",)),
        Outlet("le-monde", "Le Monde", "fr", domains=("lemonde.fr",)),
        Outlet("el-pais", "El País", "es", aliases=("El Pais",), domains=("elpais.com",)),
        Outlet("corriere", "Corriere della Sera", "it", domains=("corriere.it",)),
        Outlet("kommersant", "Kommersant", "ru", aliases=("Коммерсантъ",), domains=("kommersant.ru",)),
        Outlet("reuters", "Reuters", "en", domains=("reuters.com",)),
        Outlet("cbs-news", "CBS News", "en", aliases=("CBS",), domains=("cbsnews.com",)),
    ]
)


def make_doc(*blocks: str | tuple[str, str], links: list[tuple[str, str]] = ()) -> Document:
    """A document from blocks: "text" is a paragraph, ("blockquote", "text") another kind.

    ``links`` are (anchor text, href): the first occurrence of the anchor text becomes a link.
    """
    parts: list[str] = []
    paragraphs: list[Paragraph] = []
    pos = 0
    for i, block in enumerate(blocks):
        kind, text = ("paragraph", block) if isinstance(block, str) else block
        if parts:
            parts.append("\n\n")
            pos += 2
        paragraphs.append(Paragraph(i, Span(pos, pos + len(text)), text, kind))
        parts.append(text)
        pos += len(text)
    full = "".join(parts)
    doc_links = []
    for anchor, href in links:
        start = full.index(anchor)
        doc_links.append(Link(href, anchor, Span(start, start + len(anchor))))
    return Document(source="<test>", format="text", text=full, paragraphs=paragraphs, links=doc_links)


def passages_in(*blocks: str | tuple[str, str]) -> list[Passage]:
    """The passages the finder reports in a document made of ``blocks``, with the test registry."""
    from provenance.attribution import find_passages

    return find_passages(make_doc(*blocks), REGISTRY)


def the_passage(*blocks: str | tuple[str, str]) -> Passage:
    """The one passage of a document made of ``blocks`` (the test fails if there is not exactly one)."""
    passages = passages_in(*blocks)
    assert len(passages) == 1, [p.text for p in passages]
    return passages[0]
