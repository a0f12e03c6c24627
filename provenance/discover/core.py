"""``discover_original``: from a passage credited to an outlet to the outlet's page it most likely comes from."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import httpx

from provenance.config import Config
from provenance.embed import Embedder, get_embedder
from provenance.errors import ProvenanceError, UsageError
from provenance.lang.resources import Resources, using
from provenance.model import Outlet, Passage
from provenance.retrieve import Endpoints
from provenance.retrieve.guard import Resolver
from provenance.segment import split_sentences
from provenance.sources import Registry
from provenance.translate.base import Lookup

from . import listings, rank
from .bridge import default_bridge
from .fetcher import PoliteFetcher
from .keywords import WordBridge, passage_keywords
from .model import Candidate, Discovery, DiscoverySettings
from .pages import PageReader
from .search import SearchProvider

MAX_PASSAGE_SENTENCES = 12


def _outlet(passage: Passage, registry: Registry) -> Outlet:
    if passage.outlet is not None:
        return passage.outlet
    found = registry.find(passage.outlet_name) if passage.outlet_name else None
    if found is None:
        raise UsageError(
            f"cannot look for the original of passage {passage.id}: its outlet {passage.outlet_name!r} is not known",
            hint="add the outlet to the registry (sources/) or give --outlet",
        )
    return found


def date_window(day: date | None, settings: DiscoverySettings) -> tuple[date, date] | None:
    if day is None:
        return None
    span = timedelta(days=settings.window_days)
    return day - span, day + span


def discover_original(
    passage: Passage,
    registry: Registry,
    config: Config,
    *,
    settings: DiscoverySettings | None = None,
    day: date | None = None,
    embedder: Embedder | None = None,
    bridge: WordBridge | None = None,
    memory: Lookup | None = None,
    search: SearchProvider | None = None,
    endpoints: Endpoints | None = None,
    transport: httpx.BaseTransport | None = None,
    resolver: Resolver | None = None,
    fetcher: PoliteFetcher | None = None,
) -> Discovery:
    """The outlet's page the passage most likely translates, with a confidence and its runner-ups.

    ``day``: the article's (or failing that the passage's) publication date; without it no date
    window applies. ``bridge``/``memory`` carry content words into the outlet's language (keywords.py;
    without ``bridge``, the installed dictionaries: bridge.default_bridge).
    ``search``: an optional search provider (search.py). Every request goes through the SSRF guard,
    the size limits and deadlines of ``config``, honours robots.txt for the outlet's pages and is
    spaced per host (fetcher.py). Below ``settings.threshold`` the answer is "not found", with the
    candidates looked at still listed.
    """
    with using(Resources.from_config(config)):
        settings = settings or DiscoverySettings()
        outlet = _outlet(passage, registry)
        if not outlet.domains:
            raise UsageError(f"cannot look for originals on {outlet.name}: the registry names no domain for it")
        window = date_window(day, settings)
        endpoints = endpoints or Endpoints(min_interval=settings.min_interval)
        own_fetcher = fetcher is None
        fetcher = fetcher or PoliteFetcher(config, settings, transport=transport, resolver=resolver)
        notes: list[str] = []
        try:
            found = listings.collect(outlet, fetcher, settings, window, endpoints, notes)
            lang = passage.language or outlet.language
            sentences = [s.text for s in split_sentences(passage.text, passage.language)][:MAX_PASSAGE_SENTENCES]
            if search is not None:
                found = listings.merge([*found, *_searched(search, passage.text, outlet, window, settings, notes)])
            seen = len(found)
            cands = rank.in_window(found, window)
            translations = _memory_translations(memory, sentences, lang, outlet.language)
            bridge = bridge if bridge is not None else default_bridge(config)
            keywords = passage_keywords(passage.text, lang, outlet.language, bridge=bridge, translations=translations)
            pages = PageReader(outlet, config, fetcher, endpoints, transport, resolver)
            if settings.read_max:
                cands = rank.by_keywords(cands, keywords, max(settings.keep_after_keywords, settings.read_max), day)
                cands = rank.by_page_text(cands, keywords, pages.text, settings)
            else:
                cands = rank.by_keywords(cands, keywords, settings.keep_after_keywords, day)
            embedder = embedder or get_embedder(config)
            passage_vecs = embedder.embed(sentences)
            cands = rank.by_similarity(cands, passage_vecs, embedder)
            cands = rank.by_coverage(cands, sentences, passage_vecs, embedder, pages.sentences, settings)
        finally:
            if own_fetcher:
                fetcher.close()
        fetched = [c for c in cands if c.coverage is not None]
        best = fetched[0] if fetched and fetched[0].score >= settings.threshold else None
        if best is not None and len(fetched) > 1 and fetched[1].score >= best.score - 0.05:
            notes.append(f"{fetched[1].url} scores almost as high (a near-duplicate or an update of the same story?)")
        runner_ups = [c for c in cands if c is not best][: settings.runner_ups]
        return Discovery(
            outlet_id=outlet.id,
            original=best,
            confidence=best.score if best else (fetched[0].score if fetched else 0.0),
            runner_ups=runner_ups,
            candidates_seen=seen,
            window=window,
            notes=notes,
        )


def _searched(
    search: SearchProvider,
    text: str,
    outlet: Outlet,
    window: tuple[date, date] | None,
    settings: DiscoverySettings,
    notes: list[str],
) -> list[Candidate]:
    try:
        return search.search(text, domains=outlet.domains, window=window, limit=settings.keep_after_keywords)
    except ProvenanceError as exc:
        notes.append(f"search provider {search.name} failed: {exc}")
        return []


def _memory_translations(memory: Lookup | None, sentences: Sequence[str], lang: str, target: str) -> list[str]:
    if memory is None or lang == target or not sentences:
        return []
    try:
        hits = memory.lookup(list(sentences), lang, target)
    except ProvenanceError:
        return []
    return [h.text for h in hits if h is not None]


@dataclass(frozen=True)
class DiscoverOptions:
    """What ``check --discover`` hands the pipeline: the settings and the article's date (None: unknown)."""

    settings: DiscoverySettings = DiscoverySettings()
    day: date | None = None


def discovered_sources(
    passage: Passage, registry: Registry, config: Config, options: DiscoverOptions, *, embedder: Embedder | None = None
) -> tuple[list[str], str | None]:
    """For ``check``: ([the found original's source] or [], a message saying what discovery concluded)."""
    if passage.outlet is None:
        return [], None
    try:
        found = discover_original(
            passage, registry, config, settings=options.settings, day=options.day, embedder=embedder
        )
    except ProvenanceError as exc:
        return [], f"discovery failed: {exc}"
    if found.original is None:
        best = found.runner_ups[0].url if found.runner_ups else "none"
        return [], (
            f"no original found on {passage.outlet.name} (confidence {found.confidence:.2f}, "
            f"{found.candidates_seen} candidates, best {best})"
        )
    return [found.original.source], None
