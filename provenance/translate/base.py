"""The translator protocol, the identity translator, chunking and the chain (``registry.py`` builds them).

A translator turns a batch of segments into ``model.Translation`` objects, each naming who
translated it (``google``, ``memory:desk.tmx``, ``gloss:ding``, ``identity``). Some sources can
only answer for some segments (a translation memory, the cache): they implement ``lookup``
returning ``None`` for a miss, and ``ChainTranslator`` asks them in order until every segment
has an answer.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from typing import Protocol, runtime_checkable

from provenance.errors import TranslationError, TranslatorUnavailableError
from provenance.model import Translation

log = logging.getLogger("provenance.translate")

ONLINE_PROVIDERS = ("google", "mymemory", "libre", "microsoft", "deepl", "chatgpt")


@runtime_checkable
class Translator(Protocol):
    """Translates every segment it is given (or raises a ``TranslationError``)."""

    name: str
    version: str

    def translate(self, texts: Sequence[str], source_lang: str, target_lang: str) -> list[Translation]: ...


@runtime_checkable
class Lookup(Protocol):
    """Answers for the segments it knows and ``None`` for the rest (memories, the cache)."""

    name: str
    version: str

    def lookup(self, texts: Sequence[str], source_lang: str, target_lang: str) -> list[Translation | None]: ...


def norm_lang(code: str) -> str:
    """``de-DE`` / ``DE`` / ``de_AT`` -> ``de`` (primary subtag, lower case)."""
    return re.split(r"[-_]", code.strip())[0].lower()


class IdentityTranslator:
    """Same-language text: the translation is the text itself."""

    name = "identity"
    version = "1"

    def translate(self, texts: Sequence[str], source_lang: str, target_lang: str) -> list[Translation]:
        return [Translation(t, t, source_lang, target_lang, self.name) for t in texts]


# --------------------------------------------------------------------------- chunking

# A sentence ends at . ! ? or … (optionally followed by closing quotes/brackets) before whitespace.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'»«“”‘’)\]]*(\s+)")


def sentence_pieces(text: str) -> list[tuple[str, str]]:
    """Sentences of ``text`` with the whitespace that follows each."""
    out: list[tuple[str, str]] = []
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        out.append((text[pos : m.start(1)], m.group(1)))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], ""))
    return out


def _split_long(piece: str, limit: int) -> list[tuple[str, str]]:
    """A sentence longer than ``limit``: cut at spaces, or hard-cut a space-less run."""
    out: list[tuple[str, str]] = []
    current = ""
    for m in re.finditer(r"(\S+)(\s*)", piece):
        word, space = m.group(1), m.group(2)
        while len(word) > limit:  # one "word" longer than the limit (URLs, scripts without spaces)
            if current:
                out.append((current.rstrip(), current[len(current.rstrip()) :]))
                current = ""
            out.append((word[:limit], ""))
            word = word[limit:]
        if current and len(current.rstrip()) + len(current) - len(current.rstrip()) + len(word) > limit:
            out.append((current.rstrip(), current[len(current.rstrip()) :]))
            current = ""
        current += word + space
    if current:
        stripped = current.rstrip()
        out.append((stripped, current[len(stripped) :]))
    return out


def split_chunks(text: str, limit: int) -> tuple[str, list[tuple[str, str]]]:
    """Split ``text`` into chunks of at most ``limit`` characters on sentence boundaries.

    Returns ``(leading_whitespace, [(chunk, whitespace_after), ...])`` so that
    ``lead + "".join(c + w for c, w in chunks) == text``. Sentences are packed greedily; a
    chunk never spans a line break (paragraph structure survives translation), and a
    sentence longer than the limit is cut between words.
    """
    lead = text[: len(text) - len(text.lstrip())]
    body = text[len(lead) :]
    chunks: list[tuple[str, str]] = []
    current, current_sep = "", ""
    for sentence, sep in sentence_pieces(body):
        parts = [(sentence, sep)] if len(sentence) <= limit else _split_long(sentence, limit)
        if len(parts) > 1:
            parts[-1] = (parts[-1][0], parts[-1][1] + sep)
        for part, part_sep in parts:
            if current and len(current) + len(current_sep) + len(part) <= limit and "\n" not in current_sep:
                current += current_sep + part
            else:
                if current:
                    chunks.append((current, current_sep))
                current = part
            current_sep = part_sep
    if current:
        chunks.append((current, current_sep))
    return lead, chunks


# --------------------------------------------------------------------------- the chain


class ChainTranslator:
    """Ask each step in turn for the segments still untranslated.

    Steps that cannot work here (offline, no key, unsupported pair, quota) are skipped with a
    logged warning; if segments remain at the end, the error names every step's reason.
    """

    def __init__(self, steps: Sequence[Translator | Lookup], *, name: str = "auto") -> None:
        self.steps = list(steps)
        self.name = name
        self.version = ">".join(_describe(s) for s in self.steps) or "none"

    def translate_partial(
        self, texts: Sequence[str], source_lang: str, target_lang: str
    ) -> tuple[list[Translation | None], list[str]]:
        """Best effort: a translation or None per segment, plus why steps were skipped."""
        results: list[Translation | None] = [None] * len(texts)
        reasons: list[str] = []
        for step in self.steps:
            pending = [i for i, r in enumerate(results) if r is None]
            if not pending:
                break
            batch = [texts[i] for i in pending]
            try:
                if isinstance(step, Lookup):
                    got: Sequence[Translation | None] = step.lookup(batch, source_lang, target_lang)
                else:
                    got = step.translate(batch, source_lang, target_lang)
            except TranslationError as exc:
                log.warning("translator %s skipped: %s", step.name, exc)
                reasons.append(f"{step.name}: {exc}")
                continue
            for i, t in zip(pending, got, strict=True):
                results[i] = t
        return results, reasons

    def translate(self, texts: Sequence[str], source_lang: str, target_lang: str) -> list[Translation]:
        results, reasons = self.translate_partial(texts, source_lang, target_lang)
        missing = sum(r is None for r in results)
        if missing:
            from provenance.translate.http import OFFLINE_HINT

            why = "; ".join(reasons) if reasons else "no step had them"
            raise TranslatorUnavailableError(
                f"no translator could translate {missing} of {len(texts)} segments "
                f"({source_lang}->{target_lang}; tried {self.version}): {why}",
                hint=OFFLINE_HINT,
            )
        return [r for r in results if r is not None]


def _describe(step: object) -> str:
    name = getattr(step, "name", type(step).__name__)
    version = getattr(step, "version", "")
    return f"{name}@{version}" if version else name


class SameLanguage:
    """Routes same-language requests to identity and everything else to ``inner``."""

    def __init__(self, inner: Translator) -> None:
        self.inner = inner
        self.name = inner.name
        self.version = inner.version
        self.identity = IdentityTranslator()

    def translate(self, texts: Sequence[str], source_lang: str, target_lang: str) -> list[Translation]:
        if norm_lang(source_lang) == norm_lang(target_lang):
            return self.identity.translate(texts, source_lang, target_lang)
        return self.inner.translate(texts, source_lang, target_lang)

    def translate_partial(
        self, texts: Sequence[str], source_lang: str, target_lang: str
    ) -> list[Translation | None]:
        """Like ``translate`` but a segment nobody could translate is ``None`` instead of an error."""
        if norm_lang(source_lang) == norm_lang(target_lang):
            return list(self.identity.translate(texts, source_lang, target_lang))
        if isinstance(self.inner, ChainTranslator):
            return self.inner.translate_partial(texts, source_lang, target_lang)[0]
        if isinstance(self.inner, Lookup):
            return self.inner.lookup(texts, source_lang, target_lang)
        try:
            return list(self.inner.translate(texts, source_lang, target_lang))
        except TranslationError as exc:
            log.warning("translator %s failed: %s", self.name, exc)
            return [None] * len(texts)


class Unavailable:
    """A chain step that could not be set up; translating with it raises the original reason."""

    def __init__(self, name: str, error: TranslationError) -> None:
        self.name = name
        self.version = "unavailable"
        self.error = error

    def translate(self, texts: Sequence[str], source_lang: str, target_lang: str) -> list[Translation]:
        raise self.error


class MemoryTranslator:
    """``--translator memory``: every segment must be in the memory (exactly or fuzzily)."""

    def __init__(self, memory: Lookup) -> None:
        self.memory = memory
        self.name = memory.name
        self.version = memory.version

    def lookup(self, texts: Sequence[str], source_lang: str, target_lang: str) -> list[Translation | None]:
        return self.memory.lookup(texts, source_lang, target_lang)

    def translate(self, texts: Sequence[str], source_lang: str, target_lang: str) -> list[Translation]:
        got = self.memory.lookup(texts, source_lang, target_lang)
        missing = [t for t, g in zip(texts, got, strict=True) if g is None]
        if missing:
            sample = missing[0] if len(missing[0]) <= 60 else missing[0][:57] + "..."
            raise TranslationError(
                f"{len(missing)} of {len(texts)} segments are not in {self.name} ({source_lang}->{target_lang}), "
                f"e.g. {sample!r}",
                hint="use --translator auto to fall back to other translators",
            )
        return [g for g in got if g is not None]
