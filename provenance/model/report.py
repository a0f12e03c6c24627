"""The report of one check: what was concluded about each passage, its summary and its JSON form."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from provenance.model.findings import Finding, Severity
from provenance.model.records import JSON, Bead, Document, OriginalText, Passage, Sentence, Snapshot, Span, Translation

REPORT_SCHEMA = "provenance.report/1"


# --------------------------------------------------------------------------- report


@dataclass
class PassageResult:
    """Everything the checker concluded about one passage.

    ``status``: checked (compared with an original), unverified (no original found),
    partial (original only partly available, e.g. paywall), error (retrieval failed; see
    ``message``).
    """

    passage: Passage
    status: str
    snapshot: Snapshot | None = None
    original: OriginalText | None = None
    derivative_sentences: list[Sentence] = field(default_factory=list)
    # one per original sentence; None where no translator could translate it
    translations: list[Translation | None] = field(default_factory=list)
    beads: list[Bead] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    message: str | None = None
    trimmed: Span | None = None  # author commentary cut off the passage's end

    def to_json(self) -> JSON:
        data = self.passage.to_json()
        translators = sorted({t.translator for t in self.translations if t is not None})
        data.update(
            {
                "status": self.status,
                "message": self.message,
                "original": (
                    {
                        **(self.snapshot.to_json() if self.snapshot else {}),
                        "title": self.original.title if self.original else None,
                        "language": self.original.language if self.original else None,
                        "extractor": self.original.extractor if self.original else None,
                        "translators": translators,
                    }
                    if self.snapshot or self.original
                    else None
                ),
                "derivative_sentences": [s.to_json() for s in self.derivative_sentences],
                "original_sentences": (
                    [
                        {**s.to_json(), "translation": self.translations[s.index].to_json()}  # type: ignore[union-attr]
                        if s.index < len(self.translations) and self.translations[s.index] is not None
                        else s.to_json()
                        for s in self.original.sentences
                    ]
                    if self.original
                    else []
                ),
                "beads": [b.to_json() for b in self.beads],
                "findings": [f.to_json() for f in self.findings],
                "trimmed": self.trimmed.to_json() if self.trimmed else None,
            }
        )
        return data


@dataclass
class Report:
    signature: str
    document: Document
    results: list[PassageResult]
    created_at: str
    settings: dict[str, Any] = field(default_factory=dict)

    def findings(self) -> list[Finding]:
        return [f for r in self.results for f in r.findings]

    def summary(self) -> JSON:
        counts: dict[str, int] = {s.value: 0 for s in Severity}
        kinds: dict[str, int] = {}
        waived = 0
        for f in self.findings():
            if f.waived:
                waived += 1
                continue
            counts[f.severity.value] += 1
            key = f.kind.value + (f"/{f.subtype.value}" if f.subtype else "")
            kinds[key] = kinds.get(key, 0) + 1
        statuses: dict[str, int] = {}
        for r in self.results:
            statuses[r.status] = statuses.get(r.status, 0) + 1
        return {
            "passages": len(self.results),
            "statuses": statuses,
            "findings": sum(counts.values()),
            "by_severity": counts,
            "by_kind": kinds,
            "waived": waived,
            "worst": self.worst().value if self.worst() else None,
        }

    def worst(self, *, include_waived: bool = False) -> Severity | None:
        ranks = [f.severity for f in self.findings() if include_waived or not f.waived]
        return max(ranks, key=lambda s: s.rank) if ranks else None

    def to_json(self) -> JSON:
        return {
            "schema": REPORT_SCHEMA,
            "signature": self.signature,
            "created_at": self.created_at,
            "derivative": self.document.to_json(),
            "settings": self.settings,
            "passages": [r.to_json() for r in self.results],
            "summary": self.summary(),
        }
