"""Country and language names in many languages, from CLDR (through Babel): "Duits", "German", "Allemand" and
"Deutsch" all name the language ``de``; "Duitsland", "Germany" and "Allemagne" the territory ``DE``.

A desk renders such names in English; comparing them as strings would read "German" for "Duits" as a changed name.
Names are facts, so they are looked up, not listed by hand.
"""

from __future__ import annotations

import hashlib
import marshal
from functools import lru_cache
from pathlib import Path

from provenance.db import atomic_write
from provenance.letters import strip_marks

# the locales whose names are read: the languages the registry's outlets write in, and English
LOCALES = (
    "en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "uk", "cs", "sk", "sl", "hr", "sr", "bs", "bg", "ro", "hu",
    "el", "tr", "sv", "da", "nb", "fi", "et", "lv", "lt", "ca", "eu", "gl", "ga", "is", "mt", "sq", "mk", "be",
    "ka", "hy", "az", "kk", "ar", "he", "fa", "ur", "hi", "bn", "ja", "zh", "ko", "vi", "id", "ms", "th",
)
# inflected forms ("Duitse", "niemieckiego") are read by their first letters: an ending of at most this length
_ENDING = 4
_MIN_NAME = 4


def _fold(word: str) -> str:
    return strip_marks(word.casefold())


def _table(cache_dir: Path | None = None) -> dict[str, frozenset[str]]:
    """The name table; with ``cache_dir`` read from (or first written to) a compiled file there: reading
    Babel's locale files takes a second or two per process, the compiled table milliseconds."""
    return _compiled(_located(cache_dir))


@lru_cache(maxsize=16)
def _located(cache_dir: Path | None) -> Path | None:
    """The compiled table's file in ``cache_dir``, its folder resolved: cache dirs that link one compiled folder
    share one table in memory (looked up once per cache dir: the checks ask for every word)."""
    if cache_dir is None:
        return None
    from babel import __version__ as babel_version

    stamp = f"{babel_version}|{','.join(LOCALES)}|{_MIN_NAME}"
    return (cache_dir / "cldr").resolve() / f"names-{hashlib.sha256(stamp.encode()).hexdigest()[:16]}.marshal"


#: file name (it names Babel's version and the locales) -> the table read from or written to such a file
_BY_NAME: dict[str, dict[str, frozenset[str]]] = {}


@lru_cache(maxsize=4)
def _compiled(path: Path | None) -> dict[str, frozenset[str]]:
    # kept per file, not per cache dir: a file holds the table of one Babel version
    if path is None:
        return _from_babel()
    try:
        loaded = marshal.loads(path.read_bytes())
        if isinstance(loaded, dict):
            return _BY_NAME.setdefault(path.name, loaded)
    except (OSError, EOFError, ValueError, TypeError):  # missing or damaged: written again below
        pass
    # a table of the same name that this process already holds is the same table: written, not built again from
    # Babel (a second or two)
    table = _BY_NAME.get(path.name) or _from_babel()
    atomic_write(path, marshal.dumps(table))
    return _BY_NAME.setdefault(path.name, table)


def _from_babel() -> dict[str, frozenset[str]]:
    from babel import Locale, UnknownLocaleError

    names: dict[str, set[str]] = {}
    for code in LOCALES:
        try:
            locale = Locale.parse(code)
        except (ValueError, UnknownLocaleError):
            continue
        for key, name in locale.territories.items():
            if key.isalpha() and " " not in name:  # countries, not "Latin America" or numeric regions
                names.setdefault(_fold(name), set()).add(f"territory:{key}")
        for key, name in locale.languages.items():
            if "_" not in key and " " not in name:
                names.setdefault(_fold(name), set()).add(f"language:{key}")
    return {name: frozenset(ids) for name, ids in names.items() if len(name) >= _MIN_NAME}


def place_ids(word: str, cache_dir: Path | None = None) -> frozenset[str]:
    """The countries and languages ``word`` names in any of the locales (also declined or as an adjective:
    "Duitse", "niemieckiego"). ``cache_dir``: where the compiled table is kept (None: built in memory)."""
    table = _table(cache_dir)
    key = _fold(word[:-2] if word.endswith(("'s", "’s")) else word)
    for cut in range(min(_ENDING, max(0, len(key) - _MIN_NAME)) + 1):
        found = table.get(key[: len(key) - cut] if cut else key)
        if found:
            return found
    # a case ending that changes the stem's last letter ("Polsce" for "Polska"): the stem before it opens
    # names of one place only
    stem = key[: max(_MIN_NAME, len(key) - 2)]
    return _stems(cache_dir).get(stem, frozenset()) if len(key) > _MIN_NAME else frozenset()


def _stems(cache_dir: Path | None = None) -> dict[str, frozenset[str]]:
    """Openings of the names (all but their last two letters, at least four) that open names of one place."""
    path = _located(cache_dir)
    _compiled(path)
    return _stems_of(path.name if path is not None else None)


@lru_cache(maxsize=4)
def _stems_of(file_name: str | None) -> dict[str, frozenset[str]]:
    # per table (named by its file), not per cache dir
    table = _BY_NAME[file_name] if file_name is not None else _compiled(None)
    out: dict[str, set[str]] = {}
    for name, ids in table.items():
        stem = name[: len(name) - 2]
        if len(stem) >= _MIN_NAME:
            out.setdefault(stem, set()).update(ids)
    codes = {stem: {i.split(":")[1].lower() for i in ids} for stem, ids in out.items()}
    return {stem: frozenset(ids) for stem, ids in out.items() if len(codes[stem]) == 1}


def same_place(a: str, b: str, cache_dir: Path | None = None) -> bool:
    """Whether two words name the same country or language in any language ("German" / "Duits")."""
    ids = place_ids(a, cache_dir)
    if not ids:
        return False
    theirs = place_ids(b, cache_dir)
    # a language and its country go together ("German" / "Duitsland"): compare by the code's letters
    codes = {i.split(":")[1].lower() for i in ids}
    return bool(ids & theirs) or bool(codes & {i.split(":")[1].lower() for i in theirs})
