"""Originals in WARC files: read a response record by URL, and keep fetched snapshots as WARC.

Reading verifies the record's WARC-Payload-Digest / WARC-Block-Digest when present (a
mismatch is an error, not a warning). Writing appends a request + response pair per snapshot
(with WARC-Date and the original response headers), so a reviewer can keep the evidence in
the format web archives use; ``.gz`` names get per-record gzip members.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from provenance import __version__
from provenance.errors import ResponseTooLargeError, RetrievalError
from provenance.model import Snapshot

REQUESTED_URI = "WARC-Provenance-Requested-URI"  # our own header: the URL asked for, before redirects/archives
# hop-by-hop and encoding headers no longer describe the stored (decoded) body
_DROP_HEADERS = {"content-encoding", "transfer-encoding", "content-length", "connection", "keep-alive"}


@dataclass
class WarcResponse:
    target_uri: str
    requested_uri: str | None
    warc_date: str  # ISO 8601
    status: int | None
    reason: str
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = field(repr=False, default=b"")

    @property
    def timestamp(self) -> str | None:
        """WARC-Date as YYYYMMDDhhmmss."""
        digits = "".join(ch for ch in self.warc_date if ch.isdigit())
        return digits[:14] if len(digits) >= 14 else None


def _same_url(a: str, b: str) -> bool:
    def norm(u: str) -> str:
        parts = urlsplit(u.strip())
        path = parts.path or "/"
        return f"{parts.scheme.lower()}://{parts.netloc.lower()}{path}" + (f"?{parts.query}" if parts.query else "")

    return norm(a) == norm(b) or norm(a).rstrip("/") == norm(b).rstrip("/")


def read_response(path: Path, url: str | None = None, *, max_bytes: int = 10 * 1024 * 1024) -> WarcResponse:
    """The response record for ``url`` (default: the first response record) with its decoded payload."""
    try:
        fh = path.open("rb")
    except FileNotFoundError:
        raise RetrievalError(f"WARC file not found: {path}") from None
    except OSError as exc:
        raise RetrievalError(f"cannot read WARC file {path}: {exc.strerror}") from None
    seen = 0
    with fh:
        try:
            for record in ArchiveIterator(fh, check_digests="raise"):
                if record.rec_type not in ("response", "resource"):
                    continue
                seen += 1
                target = record.rec_headers.get_header("WARC-Target-URI") or ""
                if record.format != "warc" or not target:
                    # warcio is lenient with junk (it may read it as an ARC record): we are not
                    raise RetrievalError(f"{path} is not a readable WARC file (a record without WARC-Target-URI)")
                requested = record.rec_headers.get_header(REQUESTED_URI)
                if url is not None and not (_same_url(target, url) or (requested and _same_url(requested, url))):
                    continue
                stream = record.content_stream()
                body = bytearray()
                while chunk := stream.read(64 * 1024):
                    body += chunk
                    if len(body) > max_bytes:
                        raise ResponseTooLargeError(
                            f"WARC record for {target} exceeds the limit of {max_bytes:,} bytes",
                            hint="raise max_bytes if this is really the page",
                        )
                # reading to the end lets warcio check the block digest too
                record.raw_stream.read()
                http = record.http_headers
                status = int(http.get_statuscode()) if http is not None and http.get_statuscode() else None
                reason = http.statusline.split(" ", 1)[1] if http is not None and " " in http.statusline else ""
                headers = {k.lower(): v for k, v in http.headers} if http is not None else {}
                if record.rec_type == "resource":
                    ctype = record.rec_headers.get_header("Content-Type")
                    if ctype:
                        headers.setdefault("content-type", ctype)
                return WarcResponse(
                    target_uri=target,
                    requested_uri=requested,
                    warc_date=record.rec_headers.get_header("WARC-Date") or "",
                    status=status,
                    reason=reason,
                    headers=headers,
                    body=bytes(body),
                )
        except ArchiveLoadFailed as exc:
            msg = " ".join(str(exc).split())
            if "digest" in msg.lower():
                raise RetrievalError(f"WARC file {path} failed its digest check: {msg}") from None
            raise RetrievalError(f"{path} is not a readable WARC file: {msg}") from None
        except (OSError, EOFError, ValueError) as exc:
            raise RetrievalError(f"{path} is not a readable WARC file: {exc}") from None
    if url is None:
        raise RetrievalError(f"WARC file {path} has no response record")
    raise RetrievalError(f"WARC file {path} has no response record for {url} ({seen} response record(s) in it)")


def _warc_date(fetched_at: str) -> str:
    try:
        when = datetime.fromisoformat(fetched_at.replace("Z", "+00:00"))
    except ValueError:
        return fetched_at
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def write_snapshot(
    path: Path,
    snapshot: Snapshot,
    *,
    request_headers: dict[str, str] | None = None,
    reason: str = "",
    http_version: str = "HTTP/1.1",
) -> None:
    """Append a request + response record pair for ``snapshot`` to the WARC at ``path``."""
    target = snapshot.archive_url or snapshot.final_url or snapshot.url
    if not target:
        raise RetrievalError(f"cannot write {snapshot.source} to a WARC: it has no URL")
    status = snapshot.status or 200
    headers = [(k, v) for k, v in snapshot.headers.items() if k.lower() not in _DROP_HEADERS]
    if snapshot.content_type and not any(k.lower() == "content-type" for k, _ in headers):
        headers.append(("Content-Type", snapshot.content_type))
    headers.append(("Content-Length", str(len(snapshot.body))))
    date = _warc_date(snapshot.fetched_at)
    extra = {"WARC-Date": date}
    if snapshot.url and snapshot.url != target:
        extra[REQUESTED_URI] = snapshot.url
    parts = urlsplit(target)
    req_path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    req_headers = list((request_headers or {"Host": parts.netloc}).items())
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("ab") as fh:
            writer = WARCWriter(fh, gzip=path.name.endswith(".gz"))
            if fh.tell() == 0:
                info = writer.create_warcinfo_record(
                    path.name, {"software": f"translation-provenance/{__version__}", "format": "WARC File Format 1.1"}
                )
                writer.write_record(info)
            response = writer.create_warc_record(
                target,
                "response",
                payload=io.BytesIO(snapshot.body),
                http_headers=StatusAndHeaders(
                    f"{status} {reason or 'OK'}".strip(), headers, protocol=http_version or "HTTP/1.1"
                ),
                warc_headers_dict=extra,
            )
            request = writer.create_warc_record(
                target,
                "request",
                payload=io.BytesIO(b""),
                http_headers=StatusAndHeaders(f"GET {req_path} HTTP/1.1", req_headers, is_http_request=True),
                warc_headers_dict={"WARC-Date": date},
            )
            writer.write_request_response_pair(request, response)
    except OSError as exc:
        raise RetrievalError(f"cannot write WARC file {path}: {exc.strerror}") from None
