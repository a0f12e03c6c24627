"""The ``provenance`` command: parse arguments, call the library, print.

No logic lives here beyond choosing output. Every ``ProvenanceError`` becomes one line on
stderr and exit code 2; findings at or above ``--fail-on`` make ``check`` exit 1.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from provenance import __version__
from provenance.config import Config, load_config
from provenance.errors import ProvenanceError

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def get_config(ctx: click.Context) -> Config:
    """The Config built by the top-level group (file < environment < global flags)."""
    return ctx.find_root().obj["config"]


def echo_json(data: Any) -> None:
    import json

    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, prog_name="provenance")
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where the translation cache, snapshot store and embedding cache live "
    "[env: PROVENANCE_CACHE_DIR; default: the user cache dir].",
)
@click.option(
    "--sources",
    "sources_dirs",
    multiple=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Extra outlet registry folder of TOML files (repeatable); searched after the built-in one.",
)
@click.option(
    "--allow-private-network",
    is_flag=True,
    default=None,
    help="Allow fetching from loopback and private addresses (off by default: SSRF guard).",
)
@click.option("--no-progress", is_flag=True, help="Do not draw progress bars on stderr.")
@click.pass_context
def cli(
    ctx: click.Context,
    cache_dir: Path | None,
    sources_dirs: tuple[Path, ...],
    allow_private_network: bool | None,
    no_progress: bool,
) -> None:
    """Check translated quotes in an article against their foreign-language originals.

    \b
    Typical use:
      provenance passages article.md            what does the article attribute to whom?
      provenance check article.md --original https://www.bild.de/...  --format html -o report.html
      provenance compare --source-lang de original.txt passage.txt
    """
    config = load_config()
    changes: dict[str, Any] = {}
    if cache_dir is not None:
        changes["cache_dir"] = cache_dir
    if sources_dirs:
        changes["sources_dirs"] = config.sources_dirs + tuple(sources_dirs)
    if allow_private_network is not None:
        changes["allow_private_network"] = allow_private_network
    if no_progress or not sys.stderr.isatty():
        changes["progress"] = False
    ctx.obj = {"config": replace(config, **changes)}


# ----------------------------------------------------------------- foundation: passages, sources

# ----------------------------------------------------------------- engine: align, compare

# ----------------------------------------------------------------- originals: fetch, extract

# ----------------------------------------------------------------- translation: translate, cache

# ----------------------------------------------------------------- full check: check, waive


def main(argv: list[str] | None = None) -> int:
    """Console-script entry point; returns the exit code instead of raising."""
    try:
        cli.main(args=argv, prog_name="provenance", standalone_mode=False)
    except ProvenanceError as exc:
        click.echo(f"provenance: error: {exc}", err=True)
        return exc.exit_code
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.ClickException as exc:
        exc.show()
        return 2
    except click.exceptions.Abort:
        click.echo("provenance: aborted", err=True)
        return 130
    except KeyboardInterrupt:
        click.echo("provenance: interrupted", err=True)
        return 130
    except BrokenPipeError:
        return 0
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
