"""Centrality signals on the site graph: G-first functions returning ``{site: float}``.

Every function returns ``{}`` for an empty graph and a value for every node otherwise. Seed
sets may name sites that are not in the graph; they are ignored.

>>> import networkx as nx
>>> G = nx.DiGraph([("s", "a"), ("s", "b"), ("t", "a"), ("a", "s")])
>>> seed_inlinks(G, {"s"})["a"], seed_reciprocity(G, {"s"})["a"], seed_cocitation(G, {"s"})["b"]
(1.0, 1.0, 0.0)
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

import networkx as nx
import numpy as np

log = logging.getLogger(__name__)


def _seed_list(G: nx.DiGraph, seeds: Iterable[str]) -> list[str]:
    return sorted(s for s in set(seeds) if s in G)


def pagerank(G: nx.DiGraph, alpha: float = 0.85, weight: str | None = "weight") -> dict[str, float]:
    """Global weighted PageRank (sums to 1)."""
    if len(G) == 0:
        return {}
    return dict(nx.pagerank(G, alpha=alpha, weight=weight, tol=1e-10, max_iter=500))


def personalized_pagerank(
    G: nx.DiGraph, seeds: Iterable[str], alpha: float = 0.85, weight: str | None = "weight"
) -> dict[str, float]:
    """PageRank whose random surfer restarts at the seeds (and jumps there from dead ends).

    Measures how strongly the seeds' neighbourhood points at each site. Without any seed in
    the graph every value is 0.
    """
    if len(G) == 0:
        return {}
    seed_nodes = _seed_list(G, seeds)
    if not seed_nodes:
        return dict.fromkeys(G, 0.0)
    restart = {s: 1.0 / len(seed_nodes) for s in seed_nodes}
    return dict(nx.pagerank(G, alpha=alpha, personalization=restart, dangling=restart, nstart=restart,
                            weight=weight, tol=1e-10, max_iter=500))


def hits_authority(
    G: nx.DiGraph, weight: str | None = "weight", max_iter: int = 200, tol: float = 1e-10
) -> dict[str, float]:
    """HITS authority scores (sum to 1), by a power iteration that never raises.

    Unlike ``nx.hits`` this returns the last iterate when the iteration has not converged
    (logged at DEBUG); authority is one signal among several, not worth a crash.
    """
    if len(G) == 0:
        return {}
    nodes = list(G)
    A = nx.to_scipy_sparse_array(G, nodelist=nodes, weight=weight, dtype=float, format="csr")
    if A.nnz == 0:
        return dict.fromkeys(nodes, 0.0)
    x = np.full(len(nodes), 1.0 / len(nodes))
    for i in range(max_iter):
        x_new = A.T @ (A @ x)
        total = x_new.sum()
        if total <= 0:
            return dict.fromkeys(nodes, 0.0)
        x_new /= total
        if np.abs(x_new - x).sum() < tol:
            x = x_new
            break
        x = x_new
    else:
        log.debug("HITS did not converge in %d iterations", max_iter)
    return {n: float(v) for n, v in zip(nodes, x)}


def inbound_blogs(G: nx.DiGraph, sources: Iterable[str] | None = None) -> dict[str, float]:
    """Number of distinct sites linking each site, counting only ``sources`` if given (blogs)."""
    if len(G) == 0:
        return {}
    allowed = None if sources is None else set(sources)
    return {v: float(sum(1 for u in G.predecessors(v) if allowed is None or u in allowed)) for v in G}


def seed_inlinks(G: nx.DiGraph, seeds: Iterable[str]) -> dict[str, float]:
    """Number of seeds linking each site."""
    if len(G) == 0:
        return {}
    seed_set = set(_seed_list(G, seeds))
    return {v: float(sum(1 for u in G.predecessors(v) if u in seed_set)) for v in G}


def seed_outlinks(G: nx.DiGraph, seeds: Iterable[str]) -> dict[str, float]:
    """Number of seeds each site links to."""
    if len(G) == 0:
        return {}
    seed_set = set(_seed_list(G, seeds))
    return {u: float(sum(1 for v in G.successors(u) if v in seed_set)) for u in G}


def seed_reciprocity(G: nx.DiGraph, seeds: Iterable[str]) -> dict[str, float]:
    """Number of seeds each site links to that also link back to it."""
    if len(G) == 0:
        return {}
    seed_set = set(_seed_list(G, seeds))
    return {v: float(sum(1 for s in G.predecessors(v) if s in seed_set and G.has_edge(v, s))) for v in G}


def seed_cocitation(G: nx.DiGraph, seeds: Iterable[str]) -> dict[str, float]:
    """Number of sites that link to each site and also to at least one (other) seed.

    Being cited next to the seeds by the same blogs places a site in the seeds' circle even
    when no seed links to it directly.
    """
    if len(G) == 0:
        return {}
    seed_set = set(_seed_list(G, seeds))
    # For each citing site, the seeds it links to (most sites link to none).
    cited = {u: [s for s in G.successors(u) if s in seed_set] for u in G}
    out = {}
    for v in G:
        out[v] = float(sum(1 for u in G.predecessors(v) if any(s != v for s in cited[u])))
    return out


def links_to(G: nx.DiGraph, target: str) -> dict[str, float]:
    """1.0 for each site with a (weighted) link to ``target``, else 0.0."""
    if len(G) == 0:
        return {}
    return {u: float(target in G and G.has_edge(u, target)) for u in G}
