"""``blogscout rank``: rank the crawled blogs, print the top as a table, write the full export."""

from __future__ import annotations

from pathlib import Path

import click

from crawler import defaults
from crawler.cli.common import (
    WEIGHTS_OPTION,
    command,
    config_option,
    db_option,
    logging_options,
    project_exclude_files,
    rank_and_show,
    setup_logging,
)
from crawler.services.rank import check_weights_file, parse_langs


@command()
@config_option
@db_option(help="Crawl database written by 'blogscout crawl'.", type=None, metavar="PATH")
@click.option(
    "--topic",
    default=None,
    show_default="the crawl's --topic",
    help='Comma-separated topic terms, e.g. "social media marketing, content marketing".',
)
@click.option(
    "--lang", "lang", default="", show_default="all", metavar="CODES", help="Keep blogs in these languages, e.g. de,en."
)
@click.option(
    "--top", default=defaults.TOP, show_default=True, type=click.IntRange(0), help="Rows printed as a table (0: none)."
)
@click.option(
    "--out",
    default=None,
    show_default=f"{defaults.EXPORT}, or .json with --format json",
    metavar="PATH",
    help="Export file with every ranked blog ('-' for stdout; .xlsx for Excel, .json for JSON).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "json", "xlsx"]),
    default=None,
    show_default="from the --out suffix, else csv",
    help="Export format.",
)
@click.option(
    "--preset",
    type=click.Choice(["hubspot", "buzzstream", "pitchbox"]),
    default=None,
    show_default="none: one row per blog",
    help="One row per contact with the import columns of that outreach tool.",
)
@click.option("--excel", is_flag=True, help="CSV for German Excel: semicolons, decimal commas, UTF-8 with BOM.")
@WEIGHTS_OPTION
@click.option(
    "--me",
    default=None,
    show_default="none",
    metavar="URL",
    help="Your own blog: marks who links to you and warm prospects.",
)
@click.option(
    "--save/--no-save",
    default=False,
    show_default=True,
    help="Store the ranking in the database as a snapshot for 'blogscout diff' and 'history'.",
)
@click.option(
    "--all",
    "include_all",
    is_flag=True,
    help="Also list partner, declined and do-not-contact blogs ('blogscout mark').",
)
@logging_options
def rank(db, topic, lang, top, out, fmt, preset, excel, weights, me, save, include_all, quiet, verbose):
    """Rank the crawled blogs as partners; print the top and write the full export.

    The ranking is stored as a snapshot ('blogscout history', 'diff') only with --save: 'run' and
    'recrawl' store theirs. With --config, the project's own blog (me) and excluded sites are left out.

    \b
    Example: blogscout rank --topic "social media marketing, content marketing" --lang de,en --excel
    """
    setup_logging(quiet, verbose)
    check_weights_file(weights)
    if out is None:
        out = str(Path(defaults.EXPORT).with_suffix(f".{fmt or 'csv'}"))
    rank_and_show(
        db,
        out=out,
        top=top,
        topic=topic,
        langs=parse_langs(lang),
        me=me,
        weights=weights,
        fmt=fmt,
        excel=excel,
        save=save,
        include_all=include_all,
        preset=preset,
        exclude_files=project_exclude_files(),
    )
