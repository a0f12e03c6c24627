"""The stage-boundary dataclasses and their JSON form."""

from __future__ import annotations

import pytest

from provenance.model import (
    Bead,
    DriftSubtype,
    Finding,
    FindingKind,
    Severity,
    SideRef,
    Span,
)


def test_span_rejects_negative_and_inverted_ranges() -> None:
    with pytest.raises(ValueError):
        Span(5, 2)
    with pytest.raises(ValueError):
        Span(-1, 2)


def test_span_slices_and_overlaps() -> None:
    text = "According to BILD, Putin"
    span = Span(13, 17)
    assert span.slice(text) == "BILD"
    assert span.overlaps(Span(15, 30)) and not span.overlaps(Span(17, 20))
    assert Span(0, 30).contains(span)


def test_severity_orders_minor_below_major_below_critical() -> None:
    assert Severity.MINOR.rank < Severity.MAJOR.rank < Severity.CRITICAL.rank
    assert Severity.parse("MAJOR") is Severity.MAJOR
    with pytest.raises(ValueError, match="unknown severity"):
        Severity.parse("huge")


def test_finding_round_trips_through_json_and_has_a_stable_id() -> None:
    finding = Finding(
        kind=FindingKind.DRIFT,
        subtype=DriftSubtype.HEDGE,
        severity=Severity.MAJOR,
        confidence=0.91,
        derivative=SideRef("Witkoff misunderstood", Span(0, 21)),
        original=SideRef("Witkoff soll missverstanden haben", Span(3, 36), "Witkoff is said to have", "memory"),
        explanation="The original reports a claim ('soll'); the translation states it as fact.",
        detector="hedge",
    )
    finding.id = finding.stable_id("P1")
    again = Finding.from_json(finding.to_json())
    assert again == finding
    assert again.stable_id("P1") == finding.id
    assert finding.stable_id("P2") != finding.id


def test_bead_gold_format_puts_the_source_side_first() -> None:
    bead = Bead(derivative=(4,), original=(2, 3))
    assert bead.gold_format() == "[2,3]:[4]"
    assert Bead(derivative=(1,), original=()).gold_format() == "[]:[1]"
