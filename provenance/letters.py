"""Letters without their marks: the one way the package strips diacritics, so that "Olsztyńska" is "Olsztynska" and
"Zürich" "Zurich" alike for the finder's outlet names, the word checks' folding, the aligner's anchors and the CLDR
name table (each adds its own rules on top: case, apostrophes, scripts)."""

from __future__ import annotations

import unicodedata


def strip_marks(text: str) -> str:
    """``text`` decomposed (NFKD) without its combining marks: "ń" is "n", "ü" "u"; letters that do not decompose
    ("ł", "ø", "ß") and other scripts stay as they are."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
