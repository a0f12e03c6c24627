"""The results file of a corpus run: JSON lines appended one whole line at a time, and read back to resume.

Every line is written with a single ``write`` to a file opened for appending, then flushed and fsync'ed,
so a killed run leaves at most one half-written last line. Opening the file again cuts that line off
(it is redone), and the finished items are known by ``(id, article_sha256, settings)``.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from provenance.errors import InputError

#: Columns of the summary table (results.csv / results.parquet).
SUMMARY_COLUMNS = ("id", "status", "exit", "worst", "findings", "passages", "article_sha256", "error")

Key = tuple[str, str, str]


def record_key(record: dict[str, Any]) -> Key | None:
    """What identifies a finished result; None for error records and foreign lines."""
    if record.get("status") != "ok":
        return None
    parts = (record.get("id"), record.get("article_sha256"), record.get("settings"))
    return parts if all(isinstance(p, str) for p in parts) else None  # type: ignore[return-value]


def encode(record: dict[str, Any]) -> str:
    """One record as one line of JSON (no newline inside; DEL, C1 and bidi controls escaped)."""
    from provenance.report.sanitize import json_safe

    return json_safe(json.dumps(record, ensure_ascii=False, separators=(",", ":"))) + "\n"


def summary_row(record: dict[str, Any]) -> dict[str, Any]:
    report = record.get("report") or {}
    passages = (report.get("summary") or {}).get("passages")
    row = {name: record.get(name) for name in SUMMARY_COLUMNS}
    row["passages"] = passages
    return row


class ResultLog:
    """An append-only JSONL file of results; ``finished`` holds the summary rows of the complete ok lines."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.finished: dict[Key, dict[str, Any]] = {}
        self.dropped_partial = False  # a half-written last line was cut off
        try:
            self._load()
            self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        except OSError as exc:
            raise InputError(f"{path}: cannot write the results ({exc.strerror or exc})") from None

    def _load(self) -> None:
        if not self.path.exists():
            return
        data = self.path.read_bytes()
        end = data.rfind(b"\n") + 1
        if end < len(data):
            # the last line was being written when the run stopped: drop it so the item is checked again
            with self.path.open("r+b") as fh:
                fh.truncate(end)
                os.fsync(fh.fileno())
            self.dropped_partial = True
        for raw in data[:end].splitlines():
            try:
                record = json.loads(raw)
            except (json.JSONDecodeError, UnicodeDecodeError):
                continue
            key = record_key(record) if isinstance(record, dict) else None
            if key is not None:
                self.finished[key] = summary_row(record)

    def append(self, record: dict[str, Any]) -> None:
        data = encode(record).encode("utf-8")
        try:
            view = memoryview(data)
            while view:  # a regular file takes it in one write; a short write is finished, never interleaved
                view = view[os.write(self._fd, view) :]
            os.fsync(self._fd)
        except OSError as exc:
            raise InputError(f"{self.path}: cannot write the results ({exc.strerror or exc})") from None
        key = record_key(record)
        if key is not None:
            self.finished[key] = summary_row(record)

    def close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def __enter__(self) -> ResultLog:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


@dataclass(frozen=True)
class SummaryFiles:
    written: list[Path]
    note: str | None  # why a table was not written


def write_summary(rows: Iterable[dict[str, Any]], jsonl: Path) -> SummaryFiles:
    """results.csv next to the JSONL, and results.parquet when pyarrow is installed."""
    from provenance.db import atomic_write

    rows = list(rows)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=SUMMARY_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    csv_path = jsonl.with_suffix(".csv")
    atomic_write(csv_path, buffer.getvalue().encode("utf-8"))
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        return SummaryFiles([csv_path], "pyarrow is not installed: no Parquet table written")
    parquet_path = jsonl.with_suffix(".parquet")
    table = pa.Table.from_pylist(rows, schema=pa.schema([
        ("id", pa.string()), ("status", pa.string()), ("exit", pa.int8()), ("worst", pa.string()),
        ("findings", pa.int32()), ("passages", pa.int32()), ("article_sha256", pa.string()), ("error", pa.string()),
    ]))
    sink = io.BytesIO()
    pq.write_table(table, sink)
    atomic_write(parquet_path, sink.getvalue())
    return SummaryFiles([csv_path, parquet_path], None)
