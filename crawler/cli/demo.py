"""``blogscout demo``: crawl and rank the bundled sample blogosphere, fully offline."""

from __future__ import annotations

from pathlib import Path

import click

from crawler.cli.common import command, crawl_and_report, logging_options, rank_and_show, setup_logging
from crawler.services.demo import demo_options, remove_database, sample_web
from crawler.services.export import check_output
from crawler.web.render import write_report


@command()
@click.option(
    "--db",
    default="data/demo.db",
    show_default=True,
    type=click.Path(dir_okay=False),
    help="Database the demo writes (replaced on each demo run).",
)
@click.option(
    "--out",
    default="data/demo-partners.csv",
    show_default=True,
    type=click.Path(dir_okay=False),
    help="Partner CSV the demo writes.",
)
@click.option(
    "--report",
    "report_out",
    default=None,
    show_default="demo-report.html beside --out",
    type=click.Path(dir_okay=False),
    help="HTML report the demo writes.",
)
@click.option("--world", default=0, show_default=True, help="Random seed of the generated blogosphere.")
@click.option("--blogs", default=40, show_default=True, type=click.IntRange(10), help="Blogs in the blogosphere.")
@click.option(
    "--topic",
    default="content marketing, social media marketing, seo",
    show_default=True,
    help="Topic terms for ranking.",
)
@logging_options
def demo(db, out, report_out, world, blogs, topic, quiet, verbose):
    """Serve a sample blogosphere on 127.0.0.1, crawl it from its seeds, rank and export partners.

    \b
    Example: blogscout demo --blogs 60
    """
    setup_logging(quiet, verbose)
    report_out = report_out or str(Path(out).with_name("demo-report.html"))
    remove_database(db)
    Path(db).parent.mkdir(parents=True, exist_ok=True)  # data/ in a folder that has none
    for path in (out, report_out):
        if path != "-":
            check_output(path, db)  # before the crawl: an output path that cannot work fails at once
    with sample_web(world, blogs) as sandbox:
        click.echo(f"Crawling the sample blogosphere ({blogs} blogs) through {sandbox.proxy_url}", err=True)
        crawl_and_report(db, demo_options(sandbox, topic), quiet, command="demo")
    rank_and_show(db, out=out, topic=topic, top=15)
    write_report(db, report_out)
    click.echo(f"wrote {report_out}; see it in the browser with 'blogscout serve --db {db}'", err=True)
