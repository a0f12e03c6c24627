"""The pre-publication gate and waivers."""

from __future__ import annotations

from pathlib import Path

import pytest

from provenance.errors import ConfigError, UsageError
from provenance.gate import exit_code, failing
from provenance.model import (
    Document,
    DriftSubtype,
    Finding,
    FindingKind,
    Passage,
    PassageResult,
    Report,
    Severity,
    SideRef,
    Span,
)
from provenance.waivers import Waivers


def _finding(severity: Severity, fid: str) -> Finding:
    return Finding(
        kind=FindingKind.DRIFT,
        subtype=DriftSubtype.HEDGE,
        severity=severity,
        confidence=0.9,
        derivative=SideRef("x"),
        original=SideRef("y"),
        explanation="",
        detector="test",
        id=fid,
    )


def _report(*findings: Finding) -> Report:
    doc = Document(source="a.md", format="markdown", text="text")
    passage = Passage("P1", "text", Span(0, 4), "inline", None, "Bild", "de", "According to Bild")
    return Report("sig", doc, [PassageResult(passage, "checked", findings=list(findings))], "now")


def test_gate_counts_findings_at_or_above_the_threshold() -> None:
    report = _report(_finding(Severity.MINOR, "F1"), _finding(Severity.MAJOR, "F2"))
    assert failing(report, "minor") == 2
    assert failing(report, "major") == 1
    assert failing(report, "critical") == 0
    assert failing(report, "never") == 0


def test_exit_code_is_1_only_when_something_fails() -> None:
    assert exit_code([_report(_finding(Severity.CRITICAL, "F1"))], "major") == 1
    assert exit_code([_report(_finding(Severity.MINOR, "F1"))], "major") == 0
    assert exit_code([_report()], "minor") == 0


def test_unknown_threshold_is_a_usage_error() -> None:
    with pytest.raises(UsageError):
        failing(_report(), "severe")


def test_waived_findings_show_but_do_not_fail_the_gate(tmp_path: Path) -> None:
    waivers = Waivers.load(tmp_path / "w.toml")
    waivers.add("F00000000001", "house style for headlines")
    waivers.save()
    loaded = Waivers.load(tmp_path / "w.toml")
    finding = _finding(Severity.CRITICAL, "F00000000001")
    loaded.apply(finding)
    report = _report(finding)
    assert finding.waived and finding.waiver_reason == "house style for headlines"
    assert failing(report, "minor") == 0
    assert report.summary()["waived"] == 1


def test_waiver_reasons_with_quotes_survive_the_round_trip(tmp_path: Path) -> None:
    waivers = Waivers.load(tmp_path / "w.toml")
    reason = 'Desk renders "soll" as \'reportedly\'\\ok'
    waivers.add("F00000000002", reason)
    waivers.save()
    assert Waivers.load(tmp_path / "w.toml").entries["F00000000002"].reason == reason


def test_a_waiver_needs_a_finding_id_and_a_reason(tmp_path: Path) -> None:
    waivers = Waivers.load(tmp_path / "w.toml")
    with pytest.raises(UsageError, match="finding id"):
        waivers.add("hello", "because")
    with pytest.raises(UsageError, match="reason"):
        waivers.add("F00000000003", "  ")


def test_a_broken_waiver_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "w.toml"
    path.write_text("[[waiver]]\nid = 'F1'\n")
    with pytest.raises(ConfigError, match="needs an 'id' and a 'reason'"):
        Waivers.load(path)
    path.write_text("[[waiver]\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        Waivers.load(path)


def test_unverified_passages_fail_the_gate_only_when_asked() -> None:
    report = _report()
    report.results[0].status = "unverified"
    assert exit_code([report], "major") == 0
    assert exit_code([report], "major", fail_on_unverified=True) == 1
