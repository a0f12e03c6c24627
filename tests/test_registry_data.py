"""The shipped outlet registry as data: where it lives, how it is packaged, and what every file
in it must satisfy (loads, unique ids, no alias claimed by two outlets, valid codes and hostnames,
coverage)."""

from __future__ import annotations

import re
import tomllib
from collections import defaultdict
from functools import cache
from pathlib import Path

import pytest

from provenance.model import Outlet
from provenance.sources import parse_outlet

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"


# --------------------------------------------------------------------------- packaging


def _build_config() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def test_the_registry_is_the_top_level_sources_folder_mapped_into_the_package() -> None:
    config = _build_config()
    assert config["package-dir"] == {"provenance.outlet_sources": "sources"}
    assert "provenance.outlet_sources" in config["packages"]
    assert config["package-data"]["provenance.outlet_sources"] == ["*.toml"]
    assert not (ROOT / "provenance" / "outlets").exists()


def test_every_folder_of_the_package_is_listed_for_the_wheel() -> None:
    """The package list is written out (the mapped sources/ folder rules out a find), so a new
    subpackage or data folder under provenance/ must be added there or the wheel would lack it."""
    folders = {
        ".".join(path.relative_to(ROOT).parts)
        for path in [ROOT / "provenance", *(ROOT / "provenance").rglob("*")]
        if path.is_dir() and path.name != "__pycache__" and any(p.is_file() for p in path.iterdir())
    }
    assert folders <= set(_build_config()["packages"])


def test_the_installed_registry_is_read_from_sources() -> None:
    from importlib import resources

    import provenance.sources as sources

    folder = resources.files(sources._BUILTIN_PACKAGE)
    assert Path(str(folder)).resolve() == SOURCES.resolve()  # the editable install reads the checkout


# --------------------------------------------------------------------------- every shipped outlet file

# a hostname as the registry stores it: lower-case labels of letters, digits and inner hyphens, a
# alphabetic top-level label, no scheme, path, port or "www." (subdomains match anyway)
HOSTNAME = re.compile(r"^(?!www\.)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}$")


@cache
def shipped() -> tuple[tuple[Outlet, frozenset[str]], ...]:
    files = sorted(SOURCES.glob("*.toml"))
    return tuple(parse_outlet(str(path), path.read_text(encoding="utf-8")) for path in files)


@cache
def iso_codes() -> tuple[frozenset[str], frozenset[str]]:
    data = tomllib.loads((ROOT / "provenance" / "data" / "iso_codes.toml").read_text(encoding="utf-8"))
    return frozenset(data["languages"]), frozenset(data["countries"])


def spellings(outlet: Outlet) -> list[str]:
    return [" ".join(a.split()) for a in dict.fromkeys((outlet.name, *outlet.aliases))]


def test_the_registry_has_at_least_400_outlets_in_30_languages() -> None:
    outlets = [o for o, _ in shipped()]
    assert len(outlets) >= 400
    assert len({o.language for o in outlets}) >= 30


def test_every_file_is_named_after_its_unique_id() -> None:
    ids = [o.id for o, _ in shipped()]
    assert len(ids) == len(set(ids))
    assert sorted(ids) == sorted(p.stem for p in SOURCES.glob("*.toml"))


def test_languages_and_countries_are_iso_codes() -> None:
    languages, countries = iso_codes()
    assert "en" in languages and "xx" not in languages and "GB" in countries and "UK" not in countries
    for outlet, _ in shipped():
        assert outlet.language in languages, outlet.id
        assert outlet.country in countries, outlet.id


def test_every_outlet_has_a_plausible_hostname() -> None:
    # Sunday editions published on the weekday paper's site (bild.de, thetimes.com) have no domain of their own
    sunday_editions = {"bams", "sundaytimes"}
    for outlet, _ in shipped():
        assert outlet.domains or outlet.id in sunday_editions, outlet.id
        for domain in outlet.domains:
            assert HOSTNAME.match(domain) and len(domain) <= 253, (outlet.id, domain)


def test_no_domain_belongs_to_two_outlets() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for outlet, _ in shipped():
        for domain in outlet.domains:
            owners[domain].add(outlet.id)
    assert {d: ids for d, ids in owners.items() if len(ids) > 1} == {}


def test_no_alias_is_claimed_by_two_outlets() -> None:
    """Compared as the registry's lookups compare them (any case, spaces collapsed): a shared alias
    would attribute a passage to whichever outlet loaded first. Qualify such names instead
    ("ABC News (Australia)") or leave the shared short form out."""
    owners: dict[str, set[str]] = defaultdict(set)
    for outlet, _ in shipped():
        for alias in spellings(outlet):
            owners[alias.casefold()].add(outlet.id)
    assert {a: sorted(ids) for a, ids in owners.items() if len(ids) > 1} == {}


def test_a_case_sensitive_alias_is_not_undone_by_another_spelling_of_it() -> None:
    """ "SABAH" matched in any case would find "Sabah" (a Malaysian state) too, although "Sabah" is
    listed as case-sensitive: every spelling of a case-sensitive alias must be case-sensitive."""
    for outlet, exact in shipped():
        folded = {e.casefold() for e in exact}
        loose = [a for a in spellings(outlet) if a not in exact and len(a) > 3 and a.casefold() in folded]
        assert loose == [], outlet.id


@cache
def common_english_words() -> frozenset[str]:
    """Lower-case single words of English WordNet (proper names are capitalised there) and their
    regular inflections, plus the function words WordNet leaves out."""
    from provenance.lang.wordnet import data_dir

    folder = data_dir()
    if folder is None:
        pytest.skip("WordNet data files not installed")
    words = {"the", "a", "an", "of", "and", "or", "in", "on", "at", "for", "to", "by", "with", "from"}
    for pos in ("noun", "verb", "adj", "adv"):
        for line in (folder / f"data.{pos}").open(encoding="latin-1"):
            if line.startswith("  "):
                continue
            fields = line.split()
            for i in range(int(fields[3], 16)):
                word = re.sub(r"\(.*\)$", "", fields[4 + 2 * i])
                if word.islower() and "_" not in word:
                    words.update((word, word + "s", word + "es"))
    return frozenset(words)


def test_aliases_made_of_ordinary_english_words_match_only_as_written() -> None:
    """The registry looks for outlet names in running English text: "Daily Mail", "Mail Online" or
    "Le Soir" matched in any case would find "my daily mail" or "le soir"."""
    words = common_english_words()
    loose = []
    for outlet, exact in shipped():
        for alias in spellings(outlet):
            tokens = re.findall(r"\w+", alias)
            if alias in exact or len(alias) <= 3 or "." in alias or not tokens:
                continue
            if all(t.isdigit() or t.lower() in words for t in tokens):
                loose.append((outlet.id, alias))
    assert loose == []


def test_the_summary_in_docs_outlets_md_matches_the_files() -> None:
    """docs/outlets.md ends with a per-language table generated from sources/; adding an outlet
    without regenerating it (python scripts/outlet_summary.py) leaves the page stale."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("outlet_summary", ROOT / "scripts" / "outlet_summary.py")
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    page = (ROOT / "docs" / "outlets.md").read_text(encoding="utf-8")
    table = script.summary([o for o, _ in shipped()])
    assert f"<!-- BEGIN summary -->\n{table}<!-- END summary -->" in page
    assert table.startswith(f"{len(shipped())} outlets in ")
