"""The outlet registry: the shipped TOML files, lookups by name, URL and mention, extra folders,
error messages for malformed files, and the `provenance sources` commands."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from provenance.errors import SourceRegistryError
from provenance.sources import KINDS, load_registry, parse_outlet

OUTLETS = Path(__file__).resolve().parent.parent / "sources"


@pytest.fixture(scope="module")
def registry():
    return load_registry()


# --------------------------------------------------------------------------- the shipped files


def test_every_shipped_toml_loads_and_is_named_after_its_id() -> None:
    files = sorted(OUTLETS.glob("*.toml"))
    assert len(files) >= 45
    for path in files:
        outlet, _exact = parse_outlet(str(path), path.read_text(encoding="utf-8"))
        assert outlet.id == path.stem
        assert outlet.kind in KINDS
        assert outlet.name and outlet.language


def test_registry_covers_45_outlets_in_10_languages(registry) -> None:
    outlets = registry.all()
    assert len(outlets) >= 45
    assert len({o.language for o in outlets}) >= 10
    ids = {o.id for o in outlets}
    for required in ("bild", "spiegel", "zeit", "faz", "sz", "welt", "lemonde", "elpais", "corriere", "tass",
                     "pravda-ua", "wyborcza", "publico", "nrc", "reuters", "ap", "bbc", "cbsnews", "nyt"):
        assert required in ids


def test_every_alias_finds_its_own_outlet(registry) -> None:
    """No alias is claimed by two outlets (that would make attributions ambiguous)."""
    for outlet in registry.all():
        for alias in (outlet.name, *outlet.aliases):
            found = registry.find(alias)
            assert found is not None and found.id == outlet.id, (alias, outlet.id, found and found.id)


def test_paywall_markers_are_recorded(registry) -> None:
    assert "BILDplus" in registry.get("bild").paywall_markers
    assert "SPIEGEL+" in registry.get("spiegel").paywall_markers
    assert "Article réservé aux abonnés" in registry.get("lemonde").paywall_markers


# --------------------------------------------------------------------------- lookups


@pytest.mark.parametrize(
    ("name", "outlet_id"),
    [
        ("BILD", "bild"),
        ("Bild", "bild"),
        ("bild", "bild"),
        ("Bild-Zeitung", "bild"),
        ("the German tabloid Bild", "bild"),
        ("BILD am Sonntag", "bams"),
        ("Der Spiegel", "spiegel"),
        ("the German news magazine Der Spiegel", "spiegel"),
        ("Süddeutsche Zeitung", "sz"),
        ("F.A.Z.", "faz"),
        ("bild.de", "bild"),
        ("https://www.lemonde.fr/international/article/x.html", "lemonde"),
        ("the French daily Le Monde", "lemonde"),
        ("Reuters", "reuters"),
        ("the Associated Press", "ap"),
        ("РИА Новости", "ria"),
        ("Українська правда", "pravda-ua"),
    ],
)
def test_find_is_tolerant_of_how_articles_name_outlets(registry, name: str, outlet_id: str) -> None:
    found = registry.find(name)
    assert found is not None and found.id == outlet_id


def test_find_returns_none_for_unknown_names(registry) -> None:
    assert registry.find("The Daily Nonexistent") is None
    assert registry.find("") is None


def test_get_unknown_id_suggests_the_closest(registry) -> None:
    with pytest.raises(SourceRegistryError, match=r"unknown outlet 'spigel'.*did you mean 'spiegel'"):
        registry.get("spigel")


@pytest.mark.parametrize(
    ("url", "outlet_id"),
    [
        ("https://m.bild.de/politik/ausland/x.html", "bild"),
        ("https://www.bild.de/politik/x.html", "bild"),
        ("http://www.spiegel.de/ausland/a-1.html", "spiegel"),
        ("www.spiegel.de/ausland", "spiegel"),
        ("https://WWW.TAGESSCHAU.DE/ausland/x.html", "tagesschau"),
        ("https://folha.uol.com.br/mundo/2025/x.shtml", "folha"),
        ("https://www.bbc.co.uk/news/world-1", "bbc"),
        ("https://web.archive.org/web/20250810000000/https://www.bild.de/politik/x.html", "bild"),
        ("https://archive.ph/o/AbCd1/https://www.zeit.de/politik/x", "zeit"),
    ],
)
def test_by_url_matches_domains_and_subdomains(registry, url: str, outlet_id: str) -> None:
    found = registry.by_url(url)
    assert found is not None and found.id == outlet_id


def test_by_url_does_not_match_lookalike_domains(registry) -> None:
    assert registry.by_url("https://notbild.de/x") is None
    assert registry.by_url("https://bild.de.example.com/x") is None
    assert registry.by_url("https://example.com/bild.de") is None
    assert registry.by_url("not a url") is None


# --------------------------------------------------------------------------- mentions in running text


def mentioned(registry, text: str) -> list[tuple[str, str]]:
    return [(span.slice(text), outlet.id) for span, outlet in registry.mentions(text)]


def test_mentions_finds_outlets_with_spans(registry) -> None:
    text = "According to BILD, the Kremlin did not move. A Ukrainian official told BILD, and Reuters agreed."
    assert mentioned(registry, text) == [("BILD", "bild"), ("BILD", "bild"), ("Reuters", "reuters")]


def test_mentions_prefers_the_longest_alias(registry) -> None:
    assert mentioned(registry, "BILD am Sonntag reported it first.") == [("BILD am Sonntag", "bams")]
    assert mentioned(registry, "The Bild-Zeitung wrote") == [("Bild-Zeitung", "bild")]
    assert mentioned(registry, "SPIEGEL ONLINE berichtet") == [("SPIEGEL ONLINE", "spiegel")]


def test_mentions_are_word_bounded(registry) -> None:
    assert mentioned(registry, "Read it with BILDplus or on Bildschirm.") == []
    assert mentioned(registry, "The APR rose; a NOSE bled; Reutersfoo.") == []


def test_ambiguous_words_only_match_as_outlet_names(registry) -> None:
    assert mentioned(registry, "the world and die Welt in German text, welt, WELT") == [("WELT", "welt")]
    assert mentioned(registry, "Die Welt berichtete gestern.") == [("Die Welt", "welt")]
    assert mentioned(registry, "Nos vemos mañana, dijo; nos dijeron.") == []
    assert mentioned(registry, "The NOS reported it.") == [("NOS", "nos")]
    assert mentioned(registry, "an ap bulletin, the Ap style") == []
    assert mentioned(registry, "AP reported") == [("AP", "ap")]
    assert mentioned(registry, "le monde entier") == []
    assert mentioned(registry, "selon Le Monde") == [("Le Monde", "lemonde")]


def test_mentions_is_empty_for_plain_text(registry) -> None:
    assert registry.mentions("Nothing about any newspaper here.") == []


# --------------------------------------------------------------------------- extra folders


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_extra_folder_overrides_and_extends(tmp_path: Path) -> None:
    extra = tmp_path / "outlets"
    write(extra, "bild.toml", 'id = "bild"\nname = "Bild (desk copy)"\nlanguage = "de"\ndomains = ["bild.de"]\n')
    write(
        extra,
        "lokal.toml",
        'id = "lokal"\nname = "Lokalblatt"\nlanguage = "de"\ncountry = "DE"\ndomains = ["lokalblatt.example"]\n'
        'aliases = ["LB"]\ncase_sensitive_aliases = ["Blatt"]\n',
    )
    registry = load_registry([extra])
    assert registry.get("bild").name == "Bild (desk copy)"
    assert registry.by_url("https://www.lokalblatt.example/a").id == "lokal"
    assert mentioned(registry, "Laut Lokalblatt und LB, nicht lb; Blatt, nicht blatt") == [
        ("Lokalblatt", "lokal"),
        ("LB", "lokal"),
        ("Blatt", "lokal"),
    ]
    assert len(registry) == len(load_registry()) + 1
    assert load_registry().get("bild").name == "Bild"  # the built-in registry is untouched


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('id = "x"\nname = "X"\nlanguage = "de"\ndomains = [', "invalid TOML"),
        ('id = "x"\nlanguage = "de"\n', "missing or empty 'name'"),
        ('id = "x"\nname = "X"\nlanguage = "German"\n', "two-letter"),
        ('id = "x"\nname = "X"\nlanguage = "xx"\n', "language 'xx' must be a two-letter ISO 639-1 code"),
        ('id = "x"\nname = "X"\nlanguage = "en"\ncountry = "UK"\n', "country 'UK' must be a two-letter ISO 3166"),
        ('id = "x"\nname = "X"\nlanguage = "de"\nalias = ["X1"]\n', "unknown key 'alias'"),
        ('id = "x"\nname = "X"\nlanguage = "de"\ndomains = ["https://x.de/"]\n', "not a bare domain"),
        ('id = "x"\nname = "X"\nlanguage = "de"\nkind = "blog"\n', "kind 'blog'"),
        ('id = "X Y"\nname = "X"\nlanguage = "de"\n', "lowercase"),
        ('id = "x"\nname = "X"\nlanguage = "de"\npaywall_markers = ["F+"]\n', "too short"),
        ('id = "x"\nname = "X"\nlanguage = "de"\naliases = "X1"\ndomains = [1]\n', "list of strings"),
    ],
)
def test_malformed_toml_names_the_file_and_the_problem(tmp_path: Path, content: str, message: str) -> None:
    bad = write(tmp_path / "bad", "broken.toml", content)
    with pytest.raises(SourceRegistryError) as info:
        load_registry([bad.parent])
    assert str(bad) in str(info.value)
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_duplicate_id_in_one_folder_is_an_error(tmp_path: Path) -> None:
    folder = tmp_path / "dup"
    write(folder, "a.toml", 'id = "same"\nname = "A"\nlanguage = "de"\n')
    write(folder, "b.toml", 'id = "same"\nname = "B"\nlanguage = "de"\n')
    with pytest.raises(SourceRegistryError, match="already defined"):
        load_registry([folder])


def test_missing_extra_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SourceRegistryError, match="does not exist"):
        load_registry([tmp_path / "nope"])


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"articles": ["the"]}, "must hold articles and descriptors, not articles"),
        ({"articles": ["the"], "descriptors": ["daily"], "adjectives": ["german"]}, "not adjectives, articles"),
        ({"articles": ["the"], "descriptors": "daily"}, "descriptors must be a list of lowercase words"),
        ({"articles": ["The"], "descriptors": ["daily"]}, "articles must be a list of lowercase words"),
        ({"articles": [], "descriptors": ["daily"]}, "articles must be a list of lowercase words"),
    ],
)
def test_malformed_outlet_descriptors_are_refused_when_read(data: dict, message: str) -> None:
    """The words before an outlet's name ("the German tabloid") are data (data/outlet_descriptors.toml), checked."""
    from provenance.errors import LexiconError
    from provenance.sources import parse_descriptors

    with pytest.raises(LexiconError, match=re.escape(message)):
        parse_descriptors(data)


def test_outlet_descriptors_match_phrases_with_any_spacing() -> None:
    from provenance.sources import parse_descriptors

    prefix = parse_descriptors({"articles": ["the"], "descriptors": ["news agency", "u.s."]})
    assert prefix.sub("", "The U.S.  news\tagency AP") == "AP"
    assert prefix.sub("", "the usa agency AP") == "the usa agency AP"


# --------------------------------------------------------------------------- CLI


def test_cli_sources_list_text_and_json(cli) -> None:
    text = cli("sources", "list")
    assert text.returncode == 0, text.stderr
    lines = text.stdout.splitlines()
    assert lines[0].split() == ["ID", "NAME", "LANG", "COUNTRY", "DOMAINS"]
    assert any(line.startswith("bild ") and "bild.de" in line for line in lines)
    data = json.loads(cli("sources", "list", "--format", "json").stdout)
    assert len(data) >= 45
    assert {"id", "name", "language", "country", "domains", "aliases"} <= set(data[0])


def test_cli_sources_show_and_unknown_id(cli) -> None:
    shown = cli("sources", "show", "bild")
    assert shown.returncode == 0
    assert "BILDplus" in shown.stdout and "bild.de" in shown.stdout
    assert json.loads(cli("sources", "show", "BILD", "--format", "json").stdout)["id"] == "bild"
    unknown = cli("sources", "show", "spigel")
    assert unknown.returncode == 2
    assert unknown.stderr.strip().splitlines() == [
        "provenance: error: unknown outlet 'spigel' (did you mean 'spiegel'?)"
    ]


def test_cli_sources_reads_extra_folders(tmp_path: Path, cli) -> None:
    extra = tmp_path / "more"
    write(extra, "lokal.toml", 'id = "lokal"\nname = "Lokalblatt"\nlanguage = "de"\n')
    result = cli("--sources", str(extra), "sources", "show", "lokal")
    assert result.returncode == 0
    assert "Lokalblatt" in result.stdout


def test_inflected_names_in_slavic_and_german_text(registry) -> None:
    assert mentioned(registry, "по данным «Коммерсанта» и ТАСС") == [("Коммерсанта", "kommersant"), ("ТАСС", "tass")]
    assert mentioned(registry, "За інформацією Української правди") == [("Української правди", "pravda-ua")]
    assert mentioned(registry, "Zdaniem Rzeczpospolitej i Gazety Wyborczej") == [
        ("Rzeczpospolitej", "rzeczpospolita"),
        ("Gazety Wyborczej", "wyborcza"),
    ]
    assert mentioned(registry, "laut der Süddeutschen Zeitung") == [("Süddeutschen Zeitung", "sz")]
    assert mentioned(registry, "коммерсант из Москвы") == []  # the common noun, lower case
