"""Translation memories: TMX, TSV (source<TAB>target) and XLIFF 1.2 / 2.0.

A translation desk's memory often holds a human translation of the very article being quoted;
using it means the comparison sees what a professional wrote, not machine output. Segments
match exactly (after normalising whitespace, quotation marks and Unicode form) or fuzzily
(rapidfuzz ratio at or above the threshold, default 92, and only when both sides contain the
same numbers, so "fünf Regionen" never borrows the translation of "vier Regionen"). A
translation says which file it came from: ``memory:desk.tmx`` (``... (fuzzy 95)`` for fuzzy hits).

Languages come from the TMX / XLIFF headers; a TSV's come from its name (``desk.de-en.tsv``)
or, when the name does not say, the TSV serves whatever pair is asked for.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from provenance.errors import TranslationError
from provenance.model import Translation
from provenance.translate.base import norm_lang

_QUOTES = str.maketrans({c: '"' for c in "„“”«»‟″〞〝＂"} | {c: "'" for c in "‚‘’‹›‛′`´"})
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# inline elements whose content is markup of the original format, not text
_CODE_ELEMENTS = {"bpt", "ept", "ph", "it", "ut", "bx", "ex", "x", "sc", "ec", "sm", "em"}


def normalise(text: str) -> str:
    """The form exact matching compares: NFC, straight quotes, single spaces, no outer space."""
    text = unicodedata.normalize("NFC", text).translate(_QUOTES)
    text = text.replace("\u00ad", "")  # soft hyphens
    return " ".join(text.split())


def _numbers(text: str) -> tuple[str, ...]:
    return tuple(re.sub(r"[.,]", "", n) for n in _NUMBER.findall(text))


@dataclass
class MemoryFile:
    path: Path
    name: str
    # (source_lang, target_lang) -> pairs; None langs: the TSV serves any pair
    pairs: dict[tuple[str | None, str | None], dict[str, str]]
    digest: str


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _segment_text(elem: object) -> str:
    """Text of a <seg>/<source>/<target>, skipping inline code elements but keeping their tails."""
    parts: list[str] = []

    def walk(e: object) -> None:
        if getattr(e, "text", None):
            parts.append(e.text)  # type: ignore[attr-defined]
        for child in e:  # type: ignore[attr-defined]
            if _local(child.tag) not in _CODE_ELEMENTS:
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(elem)
    return "".join(parts)


def _xml_root(path: Path) -> object:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    try:
        return etree.parse(str(path), parser).getroot()
    except (etree.XMLSyntaxError, OSError) as exc:
        raise TranslationError(f"cannot read translation memory {path.name}: {exc}") from None


_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _add(pairs: dict, src: str | None, tgt: str | None, source: str, target: str) -> None:
    s, t = normalise(source), target.strip()
    if s and t:
        pairs.setdefault((src, tgt), {}).setdefault(s, t)
        if src is not None and tgt is not None:  # a human pair serves both directions
            pairs.setdefault((tgt, src), {}).setdefault(normalise(target), source.strip())


def _read_tmx(path: Path) -> dict:
    root = _xml_root(path)
    pairs: dict = {}
    header = next((e for e in root if _local(e.tag) == "header"), None)  # type: ignore[attr-defined]
    default_src = header.get("srclang") if header is not None else None
    for tu in root.iter():  # type: ignore[attr-defined]
        if _local(tu.tag) != "tu":
            continue
        tuvs: list[tuple[str, str]] = []
        for tuv in tu:
            if _local(tuv.tag) != "tuv":
                continue
            lang = tuv.get(_XML_LANG) or tuv.get("lang")
            seg = next((e for e in tuv if _local(e.tag) == "seg"), None)
            if lang and seg is not None:
                tuvs.append((norm_lang(lang), _segment_text(seg)))
        src_lang = tu.get("srclang") or default_src
        src_lang = norm_lang(src_lang) if src_lang and src_lang != "*all*" else None
        for la, a in tuvs:
            for lb, b in tuvs:
                if la != lb and (src_lang is None or la == src_lang or lb == src_lang):
                    _add(pairs, la, lb, a, b)
    return pairs


def _read_xliff(path: Path) -> dict:
    root = _xml_root(path)
    pairs: dict = {}
    version = root.get("version", "")  # type: ignore[attr-defined]
    if version.startswith("2"):
        src = root.get("srcLang")  # type: ignore[attr-defined]
        tgt = root.get("trgLang")  # type: ignore[attr-defined]
        src_l, tgt_l = (norm_lang(src) if src else None), (norm_lang(tgt) if tgt else None)
        for seg in root.iter():  # type: ignore[attr-defined]
            if _local(seg.tag) not in {"segment"}:
                continue
            s = next((e for e in seg if _local(e.tag) == "source"), None)
            t = next((e for e in seg if _local(e.tag) == "target"), None)
            if s is not None and t is not None:
                _add(pairs, src_l, tgt_l, _segment_text(s), _segment_text(t))
        return pairs
    for file_el in root.iter():  # type: ignore[attr-defined]
        if _local(file_el.tag) != "file":
            continue
        src, tgt = file_el.get("source-language"), file_el.get("target-language")
        src_l, tgt_l = (norm_lang(src) if src else None), (norm_lang(tgt) if tgt else None)
        for unit in file_el.iter():
            if _local(unit.tag) != "trans-unit":
                continue
            s = next((e for e in unit if _local(e.tag) == "source"), None)
            t = next((e for e in unit if _local(e.tag) == "target"), None)
            if s is not None and t is not None:
                _add(pairs, src_l, tgt_l, _segment_text(s), _segment_text(t))
    return pairs


_TSV_LANGS = re.compile(r"\.([a-z]{2,3})[-_]([a-z]{2,3})\.[^.]+$", re.I)


def _read_tsv(path: Path) -> dict:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise TranslationError(f"cannot read translation memory {path.name}: {exc}") from None
    m = _TSV_LANGS.search(path.name)
    src_l, tgt_l = (norm_lang(m.group(1)), norm_lang(m.group(2))) if m else (None, None)
    pairs: dict = {}
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if "\t" not in line:
            raise TranslationError(f"{path.name}:{lineno}: a TSV memory line needs source<TAB>target")
        source, target = line.split("\t", 2)[:2]
        _add(pairs, src_l, tgt_l, source, target)
    return pairs


def load_memory(path: Path) -> MemoryFile:
    path = Path(path)
    if not path.is_file():
        raise TranslationError(f"translation memory not found: {path}")
    suffix = path.suffix.lower()
    if suffix == ".tmx":
        pairs = _read_tmx(path)
    elif suffix in {".xlf", ".xliff", ".sdlxliff", ".mqxliff"}:
        pairs = _read_xliff(path)
    elif suffix in {".tsv", ".tab", ".txt"}:
        pairs = _read_tsv(path)
    else:
        raise TranslationError(f"unknown translation memory format {path.name}", hint="use .tmx, .tsv or .xlf")
    if not pairs:
        raise TranslationError(f"translation memory {path.name} holds no translated segments")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    return MemoryFile(path, path.name, pairs, digest)


_Hit = tuple[str, str, float]  # translation, memory file name, score (100 = exact)
_COVER_MIN_CHARS = 12  # memory segments shorter than this are too common to place inside a longer text
_COVERED_SHARE = 0.95  # segments found in a text must cover this share of its characters to translate it


class TranslationMemory:
    """One or more memory files; ``lookup`` answers exact and fuzzy hits, ``None`` otherwise."""

    def __init__(self, paths: Iterable[Path], *, threshold: float = 92.0) -> None:
        self.files = [load_memory(Path(p)) for p in paths]
        if not self.files:
            raise TranslationError("no translation memory given")
        self.threshold = threshold
        self.name = "+".join(f"memory:{f.name}" for f in self.files)
        self.version = "+".join(f"{f.name}#{f.digest}" for f in self.files) + f"@fuzzy{threshold:g}"
        self._choices: dict[tuple[int, str, str], tuple[list[str], list[str]]] = {}

    def _tables(self, index: int, src: str, tgt: str) -> dict[str, str]:
        pairs = self.files[index].pairs
        merged: dict[str, str] = {}
        for key in ((src, tgt), (None, None)):
            for s, t in pairs.get(key, {}).items():
                merged.setdefault(s, t)
        return merged

    def _fuzzy(self, index: int, src: str, tgt: str, query: str) -> tuple[str, float] | None:
        from rapidfuzz import fuzz, process

        key = (index, src, tgt)
        if key not in self._choices:
            table = self._tables(index, src, tgt)
            self._choices[key] = (list(table), list(table.values()))
        sources, targets = self._choices[key]
        if not sources:
            return None
        wanted = _numbers(query)
        best: tuple[str, float] | None = None
        for candidate, score, pos in process.extract(
            query, sources, scorer=fuzz.ratio, score_cutoff=self.threshold, limit=5
        ):
            if _numbers(candidate) == wanted and (best is None or score > best[1]):
                best = (targets[pos], float(score))
        return best

    def _one(self, text: str, src: str, tgt: str, tables: list[dict[str, str]]) -> _Hit | None:
        """(translation, file name, fuzzy score or 100) for one segment."""
        query = normalise(text)
        if not query:
            return None
        for i, table in enumerate(tables):
            if query in table:
                return table[query], self.files[i].name, 100.0
        for i in range(len(self.files)):
            found = self._fuzzy(i, src, tgt, query)
            if found is not None:
                return found[0], self.files[i].name, found[1]
        return None

    def _by_sentence(self, text: str, src: str, tgt: str, tables: list[dict[str, str]]) -> _Hit | None:
        """A paragraph the memory holds sentence by sentence: every sentence must hit."""
        from provenance.translate.base import sentence_pieces

        pieces = sentence_pieces(text.strip())
        if len(pieces) < 2:
            return None
        parts: list[str] = []
        names: list[str] = []
        score = 100.0
        for sentence, sep in pieces:
            got = self._one(sentence, src, tgt, tables)
            if got is None:
                return None
            parts.append(got[0] + (" " if sep and "\n" not in sep else sep))
            names.append(got[1])
            score = min(score, got[2])
        return "".join(parts).rstrip(), "+".join(dict.fromkeys(names)), score

    def _by_cover(self, text: str, tables: list[dict[str, str]]) -> _Hit | None:
        """A stretch the memory holds as several segments that our sentence splitter did not split ("640 mln zł.
        Nowa fabryka ...": an abbreviation at a sentence end): the segments it contains, in order, covering it."""
        query = normalise(text)
        found: list[tuple[int, int, str, str]] = []  # start, end, translation, file name
        for i, table in enumerate(tables):
            for source, target in table.items():
                if len(source) >= _COVER_MIN_CHARS and (at := query.find(source)) >= 0:
                    found.append((at, at + len(source), target, self.files[i].name))
        chosen: list[tuple[int, int, str, str]] = []
        for hit in sorted(found, key=lambda h: (h[0], -(h[1] - h[0]))):
            if not chosen or hit[0] >= chosen[-1][1]:
                chosen.append(hit)
        if len(chosen) < 2:
            return None
        covered = sum(len(query[a:b].replace(" ", "")) for a, b, _, _ in chosen)
        if covered < _COVERED_SHARE * len(query.replace(" ", "")):
            return None
        names = "+".join(dict.fromkeys(h[3] for h in chosen))
        return " ".join(h[2] for h in chosen), names, 100.0

    def lookup(self, texts: Sequence[str], source_lang: str, target_lang: str) -> list[Translation | None]:
        src, tgt = norm_lang(source_lang), norm_lang(target_lang)
        tables = [self._tables(i, src, tgt) for i in range(len(self.files))]
        out: list[Translation | None] = []
        for text in texts:
            got = (self._one(text, src, tgt, tables) or self._by_sentence(text, src, tgt, tables)
                   or self._by_cover(text, tables))
            if got is None:
                out.append(None)
                continue
            translation, file_name, score = got
            name = f"memory:{file_name}" + (f" (fuzzy {score:.0f})" if score < 100 else "")
            out.append(Translation(text, translation, source_lang, target_lang, name))
        return out

    def __len__(self) -> int:
        return sum(len(t) for f in self.files for t in f.pairs.values())
