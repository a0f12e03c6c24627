"""``provenance compare --jsonl``: records in, one JSON result line per record out.

Input lines: ``{"id", "source", "source_lang", "derivative", "translation"?, "derivative_lang"?}``.
Output lines: ``{"id", "verdict", "findings": [...]}``. Bad lines (not JSON, missing or non-string
fields, an empty source or derivative) raise InputError naming the line; a record whose language is unknown
gets ``{"id", "error"}`` instead, so a batch is not lost to one record.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from provenance.compare import verdict
from provenance.config import Config
from provenance.embed import Embedder, get_embedder
from provenance.errors import InputError
from provenance.lang.resources import Resources
from provenance.languages import LanguageError, iso639_1
from provenance.pairs import compare_texts
from provenance.report.sanitize import json_safe

REQUIRED = ("id", "source", "source_lang", "derivative")


def parse_line(line: str, lineno: int, *, name: str = "input") -> dict[str, Any] | None:
    """The record on one input line, None for a blank line."""
    if not line.strip():
        return None
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{name} line {lineno}: not valid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(rec, dict):
        raise InputError(f"{name} line {lineno}: expected a JSON object, got {type(rec).__name__}")
    missing = [k for k in REQUIRED if k not in rec]
    if missing:
        raise InputError(f"{name} line {lineno}: missing field(s) {', '.join(missing)}")
    for key in ("source", "source_lang", "derivative", "translation", "derivative_lang"):
        if key in rec and rec[key] is not None and not isinstance(rec[key], str):
            raise InputError(f"{name} line {lineno}: field {key!r} must be a string")
    for key in ("source", "derivative"):
        if not rec[key].strip():
            # an empty derivative must never come out "faithful"
            raise InputError(f"{name} line {lineno}: field {key!r} is empty: there is nothing to compare")
    return rec


def compare_record(rec: dict[str, Any], *, config: Config | None = None, embedder: Any = None,
                   derivative_lang: str = "en", resources: Resources | None = None) -> dict[str, Any]:
    try:
        source_lang = iso639_1(rec["source_lang"])
        target_lang = iso639_1(rec.get("derivative_lang") or derivative_lang)
    except LanguageError as exc:
        return {"id": rec["id"], "error": str(exc)}
    findings = compare_texts(
        rec["source"], rec["derivative"], source_lang=source_lang, derivative_lang=target_lang,
        translation=rec.get("translation"), config=config, embedder=embedder, resources=resources,
    )
    return {"id": rec["id"], "verdict": verdict(findings), "findings": [f.to_json() for f in findings]}


def compare_jsonl(
    config: Config, path: Path, output: Path | None, derivative_lang: str, *, emit: Callable[[str], None]
) -> None:
    """Stream records through the comparison; bad lines stop the run with their line number.

    Result lines go to ``output``, else to ``emit``. A record naming an unknown language gets an error
    object in the output and the run goes on; InputError is raised after the last line.
    """
    name = "<stdin>" if str(path) == "-" else str(path)
    try:
        fh = sys.stdin if str(path) == "-" else path.open(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read {name}: {exc.strerror}") from None
    out = output.open("w", encoding="utf-8") if output else None
    bar = None
    if config.progress and sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(unit="pair", file=sys.stderr, desc="compare")
    embedder: Embedder | None = None
    # one set of resources for the whole batch: its word vectors stay in memory and its cache open between pairs
    resources = Resources.from_config(config)
    refused: list[int] = []
    try:
        for lineno, line in enumerate(fh, 1):
            rec = parse_line(line, lineno, name=name)
            if rec is None:
                continue
            needs_embedder = config.thorough or (
                rec.get("translation") is None and ("\n" in rec["source"] or ". " in rec["source"]))
            if embedder is None and needs_embedder:
                embedder = get_embedder(config)  # shared across lines: loaded once, cached
            record = compare_record(rec, config=config, embedder=embedder, derivative_lang=derivative_lang,
                                    resources=resources)
            if "error" in record:
                refused.append(lineno)
            result = json_safe(json.dumps(record, ensure_ascii=False))
            if out is not None:
                out.write(result + "\n")
            else:
                emit(result)
            if bar is not None:
                bar.update(1)
    except UnicodeDecodeError:
        raise InputError(f"{name} is not UTF-8 text") from None
    finally:
        if bar is not None:
            bar.close()
        if out is not None:
            out.close()
        if fh is not sys.stdin:
            fh.close()
    if refused:
        lines = ", ".join(map(str, refused[:10])) + (", ..." if len(refused) > 10 else "")
        raise InputError(f"{name}: {len(refused)} record(s) refused (line {lines}); see their \"error\" fields")
