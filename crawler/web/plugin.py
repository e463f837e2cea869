"""The blogscout Datasette plugin: partner pages, the status form and bounded SQL values.

Configured through Datasette's plugin config ``{"plugins": {"blogscout": {"db", "lang"}}}``
(set by `crawler.web.app.make_datasette`; the request guard wraps the app in
`crawler.web.app.make_app`). Pages render what `crawler.services.report` and
`crawler.services.graph` return; the status form writes through the outreach service;
Datasette's own views only read (``mode=ro``).
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from pathlib import Path
from urllib.parse import quote, unquote

from datasette import hookimpl
from datasette.utils.asgi import Response

from crawler.errors import BlogscoutError
from crawler.services import graph as graphs
from crawler.services import report as reports
from crawler.web import render, svg
from crawler.web.labels import labels

log = logging.getLogger(__name__)

STATUS_PATH = "/-/blogscout/status"
# Largest string or blob a query of Datasette may build or return, in bytes: page texts are
# at most 100,000 characters, so the raw tables show whole; `randomblob(4e8)` fails at once.
VALUE_LIMIT = 4 * 1024 * 1024


def _config(datasette) -> dict:
    return datasette.plugin_config("blogscout") or {}


def candidate_path(site: str) -> str:
    """The web app's page of one candidate."""
    return f"/-/blogscout/site/{quote(site, safe='')}"


def _without_path(err: Exception, db_path: str) -> str:
    """The error's message with the database named by its file name, not its absolute path."""
    return str(err).replace(db_path, Path(db_path).name)


def _context(datasette, request) -> dict:
    cfg = _config(datasette)
    lang = cfg.get("lang", "en")
    return {
        "L": labels(lang),
        "lang": lang,
        "raw_tables": datasette.urls.database(Path(cfg["db"]).stem),
        "partners_url": "/",
    }


async def partners_page(datasette, request):
    """The partner list: filters, sortable table and the neighbourhood picture."""
    cfg = _config(datasette)
    ctx = _context(datasette, request)
    try:
        left_out = frozenset(cfg.get("left_out", ()))
        data, graph = await asyncio.to_thread(graphs.report, cfg["db"], top=10_000, left_out=left_out)
    except BlogscoutError as err:
        return Response.text(_without_path(err, cfg["db"]), status=404)
    picture = svg.neighbourhood_svg(
        graph, title=ctx["L"]["neighbourhood"], href=lambda n: candidate_path(n["site"]) if n["rank"] else None
    )
    ctx.update(data=data, picture=picture, card_href=lambda c: candidate_path(c["site"]))
    return Response.html(await datasette.render_template("blogscout_partners.html", ctx, request=request))


async def candidate_page(datasette, request):
    """One candidate: its card with the status form, links in and out, pages crawled."""
    cfg = _config(datasette)
    ctx = _context(datasette, request)
    site = unquote(request.url_vars["site"])  # the address keeps a site's slash quoted
    try:
        detail = await asyncio.to_thread(reports.candidate, cfg["db"], site)
    except BlogscoutError as err:
        return Response.text(_without_path(err, cfg["db"]), status=404)
    ctx.update(
        detail=detail,
        c=detail["card"],
        saved=request.args.get("saved") == "1",
        form={"action": STATUS_PATH, "csrftoken": request.scope["csrftoken"](), "statuses": detail["statuses"]},
    )
    return Response.html(await datasette.render_template("blogscout_candidate.html", ctx, request=request))


async def status_action(datasette, request):
    """POST: store a status and note, then show the candidate's page again."""
    if request.method != "POST":
        return Response.text("Use the status buttons on a candidate's page.", status=405)
    form = await request.post_vars()
    site, db = form.get("site", ""), _config(datasette)["db"]
    try:
        await asyncio.to_thread(reports.set_status, db, site, form.get("status", ""), form.get("note"))
    except BlogscoutError as err:
        return Response.text(f"Not saved: {_without_path(err, db)}", status=400)
    return Response.redirect(candidate_path(site) + "?saved=1")


@hookimpl
def register_routes(datasette):
    return [
        (r"^/$", partners_page),
        (r"^/-/blogscout/site/(?P<site>.+)$", candidate_page),  # medium.com/@anna: a site may hold a slash
        (r"^/-/blogscout/status$", status_action),
    ]


@hookimpl
def prepare_jinja2_environment(env, datasette):
    render.add_helpers(env)


@hookimpl
def extra_template_vars(datasette):
    return {"blogscout_css": render.asset("blogscout.css")}


@hookimpl
def menu_links(datasette, actor, request):
    cfg = _config(datasette)
    if not cfg:
        return []
    L = labels(cfg.get("lang", "en"))
    return [
        {"href": "/", "label": L["partners"]},
        {"href": datasette.urls.database(Path(cfg["db"]).stem), "label": L["raw_tables"]},
    ]


@hookimpl
def prepare_connection(conn):
    """Bound the size of any one value on every connection Datasette opens."""
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, VALUE_LIMIT)
