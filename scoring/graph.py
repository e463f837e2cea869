"""The site-level link graph: one node per site, one weighted edge per linking pair.

An edge ``u -> v`` sums, over the kinds of links ``u`` has to ``v``, the kind's weight times
``1 + ln(pages)``, where ``pages`` is the number of distinct pages of ``u`` carrying such a
link. A blogroll entry or an editorial link counts more than a comment-author link; navigation,
share buttons and social-profile links count nothing. Links within one site are ignored.

>>> G = site_graph([("a.de", "b.de", "blogroll", 1), ("a.de", "b.de", "share", 9),
...                 ("c.de", "b.de", "comment", 1), ("a.de", "a.de", "nav", 4)])
>>> sorted(G.edges(data="weight"))
[('a.de', 'b.de', 3.0), ('c.de', 'b.de', 0.5)]
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

import networkx as nx

# Weight of one link by kind, before the distinct-page factor.
DEFAULT_KIND_WEIGHTS: dict[str, float] = {
    "blogroll": 3.0,  # a deliberate recommendation, usually site-wide
    "opml": 3.0,  # a published blogroll file
    "content": 2.0,  # an editorial link in a post
    # a commenter's own site: placed there by the commenter, a weak, self-chosen tie (engagement,
    # not endorsement; `why` says "comments at" and machine-made commenters are caught by
    # `scoring.person`). Measured: at 0 the sandbox's hard worlds lose 0.02-0.05 NDCG@20.
    "comment": 0.5,
    "nav": 0.0,
    "social": 0.0,
    "share": 0.0,
    "source": 0.0,  # "first appeared on": a republisher naming the original, no recommendation
}

LinkRow = tuple[str, str, str, int]  # (from_site, to_site, kind, distinct pages)


def link_weight(kind: str, pages: int, kind_weights: Mapping[str, float] | None = None) -> float:
    """Weight of ``pages`` distinct pages of one site linking another with links of ``kind``.

    >>> link_weight("content", 1), round(link_weight("content", 3), 3), link_weight("nav", 5)
    (2.0, 4.197, 0.0)
    """
    weights = DEFAULT_KIND_WEIGHTS if kind_weights is None else kind_weights
    base = float(weights.get(kind, 0.0))
    if base <= 0.0 or pages <= 0:
        return 0.0
    return base * (1.0 + math.log(pages))


def weighted_kinds(kind_weights: Mapping[str, float] | None = None) -> list[str]:
    """The link kinds that add weight to an edge (the others never make one), sorted.

    >>> weighted_kinds()
    ['blogroll', 'comment', 'content', 'opml']
    """
    weights = DEFAULT_KIND_WEIGHTS if kind_weights is None else kind_weights
    return sorted(kind for kind, w in weights.items() if float(w) > 0.0)


def site_graph(
    links: Iterable[LinkRow],
    *,
    nodes: Iterable[str] = (),
    exclude: Iterable[str] = (),
    kind_weights: Mapping[str, float] | None = None,
) -> nx.DiGraph:
    """Build the weighted site graph from ``(from_site, to_site, kind, pages)`` rows.

    Parameters
    ----------
    links : rows as read with ``GROUP BY from_site, to_site, kind`` (pages = distinct pages).
    nodes : sites to include even without links (every crawled site).
    exclude : sites left out entirely (platforms such as social networks and shops).
    kind_weights : weight per link kind; defaults to `DEFAULT_KIND_WEIGHTS`.

    Returns
    -------
    A ``DiGraph`` with a ``weight`` on every edge (all > 0), the ``kind`` contributing most
    and its ``kind_weight``. The given nodes are inserted in sorted order, edges (and sites
    seen only in links) in input order, which the crawl query sorts, so every computation on
    the graph is reproducible. No per-edge containers: 1M link rows stay within memory.
    """
    excluded = set(exclude)
    G = nx.DiGraph()
    G.add_nodes_from(sorted({n for n in nodes if n and n not in excluded}))
    G.add_edges_from(_new_edges(G, _pairs(links, excluded, kind_weights)))
    return G


def _new_edges(G: nx.DiGraph, pairs: Iterable[list]):
    """``(u, v, data)`` for `nx.DiGraph.add_edges_from`, merging a pair met again into its edge.

    While pairs come in ascending order (as the crawl query sorts them) each one is new and
    the graph is not consulted; a pair out of order is looked up and, if present, merged.
    """
    last = None  # the greatest pair so far
    for u, v, weight, kind, kind_weight, rows in pairs:
        if last is None or (u, v) > last:
            last = (u, v)
        else:
            data = G.get_edge_data(u, v)
            if data is not None:  # the pair's rows were not adjacent in the input
                for w in rows or (weight,):  # added row by row, as if the rows were adjacent
                    data["weight"] += w
                if (kind_weight, data["kind"]) > (data["kind_weight"], kind):  # heavier kind wins; ties by name
                    data["kind"], data["kind_weight"] = kind, kind_weight
                continue
        yield u, v, {"weight": weight, "kind": kind, "kind_weight": kind_weight}


def _pairs(links: Iterable[LinkRow], excluded: set[str], kind_weights: Mapping[str, float] | None):
    """Merge adjacent rows of one site pair into ``[u, v, weight, kind, kind weight, rows]``.

    The crawl query sorts rows by pair, so each pair comes out once; the weight adds the
    rows' weights in order (as ``sum`` would), the strongest kind wins (ties by name), and
    ``rows`` lists the rows' weights when there are several (else None).
    """
    weights = DEFAULT_KIND_WEIGHTS if kind_weights is None else kind_weights
    base = {kind: float(w) for kind, w in weights.items()}
    log = math.log
    pair = None
    for from_site, to_site, kind, pages in links:
        if not from_site or not to_site or from_site == to_site:
            continue
        if from_site in excluded or to_site in excluded:
            continue
        w, pages = base.get(kind, 0.0), int(pages or 0)
        if w <= 0.0 or pages <= 0:
            continue
        w *= 1.0 + log(pages)
        if pair is not None and pair[0] == from_site and pair[1] == to_site:
            if pair[5] is None:
                pair[5] = [pair[2]]
            pair[5].append(w)
            pair[2] += w
            if (w, pair[3]) > (pair[4], kind):
                pair[3], pair[4] = kind, w
            continue
        if pair is not None:
            yield pair
        pair = [from_site, to_site, w, kind, w, None]
    if pair is not None:
        yield pair


def strongest_kind(G: nx.DiGraph, u: str, v: str) -> str:
    """The link kind that contributes most to edge ``u -> v`` ('' if there is no edge)."""
    data = G.get_edge_data(u, v)
    return data["kind"] if data else ""
