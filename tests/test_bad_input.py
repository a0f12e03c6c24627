"""Unreadable derivatives: a one-line InputError from the library, exit 2 and one line on stderr
from the CLI, never a traceback."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from provenance.documents import read_document
from provenance.errors import InputError

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
# bytes that are neither UTF-8 nor any plausible legacy text (C1 controls and box drawing everywhere)
GARBAGE = bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D, 0x98]) * 200


def make(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def sparse(tmp_path: Path, size: int) -> Path:
    """A file of ``size`` bytes that takes no disk space (like `truncate -s`)."""
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(size)
    return path


def assert_one_line(error: InputError, *words: str) -> None:
    message = str(error)
    assert "\n" not in message
    for word in words:
        assert word in message


# --------------------------------------------------------------------------- the library


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        read_document(tmp_path / "nope.md")
    assert_one_line(info.value, "nope.md", "no such file")


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        read_document(tmp_path)
    assert_one_line(info.value, "is a directory")


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (PNG, "PNG image"),
        (b"%PDF-1.7\n" + b"\x00" * 100, "PDF"),
        (b"Some text\x00with a NUL byte in it\n", "NUL bytes"),
        (b"PK\x03\x04" + b"\x14\x00" * 50, "ZIP"),
    ],
)
def test_binary_files_are_refused(tmp_path: Path, data: bytes, what: str) -> None:
    with pytest.raises(InputError) as info:
        read_document(make(tmp_path, "article.txt", data))
    assert_one_line(info.value, "binary file", what)


def test_control_characters_mean_binary(tmp_path: Path) -> None:
    data = bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16]) * 100
    with pytest.raises(InputError) as info:
        read_document(make(tmp_path, "a.txt", data))
    assert_one_line(info.value, "binary")


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  \n", "\u00a0\u2003\n".encode()])
def test_empty_and_whitespace_only_files(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(InputError) as info:
        read_document(make(tmp_path, "empty.md", data))
    assert_one_line(info.value, "empty")


def test_html_without_text_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        read_document(make(tmp_path, "page.html", b"<html><head><script>x()</script></head><body></body></html>"))
    assert_one_line(info.value, "page.html", "no readable text")


def test_oversized_file_is_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = sparse(tmp_path, 50 * 1024 * 1024)

    def no_reading(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the file was opened: the size must be checked first")

    monkeypatch.setattr(Path, "open", no_reading)
    with pytest.raises(InputError) as info:
        read_document(path)
    assert_one_line(info.value, "too large", "50.0 MB", "5.0 MB", "--max-article-bytes")


def test_max_bytes_is_configurable(tmp_path: Path) -> None:
    path = make(tmp_path, "a.txt", b"x" * 2000)
    with pytest.raises(InputError, match="too large"):
        read_document(path, max_bytes=1000)
    assert read_document(path, max_bytes=5000).text == "x" * 2000


def test_oversized_stdin_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"y" * 3000)))
    with pytest.raises(InputError, match="larger than the limit"):
        read_document("-", max_bytes=1000)


def test_invalid_bytes_that_are_no_legacy_encoding_either(tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        read_document(make(tmp_path, "a.txt", b"Hello " + GARBAGE))
    assert_one_line(info.value, "not valid UTF-8", "legacy encoding", "convert it to UTF-8")


def test_a_url_is_not_a_file() -> None:
    with pytest.raises(InputError, match="is a URL"):
        read_document("https://www.bild.de/politik/x.html")


def test_unknown_format_name(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="unknown document format 'pdf'"):
        read_document(make(tmp_path, "a.txt", b"text"), format="pdf")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read anything")
def test_unreadable_file(tmp_path: Path) -> None:
    path = make(tmp_path, "secret.txt", b"text")
    path.chmod(0)
    with pytest.raises(InputError, match="cannot read"):
        read_document(path)


# --------------------------------------------------------------------------- the CLI contract


@pytest.mark.parametrize("case", ["missing", "directory", "binary", "empty", "huge", "invalid"])
def test_cli_bad_input_exits_2_with_one_line(tmp_path: Path, case: str, cli) -> None:
    target = {
        "missing": lambda: tmp_path / "missing.md",
        "directory": lambda: tmp_path,
        "binary": lambda: make(tmp_path, "image.txt", PNG),
        "empty": lambda: make(tmp_path, "empty.txt", b"\n\n"),
        "huge": lambda: sparse(tmp_path, 50 * 1024 * 1024),
        "invalid": lambda: make(tmp_path, "bad.txt", b"Hello " + GARBAGE),
    }[case]()
    result = cli("passages", str(target))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("provenance: error: ")
    assert result.stdout == ""
