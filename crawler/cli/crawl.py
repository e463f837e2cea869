"""``blogscout crawl``, ``run`` and ``worker``: crawl seed blogs and the blogs around them."""

from __future__ import annotations

import click

from crawler import defaults
from crawler.cli.common import (
    DEFAULT_DB,
    WEIGHTS_OPTION,
    command,
    config_option,
    crawl_and_report,
    logging_options,
    parse_set_options,
    rank_and_show,
    setup_logging,
)
from crawler.services import crawl as crawls
from crawler.services.export import check_output
from crawler.services.rank import check_weights_file, check_writable, parse_langs

CRAWL_OPTIONS = [
    click.argument("urls", nargs=-1),
    click.option(
        "--seeds-file",
        "seed_files",
        multiple=True,
        type=click.Path(dir_okay=False),
        help="File of seed URLs: one a line (# comments) or an OPML blogroll.",
    ),
    click.option(
        "--db",
        default=DEFAULT_DB,
        show_default=True,
        type=click.Path(dir_okay=False),
        help="SQLite database file of the project.",
    ),
    click.option(
        "--hops",
        default=defaults.HOPS,
        show_default=True,
        type=click.IntRange(0, 5),
        help="Follow blog links this many hops from the seeds.",
    ),
    click.option(
        "--max-pages-per-site",
        default=defaults.MAX_PAGES_PER_SITE,
        show_default=True,
        type=click.IntRange(1),
        help="Page budget of each seed site.",
    ),
    click.option(
        "--candidate-pages",
        default=defaults.CANDIDATE_PAGES,
        show_default=True,
        type=click.IntRange(1),
        help="Page budget of each candidate site (home, feed, about, contact, posts).",
    ),
    click.option(
        "--max-pages",
        default=defaults.MAX_PAGES,
        show_default=True,
        type=click.IntRange(0),
        help="Stop after this many pages in all (0: no limit).",
    ),
    click.option(
        "--topic",
        default="",
        show_default="none",
        help="Comma-separated topic terms; pages on topic are followed first.",
    ),
    click.option(
        "--platforms",
        "platforms_files",
        multiple=True,
        type=click.Path(exists=True, dir_okay=False),
        help="Extra platform list ('category site' lines) never treated as candidates.",
    ),
    click.option(
        "--exclude",
        "exclude_files",
        multiple=True,
        type=click.Path(exists=True, dir_okay=False),
        help="File of sites to leave out, e.g. your existing partners (one a line).",
    ),
    click.option(
        "--allow-private", is_flag=True, help="Allow fetching private and loopback addresses (intranets only)."
    ),
    click.option(
        "--set",
        "set_pairs",
        multiple=True,
        metavar="KEY=VALUE",
        help="Override a Scrapy setting, e.g. --set DOWNLOAD_DELAY=2.",
    ),
]


def crawl_options(*extra):
    """The options shared by `crawl` and `run`, then ``extra`` ones, then ``--quiet`` and ``--verbose``."""

    def decorate(func):
        for option in reversed([config_option, *CRAWL_OPTIONS, *extra, logging_options]):
            func = option(func)
        return func

    return decorate


def options_from_cli(urls, seed_files, set_pairs, **values):
    """`CrawlOptions` from the command-line values of `crawl_options`."""
    return crawls.make_options(urls, seed_files, settings=parse_set_options(set_pairs), **values)


@command()
@crawl_options(
    click.option("--resume", is_flag=True, help="Continue the interrupted crawl of this database where it stopped."),
    click.option(
        "--redis",
        "redis_url",
        default=None,
        show_default="none: crawl in this process",
        metavar="URL",
        help="Distributed crawl: share the frontier in Redis (redis://host:6379/0); "
        "add workers with 'blogscout worker --redis URL'.",
    ),
)
def crawl(urls, seed_files, db, set_pairs, resume, redis_url, quiet, verbose, **values):
    """Crawl seed blogs, their blogrolls and the blogs they link to into the database.

    With --resume, continue the last crawl of the database that was interrupted (Ctrl-C, kill,
    power loss) with its own seeds and options (--set changes settings from then on); pages it
    already stored are not fetched again.

    \b
    Example: blogscout crawl https://seo-blog.de/ https://anna.blogspot.com/ --hops 2
    """
    setup_logging(quiet, verbose)
    if resume:
        if urls or seed_files:
            raise click.UsageError("--resume continues the stored crawl; give no seeds with it")
        run = crawls.stored_run(db, resumable=True)
        check_writable(db, "fix its permissions or copy it somewhere writable")
        options = crawls.options_of_run(run, parse_set_options(set_pairs))  # e.g. different politeness from now on
        click.echo(f"Resuming run {run['id']} started {run['started_at']}", err=True)
        crawl_and_report(db, options, quiet, command=run["command"], mode="resume", resume_run=run["id"])
        return
    options = options_from_cli(urls, seed_files, set_pairs, **values)
    crawl_and_report(db, options, quiet, redis_url=redis_url)


@command()
@crawl_options(
    click.option(
        "--out",
        default=defaults.EXPORT,
        show_default=True,
        type=click.Path(dir_okay=False),
        help="Partner export (CSV, or JSON when it ends in .json).",
    ),
    click.option(
        "--me",
        default=None,
        show_default="none",
        metavar="URL",
        help="Your own blog: marks who links to you and warm prospects.",
    ),
    click.option(
        "--lang", default="", show_default="all", metavar="CODES", help="Keep blogs in these languages, e.g. de,en."
    ),
    click.option("--excel", is_flag=True, help="CSV for German Excel: semicolons, decimal commas, UTF-8 with BOM."),
    click.option(
        "--top", default=defaults.TOP, show_default=True, type=click.IntRange(0), help="Rows printed as a table."
    ),
    WEIGHTS_OPTION,
)
def run(urls, seed_files, db, set_pairs, quiet, verbose, out, me, lang, excel, top, weights, **values):
    """Crawl, rank and export in one go: what most users type.

    The ranking is stored in the database as a snapshot for 'blogscout diff' and 'history'. When
    no seed can be fetched, the run stops with an error and writes no export.

    \b
    Example: blogscout run https://seo-blog.de/ --topic "content marketing, seo" --out partners.csv --excel
    """
    setup_logging(quiet, verbose)
    langs = parse_langs(lang)
    check_weights_file(weights)
    if out != "-":
        check_output(out, db)  # before the crawl: an export path that cannot work fails at once
    options = options_from_cli(urls, seed_files, set_pairs, **values)
    ranking = {
        "topic": values["topic"],
        "langs": langs,
        "me": me,
        "weights": weights,
        "exclude_files": values["exclude_files"],
    }
    crawl_and_report(db, options, quiet, command="run", baseline=ranking)
    rank_and_show(db, out=out, top=top, excel=excel, save=True, command="run", **ranking)


@command()
@click.option(
    "--redis", "redis_url", required=True, metavar="URL", help="Redis of the distributed crawl (redis://host:6379/0)."
)
@click.option("--wait", default=60.0, show_default=True, help="Seconds to wait for a crawl to join.")
@logging_options
def worker(redis_url, wait, quiet, verbose):
    """Join a distributed crawl as one more worker; ends when the shared queue is empty.

    Start the crawl on one machine with 'blogscout crawl --redis URL SEEDS...', then run
    workers on any machine that reaches the same Redis.

    \b
    Example: blogscout worker --redis redis://10.0.0.5:6379/0
    """
    setup_logging(quiet, verbose)
    stats = crawls.join_as_worker(redis_url, wait=wait, quiet=quiet)
    click.echo(f"worker done: {stats.get('blogscout/pages', 0)} pages, {stats.get('blogscout/errors', 0)} errors")
