"""Getting originals: live pages, web archives, WARC files and local files, as Snapshots.

``get_snapshot(src, config)`` is the one entry point. SRC syntax (``parse_source``):

- a path: a saved page or text file (archive "file")
- ``http(s)://...``: fetched according to ``config.archive``: live, wayback, archive.today,
  or auto (live, then the Wayback Machine, then archive.today; the one used is recorded)
- ``wayback:URL[@YYYYMMDDhhmmss]``: the Wayback capture closest to the time (default: newest)
- ``archive.today:URL[@YYYYMMDDhhmmss]``: the archive.today memento closest to the time
- ``warc:FILE[#URL]``: a response record from a WARC file (default: the first one)

Network results are kept in the snapshot store and reused unless ``config.refresh``. The SSRF
guard judges an http(s) SRC before the store is consulted, and a copy fetched with private
networks allowed is reused only by a run that allows them too.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from provenance.config import Config
from provenance.documents.charsets import decode_page
from provenance.errors import ArchiveError, BlockedURLError, NetworkError, RetrievalError, UsageError
from provenance.model import Outlet, Snapshot
from provenance.retrieve import archive_today, wayback
from provenance.retrieve.store import SnapshotStore, utc_now

# the HTTP stack and warcio are imported by what fetches or writes WARC, not by a check of a local file
if TYPE_CHECKING:
    import httpx

    from provenance.retrieve.guard import Resolver
    from provenance.retrieve.http import FetchResult

__all__ = ["Endpoints", "SourceSpec", "get_snapshot", "parse_source", "detect_partial"]

Progress = Callable[[str, int, int], None]
ARCHIVE_MODES = ("live", "wayback", "archive.today", "auto")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_TS_SUFFIX = re.compile(r"^(.*)@(\d{4,14})$")
_TEXT_SUFFIXES = {
    ".html": "text/html",
    ".htm": "text/html",
    ".xhtml": "application/xhtml+xml",
    ".txt": "text/plain",
    ".text": "text/plain",
    ".md": "text/markdown",
    ".markdown": "text/markdown",
}


@dataclass(frozen=True)
class SourceSpec:
    kind: str  # file | url | wayback | archive.today | warc
    raw: str
    url: str | None = None
    path: Path | None = None
    timestamp: str | None = None


@dataclass(frozen=True)
class Endpoints:
    """Archive base URLs (tests and mirrors point them elsewhere)."""

    wayback_api: str = wayback.API_BASE
    wayback_replay: str = wayback.REPLAY_BASE
    archive_today: str = archive_today.BASE
    min_interval: float = wayback.MIN_INTERVAL

    @classmethod
    def from_config(cls, config: Config) -> Endpoints:
        """The archive services of ``config`` (``wayback_api``, ``wayback_replay``, ``archive_today``,
        ``archive_min_interval``), the public ones where it sets none."""
        interval = config.archive_min_interval
        return cls(
            wayback_api=config.wayback_api or wayback.API_BASE,
            wayback_replay=config.wayback_replay or wayback.REPLAY_BASE,
            archive_today=config.archive_today or archive_today.BASE,
            min_interval=wayback.MIN_INTERVAL if interval is None else interval,
        )


def _archived_url(src: str, prefix: str, rest: str) -> tuple[str, str | None]:
    match = _TS_SUFFIX.match(rest)
    url, ts = (match.group(1), match.group(2)) if match else (rest, None)
    if not re.match(r"^https?://[^/\s]+", url):
        raise UsageError(f"bad source {src!r}: expected {prefix}:http(s)://...[@YYYYMMDDhhmmss]")
    return url, ts


def parse_source(src: str) -> SourceSpec:
    """Classify SRC (see module docstring); malformed archive/WARC syntax is a UsageError."""
    text = src.strip()
    if not text:
        raise UsageError("empty source: give a path, an http(s) URL, wayback:URL, archive.today:URL or warc:FILE")
    lowered = text.lower()
    if lowered.startswith("wayback:"):
        url, ts = _archived_url(src, "wayback", text[len("wayback:") :])
        return SourceSpec("wayback", src, url=url, timestamp=ts)
    for prefix in ("archive.today:", "archive.ph:", "archive.is:"):
        if lowered.startswith(prefix):
            url, ts = _archived_url(src, "archive.today", text[len(prefix) :])
            return SourceSpec("archive.today", src, url=url, timestamp=ts)
    if lowered.startswith("warc:"):
        rest = text[len("warc:") :]
        file_part, _, url = rest.partition("#")
        if not file_part:
            raise UsageError(f"bad source {src!r}: expected warc:FILE[#URL]")
        if url and not re.match(r"^https?://", url):
            raise UsageError(f"bad source {src!r}: the part after # must be an http(s) URL")
        return SourceSpec("warc", src, url=url or None, path=Path(file_part).expanduser())
    if _SCHEME.match(text):
        # any scheme is accepted here; the SSRF guard refuses everything but http(s) with a clear message
        return SourceSpec("url", src, url=text)
    return SourceSpec("file", src, path=Path(text).expanduser())


# Menus, headers and footers advertise the subscription product on every page ("BILDplus" in the
# navigation), so markers only count in what is left after dropping them.
_CHROME_XPATH = "//nav|//header|//footer|//aside|//menu|//script|//style|//noscript|//form"
_NOT_FREE = re.compile(r'"isAccessibleForFree"\s*:\s*"?(false|False)"?')


def detect_partial(body: bytes, outlet: Outlet | None) -> str | None:
    """Why the page is paywalled (schema.org isAccessibleForFree=false, or an outlet marker in the body), or None."""
    if not body:
        return None
    text, _ = decode_page(body[:2_000_000])
    if _NOT_FREE.search(text):
        name = outlet.name if outlet else "the outlet"
        return f"original only partly available: {name} marks the article as not free (isAccessibleForFree=false)"
    if outlet is None or not outlet.paywall_markers:
        return None
    folded = _without_chrome(text).casefold()
    for marker in outlet.paywall_markers:
        if marker and marker.casefold() in folded:
            return f"original only partly available: {outlet.name} paywall ({marker!r} on the page)"
    return None


def _without_chrome(text: str) -> str:
    """The page markup without navigation, header, footer, scripts and forms (plain text stays as is)."""
    if "<" not in text[:2000]:
        return text
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return text
    for el in root.xpath(_CHROME_XPATH):
        el.drop_tree()
    return etree.tostring(root, encoding="unicode", method="html")


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _encoding(body: bytes, content_type: str | None) -> str | None:
    return decode_page(body, content_type)[1] if body else None


def _from_file(spec: SourceSpec, config: Config) -> Snapshot:
    assert spec.path is not None
    path = spec.path
    try:
        size = path.stat().st_size
        if size > config.max_bytes:
            raise RetrievalError(f"{path} is larger than the limit of {config.max_bytes:,} bytes")
        with path.open("rb") as fh:
            body = fh.read(config.max_bytes + 1)
    except FileNotFoundError:
        raise RetrievalError(f"original not found: {path}") from None
    except IsADirectoryError:
        raise RetrievalError(f"original {path} is a directory, not a file") from None
    except OSError as exc:
        raise RetrievalError(f"cannot read original {path}: {exc.strerror}") from None
    if len(body) > config.max_bytes:
        raise RetrievalError(f"{path} is larger than the limit of {config.max_bytes:,} bytes")
    ctype = _TEXT_SUFFIXES.get(path.suffix.lower())
    if ctype is None and body.lstrip()[:1] == b"<":
        ctype = "text/html"
    return Snapshot(
        source=spec.raw,
        url=None,
        final_url=None,
        archive="file",
        sha256=_sha(body),
        fetched_at=utc_now(),
        body=body,
        content_type=ctype,
        encoding=_encoding(body, ctype),
    )


def _from_warc(spec: SourceSpec, config: Config) -> Snapshot:
    from provenance.retrieve import warc as warcfile

    assert spec.path is not None
    rec = warcfile.read_response(spec.path, spec.url, max_bytes=config.max_bytes)
    ctype = rec.headers.get("content-type")
    return Snapshot(
        source=spec.raw,
        url=rec.requested_uri or rec.target_uri,
        final_url=rec.target_uri,
        archive="warc",
        sha256=_sha(rec.body),
        fetched_at=rec.warc_date or utc_now(),
        body=rec.body,
        archive_timestamp=rec.timestamp,
        archive_url=f"warc:{spec.path}#{rec.target_uri}",
        status=rec.status,
        content_type=ctype,
        encoding=_encoding(rec.body, ctype),
        headers=rec.headers,
    )


def _snapshot(
    src: str, result: FetchResult, *, url: str, final_url: str, archive: str, ts: str | None, archive_url: str | None
) -> Snapshot:
    ctype = result.content_type
    return Snapshot(
        source=src,
        url=url,
        final_url=final_url,
        archive=archive,
        sha256=_sha(result.body),
        fetched_at=result.fetched_at or utc_now(),
        body=result.body,
        archive_timestamp=ts,
        archive_url=archive_url,
        status=result.status,
        content_type=ctype,
        encoding=_encoding(result.body, ctype),
        headers=dict(result.headers),
    )


@dataclass
class _Net:
    config: Config
    endpoints: Endpoints
    transport: httpx.BaseTransport | None
    resolver: Resolver | None
    progress: Progress | None

    def live(self, src: str, url: str) -> Snapshot:
        from provenance.retrieve.http import fetch

        result = fetch(url, self.config, transport=self.transport, resolver=self.resolver, progress=self.progress)
        return _snapshot(src, result, url=url, final_url=result.final_url, archive="live", ts=None, archive_url=None)

    def wayback(self, src: str, url: str, ts: str | None) -> Snapshot:
        result, capture = wayback.get(
            url,
            self.config,
            timestamp=ts,
            api_base=self.endpoints.wayback_api,
            replay_base=self.endpoints.wayback_replay,
            min_interval=self.endpoints.min_interval,
            transport=self.transport,
            resolver=self.resolver,
            progress=self.progress,
        )
        return _snapshot(
            src,
            result,
            url=url,
            final_url=capture.url,
            archive="wayback",
            ts=capture.timestamp,
            archive_url=result.final_url,
        )

    def archive_today(self, src: str, url: str, ts: str | None) -> Snapshot:
        result, memento = archive_today.get(
            url,
            self.config,
            timestamp=ts,
            base_url=self.endpoints.archive_today,
            min_interval=self.endpoints.min_interval,
            transport=self.transport,
            resolver=self.resolver,
            progress=self.progress,
        )
        return _snapshot(
            src, result, url=url, final_url=url, archive="archive.today", ts=memento.timestamp, archive_url=memento.url
        )

    def auto(self, src: str, url: str, outlet: Outlet | None) -> Snapshot:
        failures: list[str] = []
        partial: Snapshot | None = None
        attempts: list[tuple[str, Callable[[], Snapshot]]] = [
            ("live", lambda: self.live(src, url)),
            ("wayback", lambda: self.wayback(src, url, None)),
            ("archive.today", lambda: self.archive_today(src, url, None)),
        ]
        for name, attempt in attempts:
            try:
                snap = attempt()
            except BlockedURLError:
                raise  # the URL itself is refused; archives would not make it acceptable
            except RetrievalError as exc:
                failures.append(f"{name}: {exc}")
                continue
            if detect_partial(snap.body, outlet) is None:
                return snap
            partial = partial or snap  # behind a paywall: an archive may have the whole text
            failures.append(f"{name}: paywalled")
        if partial is not None:
            return partial
        raise ArchiveError(f"no copy of {url} could be obtained ({'; '.join(failures)})")


def get_snapshot(
    src: str,
    config: Config,
    *,
    outlet: Outlet | None = None,
    progress: Progress | None = None,
    endpoints: Endpoints | None = None,
    transport: httpx.BaseTransport | None = None,
    resolver: Resolver | None = None,
    warc_out: Path | None = None,
) -> Snapshot:
    """The Snapshot for SRC (see module docstring); ``warc_out`` also appends it to a WARC file."""
    spec = parse_source(src)
    if config.archive not in ARCHIVE_MODES:
        raise UsageError(f"unknown archive mode {config.archive!r} (use {', '.join(ARCHIVE_MODES)})")
    if spec.kind == "file":
        snap = _from_file(spec, config)
    elif spec.kind == "warc":
        snap = _from_warc(spec, config)
    else:
        assert spec.url is not None
        mode = spec.kind if spec.kind != "url" else config.archive
        if spec.kind == "url":
            from provenance.retrieve.guard import check_url

            # no DNS now (offline) is no refusal: the store still only serves copies fetched under the same guard
            with contextlib.suppress(NetworkError):
                check_url(spec.url, allow_private_network=config.allow_private_network, resolver=resolver)
        store = SnapshotStore(config.cache_dir)
        try:
            stored = (
                None
                if config.refresh
                else store.get(src, mode=mode, allow_private_network=config.allow_private_network)
            )
            if stored is not None:
                snap = stored
            else:
                net = _Net(config, endpoints or Endpoints.from_config(config), transport, resolver, progress)
                if mode == "live":
                    snap = net.live(src, spec.url)
                elif mode == "wayback":
                    snap = net.wayback(src, spec.url, spec.timestamp)
                elif mode == "archive.today":
                    snap = net.archive_today(src, spec.url, spec.timestamp)
                else:
                    snap = net.auto(src, spec.url, outlet)
                store.put(snap, mode=mode, private_network=config.allow_private_network)
        finally:
            store.close()
    reason = detect_partial(snap.body, outlet)
    if reason:
        snap = replace(snap, partial=True, partial_reason=reason)
    if warc_out is not None:
        target = snap.archive_url or snap.final_url or snap.url or ""
        from provenance.retrieve import warc as warcfile
        from provenance.retrieve.http import USER_AGENT

        request = {"Host": urlsplit(target).netloc, "User-Agent": config.user_agent or USER_AGENT}
        warcfile.write_snapshot(warc_out, snap, request_headers=request)
    return snap
