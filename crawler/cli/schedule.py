"""``blogscout schedule add|list|remove``: re-crawls from the user's crontab."""

from __future__ import annotations

from pathlib import Path

import click

from crawler.cli.common import config_option, db_option, group
from crawler.services.schedule import add, entries, remove

crontab_option = click.option(
    "--crontab-file",
    default=None,
    show_default="the current user's crontab",
    type=click.Path(dir_okay=False),
    help="Edit this crontab file instead of the current user's crontab.",
)


@group()
def schedule() -> None:
    """Scheduled re-crawls (crontab entries of the current user).

    \b
    Example: blogscout schedule add --every weekly --db data/kunde-a.db
    """


@schedule.command("add")
@config_option
@click.option("--every", required=True, help="hourly, daily, weekly, monthly or a CRON expression like '0 6 * * 1'.")
@db_option()
@click.option(
    "--out-dir",
    default=None,
    show_default="next to the database",
    type=click.Path(file_okay=False),
    help="Where dated exports go.",
)
@crontab_option
def add_cmd(every, db, out_dir, crontab_file):
    """Re-crawl the database on a schedule; each run writes partners-YYYY-MM-DD.csv and logs to DB.log.

    \b
    Example: blogscout schedule add --every "0 6 * * 1" --db data/kunde-a.db
    """
    entry = add(Path(db), every, Path(out_dir) if out_dir else None, crontab_file)
    click.echo(f"scheduled: {entry.when}  {entry.db}  (log: {entry.db}.log)")


@schedule.command("list")
@crontab_option
def list_cmd(crontab_file):
    """List the installed re-crawl schedules.

    \b
    Example: blogscout schedule list
    """
    found = entries(crontab_file)
    if not found:
        click.echo("No schedules.")
    for entry in found:
        click.echo(f"{entry.when:<16} {entry.db}{'' if entry.enabled else '  (disabled)'}")


@schedule.command("remove")
@click.option(
    "--db",
    default=None,
    show_default="none",
    type=click.Path(dir_okay=False),
    help="Remove the schedule of this database.",
)
@click.option("--all", "remove_all", is_flag=True, help="Remove every blogscout schedule.")
@crontab_option
def remove_cmd(db, remove_all, crontab_file):
    """Remove a re-crawl schedule.

    \b
    Example: blogscout schedule remove --db data/kunde-a.db
    """
    if not db and not remove_all:
        raise click.UsageError("give --db PATH or --all")
    count = remove(None if remove_all else Path(db), crontab_file)
    if not count:
        raise click.ClickException(f"no schedule for {db}; see 'blogscout schedule list'")
    click.echo(f"removed {count} schedule(s)")
