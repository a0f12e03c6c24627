"""The persistent translation cache (table ``translations`` of the project database).

Keyed by provider, language pair and the SHA-256 of the exact source text, so a rerun gets
the same translations without the network. A cached translation keeps the name of the
provider that made it ("google"), never the API key or anything else about the request.
Only online providers are cached: memories and the gloss are local and cheap, and caching
them would freeze results after the memory file changes.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from provenance.db import DB_NAME, connect
from provenance.errors import StoreError
from provenance.model import Translation
from provenance.translate.base import Translator, norm_lang

log = logging.getLogger("provenance.translate")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    provider TEXT NOT NULL,
    source_lang TEXT NOT NULL,
    target_lang TEXT NOT NULL,
    text_sha256 TEXT NOT NULL,
    text TEXT NOT NULL,
    translation TEXT NOT NULL,
    provider_version TEXT,
    created_at TEXT NOT NULL,
    PRIMARY KEY (provider, source_lang, target_lang, text_sha256)
)
"""

#: Table groups of ``provenance cache``: our table plus the other stages' tables (by name prefix).
TABLE_GROUPS = {"translations": ("translations",), "snapshots": ("snapshot",), "embeddings": ("embedding",)}


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class TranslationCache:
    def __init__(self, cache_dir: Path) -> None:
        self.cache_dir = Path(cache_dir)
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    @property
    def conn(self) -> sqlite3.Connection:
        if self._conn is None:
            self._conn = connect(self.cache_dir, _SCHEMA, purpose="translation cache")
        return self._conn

    def get(
        self, texts: Sequence[str], source_lang: str, target_lang: str, *, provider: str | None = None,
        prefer: str | None = None,
    ) -> dict[str, tuple[str, str]]:
        """``{text: (translation, provider)}`` for the cached texts.

        With ``provider`` only that provider's entries count; otherwise any provider's, the
        ``prefer``-red one first, then the oldest entry (stable across reruns).
        """
        src, tgt = norm_lang(source_lang), norm_lang(target_lang)
        keys = {text_key(t): t for t in texts}
        found: dict[str, tuple[str, str]] = {}
        key_list = list(keys)
        with self._lock:
            for start in range(0, len(key_list), 500):  # stay under SQLite's variable limit
                part = key_list[start : start + 500]
                marks = ",".join("?" * len(part))
                sql = (
                    "SELECT text_sha256, text, translation, provider FROM translations "
                    f"WHERE source_lang=? AND target_lang=? AND text_sha256 IN ({marks})"
                )
                args: list[Any] = [src, tgt, *part]
                if provider is not None:
                    sql += " AND provider=?"
                    args.append(provider)
                sql += " ORDER BY (provider = ?) DESC, created_at, provider"
                args.append(prefer or "")
                try:
                    rows = self.conn.execute(sql, args).fetchall()
                except sqlite3.DatabaseError as exc:
                    raise StoreError(f"cannot read the translation cache: {exc}") from None
                for digest, text, translation, prov in rows:
                    original = keys.get(digest)
                    if original is not None and original == text and original not in found:
                        found[original] = (translation, prov)
        return found

    def put(
        self, provider: str, version: str, source_lang: str, target_lang: str, pairs: Sequence[tuple[str, str]]
    ) -> None:
        src, tgt = norm_lang(source_lang), norm_lang(target_lang)
        now = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
        rows = [(provider, src, tgt, text_key(s), s, t, version, now) for s, t in pairs]
        with self._lock:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                self.conn.executemany("INSERT OR REPLACE INTO translations VALUES (?,?,?,?,?,?,?,?)", rows)
                self.conn.execute("COMMIT")
            except sqlite3.DatabaseError as exc:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise StoreError(f"cannot write the translation cache: {exc}") from None


class CachedTranslator:
    """Serves cached translations of ``inner``'s provider and caches what ``inner`` produces."""

    def __init__(self, inner: Translator, cache: TranslationCache) -> None:
        self.inner = inner
        self.cache = cache
        self.name = inner.name
        self.version = inner.version
        # self-hosted services differ by server: their entries are kept apart ("libre@host")
        self.cache_name: str = getattr(inner, "cache_name", inner.name)

    def translate(self, texts: Sequence[str], source_lang: str, target_lang: str) -> list[Translation]:
        hits = self.cache.get(texts, source_lang, target_lang, provider=self.cache_name)
        misses = list(dict.fromkeys(t for t in texts if t not in hits))
        made: dict[str, str] = {}
        if misses:
            fresh = self.inner.translate(misses, source_lang, target_lang)
            made = {t.source: t.text for t in fresh}
            self.cache.put(self.cache_name, self.version, source_lang, target_lang, list(made.items()))
        log.debug("%s: %d cached, %d translated", self.name, len(texts) - len(misses), len(misses))
        out = []
        for text in texts:
            translation = hits[text][0] if text in hits else made[text]
            out.append(Translation(text, translation, source_lang, target_lang, self.name))
        return out


class CacheLookup:
    """The first step of ``auto`` and all of ``cache-only``: any provider's cached translation."""

    name = "cache"
    version = "1"

    def __init__(self, cache: TranslationCache, *, prefer: str | None = None) -> None:
        self.cache = cache
        self.prefer = prefer

    def lookup(self, texts: Sequence[str], source_lang: str, target_lang: str) -> list[Translation | None]:
        hits = self.cache.get(texts, source_lang, target_lang, prefer=self.prefer)
        return [
            Translation(t, hits[t][0], source_lang, target_lang, hits[t][1]) if t in hits else None for t in texts
        ]


# --------------------------------------------------------------------------- `provenance cache`


def _db_files(cache_dir: Path) -> list[Path]:
    base = cache_dir / DB_NAME
    return [p for p in (base, base.with_name(DB_NAME + "-wal"), base.with_name(DB_NAME + "-shm")) if p.exists()]


def _tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'").fetchall()
    return sorted(r[0] for r in rows)


def _group_tables(conn: sqlite3.Connection, group: str) -> list[str]:
    prefixes = TABLE_GROUPS[group]
    return [t for t in _tables(conn) if t.startswith(prefixes)]


def cache_stats(cache_dir: Path) -> dict[str, Any]:
    """Row counts per table group and the database size; does not create a database."""
    cache_dir = Path(cache_dir)
    out: dict[str, Any] = {"cache_dir": str(cache_dir), "database": str(cache_dir / DB_NAME), "tables": {}}
    if not (cache_dir / DB_NAME).exists():
        out.update({"exists": False, "bytes": 0, "groups": {g: 0 for g in TABLE_GROUPS}})
        return out
    conn = connect(cache_dir)
    try:
        for table in _tables(conn):
            out["tables"][table] = conn.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
        out["groups"] = {
            g: sum(out["tables"][t] for t in _group_tables(conn, g)) for g in TABLE_GROUPS
        }
        if "translations" in out["tables"]:
            out["translations_by_provider"] = dict(
                conn.execute("SELECT provider, COUNT(*) FROM translations GROUP BY provider ORDER BY provider")
            )
    finally:
        conn.close()
    out["exists"] = True
    out["bytes"] = sum(p.stat().st_size for p in _db_files(cache_dir))
    return out


def clear_cache(cache_dir: Path, groups: Sequence[str]) -> dict[str, int]:
    """Delete every row of the given table groups; returns rows deleted per group."""
    cache_dir = Path(cache_dir)
    deleted = {g: 0 for g in groups}
    if not (cache_dir / DB_NAME).exists():
        return deleted
    conn = connect(cache_dir)
    try:
        for group in groups:
            for table in _group_tables(conn, group):
                cur = conn.execute(f'DELETE FROM "{table}"')
                deleted[group] += max(cur.rowcount, 0)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("VACUUM")
    except sqlite3.OperationalError as exc:
        raise StoreError(f"cannot clear the cache database: {exc}") from None
    finally:
        conn.close()
    return deleted
