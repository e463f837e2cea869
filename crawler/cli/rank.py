"""``blogscout rank``: rank the crawled blogs, print the top as a table, write the full export."""

from __future__ import annotations

import click

from crawler.cli.common import command, config_option, db_option, quiet_option, rank_and_show, setup_logging
from crawler.services.rank import check_weights_file, parse_langs


@command()
@config_option
@db_option(help="Crawl database written by 'blogscout crawl'.", type=None, metavar="PATH")
@click.option(
    "--topic",
    default=None,
    help='Comma-separated topic terms, e.g. "social media marketing, content marketing" [default: the crawl\'s --topic].',
)
@click.option(
    "--lang", "lang", default="", metavar="CODES", help="Keep blogs in these languages, e.g. de,en (default: all)."
)
@click.option("--top", default=20, show_default=True, type=click.IntRange(0), help="Rows printed as a table (0: none).")
@click.option(
    "--out",
    default=None,
    metavar="PATH",
    help="Export file with every ranked blog ('-' for stdout; .xlsx for Excel) [default: partners.csv].",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "json", "xlsx"]),
    default=None,
    help="Export format [default: from the --out suffix (.json, .xlsx), else csv].",
)
@click.option(
    "--preset",
    type=click.Choice(["hubspot", "buzzstream", "pitchbox"]),
    default=None,
    help="One row per contact with the import columns of that outreach tool.",
)
@click.option("--excel", is_flag=True, help="CSV for German Excel: semicolons, decimal commas, UTF-8 with BOM.")
@click.option(
    "--weights",
    default=None,
    type=click.UNPROCESSED,
    metavar="FILE",
    help="JSON file overriding default weights (keys: relevance, centrality, activity, floor, centrality_signals, link_kinds).",
)
@click.option("--me", default=None, metavar="URL", help="Your own blog: marks who links to you and warm prospects.")
@click.option("--save/--no-save", default=True, show_default=True, help="Store the ranking in the database.")
@click.option(
    "--all",
    "include_all",
    is_flag=True,
    help="Also list partner, declined and do-not-contact blogs ('blogscout mark').",
)
@quiet_option
def rank(db, topic, lang, top, out, fmt, preset, excel, weights, me, save, include_all, quiet):
    """Rank the crawled blogs as partners; print the top and write the full export.

    Example: blogscout rank --topic "social media marketing, content marketing" --lang de,en --excel
    """
    setup_logging(quiet)
    check_weights_file(weights)
    if out is None:
        out = f"partners.{fmt or 'csv'}"
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
    )
