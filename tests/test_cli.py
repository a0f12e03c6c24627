"""The command line: help, version, and the error contract (one line, exit 2, no traceback)."""

from __future__ import annotations

import subprocess
import sys

from provenance import __version__
from provenance.cli import main


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "provenance.cli", *args], capture_output=True, text=True, timeout=120
    )


def test_help_lists_the_commands(capsys) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "Check translated quotes" in out


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert __version__ in result.stdout


def test_unknown_command_is_a_usage_error_with_exit_2() -> None:
    result = run("no-such-command")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
