"""``blogscout recrawl`` and ``blogscout diff``: keep a partner list fresh and see what changed."""

from __future__ import annotations

import click

from crawler.cli.common import (
    WEIGHTS_OPTION,
    command,
    config_option,
    db_option,
    logging_options,
    print_summary,
    printable,
    project_exclude_files,
    project_left_out,
    rank_and_show,
    setup_logging,
)
from crawler.services import crawl as crawls
from crawler.services.diff import DIFF_COLUMNS, describe_ranking, diff_database
from crawler.services.export import check_output, export_format, write_export
from crawler.services.rank import check_weights_file, parse_langs
from crawler.services.recrawl import plan_recrawl, rank_snapshot
from crawler.services.recrawl import recrawl as run_recrawl


@command()
@config_option
@db_option(help="Project database written by 'blogscout crawl'.")
@click.option(
    "--out",
    default=None,
    show_default="none: the snapshot is stored in the database only",
    type=click.Path(dir_okay=False),
    help="Also write the new ranking here (CSV or .json).",
)
@click.option("--topic", default=None, show_default="the crawl's --topic", help="Topic terms for ranking.")
@click.option(
    "--lang", default="", show_default="all", metavar="CODES", help="Keep blogs in these languages, e.g. de,en."
)
@click.option(
    "--me",
    default=None,
    show_default="none",
    metavar="URL",
    help="Your own blog: never a candidate; marks who links to you and warm prospects.",
)
@WEIGHTS_OPTION
@click.option("--full", is_flag=True, help="Ask for every known page, not only the pages that are due.")
@logging_options
def recrawl(db, out, topic, lang, me, weights, full, quiet, verbose):
    """Re-crawl the project stored in the database and record a new ranking snapshot.

    Repeats the seeds and options of the last crawl with conditional requests (ETag,
    If-Modified-Since): feeds are read first; a page is asked again only when it is due (its
    re-fetch interval grows while it stays the same and shrinks when it changes), and a blog whose
    feed changed is read again; unchanged pages are not parsed again, new blogs are discovered.
    An interrupted crawl is resumed instead. A file is written only with --out (a project file's
    export folder is not used); a ranking equal to the latest snapshot is not stored again.

    \b
    Example: blogscout recrawl --db data/kunde-a.db --out partners-new.csv
    """
    setup_logging(quiet, verbose)
    check_weights_file(weights)
    langs = parse_langs(lang)
    plan = plan_recrawl(db, full=full)
    if out:
        check_output(out, db)  # before the crawl: an export path that cannot work fails at once
    if plan.mode == "resume":
        click.echo(f"Resuming interrupted run {plan.run['id']}", err=True)
    else:
        seeds = len(plan.options.seeds)
        click.echo(
            f"Re-crawling the {seeds} seed{'s' if seeds != 1 else ''} of run {plan.run['id']}; "
            "unchanged pages are not parsed again",
            err=True,
        )
    topic = plan.options.topic if topic is None else topic
    ranking = {
        "topic": topic,
        "langs": langs,
        "me": me,
        "weights": weights,
        "exclude_files": project_exclude_files(),
    }
    result = run_recrawl(db, plan, quiet=quiet, ranking=ranking)
    print_summary(crawls.summary(db, result))
    crawls.check_seeds(db, result)
    if out:
        rank_and_show(db, out=out, top=15, save=True, command="recrawl", **ranking)
    else:
        rows = rank_snapshot(db, **ranking)
        click.echo(f"{len(rows)} blogs ranked; snapshot stored in {db}", err=True)


@command()
@config_option
@db_option()
@click.option(
    "--from",
    "from_ranking",
    type=int,
    default=None,
    metavar="N",
    show_default="the ranking before --to",
    help="Ranking number to compare from.",
)
@click.option(
    "--to",
    "to_ranking",
    type=int,
    default=None,
    metavar="N",
    show_default="the latest",
    help="Ranking number to compare to.",
)
@click.option(
    "--out",
    default=None,
    show_default="none: print them only",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Write the changes as CSV (or .json; '-' for stdout).",
)
@click.option("--excel", is_flag=True, help="CSV for German Excel: semicolons, UTF-8 with BOM.")
@click.option("--min-move", default=3, show_default=True, type=click.IntRange(1), help="Smallest rank change reported.")
def diff(db, from_ranking, to_ranking, out, excel, min_move):
    """Show what changed between two rankings: new candidates, risers, fallers, dead blogs, contacts.

    Every run, recrawl and 'rank --save' stores a ranking snapshot (numbered 1, 2, ...; see
    'blogscout history'); by default the latest is compared with the one before, whether they come
    from two crawls or from one crawl ranked twice (another --topic). With --config, the project's
    own blog (me) and excluded sites are left out.

    \b
    Example: blogscout diff --db data/kunde-a.db --out changes.csv
    """
    old, new, changes = diff_database(
        db, from_ranking=from_ranking, to_ranking=to_ranking, min_move=min_move, left_out=project_left_out()
    )
    click.echo(f"Comparing {describe_ranking(old)} with {describe_ranking(new)}", err=True)
    if out:
        write_export(changes, out, fmt=export_format(out), excel=excel, columns=DIFF_COLUMNS, db=db)
        if out == "-":
            return
        click.echo(f"{len(changes)} changes; wrote {out}", err=True)
    if not changes:
        click.echo("No changes.")
    for row in changes:
        ranks = f"{row['old_rank'] or '-':>4} -> {row['new_rank'] or '-':<4}"
        click.echo(f"{row['change']:<16} {ranks} {printable(row['site']):<32} {printable(row['detail'])}")
