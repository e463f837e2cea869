"""``blogscout report``, ``blogscout graph`` and ``blogscout serve``: what people look at."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path

import click

from crawler.storage.db import DatabaseError

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


def _default_db() -> str:
    from crawler.cli.main import DEFAULT_DB

    return DEFAULT_DB


db_option = click.option(
    "--db",
    default=_default_db,
    metavar="PATH",
    help="Project database (default: the project database of 'blogscout crawl').",
)


def _errors():
    """Named library errors this module turns into one-line messages."""
    from crawler.services.graph import GraphFileError
    from crawler.services.report import ReportError

    return DatabaseError, ReportError, GraphFileError


def _write_text(out: str, text: str) -> None:
    """Write a file atomically (temp file beside it, then rename); one-line errors."""
    target = Path(out)
    if target.is_dir() or not target.parent.is_dir():
        raise click.ClickException(f"--out {out}: not a file in an existing directory; pass another path")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, target)
    except OSError as err:
        raise click.ClickException(f"--out {out}: cannot write ({err.strerror}); pass another path") from err


@click.command()
@db_option
@click.option("--out", default="report.html", show_default=True, metavar="FILE", help="The HTML file to write.")
@click.option("--top", default=50, show_default=True, type=click.IntRange(1), help="Candidates in the report.")
@click.option(
    "--lang", default="en", show_default=True, type=click.Choice(["de", "en"]), help="Language of the labels."
)
@click.option("--quiet", "-q", is_flag=True, help="No progress output.")
def report(db, out, top, lang, quiet):
    """Write one self-contained HTML report: ranking, cards and a picture of the neighbourhood.

    The file needs no network and no other file: mail it, open it anywhere, print it.

    Example: blogscout report --db data/kunde-a.db --out kunde-a.html --lang de
    """
    from crawler.cli.main import setup_logging
    from crawler.web.render import build_report

    setup_logging(quiet)
    if Path(out).is_dir() or not Path(out).parent.is_dir():
        raise click.ClickException(f"--out {out}: not a file in an existing directory; pass another path")
    try:
        html = build_report(db, top=top, lang=lang)
    except _errors() as err:
        raise click.ClickException(str(err)) from err
    except sqlite3.DatabaseError as err:
        raise click.ClickException(f"{db}: cannot read the database ({err}); pass another --db") from err
    _write_text(out, html)
    if not quiet:
        click.echo(f"wrote {out}", err=True)


@click.command()
@db_option
@click.option("--out", required=True, metavar="FILE", help="Graph file: .gexf (Gephi) or .graphml.")
@click.option("--quiet", "-q", is_flag=True, help="No progress output.")
def graph(db, out, quiet):
    """Write the site graph with scores, roles and statuses as attributes, for Gephi and friends.

    Example: blogscout graph --db data/kunde-a.db --out kunde-a.gexf
    """
    from crawler.cli.main import setup_logging
    from crawler.services.graph import write_graph

    setup_logging(quiet)
    try:
        counts = write_graph(db, out)
    except _errors() as err:
        raise click.ClickException(str(err)) from err
    except sqlite3.DatabaseError as err:
        raise click.ClickException(f"{db}: cannot read the database ({err}); pass another --db") from err
    if not quiet:
        click.echo(f"wrote {out}: {counts['nodes']} sites, {counts['edges']} links", err=True)
