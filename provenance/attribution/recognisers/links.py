"""The sentence(s) whose words link to an article on an outlet's site. Tag links, name-only anchors, links
inside a passage found otherwise, and many links into one outlet (a site linking to itself) are not passages."""

from __future__ import annotations

import re

from provenance.attribution.index import ArticleIndex, link_mention
from provenance.attribution.ledger import Ledger
from provenance.attribution.lines import attribution_line
from provenance.attribution.patterns import CONFIDENCE, MAX_LINKS_PER_OUTLET, MIN_LINK_WORDS, WORD_RE
from provenance.attribution.structures import Candidate, is_homepage


def recognise(ix: ArticleIndex, ledger: Ledger) -> None:
    found: list[Candidate] = []
    for link in ix.doc.links:
        if not link.href.startswith(("http://", "https://")):
            continue
        outlet = ix.registry.by_url(link.href)
        if outlet is None or is_homepage(link.href):
            continue
        # a tag or topic link ("yoga", "Gluten") or a bare URL is not a quoted claim
        anchor = link.text.strip()
        words = WORD_RE.findall(anchor)
        if len(words) < MIN_LINK_WORDS or re.match(r"^(?:https?://|www\.)", anchor):
            continue
        if not any(w.islower() and len(w) >= 5 for w in words):
            continue  # a name ("Office for Students"), not a claim
        sent = ix.sentences_over(link.span)
        if sent is None:
            continue
        if ledger.is_claimed(link.span):
            continue  # inside a passage or its cue: the resolver attaches it to that passage
        if ledger.is_claimed(sent) or ix.lex.negative.search(ix.text[sent.start : sent.end]):
            continue
        if attribution_line(ix, ix.block_at(sent)):  # "(<a>El Mundo</a>)" is not a passage
            continue
        found.append(Candidate(sent, "link", link_mention(link, outlet, outlet.name), link.span, CONFIDENCE["link"]))
        ledger.claim(sent, link.span)
    per_outlet: dict[str, int] = {}
    for cand in found:
        key = cand.mention.outlet.id if cand.mention.outlet else ""
        per_outlet[key] = per_outlet.get(key, 0) + 1
    for cand in found:
        # many links into one outlet is a site linking to itself (or a link roundup), not quoting
        if per_outlet[cand.mention.outlet.id if cand.mention.outlet else ""] <= MAX_LINKS_PER_OUTLET:
            ledger.record(cand)
