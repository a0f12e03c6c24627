"""The extension point for a search engine (none is built in).

A provider answers a query (the passage's keywords in the outlet's language, restricted to the
outlet's domains and the date window) with candidate pages. Keys and accounts are the provider's
business: it is constructed by the caller with whatever it needs and handed to
``discover_original(..., search=provider)``; discovery never reads a key itself. Its candidates
join the listings' before ranking, so they pass the same date, keyword, similarity and coverage
stages, and are fetched through the same guard, limits and robots.txt checks.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Protocol

from .model import Candidate


class SearchProvider(Protocol):
    name: str

    def search(
        self, query: str, *, domains: Sequence[str], window: tuple[date, date] | None, limit: int
    ) -> list[Candidate]: ...
