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
kept in the cache directory (memory-mapped tries, keyed on the files' sizes and mtimes, written atomically).
The aligner uses it for a word-overlap signal (hunalign-style dictionary coverage), not to translate.

``gloss_table(src, "en")`` is the offline gloss's index (``translate/freedict_gloss.py``): one English rendering per
source word or multi-word headword, from the ``src-eng`` dictionary, preferring a rendering that the reverse
``eng-src`` dictionary translates back to the word; words only the reverse dictionary knows get the English
headword that lists them first. ``edition(src, tgt)`` is the dictionary's stated edition, for the gloss's version.
Both are compiled once per dictionary version and kept in the cache directory as ``marshal`` (small tables).
"""

from __future__ import annotations

import gzip
import hashlib
import marshal
import re
import threading
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from provenance.db import atomic_write
from provenance.lang import packed
from provenance.lang.resources import current

FORMAT_VERSION = 1
GLOSS_VERSION = 1
MAX_PHRASE = 4  # longest multi-word headword the gloss matches, in words
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
# the gloss's words: letters only, so that "aujourd'hui" and "Addis-Abeba" are headwords of two words, matched
# as the gloss splits running text
_LETTERS = re.compile(r"[^\W\d_]+")
_EDITION = re.compile(r"^\s*Edition:\s*(\S+)", re.MULTILINE)

_lock = threading.Lock()
_loaded: dict[tuple[str, str, str], object] = {}


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
) -> Mapping[str, tuple[str, ...]]:
    """Source word (lower case) -> target words of its translations; empty when no dictionary is installed.
    Kept in ``cache_dir`` as memory-mapped tries (``lang/packed.py``): the German-English list loaded from
    ``marshal`` cost about a second and 150 MB in every check of a German original that the aligner read it for."""
    forward, backward = _files(src, tgt, folder), _files(tgt, src, folder)
    if forward is None and backward is None:
        return {}
    name, version = f"{src}-{tgt}", f"{FORMAT_VERSION}"
    stamp = _stamp(forward, backward)
    key = (name, version, stamp)
    with _lock:
        if key in _loaded:
            return _loaded[key]  # type: ignore[return-value]
        if cache_dir is None:
            pairs: Mapping[str, tuple[str, ...]] = _compile(forward, backward)
        else:
            folder_of = cache_dir / "freedict" / f"{name}-{_digest(version, stamp)}.tries"
            tables = packed.open_tables(folder_of, 1)
            built: dict[str, tuple[str, ...]] | None = None
            if tables is None:
                built = _compile(forward, backward)
                try:
                    packed.store(folder_of, (packed.joined(built),))
                    tables = packed.open_tables(folder_of, 1)
                except OSError:  # a read-only cache: this process keeps what it built
                    tables = None
            if tables is not None and isinstance(tables[0], packed.TrieMap):
                pairs = packed.TrieTuples(tables[0])
            else:
                pairs = built if built is not None else _compile(forward, backward)
        _loaded[key] = pairs
        return pairs


#: the gloss index: source word -> English rendering; multi-word headword (words joined by one space) -> English
#: rendering; the source words the dictionary writes capitalised (names of countries, peoples, places)
GlossTable = tuple[dict[str, str], dict[str, str], frozenset[str]]


def gloss_available(src: str, tgt: str, folder: Path | None = None) -> bool:
    """Whether the ``src-tgt`` dictionary itself is installed (the gloss needs that direction)."""
    return _files(src, tgt, folder) is not None


def gloss_table(src: str, tgt: str, *, cache_dir: Path | None = None, folder: Path | None = None) -> GlossTable:
    """The gloss index of the ``src-tgt`` dictionary (``tgt-src`` ranks and completes it when installed).
    Raises ``FileNotFoundError`` when ``src-tgt`` is not installed."""
    forward, backward = _files(src, tgt, folder), _files(tgt, src, folder)
    if forward is None:
        raise FileNotFoundError(f"no FreeDict {src}-{tgt} dictionary in {folder or current().freedict_dir}")
    table = _cached(
        f"gloss-{src}-{tgt}", f"g{GLOSS_VERSION}", forward, backward, cache_dir,
        lambda: _compile_gloss(forward, backward), tuple,
    )
    words, phrases, capitalised = table
    return words, phrases, frozenset(capitalised)


def edition(src: str, tgt: str, folder: Path | None = None) -> str:
    """The edition the ``src-tgt`` dictionary states in its header entry ("unknown" without one or the files)."""
    files = _files(src, tgt, folder)
    if files is None:
        return "unknown"
    index, data = files
    with open(index, encoding="utf-8") as fh:
        info = next((line.split("\t") for line in fh if line.startswith(("00databaseinfo", "00-database-info"))), None)
    if info is None or len(info) < 3:
        return "unknown"
    opener = gzip.open if data.suffix in {".dz", ".gz"} else open
    start, length = decode_number(info[1]), decode_number(info[2].strip())
    with opener(data, "rb") as fh:
        fh.seek(start)  # the header entry comes first: a short read even through gzip
        found = _EDITION.search(fh.read(length).decode("utf-8", errors="replace"))
    return found.group(1) if found else "unknown"


def _rendering(phrase: str) -> str:
    """A translation as the gloss writes it: annotations and a leading infinitive "to " removed."""
    text = " ".join(_ANNOTATION.sub(" ", phrase).split()).strip(" .;:")
    return text[3:] if text.startswith("to ") and len(text) > 3 else text


def _compile_gloss(forward: tuple[Path, Path], backward: tuple[Path, Path] | None) -> tuple:
    # the reverse dictionary's English headwords by the one-word source translations they list, ranked: a word
    # listed first, in a short entry, is that headword's main translation ("price: prix" over "premium: prix,
    # récompense"; "government: gouvernement" over "control: commandement, gouvernement, ...")
    back: dict[str, dict[str, tuple[int, int]]] = {}
    if backward is not None:
        for entry in read_entries(*backward):
            head, translations = parse_entry(entry)
            english = _rendering(head)
            for position, phrase in enumerate(translations):
                found = _LETTERS.findall(phrase.lower())
                if len(found) == 1 and english:
                    rank = (position, len(translations))
                    ranks = back.setdefault(found[0], {})
                    ranks[english.lower()] = min(rank, ranks.get(english.lower(), rank))
    renderings: dict[str, list[str]] = {}
    capitalised: set[str] = set()
    for entry in read_entries(*forward):
        head, translations = parse_entry(entry)
        key = " ".join(_LETTERS.findall(head.lower()))
        if not key or len(key.split()) > MAX_PHRASE:
            continue
        if head[:1].isupper():
            capitalised.add(key)
        known = renderings.setdefault(key, [])
        known.extend(r for r in map(_rendering, translations) if r and r not in known)
    single: dict[str, str] = {}
    phrases: dict[str, str] = {}
    unconfirmed = (1 << 30, 0)
    for key, options in renderings.items():
        if options:
            ranks = back.get(key, {})
            best = min(range(len(options)), key=lambda k: (ranks.get(options[k].lower(), unconfirmed), k))
            (phrases if " " in key else single)[key] = options[best]
    for key, ranks in back.items():
        if key not in single:  # only the reverse dictionary knows it
            single[key] = min(ranks, key=lambda english: (ranks[english], english))
    return single, phrases, sorted(capitalised)


def _cached(
    name: str,
    version: str,
    forward: tuple[Path, Path] | None,
    backward: tuple[Path, Path] | None,
    cache_dir: Path | None,
    build: Callable[[], object],
    kind: type,
) -> object:
    """``build()`` once per process and dictionary version, kept in ``cache_dir/freedict`` as ``marshal``."""
    stamp = _stamp(forward, backward)
    key = (name, version, stamp)
    with _lock:
        if key in _loaded:
            return _loaded[key]
        cached = cache_dir / "freedict" / f"{name}-{_digest(version, stamp)}.marshal" if cache_dir is not None else None
        value: object = None
        if cached is not None and cached.is_file():
            try:
                value = marshal.loads(cached.read_bytes())
                value = value if isinstance(value, kind) else None
            except (EOFError, ValueError, TypeError):  # a damaged cache file is rebuilt
                value = None
        if value is None:
            value = build()
            if cached is not None:
                atomic_write(cached, marshal.dumps(value))
        _loaded[key] = value
        return value


def _stamp(forward: tuple[Path, Path] | None, backward: tuple[Path, Path] | None) -> str:
    """The dictionary files' paths, sizes and mtimes: a compiled form is rebuilt when any of them changes."""
    return "|".join(
        f"{p}:{p.stat().st_size}:{p.stat().st_mtime_ns}" for pair in (forward, backward) if pair for p in pair
    )


def _digest(version: str, stamp: str) -> str:
    return hashlib.sha256(f"{version}|{stamp}".encode()).hexdigest()[:16]
