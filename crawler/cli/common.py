"""What every command shares: the project database default, logging, output helpers, errors.

Commands are made with `command` (and groups with `group`): a named error
(`crawler.errors.BlogscoutError`) raised below becomes click's one-line ``Error: ...`` with exit
status 1; `OneLineErrors`, the top group, keeps usage errors to one line too.
"""

from __future__ import annotations

import logging
import re
import shlex
import sys
from collections.abc import Mapping, Sequence
from typing import Any

import click

from crawler import defaults
from crawler.errors import BlogscoutError
from crawler.services import crawl as crawls
from crawler.services.rank import left_out_sites, rank_to_file

DEFAULT_DB = defaults.DATABASE

TABLE_COLUMNS = (
    ("rank", ">"),
    ("score", ">"),
    ("site", "<"),
    ("relevance", ">"),
    ("centrality", ">"),
    ("activity", ">"),
    ("last_post", "<"),
    ("top_terms", "<"),
)


_BREAKS = re.compile(r"[\t\n\x0b\x0c\r\x85\u2028\u2029]")
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(value: object) -> str:
    r"""``value`` as text for one terminal line: tabs and line breaks become spaces; escape sequences'
    ESC, other control characters and bidirectional overrides become '?', so text from crawled pages,
    notes and edited files can neither move the cursor, retitle the terminal nor reorder the line.

    >>> printable("Notiz\x1b]0;pwned\x07 neu\nzwei")
    'Notiz?]0;pwned? neu zwei'
    """
    return _UNPRINTABLE.sub("?", _BREAKS.sub(" ", str(value)))


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


class NamedErrorsCommand(click.Command):
    """A click command that shows a `BlogscoutError` as ``Error: ...`` (exit status 1)."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except BlogscoutError as err:
            raise click.ClickException(str(err)) from err


class NamedErrorsGroup(click.Group):
    """A click group whose commands are `NamedErrorsCommand`s."""

    command_class = NamedErrorsCommand


CONTEXT = {"help_option_names": ["-h", "--help"], "show_default": True}


def command(*args, **kwargs):
    """``@command()``: a click command whose named errors become one ``Error: ...`` line.

    Its help shows every default and keeps the lines of paragraphs marked with ``\\b``.
    """
    return click.command(*args, cls=NamedErrorsCommand, context_settings=CONTEXT, **kwargs)


def group(*args, **kwargs):
    """``@group()``: a click group of such commands."""
    return click.group(*args, cls=NamedErrorsGroup, context_settings=CONTEXT, **kwargs)


class OneLineErrors(NamedErrorsGroup):
    """The top group: every error, usage errors included, is one line on stderr."""

    def main(self, *args, standalone_mode: bool = True, **kwargs):
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)
        try:
            code = super().main(*args, standalone_mode=False, **kwargs)
        except click.UsageError as err:
            where = err.ctx.command_path if err.ctx else "blogscout"
            click.echo(f"Error: {printable(err.format_message())} (see '{where} --help')", err=True)
            sys.exit(err.exit_code)
        except click.ClickException as err:
            click.echo(f"Error: {printable(err.format_message())}", err=True)
            sys.exit(err.exit_code)
        except (click.Abort, KeyboardInterrupt):
            click.echo("Error: interrupted", err=True)
            sys.exit(130)
        sys.exit(code if isinstance(code, int) else 0)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Refuse an argument holding a NUL character (no path or name can), naming its option."""
        for i, arg in enumerate(args):
            if "\x00" in arg:
                before = args[i - 1] if i and args[i - 1].startswith("-") else "argument"
                option = arg.split("=", 1)[0] if arg.startswith("--") and "=" in arg else before
                raise click.UsageError(f"{option} {arg!r}: holds a NUL character; type it again without it", ctx)
        return super().parse_args(ctx, args)


def db_option(help: str = "Project database.", **kwargs):
    """``--db PATH``, the project database, defaulting to the one of 'blogscout crawl'."""
    settings = {"default": DEFAULT_DB, "show_default": True, "type": click.Path(dir_okay=False), "help": help}
    return click.option("--db", **{**settings, **kwargs})


def logging_options(func):
    """``--quiet`` and ``--verbose``: how much progress and logging goes to stderr."""
    func = click.option("--verbose", "-v", is_flag=True, help="Debug logging, Scrapy's included.")(func)
    return click.option("--quiet", "-q", is_flag=True, help="No progress output, warnings and errors only.")(func)


def _read_config(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    """Load ``--config`` before the other options: its values become their defaults."""
    if value is None:
        return
    from crawler.services.config import defaults_for, load_config

    try:
        config = load_config(value)
    except BlogscoutError as err:
        raise click.ClickException(str(err)) from err
    ctx.meta[PROJECT] = config
    ctx.default_map = {**(ctx.default_map or {}), **defaults_for(config, ctx.command.name or "")}


PROJECT = "blogscout.project"
"""Where `config_option` keeps the loaded project file in the command's ``ctx.meta``."""


def project_exclude_files() -> list[str]:
    """The ``exclude`` files of the running command's ``--config`` project file (none without one)."""
    config = click.get_current_context().meta.get(PROJECT)
    return list(config.exclude_files) if config else []


def project_left_out(me: str | None = None) -> frozenset[str]:
    """Sites never shown as candidates: ``me`` (else the project file's) and the project's excluded ones."""
    config = click.get_current_context().meta.get(PROJECT)
    return left_out_sites(me or (config.me if config else None), project_exclude_files())


config_option = click.option(
    "--config",
    type=click.Path(dir_okay=False),
    is_eager=True,
    expose_value=False,
    callback=_read_config,
    show_default="none",
    metavar="FILE",
    help="Project file (TOML, see 'blogscout init'); options given here win over it.",
)


WEIGHTS_OPTION = click.option(
    "--weights",
    default=None,
    show_default="none: scoring/weights.py",
    type=click.UNPROCESSED,
    metavar="FILE",
    help="JSON file overriding the built-in weights (keys: relevance, centrality, activity, floor, centrality_signals, link_kinds).",
)


def parse_set_options(pairs: tuple[str, ...]) -> dict:
    """``KEY=VALUE`` Scrapy setting overrides (values parsed as int/float/bool when they look so).

    ``BLOGSCOUT_*`` keys must be declared in `crawler.defaults.SETTINGS`, others must be Scrapy's: a typo is refused.
    """
    out = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.isupper():
            raise click.BadParameter(
                f"{pair!r}: use KEY=VALUE with an upper-case Scrapy setting name", param_hint="--set"
            )
        if key.startswith("BLOGSCOUT_") and key not in defaults.SETTINGS:
            raise click.BadParameter(
                f"{key!r} is not a blogscout setting; the README lists them under Settings", param_hint="--set"
            )
        if not crawls.is_known_setting(key):
            raise click.BadParameter(
                f"{key!r} is not a Scrapy setting; see https://docs.scrapy.org/en/latest/topics/settings.html",
                param_hint="--set",
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
        click.echo(f"{label:<{width}}  {printable(value)}")


def crawl_and_report(db: str, options, quiet: bool, **kwargs):
    """Run a crawl (`crawler.services.crawl.crawl` options) and print its summary; `SeedsUnreachable`
    when no seed could be fetched."""
    result = crawls.crawl(db, options, quiet=quiet, **kwargs)
    print_summary(crawls.summary(db, result))
    if result.status == "interrupted":
        click.echo(f"Crawl interrupted; continue it with: blogscout crawl --resume --db {shlex.quote(db)}", err=True)
    else:
        crawls.check_seeds(db, result)
    return result


def format_table(rows: Sequence[Mapping[str, Any]], width: int = 48) -> str:
    """Plain aligned text table of the main columns (long cells are cut with '…')."""
    cells = [[name for name, _ in TABLE_COLUMNS]]
    for row in rows:
        line = []
        for name, _ in TABLE_COLUMNS:
            value = row.get(name, "")
            text = f"{value:.3f}" if isinstance(value, float) else printable(value)
            line.append(text if len(text) <= width else text[: width - 1] + "…")
        cells.append(line)
    widths = [max(len(r[i]) for r in cells) for i in range(len(TABLE_COLUMNS))]
    out = []
    for r in cells:
        out.append("  ".join(f"{c:{align}{w}}" for c, (_, align), w in zip(r, TABLE_COLUMNS, widths)).rstrip())
    return "\n".join(out)


def rank_and_show(db: str, *, out: str, top: int = 20, **options) -> list[dict]:
    """Rank ``db`` into the export ``out`` (`crawler.services.rank.rank_to_file` options), then print
    the ``top`` rows as a table and where the export went; '-' writes the export to stdout alone."""
    rows = rank_to_file(db, out=out, **options)
    if out != "-":
        if top and rows:
            click.echo(format_table(rows[:top]))
        click.echo(f"{len(rows)} blogs ranked; wrote {out}", err=True)
    return rows
