"""The dataclasses that cross stage boundaries, and their JSON form.

Data flows one way (see DESIGN.md): Document -> [Passage] -> Snapshot -> OriginalText
-> translations -> [Bead] -> [Finding] -> Report. Every class has ``to_json()`` returning
plain JSON-able values; classes that are read back (outlets, reports, findings) also have
``from_json()``. Nothing in this package does I/O. Import the names from here.
"""

from __future__ import annotations

from provenance.model.records import (
    DEFAULT_SEVERITY,
    JSON,
    REPORT_SCHEMA,
    Bead,
    Document,
    DriftSubtype,
    Finding,
    FindingKind,
    Link,
    OriginalText,
    Outlet,
    Paragraph,
    Passage,
    PassageResult,
    QuoteSpan,
    Report,
    Sentence,
    Severity,
    SideRef,
    Snapshot,
    Span,
    Translation,
)

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
