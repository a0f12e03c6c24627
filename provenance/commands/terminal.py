"""Writing to the terminal: pretty JSON, text made inert, progress bars on stderr."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

# (provenance.report is imported when something is printed: `provenance --help` stays quick)


def echo_json(data: Any) -> None:
    """Pretty JSON; DEL, C1 and bidi controls as \\u escapes so the output is inert on a terminal."""
    from provenance.report.sanitize import json_safe

    click.echo(json_safe(json.dumps(data, ensure_ascii=False, indent=2)))


def echo_text(text: str) -> None:
    """Text from articles or pages, with control and bidi characters made visible (never raw on a terminal)."""
    from provenance.report.sanitize import neutralise

    click.echo(neutralise(text))


class StageBars:
    """progress(stage, done, total) callback drawing one tqdm bar per stage on stderr."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.bars: dict[str, Any] = {}

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        from tqdm import tqdm

        bar = self.bars.get(stage)
        if bar is None:
            bar = self.bars[stage] = tqdm(total=total, desc=stage, unit="", leave=False, file=sys.stderr)
        bar.total = total
        bar.n = done
        bar.refresh()
        if done >= total:
            bar.close()
            del self.bars[stage]


class ItemBar:
    """progress("items", done, total) as one tqdm bar (items/s, ETA) on stderr."""

    def __init__(self) -> None:
        self.bar: Any = None

    def __call__(self, _stage: str, done: int, total: int) -> None:
        from tqdm import tqdm

        if self.bar is None:
            self.bar = tqdm(total=total, desc="articles", unit="item", file=sys.stderr, dynamic_ncols=True)
        self.bar.update(done - self.bar.n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
