"""``compare_texts``: one original text and one rendering of it, segmented, aligned and compared.

The pair path of ``provenance compare`` (one pair, or ``--jsonl`` batches) and of the benchmarks that score
sentence pairs. It sits in the pipeline layer beside the ``Checker`` because it runs three stages (segment,
align, compare) and ``compare`` must not import ``align``. The Checker's path for an article does more between
the same stages (the article's credit blanked, splits and merges regrouped, an open end trimmed, excerpt gaps
dropped), which a bare pair of texts does not have.
"""

from __future__ import annotations

import hashlib
from typing import Any

from provenance.align import align
from provenance.compare import compare_aligned
from provenance.config import Config
from provenance.errors import InputError
from provenance.lang.resources import Resources, current, using
from provenance.model import Bead, Finding, Sentence, Span, Translation
from provenance.segment import split_sentences

__all__ = ["compare_texts"]


def compare_texts(
    source: str,
    derivative: str,
    *,
    source_lang: str,
    derivative_lang: str = "en",
    translation: str | None = None,
    translator: str = "given",
    config: Config | None = None,
    embedder: Any = None,
    min_confidence: float | None = None,
    resources: Resources | None = None,
) -> list[Finding]:
    """Compare one original text with one derivative text (segment, align, compare).

    One sentence on each side is paired directly (no embeddings needed); longer texts are
    aligned with ``provenance.align`` using ``embedder`` (created from ``config`` if None).
    An empty (or blank) original or derivative raises InputError. ``resources``: the language resources to use
    (default: built from ``config``, else the current ones); a batch passes one for all its pairs, so their word
    vectors are kept in memory from pair to pair.
    """
    if resources is None:
        resources = Resources.from_config(config) if config is not None else current()
    with using(resources):
        # nothing to compare is not a faithful rendering: refuse instead of returning no findings
        for name, text in (("original", source), ("derivative", derivative)):
            if not text.strip():
                raise InputError(f"the {name} text is empty: there is nothing to compare")
        if translation is not None and not translation.strip():
            translation = None  # an empty translation is no translation: compare across languages instead
        src_sents = split_sentences(source, source_lang) or _whole(source)
        der_sents = split_sentences(derivative, derivative_lang) or _whole(derivative)
        trans_sents: list[str] | None = None
        if translation is not None:
            trans_sents = [s.text for s in split_sentences(translation, derivative_lang)] or [translation]
        if len(src_sents) == 1 and len(der_sents) == 1:
            beads = [Bead((0,), (0,), 1.0)]
        elif trans_sents is not None and len(trans_sents) != len(src_sents) and len(src_sents) > 1:
            # translation segmented differently from the original: compare the texts as one block
            src_sents, der_sents = _whole(source), _whole(derivative)
            trans_sents = [translation or ""]
            beads = [Bead((0,), (0,), 1.0)]
        else:
            if embedder is None and trans_sents is None:
                from provenance.embed import get_embedder

                embedder = get_embedder(config)
            beads = align(
                [s.text for s in der_sents], [s.text for s in src_sents], embedder=embedder,
                translations=trans_sents if trans_sents and len(trans_sents) == len(src_sents) else None,
                resources=resources,
            )
        translations: list[Translation | None] | None = None
        if trans_sents is not None:
            translations = [
                Translation(source=s.text, text=t, source_lang=source_lang, target_lang=derivative_lang,
                            translator=translator)
                for s, t in zip(src_sents, trans_sents, strict=False)
            ]
        findings = compare_aligned(
            der_sents, src_sents, beads, translations=translations, derivative_lang=derivative_lang,
            original_lang=source_lang, config=config, min_confidence=min_confidence, embedder=embedder,
            resources=resources,
        )
        # Same ids as `check` would give, keyed by the pair, so batch results can be tracked and waived.
        key = hashlib.sha256(f"{source}\x1f{derivative}".encode()).hexdigest()[:16]
        for finding in findings:
            finding.id = finding.id or finding.stable_id(key)
        return findings


def _whole(text: str) -> list[Sentence]:
    stripped = text.strip()
    start = text.find(stripped) if stripped else 0
    return [Sentence(0, stripped, Span(start, start + len(stripped)))] if stripped else []
