"""Neutralising control and bidi characters from articles and pages before anyone sees them.

Article and page text is attacker-controlled. Printed raw, an ESC starts terminal escape sequences
(OSC 52 writes the clipboard, OSC 8 makes hidden links, CSI moves the cursor over what was printed),
a CR overwrites a line, and bidi controls (U+202A-U+202E, U+2066-U+2069, U+200E/U+200F, U+061C)
reorder what a reviewer reads so that the text shown is not the text compared.

What each output does:

- text, Markdown, HTML (and the CLI's plain-text printing): ``neutralise`` replaces every such
  character with a visible stand-in: C0 controls with their Control Pictures (ESC -> ``␛``), DEL
  with ``␡``, C1 controls and bidi controls with ``⟨U+202E⟩``. Newline and tab are kept. The
  reviewer sees that something was there; nothing is interpreted. Right-to-left text still shows
  right to left (the Unicode algorithm does not need the controls); only explicit overrides are lost.
- JSON: the text is kept exactly (it is data, and spans index it); ``json_safe`` makes the encoded
  document carry DEL, C1 and bidi controls as ``\\uXXXX`` escapes (the encoder already escapes C0),
  so the JSON itself is plain and harmless on a terminal and parses back to the same strings.
"""

from __future__ import annotations

import re

#: Bidi embedding/override/isolate controls and the implicit marks (LRM, RLM, ALM).
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"

_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{BIDI_CONTROLS}]")
# in json.dumps(ensure_ascii=False) output; C0 controls are escaped by the encoder already
_JSON_UNSAFE = re.compile(f"[\x7f-\x9f{BIDI_CONTROLS}\u2028\u2029]")


def _stand_in(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # Control Pictures block: U+241B is ␛
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"⟨U+{code:04X}⟩"


def neutralise(text: str) -> str:
    """``text`` with control characters (but newline and tab) and bidi controls made visible and inert."""
    return _UNSAFE.sub(_stand_in, text)


def json_safe(encoded: str) -> str:
    """JSON text from ``json.dumps(..., ensure_ascii=False)`` with DEL, C1, bidi and line separators escaped.

    Outside strings JSON text holds only ASCII punctuation, digits and literals, so every match is
    inside a string, where ``\\uXXXX`` stands for the same character: the parsed value is unchanged.
    """
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", encoded)


__all__ = ["BIDI_CONTROLS", "json_safe", "neutralise"]
