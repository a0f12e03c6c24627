"""Finding the original when the article does not link it.

Between attribution and retrieval: for a passage credited to a known outlet, list the outlet's
pages from its sitemaps, feeds, the Wayback CDX index and archive.today (listings.py, through the
polite and guarded fetcher.py), rank them cheapest-first by date, keywords, cross-lingual title
similarity and finally how much of the passage the page holds (rank.py), and return the best with
a confidence and its runner-ups, or "not found" below the threshold (core.py).
"""

from __future__ import annotations

from .core import DiscoverOptions, date_window, discover_original, discovered_sources
from .fetcher import PoliteFetcher, RobotsRefusal
from .model import Candidate, Discovery, DiscoverySettings
from .search import SearchProvider

__all__ = [
    "Candidate",
    "DiscoverOptions",
    "Discovery",
    "DiscoverySettings",
    "PoliteFetcher",
    "RobotsRefusal",
    "SearchProvider",
    "date_window",
    "discover_original",
    "discovered_sources",
]
