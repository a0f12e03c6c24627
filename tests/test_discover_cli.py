"""`provenance discover ARTICLE`: a thin wrapper that parses, calls the library and prints."""

from __future__ import annotations

import json
from datetime import date

import pytest

import provenance.discover as discover
from provenance.cli import main
from provenance.discover import Candidate, Discovery

ARTICLE = "According to the German daily Bild, the bridge in Kassel cost 42 million euros.\n"


def canned(calls: list[dict]):  # type: ignore[no-untyped-def]
    def fake(passage, registry, config, **kw):  # type: ignore[no-untyped-def]
        calls.append({"passage": passage, **kw})
        best = Candidate(
            url="https://www.bild.de/regional/kassel-bruecke-42-millionen.html",
            source="https://www.bild.de/regional/kassel-bruecke-42-millionen.html",
            title="Neue Brücke in Kassel kostet 42 Millionen",
            published=date(2025, 3, 12),
            via=["sitemap"],
            coverage=1.0,
            score=0.93,
        )
        other = Candidate(url="https://www.bild.de/regional/kassel-radweg.html", source="x", score=0.41, coverage=0.25)
        return Discovery("bild", best, 0.93, [other], 512, (date(2025, 3, 10), date(2025, 3, 16)))

    return fake


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[dict]:
    seen: list[dict] = []
    monkeypatch.setattr(discover, "discover_original", canned(seen))
    return seen


def test_discover_prints_the_chosen_original_and_its_runner_ups(tmp_path, capsys, calls) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert main(["discover", str(article), "--date", "2025-03-13", "--window", "3", "--listing", "sitemaps"]) == 0
    out = capsys.readouterr().out
    assert "bild  found  confidence 0.93  (512 candidates, 2025-03-10 .. 2025-03-16)" in out
    assert "* " in out and "kassel-bruecke-42-millionen.html" in out and "kassel-radweg.html" in out
    (call,) = calls
    assert call["day"] == date(2025, 3, 13) and call["settings"].listings == ("sitemaps",)
    assert call["passage"].outlet.id == "bild"


def test_read_sets_how_many_pages_are_read_for_their_text(tmp_path, capsys, calls) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert main(["discover", str(article), "--read", "50"]) == 0
    assert main(["discover", str(article)]) == 0
    assert [c["settings"].read_max for c in calls] == [50, 600]


def test_discover_json_holds_the_whole_result(tmp_path, capsys, calls) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert main(["discover", str(article), "--format", "json"]) == 0
    (record,) = json.loads(capsys.readouterr().out)
    assert record["found"] is True and record["original"]["published"] == "2025-03-12"
    assert record["runner_ups"][0]["coverage"] == 0.25 and record["passage"]
    assert calls[0]["day"] is None  # no --date: no window


def test_a_bad_date_is_one_line_on_stderr_and_exit_2(tmp_path, capsys, calls) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert main(["discover", str(article), "--date", "13.03.2025"]) == 2
    err = capsys.readouterr().err
    assert err == "provenance: error: --date must be YYYY-MM-DD, not '13.03.2025'\n" and calls == []


def test_the_table_says_not_found_and_still_lists_the_candidates_and_notes() -> None:
    from provenance.discover.table import format_discoveries

    weak = Candidate(url="https://www.bild.de/a.html", source="x", title="Brücke", score=0.31, coverage=0.25)
    closed = Candidate(
        url="https://www.bild.de/intern/b.html", source="x", score=0.2, note="robots.txt does not allow reading it"
    )
    found = Discovery(
        "bild", None, 0.31, [weak, closed], 40, None, notes=["feed https://www.bild.de/rss not read: HTTP 500"]
    )
    text = format_discoveries([("P1", found)])
    assert text.splitlines()[0] == "P1  bild  not found  confidence 0.31  (40 candidates, any date)"
    assert "a.html  Brücke" in text and "(robots.txt does not allow reading it)" in text
    assert text.splitlines()[-1] == "  note: feed https://www.bild.de/rss not read: HTTP 500"
