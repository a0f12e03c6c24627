"""Offline bilingual word lists from FreeDict dictionaries (Debian ``dict-freedict-XXX-YYY``, dictd format).

A dictd dictionary is two files: ``NAME.index`` (one line per headword: the headword, then the byte
offset and length of its entry in the data file, both in dictd's base64 digits) and ``NAME.dict.dz``
(the entries, dictzip-compressed: a gzip file that plain ``gzip`` reads whole). A FreeDict entry
starts with a header line ``Headword /pronunciation/ <part of speech>``; the line after it, and every
line numbered ``1.``, ``2.`` ..., lists translations separated by commas; other lines are definitions
or examples in the source language and are ignored.

``word_pairs(src, tgt)`` merges the ``src-tgt`` dictionary with the reversed ``tgt-src`` one (either
may be missing) into a map from a source word (lower case) to the target words of its translations
(lower case; every word of a multi-word translation). It is compiled once per dictionary version and
kept in the cache directory (``marshal``, keyed on the files' sizes and mtimes, written atomically).
The aligner uses it for a word-overlap signal (hunalign-style dictionary coverage), not to translate.
"""

from __future__ import annotations

import gzip
import hashlib
import marshal
import re
import threading
from collections.abc import Iterator
from pathlib import Path

from provenance.db import atomic_write
from provenance.lang.resources import current

FORMAT_VERSION = 1
# ISO 639-1 (what the rest of the tool uses) -> ISO 639-3 (FreeDict file names)
ISO3 = {
    "de": "deu", "fr": "fra", "en": "eng", "es": "spa", "it": "ita", "nl": "nld", "pl": "pol", "pt": "por",
    "ru": "rus", "uk": "ukr",
}  # fmt: skip
_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_B64_VALUE = {ch: k for k, ch in enumerate(_B64)}
_NUMBERED = re.compile(r"^\d+\.\s+")
_HEADER = re.compile(r"^(?P<word>[^/<]+?)\s*(?:/[^/]*/)?\s*(?:<[^>]*>)?\s*$")
_ANNOTATION = re.compile(r"\([^)]*\)|\[[^\]]*\]|<[^>]*>|\{[^}]*\}")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")

_lock = threading.Lock()
_loaded: dict[tuple[str, str, str], dict[str, tuple[str, ...]]] = {}


def decode_number(digits: str) -> int:
    """dictd's offsets and lengths: base64 digits, most significant first."""
    value = 0
    for ch in digits:
        value = value * 64 + _B64_VALUE[ch]
    return value


def read_entries(index: Path, data: Path) -> Iterator[str]:
    """The text of every entry of a dictd dictionary (metadata entries ``00database...`` skipped)."""
    opener = gzip.open if data.suffix == ".dz" or data.suffix == ".gz" else open
    with opener(data, "rb") as fh:
        raw = fh.read()
    with open(index, encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 3 or parts[0].startswith("00database") or parts[0].startswith("00-database"):
                continue
            start, length = decode_number(parts[1]), decode_number(parts[2])
            yield raw[start : start + length].decode("utf-8", errors="replace")


def parse_entry(text: str) -> tuple[str, list[str]]:
    """(headword, translations) of one FreeDict entry; translations are phrases as written."""
    lines = [line.strip() for line in text.strip().splitlines()]
    if not lines:
        return "", []
    header = _HEADER.match(lines[0])
    headword = header.group("word").strip() if header else lines[0].split(" /")[0].strip()
    translations: list[str] = []
    for k, line in enumerate(lines[1:]):
        if k == 0 or _NUMBERED.match(line):
            phrase_list = _ANNOTATION.sub(" ", _NUMBERED.sub("", line))
            translations += [p.strip() for p in phrase_list.split(",") if p.strip()]
    return headword, translations


def words(phrase: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(phrase)]


def _compile(forward: tuple[Path, Path] | None, backward: tuple[Path, Path] | None) -> dict[str, tuple[str, ...]]:
    pairs: dict[str, set[str]] = {}
    if forward is not None:
        for entry in read_entries(*forward):
            head, translations = parse_entry(entry)
            head_words = words(head)
            if len(head_words) != 1:  # multi-word headwords do not match single tokens
                continue
            targets = pairs.setdefault(head_words[0], set())
            for phrase in translations:
                targets.update(words(phrase))
    if backward is not None:
        for entry in read_entries(*backward):
            head, translations = parse_entry(entry)
            head_words = words(head)
            for phrase in translations:
                phrase_words = words(phrase)
                if len(phrase_words) == 1:
                    pairs.setdefault(phrase_words[0], set()).update(head_words)
    return {word: tuple(sorted(targets)) for word, targets in pairs.items() if targets}


def _files(src: str, tgt: str, folder: Path | None) -> tuple[Path, Path] | None:
    name = f"freedict-{ISO3.get(src, src)}-{ISO3.get(tgt, tgt)}"
    folder = folder or current().freedict_dir  # the run's setting (freedict_dir), not a module default
    index = folder / f"{name}.index"
    for data in (folder / f"{name}.dict.dz", folder / f"{name}.dict"):  # dictd also reads uncompressed data
        if index.is_file() and data.is_file():
            return index, data
    return None


def available(src: str, tgt: str, folder: Path | None = None) -> bool:
    """Whether a FreeDict dictionary for the pair (either direction) is installed (default: in the run's folder)."""
    return _files(src, tgt, folder) is not None or _files(tgt, src, folder) is not None


def word_pairs(
    src: str, tgt: str, *, cache_dir: Path | None = None, folder: Path | None = None
) -> dict[str, tuple[str, ...]]:
    """Source word (lower case) -> target words of its translations; empty when no dictionary is installed."""
    forward, backward = _files(src, tgt, folder), _files(tgt, src, folder)
    if forward is None and backward is None:
        return {}
    stamp = "|".join(
        f"{p}:{p.stat().st_size}:{p.stat().st_mtime_ns}" for pair in (forward, backward) if pair for p in pair
    )
    key = (src, tgt, stamp)
    with _lock:
        if key in _loaded:
            return _loaded[key]
        digest = hashlib.sha256(f"{FORMAT_VERSION}|{stamp}".encode()).hexdigest()[:16]
        cached = cache_dir / "freedict" / f"{src}-{tgt}-{digest}.marshal" if cache_dir is not None else None
        pairs: dict[str, tuple[str, ...]] | None = None
        if cached is not None and cached.is_file():
            try:
                loaded = marshal.loads(cached.read_bytes())
                pairs = loaded if isinstance(loaded, dict) else None
            except (EOFError, ValueError, TypeError):  # a damaged cache file is rebuilt
                pairs = None
        if pairs is None:
            pairs = _compile(forward, backward)
            if cached is not None:
                atomic_write(cached, marshal.dumps(pairs))
        _loaded[key] = pairs
        return pairs
