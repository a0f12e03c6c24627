"""The JSON report: ``Report.to_json()`` with a fixed key order, validated by docs/report.schema.json."""

from __future__ import annotations

import json
import re
from typing import Any

from provenance.model import Report
from provenance.report.sanitize import json_safe


def _sorted_free_dicts(value: Any) -> Any:
    """Sort the keys of free-form dicts (settings, evidence) so output does not depend on insertion order."""
    if isinstance(value, dict):
        return {k: _sorted_free_dicts(value[k]) for k in sorted(value, key=str)}
    if isinstance(value, list | tuple):
        return [_sorted_free_dicts(v) for v in value]
    return value


def report_to_json(report: Report) -> dict[str, Any]:
    """The report as plain JSON values (the ``provenance.report/1`` contract; see docs/report-format.md)."""
    data = report.to_json()
    data["settings"] = _sorted_free_dicts(data.get("settings") or {})
    for passage in data["passages"]:
        for finding in passage["findings"]:
            if "evidence" in finding:
                finding["evidence"] = _sorted_free_dicts(finding["evidence"])
    return data


# A list of numbers spread over lines by json.dumps(indent=...). Newlines inside JSON strings are always
# escaped, so a raw newline can only be layout and this never touches text.
_NUMBER_LIST = re.compile(r"\[\n\s*(-?[0-9][0-9.eE+-]*(?:,\n\s*-?[0-9][0-9.eE+-]*)*)\n\s*\]")


def render_json(report: Report) -> str:
    """Pretty-printed, UTF-8 (not ASCII-escaped), newline-terminated; spans and index lists on one line.

    Text is kept exactly; DEL, C1 and bidi controls are written as ``\\uXXXX`` escapes (report/sanitize.py).
    """
    text = json.dumps(report_to_json(report), indent=2, ensure_ascii=False, default=str)
    text = _NUMBER_LIST.sub(lambda m: "[" + re.sub(r",\n\s*", ", ", m.group(1)) + "]", text)
    return json_safe(text) + "\n"
