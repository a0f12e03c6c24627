"""The pre-publication gate: findings at or above a threshold fail the check."""

from __future__ import annotations

from collections.abc import Iterable

from provenance.errors import UsageError
from provenance.model import Report, Severity

THRESHOLDS = ("minor", "major", "critical", "never")


def failing(report: Report, fail_on: str) -> int:
    """How many non-waived findings are at or above ``fail_on`` ("never" -> always 0)."""
    if fail_on not in THRESHOLDS:
        raise UsageError(f"--fail-on must be one of {', '.join(THRESHOLDS)}, not {fail_on!r}")
    if fail_on == "never":
        return 0
    bar = Severity(fail_on).rank
    return sum(1 for f in report.findings() if not f.waived and f.severity.rank >= bar)


def unverified(report: Report) -> int:
    """How many passages could not be compared with an original."""
    return sum(1 for r in report.results if r.status == "unverified")


def exit_code(reports: Iterable[Report], fail_on: str, *, fail_on_unverified: bool = False) -> int:
    """0 when nothing is at or above the threshold (and, if asked, every passage was verified), 1 otherwise."""
    return (
        1
        if any(failing(r, fail_on) or (fail_on_unverified and unverified(r)) for r in reports)
        else 0
    )
