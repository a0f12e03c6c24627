"""Polite, guarded fetching of listings (robots.txt, sitemaps, feeds, archive indexes).

Every request goes through ``retrieve.http.fetch``: the SSRF guard on every hop, the size limit
(``Config.max_bytes``, decompressed), the total deadline and retries. On top of that this module
adds what a crawler owes the sites it reads: robots.txt is read once per host and honoured for the
outlet's own pages (archive APIs are services, not crawled sites), requests to one host are spaced
by ``DiscoverySettings.min_interval`` (or the host's Crawl-delay when longer), and answers are kept
in the snapshot store (mode ``discover``) so a second run reads nothing twice unless ``refresh``.
"""

from __future__ import annotations

import contextlib
import hashlib
import time
import urllib.robotparser
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

from provenance.config import Config
from provenance.errors import HTTPStatusError, NetworkError, ResponseTooLargeError, RetrievalError
from provenance.model import Snapshot
from provenance.retrieve.guard import Resolver, check_url
from provenance.retrieve.http import TEXT_TYPES, USER_AGENT, fetch, utc_now
from provenance.retrieve.store import SnapshotStore

from .model import DiscoverySettings

#: listings come as XML, feeds, JSON or link format, sometimes gzipped
LISTING_TYPES = TEXT_TYPES | frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/json",
        "text/json",
        "application/link-format",
        "application/gzip",
        "application/x-gzip",
        "application/octet-stream",
    }
)
STORE_MODE = "discover"


class RobotsRefusal(RetrievalError):
    """robots.txt of the host does not let us read this URL."""


@dataclass
class PoliteFetcher:
    config: Config
    settings: DiscoverySettings
    transport: httpx.BaseTransport | None = None
    resolver: Resolver | None = None
    clock: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    requests: int = 0  # requests actually sent (not served from the store)
    _robots: dict[str, urllib.robotparser.RobotFileParser | None] = field(default_factory=dict)
    _last: dict[str, float] = field(default_factory=dict)
    _store: SnapshotStore | None = None

    @property
    def agent(self) -> str:
        return self.config.user_agent or USER_AGENT

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def store(self) -> SnapshotStore:
        if self._store is None:
            self._store = SnapshotStore(self.config.cache_dir)
        return self._store

    # ------------------------------------------------------------------ robots.txt

    def robots(self, url: str) -> urllib.robotparser.RobotFileParser | None:
        """The host's parsed robots.txt (None: there is none, everything may be read)."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            parser: urllib.robotparser.RobotFileParser | None = urllib.robotparser.RobotFileParser()
            try:
                body = self._get(origin + "/robots.txt", robots=False)
                assert parser is not None
                parser.parse(body.decode("utf-8", "replace").splitlines())
            except HTTPStatusError as exc:
                if exc.status >= 500:
                    # RFC 9309: an unreachable robots.txt means the whole site is off limits for now
                    assert parser is not None
                    parser.disallow_all = True
                else:
                    parser = None  # 4xx: no robots.txt, no restrictions
            self._robots[origin] = parser
        return self._robots[origin]

    def allowed(self, url: str) -> bool:
        parser = self.robots(url)
        return parser is None or parser.can_fetch(self.agent, url)

    def sitemaps(self, url: str) -> list[str]:
        parser = self.robots(url)
        return list((parser.site_maps() or []) if parser is not None else [])

    # ------------------------------------------------------------------ fetching

    def get(self, url: str, *, robots: bool = True) -> bytes:
        """The body at ``url`` (decompressed when gzipped), from the store when it holds it.

        RobotsRefusal when robots.txt closes it (``robots``: the URL is the outlet's own page).
        """
        if robots and not self.allowed(url):
            raise RobotsRefusal(f"robots.txt of {urlsplit(url).netloc} does not allow reading {url}")
        return self._get(url, robots=robots)

    def _get(self, url: str, *, robots: bool) -> bytes:
        # the guard judges the URL before the store is asked, as retrieval does
        with contextlib.suppress(NetworkError):
            check_url(url, allow_private_network=self.config.allow_private_network, resolver=self.resolver)
        store = self.store()
        if not self.config.refresh:
            stored = store.get(url, mode=STORE_MODE, allow_private_network=self.config.allow_private_network)
            if stored is not None:
                return _gunzip(stored.body, url, self.config.max_bytes)
        self._wait(url, robots=robots)
        self.requests += 1
        result = fetch(url, self.config, accept_types=LISTING_TYPES, transport=self.transport, resolver=self.resolver)
        body = result.body
        snap = Snapshot(
            source=url,
            url=url,
            final_url=result.final_url,
            archive="live",
            sha256=hashlib.sha256(body).hexdigest(),
            fetched_at=result.fetched_at or utc_now(),
            body=body,
            status=result.status,
            content_type=result.content_type,
            headers=dict(result.headers),
        )
        store.put(snap, mode=STORE_MODE, private_network=self.config.allow_private_network)
        return _gunzip(body, url, self.config.max_bytes)

    def _wait(self, url: str, *, robots: bool) -> None:
        host = urlsplit(url).netloc
        interval = self.settings.min_interval
        if robots:
            origin = f"{urlsplit(url).scheme}://{host}"
            parser = self._robots.get(origin)
            delay = parser.crawl_delay(self.agent) if parser is not None else None
            if delay:
                interval = max(interval, float(delay))
        now = self.clock()
        ready = self._last.get(host, -1e18) + interval
        if ready > now:
            self.sleep(ready - now)
        self._last[host] = max(now, ready)

    def pace(self, url: str) -> None:
        """Wait the host's turn before another module fetches ``url`` for us (page retrieval)."""
        self._wait(url, robots=True)


def _gunzip(body: bytes, url: str, limit: int) -> bytes:
    """A gzipped sitemap (``.xml.gz``) unpacked, never past ``limit`` bytes."""
    if body[:2] != b"\x1f\x8b":
        return body
    z = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = z.decompress(body, limit + 1)
    except zlib.error:
        raise RetrievalError(f"{url}: corrupt gzip data") from None
    if len(out) > limit or z.unconsumed_tail:
        raise ResponseTooLargeError(f"{url}: unpacked listing exceeds the limit of {limit:,} bytes")
    return out
