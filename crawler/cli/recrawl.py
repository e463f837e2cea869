"""``blogscout recrawl`` and ``blogscout diff``: keep a partner list fresh and see what changed."""

from __future__ import annotations

import json
from pathlib import Path

import click

from crawler.cli.main import DEFAULT_DB, do_crawl, setup_logging, stored_run
from crawler.storage.db import DatabaseError


@click.command()
@click.option(
    "--db",
    default=DEFAULT_DB,
    show_default=True,
    type=click.Path(dir_okay=False),
    help="Project database written by 'blogscout crawl'.",
)
@click.option(
    "--out", default=None, type=click.Path(dir_okay=False), help="Also write the new ranking here (CSV or .json)."
)
@click.option("--topic", default=None, help="Topic terms for ranking [default: the crawl's --topic].")
@click.option("--full", is_flag=True, help="Ask for every known page, not only the pages that are due.")
@click.option("--quiet", "-q", is_flag=True, help="No progress output.")
def recrawl(db, out, topic, full, quiet):
    """Re-crawl the project stored in the database and record a new ranking snapshot.

    Repeats the seeds and options of the last crawl with conditional requests (ETag,
    If-Modified-Since): feeds are read first; a page is asked again only when it is due (its
    re-fetch interval grows while it stays the same and shrinks when it changes), and a blog whose
    feed changed is read again; unchanged pages are not parsed again, new blogs are discovered.
    An interrupted crawl is resumed instead.

    Example: blogscout recrawl --db data/kunde-a.db --out partners-new.csv
    """
    from crawler.cli.rank import rank_to_file
    from crawler.engine.runner import CrawlOptions

    setup_logging(quiet)
    if not Path(db).exists():
        raise click.ClickException(f"{db}: no such database; run 'blogscout crawl URL... --db {db}' first")
    try:
        run = stored_run(db, resumable=True)
        mode = "resume"
    except click.ClickException:
        run = stored_run(db)
        mode = "full" if full else "recrawl"
    options = CrawlOptions.from_run(run)
    if not options.seeds:
        raise click.ClickException(f"{db}: the stored crawl has no seeds; start again with 'blogscout crawl URL...'")
    if mode == "resume":
        click.echo(f"Resuming interrupted run {run['id']}", err=True)
    do_crawl(
        db,
        options,
        quiet,
        command="recrawl" if mode == "recrawl" else run["command"],
        mode=mode,
        resume_run=run["id"] if mode == "resume" else None,
    )
    topic = options.topic if topic is None else topic
    if out:
        rank_to_file(db, out=out, topic=topic, top=15)
    else:
        _rank_quietly(db, topic)


def _rank_quietly(db: str, topic: str) -> None:
    """Record a ranking snapshot without writing an export."""
    from crawler.storage import db as dbmod
    from crawler.storage.reads import latest_run_id, rank_database, save_ranking

    rows = rank_database(db, topic=topic)
    handle = dbmod.connect(db, create=False)
    try:
        save_ranking(handle, latest_run_id(handle), rows, {"topic": topic})
    finally:
        handle.close()
    click.echo(f"{len(rows)} blogs ranked; snapshot stored in {db}", err=True)


def load_snapshot(db: str, run: int | None, label: str) -> tuple[int, list[dict]]:
    """Rows of the latest ranking of a run (or None: handled by the caller)."""
    from crawler.storage import db as dbmod

    handle = dbmod.connect(db, create=False)
    try:
        where, params = ("run_id = ?", [run]) if run is not None else ("1", [])
        rankings = list(handle["rankings"].rows_where(where, params, order_by="id desc"))
        if not rankings:
            which = f"run {run}" if run is not None else "this database"
            raise click.ClickException(f"{label}: no ranking stored for {which}; run 'blogscout rank --db {db}' first")
        ranking = rankings[0]
        rows = [
            json.loads(r["row"])
            for r in handle["ranking_rows"].rows_where("ranking_id = ?", [ranking["id"]], order_by="rank")
        ]
        return ranking["id"], rows
    finally:
        handle.close()


@click.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False), help="Project database.")
@click.option(
    "--from", "from_run", type=int, default=None, help="Crawl run to compare from [default: the one before --to]."
)
@click.option(
    "--to", "to_run", type=int, default=None, help="Crawl run to compare to [default: the latest ranked run]."
)
@click.option(
    "--out", default=None, type=click.Path(dir_okay=False, allow_dash=True), help="Write the changes as CSV (or .json)."
)
@click.option("--excel", is_flag=True, help="CSV for German Excel: semicolons, UTF-8 with BOM.")
@click.option("--min-move", default=3, show_default=True, type=click.IntRange(1), help="Smallest rank change reported.")
def diff(db, from_run, to_run, out, excel, min_move):
    """Show what changed between two rankings: new candidates, risers, fallers, dead blogs, contacts.

    Example: blogscout diff --db data/kunde-a.db --out changes.csv
    """
    from scoring.diff import DIFF_COLUMNS, diff_rankings

    try:
        to_id, new_rows = load_snapshot(db, to_run, "--to")
        if from_run is None:
            from crawler.storage import db as dbmod

            handle = dbmod.connect(db, create=False)
            older = list(handle["rankings"].rows_where("id < ?", [to_id], order_by="id desc", limit=1))
            handle.close()
            if not older:
                raise click.ClickException(
                    f"{db}: only one ranking stored; re-crawl ('blogscout recrawl --db {db}') to compare"
                )
            from_run = older[0]["run_id"]
        _, old_rows = load_snapshot(db, from_run, "--from")
    except DatabaseError as err:
        raise click.ClickException(str(err)) from err
    changes = diff_rankings(old_rows, new_rows, min_move=min_move)
    if out:
        from crawler.cli.rank import write_export

        write_export(changes, out, fmt="json" if out.endswith(".json") else "csv", excel=excel, columns=DIFF_COLUMNS)
        click.echo(f"{len(changes)} changes; wrote {out}", err=True)
    if not changes:
        click.echo("No changes.")
    for row in changes:
        ranks = f"{row['old_rank'] or '-':>4} -> {row['new_rank'] or '-':<4}"
        click.echo(f"{row['change']:<16} {ranks} {row['site']:<32} {row['detail']}")
