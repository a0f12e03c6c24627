"""``provenance discover`` and ``check --discover``: looking for originals the passages do not link."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from provenance import discover as discovery
from provenance.attribution import find_passages
from provenance.commands.settings import parse_date
from provenance.config import Config
from provenance.discover import DiscoverOptions, Discovery, DiscoverySettings
from provenance.discover.bridge import default_bridge
from provenance.errors import UsageError
from provenance.model import Document
from provenance.sources import load_registry
from provenance.translate.memory import TranslationMemory


def discover_options(discover: bool, day: str | None) -> DiscoverOptions | None:
    """check --discover [--date]: the pipeline's discovery options (None: off)."""
    if day and not discover:
        raise UsageError("--date only counts with --discover")
    return DiscoverOptions(day=parse_date(day)) if discover else None


def discover_passages(
    doc: Document, config: Config, settings: DiscoverySettings, *, day: date | None, outlet_id: str | None
) -> list[tuple[str, Discovery]]:
    """(passage id, what discovery found) for every credited passage that links no original."""
    registry = load_registry(config.sources_dirs)
    outlet = registry.get(outlet_id) if outlet_id else None
    passages = find_passages(doc, registry)
    if outlet is not None:
        passages = [replace(p, outlet=outlet) for p in passages]
    memory = TranslationMemory(config.memories, threshold=config.memory_threshold) if config.memories else None
    bridge = default_bridge(config)
    return [
        (p.id, discovery.discover_original(p, registry, config, settings=settings, day=day, bridge=bridge,
                                           memory=memory))
        for p in passages
        if p.outlet is not None and not p.urls
    ]
