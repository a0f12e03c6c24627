"""Reading candidate pages: their plain text for the page-text stage, their sentences for coverage.

Candidates are read through ``get_snapshot`` (the snapshot store, the SSRF guard, size limits,
paywall detection: the same as a linked original), after robots.txt says yes and the host's turn
has come (fetcher.py). A page is read once per ``PageReader``: the page-text stage reads many
pages cheaply (markup stripped by lxml, no extraction), the coverage stage then extracts the
sentences of the few that remain from the same snapshot.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import httpx
import lxml.html
from lxml import etree

from provenance.config import Config
from provenance.documents.charsets import decode_page
from provenance.errors import ProvenanceError
from provenance.extract import extract
from provenance.model import Outlet, Snapshot
from provenance.retrieve import Endpoints, detect_partial, get_snapshot
from provenance.retrieve.guard import Resolver

from .fetcher import PoliteFetcher
from .model import Candidate

MAX_PAGE_SENTENCES = 300
MAX_TEXT_CHARS = 100_000  # the page-text stage needs the words of a story, not of an archive page
# markup that is never the story: menus, page chrome, scripts
_NOT_STORY = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "template")


def plain_text(body: bytes, content_type: str | None = None) -> str:
    """The visible words of an HTML page outside menus and page chrome (no extraction: it is cheap)."""
    try:
        root = lxml.html.document_fromstring(decode_page(body, content_type)[0])
    except (etree.ParserError, ValueError):
        return ""
    for el in list(root.iter(*_NOT_STORY)):
        parent = el.getparent()
        if parent is not None:
            el.drop_tree()
    return " ".join(root.text_content().split())[:MAX_TEXT_CHARS]


@dataclass
class PageReader:
    """Reads an outlet's candidate pages for one discovery run, each once."""

    outlet: Outlet
    config: Config
    fetcher: PoliteFetcher
    endpoints: Endpoints
    transport: httpx.BaseTransport | None = None
    resolver: Resolver | None = None
    _snapshots: dict[str, Snapshot | None] = field(default_factory=dict)

    def snapshot(self, cand: Candidate) -> Snapshot | None:
        """The page, or None when it cannot be read (the reason goes to the candidate's note)."""
        if cand.source in self._snapshots:
            return self._snapshots[cand.source]
        snap: Snapshot | None = None
        live = not cand.source.startswith("wayback:")
        try:
            if live and not self.fetcher.allowed(cand.url):
                cand.note = "robots.txt does not allow reading it"
            elif live and (stored := self._stored(cand.source)) is not None:
                snap = stored  # no request, so no wait for the host's turn
            else:
                if live:
                    self.fetcher.pace(cand.url)
                snap = get_snapshot(
                    cand.source,
                    replace(self.config, archive="live") if live else self.config,
                    outlet=self.outlet,
                    endpoints=self.endpoints,
                    transport=self.transport,
                    resolver=self.resolver,
                )
        except ProvenanceError as exc:
            cand.note = f"not read: {exc}"
        self._snapshots[cand.source] = snap
        return snap

    def _stored(self, source: str) -> Snapshot | None:
        if self.config.refresh:
            return None
        stored = self.fetcher.store().get(source, mode="live", allow_private_network=self.config.allow_private_network)
        if stored is None:
            return None
        reason = detect_partial(stored.body, self.outlet)
        return replace(stored, partial=True, partial_reason=reason) if reason else stored

    def text(self, cand: Candidate) -> str | None:
        snap = self.snapshot(cand)
        return None if snap is None else plain_text(snap.body, snap.content_type)

    def sentences(self, cand: Candidate) -> list[str] | None:
        snap = self.snapshot(cand)
        if snap is None:
            return None
        try:
            original = extract(snap, outlet=self.outlet, language=self.outlet.language)
        except ProvenanceError as exc:
            cand.note = f"not read: {exc}"
            return None
        if original.title and not cand.title:
            cand.title = original.title
        return [s.text for s in original.sentences][:MAX_PAGE_SENTENCES]
