"""The lemma tries follow the run's cache directory (--cache-dir), not only the environment."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SCRIPT = """
import sys
from pathlib import Path
from provenance.compare import compare_texts
from provenance.config import Config
compare_texts("Die Brücke ist gesperrt.", "The bridge is closed.", source_lang="de",
              config=Config(cache_dir=Path(sys.argv[1])))
"""


def test_compare_builds_its_lemma_tries_in_the_configured_cache_dir(tmp_path: Path):
    configured, from_env = tmp_path / "configured", tmp_path / "from-env"
    env = {**os.environ, "PROVENANCE_CACHE_DIR": str(from_env)}
    subprocess.run([sys.executable, "-c", SCRIPT, str(configured)], env=env, check=True, timeout=120)
    assert any((configured / "lemma-tries").rglob("*")), "no lemma tries under the configured cache dir"
    assert not (from_env / "lemma-tries").exists()
