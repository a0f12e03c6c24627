"""Read-only string tables over memory-mapped marisa tries, for the large dictionary indexes.

A table of a few hundred thousand German words loaded from ``marshal`` costs about 0.7 s and 140 MB in every
process that looks one word up; the same table as tries in the cache dir opens in microseconds, and only the pages
a lookup touches are read (shared between processes). ``TrieMap`` and ``TrieSet`` answer ``get``, ``[]`` and
``in`` exactly as the dict and frozenset they were stored from; ``TrieTuples`` does the same for a dict of tuples of
str (the FreeDict word lists) stored ``joined``.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator, Mapping, Set
from pathlib import Path

import marisa_trie

Table = Mapping[str, str] | Set[str]


class _Keys:
    """What a map and a set over a trie share: membership, iteration and size, from the trie's keys."""

    def __init__(self, trie: marisa_trie.BytesTrie | marisa_trie.Trie) -> None:
        self._trie = trie

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in self._trie

    def __iter__(self) -> Iterator[str]:
        return iter(self._trie.keys())

    def __len__(self) -> int:
        return len(self._trie)


class TrieMap(_Keys, Mapping[str, str]):
    """str -> str over a ``marisa_trie.BytesTrie`` (one UTF-8 value per key)."""

    def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
        found = self._trie.get(key)
        return found[0].decode("utf-8") if found else default

    def __getitem__(self, key: str) -> str:
        found = self._trie.get(key)
        if not found:
            raise KeyError(key)
        return str(found[0].decode("utf-8"))


class TrieSet(_Keys, Set[str]):
    """A set of str over a ``marisa_trie.Trie``."""


#: joins the items of a tuple value in a ``TrieMap`` (no word holds it)
ITEM_SEP = "\x1f"


class TrieTuples(Mapping[str, tuple[str, ...]]):
    """str -> tuple of str over a ``TrieMap`` whose values are the items joined by ``ITEM_SEP`` (``joined``)."""

    def __init__(self, items: TrieMap) -> None:
        self._items = items

    def get(self, key: str, default: tuple[str, ...] | None = None) -> tuple[str, ...] | None:  # type: ignore[override]
        found = self._items.get(key)
        return _split(found) if found is not None else default

    def __getitem__(self, key: str) -> tuple[str, ...]:
        return _split(self._items[key])

    def __contains__(self, key: object) -> bool:
        return key in self._items

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)


def _split(value: str) -> tuple[str, ...]:
    return tuple(value.split(ITEM_SEP)) if value else ()


def joined(table: Mapping[str, tuple[str, ...]]) -> dict[str, str]:
    """``table`` with each tuple value as one string, to ``store`` and read back through ``TrieTuples``."""
    return {key: ITEM_SEP.join(items) for key, items in table.items()}


def store(folder: Path, tables: tuple[Table, ...]) -> None:
    """Write ``tables`` (dicts of str and sets of str) as tries into ``folder``, atomically: the folder appears
    complete or not at all."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    try:
        for k, table in enumerate(tables):
            if isinstance(table, Mapping):
                marisa_trie.BytesTrie((key, value.encode("utf-8")) for key, value in table.items()).save(
                    str(work / f"{k}.map"))
            else:
                marisa_trie.Trie(table).save(str(work / f"{k}.set"))
        if folder.exists():  # a damaged copy that open_tables could not read: replaced whole
            shutil.rmtree(folder, ignore_errors=True)
        os.replace(work, folder)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def open_tables(folder: Path, count: int) -> tuple[Table, ...] | None:
    """The ``count`` tables ``store`` wrote into ``folder``, memory-mapped; None when the folder is missing,
    incomplete or unreadable (the caller builds them again)."""
    tables: list[Table] = []
    try:
        for k in range(count):
            if (folder / f"{k}.map").exists():
                trie = marisa_trie.BytesTrie()
                trie.mmap(str(folder / f"{k}.map"))
                tables.append(TrieMap(trie))
            elif (folder / f"{k}.set").exists():
                plain = marisa_trie.Trie()
                plain.mmap(str(folder / f"{k}.set"))
                tables.append(TrieSet(plain))
            else:
                return None
    except (OSError, RuntimeError, ValueError):
        return None
    return tuple(tables)
