"""The manifest of a corpus run: one JSON object per line naming an article and what to check it against.

``{"id": "a1", "article": "drafts/a1.md", "originals": ["orig/a1.html"], "memory": ["desk.tmx"]}``

Paths (the article, file and ``warc:`` originals, memories) are relative to the manifest's folder; URLs and
archive sources stay as written. A line that cannot be used becomes a ``LineError`` for that line only, so
one typo does not stop a corpus of thousands.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from provenance.documents import decode_utf8
from provenance.errors import InputError, ProvenanceError
from provenance.retrieve import parse_source

FIELDS = ("id", "article", "originals", "memory")
_URL = re.compile(r"(?i)^https?://")


@dataclass(frozen=True)
class ManifestItem:
    """One article to check; every path in it is already resolved against the manifest's folder."""

    line: int
    id: str
    article: str  # a path or an http(s) URL
    originals: tuple[str, ...] = ()
    memories: tuple[Path, ...] = ()
    # originals and memories as the manifest writes them: what a finished result depends on, so that a
    # corpus folder moved elsewhere keeps its results
    inputs: str = ""

    @property
    def is_url(self) -> bool:
        return bool(_URL.match(self.article))


@dataclass(frozen=True)
class LineError:
    """A manifest line that names no checkable article (bad JSON, missing field, duplicate id, ...)."""

    line: int
    id: str | None
    error: str


def read_manifest(path: Path) -> list[ManifestItem | LineError]:
    """Every non-blank line of the manifest as an item or as that line's error, in order.

    Only an unreadable manifest as a whole raises (InputError).
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read the manifest ({exc.strerror or exc})") from None
    try:
        text = decode_utf8(data)
    except UnicodeDecodeError:
        raise InputError(f"{path}: the manifest is not UTF-8 text") from None
    base = path.resolve().parent
    entries: list[ManifestItem | LineError] = []
    seen: set[str] = set()
    for lineno, raw in enumerate(text.splitlines(), 1):
        if not raw.strip():
            continue
        entry = parse_line(raw, lineno, base)
        if isinstance(entry, ManifestItem):
            if entry.id in seen:
                entry = LineError(lineno, entry.id, f"line {lineno}: duplicate id {entry.id!r}")
            else:
                seen.add(entry.id)
        entries.append(entry)
    return entries


def parse_line(raw: str, lineno: int, base: Path) -> ManifestItem | LineError:
    """One manifest line; ``base`` is the folder relative paths start from."""
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as exc:
        return LineError(lineno, None, f"line {lineno}: not JSON ({exc.msg})")
    if not isinstance(record, dict):
        return LineError(lineno, None, f"line {lineno}: expected a JSON object")
    ident = record.get("id")
    if not isinstance(ident, str) or not ident.strip():
        return LineError(lineno, None, f"line {lineno}: 'id' must be a non-empty string")
    try:
        unknown = sorted(set(record) - set(FIELDS))
        if unknown:
            raise InputError(f"unknown field {unknown[0]!r} (expected {', '.join(FIELDS)})")
        article = record.get("article")
        if not isinstance(article, str) or not article.strip():
            raise InputError("'article' must be a path or an http(s) URL")
        originals, memories = _strings(record, "originals"), _strings(record, "memory")
        return ManifestItem(
            line=lineno,
            id=ident,
            article=article if _URL.match(article) else str(_resolve(base, article)),
            originals=tuple(_original(base, src) for src in originals),
            memories=tuple(_memory(base, name) for name in memories),
            inputs=json.dumps([originals, memories], ensure_ascii=False),
        )
    except ProvenanceError as exc:
        return LineError(lineno, ident, f"line {lineno}: {exc}")


def _strings(record: dict[str, object], key: str) -> list[str]:
    value = record.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise InputError(f"{key!r} must be a list of non-empty strings")
    return value  # type: ignore[return-value]


def _resolve(base: Path, name: str) -> Path:
    path = Path(name).expanduser()
    return path if path.is_absolute() else base / path


def _original(base: Path, src: str) -> str:
    """File and WARC originals move to the manifest's folder; URLs and archive sources stay as they are."""
    spec = parse_source(src)
    if spec.kind == "file" and spec.path is not None:
        return str(_resolve(base, str(spec.path)))
    if spec.kind == "warc" and spec.path is not None:
        return f"warc:{_resolve(base, str(spec.path))}" + (f"#{spec.url}" if spec.url else "")
    return src


def _memory(base: Path, name: str) -> Path:
    path = _resolve(base, name)
    if not path.is_file():
        raise InputError(f"memory file {name!r} not found")
    return path
