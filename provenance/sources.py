"""The outlet registry: one TOML file per news outlet (the top-level ``sources/*.toml``).

A file looks like::

    id = "bild"
    name = "Bild"
    aliases = ["BILD", "Bild-Zeitung", "bild.de"]
    case_sensitive_aliases = ["Bild", "BILD"]   # ordinary words elsewhere: match only as written
    domains = ["bild.de"]
    language = "de"
    country = "DE"
    kind = "newspaper"                          # newspaper | magazine | broadcaster | wire | online | agency
    paywall_markers = ["BILDplus"]
    xpath = ["//article"]                       # optional extraction hints

Aliases match case-insensitively unless listed in ``case_sensitive_aliases``; aliases of three
characters or fewer ("AP", "NOS", "taz") are always case-sensitive. Folders given with
``--sources`` are read after the built-in one; a file there with an existing ``id`` replaces it.
"""

from __future__ import annotations

import contextlib
import hashlib
import inspect
import pickle
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from provenance.errors import LexiconError, SourceRegistryError
from provenance.model import Outlet, Span

KINDS = ("newspaper", "magazine", "broadcaster", "wire", "online", "agency")
_KEYS = {
    "id",
    "name",
    "aliases",
    "case_sensitive_aliases",
    "domains",
    "language",
    "country",
    "kind",
    "paywall_markers",
    "xpath",
}
_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_LANG = re.compile(r"^[a-z]{2}$")
_DOMAIN = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$")
_SHORT = 3  # aliases this short are abbreviations ("AP", "NOS"): exact case only



@dataclass(frozen=True)
class _Alias:
    text: str
    outlet_id: str
    case_sensitive: bool


class Registry:
    """All known outlets, with lookups by id, name, URL and mentions in running text."""

    def __init__(self, outlets: Sequence[Outlet], case_sensitive: dict[str, frozenset[str]] | None = None) -> None:
        self._outlets: dict[str, Outlet] = {o.id: o for o in outlets}
        case_sensitive = case_sensitive or {}
        self._exact: dict[str, str] = {}  # alias as written -> outlet id (case-sensitive aliases)
        self._folded: dict[str, str] = {}  # casefolded alias -> outlet id (case-insensitive aliases)
        self._any_case: dict[str, str] = {}  # casefolded alias -> id, for explicit lookups by name
        aliases: list[_Alias] = []
        for outlet in self._outlets.values():
            exact = case_sensitive.get(outlet.id, frozenset())
            for alias in dict.fromkeys((outlet.name, *outlet.aliases)):
                alias = " ".join(alias.split())
                if not alias:
                    continue
                cs = alias in exact or len(alias) <= _SHORT
                aliases.append(_Alias(alias, outlet.id, cs))
                if cs:
                    self._exact.setdefault(alias, outlet.id)
                else:
                    self._folded.setdefault(alias.casefold(), outlet.id)
                self._any_case.setdefault(alias.casefold(), outlet.id)
        self._aliases = aliases
        self._pattern = _compile(aliases)
        # for the rare fallback in mentions(): aliases by first letter, longest first
        self._by_first: dict[str, list[_Alias]] = {}
        for alias in sorted(aliases, key=lambda a: -len(a.text)):
            self._by_first.setdefault(alias.text[:1].lower(), []).append(alias)
        # domain -> id, longest first so "tagesschau.de" wins over a shorter parent
        domains = [(d, o.id) for o in self._outlets.values() for d in o.domains]
        self._domains = sorted(domains, key=lambda item: -len(item[0]))

    # ------------------------------------------------------------------ lookups

    def all(self) -> list[Outlet]:
        return sorted(self._outlets.values(), key=lambda o: o.id)

    def __len__(self) -> int:
        return len(self._outlets)

    def __contains__(self, outlet_id: object) -> bool:
        return outlet_id in self._outlets

    def get(self, outlet_id: str) -> Outlet:
        """The outlet with this id; SourceRegistryError (with a suggestion) when there is none."""
        outlet = self._outlets.get(outlet_id) or self._outlets.get(outlet_id.strip().lower())
        if outlet is not None:
            return outlet
        hint = self.suggest(outlet_id)
        raise SourceRegistryError(
            f"unknown outlet {outlet_id!r}",
            hint=f"did you mean {hint!r}?" if hint else "see `provenance sources list`",
        )

    def suggest(self, text: str) -> str | None:
        """The outlet id closest to ``text`` (id, name or alias), or None."""
        from rapidfuzz import fuzz, process, utils

        choices: dict[str, str] = {o.id: o.id for o in self._outlets.values()}
        for alias in self._aliases:
            choices.setdefault(alias.text, alias.outlet_id)
        best = process.extractOne(text, list(choices), scorer=fuzz.WRatio, processor=utils.default_process)
        if best is None or best[1] < 70:
            return None
        return choices[best[0]]

    def find(self, name: str) -> Outlet | None:
        """The outlet called ``name`` as an article or a user writes it.

        Tolerant: "BILD", "bild", "Bild-Zeitung", "the German tabloid Bild", "bild.de",
        "https://m.bild.de/...". None when nothing fits.
        """
        given = " ".join(name.split())
        text = given.strip(" \t\"'“”„«»:,.;")
        if not text:
            return None
        if text in self._outlets:
            return self._outlets[text]
        for candidate in (given, text, _descriptor_prefix().sub("", text)):
            found = self._any_case.get(candidate.casefold())
            if found:
                return self._outlets[found]
        if "." in text and " " not in text:
            by_url = self.by_url(text)
            if by_url:
                return by_url
        mentioned = self.mentions(text)
        if mentioned:
            return mentioned[-1][1]  # descriptors come first, the name last ("the German tabloid Bild")
        # lenient: any alias in any case ("the german tabloid bild"); the last one wins
        hits = list(self._pattern.finditer(text)) if self._pattern is not None else []
        for hit in reversed(hits):
            found = self._any_case.get(hit.group().casefold())
            if found:
                return self._outlets[found]
        return None

    def by_url(self, url: str) -> Outlet | None:
        """The outlet whose domain (or a subdomain of it) serves ``url``; archive URLs are unwrapped."""
        host = _host(_unwrap_archive(url))
        if not host:
            return None
        for domain, outlet_id in self._domains:
            if host == domain or host.endswith("." + domain):
                return self._outlets[outlet_id]
        return None

    def mentions(self, text: str) -> list[tuple[Span, Outlet]]:
        """Every outlet alias in ``text``: word-bounded, longest match first, in text order."""
        out: list[tuple[Span, Outlet]] = []
        if self._pattern is None:
            return out
        pos = 0
        search = self._pattern.search
        while True:
            m = search(text, pos)
            if m is None:
                break
            hit = self._resolve(text, m.start(), m.group())
            if hit is None:
                pos = m.start() + 1
                continue
            end, outlet_id = hit
            out.append((Span(m.start(), end), self._outlets[outlet_id]))
            pos = end
        return out

    def _resolve(self, text: str, start: int, matched: str) -> tuple[int, str] | None:
        """Check the regex's (case-blind) longest candidate, falling back to shorter aliases."""
        outlet_id = self._exact.get(matched) or self._folded.get(matched.casefold())
        if outlet_id:
            return start + len(matched), outlet_id
        # the longest candidate had the wrong case for a case-sensitive alias: try shorter ones
        for alias in self._by_first.get(matched[:1].lower(), ()):
            n = len(alias.text)
            if n >= len(matched):
                continue
            piece = text[start : start + n]
            if (piece == alias.text) if alias.case_sensitive else (piece.casefold() == alias.text.casefold()):
                after = text[start + n : start + n + 1]
                if not (after and (after.isalnum() or after == "_")):
                    return start + n, alias.outlet_id
        return None


def _compile(aliases: Sequence[_Alias]) -> re.Pattern[str] | None:
    """One case-blind regex over all aliases (a trie, so it stays fast with hundreds of them)."""
    words = sorted({a.text.lower() for a in aliases})  # lower(), not casefold(): "ß" must keep its length
    if not words:
        return None
    return re.compile(r"(?<![\w])(?:" + _trie_regex(words) + r")(?![\w])", re.IGNORECASE)


def _trie_regex(words: Sequence[str]) -> str:
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _node_regex(trie)


def _node_regex(node: dict[str, Any]) -> str:
    ends = "" in node
    branches = [re.escape(ch) + _node_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    # longest first: the regex engine keeps the first branch that lets the whole pattern match
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends else body


def _unwrap_archive(url: str) -> str:
    m = re.match(r"(?i)^(?:https?://)?(?:web\.)?archive\.org/web/[^/]+/(.+)$", url.strip())
    if m:
        return m.group(1)
    m = re.match(r"(?i)^(?:https?://)?archive\.(?:today|ph|is|li|vn|md|fo)/(?:o/\w+/|\d{14}/)(.+)$", url.strip())
    if m:
        return m.group(1)
    return url


def _host(url: str) -> str:
    url = url.strip()
    if "://" not in url:
        url = "http://" + url
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host.rstrip(".").lower()


# --------------------------------------------------------------------------- loading


# the top-level sources/ folder, installed as this package (pyproject.toml maps it with package-dir)
_BUILTIN_PACKAGE = "provenance.outlet_sources"


def _builtin_files() -> list[tuple[str, str]]:
    try:
        folder = resources.files(_BUILTIN_PACKAGE)
    except ModuleNotFoundError:
        raise SourceRegistryError(
            "the built-in outlet registry is not installed",
            hint="reinstall translation-provenance (pip install -e . in a checkout)",
        ) from None
    out = []
    for entry in folder.iterdir():
        if entry.name.endswith(".toml"):
            out.append((f"sources/{entry.name}", entry.read_text(encoding="utf-8")))
    return sorted(out)


def _dir_files(folder: Path) -> list[tuple[str, str]]:
    if not folder.is_dir():
        raise SourceRegistryError(f"outlet registry folder {folder} does not exist")
    out = []
    for path in sorted(folder.glob("*.toml")):
        try:
            out.append((str(path), path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError) as exc:
            raise SourceRegistryError(f"{path}: cannot read ({exc})") from None
    return out


def _strings(where: str, data: dict[str, Any], key: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise SourceRegistryError(f"{where}: {key!r} must be a list of strings")
    return tuple(v.strip() for v in value if v.strip())


def parse_outlet(where: str, text: str) -> tuple[Outlet, frozenset[str]]:
    """One TOML file -> (Outlet, its case-sensitive aliases); errors name the file and the problem."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SourceRegistryError(f"{where}: invalid TOML ({exc})") from None
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise SourceRegistryError(f"{where}: unknown key {unknown[0]!r} (allowed: {', '.join(sorted(_KEYS))})")
    for key in ("id", "name", "language"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise SourceRegistryError(f"{where}: missing or empty {key!r}")
    outlet_id = data["id"].strip()
    if not _ID.match(outlet_id):
        raise SourceRegistryError(f"{where}: id {outlet_id!r} must be lowercase letters, digits, '-' or '_'")
    language = data["language"].strip()
    languages, countries = _iso_codes()
    if not _LANG.match(language) or language not in languages:
        raise SourceRegistryError(f"{where}: language {language!r} must be a two-letter ISO 639-1 code like 'de'")
    kind = data.get("kind", "newspaper")
    if kind not in KINDS:
        raise SourceRegistryError(f"{where}: kind {kind!r} must be one of {', '.join(KINDS)}")
    country = data.get("country")
    if country is not None and (not isinstance(country, str) or country not in countries):
        raise SourceRegistryError(f"{where}: country {country!r} must be a two-letter ISO 3166 code like 'DE'")
    domains = tuple(d.lower() for d in _strings(where, data, "domains"))
    for domain in domains:
        if not _DOMAIN.match(domain):
            raise SourceRegistryError(f"{where}: {domain!r} is not a bare domain name (no scheme, no path)")
    markers = _strings(where, data, "paywall_markers")
    for marker in markers:
        if len(marker) < 4:  # matched as a substring of whole pages: "F+" would be found in any script
            raise SourceRegistryError(f"{where}: paywall marker {marker!r} is too short to be reliable (min. 4 chars)")
    aliases = _strings(where, data, "aliases")
    exact = _strings(where, data, "case_sensitive_aliases")
    outlet = Outlet(
        id=outlet_id,
        name=data["name"].strip(),
        language=language,
        country=country,
        kind=kind,
        aliases=tuple(dict.fromkeys((*aliases, *exact))),
        domains=domains,
        paywall_markers=markers,
        xpath=_strings(where, data, "xpath"),
    )
    return outlet, frozenset(exact)


@lru_cache(maxsize=1)
def _iso_codes() -> tuple[frozenset[str], frozenset[str]]:
    """The ISO 639-1 languages and ISO 3166-1 alpha-2 countries an outlet file may name (a data file)."""
    data = tomllib.loads(resources.files("provenance").joinpath("data", "iso_codes.toml").read_text(encoding="utf-8"))
    return frozenset(data["languages"]), frozenset(data["countries"])


def parse_descriptors(data: dict[str, Any]) -> re.Pattern[str]:
    """The words in front of an outlet's name (``data/outlet_descriptors.toml``) as one pattern for the start of a
    written name: at most one article, then one or more descriptors. Anything but two lists of lowercase words is a
    LexiconError."""
    where = "data/outlet_descriptors.toml"
    if set(data) != {"articles", "descriptors"}:
        raise LexiconError(f"{where} must hold articles and descriptors, not {', '.join(sorted(data)) or 'nothing'}")
    lists = {}
    for key in ("articles", "descriptors"):
        value = data[key]
        if not value or not isinstance(value, list) or not all(
            isinstance(w, str) and w.strip() and w == w.lower() for w in value
        ):
            raise LexiconError(f"{where}: {key} must be a list of lowercase words")
        # in the order listed; a phrase matches with any whitespace between its words
        lists[key] = "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w in value)
    return re.compile(rf"(?i)^(?:(?:{lists['articles']})\s+)?(?:(?:{lists['descriptors']})\s+)+")


@lru_cache(maxsize=1)
def _descriptor_prefix() -> re.Pattern[str]:
    text = resources.files("provenance").joinpath("data", "outlet_descriptors.toml").read_text(encoding="utf-8")
    return parse_descriptors(tomllib.loads(text))


def _load(sources: list[list[tuple[str, str]]]) -> Registry:
    outlets: dict[str, Outlet] = {}
    exact: dict[str, frozenset[str]] = {}
    for files in sources:
        seen: dict[str, str] = {}
        for where, text in files:
            outlet, cs = parse_outlet(where, text)
            if outlet.id in seen:
                raise SourceRegistryError(f"{where}: id {outlet.id!r} is already defined in {seen[outlet.id]}")
            seen[outlet.id] = where
            outlets[outlet.id] = outlet  # later folders override earlier ones
            exact[outlet.id] = cs
    return Registry(list(outlets.values()), exact)


#: registries kept in a cache dir (the newest, by time written): one per set of folders and contents in use
_KEPT_REGISTRIES = 8


def _digest(sources: list[list[tuple[str, str]]]) -> str:
    """SHA-256 of what a registry is made from: every file's name and text, and the code that reads them (this
    module, the one defining ``Outlet``, the ISO code list it checks against)."""
    h = hashlib.sha256()
    code = (Path(__file__), Path(inspect.getfile(Outlet)))
    for path in code:
        h.update(path.read_bytes())
    h.update(resources.files("provenance").joinpath("data", "iso_codes.toml").read_bytes())
    for files in sources:
        h.update(b"\x00folder")
        for where, text in files:
            h.update(b"\x00" + where.encode("utf-8") + b"\x00" + text.encode("utf-8"))
    return h.hexdigest()


def _load_kept(sources: list[list[tuple[str, str]]], cache_dir: Path) -> Registry:
    """``_load(sources)``, kept pickled in ``cache_dir`` under the SHA-256 of its inputs (``_digest``): 812 TOML files
    parse in about 0.1 s, the pickle reads in a few ms. The file holds that digest again and is used only when it
    matches and unpickles to a Registry; otherwise it is built and written again."""
    try:
        digest = _digest(sources)
    except OSError:  # this module not readable as a file (a zipped install): nothing kept
        return _load(sources)
    path = cache_dir / "registry" / f"registry-{digest[:32]}.pickle"
    with contextlib.suppress(OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError,
                             TypeError, IndexError):
        kept_digest, registry = pickle.loads(path.read_bytes())  # our own file, written below
        if kept_digest == digest and isinstance(registry, Registry):
            return registry
    registry = _load(sources)
    from provenance.db import atomic_write

    with contextlib.suppress(OSError):  # a read-only cache dir costs time, not results
        atomic_write(path, pickle.dumps((digest, registry), protocol=pickle.HIGHEST_PROTOCOL))
        kept = sorted(path.parent.glob("registry-*.pickle"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in kept[_KEPT_REGISTRIES:]:
            old.unlink(missing_ok=True)
    return registry


@lru_cache(maxsize=16)
def _cached(extra: tuple[str, ...], cache_dir: str | None = None) -> Registry:
    sources = [_builtin_files(), *(_dir_files(Path(d)) for d in extra)]
    return _load(sources) if cache_dir is None else _load_kept(sources, Path(cache_dir))


def load_registry(extra_dirs: Sequence[Path] = (), cache_dir: Path | None = None) -> Registry:
    """The built-in outlets plus those in ``extra_dirs`` (later ones override by id); cached, and with ``cache_dir``
    also kept there for the next process (``_load_kept``)."""
    return _cached(tuple(str(Path(d).resolve()) for d in extra_dirs), None if cache_dir is None else str(cache_dir))


def clear_cache() -> None:
    """Forget loaded registries (after editing TOML files in a running process)."""
    _cached.cache_clear()


__all__ = ["KINDS", "Registry", "clear_cache", "load_registry", "parse_outlet"]
