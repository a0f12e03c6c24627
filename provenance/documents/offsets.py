"""The offset-carrying string every document parser rewrites, and the normalisation of its text.

The mapping is carried through every rewriting step as an integer array (``Mapped.offs``): each step
is a regex substitution that copies untouched stretches and maps inserted text to the position of
what it replaced. That keeps a 5 MB article well under the two-second budget.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np

Piece = str | tuple[int, int]  # inserted text, or a range of the current text to copy


@dataclass
class Mapped:
    """A string plus ``offs``: input offset of every char, and one more entry for the end."""

    text: str
    offs: np.ndarray

    @classmethod
    def identity(cls, text: str) -> Mapped:
        return cls(text, np.arange(len(text) + 1, dtype=np.int64))

    def sub(self, pattern: re.Pattern[str], func: Callable[[re.Match[str]], Iterable[Piece] | None]) -> Mapped:
        """Rewrite each match by ``func`` (None keeps it); inserted text maps to the match start."""
        builder = Builder()
        pos = 0
        for m in pattern.finditer(self.text):
            pieces = func(m)
            if pieces is None:
                continue
            start, end = m.span()
            if start > pos:
                builder.copy(self.text, pos, start)
            for piece in pieces:
                if isinstance(piece, str):
                    builder.insert(piece, start)
                else:
                    builder.copy(self.text, piece[0], piece[1])
            pos = end
        if not builder.parts:
            return self
        if pos < len(self.text):
            builder.copy(self.text, pos, len(self.text))
        return builder.build(self.offs, end=len(self.text))

    def replace_all(self, pattern: re.Pattern[str], replacement: str) -> Mapped:
        return self.sub(pattern, lambda m: None if m.group() == replacement else (replacement,))

    def strip(self) -> Mapped:
        start = len(self.text) - len(self.text.lstrip())
        end = len(self.text.rstrip())
        if start == 0 and end == len(self.text):
            return self
        end = max(end, start)
        return Mapped(self.text[start:end], np.append(self.offs[start:end], self.offs[end]))


class Builder:
    """Collects text plus index segments into a source offset array; ``build`` does one gather."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.starts: list[int] = []
        self.lengths: list[int] = []
        self.steps: list[int] = []
        self.size = 0

    def copy(self, text: str, start: int, end: int) -> None:
        if end > start:
            self.parts.append(text[start:end])
            self._segment(start, end - start, 1)

    def copy_text(self, chunk: str, start: int) -> None:
        """``chunk`` whose chars sit at consecutive source positions from ``start``."""
        if chunk:
            self.parts.append(chunk)
            self._segment(start, len(chunk), 1)

    def insert(self, chunk: str, at: int) -> None:
        if chunk:
            self.parts.append(chunk)
            self._segment(at, len(chunk), 0)

    def _segment(self, start: int, length: int, step: int) -> None:
        self.starts.append(start)
        self.lengths.append(length)
        self.steps.append(step)
        self.size += length

    def indices(self, end: int) -> np.ndarray:
        lengths = np.asarray(self.lengths, dtype=np.int64)
        starts = np.asarray(self.starts, dtype=np.int64)
        firsts = np.cumsum(lengths) - lengths
        # treat every segment as a copy (one big repeat), then overwrite the few inserted chars
        idx = np.arange(self.size, dtype=np.int64) + np.repeat(starts - firsts, lengths)
        inserted = np.asarray(self.steps, dtype=np.int8) == 0
        if inserted.any():
            ins_len = lengths[inserted]
            ins_first = firsts[inserted]
            within = np.arange(int(ins_len.sum()), dtype=np.int64) - np.repeat(np.cumsum(ins_len) - ins_len, ins_len)
            idx[np.repeat(ins_first, ins_len) + within] = np.repeat(starts[inserted], ins_len)
        return np.append(idx, end)

    def build(self, source_offs: np.ndarray | None, *, end: int) -> Mapped:
        idx = self.indices(end)
        offs = idx if source_offs is None else source_offs[idx]
        return Mapped("".join(self.parts), offs)


_HWS = "[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]"
NEWLINES = re.compile("\r\n?|[\u2028\x0b\x0c\x85]")
_PARA_SEP = re.compile("\u2029")
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad]+")
_COMBINING = re.compile("[^\u0300-\u036f][\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")
# a run of horizontal whitespace that is not already one plain space (starts with a class: fast scan)
_SPACES = re.compile(f"{_HWS}(?:(?<! )|(?={_HWS})){_HWS}*")
# only newline runs that need a change: a space before or after, or more than one blank line
_LINE_BREAKS = re.compile(r" \n[ \n]*|\n [ \n]*|\n\n[ \n]+")


def _nfc(m: Mapped) -> Mapped:
    if unicodedata.is_normalized("NFC", m.text):
        return m
    # compose base + combining marks as a unit: the result maps to the base character
    m = m.sub(_COMBINING, lambda x: (unicodedata.normalize("NFC", x.group()),))
    if unicodedata.is_normalized("NFC", m.text):
        return m
    # rare leftovers (singletons such as U+212B ANGSTROM SIGN): char by char
    return m.sub(
        re.compile(r"[^\x00-\u02ff]"),
        lambda x: None if unicodedata.is_normalized("NFC", x.group()) else (unicodedata.normalize("NFC", x.group()),),
    )


def normalise(m: Mapped) -> Mapped:
    """NFC, ``\\n`` newlines, single spaces, no spaces around newlines, blank lines as ``\\n\\n``."""
    m = m.replace_all(NEWLINES, "\n")
    m = m.replace_all(_PARA_SEP, "\n\n")
    m = m.sub(_INVISIBLE, lambda _x: ())
    m = _nfc(m)
    m = m.replace_all(_SPACES, " ")

    def breaks(x: re.Match[str]) -> tuple[str] | None:
        want = "\n\n" if x.group().count("\n") >= 2 else "\n"
        return None if x.group() == want else (want,)

    m = m.sub(_LINE_BREAKS, breaks)
    return m.strip()
