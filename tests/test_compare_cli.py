"""`provenance compare`: one pair from files, and the --jsonl batch mode."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from provenance.cli import main


def _write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_compare_one_pair_prints_findings_and_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    src = _write(tmp_path / "original.txt", "Russland fordert fünf Regionen.\n")
    der = _write(tmp_path / "passage.txt", "Russia demands four regions.\n")
    assert main(["compare", "--source-lang", "de", src, der]) == 0  # findings are data, not failure
    out = capsys.readouterr().out
    assert "[critical] drift/number" in out
    assert "verdict: drift" in out


def test_compare_json_with_known_translation(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    src = _write(tmp_path / "o.txt", "Er hat nicht geantwortet.\n")
    der = _write(tmp_path / "p.txt", "She did not answer.\n")
    tr = _write(tmp_path / "t.txt", "He did not answer.\n")
    assert main(["compare", "--source-lang", "de", "--translation", tr, "--format", "json", src, der]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["verdict"] == "drift"
    (f,) = data["findings"]
    assert f["subtype"] == "entity" and f["original"]["translation"] == "He did not answer."


def test_compare_jsonl_streams_one_result_per_line(tmp_path: Path):
    lines = [
        {"id": "a", "source": "Er kam nicht.", "source_lang": "de", "derivative": "He came."},
        {"id": "b", "source": "Er kam.", "source_lang": "de", "derivative": "He came.", "translation": "He came."},
    ]
    inp = _write(tmp_path / "in.jsonl", "\n".join(json.dumps(x) for x in lines) + "\n\n")
    out = tmp_path / "out.jsonl"
    assert main(["--no-progress", "compare", "--jsonl", inp, "-o", str(out)]) == 0
    results = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in results] == ["a", "b"]
    assert results[0]["verdict"] == "drift" and results[0]["findings"][0]["subtype"] == "negation"
    assert results[1] == {"id": "b", "verdict": "faithful", "findings": []}


def test_compare_jsonl_shares_one_set_of_language_resources_across_its_pairs(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch):
    # the pairs of a batch use one Resources (one embedder and cache connection for the word vectors, kept in
    # memory from pair to pair) instead of building them again for every line
    from provenance.lang import resources as lang_resources

    used: list[int] = []
    real_using = lang_resources.using

    def counting_using(res: lang_resources.Resources):  # type: ignore[no-untyped-def]
        used.append(id(res))
        return real_using(res)

    monkeypatch.setattr("provenance.pairs.using", counting_using)
    line = {"source": "Die Preise sind gestiegen.", "source_lang": "de", "derivative": "Prices fell.",
            "translation": "Prices rose."}
    inp = _write(tmp_path / "in.jsonl", "\n".join(json.dumps({"id": str(k), **line}) for k in range(3)) + "\n")
    out = tmp_path / "out.jsonl"
    assert main(["--no-progress", "compare", "--jsonl", inp, "-o", str(out)]) == 0
    assert len(used) == 3 and len(set(used)) == 1
    results = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert len({json.dumps(r["findings"]) for r in results}) == 1  # the same pair, the same findings each time


@pytest.mark.parametrize(
    ("bad", "message"),
    [("not json", "line 2: not valid JSON"), ('{"id": 3, "source": "x"}', "line 2: missing field(s)"),
     ("[1, 2]", "line 2: expected a JSON object")],
)
def test_compare_jsonl_bad_line_names_the_line_and_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                           bad: str, message: str):
    good = json.dumps({"id": 1, "source": "Er kam.", "source_lang": "de", "derivative": "He came."})
    inp = _write(tmp_path / "in.jsonl", good + "\n" + bad + "\n")
    assert main(["compare", "--jsonl", inp]) == 2
    err = capsys.readouterr().err
    assert err.startswith("provenance: error:") and message in err


def test_compare_needs_two_files_or_jsonl(capsys: pytest.CaptureFixture[str]):
    assert main(["compare"]) == 2
    assert "SOURCE and DERIVATIVE" in capsys.readouterr().err


def test_compare_gives_findings_stable_ids() -> None:
    from provenance.pairs import compare_texts

    first = compare_texts("Er kam nicht.", "He came.", source_lang="de")
    again = compare_texts("Er kam nicht.", "He came.", source_lang="de")
    assert first and all(f.id.startswith("F") for f in first)
    assert [f.id for f in first] == [f.id for f in again]


def test_compare_thorough_tries_antonyms_the_word_lists_miss(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    src = _write(tmp_path / "o.txt", "Im Mai gingen die Preise durch die Decke.\n")
    der = _write(tmp_path / "p.txt", "Prices fell in May.\n")
    tr = _write(tmp_path / "t.txt", "Prices went through the roof in May.\n")
    args = ["compare", "--source-lang", "de", "--translation", tr, "--format", "json", src, der]
    assert main(args) == 0
    assert not [f for f in json.loads(capsys.readouterr().out)["findings"] if f["subtype"] == "negation"]
    assert main([*args[:1], "--thorough", *args[1:]]) == 0  # the real e5 model embeds the rewrites
    (guess,) = [f for f in json.loads(capsys.readouterr().out)["findings"] if f["detector"] == "counterfactual"]
    assert guess["severity"] == "minor" and guess["derivative"]["text"] == "fell"
