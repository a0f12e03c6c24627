"""Findings: the taxonomy (kind, drift subtype, severity and its defaults) and the ``Finding`` record."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from provenance.model.records import JSON, Span


class Severity(StrEnum):
    MINOR = "minor"
    MAJOR = "major"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls(value.lower())
        except ValueError:
            raise ValueError(f"unknown severity {value!r} (use minor, major or critical)") from None


_SEVERITY_RANK = {Severity.MINOR: 1, Severity.MAJOR: 2, Severity.CRITICAL: 3}


class FindingKind(StrEnum):
    DRIFT = "drift"
    ADDITION = "addition"
    OMISSION = "omission"
    UNLOCATED = "unlocated"


class DriftSubtype(StrEnum):
    ENTITY = "entity"
    NUMBER = "number"
    NEGATION = "negation"
    HEDGE = "hedge"
    INTENSITY = "intensity"
    QUOTATION = "quotation"
    MEANING = "meaning"


#: Default severity per (kind, subtype), from the taxonomy in DESIGN.md.
DEFAULT_SEVERITY: dict[tuple[str, str | None], Severity] = {
    ("drift", "entity"): Severity.CRITICAL,
    ("drift", "number"): Severity.CRITICAL,
    ("drift", "negation"): Severity.CRITICAL,
    ("drift", "hedge"): Severity.MAJOR,
    ("drift", "intensity"): Severity.MAJOR,
    ("drift", "quotation"): Severity.MAJOR,
    ("drift", "meaning"): Severity.MAJOR,
    ("addition", None): Severity.MAJOR,
    ("omission", None): Severity.MINOR,
    ("unlocated", None): Severity.CRITICAL,
}


# --------------------------------------------------------------------------- findings


@dataclass(frozen=True)
class SideRef:
    """The stretch of one side a finding points at."""

    text: str
    span: Span | None = None
    translation: str | None = None  # only on the original side
    translator: str | None = None

    def to_json(self) -> JSON:
        data: JSON = {"text": self.text, "span": self.span.to_json() if self.span else None}
        if self.translation is not None or self.translator is not None:
            data["translation"] = self.translation
            data["translator"] = self.translator
        return data

    @classmethod
    def from_json(cls, data: JSON | None) -> SideRef | None:
        if data is None:
            return None
        span = data.get("span")
        return cls(
            text=data.get("text", ""),
            span=Span.from_json(span) if span else None,
            translation=data.get("translation"),
            translator=data.get("translator"),
        )


@dataclass
class Finding:
    kind: FindingKind
    subtype: DriftSubtype | None
    severity: Severity
    confidence: float
    derivative: SideRef | None
    original: SideRef | None
    explanation: str
    detector: str
    evidence: dict[str, Any] = field(default_factory=dict)
    id: str = ""
    waived: bool = False
    waiver_reason: str | None = None

    def stable_id(self, passage_key: str = "", *, passage_start: int = 0) -> str:
        """Hash of passage + kind + spans + texts: survives reruns, so findings can be waived.

        Derivative spans count from ``passage_start``, so editing the article above the passage
        keeps the ids (and the waivers) of its findings.
        """

        def where(side: SideRef | None, base: int) -> str:
            return f"{side.span.start - base}:{side.span.end - base}" if side and side.span else ""

        parts = [
            passage_key,
            self.kind.value,
            self.subtype.value if self.subtype else "",
            self.derivative.text if self.derivative else "",
            self.original.text if self.original else "",
            where(self.derivative, passage_start),
            where(self.original, 0),
        ]
        return "F" + hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]

    def to_json(self) -> JSON:
        original = self.original.to_json() if self.original else None
        if original is not None:  # the contract always names the translation on the original side
            original.setdefault("translation", None)
            original.setdefault("translator", None)
        data: JSON = {
            "id": self.id,
            "kind": self.kind.value,
            "subtype": self.subtype.value if self.subtype else None,
            "severity": self.severity.value,
            "confidence": round(float(self.confidence), 3),
            "derivative": self.derivative.to_json() if self.derivative else None,
            "original": original,
            "explanation": self.explanation,
            "detector": self.detector,
        }
        if self.evidence:
            data["evidence"] = self.evidence
        if self.waived:
            data["waived"] = True
            data["waiver_reason"] = self.waiver_reason
        return data

    @classmethod
    def from_json(cls, data: JSON) -> Finding:
        return cls(
            kind=FindingKind(data["kind"]),
            subtype=DriftSubtype(data["subtype"]) if data.get("subtype") else None,
            severity=Severity(data["severity"]),
            confidence=float(data["confidence"]),
            derivative=SideRef.from_json(data.get("derivative")),
            original=SideRef.from_json(data.get("original")),
            explanation=data.get("explanation", ""),
            detector=data.get("detector", ""),
            evidence=dict(data.get("evidence") or {}),
            id=data.get("id", ""),
            waived=bool(data.get("waived", False)),
            waiver_reason=data.get("waiver_reason"),
        )
