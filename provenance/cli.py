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
from provenance.config import Config, load_settings
from provenance.errors import ProvenanceError

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def get_config(ctx: click.Context) -> Config:
    """The Config built by the top-level group (file < environment < global flags)."""
    return ctx.find_root().obj["config"]


def translation_options(command: Any) -> Any:
    """--translator, --memory and --libre-url, shared by the commands that translate."""
    options = [
        click.option(
            "--translator",
            metavar="NAME",
            help="auto (cache, memory, the online provider named by PROVENANCE_TRANSLATOR_PROVIDER, offline "
            "gloss), google, mymemory, libre, microsoft, deepl, chatgpt, memory, gloss, identity, cache-only "
            "[env: PROVENANCE_TRANSLATOR].",
        ),
        click.option(
            "--memory",
            "memories",
            multiple=True,
            type=click.Path(exists=True, dir_okay=False, path_type=Path),
            help="Translation memory of the original (TMX, TSV or XLIFF); repeatable.",
        ),
        click.option("--libre-url", metavar="URL", help="LibreTranslate server for --translator libre."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _language(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """Click callback: a language option's value as an ISO 639-1 code (LanguageError -> exit 2)."""
    from provenance.languages import iso639_1

    return None if value is None else iso639_1(value)


#: the ``--format text|json`` option of the commands that print a record or a list
text_or_json = click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)


def thorough_option(command: Any) -> Any:
    return click.option(
        "--thorough", is_flag=True, default=None,
        help="Also test antonyms no word list knows by rewriting passage sentences and embedding the rewrites "
             "(slower: tens of ms per candidate word) [env: PROVENANCE_THOROUGH].",
    )(command)


def echo_json(data: Any) -> None:
    """Pretty JSON; DEL, C1 and bidi controls as \\u escapes so the output is inert on a terminal."""
    import json

    from provenance.report.sanitize import json_safe

    click.echo(json_safe(json.dumps(data, ensure_ascii=False, indent=2)))


def echo_text(text: str) -> None:
    """Text from articles or pages, with control and bidi characters made visible (never raw on a terminal)."""
    from provenance.report.sanitize import neutralise

    click.echo(neutralise(text))


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
    help="Allow fetching from loopback and private addresses (off by default: SSRF guard; cloud metadata "
    "addresses stay refused).",
)
@click.option(
    "--allow-http-loopback",
    is_flag=True,
    default=False,
    help="Allow sending API keys over plain http to a translation service on a loopback address "
    "(a self-hosted server on this machine); otherwise keys go only over https.",
)
@click.option("--no-progress", is_flag=True, help="Do not draw progress bars on stderr.")
@click.option(
    "--max-article-bytes",
    type=click.IntRange(min=1),
    metavar="N",
    help="Refuse articles (and compared texts) larger than N bytes [default: 5 MiB; setting max_article_bytes].",
)
@click.pass_context
def cli(
    ctx: click.Context,
    cache_dir: Path | None,
    sources_dirs: tuple[Path, ...],
    allow_private_network: bool | None,
    allow_http_loopback: bool,
    no_progress: bool,
    max_article_bytes: int | None,
) -> None:
    """Check translated quotes in an article against their foreign-language originals.

    \b
    Typical use:
      provenance passages article.md            what does the article attribute to whom?
      provenance check article.md --original https://www.bild.de/...  --format html -o report.html
      provenance compare --source-lang de original.txt passage.txt
    """
    loaded = load_settings()
    for warning in loaded.warnings:
        click.echo(f"provenance: warning: {warning}", err=True)
    config = loaded.config
    changes: dict[str, Any] = {"allow_http_loopback": allow_http_loopback}
    if cache_dir is not None:
        changes["cache_dir"] = cache_dir
    if sources_dirs:
        changes["sources_dirs"] = config.sources_dirs + tuple(sources_dirs)
    if allow_private_network is not None:
        changes["allow_private_network"] = allow_private_network
    if no_progress or not sys.stderr.isatty():
        changes["progress"] = False
    if max_article_bytes is not None:
        changes["max_article_bytes"] = max_article_bytes
    ctx.obj = {"config": replace(config, **changes)}


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
    from provenance.sources import load_registry

    outlets = load_registry(get_config(ctx).sources_dirs).all()
    if fmt == "json":
        echo_json([o.to_json() for o in outlets])
        return
    rows = [(o.id, o.name, o.language, o.country or "-", ", ".join(o.domains) or "-") for o in outlets]
    header = ("ID", "NAME", "LANG", "COUNTRY", "DOMAINS")
    widths = [max(len(r[i]) for r in (header, *rows)) for i in range(4)]
    for row in (header, *rows):
        click.echo("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:4])) + "  " + row[4])
    click.echo(f"{len(rows)} outlets", err=True)


@sources_group.command("show")
@click.argument("outlet_id", metavar="ID")
@text_or_json
@click.pass_context
def sources_show(ctx: click.Context, outlet_id: str, fmt: str) -> None:
    """Show one outlet (by id, or by a name such as "BILD"); unknown ids exit 2 with a suggestion."""
    from provenance.sources import load_registry

    registry = load_registry(get_config(ctx).sources_dirs)
    outlet = registry.get(outlet_id) if outlet_id in registry else registry.find(outlet_id) or registry.get(outlet_id)
    if fmt == "json":
        echo_json(outlet.to_json())
        return
    for label, value in (
        ("id", outlet.id),
        ("name", outlet.name),
        ("language", outlet.language),
        ("country", outlet.country or "-"),
        ("kind", outlet.kind),
        ("aliases", ", ".join(outlet.aliases) or "-"),
        ("domains", ", ".join(outlet.domains) or "-"),
        ("paywall markers", ", ".join(outlet.paywall_markers) or "-"),
        ("xpath hints", ", ".join(outlet.xpath) or "-"),
    ):
        click.echo(f"{label + ':':17} {value}")


@cli.command("passages")
@click.argument("article", metavar="ARTICLE")
@text_or_json
@click.pass_context
def passages_cmd(ctx: click.Context, article: str, fmt: str) -> None:
    """List the passages ARTICLE (a path, or - for stdin) attributes to news outlets."""
    from provenance.attribution import find_passages, format_passages
    from provenance.sources import load_registry

    found = find_passages(read_input(ctx, article), load_registry(get_config(ctx).sources_dirs))
    if fmt == "json":
        echo_json([p.to_json() for p in found])
    else:
        echo_text(format_passages(found))

def _parse_date(day: str | None) -> Any:
    from datetime import date

    from provenance.errors import UsageError

    try:
        return date.fromisoformat(day) if day else None
    except ValueError:
        raise UsageError(f"--date must be YYYY-MM-DD, not {day!r}") from None


def _discover_options(discover: bool, day: str | None) -> Any:
    """check --discover [--date]: the pipeline's discovery options (None: off)."""
    from provenance.discover import DiscoverOptions
    from provenance.errors import UsageError

    if day and not discover:
        raise UsageError("--date only counts with --discover")
    return DiscoverOptions(day=_parse_date(day)) if discover else None


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
@text_or_json
@click.pass_context
def discover_cmd(
    ctx: click.Context, article: str, day: str | None, outlet_id: str | None, window_days: int | None,
    min_interval: float | None, listings: tuple[str, ...], fmt: str,
) -> None:
    """Find the originals of ARTICLE's passages on the credited outlets' sites.

    Passages that link their original are left out (check follows the link). Listings read: the
    outlet's sitemaps and feeds, the Wayback CDX index, archive.today; robots.txt is honoured.
    """
    from provenance.attribution import find_passages
    from provenance.discover import DiscoverySettings, discover_original
    from provenance.discover.bridge import GlossBridge
    from provenance.discover.table import format_discoveries
    from provenance.sources import load_registry
    from provenance.translate.memory import TranslationMemory

    config = get_config(ctx)
    when = _parse_date(day)
    changes: dict[str, Any] = {"window_days": window_days, "min_interval": min_interval, "listings": listings or None}
    settings = DiscoverySettings(**{k: v for k, v in changes.items() if v is not None})
    registry = load_registry(config.sources_dirs)
    outlet = registry.get(outlet_id) if outlet_id else None
    passages = find_passages(read_input(ctx, article), registry)
    if outlet is not None:
        passages = [replace(p, outlet=outlet) for p in passages]
    memory = TranslationMemory(config.memories, threshold=config.memory_threshold) if config.memories else None
    bridge = GlossBridge(config)
    results = [
        (p.id, discover_original(p, registry, config, settings=settings, day=when, bridge=bridge, memory=memory))
        for p in passages
        if p.outlet is not None and not p.urls
    ]
    if fmt == "json":
        echo_json([{"passage": pid, **found.to_json()} for pid, found in results])
    else:
        echo_text(format_discoveries(results))


# ----------------------------------------------------------------- engine: align, compare


@cli.command("align")
@click.argument("src", type=click.Path(path_type=Path))
@click.argument("tgt", type=click.Path(path_type=Path))
@click.option("--src-lang", callback=_language, help="Language of SRC (ISO 639-1 or a name; default: detected).")
@click.option("--tgt-lang", callback=_language, help="Language of TGT (ISO 639-1 or a name; default: detected).")
@click.option("--presegmented", is_flag=True, help="Inputs hold one sentence per line (ids = line numbers).")
@click.option("--format", "fmt", type=click.Choice(["beads", "json"]), default="beads", show_default=True)
@click.option(
    "--mode",
    type=click.Choice(["auto", "document", "excerpt"]),
    default="document",
    show_default=True,
    help="document: both whole and in order; excerpt: TGT quotes part of SRC, maybe reordered; "
    "auto: excerpt when TGT is short.",
)
@click.option("--no-reorder", is_flag=True, help="Excerpt mode: keep the original order.")
@click.option("--threads", type=int, help="CPU threads for the embedding model.")
@click.pass_context
def align_command(
    ctx: click.Context,
    src: Path,
    tgt: Path,
    src_lang: str | None,
    tgt_lang: str | None,
    presegmented: bool,
    fmt: str,
    mode: str,
    no_reorder: bool,
    threads: int | None,
) -> None:
    """Align the sentences of SRC (original) and TGT (translation); print beads `[i,j]:[k]`, SRC ids first."""
    from provenance.align import align, format_beads, version_tag
    from provenance.embed import get_embedder
    from provenance.segment import detect_language, read_sentences

    source = read_sentences(src, src_lang, presegmented=presegmented)
    target = read_sentences(tgt, tgt_lang, presegmented=presegmented)
    embedder = get_embedder(get_config(ctx), threads=threads)
    # the languages switch on the aligner's dictionary term (when a dictionary for the pair is installed)
    src_lang = src_lang or detect_language(" ".join(s.text for s in source[:50]))
    tgt_lang = tgt_lang or detect_language(" ".join(s.text for s in target[:50]))
    beads = align(
        [s.text for s in target],
        [s.text for s in source],
        embedder=embedder,
        allow_reorder=not no_reorder,
        derivative_paragraphs=[s.paragraph for s in target],
        original_paragraphs=[s.paragraph for s in source],
        mode=mode,
        derivative_lang=tgt_lang,
        original_lang=src_lang,
    )
    if fmt == "json":
        echo_json(
            {
                "align": version_tag(tgt_lang, src_lang),
                "embed": embedder.name,
                "source": [s.to_json() for s in source],
                "target": [s.to_json() for s in target],
                "beads": [
                    {"source": list(b.original), "target": list(b.derivative), "score": round(b.score, 4)}
                    for b in beads
                ],
            }
        )
    elif beads:
        click.echo(format_beads(beads))


@cli.command("compare")
@click.argument("source", required=False, type=click.Path(path_type=Path))
@click.argument("derivative", required=False, type=click.Path(path_type=Path))
@click.option("--source-lang", callback=_language,
              help="Language of SOURCE (ISO 639-1 or a name; default: detected).")
@click.option("--derivative-lang", callback=_language, help="Language of DERIVATIVE (default: detected, else en).")
@click.option("--translation", "translation_file", type=click.Path(path_type=Path),
              help="A known translation of SOURCE into the derivative's language (enables word-level checks).")
@click.option("--jsonl", "jsonl", type=click.Path(path_type=Path),
              help='Batch mode: one {"id","source","source_lang","derivative","translation"?} per line ("-" = stdin).')
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Batch mode: write JSON lines here.")
@thorough_option
@text_or_json
@click.pass_context
def compare_command(
    ctx: click.Context,
    source: Path | None,
    derivative: Path | None,
    source_lang: str | None,
    derivative_lang: str | None,
    translation_file: Path | None,
    jsonl: Path | None,
    output: Path | None,
    thorough: bool | None,
    fmt: str,
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
        _compare_jsonl(config, jsonl, output, derivative_lang or "en")
        return
    if source is None or derivative is None:
        raise UsageError("compare needs SOURCE and DERIVATIVE files (or --jsonl FILE)")
    from provenance.compare import compare_texts, verdict
    from provenance.segment import detect_language

    src_text = read_input(ctx, source).text
    der_text = read_input(ctx, derivative).text
    trans_text = read_input(ctx, translation_file).text if translation_file else None
    src_lang = source_lang or detect_language(src_text)
    if not src_lang:
        raise UsageError(f"cannot tell the language of {source}", hint="give --source-lang")
    der_lang = derivative_lang or detect_language(der_text) or "en"
    findings = compare_texts(src_text, der_text, source_lang=src_lang, derivative_lang=der_lang,
                             translation=trans_text, config=config)
    if fmt == "json":
        echo_json({"verdict": verdict(findings), "source_lang": src_lang, "derivative_lang": der_lang,
                   "findings": [f.to_json() for f in findings]})
        return
    for f in findings:
        kind = f.kind.value + (f"/{f.subtype.value}" if f.subtype else "")
        click.echo(f"[{f.severity.value}] {kind}  (confidence {f.confidence:.2f}, detector {f.detector})")
        if f.derivative is not None:
            click.echo(f"  passage:  {f.derivative.text!r}" + (f" at {f.derivative.span.to_json()}"
                                                               if f.derivative.span else ""))
        if f.original is not None:
            click.echo(f"  original: {f.original.text!r}" + (f" at {f.original.span.to_json()}"
                                                              if f.original.span else ""))
        echo_text(f"  {f.explanation}")
    click.echo(f"verdict: {verdict(findings)} ({len(findings)} finding{'s' if len(findings) != 1 else ''})")


def _compare_jsonl(config: Config, path: Path, output: Path | None, derivative_lang: str) -> None:
    """Stream records through the comparison; bad lines stop the run with their line number.

    A record naming an unknown language gets an error object in the output and the run goes on;
    the command then exits 2 after the last line.
    """
    import json

    from provenance.compare.batch import compare_record, parse_line
    from provenance.errors import InputError
    from provenance.report.sanitize import json_safe

    name = "<stdin>" if str(path) == "-" else str(path)
    try:
        fh = sys.stdin if str(path) == "-" else path.open(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read {name}: {exc.strerror}") from None
    out = output.open("w", encoding="utf-8") if output else None
    bar = None
    if config.progress and sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(unit="pair", file=sys.stderr, desc="compare")
    embedder = None
    refused: list[int] = []
    try:
        for lineno, line in enumerate(fh, 1):
            rec = parse_line(line, lineno, name=name)
            if rec is None:
                continue
            needs_embedder = config.thorough or (
                rec.get("translation") is None and ("\n" in rec["source"] or ". " in rec["source"]))
            if embedder is None and needs_embedder:
                from provenance.embed import get_embedder

                embedder = get_embedder(config)  # shared across lines: loaded once, cached
            record = compare_record(rec, config=config, embedder=embedder, derivative_lang=derivative_lang)
            if "error" in record:
                refused.append(lineno)
            result = json_safe(json.dumps(record, ensure_ascii=False))
            if out is not None:
                out.write(result + "\n")
            else:
                click.echo(result)
            if bar is not None:
                bar.update(1)
    except UnicodeDecodeError:
        raise InputError(f"{name} is not UTF-8 text") from None
    finally:
        if bar is not None:
            bar.close()
        if out is not None:
            out.close()
        if fh is not sys.stdin:
            fh.close()
    if refused:
        lines = ", ".join(map(str, refused[:10])) + (", ..." if len(refused) > 10 else "")
        raise InputError(f"{name}: {len(refused)} record(s) refused (line {lines}); see their \"error\" fields")


# ----------------------------------------------------------------- originals: fetch, extract

_ARCHIVE_CHOICE = click.Choice(["live", "wayback", "archive.today", "auto"])


def _original_outlet(config: Config, src: str, name: str | None) -> Any:
    """The registry outlet for --outlet NAME or the source URL's domain (paywall markers, XPath hints)."""
    try:
        from provenance.sources import load_registry
    except ImportError:  # registry not available in this build
        return None
    registry = load_registry(config.sources_dirs)
    if name:
        return registry.find(name) or registry.get(name)
    from provenance.retrieve import parse_source

    url = parse_source(src).url
    return registry.by_url(url) if url else None


def _snapshot_options(func: Any) -> Any:
    for option in reversed(
        [
            click.argument("src", metavar="SRC"),
            click.option(
                "--archive",
                type=_ARCHIVE_CHOICE,
                help="For an http(s) SRC: the live page (default), an archive, or auto (live, Wayback, archive.today).",
            ),
            click.option("--refresh", is_flag=True, help="Fetch again instead of using the stored snapshot."),
            click.option("--outlet", metavar="NAME", help="Outlet of the page (default: from the URL's domain)."),
            click.option(
                "--warc",
                "warc_out",
                type=click.Path(dir_okay=False, path_type=Path),
                help="Also append the snapshot (request + response records) to this WARC file (.warc or .warc.gz).",
            ),
            text_or_json,
        ]
    ):
        func = option(func)
    return func


def _get_original(
    ctx: click.Context, src: str, archive: str | None, refresh: bool, outlet: str | None, warc_out: Path | None
) -> tuple[Any, Any, Config]:
    from provenance.retrieve import get_snapshot

    config = get_config(ctx)
    config = replace(config, archive=archive or config.archive, refresh=refresh or config.refresh)
    found = _original_outlet(config, src, outlet)
    snap = get_snapshot(src, config, outlet=found, progress=_StageBars(config.progress), warc_out=warc_out)
    return snap, found, config


@cli.command("fetch")
@_snapshot_options
@click.pass_context
def fetch_command(
    ctx: click.Context,
    src: str,
    archive: str | None,
    refresh: bool,
    outlet: str | None,
    warc_out: Path | None,
    fmt: str,
) -> None:
    """Get the original SRC and print where it came from (the provenance record).

    SRC is a path, an http(s) URL, wayback:URL[@YYYYMMDDhhmmss], archive.today:URL or warc:FILE[#URL].
    """
    snap, _outlet, _config = _get_original(ctx, src, archive, refresh, outlet, warc_out)
    record = snap.to_json()
    if fmt == "json":
        echo_json(record)
        return
    archive_text = snap.archive + (f" @ {snap.archive_timestamp}" if snap.archive_timestamp else "")
    lines = [
        ("source", snap.source),
        ("url", snap.url or "-"),
        ("final url", snap.final_url or "-"),
        ("archive", archive_text),
        ("archive url", snap.archive_url or "-"),
        ("sha256", snap.sha256),
        ("fetched at", snap.fetched_at + ("  (from the snapshot store)" if snap.from_store else "")),
        ("status", str(snap.status) if snap.status is not None else "-"),
        ("bytes", f"{len(snap.body):,}"),
        ("content type", snap.content_type or "-"),
        ("encoding", snap.encoding or "-"),
        ("partial", f"yes: {snap.partial_reason}" if snap.partial else "no"),
    ]
    if warc_out is not None:
        lines.append(("warc", str(warc_out)))
    echo_text("\n".join(f"{k + ':':<13} {v}" for k, v in lines))


@cli.command("extract")
@_snapshot_options
@click.option("--lang", "language", metavar="L", callback=_language,
              help="Language of the original (default: detected).")
@click.pass_context
def extract_command(
    ctx: click.Context,
    src: str,
    archive: str | None,
    refresh: bool,
    outlet: str | None,
    warc_out: Path | None,
    fmt: str,
    language: str | None,
) -> None:
    """Print the article text of the original SRC (same SRC forms as `fetch`)."""
    from provenance.extract import extract

    snap, found, _config = _get_original(ctx, src, archive, refresh, outlet, warc_out)
    original = extract(snap, outlet=found, language=language)
    if fmt == "json":
        echo_json({**original.to_json(), "snapshot": snap.to_json()})
        return
    if snap.partial:
        click.echo(f"provenance: warning: {snap.partial_reason}", err=True)
    echo_text(original.text)


# ----------------------------------------------------------------- translation: translate, cache


def _read_translate_input(source: str) -> str:
    """SOURCE is "-" (stdin), an existing file, or else the text itself."""
    if source == "-":
        return sys.stdin.read()
    path = Path(source)
    try:
        is_file = path.is_file()
    except OSError:  # a long text is not a valid path
        is_file = False
    if not is_file:
        return source
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


@cli.command("translate")
@click.argument("source", metavar="TEXT|FILE|-")
@click.option("--from", "source_lang", required=True, metavar="LANG", callback=_language,
              help="Language of the text (ISO 639-1 such as de, or a name).")
@click.option("--to", "target_lang", default="en", show_default=True, metavar="LANG", callback=_language,
              help="Language to translate to.")
@translation_options
@text_or_json
@click.pass_context
def translate_command(
    ctx: click.Context,
    source: str,
    source_lang: str,
    target_lang: str,
    translator: str | None,
    memories: tuple[Path, ...],
    libre_url: str | None,
    fmt: str,
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
    import re

    from provenance.translate import get_translator

    config = get_config(ctx)
    changes: dict[str, Any] = {}
    if translator:
        changes["translator"] = translator
    if memories:
        changes["memories"] = config.memories + tuple(memories)
    if libre_url:
        changes["libre_url"] = libre_url
    config = replace(config, **changes)
    text = _read_translate_input(source)
    # paragraphs keep their separators so the output has the input's layout
    parts = re.split(r"(\n\s*\n)", text.strip("\n"))
    paragraphs = parts[0::2]
    separators = parts[1::2] + [""]
    engine = get_translator(config.translator, config)
    todo = [p for p in paragraphs if p.strip()]
    done = iter(engine.translate(todo, source_lang, target_lang)) if todo else iter(())
    results = [next(done) if p.strip() else None for p in paragraphs]
    joined = "".join((r.text if r else p) + sep for r, p, sep in zip(results, paragraphs, separators, strict=True))
    used = sorted({r.translator for r in results if r})
    if fmt == "json":
        echo_json(
            {
                "source_lang": source_lang,
                "target_lang": target_lang,
                "translator": engine.name,
                "version": engine.version,
                "translators": used,
                "text": joined,
                "segments": [r.to_json() for r in results if r],
            }
        )
        return
    click.echo(joined)
    click.echo(f"provenance: translated by {', '.join(used) or engine.name}", err=True)


@cli.group("cache")
def cache_group() -> None:
    """Inspect or clear the cache database (translations, snapshots, embeddings)."""


@cache_group.command("stats")
@text_or_json
@click.pass_context
def cache_stats_command(ctx: click.Context, fmt: str) -> None:
    """Row counts per table and the size of the database."""
    from provenance.translate.cache import cache_stats

    stats = cache_stats(get_config(ctx).cache_dir)
    if fmt == "json":
        echo_json(stats)
        return
    click.echo(f"database: {stats['database']}" + ("" if stats["exists"] else " (not created yet)"))
    click.echo(f"size: {stats['bytes'] / 1024:.1f} KiB")
    for group, count in stats["groups"].items():
        click.echo(f"{group}: {count}")
    for provider, count in stats.get("translations_by_provider", {}).items():
        click.echo(f"  translations by {provider}: {count}")


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
    after = cache_stats(cache_dir)
    click.echo(
        "deleted "
        + ", ".join(f"{n} {g}" for g, n in deleted.items())
        + f"; database now {after['bytes'] / 1024:.1f} KiB (was {before['bytes'] / 1024:.1f} KiB)"
    )


# ----------------------------------------------------------------- full check: check, waive


def _expand(patterns: tuple[str, ...]) -> list[str]:
    """Paths and globs (for shells and CI configs that do not expand them); "-" is stdin."""
    import glob

    out: list[str] = []
    for pattern in patterns:
        if pattern != "-" and any(ch in pattern for ch in "*?["):
            matches = sorted(glob.glob(pattern, recursive=True))
            if not matches:
                raise click.BadParameter(f"no file matches {pattern!r}", param_hint="DERIVATIVE")
            out.extend(matches)
        else:
            out.append(pattern)
    return out


_REPORT_SUFFIX = {"text": "txt", "md": "md", "json": "json", "html": "html"}


class _StageBars:
    """progress(stage, done, total) callback drawing one tqdm bar per stage on stderr."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.bars: dict[str, Any] = {}

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        from tqdm import tqdm

        bar = self.bars.get(stage)
        if bar is None:
            bar = self.bars[stage] = tqdm(total=total, desc=stage, unit="", leave=False, file=sys.stderr)
        bar.total = total
        bar.n = done
        bar.refresh()
        if done >= total:
            bar.close()
            del self.bars[stage]


@cli.command()
@click.argument("derivatives", nargs=-1, metavar="DERIVATIVE...")
@click.option(
    "--manifest",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help='Corpus mode: one {"id","article","originals"?,"memory"?} per line (paths relative to the file); '
    "one JSON result per line to -o FILE (resumable) or stdout.",
)
@click.option("--workers", type=click.IntRange(min=1), metavar="N",
              help="Corpus mode: check on a local Dask cluster of N processes (needs the [corpus] extra).")
@click.option("--scheduler", metavar="ADDRESS", help="Corpus mode: check on the Dask cluster at ADDRESS.")
@click.option("--no-progress", "no_progress", is_flag=True, help="Do not draw progress bars (as the global flag).")
@click.option(
    "--original",
    "originals",
    multiple=True,
    metavar="SRC",
    help="The original: a path, an http(s) URL, wayback:URL[@YYYYMMDDhhmmss], archive.today:URL or "
    "warc:FILE[#URL]. Repeatable: each passage uses the one whose outlet, domain or language fits it. "
    "Without it, links in or next to each passage are followed.",
)
@click.option("--outlet", metavar="NAME", help="Only check passages attributed to this outlet (id or name).")
@translation_options
@click.option(
    "--archive",
    type=click.Choice(["live", "wayback", "archive.today", "auto"]),
    help="Where to get linked originals: live page (default), an archive, or auto (live, then archives).",
)
@click.option("--refresh", is_flag=True, help="Fetch originals again instead of using stored snapshots.")
@click.option(
    "--warc",
    "warc_out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also append every original used to this WARC file (.warc.gz), to keep the evidence.",
)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json", "html", "md"]), default="text", show_default=True
)
@click.option(
    "-o",
    "--output",
    type=click.Path(),
    help="Write the report here instead of stdout (a directory when checking several articles "
    "or when it ends with /); with --manifest, the results file (JSON lines, appended to and resumed).",
)
@click.option(
    "--html",
    "html_out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the reviewer's HTML report to this file (single article).",
)
@click.option(
    "--fail-on",
    type=click.Choice(["minor", "major", "critical", "never"]),
    help="Exit 1 when a finding at or above this severity is not waived [default: major].",
)
@click.option(
    "--fail-on-unverified",
    is_flag=True,
    default=None,
    help="Also exit 1 when a passage could not be compared with any original.",
)
@click.option(
    "--waivers",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Waiver file [default: .provenance-waivers.toml].",
)
@click.option("--color/--no-color", default=None, help="Colour the terminal report [default: when a TTY].")
@click.option(
    "--discover", "discover", is_flag=True,
    help="Look for the original of a passage that links none on its outlet's site (see `provenance discover`).",
)
@click.option("--date", "day", metavar="YYYY-MM-DD", help="With --discover: the article's date (the date window).")
@thorough_option
@click.pass_context
def check(
    ctx: click.Context,
    derivatives: tuple[str, ...],
    manifest: Path | None,
    workers: int | None,
    scheduler: str | None,
    no_progress: bool,
    originals: tuple[str, ...],
    outlet: str | None,
    translator: str | None,
    memories: tuple[Path, ...],
    libre_url: str | None,
    archive: str | None,
    refresh: bool,
    warc_out: Path | None,
    fmt: str,
    output: str | None,
    html_out: Path | None,
    fail_on: str | None,
    fail_on_unverified: bool | None,
    waivers: Path | None,
    color: bool | None,
    discover: bool,
    day: str | None,
    thorough: bool | None,
) -> None:
    """Check the passages of DERIVATIVE (files, globs or - for stdin) against their originals.

    Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it (or, with
    --fail-on-unverified, a passage without an original), 2 bad usage or unreadable input.

    \b
    Corpus mode (the model is loaded once; a rerun with the same -o skips finished items):
      provenance check --manifest articles.jsonl -o results.jsonl [--workers 2]
    """
    from provenance import gate, report
    from provenance.pipeline import Checker
    from provenance.waivers import Waivers

    config = get_config(ctx)
    changes: dict[str, Any] = {"refresh": refresh or config.refresh}
    for name, value in (
        ("translator", translator),
        ("libre_url", libre_url),
        ("archive", archive),
        ("fail_on", fail_on),
        ("fail_on_unverified", fail_on_unverified),
        ("waivers", waivers),
        ("thorough", thorough),
    ):
        if value is not None:
            changes[name] = value
    if memories:
        changes["memories"] = config.memories + memories
    if no_progress:
        changes["progress"] = False
    config = replace(config, **changes)

    if manifest is not None:
        _check_manifest(ctx, config, manifest, output=output, workers=workers, scheduler=scheduler, outlet=outlet,
                        conflicts={"DERIVATIVE": bool(derivatives), "--original": bool(originals),
                                   "--html": html_out is not None, "--format": fmt != "text",
                                   "--warc": warc_out is not None})
        return
    if workers or scheduler:
        raise click.BadParameter("--workers and --scheduler go with --manifest", param_hint="--manifest")
    if not derivatives:
        raise click.BadParameter("give DERIVATIVE... or --manifest FILE", param_hint="DERIVATIVE")
    paths = _expand(derivatives)
    out_dir = output is not None and (len(paths) > 1 or output.endswith(("/", "\\")) or Path(output).is_dir())
    if out_dir and Path(output).exists() and not Path(output).is_dir():  # type: ignore[arg-type]
        raise click.BadParameter("with several articles, -o must be a directory", param_hint="-o")
    if html_out is not None and len(paths) > 1:
        raise click.BadParameter("--html takes one article; use --format html -o DIR for several", param_hint="--html")
    checker = Checker(config, warc_out=warc_out, discover=_discover_options(discover, day))
    only = None
    if outlet:
        only = checker.registry.find(outlet) or checker.registry.get(outlet)
    waiver_set = Waivers.load(config.waivers)
    bars = _StageBars(config.progress)
    reports = []
    for path in paths:
        doc = read_input(ctx, path)
        reports.append(checker.check(doc, originals, waivers=waiver_set, progress=bars, outlet=only))

    from provenance.db import atomic_write

    if html_out is not None:
        atomic_write(html_out, report.render(reports[0], "html").encode("utf-8"))
        click.echo(f"HTML report written to {html_out}", err=True)
    use_color = sys.stdout.isatty() if color is None else color
    for path, rep in zip(paths, reports, strict=True):
        rendered = report.render(rep, fmt, color=use_color and output is None and fmt == "text")
        if output is None:
            click.echo(rendered)
        else:
            target = Path(output)
            if out_dir:
                target.mkdir(parents=True, exist_ok=True)
                stem = Path(path).stem if path != "-" else "stdin"
                target = target / f"{stem}.{_REPORT_SUFFIX[fmt]}"
            atomic_write(target, rendered.encode("utf-8"))
            worst = rep.worst()
            click.echo(
                f"{path}: {len(rep.results)} passage(s), {rep.summary()['findings']} finding(s)"
                f"{f', worst {worst.value}' if worst else ''} -> {target}",
                err=True,
            )
    ctx.exit(gate.exit_code(reports, config.fail_on, fail_on_unverified=config.fail_on_unverified))


class _ItemBar:
    """progress("items", done, total) as one tqdm bar (items/s, ETA) on stderr."""

    def __init__(self) -> None:
        self.bar: Any = None

    def __call__(self, _stage: str, done: int, total: int) -> None:
        from tqdm import tqdm

        if self.bar is None:
            self.bar = tqdm(total=total, desc="articles", unit="item", file=sys.stderr, dynamic_ncols=True)
        self.bar.update(done - self.bar.n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _check_manifest(
    ctx: click.Context,
    config: Config,
    manifest: Path,
    *,
    output: str | None,
    workers: int | None,
    scheduler: str | None,
    outlet: str | None,
    conflicts: dict[str, bool],
) -> None:
    """`check --manifest`: every item's result as one JSON line; exit 2 if an item failed, else 1 on findings."""
    from provenance.corpus import run_corpus
    from provenance.errors import InputError, UsageError

    for name, given in conflicts.items():
        if given:
            raise UsageError(f"{name} does not go with --manifest",
                             hint="each manifest line names its article and originals; results are JSON lines")
    if workers and scheduler:
        raise UsageError("give --workers N or --scheduler ADDRESS, not both")
    target = Path(output) if output else None
    if target is not None and target.is_dir():
        raise click.BadParameter("with --manifest, -o names the results file (JSON lines)", param_hint="-o")
    bar = _ItemBar() if config.progress else None
    try:
        outcome = run_corpus(manifest, config, output=target, emit=lambda line: click.echo(line, nl=False),
                             workers=workers or 0, scheduler=scheduler, outlet=outlet, progress=bar)
    finally:
        if bar is not None:
            bar.close()
    if target is not None:
        click.echo(f"{manifest}: {outcome.total} item(s): {outcome.checked} checked, {outcome.skipped} already done, "
                   f"{outcome.errors} error(s), {outcome.failing} failing the gate -> {target}", err=True)
        if outcome.summary is not None:
            click.echo("summary: " + ", ".join(map(str, outcome.summary.written)), err=True)
            if outcome.summary.note:
                click.echo(f"provenance: note: {outcome.summary.note}", err=True)
    if outcome.errors:
        again = " (a rerun with the same -o checks them again)" if target is not None else ""
        raise InputError(f"{outcome.errors} manifest item(s) could not be checked; see their \"error\" fields{again}")
    ctx.exit(1 if outcome.failing else 0)


@cli.command()
@click.argument("finding_id", metavar="ID")
@click.option("--reason", required=True, help="Why the finding is acceptable (kept in the waiver file).")
@click.option(
    "--file",
    "path",
    type=click.Path(dir_okay=False, path_type=Path),
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
    from provenance.resources import build_resources

    for item in build_resources(get_config(ctx)):
        state = "ready" if item.ready else f"skipped: {item.note}"
        click.echo(f"{item.name}: {state} ({item.seconds:.1f} s)", err=True)


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
