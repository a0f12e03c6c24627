"""The Markdown summary for pull-request comments: a table, a findings list, the signature."""

from __future__ import annotations

from provenance.report import render
from provenance.report.markdown import MAX_QUOTE_CHARS, escape_md
from tests.report_fixtures import fixture_report, hostile_report


def test_table_of_passages_with_status_and_counts() -> None:
    out = render(fixture_report(), "md")
    assert "| P1 | Bild | de | checked | 2 | 4 | 0 | 1 |" in out
    assert "| P2 | Der Spiegel | de | partial | 1 | 1 | 1 | 0 |" in out
    assert "| P3 | Frankfurter Allgemeine Zeitung | de | unverified | 0 | 0 | 0 | 0 | — |" in out


def test_findings_list_severity_kind_and_both_sides_most_severe_first() -> None:
    out = render(fixture_report(), "md")
    items = [line for line in out.splitlines() if line.startswith("- ") and "**" in line]
    assert items[0].startswith("- 🔴 **CRITICAL** drift/number (P1")
    assert "~~" in items[-1] and "*waived*" in items[-1]  # the waived finding comes last, struck through
    assert "  - article: “four Ukrainian regions”" in out
    assert "original: “fünf ukrainischen Regionen” — translation (memory:desk.tmx)" in out


def test_signature_is_at_the_bottom() -> None:
    out = render(fixture_report(), "md").rstrip().splitlines()
    assert out[-1].startswith("<sub>signature `provenance:0.1.0|translator:auto")


def test_content_cannot_inject_html_or_markdown() -> None:
    out = render(hostile_report(), "md")
    body = out.rsplit("\n<sub>", 1)[0]  # the signature sits in a code span, where markup is inert
    assert "<script" not in body and "<img" not in body and "<svg" not in body
    assert "&lt;script&gt;" in body
    assert "](javascript" not in body
    assert escape_md("a|b [x](y) *z* `c` <b> @team") == r"a\|b \[x\](y) \*z\* \`c\` &lt;b&gt; \[@\]team"


def test_long_texts_are_truncated() -> None:
    out = render(hostile_report(), "md")
    assert max(len(line) for line in out.splitlines()) < 3 * MAX_QUOTE_CHARS + 600
    assert "…" in out


def test_same_language_quotes_do_not_repeat_the_identity_translation() -> None:
    report = fixture_report()
    f = report.results[0].findings[0]
    assert f.original is not None
    report.results[0].findings[0].original = type(f.original)(f.original.text, f.original.span, f.original.text,
                                                              "identity")
    out = render(report, "md")
    assert "translation (identity)" not in out
    assert "translation (identity)" not in render(report, "text", width=120)
