"""The shipped outlet registry as data: where it lives, how it is packaged, and what every file
in it must satisfy (loads, unique ids, no alias claimed by two outlets, valid codes and hostnames,
coverage)."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "sources"


# --------------------------------------------------------------------------- packaging


def _build_config() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def test_the_registry_is_the_top_level_sources_folder_mapped_into_the_package() -> None:
    config = _build_config()
    assert config["package-dir"] == {"provenance.outlet_sources": "sources"}
    assert "provenance.outlet_sources" in config["packages"]
    assert config["package-data"]["provenance.outlet_sources"] == ["*.toml"]
    assert not (ROOT / "provenance" / "outlets").exists()


def test_every_folder_of_the_package_is_listed_for_the_wheel() -> None:
    """The package list is written out (the mapped sources/ folder rules out a find), so a new
    subpackage or data folder under provenance/ must be added there or the wheel would lack it."""
    folders = {
        ".".join(path.relative_to(ROOT).parts)
        for path in [ROOT / "provenance", *(ROOT / "provenance").rglob("*")]
        if path.is_dir() and path.name != "__pycache__" and any(p.is_file() for p in path.iterdir())
    }
    assert folders <= set(_build_config()["packages"])


def test_the_installed_registry_is_read_from_sources() -> None:
    from importlib import resources

    import provenance.sources as sources

    folder = resources.files(sources._BUILTIN_PACKAGE)
    assert Path(str(folder)).resolve() == SOURCES.resolve()  # the editable install reads the checkout
