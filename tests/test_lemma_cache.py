"""Compiled lexical resources (lemma tries, WordNet) follow the run's cache directory (--cache-dir)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from provenance.compare import wordnet

SCRIPT = """
import sys
from pathlib import Path
from provenance.compare import compare_texts
from provenance.config import Config
compare_texts("Die Preise steigen.", "Prices fall.", source_lang="de", translation="Prices rise.",
              config=Config(cache_dir=Path(sys.argv[1])))
"""


def test_compare_builds_its_resources_in_the_configured_cache_dir(tmp_path: Path):
    configured, from_env = tmp_path / "configured", tmp_path / "from-env"
    env = {**os.environ, "PROVENANCE_CACHE_DIR": str(from_env)}
    subprocess.run([sys.executable, "-c", SCRIPT, str(configured)], env=env, check=True, timeout=180)
    assert any((configured / "lemma-tries").rglob("*")), "no lemma tries under the configured cache dir"
    if wordnet.data_dir() is not None:  # the antonym check loaded WordNet
        assert list((configured / "wordnet").glob("*.pickle"))
    assert not from_env.exists()
