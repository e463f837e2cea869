"""Jinja2 rendering of the static report (autoescape on: crawled strings are always text)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from crawler import __version__
from crawler.services.export import check_output
from crawler.web import svg
from crawler.web.labels import labels, via_in, why_in

TEMPLATES = Path(__file__).parent / "templates"
ASSETS = Path(__file__).parent / "assets"


@cache
def asset(name: str) -> Markup:
    """Our own stylesheet or script, to be inlined (never crawled data)."""
    return Markup((ASSETS / name).read_text(encoding="utf-8"))


def add_helpers(env: Environment) -> Environment:
    """Filters and globals shared by the report and the web app's templates."""
    env.filters["pct"] = lambda value: f"{max(0.0, min(100.0, 100 * float(value or 0))):.0f}"  # a bar never overflows
    env.filters["score"] = lambda value: f"{float(value or 0):.3f}"
    env.filters["why_in"] = why_in
    env.filters["via_in"] = via_in
    env.globals["activity_svg"] = svg.activity_svg
    env.globals["status_colour"] = lambda status: svg.STATUS_COLOURS.get(status, svg.STATUS_COLOURS["new"])
    env.globals["role_colours"] = svg.ROLE_COLOURS
    env.globals["edge_styles"] = svg.EDGE_STYLES
    env.globals["asset"] = asset
    env.globals["version"] = __version__
    return env


@cache
def environment() -> Environment:
    """The report's template environment (autoescaping every template)."""
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return add_helpers(env)


def render_report(data: dict, graph: dict, *, lang: str = "en") -> str:
    """The whole report as one self-contained HTML document."""
    L = labels(lang)
    picture = svg.neighbourhood_svg(graph, title=L["neighbourhood"], href=lambda n: _card_anchor(n, data))
    return (
        environment()
        .get_template("blogscout_report.html")
        .render(data=data, graph=graph, picture=picture, L=L, lang=lang, card_href=lambda c: f"#card-{c['site']}")
    )


def _card_anchor(node: dict, data: dict) -> str | None:
    """In-page link from a graph node to its card, when the report has one."""
    if node["role"] == "candidate" and any(c["site"] == node["site"] for c in data["candidates"]):
        return f"#card-{node['site']}"
    return None


def write_report(
    db_path: str,
    out: str,
    *,
    top: int = 50,
    lang: str = "en",
    graph_top: int = 30,
    left_out: frozenset[str] = frozenset(),
) -> int:
    """Write the report of a project database to ``out`` (atomically); return the candidates shown.

    The sites ``left_out`` (the user's own blog, excluded sites) get no card.

    Raises the services' named errors (unusable database, nothing crawled, unwritable ``out``).
    """
    from crawler.services.graph import report
    from crawler.services.report import write_text

    check_output(out, db_path)
    data, graph = report(db_path, top=top, graph_top=graph_top, left_out=left_out)
    write_text(out, render_report(data, graph, lang=lang), db=db_path)
    return len(data["candidates"])
