"""The snapshot store: what was fetched, from where, when; bodies content-addressed by SHA-256.

Bodies live in ``<cache_dir>/bodies/ab/cdef...`` (the hash split after two characters) and
are written atomically; the index is the ``snapshots`` table of the shared SQLite database.
A body whose hash no longer matches its name is reported (StoreError), never used.

Each row records whether it was fetched with private networks allowed; such a copy is served
only to a run that allows them too, so the SSRF guard cannot be bypassed through the store.
Rows from before that column existed count as fetched with them allowed.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from provenance.db import atomic_write, connect
from provenance.errors import StoreError
from provenance.model import Snapshot


def utc_now() -> str:
    """The time a snapshot is stamped with (here, not in http.py: reading a local file needs no HTTP stack)."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


_SCHEMA = """
CREATE TABLE IF NOT EXISTS snapshots (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    mode TEXT NOT NULL,
    url TEXT,
    final_url TEXT,
    archive TEXT NOT NULL,
    archive_timestamp TEXT,
    archive_url TEXT,
    status INTEGER,
    headers TEXT NOT NULL DEFAULT '{}',
    content_type TEXT,
    encoding TEXT,
    fetched_at TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    private_network INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX IF NOT EXISTS snapshots_source ON snapshots (source, mode, fetched_at);
"""

_COLUMNS = (
    "source, url, final_url, archive, archive_timestamp, archive_url, status, headers, content_type, encoding, "
    "fetched_at, sha256"
)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class SnapshotStore:
    def __init__(self, cache_dir: Path) -> None:
        self.cache_dir = cache_dir
        self.bodies = cache_dir / "bodies"
        self._conn: sqlite3.Connection | None = None

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            conn = connect(self.cache_dir, _SCHEMA, purpose="snapshot index")
            try:
                columns = {row[1] for row in conn.execute("PRAGMA table_info(snapshots)")}
                if "private_network" not in columns:  # an index written by an older version
                    conn.execute("ALTER TABLE snapshots ADD COLUMN private_network INTEGER NOT NULL DEFAULT 1")
            except sqlite3.DatabaseError as exc:
                conn.close()
                raise StoreError(f"cannot use the snapshot index in {self.cache_dir}: {exc}") from None
            self._conn = conn
        return self._conn

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def body_path(self, sha256: str) -> Path:
        return self.bodies / sha256[:2] / sha256[2:]

    def put(self, snapshot: Snapshot, *, mode: str, private_network: bool = True) -> None:
        """Store the body (if new) and index the snapshot under (source, mode).

        ``private_network``: whether it was fetched with private networks allowed (see module docstring).
        """
        digest = sha256_hex(snapshot.body)
        if digest != snapshot.sha256:
            raise StoreError(f"snapshot of {snapshot.source} does not match its own sha256 (bug)")
        path = self.body_path(digest)
        try:
            if not path.exists() or sha256_hex(path.read_bytes()) != digest:
                atomic_write(path, snapshot.body)
        except OSError as exc:
            raise StoreError(f"cannot write snapshot body to {path}: {exc.strerror}") from None
        try:
            self.conn.execute(
                f"INSERT INTO snapshots (private_network, mode, {_COLUMNS}) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    int(private_network),
                    mode,
                    snapshot.source,
                    snapshot.url,
                    snapshot.final_url,
                    snapshot.archive,
                    snapshot.archive_timestamp,
                    snapshot.archive_url,
                    snapshot.status,
                    json.dumps(snapshot.headers, ensure_ascii=False, sort_keys=True),
                    snapshot.content_type,
                    snapshot.encoding,
                    snapshot.fetched_at,
                    snapshot.sha256,
                ),
            )
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot index snapshot in {self.cache_dir}: {exc}") from None

    def get(self, source: str, *, mode: str, allow_private_network: bool = False) -> Snapshot | None:
        """The latest stored snapshot for (source, mode), body verified; None when there is none.

        Without ``allow_private_network`` only copies fetched under the full SSRF guard count.
        """
        only_guarded = "" if allow_private_network else " AND private_network = 0"
        try:
            row = self.conn.execute(
                f"SELECT {_COLUMNS} FROM snapshots WHERE source = ? AND mode = ?{only_guarded} "
                "ORDER BY fetched_at DESC, id DESC",
                (source, mode),
            ).fetchone()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot read the snapshot index in {self.cache_dir}: {exc}") from None
        if row is None:
            return None
        (src, url, final_url, archive, ts, archive_url, status, headers, ctype, encoding, fetched_at, digest) = row
        path = self.body_path(digest)
        hint = "run again with --refresh to fetch it anew"
        try:
            body = path.read_bytes()
        except FileNotFoundError:
            raise StoreError(f"stored snapshot of {source} is missing its body {path}", hint=hint) from None
        except OSError as exc:
            raise StoreError(f"cannot read stored snapshot body {path}: {exc.strerror}", hint=hint) from None
        if sha256_hex(body) != digest:
            raise StoreError(f"stored snapshot body {path} is corrupted (sha256 mismatch)", hint=hint)
        try:
            header_map = json.loads(headers or "{}")
        except json.JSONDecodeError:
            raise StoreError(f"stored snapshot of {source} has corrupted headers", hint=hint) from None
        snap = Snapshot(
            source=src,
            url=url,
            final_url=final_url,
            archive=archive,
            sha256=digest,
            fetched_at=fetched_at,
            body=body,
            archive_timestamp=ts,
            archive_url=archive_url,
            status=status,
            content_type=ctype,
            encoding=encoding,
            headers=header_map,
        )
        return replace(snap, from_store=True)
