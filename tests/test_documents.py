"""Reading derivatives: normalised text with offsets back to the input, paragraphs and their kinds,
quotation-mark spans, links, format sniffing and encoding detection."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from provenance.documents import decode_bytes, find_quotes, parse_document, read_document, sniff_format
from provenance.model import Document
from tests.conftest import FIXTURES, SEED_DIR, shared_data

DOCS = FIXTURES / "documents"


def assert_offsets_point_back(doc: Document, source: str, *, skip: str = "") -> None:
    """Every character the normaliser did not rewrite sits at its offset in the input."""
    assert doc.offsets is not None and len(doc.offsets) == len(doc.text) + 1
    for i, ch in enumerate(doc.text):
        if ch.isspace() or ch in skip:
            continue
        assert source[doc.input_offset(i)] == ch, (i, ch, source[doc.input_offset(i) : doc.input_offset(i) + 10])
    assert list(doc.offsets) == sorted(doc.offsets), "offsets must not go backwards"


def quoted(doc: Document) -> list[str]:
    return [q.span.slice(doc.text) for q in doc.quotes]


# --------------------------------------------------------------------------- plain text


def test_text_paragraphs_are_separated_by_blank_lines_and_spaces_collapse() -> None:
    raw = "First  paragraph,\tstill   first.\r\n\r\n\r\n  Second paragraph.  \r\nSame paragraph.\r\n"
    doc = parse_document(raw, format="text")
    assert doc.text == "First paragraph, still first.\n\nSecond paragraph.\nSame paragraph."
    assert [p.text for p in doc.paragraphs] == ["First paragraph, still first.", "Second paragraph.\nSame paragraph."]
    assert [p.kind for p in doc.paragraphs] == ["paragraph", "paragraph"]
    assert [p.index for p in doc.paragraphs] == [0, 1]
    for p in doc.paragraphs:
        assert p.span.slice(doc.text) == p.text
    assert_offsets_point_back(doc, raw)


def test_offsets_map_collapsed_text_back_to_the_input() -> None:
    raw = "a   b\r\nc"
    doc = parse_document(raw, format="text")
    assert doc.text == "a b\nc"
    assert doc.input_offset(0) == 0
    assert doc.input_offset(2) == 4  # "b" after three spaces
    assert raw[doc.input_offset(4)] == "c"
    assert doc.input_offset(len(doc.text)) == len(raw)  # the end maps to the end


def test_text_without_blank_lines_makes_each_line_a_paragraph() -> None:
    doc = parse_document("One sentence here.\nAnother one here.\nA third one.", format="text")
    assert [p.text for p in doc.paragraphs] == ["One sentence here.", "Another one here.", "A third one."]


def test_hard_wrapped_text_without_blank_lines_stays_one_paragraph() -> None:
    doc = parse_document("a line that wraps\nin the middle of\na sentence.", format="text")
    assert len(doc.paragraphs) == 1


def test_unicode_is_nfc_and_invisible_characters_go() -> None:
    raw = "Mu\u0308nchen and Zapo\u00adrizhia\u200b today"
    doc = parse_document(raw, format="text")
    assert doc.text == "München and Zaporizhia today"
    assert raw[doc.input_offset(1)] == "u"  # the composed ü maps to its base letter
    assert raw[doc.input_offset(doc.text.index("today"))] == "t"


def test_text_document_reads_fixture_and_keeps_quotes(tmp_path: Path) -> None:
    path = DOCS / "article.txt"
    doc = read_document(path)
    assert doc.format == "text"
    assert doc.encoding == "utf-8"
    assert doc.language == "en"
    assert doc.text.startswith("But it gets worse. Much worse.")
    assert quoted(doc) == ['"did not deviate"']
    assert_offsets_point_back(doc, path.read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- Markdown


def test_markdown_blocks_kinds_and_stripped_markers() -> None:
    path = DOCS / "article.md"
    source = path.read_text(encoding="utf-8")
    doc = read_document(path)
    assert doc.format == "markdown"
    assert doc.title == "Envoy's talks, retold"
    kinds = [(p.kind, p.text.split()[0]) for p in doc.paragraphs]
    assert kinds == [
        ("heading", "Envoy's"),
        ("paragraph", "The"),
        ("paragraph", "From"),
        ("blockquote", "According"),
        ("blockquote", "An"),
        ("paragraph", "Source:"),
        ("list", "Putin"),
        ("list", "More"),
        ("paragraph", "Background"),
    ]
    quote = doc.blockquotes[0].text
    assert ">" not in quote
    assert quote.startswith("According to BILD, the Kremlin did not move away")
    assert "**" not in doc.text and "*summit*" not in doc.text and "[bg]" not in doc.text
    assert "an award for a CIA official" in doc.text
    assert_offsets_point_back(doc, source)


def test_markdown_links_have_href_text_and_paragraph() -> None:
    doc = read_document(DOCS / "article.md")
    links = [(link.href, link.text, doc.paragraphs[link.paragraph].kind) for link in doc.links]
    assert links == [
        ("https://www.bild.de/politik/ausland/gipfel-beispiel.html", "original report", "paragraph"),
        ("https://www.cbsnews.com/news/example-award/", "https://www.cbsnews.com/news/example-award/", "list"),
        ("https://www.faz.net/aktuell/politik/beispiel.html", "this piece", "paragraph"),
        ("https://www.spiegel.de/ausland/beispiel-a-1.html", "https://www.spiegel.de/ausland/beispiel-a-1.html",
         "paragraph"),
    ]
    for link in doc.links:
        assert link.span.slice(doc.text) == link.text
    assert doc.links[0].paragraph == 1


def test_markdown_nested_and_lazy_blockquotes() -> None:
    doc = parse_document("> > nested quote\n> still quoted\nlazy continuation\n\nafter", format="markdown")
    assert [(p.kind, p.text) for p in doc.paragraphs] == [
        ("blockquote", "nested quote\nstill quoted\nlazy continuation"),
        ("paragraph", "after"),
    ]


def test_markdown_inline_code_escapes_entities_and_snake_case() -> None:
    doc = parse_document(r"Use `x_y` and \*literal\* stars, snake_case_name, A &amp; B.", format="markdown")
    assert doc.text == "Use x_y and *literal* stars, snake_case_name, A & B."


def test_markdown_setext_heading_and_rule() -> None:
    doc = parse_document("Title here\n==========\n\n---\n\nBody text.", format="markdown")
    assert doc.title == "Title here"
    assert [(p.kind, p.text) for p in doc.paragraphs] == [("heading", "Title here"), ("paragraph", "Body text.")]


def test_markdown_url_underscores_survive_emphasis_stripping() -> None:
    doc = parse_document("See https://example.com/a_b_/c_ and _this_.", format="markdown")
    assert doc.text == "See https://example.com/a_b_/c_ and this."
    assert [link.href for link in doc.links] == ["https://example.com/a_b_/c_"]


# --------------------------------------------------------------------------- HTML


def test_html_drops_boilerplate_and_keeps_title_blocks_and_links() -> None:
    path = DOCS / "article.html"
    source = path.read_text(encoding="utf-8")
    doc = read_document(path)
    assert doc.format == "html"
    assert doc.title == "Envoy\u2019s talks, retold"
    for gone in ("Home", "About", "advert", "Imprint", "never appear", "color", "Search"):
        assert gone not in doc.text
    assert [p.kind for p in doc.paragraphs] == [
        "heading",
        "paragraph",
        "paragraph",
        "blockquote",
        "blockquote",
        "list",
        "list",
    ]
    assert doc.blockquotes[1].text == (
        "\u201cWitkoff doesn\u2019t know what he\u2019s talking about,\u201d a Ukrainian official told BILD."
    )
    [link] = doc.links
    assert link.href == "https://www.bild.de/politik/ausland/gipfel-beispiel.html"
    assert link.text == "original report" and link.paragraph == 1
    # entity-decoded and inserted characters are "normalised"; everything else points back exactly
    assert_offsets_point_back(doc, source, skip="\u2019\u201c\u201d\u2013")


def test_html_entities_map_to_their_ampersand() -> None:
    source = "<p>A &ldquo;quote&rdquo; here</p>"
    doc = parse_document(source, format="html")
    assert doc.text == "A \u201cquote\u201d here"
    assert source[doc.input_offset(2) :].startswith("&ldquo;")


def test_html_q_element_becomes_a_quote_and_br_a_line_break() -> None:
    doc = parse_document("<p>He called it <q>a gift</q>.<br>Next line.</p>", format="html")
    assert doc.text == "He called it \u201ca gift\u201d.\nNext line."
    assert quoted(doc) == ["\u201ca gift\u201d"]


def test_html_script_is_never_text() -> None:
    doc = parse_document("<html><body><p>Visible</p><script>alert('x')</script><style>p{}</style></body></html>",
                         format="html")
    assert doc.text == "Visible"


def test_xhtml_with_xml_declaration_parses() -> None:
    doc = parse_document('<?xml version="1.0" encoding="utf-8"?>\n<html><body><p>Hallo</p></body></html>',
                         format="html")
    assert doc.text == "Hallo"


# --------------------------------------------------------------------------- quotation marks


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "no deal" twice.', ['"no deal"']),
        ("He said \u201cno deal\u201d twice.", ["\u201cno deal\u201d"]),
        ("Er sagte \u201eauf keinen Fall\u201c gestern.", ["\u201eauf keinen Fall\u201c"]),
        ("Powiedzia\u0142 \u201enigdy\u201d wczoraj.", ["\u201enigdy\u201d"]),
        ("Il a dit \u00ab jamais \u00bb hier.", ["\u00ab jamais \u00bb"]),
        ("Er sagte \u00bbniemals\u00ab gestern.", ["\u00bbniemals\u00ab"]),
        ("Il a dit \u2039 non \u203a hier.", ["\u2039 non \u203a"]),
        ("Er sagte \u201ajein\u2018 dazu.", ["\u201ajein\u2018"]),
        ("He said \u2018maybe\u2019 today.", ["\u2018maybe\u2019"]),
        ("He said 'maybe' today.", ["'maybe'"]),
    ],
)
def test_every_quote_style_is_found(text: str, expected: list[str]) -> None:
    assert [q.span.slice(text) for q in find_quotes(text)] == expected


def test_quote_span_inner_excludes_the_marks_and_style_is_the_opening_mark() -> None:
    [q] = find_quotes("x \u201ehallo\u201c y")
    assert q.inner.slice("x \u201ehallo\u201c y") == "hallo"
    assert q.style == "\u201e"


def test_apostrophes_are_not_quotes() -> None:
    text = "Putin's envoy doesn't know the Russians' demand, and it's the '90s all over."
    assert find_quotes(text) == []
    curly = "Putin\u2019s envoy doesn\u2019t know the Russians\u2019 demand."
    assert find_quotes(curly) == []


def test_apostrophes_inside_quotes_do_not_end_them() -> None:
    text = "\"Witkoff doesn't know what he's talking about,\" an official told BILD."
    assert [q.span.slice(text) for q in find_quotes(text)] == [
        "\"Witkoff doesn't know what he's talking about,\""
    ]
    single = "He wrote 'Putin's envoy didn't listen' on Friday."
    assert [q.inner.slice(single) for q in find_quotes(single)] == ["Putin's envoy didn't listen"]


def test_nested_quotes_are_both_reported() -> None:
    text = "\u201cHe told me \u2018never again\u2019 and left,\u201d she said."
    spans = [q.span.slice(text) for q in find_quotes(text)]
    assert spans == ["\u201cHe told me \u2018never again\u2019 and left,\u201d", "\u2018never again\u2019"]
    german = "\u201eEr sagte \u201aniemals\u2018 dazu\u201c, hie\u00df es."
    assert [q.inner.slice(german) for q in find_quotes(german)] == ["Er sagte \u201aniemals\u2018 dazu", "niemals"]


def test_unclosed_quote_does_not_run_into_the_next_paragraph() -> None:
    doc = parse_document('He said "no and left.\n\nThen "yes" came.', format="text")
    assert quoted(doc) == ['"yes"']


# --------------------------------------------------------------------------- format and encoding


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        ("  <p>Hello</p>", "html"),
        ("# Title\n\nBody", "markdown"),
        ("> quoted\n\ntext", "markdown"),
        ("See [this](https://example.com).", "markdown"),
        ("Just words. And a <tag> later.", "text"),
    ],
)
def test_sniff_format(text: str, fmt: str) -> None:
    assert sniff_format(text) == fmt


def test_format_comes_from_the_extension_first(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("# Not a heading in a .txt file\n", encoding="utf-8")
    assert read_document(path).format == "text"
    assert read_document(path, format="md").format == "markdown"


def test_stdin_is_read_and_sniffed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"> From stdin\n")))
    doc = read_document("-")
    assert doc.source == "<stdin>"
    assert doc.format == "markdown"
    assert doc.blockquotes[0].text == "From stdin"


def test_cp1252_german_decodes_right() -> None:
    doc = read_document(DOCS / "german_cp1252.txt")
    assert doc.encoding == "cp1252"
    assert "Gr\u00fc\u00dfe aus M\u00fcnchen." in doc.text
    assert "\u201eDas ist f\u00fcr uns v\u00f6llig inakzeptabel.\u201c" in doc.text
    assert "5 \u20ac pro B\u00fcrger \u2013 mindestens" in doc.text
    assert doc.language == "de"


def test_latin1_german_decodes_right() -> None:
    doc = read_document(DOCS / "german_latin1.txt")
    assert doc.encoding in ("cp1252", "iso8859-1", "iso8859-15")
    assert "\u00c4rger \u00fcber die Stra\u00dfenbahn: Die \u00dcberg\u00e4nge" in doc.text


def test_utf8_bom_is_dropped_and_reported() -> None:
    doc = read_document(DOCS / "bom_utf8.md")
    assert doc.encoding == "utf-8-sig"
    assert doc.text == "\u201eZitat\u201c mit Umlauten: \u00e4\u00f6\u00fc."
    assert doc.blockquotes and doc.input_offset(0) == 2  # after "> " (the BOM is not part of the decoded input)


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("Der \u00c4rger \u00fcber die Stra\u00dfe, sagte er: \u201eSo nicht!\u201c", "cp1252"),
        ("Les \u00e9lecteurs ont vot\u00e9, a d\u00e9clar\u00e9 le ministre fran\u00e7ais.", "cp1252"),
        ("Путин заявил, что встреча состоится в августе.", "cp1251"),
        ("Путин заявил, что встреча состоится в августе.", "koi8-r"),
    ],
)
def test_decode_bytes_legacy_encodings(text: str, codec: str) -> None:
    decoded, encoding = decode_bytes(text.encode(codec))
    assert decoded == text
    assert encoding == codec


def test_decode_bytes_prefers_utf8_and_handles_utf16_boms() -> None:
    assert decode_bytes("Gr\u00fc\u00dfe".encode()) == ("Gr\u00fc\u00dfe", "utf-8")
    assert decode_bytes("\ufeffGr\u00fc\u00dfe".encode("utf-16-le")) == ("Gr\u00fc\u00dfe", "utf-16")
    assert decode_bytes("Gr\u00fc\u00dfe".encode("utf-16"))[0] == "Gr\u00fc\u00dfe"


def test_decode_bytes_uses_a_declared_charset_when_it_fits() -> None:
    text = "\u017b\u00f3\u0142w i \u015bwi\u0119ty spok\u00f3j, powiedzia\u0142 minister."
    decoded, encoding = decode_bytes(text.encode("iso8859-2"), declared="iso-8859-2")
    assert decoded == text
    assert encoding == "iso8859-2"


# --------------------------------------------------------------------------- the seed article


def test_seed_article_quotes_and_paragraphs() -> None:
    seeds = sorted(SEED_DIR.glob("*.txt")) if SEED_DIR.exists() else []
    if not seeds:
        pytest.skip(f"seed article not available in {SEED_DIR}")
    doc = read_document(seeds[0])
    inner = [q.inner.slice(doc.text) for q in doc.quotes]
    assert "peaceful withdrawal" in inner
    assert "sectoral ceasefires" in inner
    assert any(p.text.startswith("According to BILD") for p in doc.paragraphs)
    assert any(p.text == "Source: CBS News" for p in doc.paragraphs)


def test_french_guillemets_with_inner_spaces_have_a_trimmed_inner_span() -> None:
    text = "Il a dit \u00ab\u202fjamais\u202f\u00bb hier."
    doc = parse_document(text, format="text")
    [q] = doc.quotes
    assert q.inner.slice(doc.text) == "jamais"
    assert q.span.slice(doc.text) == "\u00ab jamais \u00bb"


def test_html_offsets_stay_right_after_scripts_and_entities_in_the_body() -> None:
    source = (
        "<html><body><script>var s = 'Laut BILD';</script>\n<p>Laut &bdquo;BILD&ldquo; sagte er &amp; sie.</p>"
        "<!-- a comment -->\n<p>Zweiter Absatz mit M&uuml;nchen.</p></body></html>"
    )
    doc = parse_document(source, format="html")
    assert doc.text == "Laut \u201eBILD\u201c sagte er & sie.\n\nZweiter Absatz mit M\u00fcnchen."
    assert source[doc.input_offset(0) :].startswith("Laut &bdquo;")
    assert source[doc.input_offset(doc.text.index("\u00fc")) :].startswith("&uuml;")
    assert_offsets_point_back(doc, source, skip="\u201e\u201c&\u00fc")


def test_markdown_with_raw_html_blockquote() -> None:
    source = (
        "Intro line.\n\n<blockquote>\n<p>Laut BILD hat der Kreml nicht nachgegeben.</p>"
        "<p>Zweiter Absatz.</p>\n</blockquote>\n\nAfter the quote."
    )
    doc = parse_document(source, format="markdown")
    assert [(p.kind, p.text) for p in doc.paragraphs] == [
        ("paragraph", "Intro line."),
        ("blockquote", "Laut BILD hat der Kreml nicht nachgegeben."),
        ("blockquote", "Zweiter Absatz."),
        ("paragraph", "After the quote."),
    ]
    assert_offsets_point_back(doc, source)


def test_html_blockquote_footer_with_cite_is_kept_as_part_of_the_quote() -> None:
    source = (
        "<body><blockquote><p>More than 400 children got no place.</p>"
        "<footer>\u2014 <cite>NRC</cite></footer></blockquote><footer>Site footer</footer></body>"
    )
    doc = parse_document(source, format="html")
    assert [(p.kind, p.text) for p in doc.paragraphs] == [
        ("blockquote", "More than 400 children got no place."),
        ("blockquote", "\u2014 NRC"),
    ]


def test_html_relative_links_resolve_against_the_canonical_url() -> None:
    source = (
        '<html><head><link rel="canonical" href="https://blog.example.org/2025/08/envoy.html"></head>'
        '<body><p>See <a href="/sources/bild.html">our notes</a> and <a href="https://www.bild.de/x">BILD</a>.</p>'
        "</body></html>"
    )
    doc = parse_document(source, format="html")
    assert [link.href for link in doc.links] == ["https://blog.example.org/sources/bild.html", "https://www.bild.de/x"]


def test_html_relative_links_stay_as_written_without_a_base() -> None:
    doc = parse_document('<p>See <a href="notes.html">notes</a>.</p>', format="html")
    assert [link.href for link in doc.links] == ["notes.html"]


def test_real_news_pages_map_back_to_their_source() -> None:
    """On real pages (entities, CRLF, scripts, duplicated blocks) offsets still point at the text."""
    folder = shared_data("extraction_news", "html")
    checked = wrong = 0
    for path in sorted(folder.iterdir())[:28]:
        doc = read_document(path, format="html")
        source, _ = decode_bytes(path.read_bytes())
        for i, ch in enumerate(doc.text):
            if ch.isspace():
                continue
            checked += 1
            at = doc.input_offset(i)
            # entity-decoded characters map to their "&"; <q> marks to the tag
            if at >= len(source) or (source[at] != ch and source[at] not in "&<"):
                wrong += 1
    assert checked > 100_000
    assert wrong / checked < 0.001
