"""Offline gloss from the Ding dictionary, and sentence-aware chunking.

Most tests use a small dictionary in the Ding format written for the tests; the ones marked
with the real dictionary skip with a reason where Debian's trans-de-en is not installed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from provenance.config import Config
from provenance.errors import TranslatorUnavailableError, UnsupportedLanguageError
from provenance.lang import ding as ding_module
from provenance.lang.ding import build_index, load_index
from provenance.lang.resources import DEFAULT_DING
from provenance.translate.base import split_chunks
from provenance.translate.gloss import GlossTranslator
from tests.conftest import FIXTURES, RESOURCES, link_compiled

SAMPLE = FIXTURES / "translate" / "ding-sample.txt"


def sample_translator(tmp_path: Path) -> GlossTranslator:
    """The gloss over the sample dictionary, its index in a cache dir of the test's own; only the lemma tries are
    the session's (building them takes seconds)."""
    cache = tmp_path / "own-cache"
    link_compiled(cache, RESOURCES / "compiled", names=("lemma-tries",))
    return GlossTranslator(Config(cache_dir=cache, gloss_dictionary=str(SAMPLE)))


def test_index_maps_headwords_and_inflected_forms() -> None:
    exact, _lower, _heads = build_index(SAMPLE)
    assert exact["Unfall"] == "accident"
    assert exact["Unfälle"] == "accidents"  # second subentry: the plural, glossed by the parallel subentry
    assert exact["sperren"] == "close"  # "etw." and "to ... sth." removed
    assert exact["Stadt"] == "town"  # first synonym


def test_plain_senses_beat_colloquial_or_regional_ones() -> None:
    exact, _lower, _heads = build_index(SAMPLE)
    assert exact["sperrig"] == "unwieldy"  # "bulky [coll.]" is skipped for the plain synonym
    # "verletzt" is a headword of a [Br.] [coll.] entry and an inflected form of "verletzen"
    assert exact["verletzt"] == "injured"


def test_case_distinguishes_words(tmp_path: Path) -> None:
    glosser = sample_translator(tmp_path).glosser()
    assert glosser.word("Arm") == "arm" and glosser.word("arm") == "poor"


def test_compounds_split_on_the_longest_known_suffix_with_linking_elements(tmp_path: Path) -> None:
    glosser = sample_translator(tmp_path).glosser()
    assert glosser.word("Verkehrsunfall") == "traffic accident"  # Verkehr + s + Unfall
    assert glosser.word("Brückenunfall") == "bridge accident"  # Brücke + n + Unfall
    assert glosser.word("Stadtrat") == "town council"
    assert glosser.word("Xylofonunfall") is None  # unknown modifier: no half gloss
    # a noun headword beats a shorter word plus linking element: Bein|verletzung, not bei+n|verletzung
    assert glosser.word("Beinverletzung") == "leg injury"


def test_synonyms_are_split_outside_brackets_and_grammar_notes_skipped() -> None:
    exact, _lower, _heads = build_index(SAMPLE)
    assert exact["fliegen"] == "fly"  # "{flew; flown}" did not split the synonym
    assert exact["bei"] == "at"  # "when + …-ing" is a usage note, not a gloss


def test_gloss_keeps_names_numbers_and_punctuation(tmp_path: Path) -> None:
    [t] = sample_translator(tmp_path).translate(["Der Unfall in Machtolsheim: 3 Brücken gesperrt."], "de", "en")
    assert t.text == "The accident in Machtolsheim: 3 bridges closed."
    assert t.translator == "gloss:ding"


def test_languages_without_a_dictionary_are_unsupported(tmp_path: Path) -> None:
    # French, Spanish, Italian, Dutch, Polish and Portuguese have FreeDict glosses
    # (test_translate_gloss_freedict.py); Russian has none
    with pytest.raises(UnsupportedLanguageError, match="not ru -> English"):
        sample_translator(tmp_path).translate(["Добрый день"], "ru", "en")


def test_missing_dictionary_says_how_to_install_it(tmp_path: Path) -> None:
    translator = GlossTranslator(Config(cache_dir=tmp_path, gloss_dictionary=str(tmp_path / "nope")))
    assert translator.backend("de").version == "ding-missing"
    assert translator.version.startswith("ding-missing+")
    with pytest.raises(TranslatorUnavailableError, match="apt-get install trans-de-en"):
        translator.translate(["Hallo"], "de", "en")


def test_index_is_cached_on_disk_keyed_on_the_dictionary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dictionary = tmp_path / "de-en"
    dictionary.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    cache = tmp_path / "index-cache"  # its own: the shared indexes are linked into "cache"
    monkeypatch.setattr(ding_module, "_loaded", {})
    load_index(dictionary, cache)
    [cached] = list((cache / "gloss").iterdir())
    assert str(dictionary.stat().st_size) in cached.name

    def no_build(_path: Path) -> None:
        raise AssertionError("the index should have come from the cache")

    monkeypatch.setattr(ding_module, "_loaded", {})
    monkeypatch.setattr(ding_module, "build_index", no_build)
    exact, _lower, _heads = load_index(dictionary, cache)
    assert exact["Unfall"] == "accident"
    # a changed dictionary gets a new index
    with dictionary.open("a", encoding="utf-8") as fh:
        fh.write("Fluss {m} :: river\n")
    monkeypatch.setattr(ding_module, "build_index", build_index)
    monkeypatch.setattr(ding_module, "_loaded", {})
    exact, _lower, _heads = load_index(dictionary, cache)
    assert exact["Fluss"] == "river"
    assert len(list((cache / "gloss").iterdir())) == 2


def test_real_ding_dictionary_glosses_news_german(tmp_path: Path) -> None:
    if not DEFAULT_DING.exists():
        pytest.skip("Debian's trans-de-en is not installed (make system-deps installs it)")
    # the real dictionary's lines for these words (indexing all 200,000 lines takes seconds)
    wanted = ("Verkehr", "Minister", "Angebot", "Stadt", "missverstehen", "missverstanden")
    with DEFAULT_DING.open(encoding="utf-8") as fh:
        lines = [line for line in fh if any(w in line.split(" :: ")[0] for w in wanted)]
    subset = tmp_path / "de-en"
    subset.write_text("".join(lines), encoding="utf-8")
    [t] = GlossTranslator(Config(cache_dir=tmp_path), dictionary=subset).translate(
        ["Der Verkehrsminister soll die Angebote der Stadt missverstanden haben."], "de", "en"
    )
    words = t.text.lower()
    assert "minister" in words and "offers" in words and "town" in words and "misunderstood" in words


# --------------------------------------------------------------------------- chunking


def rebuild(lead: str, chunks: list[tuple[str, str]]) -> str:
    return lead + "".join(c + s for c, s in chunks)


def test_chunks_respect_the_limit_and_rebuild_the_text_exactly() -> None:
    text = "  " + " ".join(f"Dies ist Satz {i}, der etwas erzählt." for i in range(40)) + "\n"
    lead, chunks = split_chunks(text, 200)
    assert rebuild(lead, chunks) == text
    assert all(len(c) <= 200 for c, _ in chunks)
    assert all(c.endswith(".") for c, _ in chunks)


def test_chunks_never_span_a_paragraph_break() -> None:
    text = "Erster Absatz. Kurz.\n\nZweiter Absatz. Auch kurz."
    _, chunks = split_chunks(text, 1000)
    assert [c for c, _ in chunks] == ["Erster Absatz. Kurz.", "Zweiter Absatz. Auch kurz."]


def test_closing_quotes_stay_with_their_sentence() -> None:
    _, chunks = split_chunks("Er sagte: „Nein.“ Dann ging er.", 20)
    assert [c for c, _ in chunks] == ["Er sagte: „Nein.“", "Dann ging er."]


def test_an_overlong_sentence_is_cut_between_words_and_a_spaceless_run_hard() -> None:
    sentence = " ".join(["Wort"] * 30) + "."
    lead, chunks = split_chunks(sentence, 50)
    assert rebuild(lead, chunks) == sentence and all(len(c) <= 50 for c, _ in chunks)
    assert all(not c.startswith(" ") and not c.endswith(" ") for c, _ in chunks)
    run = "x" * 120
    lead, chunks = split_chunks(run, 50)
    assert [len(c) for c, _ in chunks] == [50, 50, 20] and rebuild(lead, chunks) == run
