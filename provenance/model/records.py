"""The records of the stages before comparison: documents, outlets, passages, originals, beads.

Nothing here does I/O; every class has ``to_json()`` (see the package docstring).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

JSON = dict[str, Any]


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
