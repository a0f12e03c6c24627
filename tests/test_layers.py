"""The import contracts of pyproject.toml: one-way layers, no cycles between packages or modules."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytest.importorskip("importlinter")
# In a process of its own: lint-imports configures logging in a way that silences every existing logger.
LINT = [sys.executable, "-c", "import sys; from importlinter.cli import lint_imports_command as c; sys.exit(c())"]


def lint(folder: Path) -> subprocess.CompletedProcess[str]:
    """lint-imports with the contracts of ``folder``/pyproject.toml on the package found from ``folder``."""
    return subprocess.run([*LINT, "--no-cache"], cwd=folder, capture_output=True, text=True, timeout=300)


def test_the_package_keeps_its_import_contracts() -> None:
    result = lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_lower_layer_importing_a_higher_one_breaks_the_contract(tmp_path: Path) -> None:
    # a copy of the package in which documents imports the pipeline: the layers contract must catch it
    shutil.copytree(ROOT / "provenance", tmp_path / "provenance", ignore=shutil.ignore_patterns("__pycache__"))
    reader = tmp_path / "provenance" / "documents" / "reader.py"
    reader.write_text(reader.read_text(encoding="utf-8") + "\nfrom provenance import pipeline  # noqa\n",
                      encoding="utf-8")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    result = lint(tmp_path)  # lint-imports finds the package from its working directory first
    assert result.returncode == 1
    assert "provenance.documents.reader -> provenance.pipeline" in result.stdout


def test_every_module_of_the_package_has_a_layer() -> None:
    # a module the layers contract does not name is checked by nothing but the no-cycles contract
    import tomllib

    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    layers = next(c for c in contracts["contracts"] if c.get("containers") == ["provenance"])["layers"]
    named = {name.strip() for layer in layers for name in layer.split("|")}
    package = ROOT / "provenance"
    modules = {p.stem for p in package.glob("*.py") if p.stem != "__init__"}
    modules |= {p.parent.name for p in package.glob("*/__init__.py")}
    assert modules - named == set()
