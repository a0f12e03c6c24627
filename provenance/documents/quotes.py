"""Quotation marks: the spans a text puts in quotes, paired per paragraph, apostrophes told apart."""

from __future__ import annotations

import re

from provenance.model import QuoteSpan, Span

_PAIRS: dict[str, str] = {
    "\u201c": "\u201d\u201c",  # “…” (English) — “…“ seen in careless typing
    "\u201e": "\u201c\u201d",  # „…“ (German), „…” (Polish, Romanian, Dutch)
    "\u00ab": "\u00bb",  # «…» (French, Russian, Spanish, Italian)
    "\u00bb": "\u00ab",  # »…« (German books and magazines)
    "\u2039": "\u203a",  # ‹…›
    "\u203a": "\u2039",  # ›…‹
    "\u201a": "\u2018\u2019",  # ‚…‘ (German single)
    "\u2018": "\u2019",  # ‘…’
    '"': '"',
    "'": "'",
    "\u300c": "\u300d",  # 「…」
}
_OPENERS = frozenset(_PAIRS)
_CLOSERS = frozenset(c for closes in _PAIRS.values() for c in closes)
_QUOTE_CHARS = re.compile(
    # a single mark between two letters/digits is an apostrophe (don't, Putin's): never even look at it
    "[\"\u2018\u201a\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a\u300c\u300d]|['\u2019](?!(?<=[^\\W_]['\u2019])[^\\W_])|\n\n"
)
_OPEN_BEFORE = frozenset(" \n\t([{\u2014\u2013-/:;") | frozenset(_OPENERS)
_SINGLE = frozenset("'\u2019")
_GUILLEMETS = frozenset("\u00ab\u00bb\u2039\u203a")


def find_quotes(text: str) -> list[QuoteSpan]:
    """Spans in quotation marks, nested ones included, paired within a paragraph.

    Apostrophes are not quotes: a straight or curly single mark between two letters
    (don't, Putin's) is skipped, and a trailing one (the Russians' demand) only closes a
    single quote that is open. A mark opens when it stands before a word (after a space,
    bracket or dash) and closes the nearest open mark it pairs with.
    """
    out: list[QuoteSpan] = []
    stack: list[tuple[str, int]] = []
    n = len(text)
    pairs = _PAIRS
    for m in _QUOTE_CHARS.finditer(text):
        i = m.start()
        ch = text[i]
        if ch == "\n":
            stack.clear()
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < n else " "
        after_space = after.isspace()
        if ch in _GUILLEMETS:  # unambiguous marks; French spacing puts a space inside: « non »
            k = len(stack) - 1
            while k >= 0 and ch not in pairs[stack[k][0]]:
                k -= 1
            if k >= 0:
                style, start = stack[k]
                del stack[k:]
                a, b = start + 1, i
                while a < b and text[a].isspace():
                    a += 1
                while b > a and text[b - 1].isspace():
                    b -= 1
                if b > a:
                    out.append(QuoteSpan(span=Span(start, i + 1), inner=Span(a, b), style=style))
            else:
                stack.append((ch, i))
            continue
        left_flanking = not after_space and (i == 0 or before.isspace() or before in _OPEN_BEFORE)
        right_flanking = not before.isspace() and (after_space or not after.isalnum())
        if stack and ch in _CLOSERS and (right_flanking or not left_flanking):
            k = len(stack) - 1
            while k >= 0 and ch not in pairs[stack[k][0]]:
                k -= 1
            if k >= 0 and (right_flanking or ch not in _SINGLE):
                style, start = stack[k]
                del stack[k:]
                if i > start + (2 if style in "'\u2018\u201a" else 1):  # 'n' is not a quote
                    out.append(QuoteSpan(span=Span(start, i + 1), inner=Span(start + 1, i), style=style))
                continue
        if left_flanking and ch in _OPENERS and not (ch == "'" and before.isalnum()):
            stack.append((ch, i))
    out.sort(key=lambda q: (q.span.start, -q.span.end))
    return out
