"""``blogscout report``, ``blogscout graph`` and ``blogscout serve``: what people look at."""

from __future__ import annotations

import click

from crawler.cli.common import command, db_option, quiet_option, setup_logging


@command()
@db_option()
@click.option("--out", default="report.html", show_default=True, metavar="FILE", help="The HTML file to write.")
@click.option("--top", default=50, show_default=True, type=click.IntRange(1), help="Candidates in the report.")
@click.option(
    "--lang", default="en", show_default=True, type=click.Choice(["de", "en"]), help="Language of the labels."
)
@quiet_option
def report(db, out, top, lang, quiet):
    """Write one self-contained HTML report: ranking, cards and a picture of the neighbourhood.

    The file needs no network and no other file: mail it, open it anywhere, print it.

    Example: blogscout report --db data/kunde-a.db --out kunde-a.html --lang de
    """
    from crawler.web.render import write_report

    setup_logging(quiet)
    count = write_report(db, out, top=top, lang=lang)
    if not quiet:
        click.echo(f"wrote {out}: {count} candidates", err=True)


@command()
@db_option()
@click.option("--out", required=True, metavar="FILE", help="Graph file: .gexf (Gephi) or .graphml.")
@quiet_option
def graph(db, out, quiet):
    """Write the site graph with scores, roles and statuses as attributes, for Gephi and friends.

    Example: blogscout graph --db data/kunde-a.db --out kunde-a.gexf
    """
    from crawler.services.graph import write_graph

    setup_logging(quiet)
    counts = write_graph(db, out)
    if not quiet:
        click.echo(f"wrote {out}: {counts['nodes']} sites, {counts['edges']} links", err=True)
