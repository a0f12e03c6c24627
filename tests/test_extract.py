"""Article text from snapshots: boilerplate out, paragraphs, metadata, sentences with offsets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from provenance.cli import main
from provenance.config import Config
from provenance.errors import ExtractionError
from provenance.extract import EXTRACTOR_NAME, extract
from provenance.model import Outlet, Snapshot
from provenance.retrieve import get_snapshot
from tests.conftest import FIXTURES

PAGES = FIXTURES / "pages"


def snapshot_of(name: str, tmp_path: Path, outlet: Outlet | None = None) -> Snapshot:
    return get_snapshot(str(PAGES / name), Config(cache_dir=tmp_path / "cache"), outlet=outlet)


def html_snapshot(markup: str, content_type: str | None = "text/html") -> Snapshot:
    body = markup.encode("utf-8")
    return Snapshot("page.html", None, None, "file", "", "", body=body, content_type=content_type)


def test_german_article_keeps_the_article_and_drops_nav_ads_comments_and_footer(tmp_path):
    original = extract(snapshot_of("de_article.html", tmp_path))
    text = original.text
    for wanted in (
        "Der Stadtrat von Neuhafen hat die Entscheidung",
        "auf 42 Millionen Euro geschätzt",
        "Bürgermeisterin spricht von Verzögerungstaktik",  # subheading kept
        "„Jede Woche, die wir verlieren, macht das Projekt teurer“",  # block quote kept
        "Umleitungsverkehr in den Wohnstraßen.",
    ):
        assert wanted in text
    for boilerplate in ("Politik", "Anzeige", "Leserkommentar", "Mehr zum Thema", "Impressum", "Newsletter", "GEHACKT"):
        assert boilerplate not in text
    assert original.title == "Streit um Brückensanierung: Stadtrat vertagt Entscheidung"
    assert original.author == "Henrike Wollmann" and original.date == "2025-03-14"
    assert original.language == "de" and original.extractor == EXTRACTOR_NAME


def test_paragraphs_are_separated_and_sentences_point_into_the_text(tmp_path):
    original = extract(snapshot_of("de_article.html", tmp_path))
    assert original.text == "\n\n".join(original.paragraphs)
    assert len(original.paragraphs) >= 7
    assert len(original.sentences) >= 10
    for sentence in original.sentences:
        assert original.text[sentence.span.start : sentence.span.end] == sentence.text
    assert original.sentences[1].text.startswith("Der Stadtrat von Neuhafen")


def test_french_article(tmp_path):
    original = extract(snapshot_of("fr_article.html", tmp_path))
    assert "« Nous n'avons jamais vu un été pareil »" in original.text
    assert "cookies" not in original.text and "À lire aussi" not in original.text and "Publicité" not in original.text
    assert original.language == "fr"


def test_cp1252_file_decodes_right(tmp_path):
    original = extract(snapshot_of("de_cp1252.html", tmp_path))
    assert "Grünauer Bürgerinnen" in original.text and "450.000 €" in original.text and "Ã" not in original.text


def test_markdown_and_plain_text_pass_through(tmp_path):
    original = extract(snapshot_of("de_original.md", tmp_path))
    assert original.extractor == "markdown"
    assert original.paragraphs[0] == "Hafenbrücke: Gutachten verzögert sich"
    assert original.paragraphs[2] == "„Wir brauchen belastbare Zahlen, keine Schätzungen“, sagte Matthias Brandl."
    plain = Snapshot(
        "x.txt",
        None,
        None,
        "file",
        "",
        "",
        body=b"Erster Absatz.\n\nZweiter\nAbsatz.",
        content_type="text/plain",
    )
    assert extract(plain, language="de").paragraphs == ["Erster Absatz.", "Zweiter Absatz."]


def test_outlet_xpath_hints_are_tried_first():
    markup = (PAGES / "de_article.html").read_text(encoding="utf-8")
    outlet = Outlet(id="uferpost", name="Neue Uferpost", language="de", xpath=("//section[@class='comments']",))
    # a deliberately odd hint (the comments) shows the hint wins when it yields enough text...
    long_comments = markup.replace("Typisch Stadtrat", "Typisch Stadtrat " + "und so weiter " * 20)
    hinted = extract(html_snapshot(long_comments), outlet=outlet)
    assert hinted.extractor == f"{EXTRACTOR_NAME}+xpath:uferpost" and "Leserkommentar" in hinted.text
    # ...and a hint that matches nothing falls back to trafilatura
    missing = Outlet(id="uferpost", name="Neue Uferpost", language="de", xpath=("//div[@id='no-such-body']",))
    assert extract(html_snapshot(markup), outlet=missing).extractor == EXTRACTOR_NAME


def test_hostile_markup_is_only_text():
    markup = """<html><body><article><h1>Harmlos</h1>
    <p>Ein ganz normaler Absatz über den Haushalt der Gemeinde, der lang genug ist, um als Artikel zu gelten.</p>
    <script>fetch('http://169.254.169.254/'); document.write('EINGESCHLEUST')</script>
    <img src=x onerror="alert('EINGESCHLEUST')">
    <p>Noch ein Absatz mit weiteren Angaben zu den Ausgaben für Schulen, Straßen und die Feuerwehr im Jahr 2025.</p>
    </article></body></html>"""
    text = extract(html_snapshot(markup)).text
    assert "Absatz über den Haushalt" in text and "EINGESCHLEUST" not in text and "fetch(" not in text


def test_empty_pages_are_an_extraction_error():
    with pytest.raises(ExtractionError, match="no article text"):
        extract(html_snapshot("<html><body><nav><a href='/'>Start</a></nav></body></html>"))
    with pytest.raises(ExtractionError, match="empty"):
        extract(html_snapshot(""))


def test_provenance_extract_prints_text_and_json(capsys):
    assert main(["extract", str(PAGES / "fr_article.html")]) == 0
    assert capsys.readouterr().out.startswith("La vallée de l'Orbe face à la sécheresse")
    assert main(["extract", str(PAGES / "fr_article.html"), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["language"] == "fr" and data["snapshot"]["archive"] == "file" and data["sentences"]


def test_provenance_fetch_reports_a_refused_url_cleanly(capsys):
    assert main(["fetch", "http://169.254.169.254/latest/meta-data/"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("provenance: error: refusing to fetch") and "Traceback" not in err
