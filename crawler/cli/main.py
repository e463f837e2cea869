"""The ``blogscout`` command: the group, its commands, the console entry point."""

from __future__ import annotations

import click

from crawler import __version__
from crawler.cli.common import CONTEXT, OneLineErrors
from crawler.cli.crawl import crawl, run, worker
from crawler.cli.demo import demo
from crawler.cli.history import history
from crawler.cli.inspect import inspect
from crawler.cli.outreach import drafts, import_status, init, mark, status
from crawler.cli.rank import rank
from crawler.cli.recrawl import diff, recrawl
from crawler.cli.schedule import schedule
from crawler.cli.web import graph, report, serve
from crawler.cli.why import why


@click.group(cls=OneLineErrors, context_settings=CONTEXT)
@click.version_option(__version__, prog_name="blogscout")
def cli() -> None:
    """Find blog cooperation partners: crawl seed blogs and the blogs around them, rank, export.

    \b
    Example: blogscout run https://seo-blog.de/ --topic "content marketing"
    """


for command in (
    crawl,
    run,
    worker,
    rank,
    demo,
    recrawl,
    diff,
    history,
    schedule,
    report,
    graph,
    serve,
    mark,
    status,
    import_status,
    drafts,
    init,
    why,
    inspect,
):
    cli.add_command(command)


def main() -> None:
    """Console entry point."""
    cli(prog_name="blogscout")
