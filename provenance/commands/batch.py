"""``provenance compare --jsonl``: records in, one JSON result line per record out."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

from provenance.compare.batch import compare_record, parse_line
from provenance.config import Config
from provenance.embed import Embedder, get_embedder
from provenance.errors import InputError
from provenance.report.sanitize import json_safe


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
            record = compare_record(rec, config=config, embedder=embedder, derivative_lang=derivative_lang)
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
