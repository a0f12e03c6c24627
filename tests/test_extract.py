"""Article text from snapshots: boilerplate out, paragraphs, metadata, sentences with offsets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from provenance.cli import main
from provenance.config import Config
from provenance.errors import ExtractionError, LexiconError
from provenance.extract import EXTRACTOR_NAME, extract, parse_lead_rules
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


# The standfirst (the teaser paragraph under the headline) and the headline are the outlet's words too: desks render
# them as often as the body, and trafilatura leaves them out.
_BODY = "".join(
    f"<p>Absatz {n}: Der Gemeinderat hat am Dienstag über die Sanierung der alten Stadtbrücke beraten und "
    f"wird im Herbst erneut darüber abstimmen, wie die Kosten verteilt werden sollen.</p>"
    for n in range(1, 7)
)


def _page(lead: str = "", head: str = "", other: str = "") -> str:
    return (
        f"<html><head><title>Brücke | Kurier</title>{head}</head><body><nav><a href='/'>Start</a></nav>{other}"
        f"<article><h1>Stadtbrücke wird teurer als geplant</h1>{lead}{_BODY}</article>"
        "<footer>Impressum</footer></body></html>"
    )


def test_the_standfirst_and_headline_come_back_before_the_body():
    lead = "<p class='article__teaser'><strong>Die Sanierung kostet nun 14 Millionen Euro statt neun.</strong></p>"
    original = extract(html_snapshot(_page(lead)))
    assert original.paragraphs[0] == "Stadtbrücke wird teurer als geplant"
    assert original.paragraphs[1] == "Die Sanierung kostet nun 14 Millionen Euro statt neun."
    assert original.paragraphs[2].startswith("Absatz 1:")
    assert original.text.count("Stadtbrücke wird teurer") == 1


def test_only_the_first_standfirst_block_is_taken_and_promotions_after_it_stay_out():
    lead = (
        "<p class='lead'>Die Sanierung kostet nun 14 Millionen Euro statt neun.</p>"
        "<div class='teaser-box'>Gewinnen Sie zwei Karten für das Stadtfest am Wochenende</div>"
    )
    text = extract(html_snapshot(_page(lead))).text
    assert "14 Millionen Euro statt neun" in text
    assert "Gewinnen Sie" not in text


def test_another_storys_headline_in_its_own_article_element_stays_out():
    other = "<article><h1>Neues Hallenbad eröffnet</h1><a href='/bad'>Zum Artikel</a></article>"
    text = extract(html_snapshot(_page(other=other))).text
    assert "Hallenbad" not in text
    assert text.startswith("Stadtbrücke wird teurer als geplant")


def test_the_meta_description_stands_in_for_a_missing_standfirst_unless_it_is_cut_off():
    full = "<meta name='description' content='Die Sanierung der Stadtbrücke kostet nun 14 Millionen Euro statt neun.'>"
    assert "kostet nun 14 Millionen Euro" in extract(html_snapshot(_page(head=full))).text
    cut = "<meta name='description' content='Die Sanierung der Stadtbrücke kostet nun 14 Millionen Euro statt...'>"
    assert "kostet nun 14 Millionen Euro" not in extract(html_snapshot(_page(head=cut))).text


@pytest.mark.parametrize(
    "table",
    [
        {},
        {"lead": {"classes": ["teaser"], "skip_inside": ["nav"]}},
        {"lead": {"classes": ["Teaser"], "skip_inside": ["nav"], "min_words": 6}},
        {"lead": {"classes": "teaser", "skip_inside": ["nav"], "min_words": 6}},
        {"lead": {"classes": ["teaser"], "skip_inside": ["nav"], "min_words": 0}},
        {"lead": {"classes": ["teaser"], "skip_inside": ["nav"], "min_words": 6, "extra": 1}},
    ],
)
def test_malformed_lead_rules_fail_when_read(table):
    with pytest.raises(LexiconError):
        parse_lead_rules(table)


def test_a_page_with_an_xml_declaration_gets_its_standfirst_back_too():
    # the page is parsed once, as trafilatura parses it; lxml alone refuses a string that declares its encoding, so
    # the standfirst reader once saw no page there
    lead = "<p class='article__teaser'>Die Sanierung kostet nun 14 Millionen Euro statt neun.</p>"
    original = extract(html_snapshot('<?xml version="1.0" encoding="utf-8"?>' + _page(lead)))
    assert original.paragraphs[:2] == ["Stadtbrücke wird teurer als geplant",
                                       "Die Sanierung kostet nun 14 Millionen Euro statt neun."]
