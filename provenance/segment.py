"""Sentence splitting and language identification.

``split_sentences`` is rule based and fast: a candidate boundary is sentence-final punctuation
(``.``, ``!``, ``?``, ``…``) followed by whitespace; closing quotation marks and brackets right after
the punctuation stay with the sentence (``„Er kam.“``, ``« Non. »``). A candidate is rejected when
the next word starts in lower case, after a known abbreviation of the language (lists in
``data/abbreviations.toml``), after an initial or one-letter abbreviation part (``J. Smith``,
``z. B.``), and, in languages that write ordinals with a full stop (German, Polish), after an
ordinal number or Roman numeral (``am 15. August``, ``1. FC Köln``, ``Carl XVI. Gustaf``) unless a
typical sentence opener follows. A closing mark followed by a comma continues the sentence
(``« Pourquoi ? », demanda-t-il``); a piece without letters (a stray ``"``, ``[...]``) joins the
sentence before it. Colons and semicolons are never boundaries; blank lines always are and start a
new paragraph.

``ArticleSentences`` splits an article's paragraphs once, in one language, for every stage that reads them: the
finder's index, the extent of a passage and the passage's own sentences (its paragraphs' sentences clipped to it).

``detect_language`` uses py3langid restricted to the supported languages and answers None when
the text is too short or the classifier is unsure.
"""

from __future__ import annotations

import io
import re
import tomllib
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from provenance.db import atomic_write
from provenance.model import Paragraph, Sentence, Span

if TYPE_CHECKING:
    import numpy as np

SUPPORTED_LANGUAGES: tuple[str, ...] = ("de", "en", "fr", "es", "it", "ru", "uk", "pl", "pt", "nl")
# languages that mark ordinals with a full stop ("15. August")
_ORDINAL_DOT = {"de", "pl"}
# languages that capitalise nouns: a capital after "etc." proves no sentence start there
_NOUNS_CAPITALISED = {"de"}

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0]*\n\s*")
# end punctuation, then closing marks glued to it (French » may follow after a (thin) space)
_CANDIDATE = re.compile(r"[.!?…]+(?:[ \u00a0\u202f]?[»›])?[\"'”“’»›)\]]*(?=\s|$)")
_OPENING = "\"'“”„‚‘«»‹›([{¿¡-–—*"
_TOKEN_STRIP = "\"'“”„‚‘«»‹›([{"
_WORD = re.compile(r"[^\W\d_][\w'’-]*|\d+")

_ROMAN = re.compile(r"(?=[IVXLC]{2,}$)C{0,3}(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")
# a closing mark after the punctuation and a space, then a comma etc.: the sentence goes on
_CONTINUES = re.compile(r"\s*[»›”\"'’)\]]+\s*[,;:)\]]")

_MIN_LETTERS = 12
_MIN_CONFIDENCE = 0.6
#: A "sentence" longer than this (a single-line page, a list without full stops, a hostile run) is cut into
#: pieces of at most this many characters, at the last space before the limit where there is one: no real
#: sentence is that long, and every later stage (embedding, word diffs) costs more than linear in it.
MAX_SENTENCE_CHARS = 2000
# the cache dir that holds the uncompressed language-identification model (the CLI's, set for its command)
_MODEL_DIR: ContextVar[Path | None] = ContextVar("provenance_language_model", default=None)


@dataclass(frozen=True)
class _Rules:
    abbreviations: frozenset[str]
    abbreviations_cased: frozenset[str]
    terminal: frozenset[str]
    terminal_after_number: frozenset[str]
    before_number: frozenset[str]
    ordinal_context: frozenset[str]
    openers: frozenset[str]


def _norm(entry: str) -> str:
    return entry.replace(" ", "").rstrip(".")


@cache
def _data() -> dict[str, dict[str, list[str]]]:
    raw = resources.files("provenance").joinpath("data", "abbreviations.toml").read_text(encoding="utf-8")
    return tomllib.loads(raw)


@cache
def _rules(lang: str | None) -> _Rules:
    data = _data()
    sections = [data.get("common", {})]
    if lang in data:
        sections.append(data[lang])
    elif lang is None:
        # unknown language: only abbreviations, no terminal/ordinal rules that could over-split
        sections += [{"abbreviations": v.get("abbreviations", [])} for k, v in data.items() if k != "common"]

    def collect(key: str) -> set[str]:
        return {_norm(e) for s in sections for e in s.get(key, [])}

    abbrs = collect("abbreviations")
    return _Rules(
        abbreviations=frozenset(a for a in abbrs if a == a.lower()),
        abbreviations_cased=frozenset(a for a in abbrs if a != a.lower()),
        terminal=frozenset(collect("terminal")),
        terminal_after_number=frozenset(collect("terminal_after_number")),
        before_number=frozenset(collect("before_number")),
        ordinal_context=frozenset(collect("ordinal_context")),
        openers=frozenset(collect("openers")),
    )


def _preceding_tokens(para: str, pos: int) -> list[str]:
    """The last (up to three) whitespace tokens before ``pos``, nearest last, opening marks removed."""
    head = para[max(0, pos - 40) : pos]
    tokens = head.split()
    if head and head[-1].isspace():
        return []
    return [t.lstrip(_TOKEN_STRIP) for t in tokens[-3:]]


def _next_word(para: str, pos: int) -> str:
    """The word starting after ``pos`` (whitespace and opening marks skipped), or ''."""
    i = pos
    while i < len(para) and (para[i].isspace() or para[i] in _OPENING):
        i += 1
    m = _WORD.match(para, i)
    if m:
        return m.group(0)
    return para[i : i + 1]


def _is_boundary(para: str, match: re.Match[str], lang: str | None, rules: _Rules) -> bool:
    if _CONTINUES.match(para, match.end()):
        return False
    nxt = _next_word(para, match.end())
    if not nxt:
        return True  # end of paragraph
    first = nxt[0]
    if first.islower():
        return False
    punct = match.group(0)
    if not punct.startswith(".") or punct.startswith(".."):
        return True  # ! ? and ellipses: the capital decides
    tokens = _preceding_tokens(para, match.start())
    if not tokens:
        return True
    word = tokens[-1]
    # multi-token abbreviations ("z. B", "p. ex", "до н. э") are matched with their spaces removed
    candidates = [word]
    for k in range(2, len(tokens) + 1):
        if all(t.endswith(".") for t in tokens[-k:-1]):
            candidates.append("".join(tokens[-k:]))
    lowered = [c.lower() for c in candidates]
    german_like = lang in _ORDINAL_DOT
    if word.lower() in rules.terminal_after_number:
        previous = tokens[-2] if len(tokens) > 1 else ""
        year = previous.isdigit() and len(previous) <= 4  # "2020 г." yes, "350000, г. Краснодар" no
        return year and (not german_like or nxt.lower() in rules.openers)
    if any(c in rules.terminal for c in lowered):
        if lang in _NOUNS_CAPITALISED:
            return nxt.lower() in rules.openers
        return True
    if any(c in rules.abbreviations for c in lowered) or any(c in rules.abbreviations_cased for c in candidates):
        return False
    if any(c in rules.before_number for c in lowered) and first.isdigit():
        return False
    letters = word.replace(".", "")
    if len(letters) == 1 and letters.isalpha():
        return False  # an initial ("J. Smith") or part of an abbreviation ("z. B.")
    parts = word.rstrip(".").split(".")
    if len(parts) > 1 and all(len(p) <= 2 and p.isalpha() for p in parts) and any(len(p) == 1 for p in parts):
        # dotted abbreviation not in the lists ("U.S", "e.V", "i.d.R"); a domain name ("E1.RU", "NV.ua") is no
        # abbreviation: an outlet named by it often ends a sentence ("..., a resident told E1.RU.")
        return False
    if german_like and (word.lstrip("(").isdigit() and len(word.lstrip("(")) <= 3 or _ROMAN.fullmatch(word)):
        # "am 15. August", "(71. Minute)", "Carl XVI. Gustaf": a number with a full stop is an
        # ordinal unless a typical sentence opener follows
        nl = nxt.lower()
        return nl in rules.openers and nl not in rules.ordinal_context
    return True


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """start and end moved inward past whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(
    text: str, lang: str | None = None, *, offset: int = 0, max_chars: int = MAX_SENTENCE_CHARS
) -> list[Sentence]:
    """Split ``text`` into sentences; spans index ``text`` shifted by ``offset``.

    ``lang`` (ISO 639-1) selects the abbreviation rules; None detects it from the text.
    ``Sentence.paragraph`` counts the blank-line separated blocks of ``text`` from 0.
    Sentences longer than ``max_chars`` are cut into pieces of at most that length.
    """
    if lang is None:
        lang = detect_language(text)
    lang = lang.lower().split("-")[0] if lang else None
    rules = _rules(lang if lang in SUPPORTED_LANGUAGES else None)
    sentences: list[Sentence] = []
    for p_index, (p_start, p_end) in enumerate(_paragraphs(text)):
        para = text[p_start:p_end]
        start = 0
        for m in _CANDIDATE.finditer(para):
            if m.end() <= start:
                continue
            if _is_boundary(para, m, lang, rules):
                for s, e in _pieces(para, start, m.end(), max_chars):
                    sentences.append(_sentence(len(sentences), text, p_start + s, p_start + e, offset, p_index))
                start = m.end()
        for s, e in _pieces(para, start, len(para), max_chars):
            sentences.append(_sentence(len(sentences), text, p_start + s, p_start + e, offset, p_index))
    return _attach_fragments(sentences, text, offset, max_chars)


def _pieces(para: str, start: int, end: int, max_chars: int) -> list[tuple[int, int]]:
    """The trimmed sentence ``para[start:end]`` as (start, end) pieces of at most ``max_chars`` characters."""
    start, end = trim_span(para, start, end)
    out: list[tuple[int, int]] = []
    while end - start > max_chars:
        cut = para.rfind(" ", start + max_chars // 2, start + max_chars + 1)
        cut = cut if cut > start else start + max_chars
        s, e = trim_span(para, start, cut)
        if e > s:
            out.append((s, e))
        start, end = trim_span(para, cut, end)
    if end > start:
        out.append((start, end))
    return out


def _attach_fragments(sentences: list[Sentence], text: str, offset: int, max_chars: int) -> list[Sentence]:
    """A piece without letters or digits (a stray closing quote, "[...]") joins the sentence before it."""
    out: list[Sentence] = []
    for s in sentences:
        if (out and out[-1].paragraph == s.paragraph and not any(ch.isalnum() for ch in s.text)
                and s.span.end - out[-1].span.start <= max_chars):
            prev = out[-1]
            start, end = prev.span.start, s.span.end
            out[-1] = Sentence(prev.index, text[start - offset : end - offset], Span(start, end), prev.paragraph)
        else:
            out.append(Sentence(len(out), s.text, s.span, s.paragraph))
    return out


def _sentence(index: int, text: str, start: int, end: int, offset: int, paragraph: int) -> Sentence:
    return Sentence(index=index, text=text[start:end], span=Span(start + offset, end + offset), paragraph=paragraph)


@dataclass(frozen=True)
class ArticleSentences:
    """The sentences of an article's paragraphs, split once in ``language`` (None: each paragraph in the language
    detected for it), with spans into ``text``; ``sentences[i]`` are those of ``paragraphs[i]``."""

    text: str
    language: str | None
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[tuple[Sentence, ...], ...]

    @classmethod
    def split(cls, text: str, paragraphs: Sequence[Paragraph], language: str | None) -> ArticleSentences:
        out = []
        for p in paragraphs:
            start, end = trim_span(text, p.span.start, p.span.end)
            out.append(tuple(split_sentences(text[start:end], language, offset=start)) if end > start else ())
        return cls(text, language, tuple(paragraphs), tuple(out))

    def by_paragraph(self) -> Iterator[tuple[Paragraph, tuple[Sentence, ...]]]:
        return zip(self.paragraphs, self.sentences, strict=True)

    def overlapping(self, span: Span) -> list[tuple[Paragraph, tuple[Sentence, ...]]]:
        """The paragraphs ``span`` overlaps, each with its sentences."""
        return [(p, sentences) for p, sentences in self.by_paragraph() if p.span.overlaps(span)]

    def within(self, span: Span) -> list[Sentence]:
        """The sentences of the paragraphs ``span`` overlaps, clipped to it, numbered from 0, ``paragraph`` counting
        those paragraphs from 0: what splitting the text of ``span`` gives, without splitting it again. (A boundary
        needs the words around it, and a passage may start or end inside a sentence: on the 1,722 passages of the
        942 development articles, and 7,600 extents grown from them, the two gave the same sentences.)"""
        out: list[Sentence] = []
        k = -1
        for _, sentences in self.overlapping(span):
            edges = [trim_span(self.text, max(s.span.start, span.start), min(s.span.end, span.end)) for s in sentences]
            clipped = [(start, end) for start, end in edges if end > start]
            k += bool(clipped)  # a paragraph counts where the span holds some of its text, as in split_sentences
            out += [Sentence(len(out) + i, self.text[a:b], Span(a, b), k) for i, (a, b) in enumerate(clipped)]
        return out


@contextmanager
def language_model_in(cache_dir: Path) -> Iterator[None]:
    """Inside the block, py3langid's model is read from (and kept at first use in) ``cache_dir``."""
    token = _MODEL_DIR.set(cache_dir)
    try:
        yield
    finally:
        _MODEL_DIR.reset(token)


def _model_path(cache_dir: Path) -> Path:
    """The model restricted to SUPPORTED_LANGUAGES, uncompressed, named by the size and date of the shipped file."""
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    st = (MODEL_DIR / MODEL_FILE).stat()
    return cache_dir / "langid" / f"model-{st.st_size}-{st.st_mtime_ns}-{'-'.join(SUPPORTED_LANGUAGES)}.npz"


def _shipped():  # type: ignore[no-untyped-def]
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages(list(SUPPORTED_LANGUAGES))
    return ident


def _typed(values: np.ndarray) -> memoryview:
    """The unsigned integers of ``values`` as py3langid indexes its tables (a Python int per item, as from the
    ``array`` it builds), read in place: no copy of the 39 MB table (0.02 s)."""
    return memoryview(values).cast("B").cast({2: "H", 4: "I", 8: "L"}[values.dtype.itemsize])


def _write_model(ident, path: Path) -> None:  # type: ignore[no-untyped-def]
    import numpy as np

    buffer = io.BytesIO()
    np.savez(buffer, ptc=ident.nb_ptc, pc=ident.nb_pc, classes=np.array(ident.nb_classes),
             nextmove=np.frombuffer(ident.tk_nextmove, dtype=f"u{ident.tk_nextmove.itemsize}"),
             row=np.frombuffer(ident.tk_row, dtype=f"u{ident.tk_row.itemsize}"),
             output=np.array(ident.tk_output, dtype=np.int32))
    atomic_write(path, buffer.getvalue())


def _read_model(path: Path):  # type: ignore[no-untyped-def]
    import numpy as np
    from py3langid.langid import LanguageIdentifier

    with np.load(path, allow_pickle=False) as data:
        return LanguageIdentifier(data["ptc"], data["pc"], data["classes"].tolist(), _typed(data["nextmove"]),
                                  data["output"].tolist(), norm_probs=True, tk_row=_typed(data["row"]))


def keep_language_model(cache_dir: Path) -> None:
    """Write the uncompressed copy of py3langid's model under ``cache_dir`` unless it is there (set-up runs this)."""
    path = _model_path(cache_dir)
    if not path.is_file():
        _write_model(_shipped(), path)


@cache
def _identifier():  # type: ignore[no-untyped-def]
    """py3langid restricted to SUPPORTED_LANGUAGES. Its model ships LZMA-compressed (0.6 s to read, the most of
    language identification in a check): with a cache dir current the same arrays are read uncompressed from it,
    written there at first use (the arrays set_languages makes, memory order included, so every score is the same)."""
    cache_dir = _MODEL_DIR.get()
    if cache_dir is None:
        return _shipped()
    path = _model_path(cache_dir)
    if path.is_file():
        try:
            return _read_model(path)
        except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile):  # a damaged copy is written again
            pass
    ident = _shipped()
    with suppress(OSError):  # a read-only cache dir costs time, not results
        _write_model(ident, path)
    return ident


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text`` among SUPPORTED_LANGUAGES, or None when too short or unsure."""
    if sum(ch.isalpha() for ch in text[:2000]) < _MIN_LETTERS:
        return None
    lang, prob = _identifier().classify(text[:5000])
    return str(lang) if prob >= _MIN_CONFIDENCE else None
