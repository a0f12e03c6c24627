"""The dataclasses of discovery: its settings, a candidate original, and the outcome for one passage."""

from __future__ import annotations

import math
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

from provenance.errors import ConfigError


@dataclass(frozen=True)
class DiscoverySettings:
    """How hard and how politely discovery looks (checked when made; a bad value is a ConfigError)."""

    # the date window: candidates published this many days before or after the article's date
    window_days: int = 3
    # seconds between two requests to the same host (robots.txt Crawl-delay raises it, never lowers it)
    min_interval: float = 1.0
    # sitemaps read per outlet (a sitemap index can name thousands; newest and news sitemaps first)
    max_sitemaps: int = 20
    # feeds read per outlet (found on the home page)
    max_feeds: int = 5
    # Wayback CDX rows asked for; archive.today home-page captures read
    max_cdx_rows: int = 5000
    max_mementos: int = 3
    # which listings to read, in this order
    listings: tuple[str, ...] = ("sitemaps", "feeds", "wayback", "archive.today")
    # ranking: candidates kept after the keyword stage (listing entries: slug, title, lead)
    keep_after_keywords: int = 120
    # pages read (best listing entries first) and scored by their text (BM25 over the passage's keywords);
    # 0 turns the page-text stage off. Every one is a request on a cold cache, spaced by ``min_interval``
    read_max: int = 600
    # ... in batches of this many; reading stops after a batch that leaves one page clearly ahead by its text
    read_batch: int = 100
    # candidates kept after the page-text stage for title similarity and coverage
    keep_after_text: int = 24
    # candidates fetched and aligned at the end
    fetch_top: int = 6
    # ... and more, up to this many, while none of those fetched covers ``sure_coverage`` of the passage
    fetch_max: int = 24
    sure_coverage: float = 0.75
    # a page sentence counts as the counterpart of a passage sentence from this cosine up
    sentence_threshold: float = 0.86
    # below this confidence the answer is "not found" (the candidates are still listed)
    threshold: float = 0.5
    # runner-ups reported with the answer
    runner_ups: int = 4

    def __post_init__(self) -> None:
        bounds: dict[str, tuple[float, float]] = {
            "window_days": (0, 366),
            "min_interval": (0.0, 600.0),
            "max_sitemaps": (0, 1000),
            "max_feeds": (0, 100),
            "max_cdx_rows": (0, 150_000),
            "max_mementos": (0, 50),
            "keep_after_keywords": (1, 100_000),
            "read_max": (0, 100_000),
            "read_batch": (1, 100_000),
            "keep_after_text": (1, 100_000),
            "fetch_top": (0, 100),
            "fetch_max": (0, 1000),
            "sure_coverage": (0.0, 1.0),
            "sentence_threshold": (0.0, 1.0),
            "threshold": (0.0, 1.0),
            "runner_ups": (0, 100),
        }
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "listings":
                unknown = [v for v in value if v not in LISTINGS]
                if not isinstance(value, tuple) or unknown:
                    raise ConfigError(
                        f"discovery listings must be among {', '.join(LISTINGS)}, not {unknown or value!r}"
                    )
                continue
            low, high = bounds[f.name]
            if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
                raise ConfigError(f"discovery setting {f.name!r} must be a number, not {value!r}")
            if not low <= value <= high:
                raise ConfigError(f"discovery setting {f.name!r} must be between {low:g} and {high:g}, not {value!r}")


LISTINGS = ("sitemaps", "feeds", "wayback", "archive.today")


@dataclass
class Candidate:
    """A page of the outlet that might be the original.

    ``source`` is what retrieval is given to fetch it (the URL, or ``wayback:URL@TS`` for a page
    only the Wayback index knows). ``via`` names the listings it was found in. Scores are filled
    in stage by stage; None means the stage did not look at it.
    """

    url: str
    source: str
    title: str | None = None
    lead: str | None = None
    published: date | None = None
    language: str | None = None
    via: list[str] = field(default_factory=list)
    keyword_score: float | None = None
    text_score: float | None = None
    similarity: float | None = None
    coverage: float | None = None
    score: float = 0.0
    note: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "source": self.source,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "language": self.language,
            "via": list(self.via),
            "keyword_score": _round(self.keyword_score),
            "text_score": _round(self.text_score),
            "similarity": _round(self.similarity),
            "coverage": _round(self.coverage),
            "score": round(self.score, 3),
            "note": self.note,
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


@dataclass
class Discovery:
    """What discovery concluded for one passage.

    ``original`` is None when nothing reached the threshold ("not found"); ``candidates`` then
    still lists the best ones looked at, best first. ``notes`` say what could not be read
    (a listing that failed, pages robots.txt closed) so a reader knows what was not searched.
    """

    outlet_id: str
    original: Candidate | None
    confidence: float
    runner_ups: list[Candidate]
    candidates_seen: int
    window: tuple[date, date] | None
    notes: list[str] = field(default_factory=list)

    @property
    def found(self) -> bool:
        return self.original is not None

    def to_json(self) -> dict[str, Any]:
        return {
            "outlet": self.outlet_id,
            "found": self.found,
            "confidence": round(self.confidence, 3),
            "original": self.original.to_json() if self.original else None,
            "runner_ups": [c.to_json() for c in self.runner_ups],
            "candidates_seen": self.candidates_seen,
            "window": [d.isoformat() for d in self.window] if self.window else None,
            "notes": list(self.notes),
        }
