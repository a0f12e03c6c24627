"""The one SQLite database and atomic file writes.

Translation cache, snapshot index and embedding cache share ``<cache_dir>/provenance.sqlite3``;
each module creates its own tables with ``CREATE TABLE IF NOT EXISTS``. Snapshot bodies are
files named by SHA-256 under ``<cache_dir>/bodies/``, written with ``atomic_write``.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from pathlib import Path

from provenance.errors import StoreError

DB_NAME = "provenance.sqlite3"

# (path, size, mtime) of each database file this process found sound: `PRAGMA quick_check` reads the whole file
# (about 0.1 s for the 120 MB of a set-up cache) and a check opens it once per store; a file changed since is
# checked again
_SOUND: set[tuple[str, int, int]] = set()


def _stamp(path: Path) -> tuple[str, int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return str(path), st.st_size, st.st_mtime_ns


def connect(cache_dir: Path, schema: str | None = None, *, purpose: str = "cache") -> sqlite3.Connection:
    """Open (creating if needed) the project database; corruption and locks become StoreError.

    ``schema`` is the caller's ``CREATE TABLE IF NOT EXISTS ...`` script; ``purpose`` names the
    caller's tables in error messages ("translation cache", "snapshot index", ...).
    """
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create cache directory {cache_dir}: {exc.strerror}") from None
    path = cache_dir / DB_NAME
    try:
        conn = sqlite3.connect(path, timeout=10.0, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        stamp = _stamp(path)
        if stamp is None or stamp not in _SOUND:
            conn.execute("PRAGMA quick_check").fetchone()
            if stamp is not None:
                _SOUND.add(stamp)
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc):
            raise StoreError(f"cache database {path} is locked by another process", hint="try again") from None
        raise StoreError(f"cannot open cache database {path}: {exc}") from None
    except sqlite3.DatabaseError:
        raise StoreError(
            f"cache database {path} is corrupted",
            hint="delete it or point --cache-dir elsewhere; it only holds caches",
        ) from None
    if schema:
        try:
            conn.executescript(schema)
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise StoreError(f"cannot use the {purpose} in {cache_dir}: {exc}") from None
    return conn


def _current_umask() -> int:
    # The only portable way to read the umask is to set it; do it once, not per write, since
    # another thread could create a file in the moment it is 0.
    global _UMASK
    if _UMASK is None:
        _UMASK = os.umask(0o022)
        os.umask(_UMASK)
    return _UMASK


_UMASK: int | None = None


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so readers see the old file or the whole new one, never a part."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp creates 0600 files; reports and bodies should get the usual umask-based mode.
        os.fchmod(fd, 0o666 & ~_current_umask())
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
