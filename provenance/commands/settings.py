"""The run's ``Config`` from the command line: the loaded settings with the flags given laid over them."""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from provenance.config import Config
from provenance.errors import UsageError


def with_flags(config: Config, *, memories: tuple[Path, ...] = (), **flags: Any) -> Config:
    """``config`` with every flag that was given (not None) set, and ``memories`` added to its own."""
    changes = {name: value for name, value in flags.items() if value is not None}
    if memories:
        changes["memories"] = config.memories + tuple(memories)
    return replace(config, **changes) if changes else config


def global_flags(
    config: Config,
    *,
    cache_dir: Path | None,
    sources_dirs: tuple[Path, ...],
    allow_private_network: bool | None,
    allow_http_loopback: bool,
    no_progress: bool,
    max_article_bytes: int | None,
) -> Config:
    """The top-level options: extra registry folders add to the configured ones; no bars without a TTY."""
    return with_flags(
        config,
        allow_http_loopback=allow_http_loopback,
        cache_dir=cache_dir,
        sources_dirs=config.sources_dirs + tuple(sources_dirs) if sources_dirs else None,
        allow_private_network=allow_private_network,
        progress=False if no_progress or not sys.stderr.isatty() else None,
        max_article_bytes=max_article_bytes,
    )


def parse_date(day: str | None) -> date | None:
    """--date YYYY-MM-DD (None when not given)."""
    try:
        return date.fromisoformat(day) if day else None
    except ValueError:
        raise UsageError(f"--date must be YYYY-MM-DD, not {day!r}") from None
