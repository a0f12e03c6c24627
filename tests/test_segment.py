"""Sentence splitting and language identification (provenance.segment)."""

from __future__ import annotations

from pathlib import Path

import pytest

from provenance.model import Span
from provenance.segment import SUPPORTED_LANGUAGES, detect_language, split_sentences


def texts(text: str, lang: str | None) -> list[str]:
    return [s.text for s in split_sentences(text, lang)]


def test_spans_point_into_the_text_shifted_by_offset() -> None:
    text = "  Erster Satz. Zweiter Satz!\n\nDritter Satz?"
    sentences = split_sentences(text, "de", offset=50)
    assert [s.text for s in sentences] == ["Erster Satz.", "Zweiter Satz!", "Dritter Satz?"]
    for s in sentences:
        assert text[s.span.start - 50 : s.span.end - 50] == s.text
    assert [s.index for s in sentences] == [0, 1, 2]


def test_blank_lines_separate_paragraphs_and_always_end_a_sentence() -> None:
    text = "Überschrift ohne Punkt\n\nEin Satz. Noch einer.\n \nLetzter Absatz\nmit Zeilenumbruch."
    sentences = split_sentences(text, "de")
    assert [(s.text, s.paragraph) for s in sentences] == [
        ("Überschrift ohne Punkt", 0),
        ("Ein Satz.", 1),
        ("Noch einer.", 1),
        ("Letzter Absatz\nmit Zeilenumbruch.", 2),
    ]


def test_german_abbreviations_do_not_end_sentences() -> None:
    text = (
        "Er traf z. B. Dr. Müller u. a. in Berlin. "
        "Das kostete ca. 3,5 Mio. Euro bzw. mehr, vgl. Nr. 5 usw. Dann endet es."
    )
    assert texts(text, "de") == [
        "Er traf z. B. Dr. Müller u. a. in Berlin.",
        "Das kostete ca. 3,5 Mio. Euro bzw. mehr, vgl. Nr. 5 usw.",
        "Dann endet es.",
    ]


def test_german_ordinals_and_dates_are_not_boundaries() -> None:
    text = (
        "Am 15. August spielte der 1. FC Köln. Im 3. Quartal stieg der Umsatz zum 2. Mal. "
        "Er wurde 1990 geboren. Danach zog er um."
    )
    assert texts(text, "de") == [
        "Am 15. August spielte der 1. FC Köln.",
        "Im 3. Quartal stieg der Umsatz zum 2. Mal.",
        "Er wurde 1990 geboren.",
        "Danach zog er um.",
    ]


def test_german_terminal_abbreviation_before_a_noun_is_not_a_boundary() -> None:
    assert texts("Er traf u. a. Merkel und Scholz. Die beiden schwiegen.", "de") == [
        "Er traf u. a. Merkel und Scholz.",
        "Die beiden schwiegen.",
    ]


def test_closing_quotes_belong_to_the_sentence_and_quotes_may_span_sentences() -> None:
    text = "Er sagte: „Wir kommen. Wir bleiben.“ Dann ging er. „Hilfe!“, rief sie. „Wohin?“ fragte er."
    assert texts(text, "de") == [
        "Er sagte: „Wir kommen.",
        "Wir bleiben.“",
        "Dann ging er.",
        "„Hilfe!“, rief sie.",
        "„Wohin?“ fragte er.",
    ]


def test_french_guillemets_with_spaces() -> None:
    text = "« Nous ne partirons pas. » M. Macron l'a répété. Pourquoi ? Personne ne sait."
    assert texts(text, "fr") == [
        "« Nous ne partirons pas. »",
        "M. Macron l'a répété.",
        "Pourquoi ?",
        "Personne ne sait.",
    ]


def test_english_titles_initials_decimals_ellipses_and_colons() -> None:
    text = (
        'Mr. Smith went to the U.S. in 2020. He said: "Hello." J. R. Tolkien rose 3.5 percent... '
        "It was over... and then not. The vote was no. Then No. 5 came."
    )
    assert texts(text, "en") == [
        "Mr. Smith went to the U.S. in 2020.",
        'He said: "Hello."',
        "J. R. Tolkien rose 3.5 percent...",
        "It was over... and then not.",
        "The vote was no.",
        "Then No. 5 came.",
    ]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "es",
            "El Sr. García llegó. ¿Vino la Sra. López? No.",
            ["El Sr. García llegó.", "¿Vino la Sra. López?", "No."],
        ),
        (
            "it",
            "Il sig. Rossi, ecc. Poi il dott. Bianchi parlò.",
            ["Il sig. Rossi, ecc.", "Poi il dott. Bianchi parlò."],
        ),
        ("pt", "O Sr. Silva chegou. A Dra. Costa saiu.", ["O Sr. Silva chegou.", "A Dra. Costa saiu."]),
        (
            "nl",
            "Dhr. Jansen kwam o.a. met bijv. fietsen. Daarna ging hij.",
            ["Dhr. Jansen kwam o.a. met bijv. fietsen.", "Daarna ging hij."],
        ),
        ("ru", "Ген. Иванов молчал, т. е. не ответил. Он ушёл.", ["Ген. Иванов молчал, т. е. не ответил.", "Он ушёл."]),
        (
            "uk",
            "Вул. Шевченка закрита, т. зв. ремонт. Він пішов.",
            ["Вул. Шевченка закрита, т. зв. ремонт.", "Він пішов."],
        ),
        (
            "pl",
            "Dnia 15. stycznia m.in. prof. Nowak zajął 3. miejsce. To było np. dobre.",
            ["Dnia 15. stycznia m.in. prof. Nowak zajął 3. miejsce.", "To było np. dobre."],
        ),
    ],
)
def test_other_languages(lang: str, text: str, expected: list[str]) -> None:
    assert texts(text, lang) == expected


def test_german_ordinals_in_brackets_and_regnal_numbers() -> None:
    text = (
        "United ging durch einen Elfmeter (71. Minute) in Führung. Der Palast von Carl XVI. Gustaf ist zu. "
        "Tempo 30. Die Stadt reagiert."
    )
    assert texts(text, "de") == [
        "United ging durch einen Elfmeter (71. Minute) in Führung.",
        "Der Palast von Carl XVI. Gustaf ist zu.",
        "Tempo 30.",
        "Die Stadt reagiert.",
    ]


def test_a_closing_mark_followed_by_a_comma_continues_the_sentence() -> None:
    text = "Je demande : « Qu’y a-t-il de mal à cela ? », et l’on rit. Puis rien."
    assert texts(text, "fr") == ["Je demande : « Qu’y a-t-il de mal à cela ? », et l’on rit.", "Puis rien."]


def test_pieces_without_letters_join_the_previous_sentence() -> None:
    text = 'Dann ging er. [...] Später sagte er: "Wir bleiben hier. "'
    assert texts(text, "de") == ["Dann ging er. [...]", 'Später sagte er: "Wir bleiben hier. "']


def test_russian_year_abbreviation_ends_a_sentence_but_city_abbreviation_does_not() -> None:
    text = "Это случилось в 2020 г. Потом всё изменилось. Пишите по адресу: 350000, г. Краснодар, улица Красная."
    assert texts(text, "ru") == [
        "Это случилось в 2020 г.",
        "Потом всё изменилось.",
        "Пишите по адресу: 350000, г. Краснодар, улица Красная.",
    ]


def test_empty_and_whitespace_text_has_no_sentences() -> None:
    assert split_sentences("", "en") == []
    assert split_sentences(" \n\n ", "en") == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Der Präsident sagte am Montag, dass die Gespräche fortgesetzt werden.", "de"),
        ("The president said on Monday that the talks would continue.", "en"),
        ("Le président a déclaré lundi que les discussions se poursuivraient.", "fr"),
        ("El presidente dijo el lunes que las conversaciones continuarían.", "es"),
        ("Президент заявил в понедельник, что переговоры продолжатся.", "ru"),
        ("Президент заявив у понеділок, що переговори триватимуть.", "uk"),
        ("Prezydent powiedział w poniedziałek, że rozmowy będą kontynuowane.", "pl"),
    ],
)
def test_detect_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_detect_language_is_none_for_short_text_and_only_answers_supported_languages() -> None:
    assert detect_language("Hallo") is None
    assert detect_language("1234 5678 !!!") is None
    assert detect_language("Dette er en dansk sætning om vejret i København i dag.") in (*SUPPORTED_LANGUAGES, None)


def test_read_sentences_one_per_line_keeps_line_numbers_and_offsets(tmp_path: Path) -> None:
    from provenance.documents import read_sentences

    path = tmp_path / "x.txt"
    path.write_text("Erster Satz. Noch im ersten.\n\nDritte Zeile.\n", encoding="utf-8")
    lines = read_sentences(path, presegmented=True)
    assert [s.text for s in lines] == ["Erster Satz. Noch im ersten.", "", "Dritte Zeile."]
    text = path.read_text(encoding="utf-8")
    assert all(s.span.slice(text) == s.text for s in lines)
    assert [s.text for s in read_sentences(path, "de")] == ["Erster Satz.", "Noch im ersten.", "Dritte Zeile."]


def test_read_sentences_rejects_non_utf8_and_missing_files(tmp_path: Path) -> None:
    from provenance.documents import read_sentences
    from provenance.errors import InputError

    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Größe".encode("latin-1"))
    with pytest.raises(InputError, match="not UTF-8"):
        read_sentences(bad)
    with pytest.raises(InputError, match="no such file"):
        read_sentences(tmp_path / "missing.txt")


def test_a_polish_amount_ends_its_sentence_before_a_capital() -> None:
    text = "Przychody wyniosły 640 mln zł. Nowa fabryka ma zatrudnić 350 osób. Hala ma 40 tys. m kw. powierzchni."
    assert [s.text for s in split_sentences(text, "pl")] == [
        "Przychody wyniosły 640 mln zł.",
        "Nowa fabryka ma zatrudnić 350 osób.",
        "Hala ma 40 tys. m kw. powierzchni.",
    ]


def test_article_sentences_within_a_span_are_the_span_split_alone() -> None:
    from provenance.documents import parse_document
    from provenance.segment import ArticleSentences

    doc = parse_document(
        "The mayor spoke on Monday. According to Le Monde, the bridge will close in May. It reopens in 2027.\n\n"
        "Work starts at 6 a.m. every day. Residents were not asked.\n\nThe author thinks this is a mistake.",
        format="text",
    )
    article = ArticleSentences.split(doc.text, doc.paragraphs, "en")
    assert [len(s) for s in article.sentences] == [3, 2, 1]
    starts = (0, doc.text.index("According"), doc.text.index("the bridge"), doc.text.index("Residents"))
    ends = (doc.text.index(" It reopens"), doc.text.index("\n\nWork"), doc.text.index(" every day"), len(doc.text))
    for start in starts:
        for end in (e for e in ends if e > start):
            alone = split_sentences(doc.text[start:end], "en", offset=start)
            assert article.within(Span(start, end)) == alone, (start, end)
    # a span over two paragraphs numbers them from 0, as the span's own text would
    assert [s.paragraph for s in article.within(Span(starts[1], ends[-1]))] == [0, 0, 1, 1, 2]


def test_the_uncompressed_language_model_scores_exactly_as_the_shipped_one(tmp_path: Path) -> None:
    from provenance import segment

    shipped = segment._shipped()
    segment.keep_language_model(tmp_path)
    (path,) = (tmp_path / "langid").glob("model-*.npz")
    stored = segment._read_model(path)
    for text in ("Der Bundestag hat am Donnerstag das Gesetz beschlossen.", "The minister said on Monday.",
                 "Президент заявив у понеділок.", "ok", "1234 5678", "Ceci n'est pas une pipe, dit-il."):
        assert stored._decide(text).tobytes() == shipped._decide(text).tobytes()
    mtime = path.stat().st_mtime_ns
    segment.keep_language_model(tmp_path)  # there already: not written again
    assert path.stat().st_mtime_ns == mtime


def test_a_run_reads_the_language_model_from_its_cache_dir_and_rewrites_a_damaged_copy(tmp_path: Path) -> None:
    from provenance import segment

    text = "Die Regierung will die Steuern im nächsten Jahr senken, sagte der Minister."
    with segment.language_model_in(tmp_path):
        segment._identifier.cache_clear()
        try:
            assert detect_language(text) == "de"  # first use: written to the cache dir
            (path,) = (tmp_path / "langid").glob("model-*.npz")
            path.write_bytes(b"not a model")
            segment._identifier.cache_clear()
            assert detect_language(text) == "de"
            assert path.stat().st_size > 1_000_000
        finally:
            segment._identifier.cache_clear()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A resident told E1.RU. The district opened a warming centre.",
         ["A resident told E1.RU.", "The district opened a warming centre."]),
        ("The story ran on NV.ua. Kyiv did not comment.", ["The story ran on NV.ua.", "Kyiv did not comment."]),
        ("Butter now costs €1.59. According to the weekly, it fell again.",
         ["Butter now costs €1.59.", "According to the weekly, it fell again."]),
        ("He played for the F.C. Porto youth team.", ["He played for the F.C. Porto youth team."]),
    ],
)
def test_a_domain_name_or_a_price_ends_a_sentence_a_dotted_abbreviation_does_not(
    text: str, expected: list[str]
) -> None:
    assert texts(text, "en") == expected
