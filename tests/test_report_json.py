"""The JSON report: the provenance.report/1 contract, validated by docs/report.schema.json."""

from __future__ import annotations

import copy
import json

import pytest

from provenance.model import REPORT_SCHEMA, Finding, Report
from provenance.report import render
from provenance.report.json import report_to_json
from tests.report_fixtures import assert_valid_report, fixture_report, hostile_report


def test_fixture_report_matches_the_schema() -> None:
    assert_valid_report(report_to_json(fixture_report()))
    assert_valid_report(render(hostile_report(), "json"))


def test_top_level_keys_follow_the_design_contract() -> None:
    data = report_to_json(fixture_report())
    assert list(data)[:2] == ["schema", "signature"]
    assert data["schema"] == REPORT_SCHEMA
    assert data["signature"].startswith("provenance:")
    assert {"derivative", "passages", "summary"} <= set(data)


def test_passages_carry_text_span_outlet_and_snapshot_provenance() -> None:
    report = fixture_report()
    data = report_to_json(report)
    p1 = data["passages"][0]
    assert {"id", "outlet", "language", "span", "text", "original", "beads", "findings"} <= set(p1)
    assert p1["span"] == [report.results[0].passage.span.start, report.results[0].passage.span.end]
    original = p1["original"]
    assert original["archive"] == "wayback"
    assert original["archive_timestamp"] == "20250810071522"
    assert len(original["sha256"]) == 64
    assert {"source", "url", "fetched_at"} <= set(original)
    assert original["translators"] == ["google", "memory:desk.tmx"]
    assert data["passages"][2]["status"] == "unverified" and data["passages"][2]["original"] is None


def test_findings_name_both_sides_and_the_translation_used() -> None:
    data = report_to_json(fixture_report())
    findings = [f for p in data["passages"] for f in p["findings"]]
    assert {f["kind"] for f in findings} == {"drift", "addition", "omission", "unlocated"}
    assert {f["subtype"] for f in findings if f["kind"] == "drift"} == {
        "entity", "number", "negation", "hedge", "intensity", "quotation", "meaning"
    }
    for f in findings:
        assert f["id"].startswith("F")
        if f["original"] is not None:
            assert "translation" in f["original"]  # always named, null when there was none
    waived = [f for f in findings if f.get("waived")]
    assert len(waived) == 1 and waived[0]["waiver_reason"]


def test_summary_excludes_waived_findings() -> None:
    summary = report_to_json(fixture_report())["summary"]
    assert summary["by_severity"] == {"minor": 1, "major": 5, "critical": 4}
    assert summary["waived"] == 1
    assert summary["worst"] == "critical"


def test_json_round_trips_findings() -> None:
    report = fixture_report()
    data = json.loads(render(report, "json"))
    for result, passage in zip(report.results, data["passages"], strict=True):
        assert [Finding.from_json(f) for f in passage["findings"]] == result.findings


def test_output_is_deterministic_and_keeps_non_ascii_text() -> None:
    a = fixture_report()
    b = fixture_report()
    b.settings = dict(reversed(list(b.settings.items())))
    assert render(a, "json") == render(b, "json")
    assert "Saporischschja" in render(a, "json") and "\\u00fc" not in render(a, "json")


def test_an_empty_report_is_valid() -> None:
    report = fixture_report()
    empty = Report(report.signature, report.document, [], report.created_at)
    data = report_to_json(empty)
    assert_valid_report(data)
    assert data["summary"]["worst"] is None


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("schema",), "provenance.report/2"),
        (("passages", 0, "findings", 0, "severity"), "huge"),
        (("passages", 0, "findings", 0, "kind"), "typo"),
        (("passages", 0, "status"), "fine"),
        (("passages", 0, "span"), [1]),
        (("summary", "worst"), "catastrophic"),
    ],
)
def test_the_schema_rejects_broken_reports(path: tuple, value: object) -> None:
    data = copy.deepcopy(report_to_json(fixture_report()))
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(AssertionError, match="does not match"):
        assert_valid_report(data)


def test_unknown_format_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown report format"):
        render(fixture_report(), "pdf")


def test_spans_stay_on_one_line_and_the_text_parses_back() -> None:
    report = fixture_report()
    text = render(report, "json")
    p1 = report.results[0].passage
    assert f'"span": [{p1.span.start}, {p1.span.end}]' in text
    assert json.loads(text) == report_to_json(report)
