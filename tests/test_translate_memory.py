"""Translation memories (TMX, TSV, XLIFF 1.2 and 2.0): exact and fuzzy hits, languages from headers."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from provenance.config import Config
from provenance.errors import TranslationError
from provenance.translate import get_translator
from provenance.translate.memory import TranslationMemory, normalise
from tests.conftest import FIXTURES

MEM = FIXTURES / "translate"


def test_tmx_exact_hit_names_the_file_and_uses_the_header_languages() -> None:
    memory = TranslationMemory([MEM / "desk.tmx"])
    [hit] = memory.lookup(["Die Brücke über den Fluss bleibt bis Ende Mai gesperrt."], "de", "en")
    assert hit is not None
    assert hit.text == "The bridge over the river remains closed until the end of May."
    assert hit.translator == "memory:desk.tmx"
    # de-DE / en-GB in the file serve de -> en requests; an unrelated pair gets nothing
    assert memory.lookup(["Die Brücke über den Fluss bleibt bis Ende Mai gesperrt."], "de", "fr") == [None]


def test_exact_matching_ignores_whitespace_and_quote_styles() -> None:
    memory = TranslationMemory([MEM / "desk.tmx"])
    [hit] = memory.lookup(['Der  Bürgermeister sagte: "Wir haben keine Wahl."\n'], "de", "en")
    assert hit is not None and hit.translator == "memory:desk.tmx"
    assert hit.text == 'The mayor said: "We have no choice."'  # inline <bpt>/<ept> codes are not text
    assert normalise("„Ja“,  sagte er.") == '"Ja", sagte er.'


def test_a_memory_serves_the_reverse_direction_too() -> None:
    memory = TranslationMemory([MEM / "desk.tmx"])
    [hit] = memory.lookup(["Five municipalities have joined the lawsuit."], "en", "de")
    assert hit is not None and hit.text == "Fünf Gemeinden haben sich der Klage angeschlossen."


def test_fuzzy_hit_above_the_threshold_is_marked_fuzzy() -> None:
    memory = TranslationMemory([MEM / "desk.tmx"], threshold=90)
    [hit] = memory.lookup(["Die Brücke über dem Fluss bleibt bis Ende Mai gesperrt."], "de", "en")
    assert hit is not None
    assert hit.text == "The bridge over the river remains closed until the end of May."
    assert hit.translator.startswith("memory:desk.tmx (fuzzy ")


def test_fuzzy_matching_never_borrows_a_translation_with_other_numbers() -> None:
    memory = TranslationMemory([MEM / "desk.tmx"], threshold=85)
    # one digit away from the memory's "14 Millionen": similar text, different fact
    assert memory.lookup(["Die Sanierung kostet nach Schätzung der Stadt 15 Millionen Euro."], "de", "en") == [None]
    [same] = memory.lookup(["Die Sanierung kostet nach Schätzung der Stadt 14 Millionen Euro!"], "de", "en")
    assert same is not None


def test_below_the_threshold_is_a_miss() -> None:
    memory = TranslationMemory([MEM / "desk.tmx"])  # default threshold 92
    assert memory.lookup(["Die Brücke bleibt offen."], "de", "en") == [None]


def test_tsv_languages_come_from_the_file_name() -> None:
    memory = TranslationMemory([MEM / "desk.de-en.tsv"])
    sources = ["Der Stadtrat tagt am Montag.", "Nach Angaben der Polizei wurde niemand verletzt."]
    hits = memory.lookup(sources, "de", "en")
    assert [h.text for h in hits if h] == [
        "The town council meets on Monday.",
        "According to the police, nobody was injured.",
    ]
    assert hits[0] is not None and hits[0].translator == "memory:desk.de-en.tsv"
    assert memory.lookup(["Der Stadtrat tagt am Montag."], "fr", "en") == [None]


def test_a_tsv_without_languages_in_its_name_serves_any_pair(tmp_path: Path) -> None:
    path = tmp_path / "desk.tsv"
    path.write_text("Bonjour.\tGood morning.\n", encoding="utf-8")
    [hit] = TranslationMemory([path]).lookup(["Bonjour."], "fr", "en")
    assert hit is not None and hit.text == "Good morning."


def test_a_malformed_tsv_line_is_reported_with_its_line_number(tmp_path: Path) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text("Eins.\tOne.\nZwei ohne Tabulator\n", encoding="utf-8")
    with pytest.raises(TranslationError, match=r"bad.tsv:2"):
        TranslationMemory([path])


def test_xliff_12_units_including_groups_and_inline_text() -> None:
    memory = TranslationMemory([MEM / "desk12.xlf"])
    hits = memory.lookup(
        [
            "Der Minister soll die Angebote missverstanden haben.",
            "Das Treffen dauerte drei Stunden.",
            "Dieser Satz ist noch nicht übersetzt.",
        ],
        "de",
        "en",
    )
    assert hits[0] is not None and hits[0].text == "The minister is said to have misunderstood the offers."
    assert hits[1] is not None and hits[1].text == "The meeting lasted three hours."
    assert hits[2] is None  # empty <target>: not a translation


def test_xliff_20_segments_with_languages_from_the_root() -> None:
    memory = TranslationMemory([MEM / "desk20.xlf"])
    hits = memory.lookup(
        ["Offenbar hat die Regierung den Bericht zurückgehalten.", "Die Zahl der Anträge stieg um zwölf Prozent."],
        "de",
        "en",
    )
    assert [h.text for h in hits if h] == [
        "Apparently the government held back the report.",
        "The number of applications rose by twelve per cent.",
    ]
    assert hits[0] is not None and hits[0].translator == "memory:desk20.xlf"


def test_memory_translator_reports_segments_it_does_not_have(tmp_path: Path) -> None:
    config = Config(cache_dir=tmp_path, memories=(MEM / "desk.tmx",))
    translator = get_translator("memory", config)
    [ok] = translator.translate(["Fünf Gemeinden haben sich der Klage angeschlossen."], "de", "en")
    assert ok.text == "Five municipalities have joined the lawsuit."
    with pytest.raises(TranslationError, match="1 of 2 segments are not in memory:desk.tmx"):
        translator.translate(["Fünf Gemeinden haben sich der Klage angeschlossen.", "Etwas Neues."], "de", "en")


def test_memory_translator_needs_a_memory(tmp_path: Path) -> None:
    with pytest.raises(Exception, match="--memory FILE"):
        get_translator("memory", replace(Config(cache_dir=tmp_path), memories=()))


def test_an_unreadable_memory_is_a_clear_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.tmx"
    broken.write_text("<tmx><body><tu>", encoding="utf-8")
    with pytest.raises(TranslationError, match="cannot read translation memory broken.tmx"):
        TranslationMemory([broken])


def test_a_paragraph_is_matched_sentence_by_sentence_when_every_sentence_hits() -> None:
    memory = TranslationMemory([MEM / "desk.de-en.tsv"])
    paragraph = "Der Stadtrat tagt am Montag. Die Opposition kritisierte den Plan scharf."
    [hit] = memory.lookup([paragraph], "de", "en")
    assert hit is not None and hit.translator == "memory:desk.de-en.tsv"
    assert hit.text == "The town council meets on Monday. The opposition sharply criticised the plan."
    # one unknown sentence: the paragraph is a miss (no half translations)
    assert memory.lookup([paragraph + " Das ist neu."], "de", "en") == [None]


def test_a_stretch_our_splitter_left_whole_is_covered_by_the_segments_it_holds(tmp_path: Path) -> None:
    """ "640 mln zł." ends a sentence, though an abbreviation ends it: the memory, split by its own rules,
    translates the two sentences, and together they cover the stretch."""
    tsv = tmp_path / "desk.pl-en.tsv"
    tsv.write_text(
        "Eksport to ponad 80 proc. przychodów, które wyniosły 640 mln zł.\tExports are over 80 per cent of revenue, "
        "which came to 640 million zlotys.\n"
        "Nowa fabryka ma zatrudnić 350 osób.\tThe new factory is to employ 350 people.\n",
        encoding="utf-8",
    )
    memory = TranslationMemory([tsv])
    [hit] = memory.lookup(["Eksport to ponad 80 proc. przychodów, które wyniosły 640 mln zł. Nowa fabryka ma "
                           "zatrudnić 350 osób."], "pl", "en")
    assert hit is not None
    assert hit.text.endswith("The new factory is to employ 350 people.")
    # a stretch with words no segment holds is no hit: the memory does not guess
    assert memory.lookup(["Nowa fabryka ma zatrudnić 350 osób, a w przyszłości nawet 500."], "pl", "en") == [None]
