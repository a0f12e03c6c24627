"""The output rules of ``provenance check``: which articles, where each report goes, the corpus mode."""

from __future__ import annotations

import glob
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import click

from provenance.commands.terminal import ItemBar, StageBars
from provenance.config import Config
from provenance.db import atomic_write
from provenance.errors import InputError, UsageError
from provenance.model import Document, Report
from provenance.pipeline import Checker
from provenance.report import render
from provenance.waivers import Waivers

if TYPE_CHECKING:
    from provenance.discover import DiscoverOptions

REPORT_SUFFIX = {"text": "txt", "md": "md", "json": "json", "html": "html"}


def expand(patterns: Sequence[str]) -> list[str]:
    """Paths and globs (for shells and CI configs that do not expand them); "-" is stdin."""
    out: list[str] = []
    for pattern in patterns:
        if pattern != "-" and any(ch in pattern for ch in "*?["):
            matches = sorted(glob.glob(pattern, recursive=True))
            if not matches:
                raise click.BadParameter(f"no file matches {pattern!r}", param_hint="DERIVATIVE")
            out.extend(matches)
        else:
            out.append(pattern)
    return out


@dataclass(frozen=True)
class Outputs:
    """Where ``check`` writes: stdout (``output`` None), one file, or one file per article in a directory."""

    output: str | None
    directory: bool

    @classmethod
    def choose(cls, paths: Sequence[str], output: str | None, html_out: Path | None) -> Outputs:
        """The rules for -o and --html given the articles; bad combinations are usage errors."""
        out_dir = output is not None and (len(paths) > 1 or output.endswith(("/", "\\")) or Path(output).is_dir())
        if out_dir and Path(output).exists() and not Path(output).is_dir():  # type: ignore[arg-type]
            raise click.BadParameter("with several articles, -o must be a directory", param_hint="-o")
        if html_out is not None and len(paths) > 1:
            raise click.BadParameter(
                "--html takes one article; use --format html -o DIR for several", param_hint="--html"
            )
        return cls(output, bool(out_dir))

    def target(self, path: str, fmt: str) -> Path:
        """The report file for the article at ``path`` (only when ``output`` is set)."""
        target = Path(self.output)  # type: ignore[arg-type]
        if self.directory:
            target.mkdir(parents=True, exist_ok=True)
            stem = Path(path).stem if path != "-" else "stdin"
            target = target / f"{stem}.{REPORT_SUFFIX[fmt]}"
        return target

    def deliver(self, paths: Sequence[str], reports: Sequence[Report], fmt: str, *, html_out: Path | None,
                color: bool) -> None:
        """Every report in ``fmt`` to stdout or its file, and the first as HTML to ``html_out`` when given;
        colour only for text on the terminal."""
        if html_out is not None:
            atomic_write(html_out, render(reports[0], "html").encode("utf-8"))
            click.echo(f"HTML report written to {html_out}", err=True)
        for path, rep in zip(paths, reports, strict=True):
            rendered = render(rep, fmt, color=color and self.output is None and fmt == "text")
            if self.output is None:
                click.echo(rendered)
            else:
                self.write(path, rep, rendered, fmt)

    def write(self, path: str, rep: Report, rendered: str, fmt: str) -> None:
        """Write one article's report to its file and say so on stderr."""
        target = self.target(path, fmt)
        atomic_write(target, rendered.encode("utf-8"))
        worst = rep.worst()
        click.echo(
            f"{path}: {len(rep.results)} passage(s), {rep.summary()['findings']} finding(s)"
            f"{f', worst {worst.value}' if worst else ''} -> {target}",
            err=True,
        )


def check_articles(
    config: Config, paths: Sequence[str], read: Callable[[str], Document], originals: Sequence[str], *,
    outlet: str | None, warc_out: Path | None, discover: DiscoverOptions | None,
) -> list[Report]:
    """One report per article, each read when its turn comes; ``outlet`` (id or name) limits the passages."""
    checker = Checker(config, warc_out=warc_out, discover=discover)
    only = checker.registry.find(outlet) or checker.registry.get(outlet) if outlet else None
    waivers = Waivers.load(config.waivers)
    bars = StageBars(config.progress)
    return [checker.check(read(path), originals, waivers=waivers, progress=bars, outlet=only) for path in paths]


def check_manifest(
    config: Config,
    manifest: Path,
    *,
    output: str | None,
    workers: int | None,
    scheduler: str | None,
    outlet: str | None,
    conflicts: dict[str, bool],
) -> int:
    """`check --manifest`: every item's result as one JSON line; the exit code (1 on findings, else 0).

    Raises InputError when an item could not be checked (exit 2).
    """
    from provenance.corpus import run_corpus

    for name, given in conflicts.items():
        if given:
            raise UsageError(f"{name} does not go with --manifest",
                             hint="each manifest line names its article and originals; results are JSON lines")
    if workers and scheduler:
        raise UsageError("give --workers N or --scheduler ADDRESS, not both")
    target = Path(output) if output else None
    if target is not None and target.is_dir():
        raise click.BadParameter("with --manifest, -o names the results file (JSON lines)", param_hint="-o")
    bar = ItemBar() if config.progress else None
    try:
        outcome = run_corpus(manifest, config, output=target, emit=lambda line: click.echo(line, nl=False),
                             workers=workers or 0, scheduler=scheduler, outlet=outlet, progress=bar)
    finally:
        if bar is not None:
            bar.close()
    if target is not None:
        click.echo(f"{manifest}: {outcome.total} item(s): {outcome.checked} checked, {outcome.skipped} already done, "
                   f"{outcome.errors} error(s), {outcome.failing} failing the gate -> {target}", err=True)
        if outcome.summary is not None:
            click.echo("summary: " + ", ".join(map(str, outcome.summary.written)), err=True)
            if outcome.summary.note:
                click.echo(f"provenance: note: {outcome.summary.note}", err=True)
    if outcome.errors:
        again = " (a rerun with the same -o checks them again)" if target is not None else ""
        raise InputError(f"{outcome.errors} manifest item(s) could not be checked; see their \"error\" fields{again}")
    return 1 if outcome.failing else 0
