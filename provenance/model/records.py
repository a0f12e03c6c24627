"""The dataclasses that cross stage boundaries, and their JSON form.

Data flows one way (see DESIGN.md): Document -> [Passage] -> Snapshot -> OriginalText
-> translations -> [Bead] -> [Finding] -> Report. Every class here has ``to_json()``
returning plain JSON-able values; classes that are read back (outlets, reports, findings)
also have ``from_json()``. Nothing in this module does I/O.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

JSON = dict[str, Any]

REPORT_SCHEMA = "provenance.report/1"


# --------------------------------------------------------------------------- basics


@dataclass(frozen=True, order=True)
class Span:
    """Half-open character range ``[start, end)`` into some text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"invalid span [{self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start

    def slice(self, text: str) -> str:
        return text[self.start : self.end]

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def to_json(self) -> list[int]:
        return [self.start, self.end]

    @classmethod
    def from_json(cls, data: list[int] | tuple[int, int]) -> Span:
        return cls(int(data[0]), int(data[1]))


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


# --------------------------------------------------------------------------- documents


@dataclass(frozen=True)
class Paragraph:
    """A block of the derivative: ``kind`` is paragraph, blockquote, heading or list."""

    index: int
    span: Span
    text: str
    kind: str = "paragraph"

    def to_json(self) -> JSON:
        return {"index": self.index, "span": self.span.to_json(), "text": self.text, "kind": self.kind}


@dataclass(frozen=True)
class QuoteSpan:
    """A stretch in quotation marks; ``span`` includes the marks, ``inner`` excludes them."""

    span: Span
    inner: Span
    style: str  # the opening mark, e.g. '"', '“', '„', '«', "'"

    def to_json(self) -> JSON:
        return {"span": self.span.to_json(), "inner": self.inner.to_json(), "style": self.style}


@dataclass(frozen=True)
class Link:
    href: str
    text: str
    span: Span
    paragraph: int | None = None

    def to_json(self) -> JSON:
        return {"href": self.href, "text": self.text, "span": self.span.to_json(), "paragraph": self.paragraph}


@dataclass
class Document:
    """A derivative article, normalised.

    ``text`` is the normalised text; every span in the library points into it.
    ``offsets[i]`` is the character offset in the decoded input of ``text[i]`` (with one
    extra entry for the end), so findings can be mapped back to what the user wrote.
    """

    source: str
    format: str  # "text" | "markdown" | "html"
    text: str
    paragraphs: list[Paragraph] = field(default_factory=list)
    quotes: list[QuoteSpan] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    encoding: str = "utf-8"
    title: str | None = None
    language: str | None = None
    offsets: list[int] | None = None

    @property
    def blockquotes(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.kind == "blockquote"]

    def input_offset(self, index: int) -> int:
        """Offset in the decoded input of normalised offset ``index``."""
        if self.offsets is None:
            return index
        return self.offsets[min(max(index, 0), len(self.offsets) - 1)]

    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def to_json(self) -> JSON:
        return {
            "source": self.source,
            "format": self.format,
            "encoding": self.encoding,
            "title": self.title,
            "language": self.language,
            "sha256": self.sha256(),
            "chars": len(self.text),
        }


# --------------------------------------------------------------------------- outlets


@dataclass(frozen=True)
class Outlet:
    """One news outlet from the registry (the top-level ``sources/*.toml``)."""

    id: str
    name: str
    language: str
    country: str | None = None
    kind: str = "newspaper"  # newspaper | magazine | broadcaster | wire | online | agency
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    paywall_markers: tuple[str, ...] = ()
    xpath: tuple[str, ...] = ()

    def to_json(self) -> JSON:
        return {
            "id": self.id,
            "name": self.name,
            "language": self.language,
            "country": self.country,
            "kind": self.kind,
            "aliases": list(self.aliases),
            "domains": list(self.domains),
            "paywall_markers": list(self.paywall_markers),
            "xpath": list(self.xpath),
        }

    @classmethod
    def from_json(cls, data: JSON) -> Outlet:
        return cls(
            id=data["id"],
            name=data["name"],
            language=data["language"],
            country=data.get("country"),
            kind=data.get("kind", "newspaper"),
            aliases=tuple(data.get("aliases", ())),
            domains=tuple(data.get("domains", ())),
            paywall_markers=tuple(data.get("paywall_markers", ())),
            xpath=tuple(data.get("xpath", ())),
        )


# --------------------------------------------------------------------------- passages


@dataclass
class Passage:
    """A stretch of the derivative attributed to an outlet.

    ``kind`` says how it was found: blockquote, leadin ("From the German Bild:"),
    source_block ("Source: CBS News"), inline ("According to BILD, ..."), quote (a direct
    quote credited to the outlet's reporting) or link (text next to a link to the outlet).
    ``open_end`` is set when the end of the passage is a guess (plain text after a lead-in):
    the pipeline may trim trailing sentences that have no counterpart in the original.
    """

    id: str
    text: str
    span: Span
    kind: str
    outlet: Outlet | None
    outlet_name: str  # as written in the article, e.g. "the German Bild"
    language: str | None
    cue: str
    cue_span: Span | None = None
    confidence: float = 1.0
    urls: list[str] = field(default_factory=list)
    open_end: bool = False
    # the attribution words inside the passage ("According to BILD,", "the paper added"): the outlet's
    # credit, not its words, so later stages leave them out of the comparison
    frame: list[Span] = field(default_factory=list)
    # the check joined neighbouring sentences of its paragraph that the original also has (the credit carried
    # over them); ``span`` and ``text`` then include them
    extended: bool = False

    def to_json(self) -> JSON:
        return {
            "id": self.id,
            "kind": self.kind,
            "outlet": self.outlet.id if self.outlet else None,
            "outlet_name": self.outlet.name if self.outlet else self.outlet_name,
            "outlet_as_written": self.outlet_name,
            "language": self.language,
            "span": self.span.to_json(),
            "text": self.text,
            "cue": self.cue,
            "cue_span": self.cue_span.to_json() if self.cue_span else None,
            "confidence": round(self.confidence, 3),
            "urls": list(self.urls),
            "open_end": self.open_end,
            "frame": [f.to_json() for f in self.frame],
            "extended": self.extended,
        }


# --------------------------------------------------------------------------- originals


@dataclass
class Snapshot:
    """The bytes of an original and where they came from.

    ``archive`` is live | wayback | archive.today | warc | file; ``archive_timestamp`` is
    the archive's capture time (``YYYYMMDDhhmmss``) where there is one.
    """

    source: str  # the SRC as given, e.g. "wayback:https://...@2025"
    url: str | None
    final_url: str | None
    archive: str
    sha256: str
    fetched_at: str  # ISO 8601, UTC
    body: bytes = field(repr=False, default=b"")
    archive_timestamp: str | None = None
    archive_url: str | None = None
    status: int | None = None
    content_type: str | None = None
    encoding: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    from_store: bool = False
    partial: bool = False  # paywall / consent wall detected: only part of the article is available
    partial_reason: str | None = None

    def to_json(self) -> JSON:
        return {
            "source": self.source,
            "url": self.url,
            "final_url": self.final_url,
            "archive": self.archive,
            "archive_timestamp": self.archive_timestamp,
            "archive_url": self.archive_url,
            "sha256": self.sha256,
            "fetched_at": self.fetched_at,
            "status": self.status,
            "content_type": self.content_type,
            "encoding": self.encoding,
            "bytes": len(self.body),
            "from_store": self.from_store,
            "partial": self.partial,
            "partial_reason": self.partial_reason,
        }


@dataclass(frozen=True)
class Sentence:
    """A sentence with its offsets into the text it was split from."""

    index: int
    text: str
    span: Span
    paragraph: int = 0

    def to_json(self) -> JSON:
        return {"index": self.index, "text": self.text, "span": self.span.to_json(), "paragraph": self.paragraph}


@dataclass
class OriginalText:
    """The article text extracted from a snapshot."""

    text: str
    paragraphs: list[str]
    sentences: list[Sentence]
    language: str | None
    extractor: str  # "trafilatura-2.3.1", "plain", ...
    title: str | None = None
    author: str | None = None
    date: str | None = None

    def to_json(self) -> JSON:
        return {
            "title": self.title,
            "author": self.author,
            "date": self.date,
            "language": self.language,
            "extractor": self.extractor,
            "text": self.text,
            "paragraphs": list(self.paragraphs),
            "sentences": [s.to_json() for s in self.sentences],
        }


@dataclass(frozen=True)
class Translation:
    """One translated segment and who translated it."""

    source: str
    text: str
    source_lang: str
    target_lang: str
    translator: str  # e.g. "google", "memory:desk.tmx", "gloss:ding", "identity", "cache:google"

    def to_json(self) -> JSON:
        return {
            "source": self.source,
            "text": self.text,
            "source_lang": self.source_lang,
            "target_lang": self.target_lang,
            "translator": self.translator,
        }


# --------------------------------------------------------------------------- alignment


@dataclass(frozen=True)
class Bead:
    """Derivative sentences ``derivative`` correspond to original sentences ``original``.

    Either side may be empty: ``([k], [])`` is an insertion in the derivative (a candidate
    addition), ``([], [i])`` a deletion (a candidate omission). Indices are sentence indices.
    """

    derivative: tuple[int, ...]
    original: tuple[int, ...]
    score: float = 0.0

    def to_json(self) -> JSON:
        return {"derivative": list(self.derivative), "original": list(self.original), "score": round(self.score, 4)}

    @classmethod
    def from_json(cls, data: JSON) -> Bead:
        return cls(tuple(data["derivative"]), tuple(data["original"]), float(data.get("score", 0.0)))

    def gold_format(self, *, original_first: bool = True) -> str:
        """``[i,j]:[k]`` as in the Vecalign / Bertalign gold files (source side first)."""
        a, b = (self.original, self.derivative) if original_first else (self.derivative, self.original)
        return f"[{','.join(map(str, a))}]:[{','.join(map(str, b))}]"


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
    trimmed: Span | None = None  # author commentary cut off an open-ended passage

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
