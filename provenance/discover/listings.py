"""Where candidate originals come from: sitemaps, feeds, the Wayback CDX index, archive.today.

Each reader turns one kind of listing into ``Candidate`` objects; ``collect`` runs the readers
the settings name for one outlet and merges what they found by URL. A listing that cannot be
read becomes a note, not a failure: the others may still hold the original.

- sitemaps: robots.txt names them (else ``/sitemap.xml``); a sitemap index is followed to its
  child sitemaps, news sitemaps and the newest first, skipping those last changed before the
  window; ``<news:news>`` gives title, publication date and language.
- feeds: RSS 2.0 and Atom feeds named by ``<link rel="alternate">`` on the home page.
- wayback: a CDX prefix query on the outlet's domain over the date window (HTML captures, status
  200, one row per URL); such candidates are fetched from the archive.
- archive.today: the TimeMap of the home page; the captures inside the window are read and their
  links to the outlet's articles, with the link text as title, become candidates.

Search engines are not queried: ``SearchProvider`` is the place to plug one in (see search.py).
XML is parsed without DTDs, entities or network access.
"""

from __future__ import annotations

import email.utils
import json
import re
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime, timedelta
from urllib.parse import urlencode, urljoin, urlsplit, urlunsplit

import lxml.html
from lxml import etree

from provenance.documents.charsets import decode_page
from provenance.errors import ProvenanceError
from provenance.model import Outlet
from provenance.retrieve import Endpoints, archive_today

from .fetcher import PoliteFetcher
from .model import Candidate, DiscoverySettings

_XML = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=True)
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_FEED_TYPES = ("application/rss+xml", "application/atom+xml")
_MIN_LINK_TEXT = 20  # shorter link texts are navigation ("Politik", "Mehr"), not headlines


def canonical(url: str) -> str:
    """The key two listings' URLs for one page share: no scheme, www., query, fragment or end slash."""
    parts = urlsplit(url.strip())
    host = parts.netloc.rsplit("@", 1)[-1].lower().removeprefix("www.")
    return host + parts.path.rstrip("/")


def parse_date(text: str | None) -> date | None:
    """An ISO 8601 date(-time) or an RFC 822 date (RSS) as a UTC date; None when unreadable."""
    if not text:
        return None
    text = text.strip()
    match = _DATE.match(text)
    if match:
        try:
            when = datetime.fromisoformat(text.replace("Z", "+00:00"))
            return when.astimezone(UTC).date() if when.tzinfo else when.date()
        except ValueError:
            try:
                return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            except ValueError:
                return None
    try:
        parsed = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    return (parsed.astimezone(UTC) if parsed.tzinfo else parsed).date()


def _xml(body: bytes) -> etree._Element | None:
    try:
        root = etree.fromstring(body, _XML)
    except (etree.XMLSyntaxError, ValueError):
        return None
    return root


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _child_text(el: etree._Element, *names: str) -> str | None:
    """Text of the first descendant whose local name is one of ``names`` (namespaces ignored)."""
    for sub in el.iter():
        if _local(sub.tag) in names:
            text = "".join(sub.itertext()).strip()
            if text:
                return text
    return None


def _on_outlet(url: str, outlet: Outlet) -> bool:
    parts = urlsplit(url)
    host, netloc = (parts.hostname or "").lower(), parts.netloc.lower()
    # a domain written with a port (a mirror, a test server) names exactly that host and port
    return any(netloc == d if ":" in d else host == d or host.endswith("." + d) for d in outlet.domains)


# ----------------------------------------------------------------------------- sitemaps


def parse_sitemap(body: bytes) -> tuple[list[tuple[str, date | None]], list[Candidate]]:
    """(child sitemaps with lastmod, page candidates) of a sitemap or sitemap index."""
    root = _xml(body)
    if root is None:
        return [], []
    children: list[tuple[str, date | None]] = []
    pages: list[Candidate] = []
    for el in root:
        kind = _local(el.tag)
        loc = _child_text(el, "loc")
        if not loc:
            continue
        if kind == "sitemap":
            children.append((loc, parse_date(_child_text(el, "lastmod"))))
        elif kind == "url":
            published = parse_date(_child_text(el, "publication_date")) or parse_date(_child_text(el, "lastmod"))
            pages.append(
                Candidate(
                    url=loc,
                    source=loc,
                    title=_child_text(el, "title"),
                    published=published,
                    language=_child_text(el, "language"),
                    via=["sitemap"],
                )
            )
    return children, pages


def _sitemap_order(children: list[tuple[str, date | None]], window: tuple[date, date] | None) -> list[str]:
    keep = [(u, d) for u, d in children if window is None or d is None or d >= window[0]]
    # news sitemaps first, then the most recently changed; undated ones last
    keep.sort(key=lambda item: ("news" not in item[0].lower(), -(item[1].toordinal() if item[1] else 0)))
    return [u for u, _ in keep]


def from_sitemaps(
    home: str, fetcher: PoliteFetcher, settings: DiscoverySettings, window: tuple[date, date] | None, notes: list[str]
) -> list[Candidate]:
    try:
        queue = fetcher.sitemaps(home) or [urljoin(home, "/sitemap.xml")]
    except ProvenanceError as exc:
        notes.append(f"robots.txt of {home} not read: {exc}")
        return []
    seen: set[str] = set()
    found: list[Candidate] = []
    while queue and len(seen) < settings.max_sitemaps:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        try:
            body = fetcher.get(url)
        except ProvenanceError as exc:
            notes.append(f"sitemap {url} not read: {exc}")
            continue
        children, pages = parse_sitemap(body)
        found += pages
        queue = _sitemap_order(children, window) + queue
    return found


# ----------------------------------------------------------------------------- feeds


def feed_links(body: bytes, base: str) -> list[str]:
    """Feed URLs a page names with ``<link rel="alternate" type="application/rss+xml|atom+xml">``."""
    try:
        root = lxml.html.document_fromstring(decode_page(body)[0])
    except (etree.ParserError, ValueError):
        return []
    links = []
    for el in root.iter("link"):
        rel = (el.get("rel") or "").lower().split()
        if "alternate" in rel and (el.get("type") or "").lower() in _FEED_TYPES and el.get("href"):
            links.append(urljoin(base, el.get("href")))
    return list(dict.fromkeys(links))


def parse_feed(body: bytes) -> list[Candidate]:
    """Items of an RSS 2.0 or Atom feed."""
    root = _xml(body)
    if root is None:
        return []
    found: list[Candidate] = []
    for el in root.iter():
        kind = _local(el.tag)
        if kind not in ("item", "entry"):
            continue
        link = None
        for sub in el:
            if _local(sub.tag) != "link":
                continue
            href = sub.get("href")
            if href and (sub.get("rel") or "alternate") == "alternate":
                link = href
                break
            if not href and (sub.text or "").strip():
                link = sub.text.strip()
                break
        if not link:
            continue
        when = _child_text(el, "pubDate", "published", "updated", "date")
        lead = _child_text(el, "description", "summary")
        if lead and "<" in lead:
            lead = " ".join(lxml.html.fromstring(f"<div>{lead}</div>").text_content().split())
        found.append(
            Candidate(
                url=link,
                source=link,
                title=_child_text(el, "title"),
                lead=lead[:500] if lead else None,
                published=parse_date(when),
                via=["feed"],
            )
        )
    return found


def from_feeds(home: str, fetcher: PoliteFetcher, settings: DiscoverySettings, notes: list[str]) -> list[Candidate]:
    try:
        page = fetcher.get(home)
    except ProvenanceError as exc:
        notes.append(f"home page {home} not read (no feeds): {exc}")
        return []
    found: list[Candidate] = []
    for url in feed_links(page, home)[: settings.max_feeds]:
        try:
            found += parse_feed(fetcher.get(url))
        except ProvenanceError as exc:
            notes.append(f"feed {url} not read: {exc}")
    return found


# ----------------------------------------------------------------------------- archives


def cdx_query(domain: str, window: tuple[date, date] | None, limit: int) -> str:
    params = [
        ("url", f"{domain}/"),
        ("matchType", "domain"),
        ("output", "json"),
        ("fl", "timestamp,original,statuscode,mimetype"),
        ("filter", "statuscode:200"),
        ("filter", "mimetype:text/html"),
        ("collapse", "urlkey"),
        ("limit", str(limit)),
    ]
    if window is not None:
        params += [("from", window[0].strftime("%Y%m%d")), ("to", window[1].strftime("%Y%m%d"))]
    return "/cdx/search/cdx?" + urlencode(params)


def parse_cdx(body: bytes, replay_base: str) -> list[Candidate]:
    try:
        rows = json.loads(body.decode("utf-8", "replace"))
    except json.JSONDecodeError:
        return []
    found: list[Candidate] = []
    for row in rows if isinstance(rows, list) else []:
        if not (isinstance(row, list) and len(row) >= 2) or row[0] == "timestamp":
            continue
        ts, original = str(row[0]), str(row[1])
        if not re.fullmatch(r"\d{8,14}", ts):
            continue
        published = parse_date(f"{ts[:4]}-{ts[4:6]}-{ts[6:8]}")
        found.append(Candidate(url=original, source=f"wayback:{original}@{ts}", published=published, via=["wayback"]))
    return found


def from_wayback(
    outlet: Outlet,
    fetcher: PoliteFetcher,
    settings: DiscoverySettings,
    window: tuple[date, date] | None,
    endpoints: Endpoints,
    notes: list[str],
) -> list[Candidate]:
    found: list[Candidate] = []
    for domain in outlet.domains:
        url = endpoints.wayback_api.rstrip("/") + cdx_query(domain, window, settings.max_cdx_rows)
        try:
            found += parse_cdx(fetcher.get(url, robots=False), endpoints.wayback_replay)
        except ProvenanceError as exc:
            notes.append(f"Wayback CDX index for {domain} not read: {exc}")
    return [c for c in found if _on_outlet(c.url, outlet)]


def _embedded_url(href: str) -> str:
    """archive.today rewrites links to ``/o/ID/https://...``: the original URL inside, else ``href``."""
    inner = max(href.rfind("http://"), href.rfind("https://"))
    return href[inner:] if inner > 0 else href


def page_links(body: bytes, base: str, outlet: Outlet) -> list[tuple[str, str]]:
    """(URL, link text) of the links on a home page that lead to the outlet's own pages."""
    try:
        root = lxml.html.document_fromstring(decode_page(body)[0])
    except (etree.ParserError, ValueError):
        return []
    found: dict[str, str] = {}
    for a in root.iter("a"):
        href = a.get("href")
        text = " ".join(a.text_content().split())
        if not href or len(text) < _MIN_LINK_TEXT:
            continue
        url = _embedded_url(urljoin(base, href))
        if _on_outlet(url, outlet) and urlsplit(url).path not in ("", "/"):
            found.setdefault(url, text)
    return list(found.items())


def from_archive_today(
    outlet: Outlet,
    fetcher: PoliteFetcher,
    settings: DiscoverySettings,
    window: tuple[date, date] | None,
    endpoints: Endpoints,
    notes: list[str],
) -> list[Candidate]:
    base = endpoints.archive_today.rstrip("/")
    found: list[Candidate] = []
    for domain in outlet.domains:
        home = f"{_scheme(domain)}://{domain}/"
        try:
            mementos = archive_today.parse_timemap(
                fetcher.get(f"{base}/timemap/{home}", robots=False).decode("utf-8", "replace")
            )
        except ProvenanceError as exc:
            notes.append(f"archive.today TimeMap of {home} not read: {exc}")
            continue
        if window is not None:
            lo, hi = window[0].strftime("%Y%m%d"), (window[1] + timedelta(days=1)).strftime("%Y%m%d")
            mementos = [m for m in mementos if lo <= m.timestamp[:8] < hi]
        for memento in mementos[-settings.max_mementos :] if settings.max_mementos else []:
            try:
                body = fetcher.get(memento.url, robots=False)
            except ProvenanceError as exc:
                notes.append(f"archive.today capture {memento.url} not read: {exc}")
                continue
            seen = parse_date(f"{memento.timestamp[:4]}-{memento.timestamp[4:6]}-{memento.timestamp[6:8]}")
            for url, text in page_links(body, memento.url, outlet):
                found.append(Candidate(url=url, source=url, title=text, published=seen, via=["archive.today"]))
    return found


# ----------------------------------------------------------------------------- all of them


def merge(candidates: Iterable[Candidate]) -> list[Candidate]:
    """One candidate per page: the first listing's entry, completed by the others (title, lead, date)."""
    by_key: dict[str, Candidate] = {}
    for cand in candidates:
        key = canonical(cand.url)
        known = by_key.get(key)
        if known is None:
            by_key[key] = cand
            continue
        known.title = known.title or cand.title
        known.lead = known.lead or cand.lead
        known.language = known.language or cand.language
        # a capture date is when it was seen: the listing's publication date is better
        if known.published is None or ("wayback" in known.via and cand.published is not None):
            known.published = cand.published or known.published
        if known.source.startswith("wayback:") and not cand.source.startswith("wayback:"):
            known.source = cand.source  # the live page first; retrieval falls back to archives itself
        known.via = list(dict.fromkeys([*known.via, *cand.via]))
    return list(by_key.values())


Reader = Callable[[], list[Candidate]]


def collect(
    outlet: Outlet,
    fetcher: PoliteFetcher,
    settings: DiscoverySettings,
    window: tuple[date, date] | None,
    endpoints: Endpoints,
    notes: list[str],
) -> list[Candidate]:
    """Every candidate the configured listings name for ``outlet``, merged by URL."""
    found: list[Candidate] = []
    for domain in outlet.domains:
        home = urlunsplit((_scheme(domain), domain, "/", "", ""))
        if "sitemaps" in settings.listings:
            found += from_sitemaps(home, fetcher, settings, window, notes)
        if "feeds" in settings.listings:
            found += from_feeds(home, fetcher, settings, notes)
    if "wayback" in settings.listings:
        found += from_wayback(outlet, fetcher, settings, window, endpoints, notes)
    if "archive.today" in settings.listings:
        found += from_archive_today(outlet, fetcher, settings, window, endpoints, notes)
    return merge(c for c in found if _on_outlet(c.url, outlet))


def _scheme(domain: str) -> str:
    # outlets are read over https; a domain written with a port (a test server, an intranet mirror) over http
    return "http" if ":" in domain else "https"
