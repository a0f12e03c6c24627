"""CLDR names: the table compiled from Babel is kept in the cache dir, and lookups read it from there."""

from __future__ import annotations

from pathlib import Path

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
    assert cldr._table(tmp_path) == cldr._from_babel()
