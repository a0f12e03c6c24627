"""The dataclasses that cross stage boundaries, and their JSON form.

Data flows one way (see DESIGN.md): Document -> [Passage] -> Snapshot -> OriginalText
-> translations -> [Bead] -> [Finding] -> Report. Every class has ``to_json()`` returning
plain JSON-able values; classes that are read back (outlets, reports, findings) also have
``from_json()``. Nothing in this package does I/O. Import the names from here; the modules: ``records`` (documents,
outlets, passages, originals, beads), ``findings`` (the taxonomy and ``Finding``), ``report``.
"""

from __future__ import annotations

from provenance.model.findings import DEFAULT_SEVERITY, DriftSubtype, Finding, FindingKind, Severity, SideRef
from provenance.model.records import (
    JSON,
    Bead,
    Document,
    Link,
    OriginalText,
    Outlet,
    Paragraph,
    Passage,
    QuoteSpan,
    Sentence,
    Snapshot,
    Span,
    Translation,
)
from provenance.model.report import REPORT_SCHEMA, PassageResult, Report

__all__ = [
    "DEFAULT_SEVERITY",
    "JSON",
    "REPORT_SCHEMA",
    "Bead",
    "Document",
    "DriftSubtype",
    "Finding",
    "FindingKind",
    "Link",
    "OriginalText",
    "Outlet",
    "Paragraph",
    "Passage",
    "PassageResult",
    "QuoteSpan",
    "Report",
    "Sentence",
    "Severity",
    "SideRef",
    "Snapshot",
    "Span",
    "Translation",
]
