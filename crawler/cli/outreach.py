"""``blogscout mark``, ``status`` and ``import-status``: the outreach status of each blog."""

from __future__ import annotations

import shlex

import click

from crawler.cli.common import command, config_option, db_option, logging_options, printable, setup_logging
from crawler.services import outreach

STATUS_HELP = "new, shortlisted, contacted, replied, partner, declined or do-not-contact"


@command()
@click.argument("sites", nargs=-1, required=True)
@click.option("--status", "status", required=True, metavar="STATUS", help=f"One of {STATUS_HELP}.")
@click.option("--note", default=None, show_default="keep the stored note", help="A note kept with the status.")
@config_option
@db_option()
def mark(sites, status, note, db):
    """Set the outreach status of one or more blogs (site name, domain or URL).

    The status and note stay in the database across re-crawls; every change is kept in its
    history. 'rank' leaves out partner, declined and do-not-contact blogs unless --all.

    \b
    Example: blogscout mark seo-blog.de anna.blogspot.com --status contacted --note "Mail 3.11." --db data/kunde-a.db
    """
    done = outreach.mark(db, list(sites), status, note)
    click.echo(f"{len(done)} site(s) marked {outreach.normalise_status(status)}: {', '.join(done)}", err=True)


@command()
@config_option
@db_option()
@click.option("--all", "show_all", is_flag=True, help="List every candidate blog, also those still 'new'.")
@click.option("--history", "show_history", is_flag=True, help="List every change, oldest first.")
def status(db, show_all, show_history):
    """List the outreach status of the blogs: status, site, date of the change, note.

    \b
    Example: blogscout status --db data/kunde-a.db
    """
    rows = outreach.history(db) if show_history else outreach.statuses(db, include_new=show_all)
    if not rows:
        click.echo("no statuses stored yet; set one with 'blogscout mark SITE --status shortlisted'", err=True)
        return
    shown = [[printable(r[k]) for k in ("status", "site", "changed_at", "note")] for r in rows]
    width = max(len(r[0]) for r in shown)
    site_width = max(len(r[1]) for r in shown)
    for state, site, changed_at, note in shown:
        click.echo(f"{state:<{width}}  {site:<{site_width}}  {changed_at[:10]:<10}  {note}".rstrip())


@command("import-status")
@click.argument("file", type=click.Path(dir_okay=False))
@config_option
@db_option()
def import_status(file, db):
    """Take the status and note columns back from an export you edited (CSV or Excel).

    Rows are matched by their site column; a blank status or note leaves the stored one alone.
    Nothing is stored when a row has an unknown status or site.

    \b
    Example: blogscout import-status partners.xlsx --db data/kunde-a.db
    """
    result = outreach.import_status(db, file)
    click.echo(
        f"{len(result.changed)} status(es) changed, {result.unchanged} already up to date, "
        f"{result.blank} row(s) without a status",
        err=True,
    )


@command()
@config_option
@db_option()
@click.option(
    "--template",
    "template",
    required=True,
    metavar="FILE",
    help="Mail template: 'Subject: ...' (and From:, Cc:, Bcc:, Reply-To:), a blank line, the text.",
)
@click.option("--out", default="drafts", show_default=True, metavar="FOLDER", help="Folder for the .eml files.")
@click.option(
    "--top", default=20, show_default=True, type=click.IntRange(1), help="Drafts for this many blogs at most."
)
@click.option("--topic", default=None, show_default="the crawl's --topic", help="Topic terms for ranking.")
@logging_options
def drafts(db, template, out, top, topic, quiet, verbose):
    """Write one e-mail draft (.eml) per top candidate that has an address; nothing is sent.

    Only blogs marked new or shortlisted get drafts, best ranked first; making drafts marks
    nothing. Placeholders: {{ name }}, {{ site }}, {{ url }}, {{ title }}, {{ latest_post_title }},
    {{ latest_post_url }}, {{ top_terms }}, {{ email }}, {{ cooperation_url }}.

    \b
    Example: blogscout drafts --db data/kunde-a.db --template anfrage.txt --out drafts/ --top 20
    """
    from crawler.services.drafts import make_drafts

    setup_logging(quiet, verbose)
    result = make_drafts(db, template, out, top=top, topic=topic)
    for path in result.written:
        click.echo(str(path))
    refused = f"; {len(result.refused)} refused (see above)" if result.refused else ""
    click.echo(
        f"{len(result.written)} draft(s) written to {out}; {result.without_address} candidate(s) without an address"
        + refused,
        err=True,
    )


@command()
@click.argument("name")
def init(name):
    """Write a commented project file NAME.toml to fill in (seeds, topic, database, exports).

    Every command that crawls, ranks or writes takes it with --config NAME.toml; options given
    on the command line win. An existing file is never replaced.

    \b
    Example: blogscout init kunde-a
    """
    from crawler.services.config import write_starter

    path = write_starter(name)
    click.echo(
        f"wrote {path}; fill in the seeds and topic, then: blogscout run --config {shlex.quote(str(path))}", err=True
    )
