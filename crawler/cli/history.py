"""``blogscout history``: the ranking snapshots stored in a project database."""

from __future__ import annotations

import json

import click

from crawler.cli.common import command, config_option, db_option, printable
from crawler.services.diff import history as stored_history


@command()
@config_option
@db_option()
@click.option("--json", "as_json", is_flag=True, help="Print the list as JSON.")
def history(db, as_json):
    """List the ranking snapshots: number, when, which command and run, topic, blogs, top 3.

    'run' and 'recrawl' store a snapshot, 'rank' with --save; 'blogscout diff --from N --to M'
    compares two of them.

    \b
    Example: blogscout history --db data/kunde-a.db
    """
    rows = stored_history(db)
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not rows:
        click.echo(f"no ranking stored in {db} yet; 'blogscout run', 'recrawl' or 'rank --save' store one", err=True)
        return
    for row in rows:
        when = (row["created_at"] or "")[:16].replace("T", " ")
        topic = f"topic {row['topic']!r}" if row["topic"] else "no topic"
        click.echo(
            printable(
                f"{row['id']:>3}  {when}  {row['command']:<18} run {row['run_id'] or '-':<3} {topic}, "
                f"{row['rows']} blogs; top: {', '.join(row['top']) or '-'}"
            )
        )
