"""`check --discover`: a passage that links nothing is compared with the page discovery found."""

from __future__ import annotations

from datetime import date

import pytest

import provenance.pipeline as pipeline
from provenance.cli import main
from provenance.discover import DiscoverOptions
from provenance.documents import read_document
from provenance.pipeline import Checker
from tests.conftest import EXAMPLE, example_config


def unlinked(tmp_path):  # type: ignore[no-untyped-def]
    """The bundled example article with the link to its original taken out."""
    text = (EXAMPLE / "article.md").read_text(encoding="utf-8")
    path = tmp_path / "article.md"
    path.write_text(
        text.replace("([original](https://rheinischer-bote.example/region/neuweiler-bruecken-streit-12345.html))", "")
    )
    return read_document(path)


def test_without_discover_an_unlinked_passage_stays_unverified(tmp_path) -> None:
    report = Checker(example_config(tmp_path)).check(unlinked(tmp_path), [])
    [result] = report.results
    assert result.status == "unverified" and "no original given or linked" in (result.message or "")


def test_with_discover_the_found_page_is_the_original(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[DiscoverOptions] = []

    def found(passage, registry, config, options, *, embedder=None):  # type: ignore[no-untyped-def]
        asked.append(options)
        return [str(EXAMPLE / "original.html")], None

    monkeypatch.setattr(pipeline, "discovered_sources", found)
    options = DiscoverOptions(day=date(2025, 3, 14))
    report = Checker(example_config(tmp_path), discover=options).check(unlinked(tmp_path), [])
    [result] = report.results
    assert result.status == "checked" and result.findings
    assert asked == [options]


def test_when_discovery_finds_nothing_its_conclusion_is_the_message(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(
        pipeline, "discovered_sources", lambda *a, **k: ([], "no original found on Rheinischer Bote (confidence 0.21)")
    )
    report = Checker(example_config(tmp_path), discover=DiscoverOptions()).check(unlinked(tmp_path), [])
    [result] = report.results
    assert result.status == "unverified" and result.message.startswith("no original found on Rheinischer Bote")


def test_check_date_without_discover_is_a_usage_error(capsys) -> None:
    assert main(["check", str(EXAMPLE / "article.md"), "--date", "2025-03-14"]) == 2
    assert capsys.readouterr().err == "provenance: error: --date only counts with --discover\n"
