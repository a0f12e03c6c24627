"""Waivers: findings a reviewer accepted, so the pre-publication gate stops failing on them.

A waiver file is TOML (default ``.provenance-waivers.toml`` in the working directory)::

    [[waiver]]
    id = "F3a9c0d12e4b7"
    reason = "Desk style: we render 'soll' as 'reportedly' in headlines"
    created = "2026-11-25T14:03:00+00:00"

Waived findings still appear in every report, marked as waived, but do not count for the gate.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from provenance.db import atomic_write
from provenance.errors import ConfigError, UsageError
from provenance.model import Finding

DEFAULT_WAIVER_FILE = Path(".provenance-waivers.toml")


@dataclass
class Waiver:
    id: str
    reason: str
    created: str


@dataclass
class Waivers:
    path: Path
    entries: dict[str, Waiver] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path | None) -> Waivers:
        path = path or DEFAULT_WAIVER_FILE
        if not path.exists():
            return cls(path)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"cannot read waiver file {path}: {exc}") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"waiver file {path} is not valid TOML: {exc}") from None
        items = data.get("waiver", [])
        if not isinstance(items, list):
            raise ConfigError(f"waiver file {path}: 'waiver' must be a list of [[waiver]] tables")
        entries: dict[str, Waiver] = {}
        for i, item in enumerate(items, 1):
            if not isinstance(item, dict) or not item.get("id") or not item.get("reason"):
                raise ConfigError(f"waiver #{i} in {path} needs an 'id' and a 'reason'")
            if not all(isinstance(item.get(k, ""), str) for k in ("id", "reason", "created")):
                raise ConfigError(f"waiver #{i} in {path}: 'id', 'reason' and 'created' must be strings")
            entries[item["id"]] = Waiver(item["id"], item["reason"], item.get("created", ""))
        return cls(path, entries)

    def add(self, finding_id: str, reason: str) -> Waiver:
        finding_id = finding_id.strip()
        if not finding_id.startswith("F") or len(finding_id) < 6:
            raise UsageError(f"{finding_id!r} does not look like a finding id (they start with 'F', see the report)")
        if not reason.strip():
            raise UsageError("a waiver needs a reason (--reason)")
        waiver = Waiver(finding_id, reason.strip(), datetime.now(UTC).isoformat(timespec="seconds"))
        self.entries[finding_id] = waiver
        return waiver

    def save(self) -> None:
        lines = ["# Findings accepted by a reviewer; written by `provenance waive`.", ""]
        for w in self.entries.values():
            # JSON string escapes are valid TOML basic strings.
            lines += ["[[waiver]]", f"id = {json.dumps(w.id)}", f"reason = {json.dumps(w.reason)}"]
            lines += [f"created = {json.dumps(w.created)}", ""]
        atomic_write(self.path, "\n".join(lines).encode("utf-8"))

    def apply(self, finding: Finding) -> None:
        waiver = self.entries.get(finding.id)
        if waiver:
            finding.waived = True
            finding.waiver_reason = waiver.reason
