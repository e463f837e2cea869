"""Inline SVG pictures: the neighbourhood graph and a small posting-activity chart.

Drawn from the plain data the services return; every text is escaped, coordinates are
formatted with fixed precision, so the same data gives the same bytes.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence

from markupsafe import Markup, escape

WIDTH, HEIGHT, PAD = 1100, 720, 56
ROLE_COLOURS = {"seed": "#1d4e89", "between": "#b8c4d3"}
STATUS_COLOURS = {
    "new": "#e8772e",
    "shortlisted": "#d4a017",
    "contacted": "#7b5cc4",
    "replied": "#2a9d8f",
    "partner": "#2e7d32",
    "declined": "#9e9e9e",
    "do-not-contact": "#5a5a5a",
}
EDGE_STYLES = {  # kind: (colour, width, dash)
    "blogroll": ("#4a5568", 1.3, ""),
    "editorial": ("#2b7bb9", 1.1, ""),
    "comment": ("#9a9a9a", 0.9, "3 3"),
}


def _f(value: float) -> str:
    """A coordinate with one decimal, no '-0.0'."""
    text = f"{value:.1f}"
    return "0.0" if text == "-0.0" else text


def node_colour(node: Mapping) -> str:
    """Fill colour of a node: seeds and in-between blogs by role, candidates by status."""
    if node["role"] in ROLE_COLOURS:
        return ROLE_COLOURS[node["role"]]
    return STATUS_COLOURS.get(node.get("status") or "new", STATUS_COLOURS["new"])


def node_radius(node: Mapping, low: float, high: float) -> float:
    """Radius by role and by score within the picture's range of scores (the best is largest)."""
    share = ((node.get("score") or 0.0) - low) / (high - low) if high > low else 1.0
    share = min(1.0, max(0.0, share))
    if node["role"] == "seed":
        return 11.0
    if node["role"] == "candidate":
        return 6.0 + 11.0 * share
    return 3.5 + 4.0 * share


def _short(text: str, size: int = 26) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def label_text(node: Mapping) -> tuple[str, float]:
    """A node's label and font size: seeds and candidates named (with rank), others smaller."""
    text = _short(node["site"])
    if node["role"] == "candidate" and node.get("rank"):
        text = f"{node['rank']}. {text}"
    return text, (13.0 if node["role"] == "seed" else (11.5 if node["role"] == "candidate" else 9.5))


def place_labels(nodes: Sequence[Mapping], at: Mapping, radius: Mapping) -> dict[str, tuple]:
    """Labels that do not overlap each other or other nodes, seeds first, then by rank.

    Each label tries the right, left, top and bottom of its node; seeds and the top ten
    candidates keep their label even when crowded, other labels are left to the tooltip.
    Returns {site: (text, size, x, y, anchor)}.
    """
    order = {"seed": 0, "candidate": 1, "between": 2}
    placed: list[tuple[float, float, float, float]] = []
    circles = [(at[n["site"]][0], at[n["site"]][1], radius[n["site"]], n["site"]) for n in nodes]
    out = {}

    def clear(box, own):
        x0, y0, x1, y1 = box
        if x0 < 2 or x1 > WIDTH - 2 or y0 < 2 or y1 > HEIGHT - 2:
            return False
        if any(x0 < b[2] and b[0] < x1 and y0 < b[3] and b[1] < y1 for b in placed):
            return False
        return not any(site != own and x0 - r < cx < x1 + r and y0 - r < cy < y1 + r for cx, cy, r, site in circles)

    for n in sorted(nodes, key=lambda n: (order[n["role"]], n.get("rank") or 10**6, n["site"])):
        text, size = label_text(n)
        x, y = at[n["site"]]
        r = radius[n["site"]]
        w, h = 0.58 * size * len(text), size
        options = [
            ((x + r + 3, y - h / 2, x + r + 3 + w, y + h / 2), (x + r + 3, y + size * 0.35, "start")),
            ((x - r - 3 - w, y - h / 2, x - r - 3, y + h / 2), (x - r - 3, y + size * 0.35, "end")),
            ((x - w / 2, y - r - 3 - h, x + w / 2, y - r - 3), (x, y - r - 4, "middle")),
            ((x - w / 2, y + r + 3, x + w / 2, y + r + 3 + h), (x, y + r + 2 + size, "middle")),
        ]
        chosen = next((opt for opt in options if clear(opt[0], n["site"])), None)
        if chosen is None and (n["role"] == "seed" or (n["role"] == "candidate" and (n.get("rank") or 99) <= 10)):
            chosen = options[0] if x < WIDTH * 0.75 else options[1]
        if chosen is None:
            continue
        placed.append(chosen[0])
        lx, ly, anchor = chosen[1]
        out[n["site"]] = (text, size, lx, ly, anchor)
    return out


def neighbourhood_svg(
    graph: Mapping, *, title: str = "", href: Callable[[Mapping], str | None] | None = None
) -> Markup:
    """The neighbourhood as an inline ``<svg>``: nodes sized by score, coloured by role or status."""
    nodes, edges = graph["nodes"], graph["edges"]
    scores = [n["score"] for n in nodes if n["role"] != "seed" and n["score"]]
    low, high = (min(scores), max(scores)) if scores else (0.0, 0.0)
    at, radius = {}, {}
    for n in nodes:
        at[n["site"]] = (PAD + n["x"] * (WIDTH - 2 * PAD), PAD + n["y"] * (HEIGHT - 2 * PAD))
        radius[n["site"]] = node_radius(n, low, high)
    opacity = 0.45 if len(edges) <= 150 else max(0.15, 0.45 * math.sqrt(150 / len(edges)))
    labels = place_labels(nodes, at, radius)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="graph" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'role="img" aria-label="{escape(title)}">',
        "<defs>",
    ]
    for kind, (colour, _, _) in EDGE_STYLES.items():
        out.append(
            f'<marker id="arrow-{kind}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5" markerHeight="5" '
            f'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{colour}"/></marker>'
        )
    out.append("</defs>")
    out.append(f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#fbfbf9"/>')
    out.append('<g class="edges">')
    for e in edges:
        (x1, y1), (x2, y2) = at[e["source"]], at[e["target"]]
        length = math.hypot(x2 - x1, y2 - y1) or 1.0
        ux, uy = (x2 - x1) / length, (y2 - y1) / length
        r1, r2 = radius[e["source"]] + 1.5, radius[e["target"]] + 3.0
        if length <= r1 + r2:
            continue
        colour, width, dash = EDGE_STYLES[e["kind"]]
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(
            f'<line class="edge {e["kind"]}" x1="{_f(x1 + ux * r1)}" y1="{_f(y1 + uy * r1)}" '
            f'x2="{_f(x2 - ux * r2)}" y2="{_f(y2 - uy * r2)}" stroke="{colour}" stroke-width="{width}" '
            f'stroke-opacity="{opacity:.2f}"{dash_attr} marker-end="url(#arrow-{e["kind"]})"/>'
        )
    out.append("</g>")
    out.append('<g class="nodes">')
    order = {"between": 0, "candidate": 1, "seed": 2}
    for n in sorted(nodes, key=lambda n: (order[n["role"]], n["score"], n["site"])):
        x, y = at[n["site"]]
        r = radius[n["site"]]
        tip = n["site"] + (f" — {n['title']}" if n.get("title") else "")
        if n.get("rank"):
            tip = f"#{n['rank']} {tip} ({n['score']:.3f})"
        link = href(n) if href else None
        open_tag = f'<a href="{escape(link)}">' if link else ""
        close_tag = "</a>" if link else ""
        out.append(
            f'<g class="node {n["role"]}" data-site="{escape(n["site"])}">{open_tag}<title>{escape(tip)}</title>'
            f'<circle cx="{_f(x)}" cy="{_f(y)}" r="{_f(r)}" fill="{node_colour(n)}" stroke="#ffffff" stroke-width="1.5"/>'
        )
        if n["site"] in labels:
            text, size, lx, ly, anchor = labels[n["site"]]
            weight = ' font-weight="700"' if n["role"] == "seed" else ""
            fill = "#1a1a1a" if n["role"] != "between" else "#5b6573"
            out.append(
                f'<text x="{_f(lx)}" y="{_f(ly)}" font-size="{size}"{weight} text-anchor="{anchor}" '
                f'fill="{fill}" stroke="#fbfbf9" stroke-width="3" paint-order="stroke">{escape(text)}</text>'
            )
        out.append(f"{close_tag}</g>")
    out.append("</g></svg>")
    return Markup("\n".join(out))


def activity_svg(months: Sequence[Mapping], *, label: str = "") -> Markup:
    """Posts per month as small bars (twelve months, oldest left)."""
    if not months:
        return Markup("")
    width, height, gap = 132, 30, 2
    bar = (width - gap * (len(months) - 1)) / len(months)
    top = max((m["posts"] for m in months), default=0) or 1
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="spark" viewBox="0 0 {width} {height + 2}" '
        f'width="{width}" height="{height + 2}" role="img" aria-label="{escape(label)}">',
        f'<line x1="0" y1="{height + 0.5}" x2="{width}" y2="{height + 0.5}" stroke="#c8c8c8" stroke-width="1"/>',
    ]
    for i, m in enumerate(months):
        h = 0.0 if not m["posts"] else max(2.0, height * m["posts"] / top)
        x = i * (bar + gap)
        out.append(
            f'<rect x="{_f(x)}" y="{_f(height - h)}" width="{_f(bar)}" height="{_f(h)}" fill="#2b7bb9">'
            f"<title>{escape(m['month'])}: {int(m['posts'])}</title></rect>"
        )
    out.append("</svg>")
    return Markup("".join(out))
