"""The ``blogscout`` command: thin wiring over the crawler and scoring; all user-facing errors."""

from __future__ import annotations

import logging
import sys

import click

from crawler import __version__
from crawler.storage.db import DatabaseError

DEFAULT_DB = "data/blogscout.db"


class _OwnLogs(logging.Filter):
    """blogscout's own records at its level; other libraries' only errors.

    Failed fetches are not errors of blogscout: they are counted in the summary and stored in
    ``fetch_errors``, so Scrapy's retry messages are left out.
    """

    QUIET = ("scrapy.downloadermiddlewares.retry", "scrapy.core.scraper")

    def __init__(self, level: int):
        super().__init__()
        self.level = level

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name.split(".", 1)[0] in ("crawler", "scoring"):
            return record.levelno >= self.level
        if record.name in self.QUIET and record.levelno < logging.CRITICAL and not record.exc_info:
            return False
        return record.levelno >= logging.ERROR


def setup_logging(quiet: bool = False, verbose: bool = False) -> None:
    """Progress and logs to stderr: blogscout's own at INFO (WARNING with --quiet), others' warnings."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(message)s", "%H:%M:%S"))
    handler.addFilter(_OwnLogs(logging.WARNING if quiet else (logging.DEBUG if verbose else logging.INFO)))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.DEBUG if verbose else logging.INFO)


def parse_set_options(pairs: tuple[str, ...]) -> dict:
    """``KEY=VALUE`` Scrapy setting overrides (values parsed as int/float/bool when they look so)."""
    out = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.isupper():
            raise click.BadParameter(
                f"{pair!r}: use KEY=VALUE with an upper-case Scrapy setting name", param_hint="--set"
            )
        low = value.lower()
        if low in ("true", "false"):
            out[key] = low == "true"
        else:
            try:
                out[key] = int(value)
            except ValueError:
                try:
                    out[key] = float(value)
                except ValueError:
                    out[key] = value
    return out


def print_summary(lines: list[tuple[str, str]]) -> None:
    """Aligned label: value lines on stdout."""
    width = max(len(label) for label, _ in lines)
    for label, value in lines:
        click.echo(f"{label:<{width}}  {value}")


class OneLineErrors(click.Group):
    """A click group whose usage errors are one line on stderr, like every other error."""

    def main(self, *args, standalone_mode: bool = True, **kwargs):
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)
        try:
            code = super().main(*args, standalone_mode=False, **kwargs)
        except click.UsageError as err:
            where = err.ctx.command_path if err.ctx else "blogscout"
            click.echo(f"Error: {err.format_message()} (see '{where} --help')", err=True)
            sys.exit(err.exit_code)
        except click.ClickException as err:
            err.show()
            sys.exit(err.exit_code)
        except (click.Abort, KeyboardInterrupt):
            click.echo("Error: interrupted", err=True)
            sys.exit(130)
        sys.exit(code if isinstance(code, int) else 0)


@click.group(cls=OneLineErrors, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="blogscout")
def cli() -> None:
    """Find blog cooperation partners: crawl seed blogs and the blogs around them, rank, export.

    Example: blogscout run https://seo-blog.de/ --topic "content marketing"
    """


def crawl_options(func):
    """Options shared by `crawl` and `run`."""
    options = [
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
            default=2,
            show_default=True,
            type=click.IntRange(0, 5),
            help="Follow blog links this many hops from the seeds.",
        ),
        click.option(
            "--max-pages-per-site",
            default=40,
            show_default=True,
            type=click.IntRange(1),
            help="Page budget of each seed site.",
        ),
        click.option(
            "--candidate-pages",
            default=8,
            show_default=True,
            type=click.IntRange(1),
            help="Page budget of each candidate site (home, feed, about, contact, posts).",
        ),
        click.option(
            "--max-pages",
            default=0,
            show_default=True,
            type=click.IntRange(0),
            help="Stop after this many pages in all (0: no limit).",
        ),
        click.option("--topic", default="", help="Comma-separated topic terms; pages on topic are followed first."),
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
        click.option("--quiet", "-q", is_flag=True, help="No progress output."),
    ]
    if func.__name__ == "crawl":
        options.insert(
            -1,
            click.option(
                "--resume", is_flag=True, help="Continue the interrupted crawl of this database where it stopped."
            ),
        )
        options.insert(
            -1,
            click.option(
                "--redis",
                "redis_url",
                default=None,
                metavar="URL",
                help="Distributed crawl: share the frontier in Redis (redis://host:6379/0); "
                "add workers with 'blogscout worker --redis URL'.",
            ),
        )
    for option in reversed(options):
        func = option(func)
    return func


def make_options(
    urls,
    seed_files,
    hops,
    max_pages_per_site,
    candidate_pages,
    max_pages,
    topic,
    platforms_files,
    exclude_files,
    allow_private,
    set_pairs,
):
    """Validated `CrawlOptions` from command-line values; raises click errors."""
    from crawler.engine.runner import CrawlOptions
    from crawler.services.seeds import SeedError, collect_seeds

    try:
        seeds = collect_seeds(list(urls), list(seed_files))
    except SeedError as err:
        raise click.ClickException(str(err)) from err
    return CrawlOptions(
        seeds=seeds,
        hops=hops,
        max_pages_per_site=max_pages_per_site,
        candidate_pages=candidate_pages,
        max_pages=max_pages,
        topic=topic,
        platforms_files=list(platforms_files),
        exclude_files=list(exclude_files),
        allow_private=allow_private,
        settings=parse_set_options(set_pairs),
    )


def do_crawl(
    db: str,
    options,
    quiet: bool,
    command: str = "crawl",
    mode: str = "fresh",
    resume_run: int | None = None,
    redis_url: str | None = None,
):
    """Run a crawl and print its summary; database, lock and Redis problems become one-line errors."""
    from crawler.engine.runner import run_crawl, summary
    from crawler.storage.lock import LockedError

    try:
        if redis_url:
            from crawler.distributed.runner import DistributedError, run_coordinator

            try:
                result = run_coordinator(db, options, redis_url, quiet=quiet)
            except DistributedError as err:
                raise click.ClickException(str(err)) from err
        else:
            result = run_crawl(db, options, command=command, quiet=quiet, mode=mode, resume_run=resume_run)
    except (DatabaseError, LockedError) as err:
        raise click.ClickException(str(err)) from err
    except OSError as err:
        raise click.ClickException(f"{db}: {err.strerror or err}; check the path and free disk space") from err
    print_summary(summary(db, result))
    return result


@cli.command()
@crawl_options
def crawl(
    urls,
    seed_files,
    db,
    hops,
    max_pages_per_site,
    candidate_pages,
    max_pages,
    topic,
    platforms_files,
    exclude_files,
    allow_private,
    set_pairs,
    resume,
    redis_url,
    quiet,
):
    """Crawl seed blogs, their blogrolls and the blogs they link to into the database.

    With --resume, continue the last crawl of the database that was interrupted (Ctrl-C, kill,
    power loss) with its own seeds and options (--set changes settings from then on); pages it
    already stored are not fetched again.

    Example: blogscout crawl https://seo-blog.de/ https://anna.blogspot.com/ --hops 2
    """
    setup_logging(quiet)
    if resume:
        if urls or seed_files:
            raise click.UsageError("--resume continues the stored crawl; give no seeds with it")
        run = stored_run(db, resumable=True)
        from crawler.engine.runner import CrawlOptions

        options = CrawlOptions.from_run(run)
        options.settings.update(parse_set_options(set_pairs))  # e.g. different politeness from now on
        click.echo(f"Resuming run {run['id']} started {run['started_at']}", err=True)
        do_crawl(db, options, quiet, command=run["command"], mode="resume", resume_run=run["id"])
        return
    options = make_options(
        urls,
        seed_files,
        hops,
        max_pages_per_site,
        candidate_pages,
        max_pages,
        topic,
        platforms_files,
        exclude_files,
        allow_private,
        set_pairs,
    )
    do_crawl(db, options, quiet, redis_url=redis_url)


def stored_run(db: str, resumable: bool = False) -> dict:
    """The run to resume, or the latest crawl run to repeat; one-line errors when there is none."""
    from crawler.storage import db as dbmod

    try:
        database = dbmod.connect(db, create=False)
    except DatabaseError as err:
        raise click.ClickException(str(err)) from err
    try:
        if resumable:
            run = dbmod.resumable_run(database)
            if not run:
                raise click.ClickException(
                    f"{db}: no interrupted crawl to resume; start one with 'blogscout crawl URL...'"
                )
            return run
        rows = list(database["runs"].rows_where(order_by="id desc", limit=1))
        if not rows:
            raise click.ClickException(f"{db}: no crawl stored yet; run 'blogscout crawl URL...' first")
        return rows[0]
    finally:
        database.conn.close()


@cli.command()
@crawl_options
@click.option(
    "--out",
    default="partners.csv",
    show_default=True,
    type=click.Path(dir_okay=False),
    help="Partner export (CSV, or JSON when it ends in .json).",
)
@click.option("--me", default=None, metavar="URL", help="Your own blog: marks who links to you and warm prospects.")
@click.option("--lang", default="", metavar="CODES", help="Keep blogs in these languages, e.g. de,en.")
@click.option("--excel", is_flag=True, help="CSV for German Excel: semicolons, UTF-8 with BOM.")
@click.option("--top", default=20, show_default=True, type=click.IntRange(0), help="Rows printed as a table.")
def run(
    urls,
    seed_files,
    db,
    hops,
    max_pages_per_site,
    candidate_pages,
    max_pages,
    topic,
    platforms_files,
    exclude_files,
    allow_private,
    set_pairs,
    quiet,
    out,
    me,
    lang,
    excel,
    top,
):
    """Crawl, rank and export in one go: what most users type.

    Example: blogscout run https://seo-blog.de/ --topic "content marketing, seo" --out partners.csv --excel
    """
    from crawler.cli.rank import parse_langs, rank_to_file

    setup_logging(quiet)
    options = make_options(
        urls,
        seed_files,
        hops,
        max_pages_per_site,
        candidate_pages,
        max_pages,
        topic,
        platforms_files,
        exclude_files,
        allow_private,
        set_pairs,
    )
    do_crawl(db, options, quiet, command="run")
    rank_to_file(db, out=out, topic=topic, langs=parse_langs(lang), top=top, me=me, excel=excel)


@cli.command()
@click.option(
    "--redis", "redis_url", required=True, metavar="URL", help="Redis of the distributed crawl (redis://host:6379/0)."
)
@click.option("--wait", default=60.0, show_default=True, help="Seconds to wait for a crawl to join.")
@click.option("--quiet", "-q", is_flag=True, help="No progress output.")
def worker(redis_url, wait, quiet):
    """Join a distributed crawl as one more worker; ends when the shared queue is empty.

    Start the crawl on one machine with 'blogscout crawl --redis URL SEEDS...', then run
    workers on any machine that reaches the same Redis.

    Example: blogscout worker --redis redis://10.0.0.5:6379/0
    """
    from crawler.distributed.runner import DistributedError, run_worker

    setup_logging(quiet)
    try:
        stats = run_worker(redis_url, wait=wait, quiet=quiet)
    except DistributedError as err:
        raise click.ClickException(str(err)) from err
    click.echo(f"worker done: {stats.get('blogscout/pages', 0)} pages, {stats.get('blogscout/errors', 0)} errors")


def main() -> None:
    """Console entry point."""
    cli(prog_name="blogscout")


# Commands kept in their own modules; imported last because they use the helpers above.
# The crawl's own modules (seed checks, feeds, Scrapy) are imported inside the commands that
# crawl, so `rank` and `diff` start without them.
from crawler.cli.demo import demo  # noqa: E402
from crawler.cli.outreach import import_status, mark, status  # noqa: E402
from crawler.cli.rank import rank  # noqa: E402
from crawler.cli.recrawl import diff, recrawl  # noqa: E402
from crawler.cli.schedule import schedule  # noqa: E402

for command in (rank, demo, recrawl, diff, schedule, mark, status, import_status):
    cli.add_command(command)
