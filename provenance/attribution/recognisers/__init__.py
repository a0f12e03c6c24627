"""One recogniser per construction. Each reads the article index, and proposes passages with their evidence
to the ledger it is given; the resolver decides the order they run in and settles what they propose."""

from provenance.attribution.recognisers import (
    blockquotes,
    closing_lines,
    headlines,
    inline,
    links,
    quote_credits,
    source_details,
    structural,
)

__all__ = [
    "blockquotes",
    "closing_lines",
    "headlines",
    "inline",
    "links",
    "quote_credits",
    "source_details",
    "structural",
]
