"""The detectors' rules that live in the lexicon files are read into typed objects and checked when read."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from provenance.calendar import calendar_words, parse_calendar
from provenance.compare.hedge_rules import hedge_rules, parse_hedge_rules
from provenance.compare.lexical import parse_word_lists, word_lists
from provenance.compare.lexicon import LEXICON_DIR, read_data
from provenance.errors import LexiconError

# the language files (entities.toml, measures.toml and transliteration.toml hold every language's names, units and
# spellings)
LANGS = sorted(p.stem for p in LEXICON_DIR.glob("*.toml") if "." not in p.stem and
               p.stem not in {"entities", "measures", "transliteration"})


@pytest.mark.parametrize("lang", LANGS)
def test_every_lexicon_file_has_hedge_rules_of_the_documented_shape(lang: str) -> None:
    rules = hedge_rules(lang)
    assert rules.lang == lang
    assert all(isinstance(w, str) and w for w in rules.strong | rules.conditional | rules.modal)


def test_german_rules_tell_reported_soll_from_a_plan() -> None:
    de = hedge_rules("de")
    assert "soll" in de.soll and "soll" in de.strong
    assert de.participle is not None and de.participle.match("gesagt") and not de.participle.match("unterwegs")


def test_romance_conditionals_have_endings_and_modal_verbs() -> None:
    fr = hedge_rules("fr")
    assert "rait" in fr.conditional_endings and "pouvoir" in fr.modal_lemmas
    assert hedge_rules("pt").conditional_endings == ("ria", "riam")


def test_a_language_without_a_lexicon_has_empty_rules() -> None:
    assert hedge_rules("xx").strong == frozenset() and hedge_rules("xx").participle is None


@pytest.mark.parametrize(
    ("data", "complaint"),
    [
        ({"hedge": {"rules": {"strnog": ["soll"]}}}, "unknown key"),
        ({"hedge": {"rules": {"strong": "soll"}}}, "list of non-empty strings"),
        ({"hedge": {"rules": {"strong": ["soll", 3]}}}, "list of non-empty strings"),
        ({"hedge": {"rules": {"participle": "(unclosed"}}}, "not a regular expression"),
        ({"hedge": {"rules": {"participle": 7}}}, "must be a string"),
        ({"conditional": {"endings": ["rait", ""]}}, "list of non-empty strings"),
        ({"conditional": ["rait"]}, "must be a table"),
    ],
)
def test_malformed_rules_are_refused_when_read(data: dict, complaint: str) -> None:
    with pytest.raises(LexiconError, match=complaint):
        parse_hedge_rules("xx", data)


def test_months_and_weekdays_are_listed_once_and_read_by_name_or_abbreviation() -> None:
    en = calendar_words("en")
    assert en.months[0] == "january" and len(en.weekdays) == 7
    assert en.month("Sept.") == 9 and en.month("May") == 5 and en.month("source") is None
    assert calendar_words("de").month("märz") == 3
    assert calendar_words("xx").months == ()


def test_the_readers_of_the_calendar_see_its_words() -> None:
    """The date check, the capitalised words that are no names and the attribution finder's lists all take the
    months from data/calendar.toml (none of them lists months of its own)."""
    from provenance.attribution.lexicon import load_lexicon as attribution_lexicon
    from provenance.compare.dates import english_dates
    from provenance.compare.entity import not_names_of
    from provenance.compare.lexicon import load_lexicon

    assert english_dates("on 21 March and Sept. 3") == [(21, 3), (3, 9)]
    assert english_dates("on 21st of March and March 3rd") == [(21, 3), (3, 3)]  # the day's ordinal endings too
    assert {"march", "friday"} <= not_names_of(load_lexicon("en"))
    attribution = attribution_lexicon()
    assert {"january", "monday"} <= attribution.sentence_openers
    assert {"dezember", "sept", "source"} <= attribution.line_fillers


@pytest.mark.parametrize(
    ("data", "complaint"),
    [
        ({"en": {"months": ["january"]}}, "must list 12 names"),
        ({"en": {"weekdays": ["Monday"] * 7}}, "lowercase"),
        ({"en": {"month_abbreviations": {"jan": 13}}}, "months 1-12"),
        ({"en": {"monhts": []}}, "must be a table of"),
        ({"en": {"ordinal_suffixes": ["ST"]}}, "lowercase"),
    ],
)
def test_a_malformed_calendar_is_refused_when_read(data: dict, complaint: str) -> None:
    with pytest.raises(LexiconError, match=complaint):
        parse_calendar(data)


def test_the_word_check_reads_its_lists_from_the_data_file() -> None:
    lists = word_lists()
    assert "zurück" in lists.particles and "mit" in lists.particles  # as written: 'zurück' closes 'wies ... zurück'
    assert "haben" in lists.skip_de and "get" in lists.skip_en


@pytest.mark.parametrize(
    ("data", "complaint"),
    [
        ({"germn": {"skip": ["sein"]}}, "unknown table"),
        ({"german": {"skipp": ["sein"]}}, "[german] must be a table of"),
        ({"english": {"particles": ["up"]}}, "[english] must be a table of"),
        ({"german": {"particles": "ab an"}}, "particles must be a list of words"),
        ({"english": {"skip": ["get", 3]}}, "skip must be a list of words"),
    ],
)
def test_malformed_word_lists_are_refused_when_read(data: dict, complaint: str) -> None:
    with pytest.raises(LexiconError, match=re.escape(complaint)):
        parse_word_lists(data)


def test_a_missing_data_file_is_an_error_not_an_empty_list() -> None:
    with pytest.raises(LexiconError, match="lexicons/absent.toml"):
        read_data("absent.toml")


def test_a_misspelt_table_of_a_language_file_is_refused_when_read() -> None:
    """The detectors look tables up by name, so '[negatoin]' would be a table nobody reads."""
    from provenance.compare.lexicon import check_tables

    check_tables("xx", {"negation": {"cues": ["not"]}, "past_tense": {}})
    with pytest.raises(LexiconError, match=r"unknown table\(s\) negatoin"):
        check_tables("xx", {"negatoin": {"cues": ["not"]}})
    with pytest.raises(LexiconError, match=r"\[negation\] must be a table"):
        check_tables("xx", {"negation": ["not"]})
    with pytest.raises(LexiconError, match=r"\[negation\] has unknown key\(s\) cuse"):
        check_tables("xx", {"negation": {"cuse": ["not"]}})
    with pytest.raises(LexiconError, match=r"\[gender\] has unknown key\(s\) masculin"):
        check_tables("xx", {"gender": {"masculin": ["he"]}})


@pytest.mark.parametrize("lang", LANGS)
def test_every_lexicon_file_has_negation_rules_and_a_past_tense_of_the_documented_shape(lang: str) -> None:
    from provenance.compare.word_rules import negation_rules, past_tense

    assert negation_rules(lang).lang == lang
    past = past_tense(lang)
    assert past is None or (past.masculine and past.feminine and past.infinitive)


def test_the_negation_rules_are_read_from_the_lexicons() -> None:
    from provenance.compare.word_rules import negation_rules

    en = negation_rules("en")
    assert {"likely", "possible", "safe"} <= en.common_stems and en.word_prefixes == {"un", "non", "non-"}
    assert negation_rules("fr").beside_particles == {"sans", "non", "ni"}
    assert negation_rules("xx").common_stems == frozenset()


@pytest.mark.parametrize(
    ("data", "complaint"),
    [
        ({"negation": {"rules": {"common_stem": ["likely"]}}}, "[negation.rules] has unknown key(s) common_stem"),
        ({"negation": {"rules": {"beside_particles": "sans"}}}, "beside_particles must be a list of non-empty"),
        ({"negation": {"rules": {"word_prefixes": ["un", ""]}}}, "word_prefixes must be a list of non-empty"),
        ({"negation": {"cuse": ["not"]}}, "[negation] has unknown key(s) cuse"),
        ({"negation": {"rules": ["sans"]}}, "[negation.rules] must be a table"),
    ],
)
def test_malformed_negation_rules_are_refused_when_read(data: dict, complaint: str) -> None:
    from provenance.compare.word_rules import parse_negation_rules

    with pytest.raises(LexiconError, match=re.escape(complaint)):
        parse_negation_rules("xx", data)


def test_the_gendered_past_tense_is_read_per_language_even_without_cue_lists() -> None:
    """Polish and Ukrainian have no cue lexicon, only the past tense the gender check reads."""
    from provenance.compare.word_rules import past_tense

    ru, uk, pl = past_tense("ru"), past_tense("uk"), past_tense("pl")
    assert ru is not None and (ru.masculine, ru.feminine) == ("л", "ла") and "ть" in ru.infinitive
    assert uk is not None and (uk.masculine, uk.feminine) == ("в", "ла")
    assert pl is not None and (pl.masculine, pl.feminine, pl.infinitive) == ("ł", "ła", ("ć",))
    assert past_tense("de") is None and past_tense("xx") is None


@pytest.mark.parametrize(
    ("table", "complaint"),
    [
        ({"masculine": "л", "femnine": "ла", "infinitive": ["ть"]}, "unknown key(s) femnine"),
        ({"masculine": "л", "infinitive": ["ть"]}, "feminine must be a non-empty string"),
        ({"masculine": ["л"], "feminine": "ла", "infinitive": ["ть"]}, "masculine must be a non-empty string"),
        ({"masculine": "л", "feminine": "ла"}, "infinitive must list"),
        ({"masculine": "л", "feminine": "ла", "infinitive": "ть"}, "infinitive must be a list of non-empty"),
    ],
)
def test_a_malformed_past_tense_is_refused_when_read(table: dict, complaint: str) -> None:
    from provenance.compare.word_rules import parse_past_tense

    with pytest.raises(LexiconError, match=re.escape(complaint)):
        parse_past_tense("xx", {"past_tense": table})


def test_percent_words_and_roman_ordinal_marks_are_read_with_the_units() -> None:
    from provenance.compare.number import measures, parse_measures, roman_value

    assert {"%", "prozent", "procent", "процентов"} <= measures().percent
    assert [roman_value(w) for w in ("XIXe", "IIº", "XVème", "XIXa")] == [19, 2, 15, None]
    with pytest.raises(LexiconError, match=re.escape("roman_ordinal_marks must be a list of non-empty strings")):
        parse_measures({"percent": ["%"], "roman_ordinal_marks": ["e", ""], "length": {"metre": 1.0}})
    with pytest.raises(LexiconError, match=re.escape("percent must be a list of non-empty strings")):
        parse_measures({"percent": "%", "length": {"metre": 1.0}})
    with pytest.raises(LexiconError, match=re.escape("[percnt] must be a table of unit = size")):
        parse_measures({"percnt": ["%"], "length": {"metre": 1.0}})


def test_english_contractions_are_read_from_the_stop_table() -> None:
    """'won't' is 'will not' and 'they're' a function word: both carry no content; 'o'clock' does."""
    from provenance.compare.coverage import is_content
    from provenance.compare.lexicon import load_lexicon
    from provenance.compare.tokens import tokenize

    en = load_lexicon("en")
    assert en.table("stop.negative_contractions")["wo"] == "will" and "re" in en.entries("stop.contraction_endings")
    assert [t.text for t in tokenize("won't they're o'clock") if is_content(t, en)] == ["o'clock"]


@pytest.mark.parametrize(
    ("table", "misspelt"),
    [("stop", "contraction_ending"), ("stop", "negative_contraction"), ("names", "link"), ("declension", "endings")],
)
def test_a_misspelt_key_of_a_moved_table_is_refused_when_loaded(table: str, misspelt: str) -> None:
    from provenance.compare.lexicon import check_tables

    with pytest.raises(LexiconError, match=re.escape(f"[{table}] has unknown key(s) {misspelt}")):
        check_tables("xx", {table: {misspelt: ["x"]}})


def test_borrowed_names_decline_by_the_russian_table() -> None:
    from provenance.compare.word_rules import declension

    ru = declension("ru")
    assert ru is not None and "ому" in ru.case_endings and ru.place_adjective is not None
    assert ru.place_adjective.sub("", "тартуский") == "тарту" and ru.place_adjective.sub("", "тарту") == "тарту"
    assert declension("en") is None


@pytest.mark.parametrize(
    ("table", "complaint"),
    [
        ({"case_ending": ["а"]}, "unknown key(s) case_ending"),
        ({"case_endings": "ами"}, "case_endings must be a list of non-empty strings"),
        ({"adjective_suffixes": ["ск"]}, "needs both adjective_suffixes and adjective_endings"),
    ],
)
def test_a_malformed_declension_is_refused_when_read(table: dict, complaint: str) -> None:
    from provenance.compare.word_rules import parse_declension

    with pytest.raises(LexiconError, match=re.escape(complaint)):
        parse_declension("xx", {"declension": table})


def test_institution_names_are_joined_by_the_listed_small_words() -> None:
    from provenance.compare.lexicon import load_lexicon

    assert load_lexicon("en").entries("names.links") == ("of", "for", "and", "the")


def test_the_word_check_reads_the_words_of_an_age_from_its_lists() -> None:
    assert word_lists().age == {"old", "year-old", "years-old"}
    with pytest.raises(LexiconError, match=re.escape("[english] age must be a list of words")):
        parse_word_lists({"english": {"age": "old"}})
    with pytest.raises(LexiconError, match=re.escape("[english] must be a table of age, skip")):
        parse_word_lists({"english": {"ages": ["old"]}})


def test_compare_code_holds_no_alternation_of_words_but_two_spelling_rules() -> None:
    """compare's words are in its data files; what its code still alternates is spelling: English inflections
    stripped before a lookup (negation) and the French and Italian elisions the tokenizer splits off before any
    lexicon is read. (Upper-case alternations are Roman numerals' letters.)"""
    import ast

    word = r"[^\W\d_]+\??(?:\\s[+*])?"
    package = Path(__file__).resolve().parent.parent / "provenance" / "compare"
    left = {}
    for path in sorted(package.rglob("*.py")):
        found = [
            m.group(0)
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            for m in re.finditer(rf"(?<![\\\w]){word}(?:\|{word})+(?![\w])", node.value)
            if m.group(0).islower()
        ]
        if found:
            left[path.name] = found
    elisions = "qu|lorsqu|puisqu|jusqu|quoiqu|dell|dall|nell|sull|all|un"
    assert left == {"negation.py": ["ing|ed|es|s"], "tokens.py": [elisions]}
