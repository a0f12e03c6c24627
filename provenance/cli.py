"""The ``provenance`` command: parse arguments, call the library, print.

No logic lives here beyond choosing output (what the commands do beyond parsing is in
``provenance.commands``). Every ``ProvenanceError`` becomes one line on stderr and exit code 2;
findings at or above ``--fail-on`` make ``check`` exit 1.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from provenance import __version__
from provenance.commands.options import (
    language_code,
    snapshot_options,
    text_or_json,
    thorough_option,
    translation_options,
    word_level_option,
)
from provenance.commands.process import kept_regexes, language_model, tune_collector
from provenance.commands.terminal import echo_json, echo_text
from provenance.config import Config, load_settings
from provenance.errors import ProvenanceError

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}

tune_collector()


def get_config(ctx: click.Context) -> Config:
    """The Config built by the top-level group (file < environment < global flags)."""
    return ctx.find_root().obj["config"]


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, prog_name="provenance")
@click.option(
    "--cache-dir", type=click.Path(file_okay=False, path_type=Path),
    help="Where the translation cache, snapshot store and embedding cache live "
    "[env: PROVENANCE_CACHE_DIR; default: the user cache dir].",
)
@click.option(
    "--sources", "sources_dirs", multiple=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Extra outlet registry folder of TOML files (repeatable); searched after the built-in one.",
)
@click.option(
    "--allow-private-network", is_flag=True, default=None,
    help="Allow fetching from loopback and private addresses (off by default: SSRF guard; cloud metadata "
    "addresses stay refused).",
)
@click.option(
    "--allow-http-loopback", is_flag=True, default=False,
    help="Allow sending API keys over plain http to a translation service on a loopback address "
    "(a self-hosted server on this machine); otherwise keys go only over https.",
)
@click.option("--no-progress", is_flag=True, help="Do not draw progress bars on stderr.")
@click.option(
    "--max-article-bytes", type=click.IntRange(min=1), metavar="N",
    help="Refuse articles (and compared texts) larger than N bytes [default: 5 MiB; setting max_article_bytes].",
)
@click.pass_context
def cli(
    ctx: click.Context, cache_dir: Path | None, sources_dirs: tuple[Path, ...], allow_private_network: bool | None,
    allow_http_loopback: bool, no_progress: bool, max_article_bytes: int | None,
) -> None:
    """Check translated quotes in an article against their foreign-language originals.

    \b
    Typical use:
      provenance passages article.md            what does the article attribute to whom?
      provenance check article.md --original https://www.bild.de/...  --format html -o report.html
      provenance compare --source-lang de original.txt passage.txt
    """
    from provenance.commands.settings import global_flags

    loaded = load_settings()
    for warning in loaded.warnings:
        click.echo(f"provenance: warning: {warning}", err=True)
    ctx.obj = {"config": global_flags(
        loaded.config, cache_dir=cache_dir, sources_dirs=sources_dirs, allow_private_network=allow_private_network,
        allow_http_loopback=allow_http_loopback, no_progress=no_progress, max_article_bytes=max_article_bytes)}
    ctx.with_resource(language_model(ctx.obj["config"].cache_dir))
    ctx.with_resource(kept_regexes(ctx.obj["config"].cache_dir))


def read_input(ctx: click.Context, source: str | Path) -> Any:
    """read_document with the --max-article-bytes limit."""
    from provenance.documents import read_document

    return read_document(source, max_bytes=ctx.find_root().obj["config"].max_article_bytes)


# ----------------------------------------------------------------- foundation: passages, sources


@cli.group("sources")
def sources_group() -> None:
    """The outlet registry: which news outlets provenance knows (built-in plus --sources folders)."""


@sources_group.command("list")
@text_or_json
@click.pass_context
def sources_list(ctx: click.Context, fmt: str) -> None:
    """List all known outlets: id, name, language, country, domains."""
    from provenance.commands.tables import sources_table
    from provenance.sources import load_registry

    outlets = load_registry(get_config(ctx).sources_dirs).all()
    if fmt == "json":
        echo_json([o.to_json() for o in outlets])
        return
    click.echo(sources_table(outlets))
    click.echo(f"{len(outlets)} outlets", err=True)


@sources_group.command("show")
@click.argument("outlet_id", metavar="ID")
@text_or_json
@click.pass_context
def sources_show(ctx: click.Context, outlet_id: str, fmt: str) -> None:
    """Show one outlet (by id, or by a name such as "BILD"); unknown ids exit 2 with a suggestion."""
    from provenance.commands.tables import outlet_details
    from provenance.sources import load_registry

    registry = load_registry(get_config(ctx).sources_dirs)
    outlet = registry.get(outlet_id) if outlet_id in registry else registry.find(outlet_id) or registry.get(outlet_id)
    if fmt == "json":
        echo_json(outlet.to_json())
        return
    click.echo(outlet_details(outlet))


@cli.command("passages")
@click.argument("article", metavar="ARTICLE")
@click.option(
    "--foreign-only",
    is_flag=True,
    help="Leave out outlets that write in the article's own language (quotations, not translations).",
)
@text_or_json
@click.pass_context
def passages_cmd(ctx: click.Context, article: str, foreign_only: bool, fmt: str) -> None:
    """List the passages ARTICLE (a path, or - for stdin) attributes to news outlets."""
    from provenance.attribution import find_passages, format_passages
    from provenance.sources import load_registry

    registry = load_registry(get_config(ctx).sources_dirs)
    found = find_passages(read_input(ctx, article), registry, same_language=not foreign_only)
    if fmt == "json":
        echo_json([p.to_json() for p in found])
    else:
        echo_text(format_passages(found))

@cli.command("discover")
@click.argument("article", metavar="ARTICLE")
@click.option("--date", "day", metavar="YYYY-MM-DD", help="The article's publication date (sets the date window).")
@click.option("--outlet", "outlet_id", metavar="ID", help="Look on this outlet's site for every passage.")
@click.option("--window", "window_days", type=click.IntRange(0, 366), help="Days before/after --date [default: 3].")
@click.option(
    "--interval", "min_interval", type=click.FloatRange(0, 600), help="Seconds between requests to a host [default: 1]."
)
@click.option(
    "--listing", "listings", multiple=True, type=click.Choice(["sitemaps", "feeds", "wayback", "archive.today"]),
    help="Where to look (repeatable) [default: all four].",
)
@click.option(
    "--read", "read_max", type=click.IntRange(0, 100_000),
    help="Pages read and scored by their text, best listing entries first; 0: listings only [default: 600].",
)
@text_or_json
@click.pass_context
def discover_cmd(
    ctx: click.Context, article: str, day: str | None, outlet_id: str | None, window_days: int | None,
    min_interval: float | None, listings: tuple[str, ...], read_max: int | None, fmt: str,
) -> None:
    """Find the originals of ARTICLE's passages on the credited outlets' sites.

    Passages that link their original are left out (check follows the link). Listings read: the
    outlet's sitemaps and feeds, the Wayback CDX index, archive.today; robots.txt is honoured.
    """
    from provenance.commands.discover import discover_passages
    from provenance.commands.settings import parse_date
    from provenance.discover import DiscoverySettings
    from provenance.discover.table import format_discoveries

    changes: dict[str, Any] = {
        "window_days": window_days, "min_interval": min_interval, "listings": listings or None, "read_max": read_max,
    }
    settings = DiscoverySettings(**{k: v for k, v in changes.items() if v is not None})
    results = discover_passages(read_input(ctx, article), get_config(ctx), settings, day=parse_date(day),
                                outlet_id=outlet_id)
    if fmt == "json":
        echo_json([{"passage": pid, **found.to_json()} for pid, found in results])
    else:
        echo_text(format_discoveries(results))


# ----------------------------------------------------------------- engine: align, compare


@cli.command("align")
@click.argument("src", type=click.Path(path_type=Path))
@click.argument("tgt", type=click.Path(path_type=Path))
@click.option("--src-lang", callback=language_code, help="Language of SRC (ISO 639-1 or a name; default: detected).")
@click.option("--tgt-lang", callback=language_code, help="Language of TGT (ISO 639-1 or a name; default: detected).")
@click.option("--presegmented", is_flag=True, help="Inputs hold one sentence per line (ids = line numbers).")
@click.option("--format", "fmt", type=click.Choice(["beads", "json"]), default="beads", show_default=True)
@click.option(
    "--mode", type=click.Choice(["auto", "document", "excerpt"]), default="document", show_default=True,
    help="document: both whole and in order; excerpt: TGT quotes part of SRC, maybe reordered; "
    "auto: excerpt when TGT is short.",
)
@click.option("--no-reorder", is_flag=True, help="Excerpt mode: keep the original order.")
@click.option("--threads", type=int, help="CPU threads for the embedding model.")
@click.pass_context
def align_command(
    ctx: click.Context, src: Path, tgt: Path, src_lang: str | None, tgt_lang: str | None, presegmented: bool,
    fmt: str, mode: str, no_reorder: bool, threads: int | None,
) -> None:
    """Align the sentences of SRC (original) and TGT (translation); print beads `[i,j]:[k]`, SRC ids first."""
    from provenance.align import format_beads
    from provenance.commands.pairs import align_files
    from provenance.commands.tables import alignment_record

    done = align_files(get_config(ctx), src, tgt, src_lang=src_lang, tgt_lang=tgt_lang, presegmented=presegmented,
                       mode=mode, reorder=not no_reorder, threads=threads)
    if fmt == "json":
        echo_json(alignment_record(done.version, done.embedder, done.source, done.target, done.beads))
    elif done.beads:
        click.echo(format_beads(done.beads))


@cli.command("compare")
@click.argument("source", required=False, type=click.Path(path_type=Path))
@click.argument("derivative", required=False, type=click.Path(path_type=Path))
@click.option("--source-lang", callback=language_code,
              help="Language of SOURCE (ISO 639-1 or a name; default: detected).")
@click.option("--derivative-lang", callback=language_code, help="Language of DERIVATIVE (default: detected, else en).")
@click.option("--translation", "translation_file", type=click.Path(path_type=Path),
              help="A known translation of SOURCE into the derivative's language (enables word-level checks).")
@click.option("--jsonl", "jsonl", type=click.Path(path_type=Path),
              help='Batch mode: one {"id","source","source_lang","derivative","translation"?} per line ("-" = stdin).')
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Batch mode: write JSON lines here.")
@thorough_option
@text_or_json
@click.pass_context
def compare_command(
    ctx: click.Context, source: Path | None, derivative: Path | None, source_lang: str | None,
    derivative_lang: str | None, translation_file: Path | None, jsonl: Path | None, output: Path | None,
    thorough: bool | None, fmt: str,
) -> None:
    """Compare one ORIGINAL text (SOURCE) with its rendering (DERIVATIVE) and list what changed.

    Findings are data here: the exit code is 0 whatever was found (2 for bad input); use
    `provenance check --fail-on` for a pass/fail gate.
    """
    from provenance.errors import UsageError

    config = get_config(ctx)
    if thorough is not None:
        config = replace(config, thorough=thorough)
    if jsonl is not None:
        if source or derivative:
            raise UsageError("give either --jsonl FILE or SOURCE and DERIVATIVE, not both")
        from provenance.commands.batch import compare_jsonl

        compare_jsonl(config, jsonl, output, derivative_lang or "en", emit=click.echo)
        return
    if source is None or derivative is None:
        raise UsageError("compare needs SOURCE and DERIVATIVE files (or --jsonl FILE)")
    from provenance.commands.pairs import compare_pair
    from provenance.commands.tables import finding_header, verdict_line
    from provenance.compare import verdict

    src_text = read_input(ctx, source).text
    der_text = read_input(ctx, derivative).text
    trans_text = read_input(ctx, translation_file).text if translation_file else None
    done = compare_pair(config, src_text, der_text, trans_text, source_lang=source_lang,
                        derivative_lang=derivative_lang, source_name=source)
    if fmt == "json":
        echo_json({"verdict": verdict(done.findings), "source_lang": done.source_lang,
                   "derivative_lang": done.derivative_lang, "findings": [f.to_json() for f in done.findings]})
        return
    for f in done.findings:
        click.echo(finding_header(f))
        echo_text(f"  {f.explanation}")
    click.echo(verdict_line(verdict(done.findings), len(done.findings)))


# ----------------------------------------------------------------- originals: fetch, extract

@cli.command("fetch")
@snapshot_options
@click.pass_context
def fetch_command(
    ctx: click.Context, src: str, archive: str | None, refresh: bool, outlet: str | None, warc_out: Path | None,
    fmt: str,
) -> None:
    """Get the original SRC and print where it came from (the provenance record).

    SRC is a path, an http(s) URL, wayback:URL[@YYYYMMDDhhmmss], archive.today:URL or warc:FILE[#URL].
    """
    from provenance.commands.originals import get_original
    from provenance.commands.tables import snapshot_record

    snap, _outlet = get_original(get_config(ctx), src, outlet, warc_out, archive=archive, refresh=refresh)
    if fmt == "json":
        echo_json(snap.to_json())
        return
    echo_text(snapshot_record(snap, warc_out))


@cli.command("extract")
@snapshot_options
@click.option("--lang", "language", metavar="L", callback=language_code,
              help="Language of the original (default: detected).")
@click.pass_context
def extract_command(
    ctx: click.Context, src: str, archive: str | None, refresh: bool, outlet: str | None, warc_out: Path | None,
    fmt: str, language: str | None,
) -> None:
    """Print the article text of the original SRC (same SRC forms as `fetch`)."""
    from provenance.commands.originals import get_original
    from provenance.extract import extract

    snap, found = get_original(get_config(ctx), src, outlet, warc_out, archive=archive, refresh=refresh)
    original = extract(snap, outlet=found, language=language)
    if fmt == "json":
        echo_json({**original.to_json(), "snapshot": snap.to_json()})
        return
    if snap.partial:
        click.echo(f"provenance: warning: {snap.partial_reason}", err=True)
    echo_text(original.text)


# ----------------------------------------------------------------- translation: translate, cache


@cli.command("translate")
@click.argument("source", metavar="TEXT|FILE|-")
@click.option("--from", "source_lang", required=True, metavar="LANG", callback=language_code,
              help="Language of the text (ISO 639-1 such as de, or a name).")
@click.option("--to", "target_lang", default="en", show_default=True, metavar="LANG", callback=language_code,
              help="Language to translate to.")
@translation_options
@text_or_json
@click.pass_context
def translate_command(
    ctx: click.Context, source: str, source_lang: str, target_lang: str, translator: str | None,
    memories: tuple[Path, ...], libre_url: str | None, fmt: str,
) -> None:
    """Translate TEXT (or the contents of FILE, or stdin) paragraph by paragraph.

    Every paragraph says which translator produced it (on stderr for --format text). Results of
    online providers are cached, so a rerun needs no network.

    \b
      provenance translate "Der Minister soll gelogen haben." --from de
      provenance translate article.de.txt --from de --translator deepl
      provenance translate original.txt --from de --memory desk.tmx --translator memory
      provenance translate "Guten Tag" --from de --translator libre --libre-url http://localhost:5000
    """
    from provenance.commands.settings import with_flags
    from provenance.commands.translate import read_text, translate_paragraphs
    from provenance.translate import get_translator

    config = with_flags(get_config(ctx), translator=translator or None, memories=memories, libre_url=libre_url or None)
    engine = get_translator(config.translator, config)
    done = translate_paragraphs(engine, read_text(source), source_lang, target_lang)
    if fmt == "json":
        echo_json(done.to_json(engine, source_lang, target_lang))
        return
    click.echo(done.text)
    click.echo(f"provenance: translated by {', '.join(done.translators) or engine.name}", err=True)


@cli.group("cache")
def cache_group() -> None:
    """Inspect or clear the cache database (translations, snapshots, embeddings)."""


@cache_group.command("stats")
@text_or_json
@click.pass_context
def cache_stats_command(ctx: click.Context, fmt: str) -> None:
    """Row counts per table and the size of the database."""
    from provenance.commands.tables import cache_stats_text
    from provenance.translate.cache import cache_stats

    stats = cache_stats(get_config(ctx).cache_dir)
    if fmt == "json":
        echo_json(stats)
        return
    click.echo(cache_stats_text(stats))


@cache_group.command("clear")
@click.option("--translations", is_flag=True, help="Cached translations.")
@click.option("--snapshots", is_flag=True, help="The snapshot index.")
@click.option("--embeddings", is_flag=True, help="Cached sentence embeddings.")
@click.option("--all", "everything", is_flag=True, help="All of the above.")
@click.option("--yes", "-y", is_flag=True, help="Do not ask for confirmation.")
@click.pass_context
def cache_clear_command(
    ctx: click.Context, translations: bool, snapshots: bool, embeddings: bool, everything: bool, yes: bool
) -> None:
    """Delete cached rows (say which with --translations, --snapshots, --embeddings or --all)."""
    from provenance.commands.tables import cleared_text
    from provenance.errors import UsageError
    from provenance.translate.cache import TABLE_GROUPS, cache_stats, clear_cache

    chosen = {"translations": translations, "snapshots": snapshots, "embeddings": embeddings}
    groups = [g for g, on in chosen.items() if on]
    if everything:
        groups = list(TABLE_GROUPS)
    if not groups:
        raise UsageError("say what to clear: --translations, --snapshots, --embeddings or --all")
    cache_dir = get_config(ctx).cache_dir
    before = cache_stats(cache_dir)
    if not yes:
        counts = ", ".join(f"{before['groups'][g]} {g}" for g in groups)
        click.confirm(f"Delete {counts} from {before['database']}?", abort=True, err=True)
    deleted = clear_cache(cache_dir, groups)
    click.echo(cleared_text(deleted, before, cache_stats(cache_dir)))


# ----------------------------------------------------------------- full check: check, waive


@cli.command()
@click.argument("derivatives", nargs=-1, metavar="DERIVATIVE...")
@click.option(
    "--manifest", type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help='Corpus mode: one {"id","article","originals"?,"memory"?} per line (paths relative to the file); '
    "one JSON result per line to -o FILE (resumable) or stdout.",
)
@click.option("--workers", type=click.IntRange(min=1), metavar="N",
              help="Corpus mode: check on a local Dask cluster of N processes (needs the [corpus] extra).")
@click.option("--scheduler", metavar="ADDRESS", help="Corpus mode: check on the Dask cluster at ADDRESS.")
@click.option("--no-progress", "no_progress", is_flag=True, help="Do not draw progress bars (as the global flag).")
@click.option(
    "--original", "originals", multiple=True, metavar="SRC",
    help="The original: a path, an http(s) URL, wayback:URL[@YYYYMMDDhhmmss], archive.today:URL or "
    "warc:FILE[#URL]. Repeatable: each passage uses the one whose outlet, domain or language fits it. "
    "Without it, links in or next to each passage are followed.",
)
@click.option("--outlet", metavar="NAME", help="Only check passages attributed to this outlet (id or name).")
@translation_options
@click.option(
    "--archive", type=click.Choice(["live", "wayback", "archive.today", "auto"]),
    help="Where to get linked originals: live page (default), an archive, or auto (live, then archives).",
)
@click.option("--refresh", is_flag=True, help="Fetch originals again instead of using stored snapshots.")
@click.option(
    "--warc", "warc_out", type=click.Path(dir_okay=False, path_type=Path),
    help="Also append every original used to this WARC file (.warc.gz), to keep the evidence.",
)
@click.option("--format", "fmt", type=click.Choice(["text", "json", "html", "md"]), default="text", show_default=True)
@click.option(
    "-o", "--output", type=click.Path(),
    help="Write the report here instead of stdout (a directory when checking several articles "
    "or when it ends with /); with --manifest, the results file (JSON lines, appended to and resumed).",
)
@click.option(
    "--html", "html_out", type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the reviewer's HTML report to this file (single article).",
)
@click.option(
    "--fail-on", type=click.Choice(["minor", "major", "critical", "never"]),
    help="Exit 1 when a finding at or above this severity is not waived [default: major].",
)
@click.option(
    "--fail-on-unverified", is_flag=True, default=None,
    help="Also exit 1 when a passage could not be compared with any original.",
)
@click.option(
    "--waivers", type=click.Path(dir_okay=False, path_type=Path),
    help="Waiver file [default: .provenance-waivers.toml].",
)
@click.option("--color/--no-color", default=None, help="Colour the terminal report [default: when a TTY].")
@click.option(
    "--discover", "discover", is_flag=True,
    help="Look for the original of a passage that links none on its outlet's site (see `provenance discover`).",
)
@click.option("--date", "day", metavar="YYYY-MM-DD", help="With --discover: the article's date (the date window).")
@thorough_option
@word_level_option
@click.pass_context
def check(
    ctx: click.Context, derivatives: tuple[str, ...], manifest: Path | None, workers: int | None,
    scheduler: str | None, no_progress: bool, originals: tuple[str, ...], outlet: str | None,
    translator: str | None, memories: tuple[Path, ...], libre_url: str | None, archive: str | None, refresh: bool,
    warc_out: Path | None, fmt: str, output: str | None, html_out: Path | None, fail_on: str | None,
    fail_on_unverified: bool | None, waivers: Path | None, color: bool | None, discover: bool, day: str | None,
    thorough: bool | None, word_level: bool | None,
) -> None:
    """Check the passages of DERIVATIVE (files, globs or - for stdin) against their originals.

    Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it (or, with
    --fail-on-unverified, a passage without an original), 2 bad usage or unreadable input.

    \b
    Corpus mode (the model is loaded once; a rerun with the same -o skips finished items):
      provenance check --manifest articles.jsonl -o results.jsonl [--workers 2]
    """
    from provenance import gate
    from provenance.commands.check import Outputs, check_articles, check_manifest, expand
    from provenance.commands.discover import discover_options
    from provenance.commands.settings import with_flags

    config = get_config(ctx)
    config = with_flags(config, refresh=refresh or config.refresh, translator=translator, libre_url=libre_url,
                        archive=archive, fail_on=fail_on, fail_on_unverified=fail_on_unverified, waivers=waivers,
                        thorough=thorough, word_level=word_level, memories=memories,
                        progress=False if no_progress else None)

    if manifest is not None:
        ctx.exit(check_manifest(config, manifest, output=output, workers=workers, scheduler=scheduler, outlet=outlet,
                                conflicts={"DERIVATIVE": bool(derivatives), "--original": bool(originals),
                                           "--html": html_out is not None, "--format": fmt != "text",
                                           "--warc": warc_out is not None}))
    if workers or scheduler:
        raise click.BadParameter("--workers and --scheduler go with --manifest", param_hint="--manifest")
    if not derivatives:
        raise click.BadParameter("give DERIVATIVE... or --manifest FILE", param_hint="DERIVATIVE")
    paths = expand(derivatives)
    outputs = Outputs.choose(paths, output, html_out)
    reports = check_articles(config, paths, lambda path: read_input(ctx, path), originals, outlet=outlet,
                             warc_out=warc_out, discover=discover_options(discover, day))

    outputs.deliver(paths, reports, fmt, html_out=html_out, color=sys.stdout.isatty() if color is None else color)
    ctx.exit(gate.exit_code(reports, config.fail_on, fail_on_unverified=config.fail_on_unverified))


@cli.command()
@click.argument("finding_id", metavar="ID")
@click.option("--reason", required=True, help="Why the finding is acceptable (kept in the waiver file).")
@click.option(
    "--file", "path", type=click.Path(dir_okay=False, path_type=Path),
    help="Waiver file [default: .provenance-waivers.toml].",
)
@click.pass_context
def waive(ctx: click.Context, finding_id: str, reason: str, path: Path | None) -> None:
    """Accept finding ID (from a report) so the gate stops failing on it; it still shows as waived."""
    from provenance.waivers import Waivers

    waivers = Waivers.load(path or get_config(ctx).waivers)
    waiver = waivers.add(finding_id, reason)
    waivers.save()
    click.echo(f"waived {waiver.id} in {waivers.path}")


@cli.command("setup")
@click.pass_context
def setup_resources(ctx: click.Context) -> None:
    """Build the lemma tries, WordNet maps and dictionary indexes a check needs (once, under --cache-dir)."""
    from provenance.commands.setup import print_setup

    print_setup(get_config(ctx))


def main(argv: list[str] | None = None) -> int:
    """Console-script entry point; returns the exit code instead of raising."""
    try:
        # Without standalone mode click returns ctx.exit()'s code instead of raising SystemExit.
        result = cli.main(args=argv, prog_name="provenance", standalone_mode=False)
    except ProvenanceError as exc:
        from provenance.report.sanitize import neutralise

        # messages may quote paths, URLs or record fields from the input
        click.echo(f"provenance: error: {neutralise(str(exc))}", err=True)
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
    return result if isinstance(result, int) else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
