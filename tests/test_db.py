"""The shared SQLite database and atomic writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from provenance.db import DB_NAME, atomic_write, connect
from provenance.errors import StoreError


def test_connect_creates_the_database(tmp_path: Path) -> None:
    conn = connect(tmp_path / "c")
    conn.execute("CREATE TABLE t (x)")
    assert (tmp_path / "c" / DB_NAME).exists()


def test_a_corrupted_database_is_reported_not_used(tmp_path: Path) -> None:
    (tmp_path / DB_NAME).write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="corrupted"):
        connect(tmp_path)


def test_atomic_write_replaces_whole_file_and_leaves_no_temp(tmp_path: Path) -> None:
    folder = tmp_path / "out"  # (tmp_path itself holds the test's cache dir)
    folder.mkdir()
    target = folder / "body"
    atomic_write(target, b"old")
    atomic_write(target, b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in folder.iterdir()] == ["body"]


def test_atomic_write_failure_keeps_the_old_file(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "body"
    atomic_write(target, b"old")

    class Boom:
        def __len__(self) -> int:
            return 1

    with pytest.raises(TypeError):
        atomic_write(target, Boom())  # type: ignore[arg-type]
    assert target.read_bytes() == b"old"
    assert [p.name for p in folder.iterdir()] == ["body"]


def test_atomic_write_gives_files_the_usual_permissions(tmp_path: Path) -> None:
    import os

    umask = os.umask(0o022)
    try:
        atomic_write(tmp_path / "report.html", b"<html></html>")
    finally:
        os.umask(umask)
    assert (tmp_path / "report.html").stat().st_mode & 0o777 == 0o644


def test_a_database_damaged_after_a_sound_open_is_still_reported(tmp_path: Path) -> None:
    # the whole-file check runs once per file state and process, not once per store
    connect(tmp_path).close()
    (tmp_path / DB_NAME).write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="corrupted"):
        connect(tmp_path)
