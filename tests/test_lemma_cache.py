"""Compiled lexical resources (lemma tries, WordNet) follow the run's cache directory (--cache-dir)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from provenance.lang import wordnet
from tests.conftest import built_here, link_compiled, link_lemma_tries

SCRIPT = """
import sys
from pathlib import Path
from provenance.pairs import compare_texts
from provenance.config import Config
compare_texts("Die Preise steigen.", "Prices fall.", source_lang="de", translation="Prices rise.",
              config=Config(cache_dir=Path(sys.argv[1])))
"""


@pytest.mark.e2e
def test_compare_builds_its_resources_in_the_configured_cache_dir(tmp_path: Path, compiled_resources: Path):
    # a new process, since a process keeps the lemmas it has looked up; the English lemma tries are built there
    # afresh, WordNet and the German tries are linked to the shared compiled ones; the two other places they
    # could go stay empty
    configured, from_env, user_cache = tmp_path / "configured", tmp_path / "from-env", tmp_path / "xdg"
    link_compiled(configured, compiled_resources, names=("wordnet",))
    link_lemma_tries(configured, compiled_resources, ("de",))
    env = {**os.environ, "PROVENANCE_CACHE_DIR": str(from_env), "XDG_CACHE_HOME": str(user_cache)}
    subprocess.run([sys.executable, "-c", SCRIPT, str(configured)], env=env, check=True, timeout=180)
    assert built_here(configured / "lemma-tries", "en.*"), "no lemma tries under the configured cache dir"
    if wordnet.data_dir() is not None:  # the antonym check loaded WordNet
        assert list((configured / "wordnet").glob("*.pickle"))
    assert not from_env.exists()
    assert not list(user_cache.rglob("lemma-tries")) and not list(user_cache.rglob("wordnet"))
