"""The neighbourhood picture (which sites, which links, where they sit) and graph files for Gephi.

`neighbourhood` chooses the seeds, the top candidates and the blogs between them and lays
them out with a fixed seed, so one database always gives the same coordinates. `write_graph`
writes the whole site graph with scores and roles as attributes (GEXF or GraphML).
"""

from __future__ import annotations

import logging
import math
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path

import networkx as nx

from crawler.errors import OutputError
from crawler.services.export import atomic_output, check_output
from crawler.services.rank import leave_out
from crawler.services.report import KIND_GROUPS, ReportError, opened, partners, ranked_rows, statuses
from crawler.storage import browse, reads
from scoring.graph import site_graph, weighted_kinds

log = logging.getLogger(__name__)

LAYOUT_SEED = 1509  # fixed: the same database gives the same picture
GROUP_ORDER = ("blogroll", "editorial", "comment")  # strongest first
FORMATS = {".gexf": nx.write_gexf, ".graphml": nx.write_graphml}


class GraphFileError(OutputError):
    """The graph file cannot be written (unknown extension, unwritable path)."""


def report(
    db_path: str | Path, *, top: int = 50, graph_top: int = 30, left_out: frozenset[str] = frozenset()
) -> tuple[dict, dict]:
    """The partner list (`partners`) and its `neighbourhood`, from one read of the ranking,
    without the sites ``left_out`` (the user's own blog, excluded sites)."""
    with opened(db_path) as db:
        if not reads.latest_run_id(db):
            raise ReportError(f"{db_path}: no crawl stored yet; run 'blogscout crawl URL...' first")
        rows, ranking = ranked_rows(db, db_path)
        ranked = leave_out(rows, left_out), ranking
    return partners(db_path, top=top, ranked=ranked), neighbourhood(db_path, top=min(top, graph_top), rows=ranked[0])


def neighbourhood(db_path: str | Path, *, top: int = 30, max_nodes: int = 90, rows: list[dict] | None = None) -> dict:
    """Seeds, the ``top`` candidates and the blogs linking them, with their edges and a fixed layout.

    Returns ``{"nodes": [{site, role, rank, score, status, title, x, y}], "edges": [{source,
    target, kind, pages}]}`` with ``x``/``y`` in 0..1. A blog counts as "between" when it
    links with (or is linked by) two or more of the seeds and top candidates; the most
    connected come first until ``max_nodes`` is reached. Edges between two "between" blogs are
    left out: they add clutter, not reasons. ``rows`` passes ranking rows already read.
    """
    with opened(db_path) as db:
        rows = rows if rows is not None else ranked_rows(db, db_path)[0]
        site_rows = browse.sites(db)
        stored = statuses(db)
        link_rows = list(reads.iter_link_counts(db, sorted(KIND_GROUPS)))
    platforms = {s for s, r in site_rows.items() if r.get("role") == "platform"}
    by_site = {row["site"]: row for row in rows}
    seeds = sorted(s for s, r in site_rows.items() if r.get("role") == "seed")
    chosen_top = [row["site"] for row in rows[:top]]
    core = set(seeds) | set(chosen_top)

    pair_kinds: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for src, dst, kind, pages in link_rows:
        if src in platforms or dst in platforms or src not in site_rows or dst not in site_rows:
            continue
        pair_kinds[(src, dst)][KIND_GROUPS[kind]] += pages
    touches: dict[str, set[str]] = defaultdict(set)
    for src, dst in pair_kinds:
        if src in core and dst not in core:
            touches[dst].add(src)
        elif dst in core and src not in core:
            touches[src].add(dst)
    room = max(0, max_nodes - len(core))
    between = sorted(
        (s for s, near in touches.items() if len(near) >= 2 and site_rows[s].get("role") != "excluded"),
        key=lambda s: (-len(touches[s]), -float(by_site.get(s, {}).get("score") or 0), s),
    )[:room]
    nodes = sorted(core | set(between))
    keep = set(nodes)

    edges = []
    for (src, dst), groups in sorted(pair_kinds.items()):
        if src in keep and dst in keep and (src in core or dst in core):  # no edges among in-between blogs
            kind = next(g for g in GROUP_ORDER if g in groups)
            edges.append({"source": src, "target": dst, "kind": kind, "pages": sum(groups.values())})
    positions = layout(nodes, [(e["source"], e["target"]) for e in edges])
    out_nodes = []
    for site in nodes:
        row = by_site.get(site, {})
        role = "seed" if site in seeds else ("candidate" if site in chosen_top else "between")
        out_nodes.append(
            {
                "site": site,
                "role": role,
                "rank": row.get("rank"),
                "score": float(row.get("score") or 0),
                "status": (stored.get(site) or {}).get("status", "new"),
                "title": row.get("title") or site_rows[site].get("title") or "",
                "x": positions[site][0],
                "y": positions[site][1],
            }
        )
    return {"nodes": out_nodes, "edges": edges}


def layout(nodes: list[str], edges: list[tuple[str, str]]) -> dict[str, tuple[float, float]]:
    """Spring layout with a fixed seed, scaled to 0..1 and rounded (stable to the last byte)."""
    if not nodes:
        return {}
    G = nx.Graph()
    G.add_nodes_from(nodes)
    G.add_edges_from(edges)
    if len(nodes) == 1:
        return {nodes[0]: (0.5, 0.5)}
    pos = nx.spring_layout(G, seed=LAYOUT_SEED, k=2.5 / math.sqrt(len(nodes)), iterations=300)
    # Spread the crowded middle and pull in stragglers: radius r -> r ** 0.5 around the centre.
    cx = sum(float(p[0]) for p in pos.values()) / len(pos)
    cy = sum(float(p[1]) for p in pos.values()) / len(pos)
    far = max(math.hypot(float(p[0]) - cx, float(p[1]) - cy) for p in pos.values()) or 1.0
    spread = {}
    for n in nodes:
        dx, dy = float(pos[n][0]) - cx, float(pos[n][1]) - cy
        r = math.hypot(dx, dy) / far
        f = (r**0.5 / r) if r > 0 else 0.0
        spread[n] = (dx * f, dy * f)
    xs = [p[0] for p in spread.values()]
    ys = [p[1] for p in spread.values()]
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    return {n: (round((x - min(xs)) / span_x, 4), round((y - min(ys)) / span_y, 4)) for n, (x, y) in spread.items()}


def _attrs(values: Mapping[str, object]) -> dict:
    """Node attributes the writers accept (no None)."""
    return {k: ("" if v is None else v) for k, v in values.items()}


def write_graph(db_path: str | Path, out: str | Path) -> dict:
    """Write the site graph (platforms left out) as GEXF or GraphML; return node and edge counts.

    Nodes carry role, title, language, is_blog, status and, for ranked blogs, rank, score,
    relevance, centrality and activity; edges carry weight and the strongest link kind.
    """
    out = Path(out)
    writer = FORMATS.get(out.suffix.lower())
    if writer is None:
        raise GraphFileError(f"--out {out}: unknown graph format; use a name ending in .gexf or .graphml")
    check_output(str(out), db_path)
    with opened(db_path) as db:
        rows = {row["site"]: row for row in ranked_rows(db, db_path)[0]}
        site_rows = browse.sites(db)
        stored = statuses(db)
        platforms = [s for s, r in site_rows.items() if r.get("role") == "platform"]
        G = site_graph(
            reads.iter_link_counts(db, weighted_kinds()),
            nodes=sorted(s for s in site_rows if s not in platforms),
            exclude=platforms,
        )
    for site in G.nodes:
        info, row = site_rows.get(site, {}), rows.get(site, {})
        G.nodes[site].update(
            _attrs(
                {
                    "role": info.get("role") or "",
                    "title": info.get("title") or "",
                    "language": info.get("language") or "",
                    "is_blog": int(info.get("is_blog") or 0),
                    "status": (stored.get(site) or {}).get("status", "new"),
                    "rank": int(row.get("rank") or 0),
                    "score": float(row.get("score") or 0.0),
                    "relevance": float(row.get("relevance") or 0.0),
                    "centrality": float(row.get("centrality") or 0.0),
                    "activity": float(row.get("activity") or 0.0),
                }
            )
        )
    for _, _, data in G.edges(data=True):
        data["kind"] = KIND_GROUPS.get(data.get("kind"), data.get("kind") or "")
        data.pop("kind_weight", None)
    with atomic_output(out, db_path) as tmp:
        writer(G, str(tmp))
    return {"nodes": G.number_of_nodes(), "edges": G.number_of_edges()}
