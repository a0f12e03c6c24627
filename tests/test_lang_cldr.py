"""CLDR names: the table compiled from Babel is kept in the cache dir, and lookups read it from there."""

from __future__ import annotations

import marshal
from pathlib import Path

import pytest

from provenance.lang import cldr


def test_the_compiled_name_table_is_the_table_babel_gives(tmp_path: Path) -> None:
    cldr._compiled.cache_clear()
    written = cldr._table(tmp_path)
    files = list((tmp_path / "cldr").glob("names-*.marshal"))
    assert len(files) == 1
    cldr._compiled.cache_clear()
    assert cldr._table(tmp_path) == written == cldr._from_babel()
    assert cldr.same_place("German", "Duitse", tmp_path) and not cldr.same_place("German", "Polish", tmp_path)


def test_a_damaged_compiled_table_is_built_again(tmp_path: Path) -> None:
    cldr._compiled.cache_clear()
    cldr._table(tmp_path)
    (path,) = (tmp_path / "cldr").glob("names-*.marshal")
    path.write_bytes(b"\x00 not a table")
    cldr._compiled.cache_clear()
    assert cldr.place_ids("Allemagne", tmp_path) == cldr.place_ids("Allemagne")
    babel = cldr._from_babel()
    assert cldr._table(tmp_path) == babel
    assert marshal.loads(path.read_bytes()) == babel  # the file is whole again


def test_a_new_cache_dir_gets_the_table_this_process_holds_without_reading_babel_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = cldr._table(tmp_path / "first")
    monkeypatch.setattr(cldr, "_from_babel", lambda: pytest.fail("Babel's locale files were read again"))
    assert cldr._table(tmp_path / "second") == first
    (written,) = (tmp_path / "second" / "cldr").glob("names-*.marshal")
    assert marshal.loads(written.read_bytes()) == first


def test_cache_dirs_that_link_one_compiled_folder_share_one_table_in_memory(tmp_path: Path) -> None:
    cldr._table(tmp_path / "shared")
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "cldr").symlink_to(tmp_path / "shared" / "cldr", target_is_directory=True)
    assert cldr._table(tmp_path / "a") is cldr._table(tmp_path / "b") is cldr._table(tmp_path / "shared")
