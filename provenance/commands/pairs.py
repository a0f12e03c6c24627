"""``provenance align`` and ``compare``: one original and one rendering, read from files, languages settled."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from provenance.align import align, version_tag
from provenance.config import Config
from provenance.documents import read_sentences
from provenance.embed import get_embedder
from provenance.errors import UsageError
from provenance.model import Bead, Finding, Sentence
from provenance.pairs import compare_texts
from provenance.segment import detect_language


@dataclass(frozen=True)
class Alignment:
    source: list[Sentence]
    target: list[Sentence]
    beads: list[Bead]
    version: str  # the aligner's version tag for this language pair
    embedder: str


def align_files(
    config: Config, src: Path, tgt: Path, *, src_lang: str | None, tgt_lang: str | None, presegmented: bool,
    mode: str, reorder: bool, threads: int | None,
) -> Alignment:
    """Align the sentences of SRC (original) and TGT (translation); languages default to detected ones."""
    source = read_sentences(src, src_lang, presegmented=presegmented)
    target = read_sentences(tgt, tgt_lang, presegmented=presegmented)
    embedder = get_embedder(config, threads=threads)
    # the languages switch on the aligner's dictionary term (when a dictionary for the pair is installed)
    src_lang = src_lang or detect_language(" ".join(s.text for s in source[:50]))
    tgt_lang = tgt_lang or detect_language(" ".join(s.text for s in target[:50]))
    beads = align(
        [s.text for s in target],
        [s.text for s in source],
        embedder=embedder,
        allow_reorder=reorder,
        derivative_paragraphs=[s.paragraph for s in target],
        original_paragraphs=[s.paragraph for s in source],
        mode=mode,
        derivative_lang=tgt_lang,
        original_lang=src_lang,
    )
    return Alignment(source, target, list(beads), version_tag(tgt_lang, src_lang), embedder.name)


@dataclass(frozen=True)
class Comparison:
    findings: list[Finding]
    source_lang: str
    derivative_lang: str


def compare_pair(
    config: Config, source: str, derivative: str, translation: str | None, *, source_lang: str | None,
    derivative_lang: str | None, source_name: object,
) -> Comparison:
    """Compare two texts; the source's language must be given or detectable, the derivative's defaults to en."""
    src_lang = source_lang or detect_language(source)
    if not src_lang:
        raise UsageError(f"cannot tell the language of {source_name}", hint="give --source-lang")
    der_lang = derivative_lang or detect_language(derivative) or "en"
    findings = compare_texts(source, derivative, source_lang=src_lang, derivative_lang=der_lang,
                             translation=translation, config=config)
    return Comparison(list(findings), src_lang, der_lang)
