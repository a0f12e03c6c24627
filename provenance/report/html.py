"""The HTML report: one self-contained file for reviewers (works from disk and as an e-mail attachment).

Safety model: every string that comes from an article, a page, a translator or a config is
passed through ``esc`` (control and bidi characters neutralised, then ``html.escape``) before it
reaches the page; only http(s) URLs become links;
a Content-Security-Policy allows exactly the report's own inline style and script (by
SHA-256 hash) and nothing else, so even markup that slipped through could not run or load
anything. The page makes no network requests of its own.

Layout: a summary, a sticky filter bar, and per passage a provenance panel and a
side-by-side table built from the alignment beads (article sentence | original sentence |
translation used), with word-level differences between the translation and the article
marked and the findings shown under the rows they concern.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from string import Template

from provenance import __version__
from provenance.model import Bead, Finding, PassageResult, Report, Sentence, Severity
from provenance.report.page_text import (
    Marks,
    content_security_policy,
    esc,
    joined,
    locate,
    resource,
    safe_link,
    word_diff,
)
from provenance.report.text import finding_label, format_timestamp

#: Finding cards quote at most this many characters per side.
QUOTE_CHARS = 400

_SEVERITIES = (Severity.CRITICAL, Severity.MAJOR, Severity.MINOR)
_KINDS = ("drift", "addition", "omission", "unlocated")
_KIND_LABEL = {"drift": "Drift", "addition": "Addition", "omission": "Omission", "unlocated": "Unlocated"}
_STATUS_LABEL = {"checked": "checked", "partial": "partial original", "unverified": "unverified", "error": "error"}
_ID_UNSAFE = re.compile(r"[^A-Za-z0-9_-]")


# --------------------------------------------------------------------------- findings


def _dom_id(*parts: str) -> str:
    return "-".join(_ID_UNSAFE.sub("_", p) for p in parts if p)


def _clip(text: str, limit: int = QUOTE_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + f"… [{len(text):,} characters]"


def _finding_card(f: Finding, dom_id: str, original_lang: str | None, target_lang: str | None) -> str:
    sev = f.severity.value
    classes = f"finding sev-{sev} kind-{esc(f.kind.value)}" + (" is-waived" if f.waived else "")
    badge = {"critical": "Critical", "major": "Major", "minor": "Minor"}[sev]
    parts = [
        f'<article class="{classes}" id="{dom_id}" tabindex="-1" data-severity="{sev}" '
        f'data-kind="{esc(f.kind.value)}" data-waived="{str(f.waived).lower()}" aria-labelledby="{dom_id}-t">',
        '<header class="finding-head">',
        f'<span class="badge sev-{sev}">{badge}</span>',
        f'<h4 class="finding-title" id="{dom_id}-t">{esc(finding_label(f).replace("/", " / "))}</h4>',
    ]
    if f.waived:
        parts.append('<span class="tag tag-waived">waived</span>')
    parts.append(f'<span class="meta">confidence {f.confidence:.2f}</span>')
    if f.id:
        parts.append(f'<code class="fid" title="finding id (use it to waive)">{esc(f.id)}</code>')
    parts.append("</header>")
    parts.append(f'<p class="explanation">{esc(f.explanation)}</p>')
    if f.waived and f.waiver_reason:
        parts.append(f'<p class="waiver"><strong>Waived:</strong> {esc(f.waiver_reason)}</p>')
    parts.append('<dl class="sides">')
    if f.derivative is not None:
        parts.append(f"<dt>Article</dt><dd><q>{esc(_clip(f.derivative.text))}</q></dd>")
    else:
        parts.append('<dt>Article</dt><dd class="none">not in the article</dd>')
    if f.original is not None:
        lang = f' lang="{esc(original_lang)}"' if original_lang else ""
        parts.append(f"<dt>Original</dt><dd><q{lang}>{esc(_clip(f.original.text))}</q></dd>")
        if f.original.translation is not None and f.original.translation != f.original.text:
            who = f" <span class=\"translator\">({esc(f.original.translator)})</span>" if f.original.translator else ""
            tl = f' lang="{esc(target_lang)}"' if target_lang else ""
            parts.append(f"<dt>Translation{who}</dt><dd><q{tl}>{esc(_clip(f.original.translation))}</q></dd>")
    else:
        parts.append('<dt>Original</dt><dd class="none">not in the original</dd>')
    parts.append("</dl>")
    parts.append(f'<p class="detector">detector: {esc(f.detector)}</p>')
    parts.append("</article>")
    return "".join(parts)


def _bead_for(f: Finding, beads: Sequence[tuple[list[Sentence], list[Sentence]]]) -> int | None:
    """Index of the bead a finding concerns: its derivative span first, else its original span, else its text."""
    for side in ("derivative", "original"):
        ref = getattr(f, side)
        if ref is None:
            continue
        for i, (ds, os_) in enumerate(beads):
            sents = ds if side == "derivative" else os_
            if ref.span is not None and any(s.span.overlaps(ref.span) for s in sents):
                return i
        for i, (ds, os_) in enumerate(beads):
            sents = ds if side == "derivative" else os_
            if ref.text and any(ref.text in s.text for s in sents):
                return i
    return None


# --------------------------------------------------------------------------- passages


def _dl(rows: list[tuple[str, str]]) -> str:
    return '<dl class="prov">' + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows if v) + "</dl>"


def _provenance_panel(r: PassageResult, signature: str) -> str:
    rows: list[tuple[str, str]] = []
    snap = r.snapshot
    if snap is not None:
        rows.append(("Source", f"<code>{esc(snap.source)}</code>"))
        if snap.url:
            rows.append(("URL", safe_link(snap.url)))
        if snap.final_url and snap.final_url != snap.url:
            rows.append(("Final URL", safe_link(snap.final_url)))
        archive = esc(snap.archive)
        if snap.archive_timestamp:
            archive += f", captured {esc(format_timestamp(snap.archive_timestamp))}"
        rows.append(("Archive", archive))
        if snap.archive_url:
            rows.append(("Snapshot", safe_link(snap.archive_url)))
        rows.append(("SHA-256", f'<code class="hash">{esc(snap.sha256)}</code>'))
        fetched = esc(snap.fetched_at) + (" (from the snapshot store)" if snap.from_store else "")
        rows.append(("Fetched", fetched))
        http_bits = [esc(snap.status) if snap.status is not None else "", esc(snap.content_type or "")]
        rows.append(("HTTP", " · ".join(b for b in http_bits if b)))
        if snap.partial:
            rows.append(("Partial", esc(snap.partial_reason or "only part of the original was available")))
    if r.original is not None:
        if r.original.title:
            rows.append(("Title", esc(r.original.title)))
        if r.original.date:
            rows.append(("Published", esc(r.original.date)))
        rows.append(("Extractor", esc(r.original.extractor)))
    translators = sorted({t.translator for t in r.translations if t is not None})
    if translators:
        rows.append(("Translator" + ("s" if len(translators) > 1 else ""), esc(", ".join(translators))))
    p = r.passage
    if p.urls:
        rows.append(("Linked", "<br>".join(safe_link(u) for u in p.urls)))
    rows.append(("Signature", f'<code class="sig">{esc(signature)}</code>'))
    return (
        '<details class="provenance" open><summary>Provenance of the original</summary>' + _dl(rows) + "</details>"
    )


def _sentences_by_index(sentences: Sequence[Sentence], indices: Iterable[int]) -> list[Sentence]:
    by_index = {s.index: s for s in sentences}
    out = []
    for i in indices:
        s = by_index.get(i)
        if s is None and 0 <= i < len(sentences):
            s = sentences[i]
        if s is not None:
            out.append(s)
    return out


def _range_label(prefix: str, indices: Sequence[int]) -> str:
    if not indices:
        return "—"
    lo, hi = min(indices) + 1, max(indices) + 1
    return f"{prefix}{lo}" if lo == hi else f"{prefix}{lo}–{hi}"


def _passage_counts(findings: Sequence[Finding]) -> str:
    counts, waived = _counts(findings)
    bits = [f'<span class="sev-{sev.value}">{counts[sev.value]} {sev.value}</span>' for sev in _SEVERITIES
            if counts[sev.value]]
    if waived:
        bits.append(f"{waived} waived")
    return f'<span class="passage-counts">{" · ".join(bits)}</span>' if bits else ""


def _render_passage(r: PassageResult, report: Report, used_ids: set[str]) -> str:
    p = r.passage
    pid = _dom_id("passage", p.id)
    outlet = p.outlet.name if p.outlet else p.outlet_name
    doc_lang = report.document.language or "en"
    orig_lang = (r.original.language if r.original else None) or p.language
    target_lang = next((t.target_lang for t in r.translations if t is not None), doc_lang)
    status = esc(r.status)
    out = [
        f'<section class="passage passage-{status}" id="{pid}" aria-labelledby="{pid}-t">',
        '<header class="passage-head">',
        f'<h2 id="{pid}-t"><span class="pid">{esc(p.id)}</span> {esc(outlet)}'
        f' <span class="lang" title="language of the original">{esc(p.language or "?")}</span>'
        f' <span class="status status-{status}">{esc(_STATUS_LABEL.get(r.status, r.status))}</span>'
        f"{_passage_counts(r.findings)}</h2>",
        f'<p class="cue">Attributed by <q>{esc(p.cue)}</q> <span class="muted">({esc(p.kind)}'
        + (f"; written as “{esc(p.outlet_name)}”" if p.outlet_name and p.outlet_name != outlet else "")
        + ")</span></p>",
        "</header>",
    ]
    if r.message:
        out.append(f'<p class="note" role="note">{esc(r.message)}</p>')
    if r.trimmed is not None:
        cut = r.trimmed.slice(report.document.text)
        out.append(
            '<p class="note trimmed" role="note">Not checked: the end of the passage reads as the author\'s own '
            f"commentary and was cut off: <q>{esc(_clip(cut))}</q></p>"
        )
    if r.snapshot is not None or r.original is not None:
        out.append(_provenance_panel(r, report.signature))

    # bead rows: the sentences on each side
    bead_sents: list[tuple[list[Sentence], list[Sentence]]] = []
    beads: list[Bead] = list(r.beads)
    orig_sents = r.original.sentences if r.original else []
    for b in beads:
        bead_sents.append(
            (_sentences_by_index(r.derivative_sentences, b.derivative), _sentences_by_index(orig_sents, b.original))
        )

    dom_ids: dict[int, str] = {}
    for n, f in enumerate(r.findings):
        base = _dom_id("f", p.id, f.id or str(n))
        dom_id, k = base, 1
        while dom_id in used_ids:
            k += 1
            dom_id = f"{base}-{k}"
        used_ids.add(dom_id)
        dom_ids[n] = dom_id
    per_bead: dict[int | None, list[int]] = {}
    for n, f in enumerate(r.findings):
        per_bead.setdefault(_bead_for(f, bead_sents), []).append(n)

    def order(ns: list[int]) -> list[int]:
        return sorted(ns, key=lambda n: (r.findings[n].waived, -r.findings[n].severity.rank))

    loose = order(per_bead.get(None, []))
    if loose:
        out.append('<div class="findings passage-findings">')
        out += [_finding_card(r.findings[n], dom_ids[n], orig_lang, target_lang) for n in loose]
        out.append("</div>")

    if not beads:
        out.append(f'<blockquote class="passage-text" lang="{esc(doc_lang)}">{esc(p.text)}</blockquote>')
        if r.status in ("checked", "partial") and not r.findings:
            out.append('<p class="ok">No findings.</p>')
        out.append("</section>")
        return "\n".join(out)

    out.append(
        '<div class="table-wrap"><table class="alignment">'
        f'<caption class="visually-hidden">Sentence alignment of passage {esc(p.id)}: article sentence, original '
        "sentence and the translation the comparison used, with changed words marked</caption>"
        '<colgroup><col class="c-idx"><col class="c-side"><col class="c-side"><col class="c-side"></colgroup>'
        "<thead><tr>"
        '<th scope="col">#</th>'
        f'<th scope="col">Article <span class="lang">{esc(doc_lang)}</span></th>'
        f'<th scope="col">Original <span class="lang">{esc(orig_lang or "?")}</span></th>'
        f'<th scope="col">Translation used <span class="lang">{esc(target_lang)}</span></th>'
        "</tr></thead><tbody>"
    )
    for i, (b, (ds, os_)) in enumerate(zip(beads, bead_sents, strict=True)):
        row_id = _dom_id(p.id, "b" + str(i))
        mine = order(per_bead.get(i, []))
        d_text, d_off = joined(ds)
        o_text, o_off = joined(os_)
        trs = [t for s in os_ if 0 <= s.index < len(r.translations) and (t := r.translations[s.index]) is not None]
        t_text = " ".join(t.text for t in trs)
        d_marks, o_marks, t_marks = Marks(), Marks(), Marks()
        for n in mine:
            f = r.findings[n]
            tag = f'<mark class="hl sev-{f.severity.value}" data-f="{dom_ids[n]}">'
            if f.derivative is not None:
                d_marks.add(locate(f.derivative, d_text, d_off), tag, "</mark>")
            if f.original is not None:
                o_marks.add(locate(f.original, o_text, o_off), tag, "</mark>")
        diff_note = ""
        if ds and trs:
            diff = word_diff(t_text, d_text)
            if diff is None:
                diff_note = '<p class="diff-note">word diff skipped: text too long</p>'
            else:
                t_marks.add(diff[0], '<del title="not in the article">', "</del>")
                d_marks.add(diff[1], '<ins title="not in the translation">', "</ins>")
        if ds and os_:
            kind = "match"
        elif ds:
            kind = "insertion"
        else:
            kind = "deletion"
        worst = max((r.findings[n].severity for n in mine if not r.findings[n].waived), key=lambda s: s.rank,
                    default=None)
        classes = f"bead bead-{kind}" + (f" worst-{worst.value}" if worst else "")
        data_f = " ".join(dom_ids[n] for n in mine)
        idx = f"{_range_label('A', b.derivative)} ↔ {_range_label('O', b.original)}"
        score = f'<span class="score" title="alignment score">{b.score:.2f}</span>' if kind == "match" else ""
        kind_label = {"insertion": "only in the article", "deletion": "only in the original"}.get(kind, "")
        kind_tag = f'<span class="bead-kind">{kind_label}</span>' if kind_label else ""
        empty_d = '<td class="side empty"><span>no counterpart in the article</span></td>'
        empty_o = '<td class="side empty"><span>no counterpart in the original</span></td>'
        translator = ""
        if trs:
            names = sorted({t.translator for t in trs})
            translator = f'<span class="translator">{esc(", ".join(names))}</span>'
        out.append(
            f'<tr class="{classes}" id="{row_id}" data-findings="{data_f}">'
            f'<td class="idx">{esc(idx)}{score}{kind_tag}</td>'
            + (f'<td class="side derivative" lang="{esc(doc_lang)}">{d_marks.render(d_text)}{diff_note}</td>'
               if ds else empty_d)
            + (f'<td class="side original" lang="{esc(orig_lang or "")}">{o_marks.render(o_text)}</td>'
               if os_ else empty_o)
            + (f'<td class="side translation" lang="{esc(target_lang)}">{t_marks.render(t_text)}{translator}</td>'
               if trs else '<td class="side empty"><span>—</span></td>')
            + "</tr>"
        )
        if mine:
            cards = "".join(_finding_card(r.findings[n], dom_ids[n], orig_lang, target_lang) for n in mine)
            out.append(
                f'<tr class="finding-row" data-bead="{row_id}"><td class="idx"></td>'
                f'<td colspan="3"><div class="findings">{cards}</div></td></tr>'
            )
    out.append("</tbody></table></div>")
    if not r.findings and r.status in ("checked", "partial"):
        out.append('<p class="ok">No findings: the translation matches the original.</p>')
    out.append("</section>")
    return "\n".join(out)


# --------------------------------------------------------------------------- page


def _counts(findings: Iterable[Finding]) -> tuple[dict[str, int], int]:
    counts = {s.value: 0 for s in Severity}
    waived = 0
    for f in findings:
        if f.waived:
            waived += 1
        else:
            counts[f.severity.value] += 1
    return counts, waived


def _header(report: Report) -> str:
    doc = report.document
    s = report.summary()
    worst = s["worst"]
    chips = [
        f'<span class="chip sev-{sev.value}"><strong>{s["by_severity"][sev.value]}</strong> {sev.value}</span>'
        for sev in _SEVERITIES
    ]
    chips.append(f'<span class="chip chip-waived"><strong>{s["waived"]}</strong> waived</span>')
    verdict = (
        f'<p class="verdict verdict-{esc(worst)}">Worst finding: <strong>{esc(worst)}</strong></p>'
        if worst
        else '<p class="verdict verdict-none">No findings</p>'
    )
    title = doc.title or doc.source
    return (
        '<header class="page-head"><div class="wrap">'
        '<p class="eyebrow">Translation provenance report</p>'
        f"<h1>{esc(title)}</h1>"
        f'<p class="meta">{esc(doc.source)} · {s["passages"]} passage{"s" if s["passages"] != 1 else ""}'
        f" · created {esc(report.created_at)}</p>"
        f'<div class="summary">{verdict}<div class="chips">{"".join(chips)}</div></div>'
        "</div></header>"
    )


def _filters(report: Report) -> str:
    findings = report.findings()
    sev_counts = {s.value: sum(1 for f in findings if f.severity is s) for s in Severity}
    kind_counts = {k: sum(1 for f in findings if f.kind.value == k) for k in _KINDS}
    # Minor findings (a word an independent translation lacks, ...) are shown only on request when
    # there is something serious to review; with nothing major they are all there is to see.
    serious = any(f.severity is not Severity.MINOR and not f.waived for f in findings)
    sev_boxes = "".join(
        f'<label class="toggle sev-{s.value}"><input type="checkbox" data-filter="severity" value="{s.value}"'
        f'{"" if serious and s is Severity.MINOR else " checked"}> {s.value.capitalize()} '
        f'<span class="n">{sev_counts[s.value]}</span></label>'
        for s in _SEVERITIES
    )
    kind_boxes = "".join(
        f'<label class="toggle"><input type="checkbox" data-filter="kind" value="{k}" checked> '
        f'{_KIND_LABEL[k]} <span class="n">{kind_counts[k]}</span></label>'
        for k in _KINDS
    )
    total = len(findings)
    return (
        '<div class="filterbar" role="region" aria-label="Filter findings"><div class="wrap filters">'
        f'<fieldset><legend>Severity</legend>{sev_boxes}</fieldset>'
        f'<fieldset><legend>Kind</legend>{kind_boxes}</fieldset>'
        '<fieldset><legend>Show</legend>'
        '<label class="toggle"><input type="checkbox" id="show-waived" checked> Waived</label>'
        '<label class="toggle"><input type="checkbox" id="flagged-only"> Only rows with findings</label>'
        "</fieldset>"
        f'<p class="nav-hint"><span id="shown-count" aria-live="polite">{total} of {total} findings shown</span>'
        ' · <kbd>j</kbd>/<kbd>k</kbd> next/previous finding</p>'
        "</div></div>"
    )


def _overview(report: Report) -> str:
    if not report.results:
        return '<p class="empty-report">The article attributes no passages to a foreign outlet.</p>'
    rows = []
    for r in report.results:
        p = r.passage
        counts, waived = _counts(r.findings)
        outlet = p.outlet.name if p.outlet else p.outlet_name
        cells = "".join(
            f'<td class="num{" has sev-" + s.value if counts[s.value] else ""}">{counts[s.value]}</td>'
            for s in _SEVERITIES
        )
        archive = ""
        if r.snapshot is not None:
            archive = esc(r.snapshot.archive)
            if r.snapshot.archive_timestamp:
                archive += " " + esc(format_timestamp(r.snapshot.archive_timestamp))
        rows.append(
            f'<tr><th scope="row"><a href="#{_dom_id("passage", p.id)}">{esc(p.id)}</a></th>'
            f"<td>{esc(outlet)} <span class=\"lang\">{esc(p.language or '?')}</span></td>"
            f'<td><span class="status status-{esc(r.status)}">{esc(_STATUS_LABEL.get(r.status, r.status))}</span></td>'
            f"{cells}<td class=\"num\">{waived}</td><td>{archive}</td></tr>"
        )
    return (
        '<nav class="overview" aria-label="Passages"><table class="overview-table">'
        '<caption>Passages attributed to foreign outlets</caption>'
        '<thead><tr><th scope="col">Passage</th><th scope="col">Outlet</th><th scope="col">Status</th>'
        '<th scope="col" class="num">Critical</th><th scope="col" class="num">Major</th>'
        '<th scope="col" class="num">Minor</th><th scope="col" class="num">Waived</th>'
        '<th scope="col">Original from</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></nav>"
    )


def _legend() -> str:
    return (
        '<p class="legend"><span class="muted">In the table:</span> '
        "<ins>words</ins> in the article but not in the translation · "
        "<del>words</del> in the translation but not in the article · "
        '<mark class="hl sev-major">highlighted</mark> the words a finding is about</p>'
    )


def render_html(report: Report) -> str:
    css, js = resource("report.css"), resource("report.js")
    used: set[str] = set()
    passages = "\n".join(_render_passage(r, report, used) for r in report.results)
    footer = (
        '<footer class="page-foot"><div class="wrap">'
        f'<p>Signature <code class="sig">{esc(report.signature)}</code></p>'
        f"<p>translation-provenance {esc(__version__)} · schema provenance.report/1 · "
        "this file is self-contained and makes no network requests.</p>"
        "</div></footer>"
    )
    doc = report.document
    return Template(resource("report.html")).substitute(
        lang=esc(doc.language or "en"),
        csp=html.escape(content_security_policy(css, js), quote=False),  # hashes and quotes only, no '"'

        generator=esc(f"translation-provenance {__version__}"),
        title=esc(f"Provenance report: {doc.title or doc.source}"),
        css=css,
        js=js,
        header=_header(report),
        filters=_filters(report),
        overview=_overview(report) + _legend(),
        passages=passages,
        footer=footer,
    )
