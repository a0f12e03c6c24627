"""Originals in WARC files: read a response record by URL, and keep snapshots as WARC evidence.

Reading refuses a record whose block is shorter than its Content-Length and verifies its
WARC-Block-Digest / WARC-Payload-Digest when present (a mismatch is an EvidenceError, not a
warning). Writing appends a request + response pair per fetched page (with WARC-Date and the
original response headers) and a ``resource`` record with a ``file:`` URI per local file, so a
reviewer can keep the evidence in the format web archives use; ``.gz`` names get per-record gzip
members. Appends are all-or-nothing.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import io
import os
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord, ArcWarcRecordLoader
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from provenance import __version__
from provenance.errors import EvidenceError, ResponseTooLargeError, RetrievalError
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


# Digest algorithms a WARC may name (lower case, dashes dropped: "sha-256" is sha256).
_DIGESTS = ("md5", "sha1", "sha224", "sha256", "sha384", "sha512")
# room for the HTTP status line and headers on top of the body limit when reading a record block
_HEADER_SLACK = 1024 * 1024


def _decode_digest(encoded: str, size: int) -> bytes | None:
    """The raw digest from its base32 (the WARC custom), hex or base64 spelling; None if it is none of them."""
    text = encoded.strip()
    candidates: list[bytes] = []
    if len(text) == 2 * size:
        with contextlib.suppress(ValueError):
            candidates.append(bytes.fromhex(text))
    with contextlib.suppress(binascii.Error, ValueError):
        candidates.append(base64.b32decode(text.upper() + "=" * (-len(text) % 8)))
    for decode in (base64.b64decode, base64.urlsafe_b64decode):
        with contextlib.suppress(binascii.Error, ValueError):
            candidates.append(decode(text + "=" * (-len(text) % 4)))
    return next((c for c in candidates if len(c) == size), None)


def _verify_digest(header: str, value: str, data: bytes, path: Path, target: str) -> None:
    """Raise EvidenceError unless ``value`` ("algorithm:digest") is the digest of ``data``."""
    algo, sep, encoded = value.strip().partition(":")
    algo = algo.strip().lower().replace("-", "")
    if not sep or algo not in _DIGESTS:
        # a digest we cannot check is not evidence of integrity: refuse rather than pretend
        raise EvidenceError(f"WARC file {path}: the record for {target} has a {header} we cannot verify ({value!r})")
    actual = hashlib.new(algo, data).digest()
    expected = _decode_digest(encoded, len(actual))
    if expected is None:
        raise EvidenceError(f"WARC file {path}: the record for {target} has a malformed {header} ({value!r})")
    if expected != actual:
        raise EvidenceError(
            f"WARC file {path} failed its digest check: the {header} of the record for {target} does not match",
            hint="the record was changed or damaged after it was written",
        )


def _read_block(record: ArcWarcRecord, path: Path, target: str, max_bytes: int) -> bytes:
    """The record block (HTTP headers + payload, as stored), refusing truncated records."""
    declared_text = (record.rec_headers.get_header("Content-Length") or "").strip()
    if not declared_text.isdigit():
        raise EvidenceError(f"WARC file {path}: the record for {target} has no valid Content-Length")
    declared = int(declared_text)
    if declared > max_bytes + _HEADER_SLACK:
        raise ResponseTooLargeError(
            f"WARC record for {target} exceeds the limit of {max_bytes:,} bytes",
            hint="raise max_bytes if this is really the page",
        )
    block = bytearray()
    while len(block) < declared:
        chunk = record.raw_stream.read(min(64 * 1024, declared - len(block)))
        if not chunk:
            break
        block += chunk
    if len(block) < declared:
        raise EvidenceError(
            f"WARC file {path} is truncated: the record for {target} declares {declared:,} bytes "
            f"but only {len(block):,} are present"
        )
    return bytes(block)


def _split_http(record: ArcWarcRecord, target: str, block: bytes) -> tuple[StatusAndHeaders | None, bytes]:
    """HTTP status and headers of a response record, and the payload after them (resource: no headers)."""
    if record.rec_type != "response" or not target.lower().startswith(("http:", "https:")):
        return None, block
    stream = io.BytesIO(block)
    http = ArcWarcRecordLoader().http_parser.parse(stream)
    return http, block[stream.tell() :]


def _decoded(record: ArcWarcRecord, http: StatusAndHeaders | None, payload: bytes, target: str,
             max_bytes: int) -> bytes:
    """The payload with chunked transfer and Content-Encoding undone (as warcio's content_stream does)."""
    holder = ArcWarcRecord(record.format, record.rec_type, record.rec_headers, io.BytesIO(payload), http,
                           record.content_type, len(payload))
    stream = holder.content_stream()
    body = bytearray()
    while chunk := stream.read(64 * 1024):
        body += chunk
        if len(body) > max_bytes:
            raise ResponseTooLargeError(
                f"WARC record for {target} exceeds the limit of {max_bytes:,} bytes",
                hint="raise max_bytes if this is really the page",
            )
    return bytes(body)


def read_response(path: Path, url: str | None = None, *, max_bytes: int = 10 * 1024 * 1024) -> WarcResponse:
    """The response (or resource) record for ``url`` (default: the first one) with its decoded payload.

    The record must be whole (its Content-Length bytes present) and match its WARC-Block-Digest and
    WARC-Payload-Digest where it has them; otherwise EvidenceError. warcio alone checks digests only
    when a record is read to its declared end, which a truncated record never reaches.
    """
    try:
        fh = path.open("rb")
    except FileNotFoundError:
        raise RetrievalError(f"WARC file not found: {path}") from None
    except OSError as exc:
        raise RetrievalError(f"cannot read WARC file {path}: {exc.strerror}") from None
    seen = 0
    with fh:
        try:
            # no_record_parse: we read the raw block ourselves, to count and hash exactly what is stored
            for record in ArchiveIterator(fh, no_record_parse=True):
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
                block = _read_block(record, path, target, max_bytes)
                block_digest = record.rec_headers.get_header("WARC-Block-Digest")
                if block_digest:
                    _verify_digest("WARC-Block-Digest", block_digest, block, path, target)
                http, payload = _split_http(record, target, block)
                payload_digest = record.rec_headers.get_header("WARC-Payload-Digest")
                if payload_digest:
                    _verify_digest("WARC-Payload-Digest", payload_digest, payload, path, target)
                body = _decoded(record, http, payload, target, max_bytes)
                status = int(http.get_statuscode()) if http is not None and http.get_statuscode() else None
                reason = http.statusline.split(" ", 1)[1] if http is not None and " " in http.statusline else ""
                headers = {k.lower(): v for k, v in http.headers} if http is not None else {}
                if http is None:
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
                    body=body,
                )
        except ArchiveLoadFailed as exc:
            msg = " ".join(str(exc).split())
            raise RetrievalError(f"{path} is not a readable WARC file: {msg}") from None
        except (OSError, EOFError, ValueError, zlib.error) as exc:
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


def _file_uri(snapshot: Snapshot) -> str:
    """``file:`` URI of a local original (absolute, so the record says which file it was)."""
    return Path(snapshot.source).expanduser().resolve().as_uri()


def _records(snapshot: Snapshot, *, new_file: bool, gz: bool, file_name: str,
             request_headers: dict[str, str] | None, reason: str, http_version: str) -> bytes:
    """The serialised records for ``snapshot`` (warcinfo first when the file is new)."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    if new_file:
        info = writer.create_warcinfo_record(
            file_name, {"software": f"translation-provenance/{__version__}", "format": "WARC File Format 1.1"}
        )
        writer.write_record(info)
    date = _warc_date(snapshot.fetched_at)
    if snapshot.archive == "file":
        # a local original has no HTTP exchange: one resource record holds the file's bytes as read
        resource = writer.create_warc_record(
            _file_uri(snapshot),
            "resource",
            payload=io.BytesIO(snapshot.body),
            length=len(snapshot.body),
            warc_content_type=snapshot.content_type or "application/octet-stream",
            warc_headers_dict={"WARC-Date": date},
        )
        writer.write_record(resource)
        return buffer.getvalue()
    target = snapshot.archive_url or snapshot.final_url or snapshot.url
    if not target:
        raise RetrievalError(f"cannot write {snapshot.source} to a WARC: it has no URL")
    status = snapshot.status or 200
    headers = [(k, v) for k, v in snapshot.headers.items() if k.lower() not in _DROP_HEADERS]
    if snapshot.content_type and not any(k.lower() == "content-type" for k, _ in headers):
        headers.append(("Content-Type", snapshot.content_type))
    headers.append(("Content-Length", str(len(snapshot.body))))
    extra = {"WARC-Date": date}
    if snapshot.url and snapshot.url != target:
        extra[REQUESTED_URI] = snapshot.url
    parts = urlsplit(target)
    req_path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    req_headers = list((request_headers or {"Host": parts.netloc}).items())
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
    return buffer.getvalue()


def _append(path: Path, build: Callable[[bool], bytes]) -> None:
    """Append ``build(new_file)`` to ``path`` whole or not at all.

    The records are serialised in memory first; the file's size is remembered, the bytes written and
    fsynced, and on any failure (disk full, interrupt) the file is cut back to that size, so one failed
    append never leaves a partial record that would make every later record unreadable.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    try:
        size = os.lseek(fd, 0, os.SEEK_END)
        try:
            data = memoryview(build(size == 0))
            while data:
                data = data[os.write(fd, data) :]
            os.fsync(fd)
        except BaseException:
            os.ftruncate(fd, size)
            raise
    finally:
        os.close(fd)


def write_snapshot(
    path: Path,
    snapshot: Snapshot,
    *,
    request_headers: dict[str, str] | None = None,
    reason: str = "",
    http_version: str = "HTTP/1.1",
) -> None:
    """Append ``snapshot`` to the WARC at ``path``, atomically.

    Fetched pages become a request + response record pair; local files (``--original page.html``)
    a ``resource`` record with their ``file:`` URI. A failed append leaves the file as it was and
    raises EvidenceError.
    """

    def build(new_file: bool) -> bytes:
        return _records(snapshot, new_file=new_file, gz=path.name.endswith(".gz"), file_name=path.name,
                        request_headers=request_headers, reason=reason, http_version=http_version)

    try:
        _append(path, build)
    except OSError as exc:
        raise EvidenceError(
            f"cannot append to WARC file {path}: {exc.strerror or exc}", hint="the file was left as it was"
        ) from None
