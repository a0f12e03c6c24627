"""The signature that names everything deciding a result (sacrebleu-style).

``provenance:VERSION|translator:NAME|embed:MODEL|align:VERSION|extract:NAME-VERSION``
"""

from __future__ import annotations

from provenance import __version__


def build_signature(*, translator: str, embed: str, align: str, extract: str) -> str:
    parts = [
        ("provenance", __version__),
        ("translator", translator or "none"),
        ("embed", embed or "none"),
        ("align", align or "none"),
        ("extract", extract or "none"),
    ]
    return "|".join(f"{k}:{v}" for k, v in parts)
