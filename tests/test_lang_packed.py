"""The dictionary indexes as memory-mapped tries answer lookups exactly as the dicts they were stored from."""

from __future__ import annotations

from pathlib import Path

import pytest

from provenance.lang import packed
from provenance.lang.packed import TrieMap, TrieSet

WORDS = {"Haus": "house home", "haus": "house", "Straße": "street road", "ß": "", "Haus-Tür": "front door"}
HEADS = frozenset({"Haus", "Straße"})


def test_tables_read_back_like_the_dict_and_set_they_were_stored_from(tmp_path: Path) -> None:
    folder = tmp_path / "index.tries"
    packed.store(folder, (WORDS, HEADS))
    words, heads = packed.open_tables(folder, 2) or ()
    assert isinstance(words, TrieMap) and isinstance(heads, TrieSet)
    for key, value in WORDS.items():
        assert key in words and words[key] == value and words.get(key) == value
    assert words.get("Ha") is None and "Ha" not in words  # a prefix of a key is no key
    assert words.get("Hau", "-") == "-"
    with pytest.raises(KeyError):
        words["house"]
    assert dict(words) == WORDS and len(words) == len(WORDS)
    assert "Haus" in heads and "haus" not in heads and set(heads) == HEADS


def test_a_missing_or_incomplete_folder_reads_as_none(tmp_path: Path) -> None:
    assert packed.open_tables(tmp_path / "absent.tries", 2) is None
    folder = tmp_path / "index.tries"
    packed.store(folder, (WORDS,))
    assert packed.open_tables(folder, 2) is None  # the second table was never written: build again
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".index.tries")]  # no half-written folder left


def test_tuples_of_words_read_back_in_their_order(tmp_path: Path) -> None:
    pairs = {"brücke": ("pont",), "haus": ("demeure", "maison"), "leer": ()}
    folder = tmp_path / "pairs.tries"
    packed.store(folder, (packed.joined(pairs),))
    (items,) = packed.open_tables(folder, 1) or ()
    assert isinstance(items, TrieMap)
    read = packed.TrieTuples(items)
    assert dict(read) == pairs and len(read) == 3
    assert read["haus"] == ("demeure", "maison") and read.get("leer") == ()
    assert read.get("brück") is None and read.get("brück", ()) == () and "brück" not in read
    with pytest.raises(KeyError):
        read["pont"]


def test_a_damaged_folder_is_replaced_when_stored_again(tmp_path: Path) -> None:
    folder = tmp_path / "index.tries"
    packed.store(folder, (WORDS,))
    (folder / "0.map").write_bytes(b"\x00garbage")
    assert packed.open_tables(folder, 1) is None
    packed.store(folder, (WORDS,))
    (words,) = packed.open_tables(folder, 1) or ()
    assert dict(words) == WORDS
