"""The import contracts of pyproject.toml: one-way layers, no cycles between packages or modules."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

importlinter = pytest.importorskip("importlinter.cli")


def lint(config: Path) -> int:
    return importlinter.lint_imports(config_filename=str(config), no_cache=True, no_logo=True)


def test_the_package_keeps_its_import_contracts(capsys) -> None:
    assert lint(ROOT / "pyproject.toml") == 0, capsys.readouterr().out


def test_a_lower_layer_importing_a_higher_one_breaks_the_contract(tmp_path: Path, monkeypatch, capsys) -> None:
    # a copy of the package in which documents imports the pipeline: the layers contract must catch it
    copy = tmp_path / "provenance"
    shutil.copytree(ROOT / "provenance", copy, ignore=shutil.ignore_patterns("__pycache__"))
    reader = copy / "documents" / "reader.py"
    reader.write_text(reader.read_text(encoding="utf-8") + "\nfrom provenance import pipeline  # noqa\n",
                      encoding="utf-8")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    monkeypatch.chdir(tmp_path)  # lint-imports looks for the package from the working directory first
    monkeypatch.syspath_prepend(str(tmp_path))
    for name in [m for m in sys.modules if m == "provenance" or m.startswith("provenance.")]:
        monkeypatch.delitem(sys.modules, name)  # (put back when the test ends; nothing is imported meanwhile)
    assert lint(tmp_path / "pyproject.toml") == 1
    assert "provenance.documents.reader -> provenance.pipeline" in capsys.readouterr().out
