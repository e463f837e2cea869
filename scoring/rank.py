"""Combine relevance, centrality and activity into one ranked, explained list of partners.

Input is plain data (`CrawlData`) loaded from the crawl database by the caller; output is one
dict per candidate blog with the export columns (`COLUMNS`, plus `ME_COLUMNS` with ``me``).
Only blogs are ranked: seeds, platforms, excluded sites, non-blogs and the user's own site
never appear. The order is deterministic: score descending, then site name.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from typing import Any

import networkx as nx
import numpy as np

from scoring import centrality as cen
from scoring.activity import WINDOW_DAYS, activities
from scoring.duplicates import find_copies, find_reworded
from scoring.graph import LinkRow, site_graph, strongest_kind
from scoring.language import language_code
from scoring.person import person_evidence
from scoring.relevance import Document, TopicRelevance
from scoring.selling import seller
from scoring.weights import load_weights

log = logging.getLogger(__name__)

COLUMNS = [
    "rank",
    "site",
    "url",
    "title",
    "status",
    "score",
    "relevance",
    "centrality",
    "activity",
    "language",
    "last_post",
    "posts_180d",
    "latest_post_title",
    "latest_post_url",
    "linked_from_seeds",
    "inbound_blogs",
    "cocited_with_seeds",
    "reciprocal",
    "top_terms",
    "why",
    "contact_name",
    "emails",
    "contact_url",
    "cooperation_url",
    "impressum_url",
    "feed_url",
    "social",
    "found_via",
    "note",
]
ME_COLUMNS = ["links_to_me", "warm_prospect"]

# How each signal is scaled to 0..1 over the candidates.
_COUNT_SIGNALS = ("seed_inlinks", "seed_cocitation", "seed_reciprocity", "inbound_blogs", "topical_inlinks")
_KIND_LABEL = {"blogroll": "blogroll", "opml": "blogroll", "content": "post", "comment": "comment"}
N_TOP_TERMS = 5
SHINGLE_EVERY = 8  # one in this many word 8-grams is kept to find copied text
COPY_FACTOR = 0.05  # a site copying another's text keeps this share of its score
ON_TOPIC = 0.5  # scaled relevance from which a blog's links count as on-topic links
WEAK_TOPIC = 0.35  # below this scaled relevance `why` says "weak topic match"
INACTIVE = 0.2  # below this activity score `why` says "inactive"


@dataclass
class CrawlData:
    """Everything ranking needs, as plain data.

    sites : rows of the ``sites`` table (dicts with at least ``site`` and ``role``).
    links : ``(from_site, to_site, kind, distinct pages)`` rows.
    documents : ``(site, language, main text)`` tuples, or a callable returning them (streamed once).
    post_dates : {site: [ISO date per post]}.
    contacts : {site: {kind: [values]}} with kinds email, contact_url, impressum_url, social,
        name (the person behind the blog, best first) and cooperation_url.
    reference : ISO time that activity is measured against (the latest crawl's finish time).
    latest_posts : {site: (title, url)} of each site's newest post.
    statuses : {site: {"status", "note"}} of the user's outreach (sites without are "new").
    page_kinds : {site: kinds of its fetched pages that show a person: about, impressum, contact}.
    sources : {site: sites it names as where its posts first appeared} (republishers, aggregators).
    """

    sites: Sequence[Mapping[str, Any]]
    links: Iterable[LinkRow] = ()
    documents: Iterable[Document] | Callable[[], Iterable[Document]] = ()
    post_dates: Mapping[str, Sequence[str]] = field(default_factory=dict)
    contacts: Mapping[str, Mapping[str, Sequence[str]]] = field(default_factory=dict)
    reference: str | None = None
    latest_posts: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    statuses: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    page_kinds: Mapping[str, Iterable[str]] = field(default_factory=dict)
    sources: Mapping[str, Iterable[str]] = field(default_factory=dict)


def _scale(values: Mapping[str, float], keys: Sequence[str], count: bool) -> np.ndarray:
    """Values of ``keys`` scaled to 0..1 by their maximum (log for counts, sqrt otherwise).

    Negative values count as 0. Logarithms come from `math.log1p`, once per distinct value
    (numpy's differs in the last bit); division and square root are the same in numpy.
    """
    x = np.fromiter(map(values.get, keys, repeat(0.0)), dtype=np.float64, count=len(keys))
    x = np.where(x > 0.0, x, 0.0)
    top = float(x.max()) if len(x) else 0.0
    if top <= 0:
        return np.zeros(len(keys))
    if count:
        distinct, at = np.unique(x, return_inverse=True)
        return np.array([math.log1p(v) for v in distinct.tolist()])[at.ravel()] / math.log1p(top)
    return np.sqrt(x / top)


def graph_signals(
    G: nx.DiGraph, seeds: Iterable[str], blogs: Iterable[str], on_topic: Iterable[str] = ()
) -> dict[str, dict[str, float]]:
    """Every centrality signal by name: {signal: {site: value}} (see `centrality.graph_signals`)."""
    return cen.graph_signals(G, seeds, blogs, on_topic=on_topic)


def combine(relevance: float, centrality: float, activity_score: float, weights: Mapping[str, Any]) -> float:
    """Weighted geometric mean of the three 0..1 signals, each lifted by ``floor``.

    >>> from scoring.weights import DEFAULT_WEIGHTS
    >>> combine(1.0, 1.0, 1.0, DEFAULT_WEIGHTS), round(combine(1.0, 0.0, 1.0, DEFAULT_WEIGHTS), 4)
    (1.0, 0.1657)
    """
    floor = weights["floor"]
    score = 1.0
    for value, key in ((relevance, "relevance"), (centrality, "centrality"), (activity_score, "activity")):
        score *= (floor + (1.0 - floor) * min(1.0, max(0.0, value))) ** weights[key]
    return score


def _relevance(
    data: CrawlData, seeds: Sequence[str], candidates: Sequence[str], topic: str, keep_langs: set[str] | None
) -> tuple[dict[str, float], dict[str, list[str]], dict[str, str], dict[str, tuple[str, float]]]:
    """Relevance scaled to 0..1 over the candidates, their top terms, detected languages and copies."""
    documents = data.documents() if callable(data.documents) else data.documents
    rel = TopicRelevance(shingle_every=SHINGLE_EVERY).fit(
        documents, seeds=seeds, topic=topic, langs=sorted(keep_langs) if keep_langs else None
    )
    log.info("relevance: %d documents, %d terms", len(rel.sites_), len(rel.vocabulary_))
    copies = find_copies(*rel.shingles_, rel.sites_, originals=seeds, sources=data.sources)
    reworded = find_reworded(*rel.pages_, rel.sites_, originals=seeds, sources=data.sources)
    copies = {**reworded, **copies}  # runs of the same words first: they are the surer sign
    del rel.shingles_, rel.pages_
    if copies:
        log.info("%d site(s) copy another site's text", len(copies))
    top = max((rel.scores_.get(c, 0.0) for c in candidates), default=0.0)
    scaled = {c: (rel.scores_.get(c, 0.0) / top if top > 0 else 0.0) for c in candidates}
    terms = rel.top_terms_of(candidates, N_TOP_TERMS)
    detected = {c: rel.document_languages_[c] for c in candidates if c in rel.document_languages_}
    return scaled, terms, detected, copies


def _centrality(
    signals: Mapping[str, Mapping[str, float]], candidates: Sequence[str], weights: Mapping[str, float]
) -> dict[str, float]:
    """Weighted mean of the scaled graph signals, divided by the best candidate's."""
    total = sum(weights.values()) or 1.0
    mean: Any = 0
    for name, weight in weights.items():  # summed in this order, as `sum` would
        mean = mean + weight * _scale(signals[name], candidates, name in _COUNT_SIGNALS)
    mean = np.zeros(len(candidates)) + mean / total
    top = float(mean.max()) if len(candidates) else 0.0
    return dict(zip(candidates, (mean / top if top > 0 else mean).tolist()))


def _on_topic(
    G: nx.DiGraph,
    seeds: Sequence[str],
    candidates: Sequence[str],
    relevance: Mapping[str, float],
    copies: Iterable[str],
) -> set[str]:
    """Blogs whose links count as on-topic links: the seeds, and candidates in the seeds' circle.

    In the circle: relevance at least `ON_TOPIC`, not a copy, and linked from a seed or
    linking to one, so a closed cluster of on-topic sites cannot vouch for itself.
    """
    seed_set = set(seeds)
    circle = {n for s in seeds if s in G for n in G.successors(s)}
    circle |= {n for s in seeds if s in G for n in G.predecessors(s)}
    skip = set(copies)
    return seed_set | {c for c in candidates if relevance[c] >= ON_TOPIC and c not in skip and c in circle}


def rank_sites(
    data: CrawlData,
    *,
    topic: str = "",
    langs: Sequence[str] | None = None,
    me: str | None = None,
    weights: Mapping[str, Any] | str | None = None,
) -> list[dict]:
    """Rank the candidate blogs of a crawl; return one export row per candidate, best first.

    Parameters
    ----------
    data : the crawl as plain data.
    topic : comma-separated topic phrases added to the seeds' profile.
    langs : language codes to keep (``["de", "en"]``); blogs in other declared languages are
        dropped, blogs with no declared language are kept. None keeps all.
    me : the site key of the user's own blog; adds ``links_to_me`` and ``warm_prospect``.
    weights : a weights mapping or JSON file (see `scoring.weights`); None for the defaults.
    """
    w = load_weights(weights)
    sites = {row["site"]: row for row in data.sites if row.get("site")}
    roles = {s: (row.get("role") or "candidate") for s, row in sites.items()}
    seeds = sorted(s for s, r in roles.items() if r == "seed")
    platforms = sorted(s for s, r in roles.items() if r == "platform")
    keep_langs = {language_code(c) for c in langs} if langs else None

    candidates = sorted(
        s
        for s, row in sites.items()
        if roles[s] not in ("seed", "platform", "excluded")
        and row.get("is_blog")
        and s != me
        and (
            keep_langs is None
            or not language_code(row.get("language"))
            or language_code(row.get("language")) in keep_langs
        )
    )
    log.info("ranking %d candidate blogs around %d seeds", len(candidates), len(seeds))

    # Text first: the TF-IDF matrix is freed before the graph is built, so the two largest
    # structures never share memory.
    rel_scaled, top_terms, detected, copies = _relevance(data, seeds, candidates, topic, keep_langs)

    G = site_graph(data.links, nodes=sorted(sites), exclude=platforms, kind_weights=w["link_kinds"])
    if copies:  # a copying site's links vouch for nothing (link rings copy text too)
        G.remove_edges_from([edge for c in sorted(copies) if c in G for edge in list(G.out_edges(c))])
    log.info("link graph: %d sites, %d weighted links", G.number_of_nodes(), G.number_of_edges())
    blogs = {s for s, row in sites.items() if row.get("is_blog") or roles[s] == "seed"}
    signals = graph_signals(G, seeds, blogs, _on_topic(G, seeds, candidates, rel_scaled, copies))
    centrality = _centrality(signals, candidates, w["centrality_signals"])

    acts = activities(data.post_dates, candidates, data.reference)
    me_links = cen.links_to(G, me) if me else {}
    seed_out = cen.seed_outlinks(G, seeds) if me else {}

    seed_links: dict[str, list[tuple[str, str]]] = {}  # candidate -> [(seed, strongest kind)]
    for s in seeds:
        if s in G:
            for c in G.successors(s):
                seed_links.setdefault(c, []).append((s, strongest_kind(G, s, c)))
    del G  # the rows need nothing else from the graph: free it before building them

    people = {
        c: person_evidence(
            data.post_dates.get(c, ()),
            data.page_kinds.get(c, ()),
            name=next(iter(data.contacts.get(c, {}).get("name", ())), ""),
            impressum_url=next(iter(data.contacts.get(c, {}).get("impressum_url", ())), ""),
        )
        for c in candidates
    }
    sellers = {c: seller(data.contacts.get(c, {}).get("sells_links", ())) for c in candidates}
    scored = []
    for c in candidates:
        score = combine(rel_scaled[c], centrality[c], acts[c].score, w)
        if c in copies or people[c].machine or sellers.get(c):
            score *= COPY_FACTOR
        if data.contacts.get(c, {}).get("cooperation_url"):
            score *= 1.0 + w["cooperation"]  # an open door for cooperations: a modest lift
        scored.append((-score, c, score))
    scored.sort()

    rows = []
    for position, (_, c, score) in enumerate(scored, start=1):
        row = sites[c]
        contacts = data.contacts.get(c, {})
        seed_from = seed_links.get(c, [])
        act = acts[c]
        latest_title, latest_url = data.latest_posts.get(c, ("", ""))
        outreach = data.statuses.get(c, {})
        out = {
            "rank": position,
            "site": c,
            "url": row.get("home_url") or f"https://{c}/",
            "title": row.get("title") or "",
            "status": outreach.get("status") or "new",
            "score": round(score, 4),
            "relevance": round(rel_scaled[c], 4),
            "centrality": round(centrality[c], 4),
            "activity": round(act.score, 4),
            "language": language_code(row.get("language")) or detected.get(c, ""),
            "last_post": act.last_post,
            "posts_180d": act.posts_recent,
            "latest_post_title": latest_title,
            "latest_post_url": latest_url,
            "linked_from_seeds": len(seed_from),
            "inbound_blogs": int(signals["inbound_blogs"].get(c, 0)),
            "cocited_with_seeds": int(signals["seed_cocitation"].get(c, 0)),
            "reciprocal": int(signals["seed_reciprocity"].get(c, 0)),
            "top_terms": ", ".join(top_terms.get(c, ())),
            "why": "",
            "contact_name": next(iter(contacts.get("name", ())), ""),
            "emails": "; ".join(sorted(contacts.get("email", ()))),
            "contact_url": min(contacts.get("contact_url", ()), default=""),
            "cooperation_url": min(contacts.get("cooperation_url", ()), key=len, default=""),
            "impressum_url": min(contacts.get("impressum_url", ()), default=""),
            "feed_url": row.get("feed_url") or "",
            "social": " ".join(sorted(contacts.get("social", ()))),
            "found_via": row.get("found_via") or "",
            "note": outreach.get("note") or "",
        }
        if me:
            out["links_to_me"] = bool(me_links.get(c))
            out["warm_prospect"] = not out["links_to_me"] and seed_out.get(c, 0) >= 2
        copy_of = copies.get(c)
        if copy_of and copy_of[0] in data.sources.get(c, ()):
            copy_of = (copy_of[0], copy_of[1], len(set(data.sources[c])))  # it names where its text came from
        topical = int(signals["topical_inlinks"].get(c, 0))
        out["why"] = explain(out, seed_from, copy_of, topical, people[c].describe(), sellers[c])
        rows.append(out)
    return rows


def explain(
    row: Mapping[str, Any],
    seed_from: Sequence[tuple[str, str]],
    copy_of: tuple | None = None,
    topical: int = 0,
    person: str = "",
    sells_links: str = "",
) -> str:
    """One readable sentence of reasons for a row: copied text, topic, seed links, circle, activity.

    ``seed_from`` lists the seeds linking the site with the strongest kind of their links;
    ``copy_of`` is (site, share of the text) when the site's text largely repeats another's, with
    the number of sites it names as sources third when it republishes them (an aggregator);
    ``topical`` counts the on-topic blogs of the seeds' circle linking the site; ``person`` is
    `scoring.person.Person.describe` (a machine-made blog is not ranked as a partner);
    ``sells_links`` says why the site sells links (`scoring.selling.seller`).
    """
    parts = []
    if sells_links:
        parts.append(f"sells links: {sells_links}; not ranked as a partner")
    if copy_of and len(copy_of) > 2:
        others = f" and {copy_of[2] - 1} more" if copy_of[2] > 1 else ""
        parts.append(
            f"republished text: {copy_of[1]:.0%} of its text first appeared on {copy_of[0]}{others}, "
            "not ranked as a partner"
        )
    elif copy_of:
        parts.append(f"copied text: {copy_of[1]:.0%} of its text repeats {copy_of[0]}, not ranked as a partner")
    if person.startswith("machine-made"):
        parts.append(f"{person}; not ranked as a partner")
    if row["top_terms"]:
        match = "on topic" if row["relevance"] >= WEAK_TOPIC else "weak topic match"
        parts.append(f"{match} ({row['top_terms']})")
    else:
        parts.append("no topic match")
    editorial = [(s, kind) for s, kind in seed_from if kind != "comment"]
    if editorial:
        via = [f"{_KIND_LABEL.get(kind, 'link')} of {s}" for s, kind in editorial[:3]]
        more = f" +{len(editorial) - 3}" if len(editorial) > 3 else ""
        parts.append("linked from " + ", ".join(via) + more)
    commented = [s for s, kind in seed_from if kind == "comment"]
    if commented:  # its own links in the seeds' comment sections: engagement, not endorsement
        more = f" +{len(commented) - 3}" if len(commented) > 3 else ""
        parts.append("comments at " + ", ".join(commented[:3]) + more)
    if row["cocited_with_seeds"]:
        parts.append(f"cited next to seeds by {row['cocited_with_seeds']} site(s)")
    if row["reciprocal"]:
        parts.append(f"mutual links with {row['reciprocal']} seed(s)")
    if row["inbound_blogs"] and not seed_from:
        parts.append(f"linked from {row['inbound_blogs']} blog(s)")
    if topical:
        parts.append(f"{topical} of its linking blogs on topic")
    if row["last_post"]:
        silent = "inactive: " if row["activity"] < INACTIVE else ""
        parts.append(f"{silent}{row['posts_180d']} post(s) in {WINDOW_DAYS} days, last {row['last_post']}")
    else:
        parts.append("no dated posts")
    if person and not person.startswith("machine-made"):
        parts.append(person)
    if row.get("cooperation_url"):
        parts.append(f"open to cooperations ({row['cooperation_url']}; score lifted)")
    if row.get("links_to_me"):
        parts.append("already links to you")
    elif row.get("warm_prospect"):
        parts.append("warm prospect: links to 2+ seeds but not to you")
    return "; ".join(parts)
