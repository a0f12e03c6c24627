"""Compiled regular expressions kept between runs of the ``provenance`` process (the library leaves ``re`` alone).

A check compiles about 950 regular expressions, 0.27 s of a 2,000-word article's 5 s (the attribution lexicon's 75
patterns 0.11 s, the outlet registry's name trie 0.03 s, the rest in imported packages): Python's ``re`` parses
every pattern into its engine's code again in every process. Inside ``kept_in`` the process keeps that code in the
cache dir and hands the engine the stored code for a pattern it has compiled before, instead of parsing it again.

What is stored is exactly what ``re`` computes (the parser and code generator of this Python are called as ``re``
calls them), looked up by the pattern's whole text, its flags and its type, in a file named by the Python version
and the engine's magic number. The file carries a SHA-256 of its contents and is read only when that matches;
the engine validates the code it is given (a code it rejects is compiled afresh). A damaged, foreign or
unreadable file is ignored and written again; a read-only cache dir costs time, not results.
"""

from __future__ import annotations

import contextlib
import hashlib
import pickle
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

try:  # CPython's regular expression engine; elsewhere nothing is kept
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover
    _sre = None  # type: ignore[assignment]

#: the file's layout; a change writes a new file
FORMAT = 1
#: entries past which the patterns this run did not use are dropped: patterns built from an article's text (about a
#: dozen a check) would otherwise accumulate run after run, and the store is read whole (950 patterns, a check's
#: own, in 0.02 s)
MAX_ENTRIES = 2_000

Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]


def store_path(cache_dir: Path) -> Path:
    version = "-".join(map(str, sys.version_info[:3]))
    magic = getattr(_sre, "MAGIC", 0)
    return cache_dir / "regex" / f"sre-{sys.implementation.name}-{version}-{magic}-v{FORMAT}.pickle"


class RegexStore:
    """The stored code of compiled patterns, by (pattern, flags); ``compile`` stands in for ``re._compiler.compile``."""

    def __init__(self, path: Path, original: Any) -> None:
        self.path = path
        self._original = original
        self._entries: dict[tuple[str | bytes, int], Entry] = {}
        self._used: set[tuple[str | bytes, int]] = set()
        self._added = 0

    def load(self) -> None:
        try:
            blob = self.path.read_bytes()
        except OSError:
            return
        digest, payload = blob[:32], blob[32:]
        if len(blob) < 32 or hashlib.sha256(payload).digest() != digest:
            return
        try:
            entries = pickle.loads(payload)
        except Exception:  # noqa: BLE001 - a damaged file is written again
            return
        if isinstance(entries, dict):
            self._entries = entries

    def compile(self, p: Any, flags: int = 0) -> Any:
        if not isinstance(p, (str, bytes)) or flags & _compiler.SRE_FLAG_DEBUG:
            return self._original(p, flags)
        key = (p, flags)
        entry = self._entries.get(key)
        if entry is not None and type(entry[1]) is list:
            try:
                pattern = _sre.compile(p, *entry)
            except (RuntimeError, TypeError, ValueError, OverflowError):  # code the engine rejects
                pattern = None
            if pattern is not None:
                self._used.add(key)
                return pattern
        # re._compiler.compile, keeping what it hands the engine; on an engine whose internals differ from these
        # (another Python), ``re`` compiles as it always does and nothing is kept
        try:
            parsed = _parser.parse(p, flags)
            code = [int(op) for op in _compiler._code(parsed, flags)]  # opcodes are named ints: the same numbers
            groupindex = parsed.state.groupdict
            indexgroup: list[str | None] = [None] * parsed.state.groups
            for name, i in groupindex.items():
                indexgroup[i] = name
            entry = (flags | parsed.state.flags, code, parsed.state.groups - 1, dict(groupindex), tuple(indexgroup))
            pattern = _sre.compile(p, *entry)
        except re.error:
            raise  # a bad pattern is the caller's error, as with ``re`` itself
        except Exception:  # noqa: BLE001 - internals that differ: compile the usual way, keep nothing
            return self._original(p, flags)
        self._entries[key] = entry
        self._used.add(key)
        self._added += 1
        return pattern

    def save(self) -> None:
        """Write the store when this run compiled patterns it did not hold."""
        if not self._added:
            return
        entries = self._entries
        if len(entries) > MAX_ENTRIES:
            entries = {k: v for k, v in entries.items() if k in self._used}
        payload = pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL)
        from provenance.db import atomic_write

        with contextlib.suppress(OSError):
            atomic_write(self.path, hashlib.sha256(payload).digest() + payload)
        self._added = 0


@contextlib.contextmanager
def kept_in(cache_dir: Path) -> Iterator[None]:
    """Inside the block, patterns compile from (and new ones are kept in) the store under ``cache_dir``."""
    if _sre is None or isinstance(getattr(_compiler.compile, "__self__", None), RegexStore):
        yield  # not CPython's engine, or a store is already in place
        return
    original = _compiler.compile
    store = RegexStore(store_path(cache_dir), original)
    store.load()
    _compiler.compile = store.compile
    try:
        yield
    finally:
        _compiler.compile = original
        store.save()


__all__ = ["MAX_ENTRIES", "RegexStore", "kept_in", "store_path"]

