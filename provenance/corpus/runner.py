"""Checking one manifest item: the work a corpus run repeats, in this process or on a Dask worker.

An ``ItemRunner`` is built once per process and holds what is expensive (outlet registry, embedding
model, waivers, one ``Checker`` per distinct set of translation memories). ``run(item)`` never raises
for bad input: a ``ProvenanceError`` becomes the item's error record, so a corpus run goes on.
"""

from __future__ import annotations

import hashlib
import json
from collections import OrderedDict
from dataclasses import replace
from pathlib import Path
from typing import Any

from provenance import __version__, gate
from provenance.config import Config
from provenance.corpus.manifest import LineError, ManifestItem
from provenance.errors import InputError, ProvenanceError
from provenance.pipeline import Checker

#: Checkers kept per distinct memory set; beyond it the least recently used one is dropped.
MAX_CHECKERS = 4
#: Fetched originals a Checker keeps between articles (articles of one story often share them).
KEEP_ORIGINALS = 64

#: The Config fields that decide a result; a change in any of them makes a finished item stale.
RESULT_SETTINGS = (
    "translator", "translator_provider", "libre_url", "memories", "memory_threshold", "gloss_dictionary",
    "gloss_languages",
    "fail_on", "fail_on_unverified", "min_confidence", "thorough", "archive", "sources_dirs", "waivers",
    "max_article_bytes",
)


def settings_signature(config: Config, item: ManifestItem | None = None) -> str:
    """A short hash of the version, the result-deciding settings and the item's own originals and memories
    (as the manifest writes them).

    Files are named by path: editing a memory in place does not make finished items stale.
    """
    data: dict[str, Any] = {"provenance": __version__}
    data.update({name: getattr(config, name) for name in RESULT_SETTINGS})
    if item is not None:
        data["item"] = item.inputs
    text = json.dumps(data, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def error_record(entry: ManifestItem | LineError, message: str) -> dict[str, Any]:
    """The output line of an item that could not be checked."""
    return {"id": entry.id, "line": entry.line, "status": "error", "error": " ".join(message.split())}


def article_sha256(item: ManifestItem, config: Config) -> str:
    """SHA-256 of the article's bytes (a URL article is fetched through the snapshot store)."""
    if item.is_url:
        from provenance.retrieve import get_snapshot

        return get_snapshot(item.article, config).sha256
    try:
        return hashlib.sha256(Path(item.article).read_bytes()).hexdigest()
    except OSError as exc:
        raise InputError(f"{item.article}: cannot read ({exc.strerror or exc})") from None


class ItemRunner:
    """Checks manifest items one after another with resources loaded once."""

    def __init__(self, config: Config, *, outlet: str | None = None) -> None:
        from provenance.embed import get_embedder
        from provenance.sources import load_registry
        from provenance.waivers import Waivers

        self.config = config
        self.registry = load_registry(config.sources_dirs)
        self.embedder = get_embedder(config)
        self.waivers = Waivers.load(config.waivers)
        self.outlet = (self.registry.find(outlet) or self.registry.get(outlet)) if outlet else None
        self._checkers: OrderedDict[tuple[Path, ...], Checker] = OrderedDict()

    def checker(self, memories: tuple[Path, ...] = ()) -> Checker:
        """The Checker for the run's memories plus ``memories``; registry and model are shared by all."""
        if memories in self._checkers:
            self._checkers.move_to_end(memories)
        else:
            config = replace(self.config, memories=self.config.memories + memories) if memories else self.config
            self._checkers[memories] = Checker(config, registry=self.registry, embedder=self.embedder)
            while len(self._checkers) > MAX_CHECKERS:
                self._checkers.popitem(last=False)
        return self._checkers[memories]

    def run(self, item: ManifestItem) -> dict[str, Any]:
        """The item's result record (``status`` ok) or its error record."""
        try:
            data, doc = self._read(item)
            checker = self.checker(item.memories)
            report = checker.check(doc, item.originals, waivers=self.waivers, outlet=self.outlet)
            checker.forget_originals(keep=KEEP_ORIGINALS)
        except ProvenanceError as exc:
            return error_record(item, str(exc))
        from provenance.report.json import report_to_json

        worst = report.worst()
        exit_code = gate.exit_code([report], self.config.fail_on, fail_on_unverified=self.config.fail_on_unverified)
        return {
            "id": item.id,
            "line": item.line,
            "article_sha256": hashlib.sha256(data).hexdigest(),
            "settings": settings_signature(self.config, item),
            "status": "ok",
            "exit": exit_code,
            "worst": worst.value if worst else None,
            "findings": report.summary()["findings"],
            "report": report_to_json(report),
        }

    def _read(self, item: ManifestItem) -> tuple[bytes, Any]:
        """(the article's bytes, its Document)."""
        limit = self.config.max_article_bytes
        if item.is_url:
            from provenance.documents import decode_bytes, parse_document
            from provenance.retrieve import get_snapshot

            snapshot = get_snapshot(item.article, self.config)
            if len(snapshot.body) > limit:
                raise InputError(f"{item.article}: the article is larger than the limit of {limit} bytes")
            text, encoding = decode_bytes(snapshot.body, snapshot.encoding)
            doc = parse_document(text, format="html", source=item.article)
            doc.encoding = encoding
            return snapshot.body, doc
        from provenance.documents import read_document

        # read_document refuses what is missing, too large, binary or empty; the bytes are hashed after it
        doc = read_document(item.article, max_bytes=limit)
        try:
            data = Path(item.article).read_bytes()
        except OSError as exc:
            raise InputError(f"{item.article}: cannot read ({exc.strerror or exc})") from None
        return data, doc
