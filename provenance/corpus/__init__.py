"""Corpus runs: ``provenance check --manifest FILE`` over many articles with the model loaded once.

The manifest (manifest.py) lists the articles; each is checked by an ``ItemRunner`` (runner.py) in this
process or on Dask workers (cluster.py); results are streamed as JSON lines, one per item, and appended
to the results file (results.py), which a rerun reads to skip the items already finished with the same
article bytes and settings.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from provenance.config import Config
from provenance.corpus.manifest import LineError, ManifestItem, read_manifest
from provenance.corpus.results import ResultLog, SummaryFiles, encode, summary_row, write_summary
from provenance.corpus.runner import ItemRunner, article_sha256, error_record, settings_signature
from provenance.errors import ProvenanceError
from provenance.pipeline import Progress


@dataclass
class CorpusOutcome:
    """What a corpus run did; the CLI turns it into an exit code."""

    total: int = 0  # non-blank manifest lines
    skipped: int = 0  # finished by an earlier run with the same article and settings
    checked: int = 0  # checked by this run
    errors: int = 0  # lines and items without a result (this run)
    failing: int = 0  # results whose gate exit is 1 (this run and earlier ones)
    summary: SummaryFiles | None = None


def run_corpus(
    manifest: Path,
    config: Config,
    *,
    output: Path | None = None,
    emit: Callable[[str], None] | None = None,
    workers: int = 0,
    scheduler: str | None = None,
    outlet: str | None = None,
    progress: Progress | None = None,
) -> CorpusOutcome:
    """Check every item of ``manifest``; see the module docstring.

    Results are appended to ``output`` (and a summary table written next to it) or, without it, handed to
    ``emit`` one JSON line at a time. ``workers`` > 0 or ``scheduler`` runs the items on Dask.
    """
    entries = read_manifest(manifest)
    outcome = CorpusOutcome(total=len(entries))
    rows: dict[int, dict[str, Any]] = {}
    log = ResultLog(output) if output is not None else None
    try:
        done_ids = {key[0] for key in log.finished} if log else set()

        def write(record: dict[str, Any]) -> None:
            if log is not None:
                log.append(record)
            elif emit is not None:
                emit(encode(record))
            rows[record["line"]] = summary_row(record)
            if record["status"] == "ok":
                outcome.checked += 1
                outcome.failing += record["exit"] == 1
            else:
                outcome.errors += 1

        todo: list[ManifestItem] = []
        for entry in entries:
            if isinstance(entry, LineError):
                write(error_record(entry, entry.error))
                continue
            if log is not None and entry.id in done_ids:
                row = _finished_row(log, entry, config)
                if row is not None:
                    rows[entry.line] = row
                    outcome.skipped += 1
                    outcome.failing += row["exit"] == 1
                    continue
            todo.append(entry)

        def report(done: int) -> None:
            if progress is not None:
                progress("items", done, len(todo))

        report(0)
        if workers > 0 or scheduler:
            from provenance.corpus.cluster import run_on_cluster

            before = outcome.checked + outcome.errors  # the bad manifest lines, already written

            def on_result(record: dict[str, Any]) -> None:
                write(record)
                report(outcome.checked + outcome.errors - before)

            run_on_cluster(todo, config, on_result, workers=workers, scheduler=scheduler, outlet=outlet)
        elif todo:
            runner = ItemRunner(config, outlet=outlet)
            for i, item in enumerate(todo, 1):
                write(runner.run(item))
                report(i)
    finally:
        if log is not None:
            log.close()
    if output is not None:
        outcome.summary = write_summary((rows[line] for line in sorted(rows)), output)
    return outcome


def _finished_row(log: ResultLog, item: ManifestItem, config: Config) -> dict[str, Any] | None:
    """The earlier result of ``item`` if its article bytes and settings are unchanged, else None."""
    try:
        sha = article_sha256(item, config)
    except ProvenanceError:
        return None  # checked again, and the check reports why it cannot read the article
    return log.finished.get((item.id, sha, settings_signature(config, item)))


__all__ = ["CorpusOutcome", "ItemRunner", "ManifestItem", "run_corpus", "settings_signature"]
