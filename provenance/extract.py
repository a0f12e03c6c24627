"""Article text from a snapshot: the original's paragraphs and sentences, nothing else.

HTML goes through trafilatura (balanced mode, comments left out, tables kept: favor_recall
kept too much navigation on real news pages, and a teaser in the "original" can pair with
a derivative sentence by accident);
when the outlet's registry entry has XPath hints for its article body they are tried first.
Plain-text and Markdown originals pass through with paragraphs split at blank lines. The
page is only parsed, never run: scripts, styles and forms are dropped as text.
"""

from __future__ import annotations

import copy
import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import trafilatura
from lxml import etree
from lxml import html as lxml_html
from trafilatura import load_html

from provenance import segment
from provenance.documents.charsets import decode_page
from provenance.errors import ExtractionError, LexiconError
from provenance.model import OriginalText, Outlet, Snapshot

EXTRACTOR_NAME = f"trafilatura-{trafilatura.__version__}"
#: the trafilatura settings used (reported by the extraction benchmark)
# balanced mode: favor_recall kept navigation teasers on real news pages (see docs/benchmarks.md, extraction);
# deduplicate is off because trafilatura's dedup cache is process-wide, so results would depend on earlier pages
SETTINGS = {
    "favor_recall": False,
    "favor_precision": False,
    "include_comments": False,
    "include_tables": True,
    "deduplicate": False,
}
MIN_XPATH_CHARS = 200  # an XPath hint that yields less than this is treated as not matching

_HTML_TYPES = ("text/html", "application/xhtml+xml", "text/xml", "application/xml")
_MD_TYPES = ("text/markdown", "text/x-markdown")
_BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "li", "pre", "figcaption", "td", "th"}
_DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "form", "svg", "button", "nav", "aside")
_CHROME_TAGS = ("header", "footer", "menu")
_FALLBACK_XPATHS = ("//article", "//main", "//body")
_WS = re.compile(r"\s+")


def _clean(text: str) -> str:
    return _WS.sub(" ", text.replace("\u00ad", "")).strip()


def _is_html(snapshot: Snapshot, text: str) -> bool:
    mime = (snapshot.content_type or "").split(";", 1)[0].strip().lower()
    if mime in _HTML_TYPES:
        return True
    if mime.startswith("text/") and mime != "text/html":
        return False
    return bool(re.match(r"\s*(<!doctype html|<html|<\?xml|<head|<body|<div|<p[\s>]|<article)", text[:2000], re.I))


def _is_markdown(snapshot: Snapshot) -> bool:
    mime = (snapshot.content_type or "").split(";", 1)[0].strip().lower()
    src = (snapshot.final_url or snapshot.source or "").lower()
    return mime in _MD_TYPES or src.endswith((".md", ".markdown"))


def _text_paragraphs(text: str, *, markdown: bool) -> list[str]:
    paragraphs = []
    for block in re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = block.split("\n")
        if markdown:
            # headings and quote markers are layout, not words of the original
            lines = [re.sub(r"^\s{0,3}(#{1,6}\s+|>\s?)+", "", line) for line in lines]
            lines = [re.sub(r"\s+#+\s*$", "", line) for line in lines]
        para = _clean(" ".join(lines))
        if para:
            paragraphs.append(para)
    return paragraphs


def _body_paragraphs(body: etree._Element) -> list[str]:
    """Paragraphs from trafilatura's output tree (p, head, quote, list items, table rows)."""
    out: list[str] = []

    def walk(el: etree._Element) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "list":
            for item in el:
                walk(item)
        elif tag == "table":
            for row in el.iter("row"):
                cells = [_clean("".join(c.itertext())) for c in row if isinstance(c.tag, str)]
                line = " | ".join(c for c in cells if c)
                if line:
                    out.append(line)
        elif tag == "quote" and any(isinstance(c.tag, str) and c.tag in {"p", "list", "quote"} for c in el):
            if el.text and el.text.strip():
                out.append(_clean(el.text))
            for child in el:
                walk(child)
                if child.tail and child.tail.strip():
                    out.append(_clean(child.tail))
        else:
            text = _clean("".join(el.itertext()))
            if text:
                out.append(text)

    for child in body:
        walk(child)
    return out


def _document(page: etree._Element | None, markup: str) -> etree._Element | None:
    """The document the readers below take copies of: trafilatura's tree of the page, else lxml's reading of what
    trafilatura refused as not HTML (a lone "<p>...</p>"); None when neither can read it. Its root, not a fragment's
    element, so that a copy keeps everything the readers' absolute XPaths look for."""
    if page is None:
        try:
            page = lxml_html.fromstring(markup)
        except (etree.ParserError, ValueError):
            return None
    return page.getroottree().getroot()


def _xpath_paragraphs(
    page: etree._Element | None, xpaths: Iterable[str], *, min_chars: int = MIN_XPATH_CHARS,
    drop: tuple[str, ...] = _DROP_TAGS,
) -> list[str]:
    if page is None:
        return []
    tree = copy.deepcopy(page)  # the page stays whole for the other readers
    for bad in tree.xpath("|".join(f"//{t}" for t in drop)):
        bad.drop_tree()
    for expr in xpaths:
        try:
            nodes = tree.xpath(expr)
        except etree.XPathError:
            continue
        paragraphs: list[str] = []
        for node in nodes:
            if not isinstance(node, etree._Element):
                continue
            blocks = [el for el in node.iter() if isinstance(el.tag, str) and el.tag in _BLOCK_TAGS]
            # keep only innermost blocks so a <blockquote><p> is not counted twice
            blocks = [
                el
                for el in blocks
                if not any(isinstance(d.tag, str) and d.tag in _BLOCK_TAGS for d in el.iterdescendants())
            ]
            for el in blocks or [node]:
                text = _clean(el.text_content())
                if text:
                    paragraphs.append(text)
        if paragraphs and sum(len(p) for p in paragraphs) >= min_chars:
            return paragraphs
    return []


@dataclass(frozen=True)
class LeadRules:
    """How the headline and standfirst trafilatura leaves out are found (``data/extraction.toml [lead]``)."""

    classes: frozenset[str]
    skip_inside: tuple[str, ...]
    min_words: int


def parse_lead_rules(data: dict[str, Any]) -> LeadRules:
    """The ``[lead]`` table of the parsed file; LexiconError for anything not of the documented shape."""
    table = data.get("lead")
    where = "data/extraction.toml [lead]"
    if not isinstance(table, dict) or set(table) != {"classes", "skip_inside", "min_words"}:
        raise LexiconError(f"{where} must hold exactly classes, skip_inside and min_words")
    for key in ("classes", "skip_inside"):
        words = table[key]
        if not isinstance(words, list) or not words or not all(
            isinstance(w, str) and re.fullmatch(r"[a-z0-9]+", w) for w in words
        ):
            raise LexiconError(f"{where}.{key} must be a list of lowercase words (letters and digits only)")
    if not isinstance(table["min_words"], int) or table["min_words"] < 1:
        raise LexiconError(f"{where}.min_words must be a positive whole number")
    return LeadRules(frozenset(table["classes"]), tuple(table["skip_inside"]), table["min_words"])


@cache
def lead_rules() -> LeadRules:
    raw = resources.files("provenance").joinpath("data", "extraction.toml").read_text(encoding="utf-8")
    return parse_lead_rules(tomllib.loads(raw))


def _names_lead(el: etree._Element, rules: LeadRules) -> bool:
    names = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
    return bool(rules.classes.intersection(re.split(r"[\s_-]+", names)))


def _container(tree: etree._Element, body: Sequence[str]) -> etree._Element | None:
    """The element holding the article: the first article (or main) element with the body's first words; pages
    list other stories in article elements too."""
    start = body[0][:60] if body else ""
    for el in (*tree.xpath("//article"), *tree.xpath("//main"), *tree.xpath("//body")):
        if isinstance(el, etree._Element) and start in _clean(el.text_content()):
            return el
    return None


def _lead_blocks(page: etree._Element, body: Sequence[str], rules: LeadRules) -> tuple[str | None, str | None]:
    """The article container's headline and the standfirst before its body text, as written on the page: the first
    block named as one (what follows before the body is more often a promotion than a second standfirst)."""
    tree = copy.deepcopy(page)  # the page stays whole for the other readers
    for bad in tree.xpath("|".join(f"//{t}" for t in rules.skip_inside)):
        bad.drop_tree()
    container = _container(tree, body)
    if container is None:
        return None, None
    known = set(body)
    heading: str | None = None
    for el in container.iter():
        if not isinstance(el.tag, str):
            continue
        text = _clean(el.text_content())
        if not text:
            continue
        if el.tag in _BLOCK_TAGS and el.tag != "h1" and text in known:
            break  # the body starts: what follows is trafilatura's text already
        if el.tag == "h1" and heading is None:
            heading = text
        elif _names_lead(el, rules):
            return heading, text
    return heading, None


def with_lead(paragraphs: list[str], page: etree._Element, description: str | None, rules: LeadRules) -> list[str]:
    """``paragraphs`` with the page's headline and standfirst put back in front where trafilatura left them out;
    with no standfirst block on the page, its meta description stands in (when it is not a cut-off copy of the
    body's start)."""
    flat = " ".join(paragraphs)
    heading, lead = _lead_blocks(page, paragraphs, rules)
    if lead is None and description:
        text = _clean(description)
        if len(text.split()) >= rules.min_words and not text.endswith(("...", "\u2026")):
            lead = text
    missing = [lead] if lead is not None and lead[:60] not in flat else []
    out = list(paragraphs)
    at = 1 if heading is not None and out and out[0] == heading else 0
    out[at:at] = missing
    if heading is not None and heading not in flat:
        out.insert(0, heading)
    return out


def _from_html(markup: str, url: str | None, outlet: Outlet | None) -> tuple[list[str], str, dict[str, str | None]]:
    # the page is parsed once, as trafilatura parses it (None: not HTML to it); trafilatura extracts from a copy of
    # the tree it is given, and the readers below take copies too
    page = load_html(markup)
    doc = None if page is None else trafilatura.bare_extraction(
        page,
        url=url,
        favor_recall=SETTINGS["favor_recall"],
        favor_precision=SETTINGS["favor_precision"],
        include_comments=SETTINGS["include_comments"],
        include_tables=SETTINGS["include_tables"],
        deduplicate=SETTINGS["deduplicate"],
        with_metadata=True,
    )
    tree = _document(page, markup)
    meta: dict[str, str | None] = {"title": None, "author": None, "date": None}
    paragraphs: list[str] = []
    if doc is not None and not isinstance(doc, dict) and tree is not None:
        meta = {"title": doc.title, "author": doc.author, "date": doc.date}
        if doc.body is not None:
            paragraphs = _body_paragraphs(doc.body)
        if paragraphs:
            paragraphs = with_lead(paragraphs, tree, doc.description, lead_rules())
    extractor = EXTRACTOR_NAME
    if outlet is not None and outlet.xpath:
        hinted = _xpath_paragraphs(tree, outlet.xpath)
        if hinted:
            paragraphs, extractor = hinted, f"{EXTRACTOR_NAME}+xpath:{outlet.id}"
    if not paragraphs:
        # very short pages fall under trafilatura's minimum size: take the text blocks outside page chrome
        paragraphs = _xpath_paragraphs(tree, _FALLBACK_XPATHS, min_chars=1, drop=_DROP_TAGS + _CHROME_TAGS)
        extractor = f"{EXTRACTOR_NAME}+blocks"
    return paragraphs, extractor, meta


def extract(snapshot: Snapshot, *, outlet: Outlet | None = None, language: str | None = None) -> OriginalText:
    """The article text of ``snapshot``; ExtractionError when there is none."""
    if not snapshot.body:
        raise ExtractionError(f"the original {snapshot.source} is empty")
    text, _encoding = decode_page(snapshot.body, snapshot.content_type)
    text = text.replace("\x00", "")
    meta: dict[str, str | None] = {"title": None, "author": None, "date": None}
    if _is_html(snapshot, text):
        paragraphs, extractor, meta = _from_html(text, snapshot.final_url or snapshot.url, outlet)
    else:
        markdown = _is_markdown(snapshot)
        paragraphs, extractor = _text_paragraphs(text, markdown=markdown), "markdown" if markdown else "plain"
        if markdown and paragraphs and text.lstrip().startswith("#"):
            meta["title"] = paragraphs[0]
    if not paragraphs:
        raise ExtractionError(
            f"no article text found in {snapshot.source}",
            hint="the page may need JavaScript or be a consent wall; try an archived copy or a saved file",
        )
    body = "\n\n".join(paragraphs)
    lang = language or segment.detect_language(body) or (outlet.language if outlet else None)
    sentences = segment.split_sentences(body, lang)
    return OriginalText(
        text=body,
        paragraphs=paragraphs,
        sentences=sentences,
        language=lang,
        extractor=extractor,
        title=meta.get("title"),
        author=meta.get("author"),
        date=meta.get("date"),
    )
