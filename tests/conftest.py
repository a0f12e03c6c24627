"""Shared fixtures. Tests never touch the internet; HTTP goes to loopback servers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from provenance.config import Config
from tests.loopback import LoopbackServer

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"
SEED_DIR = ROOT.parent / "shared" / "seed"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXAMPLE = ROOT / "examples"


@pytest.fixture
def http_server() -> Iterator[LoopbackServer]:
    with LoopbackServer() as server:
        yield server


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own cache dir: no test reads or writes the user's cache."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("PROVENANCE_CACHE_DIR", str(cache))
    # nor the user's own config file
    monkeypatch.setenv("PROVENANCE_CONFIG", str(tmp_path / "no-user-config.toml"))
    return cache


def shared_data(*parts: str) -> Path:
    """A path under ../shared/data, or skip the test with a reason when it is absent."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"evaluation data not available: {path}")
    return path


def example_config(tmp_path: Path, **changes: object) -> Config:
    """Settings for checking the bundled example offline: its outlet file and translation memory."""
    settings: dict[str, object] = {
        "cache_dir": tmp_path / "cache",
        "sources_dirs": (EXAMPLE / "outlets",),
        "translator": "memory",
        "memories": (EXAMPLE / "memory.tsv",),
        "progress": False,
    }
    return Config(**{**settings, **changes})  # type: ignore[arg-type]
