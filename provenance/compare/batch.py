"""Batch comparison (``provenance compare --jsonl``): one JSON object per line in, one out.

Input lines: ``{"id", "source", "source_lang", "derivative", "translation"?, "derivative_lang"?}``.
Output lines: ``{"id", "verdict", "findings": [...]}``. Bad lines (not JSON, missing or non-string
fields, an empty source or derivative) raise InputError naming the line; a record whose language is unknown
gets ``{"id", "error"}`` instead, so a batch is not lost to one record.
"""

from __future__ import annotations

import json
from typing import Any

from provenance.compare import compare_texts, verdict
from provenance.config import Config
from provenance.errors import InputError
from provenance.languages import LanguageError, iso639_1

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
                   derivative_lang: str = "en") -> dict[str, Any]:
    try:
        source_lang = iso639_1(rec["source_lang"])
        target_lang = iso639_1(rec.get("derivative_lang") or derivative_lang)
    except LanguageError as exc:
        return {"id": rec["id"], "error": str(exc)}
    findings = compare_texts(
        rec["source"], rec["derivative"], source_lang=source_lang, derivative_lang=target_lang,
        translation=rec.get("translation"), config=config, embedder=embedder,
    )
    return {"id": rec["id"], "verdict": verdict(findings), "findings": [f.to_json() for f in findings]}
