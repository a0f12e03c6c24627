"""The Wayback Machine: find a capture (availability API, CDX fallback) and fetch it raw.

The availability API often answers with no snapshot for pages the CDX index does have, so
an empty answer falls back to CDX (closest capture, status 200 only). Replays use the
``id_`` modifier, which returns the archived bytes without the Wayback toolbar and without
rewritten links. Requests are spaced out (polite rate limit); 429/5xx are retried by
``http.fetch`` honouring Retry-After. Base URLs are parameters so tests use a loopback fake.
"""

from __future__ import annotations

import json
import re
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING
from urllib.parse import urlencode, urlsplit

from provenance.config import Config
from provenance.errors import ArchiveError, HTTPStatusError

# the HTTP stack is imported when an archive is asked, not by every check that imports this module
if TYPE_CHECKING:
    import httpx

    from provenance.retrieve.guard import Resolver
    from provenance.retrieve.http import FetchResult

API_BASE = "https://archive.org"
REPLAY_BASE = "https://web.archive.org"
MIN_INTERVAL = 1.0  # seconds between requests to one archive host
_REPLAY_TS = re.compile(r"/web/(\d{4,14})id_/")


class Throttle:
    """At most one request per ``interval`` seconds per host (shared by all calls in a process)."""

    def __init__(self) -> None:
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, url: str, interval: float) -> None:
        host = urlsplit(url).netloc
        with self._lock:
            now = time.monotonic()
            ready = self._last.get(host, 0.0) + interval
            if ready > now:
                time.sleep(ready - now)
            self._last[host] = max(now, ready)


THROTTLE = Throttle()


@dataclass(frozen=True)
class Capture:
    url: str  # the archived page's URL
    timestamp: str  # YYYYMMDDhhmmss
    replay_url: str  # the raw (id_) replay


def normalise_timestamp(ts: str | None) -> str:
    """``YYYY[MM[DD[hh[mm[ss]]]]]`` padded to 14 digits; None means now."""
    if not ts:
        return datetime.now(UTC).strftime("%Y%m%d%H%M%S")
    if not re.fullmatch(r"\d{4,14}", ts):
        raise ArchiveError(f"bad Wayback timestamp {ts!r} (use YYYYMMDDhhmmss or a prefix of it)")
    return ts + "0101000000"[len(ts) - 4 :] if len(ts) < 14 else ts


def raw_replay_url(url: str, timestamp: str, *, replay_base: str = REPLAY_BASE) -> str:
    return f"{replay_base.rstrip('/')}/web/{timestamp}id_/{url}"


_JSON_TYPES = frozenset({"application/json", "text/plain", "text/json"})


def _get_json(
    url: str,
    config: Config,
    what: str,
    *,
    min_interval: float,
    transport: httpx.BaseTransport | None,
    resolver: Resolver | None,
) -> object:
    from provenance.retrieve.http import fetch

    THROTTLE.wait(url, min_interval)
    result = fetch(url, config, accept_types=_JSON_TYPES, transport=transport, resolver=resolver)
    try:
        return json.loads(result.body.decode("utf-8") or "null")
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ArchiveError(f"the Wayback {what} API answered something that is not JSON") from None


def find_capture(
    url: str,
    config: Config,
    *,
    timestamp: str | None = None,
    api_base: str = API_BASE,
    replay_base: str = REPLAY_BASE,
    min_interval: float = MIN_INTERVAL,
    transport: httpx.BaseTransport | None = None,
    resolver: Resolver | None = None,
) -> Capture:
    """The capture of ``url`` closest to ``timestamp`` (default: now) with HTTP status 200."""
    ts = normalise_timestamp(timestamp)
    kw = {"transport": transport, "resolver": resolver, "min_interval": min_interval}
    base = api_base.rstrip("/")
    available = f"{base}/wayback/available?{urlencode({'url': url, 'timestamp': ts})}"
    answer = _get_json(available, config, "availability", **kw)  # type: ignore[arg-type]
    closest = answer.get("archived_snapshots", {}).get("closest") if isinstance(answer, dict) else None
    usable = bool(closest) and closest.get("available", True) and str(closest.get("status", "200")) == "200"
    if usable and closest.get("timestamp"):
        found = str(closest["timestamp"])
        return Capture(url, found, raw_replay_url(url, found, replay_base=replay_base))
    # the availability API is known to miss captures: ask the CDX index directly
    query = urlencode(
        {
            "url": url,
            "output": "json",
            "fl": "timestamp,original,statuscode",
            "filter": "statuscode:200",
            "closest": ts,
            "sort": "closest",
            "limit": "1",
        }
    )
    rows = _get_json(f"{base}/cdx/search/cdx?{query}", config, "CDX", **kw)  # type: ignore[arg-type]
    if not isinstance(rows, list):
        raise ArchiveError("the Wayback CDX API answered in an unexpected format")
    data = [r for r in rows if isinstance(r, list) and r and r[0] != "timestamp"]
    if not data:
        raise ArchiveError(f"the Wayback Machine has no capture of {url}", hint="try --archive archive.today")
    found, original = str(data[0][0]), str(data[0][1]) if len(data[0]) > 1 else url
    return Capture(original, found, raw_replay_url(original, found, replay_base=replay_base))


def get(
    url: str,
    config: Config,
    *,
    timestamp: str | None = None,
    api_base: str = API_BASE,
    replay_base: str = REPLAY_BASE,
    min_interval: float = MIN_INTERVAL,
    transport: httpx.BaseTransport | None = None,
    resolver: Resolver | None = None,
    progress: object = None,
) -> tuple[FetchResult, Capture]:
    """Find and fetch (raw) the capture; the returned Capture has the timestamp actually served."""
    from provenance.retrieve.http import fetch

    capture = find_capture(
        url,
        config,
        timestamp=timestamp,
        api_base=api_base,
        replay_base=replay_base,
        min_interval=min_interval,
        transport=transport,
        resolver=resolver,
    )
    THROTTLE.wait(capture.replay_url, min_interval)
    try:
        result = fetch(
            capture.replay_url,
            config,
            transport=transport,
            resolver=resolver,
            progress=progress,  # type: ignore[arg-type]
        )
    except HTTPStatusError as exc:
        raise ArchiveError(f"the Wayback replay of {url} at {capture.timestamp} failed: {exc}") from None
    # the replay may redirect to the nearest capture it really has; record that one
    match = _REPLAY_TS.search(urlsplit(result.final_url).path)
    if match and match.group(1) != capture.timestamp:
        capture = Capture(capture.url, match.group(1), result.final_url)
    return result, capture
