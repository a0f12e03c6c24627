"""The full check on the bundled offline example and on small articles written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from provenance.attribution import find_passages
from provenance.config import Config
from provenance.documents import parse_document, read_document
from provenance.model import Report
from provenance.pipeline import Checker
from tests.conftest import EXAMPLE, example_config
from tests.report_fixtures import assert_valid_report

ROOT = Path(__file__).resolve().parent.parent


def _config(tmp_path: Path, **kw) -> Config:
    return example_config(tmp_path, **kw)


@pytest.fixture
def example_report(tmp_path: Path):
    config = _config(tmp_path)
    doc = read_document(EXAMPLE / "article.md")
    return Checker(config).check(doc, [str(EXAMPLE / "original.html")])


def _kinds(report) -> set[str]:
    return {f.kind.value + (f"/{f.subtype.value}" if f.subtype else "") for f in report.findings()}


def test_example_has_one_passage_checked_against_the_saved_original(example_report) -> None:
    [result] = example_report.results
    assert result.status == "checked"
    assert result.passage.outlet is not None and result.passage.outlet.id == "rheinischer-bote"
    assert result.snapshot is not None and result.snapshot.archive == "file"
    assert len(result.snapshot.sha256) == 64
    assert {t.translator for t in result.translations} == {"memory:memory.tsv"}


def test_example_findings_cover_hedge_intensity_addition_and_omission(example_report) -> None:
    kinds = _kinds(example_report)
    assert {"drift/hedge", "drift/intensity", "addition", "omission"} <= kinds


def test_thorough_mode_is_recorded_and_hands_the_checkers_embedder_to_the_rewrite_test(
        tmp_path: Path, example_report, monkeypatch: pytest.MonkeyPatch) -> None:
    from provenance.compare import counterfactual
    from provenance.embed import get_embedder

    assert example_report.settings["thorough"] is False
    seen: list[object] = []
    real_detect = counterfactual.detect

    def spy(ctx):
        seen.append(ctx.embedder)
        return real_detect(ctx)

    monkeypatch.setattr(counterfactual, "detect", spy)
    config = _config(tmp_path / "thorough", thorough=True)
    embedder = get_embedder(config, persistent=False)
    report = Checker(config, embedder=embedder).check(read_document(EXAMPLE / "article.md"),
                                                      [str(EXAMPLE / "original.html")])
    assert report.settings["thorough"] is True
    assert seen and all(e is embedder for e in seen)
    assert _kinds(report) == _kinds(example_report)  # nothing in the example reads closer when flipped


def test_example_faithful_sentences_stay_quiet(example_report) -> None:
    [result] = example_report.results
    flagged = {f.derivative.text for f in result.findings if f.derivative}
    for faithful in ("The administration merely proposed a partial closure", "The cost of the work is estimated"):
        assert not any(faithful in text for text in flagged), faithful


def test_the_dropped_rebuttal_is_the_omission(example_report) -> None:
    omissions = [f for f in example_report.findings() if f.kind.value == "omission"]
    assert any("wies diese Darstellung" in (f.original.text if f.original else "") for f in omissions)


def test_finding_ids_are_stable_across_runs(tmp_path: Path, example_report) -> None:
    again = Checker(_config(tmp_path / "second")).check(
        read_document(EXAMPLE / "article.md"), [str(EXAMPLE / "original.html")]
    )
    assert [f.id for f in again.findings()] == [f.id for f in example_report.findings()]
    assert all(f.id.startswith("F") for f in again.findings())


def test_a_passage_without_any_original_is_unverified_not_an_error(tmp_path: Path) -> None:
    doc = parse_document(
        "Big news from Germany.\n\nAccording to the Rheinischer Bote, the town council met on Monday.\n",
        format="text",
    )
    report = Checker(_config(tmp_path)).check(doc, [])
    assert [r.status for r in report.results] == ["unverified"]
    assert "--original" in (report.results[0].message or "")


def test_a_passage_the_original_never_contained_is_unlocated(tmp_path: Path) -> None:
    doc = parse_document(
        "From the German daily Rheinischer Bote:\n\n"
        "> The football club has signed a new goalkeeper from Brazil. The transfer fee was not disclosed. "
        "Fans celebrated the signing outside the stadium all night.\n",
        format="markdown",
    )
    report = Checker(_config(tmp_path)).check(doc, [str(EXAMPLE / "original.html")])
    assert [f.kind.value for f in report.findings()] == ["unlocated"]
    assert report.findings()[0].severity.value == "critical"


def test_an_unreachable_original_is_reported_on_the_passage(tmp_path: Path) -> None:
    report = Checker(_config(tmp_path)).check(read_document(EXAMPLE / "article.md"), [str(tmp_path / "gone.html")])
    [result] = report.results
    assert result.status == "unverified"
    assert "gone.html" in (result.message or "")


def _global(*args: str) -> list[str]:
    return ["--no-progress", "--sources", str(EXAMPLE / "outlets"), *args]


def _check_args(*extra: str) -> list[str]:
    return [
        "check",
        str(EXAMPLE / "article.md"),
        "--original",
        str(EXAMPLE / "original.html"),
        "--memory",
        str(EXAMPLE / "memory.tsv"),
        "--translator",
        "memory",
        *extra,
    ]


def test_cli_check_fails_the_gate_then_passes_once_everything_is_waived(tmp_path: Path, cli) -> None:
    result = cli(*_global(*_check_args("--format", "json")), cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert_valid_report(report)
    ids = [f["id"] for p in report["passages"] for f in p["findings"]]
    assert ids
    for fid in ids:
        waived = cli(*_global("waive", fid, "--reason", "accepted by the desk"), cwd=tmp_path)
        assert waived.returncode == 0, waived.stderr
    again = cli(*_global(*_check_args("--format", "json")), cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    waived_report = json.loads(again.stdout)
    assert_valid_report(waived_report)
    findings = [f for p in waived_report["passages"] for f in p["findings"]]
    assert findings and all(f["waived"] for f in findings)


def test_cli_fail_on_never_and_critical(tmp_path: Path, cli) -> None:
    assert cli(*_global(*_check_args("--fail-on", "never")), cwd=tmp_path).returncode == 0


def test_cli_writes_the_html_report(tmp_path: Path, cli) -> None:
    # in-process: the one check run as a process of its own is tests/test_resources_cache_dir.py's
    out = tmp_path / "report.html"
    result = cli(*_global(*_check_args("--format", "html", "-o", str(out))), cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    html = out.read_text(encoding="utf-8")
    assert "Rheinischer Bote" in html and "Content-Security-Policy" in html


def test_cli_missing_article_is_exit_2_without_traceback(tmp_path: Path, cli) -> None:
    result = cli(*_global("check", str(tmp_path / "nope.md")), cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("provenance: error:")


FIXTURES = Path(__file__).resolve().parent / "fixtures" / "pipeline"


def test_each_passage_takes_the_original_that_fits_its_outlet_and_language(tmp_path: Path) -> None:
    """Two originals for two passages: the English wire copy and the German paper."""
    doc = read_document(FIXTURES / "two_outlets.md")
    report = Checker(_config(tmp_path)).check(
        doc, [str(EXAMPLE / "original.html"), str(FIXTURES / "wire_original.txt")]
    )
    by_outlet = {r.passage.outlet.id: r for r in report.results if r.passage.outlet}
    wire, paper = by_outlet["reuters"], by_outlet["rheinischer-bote"]
    assert wire.snapshot.source.endswith("wire_original.txt")
    assert paper.snapshot.source.endswith("original.html")
    # same language: the identity "translation", and a faithful quote has no findings
    assert {t.translator for t in wire.translations} == {"identity"}
    assert wire.findings == []
    assert {t.translator for t in paper.translations if t} == {"memory:memory.tsv"}


def test_sentences_skipped_between_excerpts_are_not_minor_omissions(tmp_path: Path) -> None:
    doc = read_document(FIXTURES / "two_outlets.md")
    report = Checker(_config(tmp_path)).check(doc, [str(EXAMPLE / "original.html")], outlet=None)
    paper = next(r for r in report.results if r.passage.outlet and r.passage.outlet.id == "rheinischer-bote")
    assert not [f for f in paper.findings if f.kind.value == "omission" and f.severity.value == "minor"]


def test_an_open_ended_passage_loses_trailing_commentary_not_found_in_the_original(tmp_path: Path) -> None:
    from provenance.model import Passage, Span

    doc = read_document(FIXTURES / "open_end.txt")
    checker = Checker(_config(tmp_path))
    start = doc.text.index("The administration")
    end = doc.text.index("had heard of the plan.") + len("had heard of the plan.")
    passage = Passage(
        "P1",
        doc.text[start:end],
        Span(start, end),
        "leadin",
        checker.registry.find("Rheinischer Bote"),
        "Rheinischer Bote",
        "de",
        "From the German daily Rheinischer Bote:",
        open_end=True,
    )
    result = checker.check_passage(doc, passage, [str(EXAMPLE / "original.html")])
    assert result.trimmed is not None
    assert doc.text[result.trimmed.start : result.trimmed.end].startswith("Honestly, our readers")
    assert not [f for f in result.findings if f.kind.value == "addition"]
    assert [s.text for s in result.derivative_sentences][-1].startswith("The cost of the work")


def test_a_passage_over_two_paragraphs_takes_in_what_the_original_renders_after_it_in_the_last(
    tmp_path: Path,
) -> None:
    """The extent is settled against the original at both outer edges of a passage, whatever paragraphs it spans:
    the uncredited sentence after the credit in its last paragraph is the outlet's too."""
    from provenance.documents import parse_document

    first = ("The Rheinischer Bote reported that the town of Neuweiler held firm to its demand to renovate all three "
             "Rhine bridges by 2027.")
    credited = "The administration merely proposed a partial closure for lorries, the paper said."
    after = "The cost of the work is estimated at 48 million euros."
    doc = parse_document(f"{first}\n\n{credited} {after}\n\nWe will keep following the story.\n", format="text")
    checker = Checker(_config(tmp_path))
    (result,) = checker.check(doc, [str(EXAMPLE / "original.html")]).results
    assert result.passage.text.startswith(first) and result.passage.text.endswith(after)


def test_the_authors_sentences_after_a_credit_are_cut_where_the_original_ends_but_one_stays_an_addition(
    tmp_path: Path,
) -> None:
    """The extent is settled against the original: a credited passage whose paragraph runs on into two sentences the
    original does not have, none crediting or quoting anyone, ends where the outlet's words end (the two are the
    author's, shown as cut, not additions); a single such sentence may be a claim slipped into the report and stays
    an addition."""
    from provenance.documents import parse_document

    credited = ("The Rheinischer Bote reported that the administration merely proposed a partial closure for "
                "lorries. The cost of the work is estimated at 48 million euros.")
    comment = ("Bridges of that age are a familiar headache along the Rhine. Few towns have the money to replace "
               "them.")
    checker = Checker(_config(tmp_path))
    doc = parse_document(f"{credited} {comment}\n\nWe will keep following the story.\n", format="text")
    (result,) = checker.check(doc, [str(EXAMPLE / "original.html")]).results
    assert result.trimmed is not None and result.trimmed.slice(doc.text) == comment
    assert not [f for f in result.findings if f.kind.value == "addition"]
    one = "The town has already set aside money for a ferry."
    doc = parse_document(f"{credited} {one}\n\nWe will keep following the story.\n", format="text")
    (result,) = Checker(_config(tmp_path / "one")).check(doc, [str(EXAMPLE / "original.html")]).results
    assert result.trimmed is None
    assert [f.derivative.text for f in result.findings if f.kind.value == "addition"] == [one]


def test_cli_checks_a_glob_of_articles_into_a_report_directory(tmp_path: Path, cli) -> None:
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    for name in ("one.md", "two.md"):
        (drafts / name).write_text((EXAMPLE / "article.md").read_text(encoding="utf-8"), encoding="utf-8")
    result = cli(
        *_global("check", str(drafts / "*.md"), "--original", str(EXAMPLE / "original.html"),
                 "--memory", str(EXAMPLE / "memory.tsv"), "--format", "md", "-o", str(tmp_path / "reports")),
        cwd=tmp_path,
    )
    assert result.returncode == 1, result.stderr
    assert sorted(p.name for p in (tmp_path / "reports").iterdir()) == ["one.md", "two.md"]
    assert "Rheinischer Bote" in (tmp_path / "reports" / "one.md").read_text(encoding="utf-8")


def test_finding_ids_are_unique_and_survive_edits_above_the_passage(tmp_path: Path, example_report) -> None:
    ids = [f.id for f in example_report.findings()]
    assert len(ids) == len(set(ids))
    text = (EXAMPLE / "article.md").read_text(encoding="utf-8")
    edited = text.replace("It did not.", "It did not, and the town council is furious about it.")
    doc = parse_document(edited, format="markdown", source="article.md")
    again = Checker(_config(tmp_path / "edited")).check(doc, [str(EXAMPLE / "original.html")])
    assert [f.id for f in again.findings()] == ids


def test_a_dictionary_gloss_aligns_but_is_not_diffed_word_by_word(tmp_path: Path) -> None:
    """Offline with only a gloss, the example still shows its four real findings and no wording noise."""
    from provenance.errors import TranslatorUnavailableError

    config = Config(
        cache_dir=tmp_path / "cache", sources_dirs=(EXAMPLE / "outlets",), translator="gloss", progress=False
    )
    try:
        report = Checker(config).check(read_document(EXAMPLE / "article.md"), [str(EXAMPLE / "original.html")])
    except TranslatorUnavailableError:
        pytest.skip("Debian's trans-de-en dictionary is not installed")
    minor = [f for f in report.findings() if f.severity.value == "minor"]
    assert not [f for f in minor if f.kind.value in ("addition", "omission")]
    assert {"drift/hedge", "drift/intensity", "addition", "omission"} <= _kinds(report)


def test_links_to_the_outlet_elsewhere_in_the_article_are_candidate_originals(tmp_path: Path) -> None:
    """No link next to the passage: the article's links to the outlet's site (or an archived copy) are used."""
    article = (
        "From the German daily Rheinischer Bote:\n\n> The cost of the work is estimated at 48 million euros.\n\n"
        "More soon.\n\nFurther reading: [the paper](https://www.rheinischer-bote.example/region/a.html), "
        "[archived](https://web.archive.org/web/2026/https://rheinischer-bote.example/region/a.html), "
        "[elsewhere](https://example.org/b.html)\n"
    )
    doc = parse_document(article, format="markdown", source="article.md")
    checker = Checker(_config(tmp_path))
    [passage] = [p for p in find_passages(doc, checker.registry) if p.outlet]
    assert passage.urls == []
    assert checker._candidate_sources(doc, passage, []) == [
        "https://www.rheinischer-bote.example/region/a.html",
        "https://web.archive.org/web/2026/https://rheinischer-bote.example/region/a.html",
    ]


def test_findings_on_the_attribution_frame_are_dropped_and_the_others_kept() -> None:
    from provenance.frame_mask import drop_frame_findings
    from provenance.model import DriftSubtype, Finding, FindingKind, Severity, SideRef, Span

    def finding(start: int, end: int) -> Finding:
        return Finding(
            FindingKind.DRIFT, DriftSubtype.ENTITY, Severity.CRITICAL, 0.9, SideRef("x", Span(start, end)), None,
            "entity", "entity",
        )

    # "According to the Süddeutsche Zeitung, the city stopped the bridge.": the frame is 0-38
    frame = [Span(0, 38)]
    on_frame, on_claim = finding(17, 28), finding(45, 49)
    assert drop_frame_findings([on_frame, on_claim], frame) == [on_claim]
    assert drop_frame_findings([on_frame], []) == [on_frame]


def test_two_shared_numbers_say_where_a_passage_sentence_is() -> None:
    """With no translation, a sentence merged from two scores low across languages; its numbers still place it:
    "21,400 ... 31 October" and "21 400 ... 31 października" are one statement, not an unlocated passage."""
    from provenance.model import Bead
    from provenance.settle import matched_share

    bead = Bead(derivative=(0,), original=(0,), score=0.2)
    deriv = ["Residents had filed 21,400 applications by 31 October, a third more than a year earlier."]
    orig = ["Do 31 października mieszkańcy złożyli 21 400 wniosków."]
    assert matched_share([bead], 1, deriv, orig) == 1.0
    assert matched_share([bead], 1, ["Residents had filed many applications."], orig) == 0.0


def test_two_shared_names_say_where_a_passage_sentence_is() -> None:
    """A quotation rendered freely scores low across languages; the speaker's full name still places it."""
    from provenance.model import Bead
    from provenance.settle import matched_share

    bead = Bead(derivative=(0,), original=(0,), score=0.1)
    orig = ["„Die Wagen stehen bereit“, sagte die Sprecherin Katrin Mehlhorn am Montag."]
    assert matched_share([bead], 1, ["The cars are ready, spokeswoman Katrin Mehlhorn said."], orig) == 1.0
    assert matched_share([bead], 1, ["The cars are ready, a spokeswoman said on Monday."], orig) == 0.0


def test_pairs_in_a_row_in_order_say_where_a_passage_is_though_each_scores_low() -> None:
    """Across languages without a translation the model scores faithful pairs low; two of them in a row, in order,
    still place the passage. One such pair alone, or two out of order, do not."""
    from provenance.model import Bead
    from provenance.settle import matched_share

    deriv, orig = ["a", "b", "c"], ["x", "y", "z", "w"]
    run = [Bead((0,), (1,), 0.3), Bead((1,), (2,), 0.25), Bead((2,), (), 0.0)]
    assert matched_share(run, 3, deriv, orig) == 2 / 3
    scattered = [Bead((0,), (1,), 0.3), Bead((1,), (3,), 0.25), Bead((2,), (), 0.0)]
    assert matched_share(scattered, 3, deriv, orig) == 0.0


def test_a_sentence_that_restates_an_original_sentence_is_at_most_a_minor_addition() -> None:
    """The aligner may leave a sentence split off its neighbour without a counterpart; when one original sentence
    says much the same, it is weak evidence of an addition. A sentence the original has nothing like stays major."""
    from provenance.model import Finding, FindingKind, Sentence, Severity, SideRef, Span, Translation
    from provenance.settle import content_words, restated

    def added(text: str) -> tuple[Finding, Sentence]:
        span = Span(0, len(text))
        f = Finding(FindingKind.ADDITION, None, Severity.MAJOR, 0.7, SideRef(text, span), None,
                    "This sentence of the passage has no counterpart in the original.", "coverage",
                    evidence={"level": "sentence"})
        return f, Sentence(0, text, span)

    memory = [Translation("...", "The animal measures just under 3 centimetres and its tail scales are intact.", "pl",
                          "en", "memory")]
    words = content_words("en")
    f, s = added("The lizard itself is just under 3cm long and even the scales on its tail are intact.")
    assert restated([f], [s], memory, words)[0].severity is Severity.MINOR
    f, s = added("Investigators found traces of an accelerant at the scene.")
    assert restated([f], [s], memory, words)[0].severity is Severity.MAJOR


def test_a_long_sentence_with_no_counterpart_is_a_minor_addition_a_short_claim_stays_major() -> None:
    """Background and comment run long, with clauses; a claim slipped into the outlet's words is short."""
    from provenance.model import Finding, FindingKind, Severity, SideRef, Span
    from provenance.settle import long_additions

    def added(text: str) -> Finding:
        return Finding(FindingKind.ADDITION, None, Severity.MAJOR, 0.7, SideRef(text, Span(0, len(text))), None,
                       "This sentence of the passage has no counterpart in the original.", "coverage",
                       evidence={"level": "sentence"})

    background = ("Residents who remember the collapse of the old bridge further south, in which dozens of people "
                  "died, tend to be wary of promises about inspections.")
    (f,) = long_additions([added(background)])
    assert f.severity is Severity.MINOR and f.evidence["long"]
    (f,) = long_additions([added("Investigators found traces of an accelerant at the scene.")])
    assert f.severity is Severity.MAJOR


def test_a_sentence_in_the_authors_voice_with_no_counterpart_is_a_minor_addition() -> None:
    """A question, a judgement or words weighing what was just said are the article's comment inside the passage."""
    from provenance.attribution.lexicon import load_lexicon
    from provenance.attribution.voice import authorial
    from provenance.model import Finding, FindingKind, Severity, SideRef, Span
    from provenance.settle import authors_voice

    def added(text: str) -> Finding:
        return Finding(FindingKind.ADDITION, None, Severity.MAJOR, 0.7, SideRef(text, Span(0, len(text))), None,
                       "This sentence of the passage has no counterpart in the original.", "coverage",
                       evidence={"level": "sentence"})

    def voiced(text: str) -> bool:
        return authorial(text, load_lexicon())

    for comment in ("What does the EU have to do with it?", "Not every farmer sees it that way.",
                    "That is a familiar objection in a city where the outskirts are hotter."):
        (f,) = authors_voice([added(comment)], voiced)
        assert f.severity is Severity.MINOR and f.evidence["authorial"], comment
    # a claim, and someone else's question in quotation marks, stay major
    for claim in ("The city council approved the increase unanimously last month.", '"Why now?" the mayor asked.'):
        (f,) = authors_voice([added(claim)], voiced)
        assert f.severity is Severity.MAJOR, claim


def test_a_pairing_with_no_similarity_at_all_is_no_counterpart() -> None:
    """The aligner's path may pair two unrelated sentences with a score of nothing: they are compared with nothing
    (an added sentence and a sentence left out), not with each other."""
    from provenance.model import Bead
    from provenance.settle import unpair_unrelated

    beads = [Bead((0,), (0,), 0.8), Bead((1,), (1,), 0.0), Bead((2,), (2,), 0.4)]
    assert unpair_unrelated(beads) == [Bead((0,), (0,), 0.8), Bead((1,), (), 0.0), Bead((), (1,), 0.0),
                                       Bead((2,), (2,), 0.4)]


def test_a_whole_article_check_leaves_out_word_level_notes_of_paraphrase() -> None:
    """Words a desk's paraphrase adds or drops, and word-vector antonym guesses, are notes, not findings; a name,
    a sentence left out and any major finding stay."""
    from provenance.model import DriftSubtype, Finding, FindingKind, Severity, SideRef, Span
    from provenance.settle import without_paraphrase_notes

    def finding(kind: FindingKind, subtype: DriftSubtype | None, severity: Severity, detector: str,
                **evidence: object) -> Finding:
        return Finding(kind, subtype, severity, 0.6, SideRef("x", Span(0, 1)), None, "x", detector, evidence=evidence)

    word = finding(FindingKind.ADDITION, None, Severity.MINOR, "coverage", level="words")
    guess = finding(FindingKind.DRIFT, DriftSubtype.NEGATION, Severity.MINOR, "negation",
                    antonym={"passage": "warmer", "other": "closure", "margin": 0.035})
    name = finding(FindingKind.DRIFT, DriftSubtype.ENTITY, Severity.MINOR, "entity")
    sentence = finding(FindingKind.OMISSION, None, Severity.MINOR, "coverage", level="sentence")
    flip = finding(FindingKind.DRIFT, DriftSubtype.NEGATION, Severity.CRITICAL, "negation",
                   antonym={"passage": "higher", "translation": "lower"})
    assert without_paraphrase_notes([word, guess, name, sentence, flip]) == [name, sentence, flip]


def test_a_whole_article_check_leaves_out_a_name_or_figure_a_sentence_drops_but_not_one_changed() -> None:
    """An excerpt's sentence drops the town a firm is in or the year of a survey as a matter of course: a minor
    omission of a name or figure is a note; a figure changed, or one left out at major, stays."""
    from provenance.model import DriftSubtype, Finding, FindingKind, Severity, SideRef, Span
    from provenance.settle import without_paraphrase_notes

    def finding(kind: FindingKind, subtype: DriftSubtype | None, severity: Severity, detector: str) -> Finding:
        return Finding(kind, subtype, severity, 0.6, SideRef("x", Span(0, 1)), None, "x", detector)

    town = finding(FindingKind.OMISSION, None, Severity.MINOR, "entity")
    year = finding(FindingKind.OMISSION, None, Severity.MINOR, "number")
    changed = finding(FindingKind.DRIFT, DriftSubtype.NUMBER, Severity.MINOR, "number")
    serious = finding(FindingKind.OMISSION, None, Severity.MAJOR, "number")
    assert without_paraphrase_notes([town, year, changed, serious]) == [changed, serious]


def _check_polish_case(tmp_path: Path, source: list[tuple[str, str]], title: str, article: str) -> Report:
    """The report on ``article`` checked against a Polish page of ``source`` sentences, with them as the memory."""
    (tmp_path / "original.html").write_text(
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        + "".join(f"<p>{pl}</p>" for pl, _ in source) + "</article></body></html>", encoding="utf-8")
    (tmp_path / "memory.tsv").write_text("".join(f"{pl}\t{en}\n" for pl, en in source), encoding="utf-8")
    (tmp_path / "article.md").write_text(article, encoding="utf-8")
    config = Config(cache_dir=tmp_path / "cache", progress=False, translator="memory",
                    memories=(tmp_path / "memory.tsv",))
    return Checker(config).check(read_document(tmp_path / "article.md"), [str(tmp_path / "original.html")])


def test_a_report_runs_on_into_a_paragraph_without_a_credit_when_the_original_has_it(tmp_path: Path) -> None:
    """A credited paragraph, then one with no credit that renders the original sentence by sentence, then the
    author's own: the passage takes in the second paragraph (where a changed name is then caught), not the third."""
    source = [
        ("Sanepid zamknął sześć kąpielisk w Gdyni po poniedziałkowych badaniach wody.",
         "The health inspectorate closed six bathing areas in Gdynia after Monday's water tests."),
        ("Przyczyną mogły być ulewne deszcze w weekend, po których woda z kanalizacji deszczowej spłynęła do zatoki.",
         "The cause may have been heavy rain at the weekend, after which water from storm drains flowed into the bay."),
        ("Ekolodzy wskazują jednak na sobotnią awarię przepompowni ścieków w Rumi.",
         "Environmentalists, however, point to Saturday's breakdown of a sewage pumping station in Rumia."),
    ]
    report = _check_polish_case(
        tmp_path, source, "Zakaz kąpieli w Gdyni",
        "# Gdynia shuts beaches\n\n"
        "Health inspectors have closed six bathing areas in Gdynia after Monday's water tests, the regional daily "
        "Dziennik Bałtycki reported.\n\n"
        "Heavy rain over the weekend may have been to blame, washing water from storm drains into the bay. "
        "Campaigners, however, point to a breakdown at a sewage pumping station in Reda on Saturday.\n\n"
        "Resorts on this coast live on a short season, and every closed beach is felt in the cafés behind it.\n")
    (result,) = report.results
    assert "Campaigners" in result.passage.text and "Resorts" not in result.passage.text
    assert any(f.derivative is not None and f.derivative.text == "Reda" for f in result.findings)


def test_a_report_goes_on_after_the_authors_comment_where_the_original_has_it(tmp_path: Path) -> None:
    """A credited paragraph, the author's comment, then a paragraph with no credit that renders the original: the
    third is checked as the report's continuation (a changed figure in it is caught), the comment is not."""
    source = [
        ("Sanepid zamknął kąpielisko w Brzeźnie po wykryciu bakterii E. coli w wodzie.",
         "The sanitary inspectorate closed the bathing area in Brzeźno after detecting E. coli bacteria in the water."),
        ("Norma została przekroczona niemal czterokrotnie.", "The limit was exceeded almost fourfold."),
        ("Ratownicy musieli w ciągu jednego popołudnia upominać ponad 60 osób, które weszły do morza mimo zakazu.",
         "In a single afternoon, lifeguards had to warn more than 60 people who went into the sea despite the ban."),
        ("W ubiegłym roku kąpieliska w Gdańsku zamykano łącznie 11 razy.",
         "Last year, bathing areas in Gdańsk were closed a total of 11 times."),
    ]
    report = _check_polish_case(
        tmp_path, source, "Zakaz kąpieli w Brzeźnie",
        "# Gdańsk closes a beach\n\n"
        "Sanitary inspectors closed the bathing area at Brzeźno on Wednesday after detecting E. coli bacteria in the "
        "water, Radio Gdańsk reported. The limit was exceeded almost fourfold.\n\n"
        "Storm overflows are a known weak point in many older Baltic cities, where drainage was never built for "
        "today's cloudbursts.\n\n"
        "In a single afternoon, lifeguards had to warn more than 90 people who went into the sea despite the ban. "
        "Last year, Gdańsk's bathing areas were closed a total of 11 times.\n")
    first, continued = report.results
    assert "Storm overflows" not in first.passage.text and "Storm overflows" not in continued.passage.text
    assert continued.passage.kind == "continuation" and continued.passage.text.startswith("In a single afternoon")
    assert any(f.derivative is not None and "90" in f.derivative.text for f in continued.findings)


_FERRY = [
    ("Armator wycofał prom z linii do Świnoujścia na cały listopad.",
     "The operator has withdrawn the ferry from the Świnoujście route for the whole of November."),
    ("Powodem jest przegląd silników w stoczni w Szczecinie.",
     "The reason is an engine overhaul at the shipyard in Szczecin."),
    ("Pasażerowie mogą korzystać z autobusu zastępczego co dwie godziny.",
     "Passengers can use a replacement bus every two hours."),
    ("Bilety kupione wcześniej zostaną zwrócone w całości.", "Tickets bought earlier will be refunded in full."),
]


def test_a_report_resumes_inside_a_paragraph_of_the_authors_own(tmp_path: Path) -> None:
    """After the credited paragraph, a paragraph opens with the author's comment and goes on with two sentences the
    original has: those two are checked as the report's continuation (a changed figure is caught), the comment is
    not."""
    report = _check_polish_case(
        tmp_path, _FERRY, "Prom wycofany",
        "# Baltic ferry pulled for a month\n\n"
        "The operator has withdrawn the ferry from the Świnoujście route for all of November, Głos Szczeciński "
        "reported. The reason is an engine overhaul at a Szczecin shipyard.\n\n"
        "Island residents have heard promises of a second vessel for a decade, and patience is wearing thin. "
        "Passengers can take a replacement bus every four hours. Tickets bought earlier will be refunded in full.\n")
    first, continued = report.results
    assert continued.passage.kind == "continuation"
    assert continued.passage.text.startswith("Passengers") and "patience" not in continued.passage.text
    assert any(f.derivative is not None and "four" in f.derivative.text for f in continued.findings)


def test_one_sentence_like_the_original_amid_the_authors_words_stays_outside(tmp_path: Path) -> None:
    """A single sentence that resembles the original, between the author's comments, is weak evidence that the
    report resumed: it is not checked as the outlet's."""
    report = _check_polish_case(
        tmp_path, _FERRY, "Prom wycofany",
        "# Baltic ferry pulled for a month\n\n"
        "The operator has withdrawn the ferry from the Świnoujście route for all of November, Głos Szczeciński "
        "reported. The reason is an engine overhaul at a Szczecin shipyard.\n\n"
        "Island residents have heard promises of a second vessel for a decade. Passengers can take a replacement "
        "bus every four hours. Whether that bus will keep to its timetable in winter is another matter.\n")
    (result,) = report.results
    assert "Passengers" not in result.passage.text


def test_a_credit_late_in_its_paragraph_covers_the_sentences_before_it_that_the_original_has(tmp_path: Path) -> None:
    """The credit comes with a quotation at the paragraph's end; the paragraph opens with a sentence the original has
    and goes on with one reworded past easy matching. The passage reaches back to the opening sentence, so the
    company's denial, left out between them, is reported."""
    source = [
        ("Związek zawodowy oskarża firmę o zaległości w wypłatach od grudnia.",
         "The union accuses the company of owing wages since December."),
        ("Firma zaprzecza, że zalega z wypłatami, i zapewnia, że wszystkie pensje są wypłacane na czas.",
         "The company denies that it owes wages and says all salaries are paid on time."),
        ("Koordynatorka związku Anna Nowak wzywa inspekcję pracy do interwencji.",
         "Union coordinator Anna Nowak calls on the labour inspectorate to intervene."),
        ("„Całe rodziny pracują tu od trzydziestu lat” – powiedziała.",
         "\"Whole families have worked here for thirty years,\" she said."),
    ]
    report = _check_polish_case(
        tmp_path, source, "Zaległe pensje w przetwórni",
        "# Cannery workers say wages are late\n\n"
        "Canneries along this coast have been closing for a decade.\n\n"
        "The union accuses the company of owing wages since December. Its coordinator wants inspectors sent in at "
        "once. \"Whole families have worked here for thirty years,\" Anna Nowak told Gazeta Lubuska.\n")
    (result,) = report.results
    assert result.passage.text.startswith("The union accuses")
    assert any(f.kind.value == "omission" and f.severity.rank >= 2 and f.original is not None
               and "zaprzecza" in f.original.text for f in result.findings)


def test_a_denial_the_article_skips_between_two_of_its_passages_is_an_omission(tmp_path: Path) -> None:
    """The article renders the union's accusation, breaks off for a comment, and resumes the report further on: the
    company's denial, which the original has in between, is rendered nowhere. It is reported, by the passage before
    it; a plain sentence skipped between the passages is excerpting and is not."""
    source = [
        ("Związek zawodowy oskarża firmę o zaległości w wypłatach od grudnia.",
         "The union accuses the company of owing wages since December."),
        ("Firma zaprzecza, że zalega z wypłatami, i zapewnia, że wszystkie pensje są wypłacane na czas.",
         "The company denies that it owes wages and says all salaries are paid on time."),
        ("Zakład działa w Kołobrzegu od 1962 roku.", "The plant has operated in Kołobrzeg since 1962."),
        ("Część produkcji trafi do zakładu w Ustce.", "Part of the production will move to the plant in Ustka."),
    ]
    report = _check_polish_case(
        tmp_path, source, "Zaległe pensje w przetwórni",
        "# Cannery workers say wages are late\n\n"
        "The union accuses the company of owing wages since December, Gazeta Kołobrzeska reported.\n\n"
        "Canneries along this coast have been closing for a decade, and few of their workers find new jobs.\n\n"
        "Part of the production will move to the plant in Ustka, the paper said.\n")
    first, second = report.results
    left_out = [f for f in first.findings if f.kind.value == "omission"]
    assert [f.original.text[:20] for f in left_out if f.original] == ["Firma zaprzecza, że "]
    assert left_out[0].severity.rank >= 2 and not [f for f in second.findings if f.kind.value == "omission"]
