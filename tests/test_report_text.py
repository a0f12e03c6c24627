"""The terminal report: grouped by passage, severity badges, both sides, a summary line."""

from __future__ import annotations

import re

from provenance.report import render
from tests.report_fixtures import BIG_LINE, fixture_report, hostile_report

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def test_passages_are_headed_with_outlet_language_status_and_provenance() -> None:
    out = render(fixture_report(), "text", width=120)
    assert "── P1 · Bild (de) · checked" in out
    assert "── P2 · Der Spiegel (de) · partial" in out
    assert "── P3 · Frankfurter Allgemeine Zeitung (de) · unverified" in out
    assert "wayback 2025-08-10 07:15:22 UTC" in out
    assert "74747d5b418d…" in out or re.search(r"sha256\s+[0-9a-f]{12}…", out)
    assert "google, memory:desk.tmx" in out
    assert "paywall marker" in out


def test_findings_show_badge_kind_explanation_and_both_sides() -> None:
    out = render(fixture_report(), "text", width=120)
    assert "[CRITICAL] drift/number" in out
    assert "[MAJOR] drift/hedge" in out
    assert "[minor] omission" in out
    assert "five regions (including Crimea)" in out
    line = next(line for line in out.splitlines() if "four Ukrainian regions" in line)
    assert "fünf ukrainischen Regionen" in line  # side by side on one line when wide
    assert "(waived)" in out and "waiver: Desk checked" in out


def test_narrow_terminals_stack_the_sides() -> None:
    out = render(fixture_report(), "text", width=70)
    assert not any("four Ukrainian regions" in line and "fünf" in line for line in out.splitlines())
    long_lines = [line for line in out.splitlines() if len(line) > 70]
    assert all("://" in line or line.startswith("signature ") for line in long_lines)  # unbreakable tokens


def test_summary_line_counts_severities_and_waivers() -> None:
    out = render(fixture_report(), "text", width=140)
    summary = [line for line in out.splitlines() if line.startswith("Summary:")]
    assert summary == [
        "Summary: 4 passages (2 checked, 1 partial, 1 unverified) · 4 critical, 5 major, 1 minor · 1 waived"
        " · worst: critical"
    ]


def test_colour_only_when_asked() -> None:
    plain = render(fixture_report(), "text", width=120)
    coloured = render(fixture_report(), "text", width=120, color=True)
    assert not ANSI.search(plain)
    assert "\x1b[31m" in coloured and "[CRITICAL]" in coloured  # red
    assert "\x1b[33m" in coloured  # yellow for major
    assert ANSI.sub("", coloured) == plain


def test_long_single_line_originals_are_clipped() -> None:
    out = render(hostile_report(), "text", width=100)
    assert len(out) < 20_000
    assert BIG_LINE[:40] in out and "chars]" in out
