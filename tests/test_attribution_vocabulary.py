"""The finder's data file is checked when read: a misspelt, missing or mistyped entry fails loudly, naming the file
and the key, instead of leaving a pattern that matches nothing."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest

from provenance.attribution.vocabulary import check, either, finder_data, read, words
from provenance.errors import LexiconError, ProvenanceError


def _packaged() -> dict[str, Any]:
    return copy.deepcopy(finder_data())


def _write(path: Path, data: dict[str, Any]) -> Path:
    """``data`` as TOML (the file's shapes only: tables, lists and strings, integers)."""

    def value(v: Any) -> str:
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, int):
            return str(v)
        if isinstance(v, str):
            return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'
        if isinstance(v, list):
            return "[" + ", ".join(value(x) for x in v) + "]"
        return "{" + ", ".join(f"{value(k)} = {value(x)}" for k, x in v.items()) + "}"

    lines = [f"{value(key)} = {value(v)}" for key, v in data.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_the_packaged_file_passes_its_check_and_a_faithful_copy_reads_the_same(tmp_path: Path) -> None:
    copy_ = read(_write(tmp_path / "attribution.toml", _packaged()))
    assert copy_ == finder_data()
    assert "according to" in words("cues.before")


def _set(data: dict[str, Any], dotted: str, value: Any) -> dict[str, Any]:
    *parents, last = dotted.split(".")
    node = data
    for part in parents:
        node = node[part]
    if value is _DELETE:
        del node[last]
    else:
        node[last] = value
    return data


_DELETE = object()


@pytest.mark.parametrize(
    ("dotted", "value", "complaint"),
    [
        ("cues.befor", ["per"], "unknown key(s) cues.befor"),  # a typo next to the real key
        ("spare_table", {"words": ["x"]}, "unknown key(s) spare_table"),
        ("unknown_outlets.strong_befor", ["told"], "unknown key(s) unknown_outlets.strong_befor"),
        ("cues.relay", _DELETE, "missing key cues.relay"),
        ("outlet_words.post", _DELETE, "missing key outlet_words.post"),
        ("cues.relay", "citing", "cues.relay must be a list of non-empty strings"),
        ("cues.relay", ["citing", 3], "cues.relay must be a list of non-empty strings"),
        ("cues.relay", ["citing", " "], "cues.relay must be a list of non-empty strings"),
        ("demonyms", ["German"], "demonyms must be a table of strings"),
        ("demonyms.German", 7, "demonyms must be a table of strings"),
        ("outlet_words.kinds.print", "daily", "outlet_words.kinds must be a table of lists of non-empty strings"),
        ("unknown_outlets.threshold", "2", "unknown_outlets.threshold must be an integer"),
        ("unknown_outlets.threshold", True, "unknown_outlets.threshold must be an integer"),
        ("name_words", ["Der"], "name_words must be a table"),
    ],
)
def test_a_malformed_entry_is_refused_with_the_file_and_key(
    tmp_path: Path, dotted: str, value: Any, complaint: str
) -> None:
    path = _write(tmp_path / "attribution.toml", _set(_packaged(), dotted, value))
    with pytest.raises(LexiconError, match=re.escape(f"{path}: {complaint}")) as caught:
        read(path)
    assert isinstance(caught.value, ProvenanceError)


def test_a_file_that_is_not_toml_or_is_absent_is_an_error_naming_it(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("[cues\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="broken.toml"):
        read(broken)
    with pytest.raises(LexiconError, match="absent.toml"):
        read(tmp_path / "absent.toml")


def test_the_check_of_parsed_data_names_the_packaged_file_by_default() -> None:
    data = _set(_packaged(), "leadin.openers", _DELETE)
    with pytest.raises(LexiconError, match=re.escape("data/attribution.toml: missing key leadin.openers")):
        check(data)


def test_an_alternation_keeps_the_order_written_and_lets_any_whitespace_join_words() -> None:
    pattern = either(["on", "earlier this", "a.m."])
    assert pattern == r"on|earlier\s+this|a\.m\."
    assert re.fullmatch(pattern, "earlier \n this") and not re.fullmatch(pattern, "axmx")


# a plain word, perhaps with an optional last letter ("an?") or the space after it ("has\s+")
_WORD = r"[^\W\d_]+\??(?:\\s[+*])?"


def _word_alternations(source: str) -> list[str]:
    """Regex alternations of plain words ("on|in", "(?i:an?|the)", "has\\s+|had\\s+") in the string literals of
    ``source``."""
    import ast

    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            found += [m.group(0) for m in re.finditer(rf"(?<![\\\w]){_WORD}(?:\|{_WORD})+(?![\w])", node.value)]
    return found


def test_the_finder_code_holds_no_alternation_of_words_every_word_is_in_the_data_file() -> None:
    assert _word_alternations(r'x = re.compile(rf"\s+(?:on|in)\s+(?:{either(w)})\b")') == ["on|in"]
    assert _word_alternations('y = f"(?:{a}|{b})|[0-9]+"') == []  # joined lists and digits are shape
    assert _word_alternations(r'z = r"\b(?i:an?|the)\s+(?:has\s+|had\s+)?"') == ["an?|the", r"has\s+|had\s+"]
    package = Path(__file__).resolve().parent.parent / "provenance" / "attribution"
    left = {
        str(path.relative_to(package)): words
        for path in sorted(package.rglob("*.py"))
        if (words := _word_alternations(path.read_text(encoding="utf-8")))
    }
    assert left == {}
