"""Live HTTP fetching with the limits a tool that follows links from untrusted articles needs.

``fetch`` follows redirects itself so every hop passes the SSRF guard, streams the body
through its own decompressor so neither a huge body nor a gzip bomb can grow memory past
``Config.max_bytes``, refuses binary content types, and retries 429/5xx with exponential
backoff honouring ``Retry-After``. Tests swap the transport or point it at loopback servers.
"""

from __future__ import annotations

import email.utils
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC
from urllib.parse import urljoin, urlsplit

import httpx

from provenance import __version__
from provenance.config import Config
from provenance.errors import (
    BlockedURLError,
    HTTPStatusError,
    NetworkError,
    ResponseTooLargeError,
    RetrievalError,
)
from provenance.retrieve.guard import Resolver, check_url, guarded_transport
from provenance.retrieve.store import utc_now

USER_AGENT = (
    f"translation-provenance/{__version__} "
    "(+https://pypi.org/project/translation-provenance/; checks translated quotes against their originals)"
)
#: content types an original may have; anything else (images, PDFs, binaries) is refused
TEXT_TYPES = frozenset(
    {
        "text/html",
        "application/xhtml+xml",
        "text/plain",
        "text/markdown",
        "text/x-markdown",
        "text/xml",
        "application/xml",
        "application/warc",
    }
)
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_RETRY_AFTER = 60.0  # seconds: never let a server park us longer than this per attempt
BACKOFF_BASE = 1.0  # seconds; attempt n waits BACKOFF_BASE * 2**n unless Retry-After says otherwise

Progress = Callable[[str, int, int], None]


@dataclass
class FetchResult:
    url: str
    final_url: str
    status: int
    reason: str
    headers: dict[str, str]
    body: bytes = field(repr=False)
    content_type: str | None
    http_version: str = "HTTP/1.1"
    request_headers: dict[str, str] = field(default_factory=dict)
    redirects: list[str] = field(default_factory=list)
    fetched_at: str = ""


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date), capped."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), MAX_RETRY_AFTER)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    delta = when.timestamp() - (time.time() if now is None else now)
    return min(max(delta, 0.0), MAX_RETRY_AFTER)


class _Decompressor:
    """Content-Encoding decoder that never produces more than the caller's budget at once."""

    def __init__(self, encoding: str) -> None:
        enc = encoding.strip().lower()
        self.encoding = enc
        if enc in ("", "identity"):
            self.z = None
        elif enc in ("gzip", "x-gzip"):
            self.z = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif enc == "deflate":
            self.z = zlib.decompressobj(zlib.MAX_WBITS)
        else:
            raise RetrievalError(f"unsupported Content-Encoding {encoding!r}")
        self._started = False

    def feed(self, data: bytes, budget: int) -> bytes:
        """Decode ``data``; returns at most ``budget + 1`` bytes (one more than allowed means too large)."""
        if self.z is None:
            return data
        try:
            out = self.z.decompress(data, budget + 1)
        except zlib.error:
            if self.encoding == "deflate" and not self._started:
                # some servers send raw deflate without the zlib wrapper
                self.z = zlib.decompressobj(-zlib.MAX_WBITS)
                out = self.z.decompress(data, budget + 1)
            else:
                raise RetrievalError(f"corrupt {self.encoding}-compressed response body") from None
        self._started = True
        return out

    def flush(self) -> bytes:
        # all input is consumed at this point, so what is left is at most zlib's small internal window
        return b"" if self.z is None else self.z.flush()

    @property
    def pending(self) -> bool:
        return bool(self.z is not None and self.z.unconsumed_tail)


def _mime(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def _too_large(url: str, limit: int, what: str = "") -> ResponseTooLargeError:
    return ResponseTooLargeError(
        f"{url}: response body {what} exceeds the limit of {limit:,} bytes",
        hint="raise max_bytes if this is really the page",
    )


def total_deadline(config: Config) -> float:
    """Seconds one fetch may take in all (every redirect, retry and byte of the body)."""
    if config.fetch_deadline is not None:
        return config.fetch_deadline
    return config.connect_timeout + 4 * config.read_timeout + 30


def _past_deadline(url: str, config: Config) -> NetworkError:
    return NetworkError(
        f"{url}: gave up after the total deadline of {total_deadline(config):g} s (server too slow)",
        hint="raise fetch_deadline if the server is just slow",
    )


def _read_body(resp: httpx.Response, url: str, config: Config, deadline: float, progress: Progress | None) -> bytes:
    limit = config.max_bytes
    announced = resp.headers.get("content-length")
    if announced and announced.strip().isdigit() and int(announced) > limit:
        raise _too_large(url, limit, f"({int(announced):,} bytes announced)")
    total = int(announced) if announced and announced.strip().isdigit() else 0
    decoder = _Decompressor(resp.headers.get("content-encoding", ""))
    out = bytearray()
    raw_seen = 0
    # no chunk size: httpx would otherwise buffer until 64 KiB arrived, and a server trickling one byte
    # a second would only meet the deadline check once every 18 hours
    for chunk in resp.iter_raw():
        raw_seen += len(chunk)
        piece = decoder.feed(chunk, limit - len(out))
        out += piece
        # decompressed size is what counts: a small gzip bomb must not expand past the limit
        if len(out) > limit or decoder.pending:
            raise _too_large(url, limit, "(decompressed)" if decoder.z is not None else "")
        if time.monotonic() > deadline:
            raise _past_deadline(url, config)
        if progress is not None and total:
            progress("download", min(raw_seen, total), total)
    out += decoder.flush()
    if len(out) > limit:
        raise _too_large(url, limit, "(decompressed)")
    return bytes(out)


def fetch(
    url: str,
    config: Config,
    *,
    accept_types: frozenset[str] = TEXT_TYPES,
    transport: httpx.BaseTransport | None = None,
    resolver: Resolver | None = None,
    progress: Progress | None = None,
    sleep: Callable[[float], None] = time.sleep,
    headers: dict[str, str] | None = None,
    raise_for_status: bool = True,
) -> FetchResult:
    """GET ``url`` under the limits in ``config`` (see module docstring)."""
    timeout = httpx.Timeout(
        connect=config.connect_timeout, read=config.read_timeout, write=config.read_timeout, pool=config.connect_timeout
    )
    request_headers = {
        "User-Agent": config.user_agent or USER_AGENT,
        "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1",
        "Accept-Encoding": "gzip, deflate",
        **(headers or {}),
    }
    deadline = time.monotonic() + total_deadline(config)
    if transport is None:
        transport = guarded_transport(
            allow_private_network=config.allow_private_network, resolver=resolver, deadline=deadline
        )
    try:
        client = httpx.Client(timeout=timeout, follow_redirects=False, transport=transport, trust_env=False)
    except ValueError as exc:
        raise RetrievalError(f"cannot set up HTTP client: {exc}") from None
    with client:
        current = url
        hops: list[str] = []
        attempt = 0
        while True:
            check_url(current, allow_private_network=config.allow_private_network, resolver=resolver)
            try:
                with client.stream("GET", current, headers=request_headers) as resp:
                    status = resp.status_code
                    if status in REDIRECT_STATUSES and resp.headers.get("location"):
                        target = urljoin(current, resp.headers["location"])
                        if target in hops or target == current:
                            chain = " -> ".join([*hops, current, target])
                            raise RetrievalError(f"redirect loop: {chain}")
                        hops.append(current)
                        if len(hops) > config.max_redirects:
                            raise RetrievalError(f"{url}: too many redirects (more than {config.max_redirects})")
                        current = target
                        continue
                    if status in RETRY_STATUSES and attempt < config.retries:
                        wait = parse_retry_after(resp.headers.get("retry-after"))
                        wait = BACKOFF_BASE * 2**attempt if wait is None else wait
                        if time.monotonic() + wait > deadline:
                            raise _past_deadline(url, config)
                        sleep(wait)
                        attempt += 1
                        continue
                    if status >= 400 and raise_for_status:
                        hint = "the server keeps refusing; try --archive wayback" if status in RETRY_STATUSES else None
                        raise HTTPStatusError(
                            f"{current} answered HTTP {status} {resp.reason_phrase}".rstrip(), status=status, hint=hint
                        )
                    content_type = resp.headers.get("content-type")
                    mime = _mime(content_type)
                    if mime and mime not in accept_types and status < 400:
                        raise RetrievalError(
                            f"{current} is {mime}, not a web page or text (refusing to read it as an original)"
                        )
                    body = _read_body(resp, current, config, deadline, progress)
                    if not mime and b"\0" in body[:4096]:
                        # no declared type and NUL bytes: a binary file, not a page
                        raise RetrievalError(f"{current} has no content type and looks binary (refusing it)")
                    return FetchResult(
                        url=url,
                        final_url=current,
                        status=status,
                        reason=resp.reason_phrase,
                        headers={k.lower(): v for k, v in resp.headers.items()},
                        body=body,
                        content_type=content_type,
                        http_version=resp.http_version or "HTTP/1.1",
                        request_headers={"Host": urlsplit(current).netloc, **request_headers},
                        redirects=hops,
                        fetched_at=utc_now(),
                    )
            except httpx.TimeoutException as exc:
                if time.monotonic() >= deadline:
                    raise _past_deadline(url, config) from None
                kind = "connecting to" if isinstance(exc, httpx.ConnectTimeout) else "waiting for"
                limit = config.connect_timeout if isinstance(exc, httpx.ConnectTimeout) else config.read_timeout
                raise NetworkError(f"timed out after {limit:g} s {kind} {urlsplit(current).netloc}") from None
            except httpx.ConnectError as exc:
                raise NetworkError(f"cannot connect to {urlsplit(current).netloc}: {exc}") from None
            except httpx.UnsupportedProtocol:
                raise BlockedURLError(f"refusing to fetch {current}: only http(s) URLs are fetched") from None
            except httpx.InvalidURL as exc:
                raise RetrievalError(f"invalid URL {current!r}: {exc}") from None
            except httpx.HTTPError as exc:
                raise NetworkError(f"network error fetching {current}: {exc}") from None
