"""Reading FreeDict dictionaries (dictd format) into word lists: provenance.lang.freedict.

The unit tests use a tiny German-French dictionary in tests/fixtures/freedict (written for these
tests, uncompressed data file); one test reads the real Debian package when it is installed.
"""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest

from provenance.config import Config
from provenance.lang import freedict
from provenance.lang.freedict import available, decode_number, parse_entry, read_entries, word_pairs
from provenance.lang.resources import Resources, using

FIXTURES = Path(__file__).parent / "fixtures" / "freedict"


@pytest.fixture(autouse=True)
def _fresh_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts without word lists loaded earlier in the process."""
    monkeypatch.setattr(freedict, "_loaded", {})


def test_dictd_numbers_are_base64_digits_most_significant_first() -> None:
    assert decode_number("A") == 0
    assert decode_number("B") == 1
    assert decode_number("BA") == 64
    assert decode_number("/") == 63


def test_an_entry_gives_its_headword_and_the_translations_of_every_numbered_sense() -> None:
    entry = "Weg /veːk/ <n, masc>\n1. chemin\nStrecke zum Gehen\n2. voie, route (grande)\nRichtung\n"
    head, translations = parse_entry(entry)
    assert head == "Weg"
    # the German definitions ("Strecke zum Gehen") are not translations; annotations are dropped
    assert translations == ["chemin", "voie", "route"]


def test_entries_are_read_through_the_index_and_metadata_is_skipped() -> None:
    entries = list(read_entries(FIXTURES / "freedict-deu-fra.index", FIXTURES / "freedict-deu-fra.dict"))
    assert entries[0].startswith("Arbeit ")
    assert not any("test dictionary" in e for e in entries)


def test_word_pairs_merge_both_directions_of_a_language_pair() -> None:
    pairs = word_pairs("de", "fr", folder=FIXTURES)
    assert set(pairs["weg"]) == {"chemin", "voie"}
    assert "nouveau" in pairs["neu"]
    # from the French-German dictionary, reversed: "obtenir" translates "bekommen"
    assert pairs["bekommen"] == ("obtenir",)
    # a multi-word headword ("zu Hause") cannot match a single word and is left out
    assert "zu" not in pairs and "hause" not in pairs
    back = word_pairs("fr", "de", folder=FIXTURES)
    assert back["pont"] == ("brücke",)


def test_no_dictionary_means_no_pairs(tmp_path: Path) -> None:
    assert word_pairs("de", "es", folder=FIXTURES) == {}
    assert not available("de", "es", folder=FIXTURES)
    assert available("fr", "de", folder=FIXTURES)
    assert word_pairs("de", "fr", folder=tmp_path) == {}


def test_compressed_data_files_are_read_like_dictd_does(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "freedict-deu-fra.index", tmp_path)
    with gzip.open(tmp_path / "freedict-deu-fra.dict.dz", "wb") as fh:
        fh.write((FIXTURES / "freedict-deu-fra.dict").read_bytes())
    assert word_pairs("de", "fr", folder=tmp_path)["brücke"] == ("pont",)


def test_compiled_word_lists_are_cached_and_reused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = word_pairs("de", "fr", folder=FIXTURES, cache_dir=tmp_path)
    cached = list((tmp_path / "freedict").glob("de-fr-*.tries"))
    assert len(cached) == 1
    monkeypatch.setattr(freedict, "_loaded", {})
    monkeypatch.setattr(freedict, "_compile", lambda *_: pytest.fail("the cache was not used"))
    assert word_pairs("de", "fr", folder=FIXTURES, cache_dir=tmp_path) == first


def test_a_damaged_cache_file_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = dict(word_pairs("de", "fr", folder=FIXTURES, cache_dir=tmp_path))  # a copy: the tries are mapped
    (cached,) = (tmp_path / "freedict").glob("de-fr-*.tries")
    (cached / "0.map").write_bytes(b"\x00garbage")
    monkeypatch.setattr(freedict, "_loaded", {})
    assert word_pairs("de", "fr", folder=FIXTURES, cache_dir=tmp_path) == first


def test_without_a_folder_the_run_s_configured_dictionaries_are_read(tmp_path: Path) -> None:
    """The folder is the run's ``freedict_dir`` setting (its resources), not a module default: the antonym checks
    ask for word lists without naming a folder."""
    def dictionaries_in(folder: Path) -> Resources:
        return Resources.from_config(Config(cache_dir=tmp_path / "cache", freedict_dir=folder))

    with using(dictionaries_in(FIXTURES)):
        assert available("de", "fr")
        assert word_pairs("de", "fr")["brücke"] == ("pont",)
    with using(dictionaries_in(tmp_path / "none")):
        assert not available("de", "fr")
        assert word_pairs("de", "fr") == {}


@pytest.mark.skipif(not available("de", "fr"), reason="Debian package dict-freedict-deu-fra is not installed")
def test_the_installed_german_french_dictionary() -> None:
    pairs = word_pairs("de", "fr")
    assert "gouvernement" in pairs["regierung"]
    assert "maison" in pairs["haus"]


def test_the_alignment_signature_says_whether_the_dictionary_term_applies(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from provenance.align import ALIGN_VERSION, AlignParams, version_tag

    def dictionaries_in(folder: Path) -> Resources:
        return Resources.from_config(Config(cache_dir=tmp_path / "cache", freedict_dir=folder))

    with using(dictionaries_in(FIXTURES)):
        assert version_tag("fr", "de") == f"{ALIGN_VERSION}+freedict"
        assert version_tag("fr", None) == ALIGN_VERSION  # languages unknown: the term is off
        assert version_tag("fr", "de", AlignParams(lexical=0.0)) == ALIGN_VERSION
    with using(dictionaries_in(tmp_path)):  # nothing installed
        assert version_tag("fr", "de") == ALIGN_VERSION
