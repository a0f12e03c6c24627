"""The offline gloss beyond German: French, Spanish, Italian, Dutch, Polish and Portuguese from FreeDict dictionaries
(translate/gloss.py, translate/freedict_gloss.py, lang/freedict.gloss_table).

Each test writes a tiny dictionary in dictd's format (an index of base64 offsets into an uncompressed data file)
into its own folder; the closed-class words come from the tool's own data/function_words.XX-en.toml.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from provenance.config import Config
from provenance.errors import ConfigError, LexiconError, TranslatorUnavailableError, UnsupportedLanguageError
from provenance.lang import freedict
from provenance.lang import function_words as function_words_module
from provenance.lang.function_words import function_words
from provenance.translate.gloss import GlossTranslator
from tests.conftest import RESOURCES, link_compiled

_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

FRA_ENG = [
    "maire /mɛʀ/ <n, masc>\nmayor\n",
    "augmenter /ɔɡmɑ̃te/ <v>\nincrease, raise\n",
    "pont /pɔ̃/ <n, masc>\nbridge\n",
    # the first sense is the rare one; the reverse dictionary says which English word means "prix"
    "prix /pʀi/ <n, masc>\n1. premium, prize\n2. price\n",
    "pomme de terre /pɔmdətɛʀ/ <n, fem>\npotato\n",
    "pomme /pɔm/ <n, fem>\napple\n",
    "Espagne /ɛspaɲ/ <n, fem>\nSpain\n",
    "lyonnais /ljɔnɛ/ <adj>\nLyonese\n",
]
ENG_FRA = [
    "premium /priːmiəm/\nprix, récompense\n",
    "price /prais/\nprix\n",
    "flood /flʌd/\ninondation, crue\n",  # "inondation" is not in fra-eng: the reverse entry glosses it
]
SPA_ENG = [
    "alcalde /alkˈalde/\nmayor\n",
    "cerrar /θeraɾ/\nclose, shut\n",
    "puente /pwˈente/\nbridge\n",
]


def _number(value: int) -> str:
    digits = ""
    while True:
        digits = _DIGITS[value % 64] + digits
        value //= 64
        if not value:
            return digits


def write_dictionary(folder: Path, name: str, entries: list[str], edition: str = "0.9") -> None:
    """A dictd dictionary as FreeDict ships it: a header entry stating the edition, then the entries."""
    info = f"00-database-info\nA dictionary written for the tests.\n\nEdition: {edition}\n"
    data = b""
    index = []
    for head, text in [("00databaseinfo", info), *((e.split(" /")[0], e) for e in entries)]:
        raw = text.encode("utf-8")
        index.append(f"{head}\t{_number(len(data))}\t{_number(len(raw))}\n")
        data += raw
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.dict").write_bytes(data)
    (folder / f"{name}.index").write_text("".join(sorted(index)), encoding="utf-8")


@pytest.fixture(autouse=True)
def _fresh_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test compiles its own dictionaries, not ones loaded earlier in the process."""
    monkeypatch.setattr(freedict, "_loaded", {})


@pytest.fixture
def dictionaries(tmp_path: Path) -> Path:
    folder = tmp_path / "dictd"
    write_dictionary(folder, "freedict-fra-eng", FRA_ENG)
    write_dictionary(folder, "freedict-eng-fra", ENG_FRA)
    write_dictionary(folder, "freedict-spa-eng", SPA_ENG, edition="0.3.1")
    return folder


def translator(tmp_path: Path, folder: Path, languages: str | None = "de,fr,es,it") -> GlossTranslator:
    cache = tmp_path / "cache"
    link_compiled(cache, RESOURCES / "compiled", names=("lemma-tries",))  # building the tries takes seconds
    return GlossTranslator(Config(cache_dir=cache, freedict_dir=folder, gloss_languages=languages))


def test_a_french_sentence_is_glossed_word_by_word_keeping_names_and_numbers(
    tmp_path: Path, dictionaries: Path
) -> None:
    [t] = translator(tmp_path, dictionaries).translate(["Le maire de Lyon a augmenté 3 prix."], "fr", "en")
    # closed-class words from the table, content words by their lemma ("augmenté" -> augmenter)
    assert t.text == "The mayor of Lyon has increase 3 price."
    assert t.translator == "gloss:freedict-fra-eng-0.9"


def test_unknown_words_and_capitalised_names_stay_as_written(tmp_path: Path, dictionaries: Path) -> None:
    [t] = translator(tmp_path, dictionaries).translate(
        ["Selon Le Monde, la SNCF veut un pont xylophage en Espagne."], "fr", "en"
    )
    # "Le Monde" is a name although "le" is an article; "SNCF" an acronym; "veut" (vouloir) and "xylophage" are not
    # in this dictionary; a country the dictionary writes capitalised is glossed
    assert t.text == "According to Le Monde, the SNCF veut a bridge xylophage in Spain."


def test_a_sentence_that_opens_on_a_name_or_an_ordinal_keeps_them(tmp_path: Path, dictionaries: Path) -> None:
    [t] = translator(tmp_path, dictionaries).translate(["Pont-Aven a un maire depuis le 1er mai."], "fr", "en")
    # "Pont" opens a sentence but is part of a name; "er" of "1er" is not a word
    assert t.text.startswith("Pont-Aven has a mayor since the 1er ")


def test_the_reverse_dictionary_picks_the_usual_sense_and_fills_gaps(tmp_path: Path, dictionaries: Path) -> None:
    [t] = translator(tmp_path, dictionaries).translate(["Le prix de l'inondation."], "fr", "en")
    # "price" (eng-fra lists "prix" alone under it) over the first sense "premium"; "inondation" only in eng-fra;
    # the elided article is a word of its own
    assert t.text == "The price of the flood."


def test_a_form_the_dictionary_lists_is_read_as_listed_before_its_lemma(tmp_path: Path, dictionaries: Path) -> None:
    write_dictionary(
        dictionaries, "freedict-ita-eng", ["porto /ˈpɔrto/\nport, harbour\n", "portare /porˈtare/\nbring, carry\n"]
    )
    gloss = translator(tmp_path, dictionaries)
    # "porto" is also a form of "portare" ("I bring"); "portano" is only that
    assert gloss.translate(["Il porto."], "it", "en")[0].text == "The port."
    assert gloss.translate(["Portano."], "it", "en")[0].text == "Bring."


def test_multi_word_headwords_win_over_their_words(tmp_path: Path, dictionaries: Path) -> None:
    [t] = translator(tmp_path, dictionaries).translate(["Une pomme de terre et une pomme."], "fr", "en")
    assert t.text == "A potato and a apple."


def test_a_spanish_sentence_names_its_own_dictionary(tmp_path: Path, dictionaries: Path) -> None:
    [t] = translator(tmp_path, dictionaries).translate(["El alcalde de Sevilla cerró 2 puentes."], "es", "en")
    assert t.text == "The mayor of Sevilla close 2 bridge."
    assert t.translator == "gloss:freedict-spa-eng-0.3.1"


def test_the_translator_version_names_every_dictionary_and_its_edition(tmp_path: Path, dictionaries: Path) -> None:
    version = translator(tmp_path, dictionaries).version
    assert "freedict-fra-eng-0.9" in version and "freedict-spa-eng-0.3.1" in version
    assert "freedict-ita-eng-unknown" in version  # not installed here
    assert version.startswith("ding-")


def test_italian_is_glossed_only_when_the_setting_asks_for_it(tmp_path: Path, dictionaries: Path) -> None:
    write_dictionary(dictionaries, "freedict-ita-eng", ["porto /ˈpɔrto/\nport, harbour\n"])
    default = translator(tmp_path, dictionaries, languages=None)
    assert "freedict-ita-eng" not in default.version
    with pytest.raises(UnsupportedLanguageError, match="not it -> English"):
        default.translate(["Il porto."], "it", "en")
    assert default.translate(["Le pont."], "fr", "en")[0].text == "The bridge."
    with pytest.raises(ConfigError, match="gloss_languages"):
        translator(tmp_path, dictionaries, languages="fr,ru")


def test_a_missing_dictionary_says_which_package_to_install(tmp_path: Path, dictionaries: Path) -> None:
    with pytest.raises(TranslatorUnavailableError, match="apt-get install dict-freedict-ita-eng"):
        translator(tmp_path, dictionaries).translate(["Il sindaco"], "it", "en")


def test_a_language_without_a_dictionary_is_unsupported(tmp_path: Path, dictionaries: Path) -> None:
    with pytest.raises(UnsupportedLanguageError, match="not ru -> English"):
        translator(tmp_path, dictionaries, languages=None).translate(["Мэр"], "ru", "en")
    with pytest.raises(UnsupportedLanguageError, match="only translates into English"):
        translator(tmp_path, dictionaries).translate(["Le maire"], "fr", "de")


def test_the_gloss_index_is_cached_and_rebuilt_when_the_dictionary_changes(
    tmp_path: Path, dictionaries: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "index-cache"
    words, _phrases, _capitalised = freedict.gloss_table("fr", "en", folder=dictionaries, cache_dir=cache)
    assert words["pont"] == "bridge"
    [cached] = list((cache / "freedict").glob("gloss-fr-en-*.marshal"))

    def no_build(*_args: object) -> None:
        raise AssertionError("the index should have come from the cache")

    monkeypatch.setattr(freedict, "_loaded", {})
    monkeypatch.setattr(freedict, "_compile_gloss", no_build)
    assert freedict.gloss_table("fr", "en", folder=dictionaries, cache_dir=cache)[0]["pont"] == "bridge"
    monkeypatch.undo()
    write_dictionary(dictionaries, "freedict-fra-eng", [*FRA_ENG, "fleuve /flœv/ <n, masc>\nriver\n"])
    monkeypatch.setattr(freedict, "_loaded", {})
    assert freedict.gloss_table("fr", "en", folder=dictionaries, cache_dir=cache)[0]["fleuve"] == "river"
    assert len(list((cache / "freedict").glob("gloss-fr-en-*.marshal"))) == 2
    assert cached.exists()


def test_a_malformed_function_word_table_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "function_words.xx-en.toml").write_text('[words]\nle = 3\n', encoding="utf-8")
    monkeypatch.setattr(function_words_module, "DATA", tmp_path)
    function_words.cache_clear()
    with pytest.raises(LexiconError, match="function_words.xx-en.toml"):
        function_words("xx")
    function_words.cache_clear()


def test_the_shipped_function_word_tables_load() -> None:
    assert function_words("de")["nicht"] == "not"
    for lang, negation in (("fr", "ne"), ("es", "no"), ("it", "non"), ("nl", "niet"), ("pl", "nie"), ("pt", "não")):
        assert function_words(lang)[negation] == "not"


def test_dutch_polish_and_portuguese_are_glossed_by_default_with_their_closed_class_words(
    tmp_path: Path, dictionaries: Path
) -> None:
    """Their hearsay words, modal verbs and negations come from the tool's tables, content words from FreeDict."""
    write_dictionary(dictionaries, "freedict-nld-eng", ["brug /brʏx/\nbridge\n", "sluiten /ˈslœytə/\nclose, shut\n"])
    write_dictionary(dictionaries, "freedict-pol-eng", ["most /mɔst/\nbridge\n", "burmistrz /ˈburmʲiʂtʂ/\nmayor\n"])
    write_dictionary(dictionaries, "freedict-por-eng", [
        "ponte /ˈpõtɨ/\nbridge\n", "presidente /pɾeziˈdẽtʃi/\npresident\n"
    ])
    gloss = translator(tmp_path, dictionaries, languages=None)
    assert all(f"freedict-{code}-eng" in gloss.version for code in ("nld", "pol", "por"))
    assert gloss.translate(["De brug zou niet sluiten."], "nl", "en")[0].text == "The bridge would not close."
    assert gloss.translate(["Burmistrz podobno nie zamknie mostu."], "pl", "en")[0].text.startswith(
        "Mayor reportedly not ")
    assert gloss.translate(["O presidente não fechou a ponte."], "pt", "en")[0].text.startswith(
        "The president not ")
