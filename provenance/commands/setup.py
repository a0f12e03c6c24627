"""``provenance setup``: build the compiled language resources once, and say what was built."""

from __future__ import annotations

import click

from provenance.config import Config


def print_setup(config: Config) -> None:
    """Build every resource (lemma tries, WordNet maps, dictionary indexes) and report each on stderr."""
    from provenance.resources import build_resources

    for item in build_resources(config):
        state = "ready" if item.ready else f"skipped: {item.note}"
        click.echo(f"{item.name}: {state} ({item.seconds:.1f} s)", err=True)
