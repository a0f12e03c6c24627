"""``provenance fetch`` and ``extract``: the original SRC as a snapshot, with the outlet it belongs to."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from provenance.commands.terminal import StageBars
from provenance.config import Config
from provenance.model import Outlet, Snapshot
from provenance.retrieve import get_snapshot, parse_source
from provenance.sources import load_registry


def original_outlet(config: Config, src: str, name: str | None) -> Outlet | None:
    """The registry outlet for --outlet NAME or the source URL's domain (paywall markers, XPath hints)."""
    registry = load_registry(config.sources_dirs)
    if name:
        return registry.find(name) or registry.get(name)
    url = parse_source(src).url
    return registry.by_url(url) if url else None


def get_original(
    config: Config, src: str, outlet: str | None, warc_out: Path | None, *, archive: str | None = None,
    refresh: bool = False,
) -> tuple[Snapshot, Outlet | None]:
    """The snapshot of SRC (stored, fetched or read) and its outlet; progress bars when the config wants them.
    ``archive`` and ``refresh`` (the command's flags) override the config's."""
    config = replace(config, archive=archive or config.archive, refresh=refresh or config.refresh)
    found = original_outlet(config, src, outlet)
    snap = get_snapshot(src, config, outlet=found, progress=StageBars(config.progress), warc_out=warc_out)
    return snap, found
