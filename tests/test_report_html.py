"""The HTML report: self-contained, escaped, side by side, with filters and provenance."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser

import pytest

from provenance.model import Report
from provenance.report import render
from provenance.report.page_text import MAX_DIFF_WORK, safe_link, word_diff
from tests.report_fixtures import BIG_LINE, JS_URL, fixture_report, hostile_report


class Page(HTMLParser):
    """Collects elements, attributes and inline script/style bodies of a page."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self._in: str | None = None
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._in = tag

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "script":
            self.scripts.append(data)
        elif self._in == "style":
            self.styles.append(data)

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [a for t, a in self.tags if t == tag]

    def attr_values(self, name: str) -> list[str]:
        return [a[name] or "" for _, a in self.tags if name in a]


def content_urls(report: Report) -> set[str]:
    urls: set[str] = set()
    for r in report.results:
        urls.update(r.passage.urls)
        if r.snapshot:
            urls.update(u for u in (r.snapshot.url, r.snapshot.final_url, r.snapshot.archive_url) if u)
    return urls


@pytest.fixture(scope="module")
def fixture_html() -> str:
    return render(fixture_report(), "html")


@pytest.fixture(scope="module")
def hostile_html() -> str:
    return render(hostile_report(), "html")


def sha256_source(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


# --------------------------------------------------------------------------- content


def test_every_passage_has_a_section_and_every_finding_a_card(fixture_html: str) -> None:
    page = Page(fixture_html)
    sections = [a["id"] for a in page.all("section")]
    assert sections == ["passage-P1", "passage-P2", "passage-P3", "passage-P4"]
    cards = [a for a in page.all("article") if "finding" in (a.get("class") or "")]
    report = fixture_report()
    assert len(cards) == len(report.findings()) == 11
    ids = [a["id"] for a in cards]
    assert len(set(ids)) == len(ids)
    assert sorted(a["data-severity"] for a in cards) == sorted(f.severity.value for f in report.findings())
    assert [a["data-waived"] for a in cards].count("true") == 1


def test_side_by_side_rows_come_from_the_beads(fixture_html: str) -> None:
    page = Page(fixture_html)
    rows = [a for a in page.all("tr") if "bead " in (a.get("class") or "") + " "]
    assert len(rows) == sum(len(r.beads) for r in fixture_report().results)
    classes = [a["class"] or "" for a in rows]
    assert sum("bead-insertion" in c for c in classes) == 2  # the Bild addition and the Welt passage
    assert sum("bead-deletion" in c for c in classes) == 2  # the two omissions
    assert "no counterpart in the original" in fixture_html and "no counterpart in the article" in fixture_html
    assert re.search(r'<th scope="col">Translation used', fixture_html)


def test_changed_words_are_marked(fixture_html: str) -> None:
    # "five" in the translation is missing from the article, "four" in the article is not in the translation
    assert re.search(r"<del[^>]*>five</del>", fixture_html)
    assert re.search(r"<ins[^>]*>four</ins>", fixture_html)
    # the words a finding is about are highlighted with the finding's severity
    assert re.search(r'<mark class="hl sev-critical" data-f="[^"]+">der Ukrainer</mark>', fixture_html)


def test_provenance_panel_names_source_archive_hash_and_translators(fixture_html: str) -> None:
    report = fixture_report()
    snap = report.results[0].snapshot
    assert snap is not None
    assert snap.sha256 in fixture_html
    assert "wayback, captured 2025-08-10 07:15:22 UTC" in fixture_html
    assert f'href="{snap.archive_url}"' in fixture_html
    assert "google, memory:desk.tmx" in fixture_html
    assert "2026-11-25T13:58:04Z" in fixture_html
    assert fixture_html.count(report.signature) >= 4  # per passage with an original, and the footer


def test_filters_print_styles_and_keyboard_help_are_there(fixture_html: str) -> None:
    page = Page(fixture_html)
    filters = {(a.get("data-filter"), a.get("value")) for a in page.all("input") if a.get("data-filter")}
    assert {("severity", s) for s in ("critical", "major", "minor")} <= filters
    assert {("kind", k) for k in ("drift", "addition", "omission", "unlocated")} <= filters
    assert "@media print" in fixture_html
    assert "<kbd>j</kbd>" in fixture_html


def test_minor_findings_start_hidden_only_when_there_is_something_serious(fixture_html: str) -> None:
    def ticked(html: str) -> set[str | None]:
        return {a.get("value") for a in Page(html).all("input") if a.get("data-filter") == "severity"
                and "checked" in a}

    assert ticked(fixture_html) == {"critical", "major"}
    only_minor = fixture_report()
    for result in only_minor.results:
        result.findings = [f for f in result.findings if f.severity.value == "minor"]
    assert ticked(render(only_minor, "html")) == {"critical", "major", "minor"}


def test_markup_is_accessible(fixture_html: str) -> None:
    page = Page(fixture_html)
    assert page.all("html")[0]["lang"] == "en"
    assert all(a.get("scope") in ("col", "row") for a in page.all("th"))
    assert len(page.all("caption")) == 1 + 3  # overview + one per passage with a table
    assert page.all("main") and page.all("header")
    for section in page.all("section"):
        assert section.get("aria-labelledby")


def test_unverified_passages_show_their_text_and_why(fixture_html: str) -> None:
    assert "The Frankfurter Allgemeine wrote that the Kremlin had already drafted a ceasefire map." in fixture_html
    assert "No original: no link to faz.net" in fixture_html


# --------------------------------------------------------------------------- self-contained and safe


def test_page_is_self_contained(fixture_html: str) -> None:
    page = Page(fixture_html)
    assert page.attr_values("src") == []  # no scripts, images, frames or fonts from anywhere
    assert not page.all("link")
    allowed = content_urls(fixture_report())
    for href in page.attr_values("href"):
        assert href.startswith("#") or href in allowed, href
    assert "@import" not in fixture_html and "url(" not in "".join(page.styles)


def test_csp_allows_only_the_pages_own_script_and_style(fixture_html: str) -> None:
    page = Page(fixture_html)
    csp = next(a["content"] for a in page.all("meta") if a.get("http-equiv") == "Content-Security-Policy")
    assert csp is not None
    assert "default-src 'none'" in csp
    assert len(page.scripts) == 1 and len(page.styles) == 1
    assert f"script-src {sha256_source(page.scripts[0])};" in csp
    assert f"style-src {sha256_source(page.styles[0])};" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert page.attr_values("style") == []  # inline style attributes would be blocked by the CSP


def test_hostile_content_is_escaped(hostile_html: str) -> None:
    page = Page(hostile_html)
    assert [t for t, _ in page.tags].count("script") == 1
    assert not page.all("img") and not page.all("svg") and not page.all("b")
    for _, attrs in page.tags:
        assert not any(name.startswith("on") for name in attrs)
    assert "&lt;script&gt;window.__pwned=" in hostile_html
    assert "<img src=x" not in hostile_html and "<svg" not in hostile_html
    assert page.all("title") and "pwned" not in "".join(page.scripts)


def test_javascript_urls_are_never_links(hostile_html: str) -> None:
    page = Page(hostile_html)
    assert all(h.startswith(("#", "http://", "https://")) for h in page.attr_values("href"))
    assert 'class="inert-url"' in hostile_html
    assert JS_URL.split(":")[0] + ":" in hostile_html  # still shown, as text


def test_a_200_kb_single_line_original_renders_with_a_capped_diff(hostile_html: str) -> None:
    assert "word diff skipped: text too long" in hostile_html
    assert "Show all 200,000 characters" in hostile_html
    assert BIG_LINE[:100] in hostile_html
    assert len(hostile_html) < 3 * len(BIG_LINE) + 100_000


def test_safe_link() -> None:
    assert safe_link("https://www.bild.de/a?b=1&c=2").startswith('<a href="https://www.bild.de/a?b=1&amp;c=2"')
    for bad in ("javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,x", "file:///etc/passwd",
                "java\tscript:alert(1)", 'https://x.test/"onmouseover="alert(1)', "//evil.test/x"):
        assert "<a " not in safe_link(bad), bad


def test_word_diff_marks_changed_words_and_gives_up_on_huge_inputs() -> None:
    assert word_diff("the five regions", "the four regions") == ([(4, 8)], [(4, 8)])
    assert word_diff("Same words, Different case", "same words, different case") == ([], [])
    huge = "word " * (int(MAX_DIFF_WORK**0.5) + 10)
    assert word_diff(huge, huge) is None


def test_trimmed_author_commentary_is_named() -> None:
    report = fixture_report()
    last = report.document.paragraphs[-1]
    report.results[0].trimmed = last.span
    out = render(report, "html")
    assert "Not checked: the end of the passage reads as the author" in out
    assert last.text in out
    assert "trimmed" in render(report, "text", width=100)


def test_findings_without_spans_are_highlighted_by_their_text() -> None:
    report = fixture_report()
    result = report.results[0]
    f = next(f for f in result.findings if f.subtype is not None and f.subtype.value == "entity")
    assert f.derivative is not None
    f.derivative = type(f.derivative)(f.derivative.text)  # no span
    out = render(report, "html")
    assert re.search(r'<mark class="hl sev-critical" data-f="[^"]+">of the </mark>', out)
