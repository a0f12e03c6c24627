"""archive.today (archive.ph / archive.is), read-only, through its Memento endpoints.

The TimeMap (``/timemap/URL``, RFC 7089 link format) lists every memento with its
datetime; we take the one closest to the requested time (default: the newest). When the
TimeMap cannot be read, the TimeGate (``/timegate/URL`` with ``Accept-Datetime``) redirects
to a memento and names its time in ``Memento-Datetime``. We never submit pages for archiving.
"""

from __future__ import annotations

import email.utils
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from provenance.config import Config
from provenance.errors import ArchiveError, HTTPStatusError, RetrievalError
from provenance.retrieve.wayback import MIN_INTERVAL, THROTTLE, normalise_timestamp

# the HTTP stack is imported when an archive is asked, not by every check that imports this module
if TYPE_CHECKING:
    import httpx

    from provenance.retrieve.guard import Resolver
    from provenance.retrieve.http import FetchResult

BASE = "https://archive.ph"
_LINK = re.compile(r'<([^>]*)>((?:\s*;\s*[\w.-]+\s*=\s*(?:"[^"]*"|[^;,<\s]+))*)')
_PARAM = re.compile(r'([\w.-]+)\s*=\s*(?:"([^"]*)"|([^;,<\s]+))')


@dataclass(frozen=True)
class Memento:
    url: str  # where the memento is served
    timestamp: str  # YYYYMMDDhhmmss


def _to_timestamp(http_date: str) -> str | None:
    try:
        when = email.utils.parsedate_to_datetime(http_date)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).strftime("%Y%m%d%H%M%S")


def parse_timemap(text: str) -> list[Memento]:
    """Mementos from a link-format TimeMap, oldest first."""
    found: list[Memento] = []
    for match in _LINK.finditer(text):
        params = {
            m.group(1).lower(): m.group(2) if m.group(2) is not None else m.group(3)
            for m in _PARAM.finditer(match.group(2))
        }
        rels = (params.get("rel") or "").split()
        if "memento" in rels and params.get("datetime"):
            ts = _to_timestamp(params["datetime"])
            if ts:
                found.append(Memento(match.group(1), ts))
    return sorted(found, key=lambda m: m.timestamp)


def closest(mementos: list[Memento], timestamp: str | None) -> Memento:
    if not timestamp:
        return mementos[-1]
    target = datetime.strptime(normalise_timestamp(timestamp), "%Y%m%d%H%M%S")
    return min(mementos, key=lambda m: abs((datetime.strptime(m.timestamp, "%Y%m%d%H%M%S") - target).total_seconds()))


def get(
    url: str,
    config: Config,
    *,
    timestamp: str | None = None,
    base_url: str = BASE,
    min_interval: float = MIN_INTERVAL,
    transport: httpx.BaseTransport | None = None,
    resolver: Resolver | None = None,
    progress: object = None,
) -> tuple[FetchResult, Memento]:
    from provenance.retrieve.http import fetch

    base = base_url.rstrip("/")
    kw = {"transport": transport, "resolver": resolver}
    mementos: list[Memento] = []
    try:
        THROTTLE.wait(base, min_interval)
        timemap = fetch(
            f"{base}/timemap/{url}", config, accept_types=frozenset({"application/link-format", "text/plain"}), **kw
        )  # type: ignore[arg-type]
        mementos = parse_timemap(timemap.body.decode("utf-8", "replace"))
    except HTTPStatusError as exc:
        if exc.status != 404:
            raise ArchiveError(f"archive.today TimeMap for {url} failed: {exc}") from None
    except RetrievalError:
        mementos = []
    if mementos:
        memento = closest(mementos, timestamp)
        THROTTLE.wait(memento.url, min_interval)
        result = fetch(memento.url, config, progress=progress, **kw)  # type: ignore[arg-type]
        return result, memento
    # no readable TimeMap: let the TimeGate pick (it redirects to the memento)
    when = datetime.strptime(normalise_timestamp(timestamp), "%Y%m%d%H%M%S").replace(tzinfo=UTC)
    THROTTLE.wait(base, min_interval)
    try:
        result = fetch(
            f"{base}/timegate/{url}",
            config,
            headers={"Accept-Datetime": email.utils.format_datetime(when, usegmt=True)},
            progress=progress,  # type: ignore[arg-type]
            **kw,  # type: ignore[arg-type]
        )
    except HTTPStatusError as exc:
        if exc.status == 404:
            raise ArchiveError(f"archive.today has no capture of {url}", hint="try --archive wayback") from None
        raise ArchiveError(f"archive.today TimeGate for {url} failed: {exc}") from None
    ts = _to_timestamp(result.headers.get("memento-datetime", ""))
    if not ts or not result.redirects:
        raise ArchiveError(f"archive.today has no capture of {url}", hint="try --archive wayback")
    return result, Memento(result.final_url, ts)
