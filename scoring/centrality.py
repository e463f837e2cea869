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
from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import repeat

import networkx as nx
import numpy as np
from scipy import sparse

log = logging.getLogger(__name__)


def _seed_list(G: nx.DiGraph, seeds: Iterable[str]) -> list[str]:
    return sorted(s for s in set(seeds) if s in G)


@dataclass(frozen=True)
class Adjacency:
    """A graph as sparse matrices, built once and shared by the signals.

    nodes : the nodes in graph order; index : {node: row}.
    weighted : CSR adjacency with edge weights (as ``nx.to_scipy_sparse_array``).
    links : the same pattern with 1 for every edge (for counts).
    """

    nodes: list[str]
    index: dict[str, int]
    weighted: sparse.csr_array
    links: sparse.csr_array

    def mask(self, members: Iterable[str]) -> np.ndarray:
        """1.0 at the rows of ``members`` that are nodes, else 0.0."""
        out = np.zeros(len(self.nodes))
        rows = [self.index[m] for m in set(members) if m in self.index]
        out[rows] = 1.0
        return out

    def as_dict(self, values: np.ndarray) -> dict[str, float]:
        """{node: value} from a vector in node order."""
        return dict(zip(self.nodes, values.tolist()))


def adjacency(G: nx.DiGraph, weight: str | None = "weight") -> Adjacency:
    """The `Adjacency` of ``G`` (edges without ``weight`` count 1).

    The same matrix as ``nx.to_scipy_sparse_array(G, nodelist=list(G), weight=weight)``
    (canonical CSR: columns sorted within rows), read row by row from the adjacency dicts.
    """
    nodes = list(G)
    index = {n: i for i, n in enumerate(nodes)}
    cols, data = array("q"), array("d")
    indptr = np.zeros(len(nodes) + 1, dtype=np.int64)
    lookup = index.__getitem__
    for i, (_, nbrs) in enumerate(G.adjacency()):
        cols.extend(map(lookup, nbrs))
        if weight is None:
            data.extend(repeat(1.0, len(nbrs)))
        else:
            data.extend(d.get(weight, 1) for d in nbrs.values())
        indptr[i + 1] = len(cols)
    A = sparse.csr_array(
        (np.frombuffer(data, dtype=float), np.frombuffer(cols, dtype=np.int64), indptr), shape=(len(nodes), len(nodes))
    )
    A.sort_indices()
    links = A.copy()
    links.data[:] = 1.0
    return Adjacency(nodes, index, A, links)


def graph_signals(
    G: nx.DiGraph,
    seeds: Iterable[str],
    blogs: Iterable[str] | None = None,
    alpha: float = 0.85,
    weight: str | None = "weight",
    on_topic: Iterable[str] = (),
) -> dict[str, dict[str, float]]:
    """Every centrality signal by name, {signal: {site: value}}, from one sparse matrix.

    The same values as calling `personalized_pagerank`, `pagerank`, `hits_authority`,
    `inbound_blogs` (counting ``blogs``), `seed_inlinks`, `seed_reciprocity` and
    `seed_cocitation` one by one, without converting the graph seven times; plus
    ``topical_inlinks``, `inbound_blogs` counting only the ``on_topic`` sites.
    """
    names = (
        "personalized_pagerank",
        "pagerank",
        "hits_authority",
        "inbound_blogs",
        "seed_inlinks",
        "seed_reciprocity",
        "seed_cocitation",
        "topical_inlinks",
    )
    if len(G) == 0:
        return {name: {} for name in names}
    adj = adjacency(G, weight)
    seed_nodes = _seed_list(G, seeds)
    transition = _transition(adj.weighted)
    return {
        "personalized_pagerank": _personalized(adj, transition, seed_nodes, alpha),
        "pagerank": _pagerank(adj, transition, alpha),
        "hits_authority": _hits(adj),
        "inbound_blogs": _inbound(adj, None if blogs is None else adj.mask(blogs)),
        "seed_inlinks": _inbound(adj, adj.mask(seed_nodes)),
        "seed_reciprocity": _reciprocity(adj, seed_nodes),
        "seed_cocitation": _cocitation(adj, seed_nodes),
        "topical_inlinks": _inbound(adj, adj.mask(on_topic)),
    }


def pagerank(G: nx.DiGraph, alpha: float = 0.85, weight: str | None = "weight") -> dict[str, float]:
    """Global weighted PageRank (sums to 1)."""
    if len(G) == 0:
        return {}
    adj = adjacency(G, weight)
    return _pagerank(adj, _transition(adj.weighted), alpha)


def personalized_pagerank(
    G: nx.DiGraph, seeds: Iterable[str], alpha: float = 0.85, weight: str | None = "weight"
) -> dict[str, float]:
    """PageRank whose random surfer restarts at the seeds (and jumps there from dead ends).

    Measures how strongly the seeds' neighbourhood points at each site. Without any seed in
    the graph every value is 0.
    """
    if len(G) == 0:
        return {}
    adj = adjacency(G, weight)
    return _personalized(adj, _transition(adj.weighted), _seed_list(G, seeds), alpha)


def _transition(A: sparse.csr_array) -> sparse.csr_array:
    """Row-stochastic matrix of ``A`` (rows of dead ends stay zero), as networkx builds it."""
    S = A.sum(axis=1)
    S[S != 0] = 1.0 / S[S != 0]
    Q = sparse.dia_array((S.T, 0), shape=A.shape).tocsr()
    return Q @ A


def _power_iteration(
    adj: Adjacency,
    P: sparse.csr_array,
    start: np.ndarray,
    restart: np.ndarray,
    dangling: np.ndarray,
    alpha: float,
    max_iter: int = 500,
    tol: float = 1e-10,
) -> dict[str, float]:
    """networkx's scipy PageRank iteration on a prepared transition matrix (same floats)."""
    N = len(adj.nodes)
    is_dangling = np.where(adj.weighted.sum(axis=1) == 0)[0]
    x = start
    for _ in range(max_iter):
        xlast = x
        x = alpha * (x @ P + sum(x[is_dangling]) * dangling) + (1 - alpha) * restart
        if np.absolute(x - xlast).sum() < N * tol:
            return dict(zip(adj.nodes, map(float, x)))
    raise nx.PowerIterationFailedConvergence(max_iter)


def _pagerank(adj: Adjacency, P: sparse.csr_array, alpha: float) -> dict[str, float]:
    N = len(adj.nodes)
    uniform = np.repeat(1.0 / N, N)
    return _power_iteration(adj, P, uniform, uniform, uniform, alpha)


def _personalized(adj: Adjacency, P: sparse.csr_array, seed_nodes: list[str], alpha: float) -> dict[str, float]:
    if not seed_nodes:
        return dict.fromkeys(adj.nodes, 0.0)
    restart = np.zeros(len(adj.nodes))
    for s in seed_nodes:
        restart[adj.index[s]] = 1.0 / len(seed_nodes)
    restart /= restart.sum()
    return _power_iteration(adj, P, restart.copy(), restart, restart.copy(), alpha)


def hits_authority(
    G: nx.DiGraph, weight: str | None = "weight", max_iter: int = 200, tol: float = 1e-10
) -> dict[str, float]:
    """HITS authority scores (sum to 1), by a power iteration that never raises.

    Unlike ``nx.hits`` this returns the last iterate when the iteration has not converged
    (logged at DEBUG); authority is one signal among several, not worth a crash.
    """
    if len(G) == 0:
        return {}
    return _hits(adjacency(G, weight), max_iter, tol)


def _hits(adj: Adjacency, max_iter: int = 200, tol: float = 1e-10) -> dict[str, float]:
    nodes, A = adj.nodes, adj.weighted
    if A.nnz == 0:
        return dict.fromkeys(nodes, 0.0)
    x = np.full(len(nodes), 1.0 / len(nodes))
    for _i in range(max_iter):
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


def _inbound(adj: Adjacency, sources: np.ndarray | None) -> dict[str, float]:
    """Distinct linking nodes per node, counting only rows where ``sources`` is 1."""
    if sources is None:
        sources = np.ones(len(adj.nodes))
    return adj.as_dict(adj.links.T @ sources)


def inbound_blogs(G: nx.DiGraph, sources: Iterable[str] | None = None) -> dict[str, float]:
    """Number of distinct sites linking each site, counting only ``sources`` if given (blogs)."""
    if len(G) == 0:
        return {}
    adj = adjacency(G, None)
    return _inbound(adj, None if sources is None else adj.mask(sources))


def seed_inlinks(G: nx.DiGraph, seeds: Iterable[str]) -> dict[str, float]:
    """Number of seeds linking each site."""
    if len(G) == 0:
        return {}
    adj = adjacency(G, None)
    return _inbound(adj, adj.mask(_seed_list(G, seeds)))


def seed_outlinks(G: nx.DiGraph, seeds: Iterable[str]) -> dict[str, float]:
    """Number of seeds each site links to."""
    if len(G) == 0:
        return {}
    adj = adjacency(G, None)
    return adj.as_dict(adj.links @ adj.mask(_seed_list(G, seeds)))


def _reciprocity(adj: Adjacency, seed_nodes: list[str]) -> dict[str, float]:
    """Seeds each node links to that link back: sum over seeds s of links[s, v] * links[v, s]."""
    rows = [adj.index[s] for s in seed_nodes]
    if not rows:
        return dict.fromkeys(adj.nodes, 0.0)
    from_seeds = adj.links[rows, :]  # seed -> v
    to_seeds = adj.links[:, rows].T  # seed <- v, as seed rows
    return adj.as_dict(np.asarray(from_seeds.multiply(to_seeds).sum(axis=0)).ravel())


def seed_reciprocity(G: nx.DiGraph, seeds: Iterable[str]) -> dict[str, float]:
    """Number of seeds each site links to that also link back to it."""
    if len(G) == 0:
        return {}
    return _reciprocity(adjacency(G, None), _seed_list(G, seeds))


def _cocitation(adj: Adjacency, seed_nodes: list[str]) -> dict[str, float]:
    """Linking nodes that also link a seed other than the node itself, in two products.

    A node u linking v counts for v when u links at least one seed other than v: one seed
    is enough when v is not a seed, two are needed when v is one (u links v itself).
    """
    seeds = adj.mask(seed_nodes)
    cited = adj.links @ seeds  # seeds each node links to
    out = adj.links.T @ (cited >= 1).astype(float)
    if seed_nodes:
        is_seed = seeds > 0
        out[is_seed] = (adj.links.T @ (cited >= 2).astype(float))[is_seed]
    return adj.as_dict(out)


def seed_cocitation(G: nx.DiGraph, seeds: Iterable[str]) -> dict[str, float]:
    """Number of sites that link to each site and also to at least one (other) seed.

    Being cited next to the seeds by the same blogs places a site in the seeds' circle even
    when no seed links to it directly.
    """
    if len(G) == 0:
        return {}
    return _cocitation(adjacency(G, None), _seed_list(G, seeds))


def links_to(G: nx.DiGraph, target: str) -> dict[str, float]:
    """1.0 for each site with a (weighted) link to ``target``, else 0.0."""
    if len(G) == 0:
        return {}
    return {u: float(target in G and G.has_edge(u, target)) for u in G}
