"""``provenance discover`` and ``check --discover``: looking for originals the passages do not link."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from provenance.commands.settings import parse_date
from provenance.errors import UsageError

# the discovery package brings the HTTP stack: imported when discovery is asked, not by every `check`
if TYPE_CHECKING:
    from provenance.config import Config
    from provenance.discover import DiscoverOptions, Discovery, DiscoverySettings
    from provenance.model import Document


def discover_options(discover: bool, day: str | None) -> DiscoverOptions | None:
    """check --discover [--date]: the pipeline's discovery options (None: off)."""
    if day and not discover:
        raise UsageError("--date only counts with --discover")
    if not discover:
        return None
    from provenance.discover import DiscoverOptions

    return DiscoverOptions(day=parse_date(day))


def discover_passages(
    doc: Document, config: Config, settings: DiscoverySettings, *, day: date | None, outlet_id: str | None
) -> list[tuple[str, Discovery]]:
    """(passage id, what discovery found) for every credited passage that links no original."""
    from provenance import discover as discovery
    from provenance.attribution import find_passages
    from provenance.discover.bridge import default_bridge
    from provenance.sources import load_registry
    from provenance.translate.memory import TranslationMemory

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
