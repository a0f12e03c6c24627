"""`--cache-dir` reaches every compiled language resource of a check: the lemma tries, WordNet and the name
tables are read or built under it, and nothing lands in the user's default cache dir."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from provenance.compare.wordvec import word_vectors
from provenance.config import Config
from provenance.lang import wordnet
from provenance.lang.resources import Resources, current, using
from tests.conftest import EXAMPLE, built_here, link_compiled, link_lemma_tries


@pytest.mark.e2e
def test_check_builds_its_resources_under_the_cache_dir_flag(tmp_path: Path, compiled_resources: Path) -> None:
    # a new process whose home and user cache are empty folders of the test; only WordNet, the Ding indexes and the
    # German lemma tries are linked in (building them takes seconds, the all-equivalents index half a minute), so
    # the English lemma tries (the smallest) and the CLDR table must be built afresh, and under --cache-dir
    flagged, home, xdg = tmp_path / "flagged", tmp_path / "home", tmp_path / "xdg"
    link_compiled(flagged, compiled_resources, names=("wordnet", "gloss"))
    link_lemma_tries(flagged, compiled_resources, ("de",))
    env = {k: v for k, v in os.environ.items() if not k.startswith("PROVENANCE_")}
    env.update(HOME=str(home), XDG_CACHE_HOME=str(xdg), PROVENANCE_CONFIG=str(tmp_path / "no-config.toml"),
               PROVENANCE_EMBED_THREADS="1")
    done = subprocess.run(
        [sys.executable, "-m", "provenance.cli", "--cache-dir", str(flagged), "--no-progress",
         "--sources", str(EXAMPLE / "outlets"), "check", str(EXAMPLE / "article.md"),
         "--original", str(EXAMPLE / "original.html"), "--memory", str(EXAMPLE / "memory.tsv"),
         "--format", "json", "-o", str(tmp_path / "report.json")],
        env=env, cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode in (0, 1), done.stderr  # the example has findings: the gate may fail, nothing else
    assert built_here(flagged / "lemma-tries", "en.*"), "no lemma tries under --cache-dir"
    assert list((flagged / "cldr").glob("*.marshal")), "no CLDR name table under --cache-dir"
    if wordnet.data_dir() is not None:
        assert list((flagged / "wordnet").glob("*.pickle"))
    assert not [p for p in home.rglob("*") if p.is_file()], "something was written under HOME"
    assert not [p for p in xdg.rglob("*") if p.is_file()], "something was written to the user cache dir"


def test_a_run_makes_its_resources_current_and_restores_the_previous_ones(tmp_path: Path) -> None:
    outer = current()
    mine = Resources.from_config(Config(cache_dir=tmp_path / "mine"))
    with using(mine):
        assert current() is mine and current().lemma_tries.is_relative_to(tmp_path / "mine")
    assert current() is outer


def test_resources_take_the_configured_data_paths(tmp_path: Path) -> None:
    (tmp_path / "wn").mkdir()
    (tmp_path / "wn" / "data.adj").write_text("", encoding="utf-8")
    (tmp_path / "vader.txt").write_text("hero\t2.6\n", encoding="utf-8")
    config = Config(cache_dir=tmp_path / "c", wordnet_dir=tmp_path / "wn", vader_lexicon=tmp_path / "vader.txt",
                    gloss_dictionary=str(tmp_path / "de-en"), freedict_dir=tmp_path / "dictd")
    res = Resources.from_config(config)
    assert (res.wordnet_dir, res.vader, res.ding, res.freedict_dir) == (
        tmp_path / "wn", tmp_path / "vader.txt", tmp_path / "de-en", tmp_path / "dictd")
    # a configured path that holds no data is no data, not a silent fallback to the installed copy
    missing = Resources.from_config(Config(cache_dir=tmp_path / "c", wordnet_dir=tmp_path / "nowhere"))
    assert missing.wordnet_dir is None


def test_word_vectors_belong_to_the_resources_of_their_run(tmp_path: Path) -> None:
    # no module keeps the first run's embedder: each run's word vectors are embedded and stored under its own
    # cache dir, with its own thread count
    first = Resources.from_config(Config(cache_dir=tmp_path / "first"))
    second = Resources.from_config(Config(cache_dir=tmp_path / "second", embed_threads=1))
    with using(first):
        one = word_vectors(["harbour", "quay"])
    with using(second):
        two = word_vectors(["harbour"])
    assert np.array_equal(one["harbour"], two["harbour"])  # the same word has the same vector in any run
    assert (tmp_path / "first" / "provenance.sqlite3").is_file()
    assert (tmp_path / "second" / "provenance.sqlite3").is_file()
    assert (first.word_vectors.threads, second.word_vectors.threads) == (None, 1)
    assert first.word_vectors.get(["quay"])["quay"] is one["quay"]  # kept for the run: embedded once
