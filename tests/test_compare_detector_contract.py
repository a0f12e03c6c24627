"""The detector contract (compare/detector.py): a detector names itself, declares what it needs and returns its
findings with the derivative tokens they claim; the engine alone applies claims, the threshold and the order."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from provenance.compare import DETECTORS, counterfactual, coverage, lexical, negation
from provenance.compare.base import Detection, PairContext, make_finding
from provenance.compare.detector import Detector, run
from provenance.compare.tokens import side_from_text
from provenance.model import DriftSubtype, Finding, FindingKind, Severity


def _ctx(passage: str = "Prices fell sharply in May.", original: str = "Die Preise fielen im Mai stark.",
         translation: str | None = "Prices fell strongly in May.", embedder: object = None) -> PairContext:
    return PairContext(der=side_from_text(passage, "en"), src=side_from_text(original, "de"),
                       trans=side_from_text(translation, "en") if translation is not None else None,
                       embedder=embedder)


class Probe(Detector):
    """Claims the passage words it is told to, with one finding of the given confidence; remembers the claims it
    saw and how often it ran."""

    name = "probe"

    def __init__(self, words: Sequence[int] = (), confidence: float = 0.9, *, claim: bool = True) -> None:
        self.words, self.confidence, self.claim = list(words), confidence, claim
        self.seen: list[frozenset[int]] = []

    def find(self, ctx: PairContext) -> Detection:
        self.seen.append(ctx.claimed)
        if not self.words:
            return Detection()
        found = make_finding(ctx, FindingKind.ADDITION, None, confidence=self.confidence,
                             der_tokens=[ctx.der.tokens[i] for i in self.words], src_tokens=None,
                             explanation="probe", detector=self.name, claim=self.claim)
        return Detection.of([found])


# ------------------------------------------------------------------ the declared order


def test_the_order_is_declared_data_with_a_reason_for_every_place():
    names = [place.detector.name for place in DETECTORS]
    assert names == ["number", "entity", "negation", "counterfactual", "hedge", "intensity", "quotation",
                     "coverage", "lexical"]
    assert all(isinstance(place.detector, Detector) and len(place.why) > 20 for place in DETECTORS)


def test_coverage_follows_every_drift_detector_and_the_rewrite_test_follows_negation():
    names = [place.detector.name for place in DETECTORS]
    assert names.index("coverage") > max(names.index(n) for n in ("number", "entity", "negation", "hedge",
                                                                   "intensity", "quotation"))
    assert names.index("counterfactual") == names.index("negation") + 1


def test_each_detector_reports_under_its_own_name():
    ctx = _ctx("Prices rose 5% in May.", "Die Preise fielen im Mai um 7 %.", "Prices fell 7% in May.")
    for place in DETECTORS:
        detection = place.detector.find(ctx)
        assert all(f.detector == place.detector.name for f in detection.findings)


# ------------------------------------------------------------------ claims: applied by the engine


def test_a_later_detector_sees_the_words_an_earlier_one_claimed():
    first, second = Probe([1]), Probe()
    found = run(_ctx(), [first, second], threshold=0.5)
    assert first.seen == [frozenset()] and second.seen == [frozenset({1})]
    assert [f.detector for f in found] == ["probe"]


def test_a_detector_cannot_change_the_claims_it_is_shown():
    class Greedy(Detector):
        name = "greedy"

        def find(self, ctx: PairContext) -> Detection:
            ctx.claimed.add(0)  # type: ignore[attr-defined]  # frozenset: only the engine applies claims
            return Detection()

    with pytest.raises(AttributeError):
        run(_ctx(), [Greedy()], threshold=0.5)


def test_a_finding_below_the_threshold_is_dropped_and_claims_nothing():
    weak, after = Probe([1], confidence=0.3), Probe()
    assert run(_ctx(), [weak, after], threshold=0.5) == []
    assert after.seen == [frozenset()]


def test_a_dropped_finding_keeps_only_the_claimed_words_inside_a_kept_finding():
    class Two(Detector):
        name = "two"

        def find(self, ctx: PairContext) -> Detection:
            words = ctx.der.tokens
            kept = make_finding(ctx, FindingKind.ADDITION, None, confidence=0.9, der_tokens=words[0:3],
                                src_tokens=None, explanation="kept", detector=self.name)
            weak = make_finding(ctx, FindingKind.ADDITION, None, confidence=0.2, der_tokens=[words[1], words[4]],
                                src_tokens=None, explanation="weak", detector=self.name)
            return Detection.of([kept, weak])

    after = Probe()
    [finding] = run(_ctx(), [Two(), after], threshold=0.5)
    assert finding.explanation == "kept"
    assert after.seen == [frozenset({0, 1, 2})]  # word 4, claimed only by the weak finding, is free again


def test_a_guess_reports_without_claiming_its_word():
    guess, after = Probe([2], claim=False), Probe()
    assert len(run(_ctx(), [guess, after], threshold=0.5)) == 1
    assert after.seen == [frozenset()]


def test_the_context_ends_with_the_claims_of_every_kept_finding():
    ctx = _ctx()
    run(ctx, [Probe([0]), Probe([3], confidence=0.1), Probe([2])], threshold=0.5)
    assert ctx.claimed == {0, 2}


# ------------------------------------------------------------------ what a detector needs


def test_a_thorough_only_detector_is_skipped_without_an_embedder():
    class Thorough(Probe):
        thorough_only = True

    probe = Thorough()
    run(_ctx(embedder=None), [probe], threshold=0.5)
    assert probe.seen == []
    run(_ctx(embedder=object()), [probe], threshold=0.5)
    assert len(probe.seen) == 1


def test_a_detector_runs_only_in_the_modes_it_declares():
    class ModeB(Probe):
        modes = frozenset({"B"})

    probe = ModeB()
    run(_ctx(translation="Prices fell strongly in May."), [probe], threshold=0.5)
    assert probe.seen == []
    run(_ctx(translation=None), [probe], threshold=0.5)
    assert len(probe.seen) == 1
    assert lexical.DictionaryWords.modes == {"B"}


def test_only_a_one_sided_detector_runs_on_a_sentence_with_no_counterpart():
    class OneSided(Probe):
        one_sided = True

    both, one = Probe(), OneSided()
    run(_ctx(original="", translation=None), [both, one], threshold=0.5)
    assert both.seen == [] and len(one.seen) == 1
    assert coverage.Coverage.one_sided and not negation.Negation.one_sided


def test_the_rewrite_test_is_thorough_only_and_steps_aside_once_a_flip_is_found():
    test = counterfactual.Counterfactual()
    assert test.thorough_only
    flip = Finding(kind=FindingKind.DRIFT, subtype=DriftSubtype.NEGATION, severity=Severity.CRITICAL,
                   confidence=0.8, derivative=None, original=None, explanation="", detector="negation")
    ctx = _ctx(embedder=object())
    assert test.applies(ctx, []) and not test.applies(ctx, [flip])
    assert not test.applies(_ctx(embedder=None), [])


# ------------------------------------------------------------------ the real detectors keep the contract


def test_negation_returns_the_flipped_word_as_its_claim():
    ctx = _ctx("Prices rose in May.", "Die Preise fielen im Mai.", "Prices fell in May.")
    detection = negation.detect(ctx)
    [finding] = detection.findings
    assert finding.subtype is DriftSubtype.NEGATION
    assert [ctx.der.tokens[i].text for i in sorted(detection.claims)] == ["rose"]
    assert ctx.claimed == frozenset()  # detecting changed nothing in the context


_SWAPPED_NAME = ("The party will pay its debts, Abramenko said.",
                 "Die Partei wird ihre Schulden begleichen, sagte Korb.", "The party will pay its debts, said Korb.")


def _added_words(findings: list[Finding]) -> list[str]:
    return [w for f in findings if f.kind is FindingKind.ADDITION for w in f.evidence.get("added", [])]


def test_a_name_entity_claims_is_not_reported_again_as_added():
    found = run(_ctx(*_SWAPPED_NAME), [place.detector for place in DETECTORS], threshold=0.5)
    assert [f.derivative.text for f in found if f.detector == "entity"] == ["Abramenko"]  # type: ignore[union-attr]
    assert _added_words(found) == []
    # without the name's claim, coverage reads the name as a word slipped in
    assert _added_words(run(_ctx(*_SWAPPED_NAME), [coverage.Coverage()], threshold=0.5)) == ["Abramenko"]
