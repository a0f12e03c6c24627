"""Corpus runs (`provenance check --manifest`): one result line per manifest line, resumable, on Dask too.

The articles are the bundled example and small variants of it (different bytes, same passage), checked
offline against the example's original with its translation memory. One cache folder is shared by the
module (its compiled lexical resources linked to the session's); every test has its own manifest and results file.
"""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import pytest

from provenance.cli import main
from provenance.config import Config
from provenance.corpus import run_corpus
from tests.conftest import EXAMPLE, example_config, link_compiled

distributed = pytest.importorskip("distributed")
dask = pytest.importorskip("dask")


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory, compiled_resources: Path) -> Path:
    """A folder with the example's original and memory and three articles (a1 is the example itself)."""
    root = tmp_path_factory.mktemp("corpus")
    link_compiled(root / "cache", compiled_resources)  # worker processes too find the lexical resources built
    (root / "src").mkdir()
    for name in ("original.html", "memory.tsv"):
        (root / "src" / name).write_bytes((EXAMPLE / name).read_bytes())
    article = (EXAMPLE / "article.md").read_text(encoding="utf-8")
    (root / "a1.md").write_text(article, encoding="utf-8")
    (root / "a2.md").write_text(article.replace("gets worse", "gets even worse"), encoding="utf-8")
    (root / "a3.md").write_text(article.replace("14 March", "15 March"), encoding="utf-8")
    return root


def config_for(shared: Path, **changes: object) -> Config:
    # one model thread per worker: two worker processes on two cores (the vectors do not depend on it)
    return example_config(shared, memories=(), embed_threads=1, **changes)


def item(ident: str, article: str) -> dict[str, object]:
    return {"id": ident, "article": article, "originals": ["src/original.html"], "memory": ["src/memory.tsv"]}


def write_manifest(folder: Path, lines: list[object]) -> Path:
    path = folder / "articles.jsonl"
    path.write_text("\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    return path


def manifest_in(shared: Path, tmp_path: Path, lines: list[object]) -> Path:
    """A manifest next to the shared articles (paths in it are relative to its folder), unique per test."""
    folder = shared / tmp_path.name
    folder.mkdir()
    for name in ("a1.md", "a2.md", "a3.md"):
        (folder / name).write_bytes((shared / name).read_bytes())
    (folder / "src").symlink_to(shared / "src")
    return write_manifest(folder, lines)


def read_results(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# ----------------------------------------------------------------------------- in this process


def test_every_item_gets_one_result_line_with_its_report_and_the_model_is_loaded_once(
    shared: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from provenance.corpus import runner

    made = []

    class CountedChecker(runner.Checker):
        def __init__(self, *args: object, **kwargs: object) -> None:
            made.append(kwargs["embedder"])
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(runner, "Checker", CountedChecker)
    manifest = manifest_in(shared, tmp_path, [item("a1", "a1.md"), item("a2", "a2.md")])
    out = tmp_path / "results.jsonl"
    outcome = run_corpus(manifest, config_for(shared), output=out)

    assert len(made) == 1
    assert (outcome.checked, outcome.skipped, outcome.errors, outcome.failing) == (2, 0, 0, 2)
    results = read_results(out)
    assert [r["id"] for r in results] == ["a1", "a2"]
    for r in results:
        # the example's four planted findings, the worst of them major: the gate fails
        assert (r["status"], r["exit"], r["worst"], r["findings"]) == ("ok", 1, "major", 4)
        assert r["report"]["schema"] == "provenance.report/1"
        assert len(r["article_sha256"]) == 64
    assert results[0]["article_sha256"] != results[1]["article_sha256"]
    with out.with_suffix(".csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [(row["id"], row["status"], row["exit"], row["findings"]) for row in rows] == [
        ("a1", "ok", "1", "4"), ("a2", "ok", "1", "4")]


def test_bad_lines_are_errors_of_their_own_and_the_run_goes_on(
    shared: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = manifest_in(shared, tmp_path, [
        "this is not JSON",
        {"id": "no-article"},
        {"id": "typo", "article": "a1.md", "original": ["src/original.html"]},
        item("missing", "nowhere.md"),
        item("a1", "a1.md"),
        item("a1", "a2.md"),
    ])
    out = tmp_path / "results.jsonl"
    code = main(["--cache-dir", str(shared / "cache"), "--sources", str(EXAMPLE / "outlets"), "check",
                 "--manifest", str(manifest), "-o", str(out), "--translator", "memory"])

    assert code == 2  # some items could not be checked
    err = capsys.readouterr().err
    assert "provenance: error: 5 manifest item(s) could not be checked" in err
    assert "Traceback" not in err
    by_line = {r["line"]: r for r in read_results(out)}
    assert by_line[5]["status"] == "ok"
    assert by_line[1] == {"id": None, "line": 1, "status": "error", "error": by_line[1]["error"]}
    assert "not JSON" in by_line[1]["error"]
    assert "'article'" in by_line[2]["error"]
    assert "unknown field 'original'" in by_line[3]["error"]
    assert "no such file" in by_line[4]["error"]
    assert "duplicate id 'a1'" in by_line[6]["error"]


def test_results_go_to_stdout_without_an_output_file(
    shared: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = manifest_in(shared, tmp_path, [item("a1", "a1.md")])
    code = main(["--cache-dir", str(shared / "cache"), "--sources", str(EXAMPLE / "outlets"), "check",
                 "--manifest", str(manifest), "--translator", "memory", "--fail-on", "critical"])
    assert code == 0  # nothing critical in the example
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    assert json.loads(lines[0])["exit"] == 0


def test_manifest_mode_refuses_articles_on_the_command_line(
    shared: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = manifest_in(shared, tmp_path, [item("a1", "a1.md")])
    assert main(["check", str(EXAMPLE / "article.md"), "--manifest", str(manifest)]) == 2
    assert "provenance: error: DERIVATIVE does not go with --manifest" in capsys.readouterr().err


def test_workers_need_a_manifest(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(EXAMPLE / "article.md"), "--workers", "2"]) == 2
    assert "--workers and --scheduler go with --manifest" in capsys.readouterr().err


# ----------------------------------------------------------------------------- resuming


def test_a_rerun_skips_finished_items_and_redoes_changed_articles_and_settings(shared: Path, tmp_path: Path) -> None:
    manifest = manifest_in(shared, tmp_path, [item("a1", "a1.md"), item("a2", "a2.md")])
    out = tmp_path / "results.jsonl"
    run_corpus(manifest, config_for(shared), output=out)
    before = out.read_bytes()

    again = run_corpus(manifest, config_for(shared), output=out)
    assert (again.checked, again.skipped, again.failing) == (0, 2, 2)
    assert out.read_bytes() == before  # nothing appended

    (manifest.parent / "a2.md").write_text((shared / "a3.md").read_text(encoding="utf-8"), encoding="utf-8")
    edited = run_corpus(manifest, config_for(shared), output=out)
    assert (edited.checked, edited.skipped) == (1, 1)
    assert read_results(out)[-1]["id"] == "a2"

    stricter = run_corpus(manifest, config_for(shared, fail_on="critical"), output=out)
    assert (stricter.checked, stricter.skipped, stricter.failing) == (2, 0, 0)


def test_a_half_written_last_line_is_cut_off_and_its_item_checked_again(shared: Path, tmp_path: Path) -> None:
    manifest = manifest_in(shared, tmp_path, [item("a1", "a1.md"), item("a2", "a2.md")])
    out = tmp_path / "results.jsonl"
    run_corpus(manifest, config_for(shared), output=out)
    first, second = out.read_bytes().splitlines(keepends=True)
    out.write_bytes(first + second[: len(second) // 2])  # the run was killed while writing a2

    outcome = run_corpus(manifest, config_for(shared), output=out)

    assert (outcome.checked, outcome.skipped) == (1, 1)
    results = read_results(out)  # every line is whole JSON again
    assert [r["id"] for r in results] == ["a1", "a2"]


def test_error_items_are_checked_again_on_a_rerun(shared: Path, tmp_path: Path) -> None:
    manifest = manifest_in(shared, tmp_path, [item("a1", "a1.md"), item("late", "late.md")])
    out = tmp_path / "results.jsonl"
    assert run_corpus(manifest, config_for(shared), output=out).errors == 1
    (manifest.parent / "late.md").write_bytes((shared / "a3.md").read_bytes())  # the missing article arrives

    outcome = run_corpus(manifest, config_for(shared), output=out)

    assert (outcome.checked, outcome.skipped, outcome.errors) == (1, 1, 0)
    assert read_results(out)[-1]["status"] == "ok"


# ----------------------------------------------------------------------------- on Dask


@pytest.mark.e2e
def test_a_local_cluster_of_two_workers_gives_the_same_results(shared: Path, tmp_path: Path) -> None:
    manifest = manifest_in(shared, tmp_path, [item("a1", "a1.md"), item("a2", "a2.md"), item("a3", "a3.md")])
    out = tmp_path / "results.jsonl"
    outcome = run_corpus(manifest, config_for(shared), output=out, workers=2)

    assert (outcome.checked, outcome.errors) == (3, 0)
    results = {r["id"]: r for r in read_results(out)}
    assert sorted(results) == ["a1", "a2", "a3"]
    here = read_results(_in_process(shared, tmp_path, [item("a1", "a1.md")]))[0]
    assert results["a1"]["settings"] == here["settings"]
    assert results["a1"]["article_sha256"] == here["article_sha256"]
    assert [f["id"] for p in results["a1"]["report"]["passages"] for f in p["findings"]] == [
        f["id"] for p in here["report"]["passages"] for f in p["findings"]]


def _in_process(shared: Path, tmp_path: Path, lines: list[object]) -> Path:
    folder = tmp_path / f"{tmp_path.name}-here"
    folder.mkdir()
    manifest = manifest_in(shared, folder, lines)
    out = folder / "results.jsonl"
    run_corpus(manifest, config_for(shared), output=out)
    return out


class BreakOnBoom(distributed.WorkerPlugin):
    """Breaks the worker on the item with id 'boom': it raises ("raise"), or its process dies outright with no
    exception and no clean-up ("kill")."""

    def __init__(self, how: str) -> None:
        self.how = how

    def setup(self, worker: object) -> None:
        from provenance.corpus import runner

        real = runner.ItemRunner.run
        how = self.how

        def run(self: runner.ItemRunner, item: runner.ManifestItem) -> dict:
            if item.id == "boom":
                if how == "kill":
                    os._exit(1)
                raise RuntimeError("simulated crash")
            return real(self, item)

        runner.ItemRunner.run = run  # type: ignore[method-assign]


@pytest.mark.e2e
@pytest.mark.parametrize(
    ("how", "error"),
    [("raise", "the worker failed on this item: RuntimeError: simulated crash"), ("kill", "KilledWorker")],
)
def test_a_broken_or_killed_worker_loses_no_finished_result_and_the_rerun_completes_the_rest(
    shared: Path, tmp_path: Path, how: str, error: str
) -> None:
    manifest = manifest_in(shared, tmp_path, [item("a1", "a1.md"), item("boom", "a2.md"), item("a3", "a3.md")])
    out = tmp_path / "results.jsonl"
    # the scheduler gives up on a task after the first worker that dies running it (3 by default: slower)
    with (
        dask.config.set({"distributed.scheduler.allowed-failures": 0}),
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=None,
                                 silence_logs=50) as cluster,
        distributed.Client(cluster) as client,
    ):
        client.register_plugin(BreakOnBoom(how), name="break-on-boom")
        outcome = run_corpus(manifest, config_for(shared), output=out, scheduler=cluster.scheduler_address)

    assert (outcome.checked, outcome.errors) == (2, 1)
    results = {r["id"]: r for r in read_results(out)}
    assert results["a1"]["status"] == results["a3"]["status"] == "ok"
    assert results["boom"]["status"] == "error"
    assert error in results["boom"]["error"]

    rerun = run_corpus(manifest, config_for(shared), output=out)  # the crash is gone: only 'boom' is left to do

    assert (rerun.checked, rerun.skipped, rerun.errors) == (1, 2, 0)
    assert read_results(out)[-1]["id"] == "boom"
    assert read_results(out)[-1]["status"] == "ok"
