"""``blogscout mark``, ``status`` and ``import-status``: the outreach status of each blog."""

from __future__ import annotations

import shlex
from datetime import UTC, datetime

import click

from crawler.cli.common import (
    command,
    config_option,
    db_option,
    logging_options,
    printable,
    project_exclude_files,
    setup_logging,
)
from crawler.services import outreach
from crawler.services.rank import parse_langs

STATUS_HELP = (
    f"{', '.join(outreach.STATUSES[:-1])} or {outreach.STATUSES[-1]}; "
    f"in German {', '.join(outreach.GERMAN_NAMES.values())}"
)


@command()
@click.argument("sites", nargs=-1, required=True)
@click.option("--status", "status", required=True, metavar="STATUS", help=f"One of {STATUS_HELP}.")
@click.option("--note", default=None, show_default="keep the stored note", help="A note kept with the status.")
@config_option
@db_option()
def mark(sites, status, note, db):
    """Set the outreach status of one or more blogs (site name, domain or URL).

    The status may be typed in English or German; it is stored in English. The status and
    note stay in the database across re-crawls; every change is kept in its history.
    'rank' leaves out partner, declined and do-not-contact blogs unless --all.

    \b
    Example: blogscout mark seo-blog.de anna.blogspot.com --status contacted --note "Mail 3.11." --db data/kunde-a.db
    """
    done = outreach.mark(db, list(sites), status, note)
    click.echo(f"{len(done)} site(s) marked {outreach.normalise_status(status)}: {', '.join(done)}", err=True)


@command()
@config_option
@db_option()
@click.option("--all", "show_all", is_flag=True, help="List every candidate blog, also those still 'new'.")
@click.option("--history", "show_history", is_flag=True, help="List every change, oldest first, with its source.")
def status(db, show_all, show_history):
    """List the outreach status of the blogs: status, site, date of the change, note.

    --history lists every change with its time and source: mark, import-status FILE or app.

    \b
    Example: blogscout status --history --db data/kunde-a.db
    """
    if show_history:
        rows = [{**r, "changed_at": _when(r["changed_at"] or "")[:16]} for r in outreach.history(db)]
        fields = ("status", "site", "changed_at", "source", "note")
    else:
        rows = [{**r, "changed_at": r["changed_at"][:10]} for r in outreach.statuses(db, include_new=show_all)]
        fields = ("status", "site", "changed_at", "note")
    if not rows:
        click.echo("no statuses stored yet; set one with 'blogscout mark SITE --status shortlisted'", err=True)
        return
    shown = [[printable(r[k]) for k in fields] for r in rows]
    widths = [max(len(r[i]) for r in shown) for i in range(len(fields) - 1)]
    for cells in shown:
        click.echo("  ".join(c.ljust(w) for c, w in zip(cells, widths)) + "  " + cells[-1].rstrip())


def _when(at: str) -> str:
    """A stored ISO time as ``YYYY-MM-DD HH:MM:SS UTC`` for a terminal line (as it is when unreadable)."""
    try:
        value = datetime.fromisoformat(at.strip())
    except ValueError:
        return printable(at)
    value = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return value.strftime("%Y-%m-%d %H:%M:%S UTC")


@command("import-status")
@click.argument("file", type=click.Path(dir_okay=False))
@config_option
@db_option()
@click.option("--dry-run", is_flag=True, help="Show what would change and the conflicts; store nothing.")
@click.option("--force", is_flag=True, help="Apply the conflicting rows too (the file wins).")
def import_status(file, db, dry_run, force):
    """Take the status and note columns back from an export you edited (CSV or Excel).

    Rows are matched by their site column; a blank status or note leaves the stored one alone;
    statuses may be in English or German. A row is a conflict, listed and not applied, when
    its status was set in the database after the file's (the status_changed_at column, else
    when the file was written), and always when it goes back from contacted, replied, partner,
    declined or do-not-contact to new or shortlisted; --force applies them. Conflicts are no
    error (exit 0). Nothing is stored when a row has an unknown status or site.

    \b
    Example: blogscout import-status partners.xlsx --dry-run --db data/kunde-a.db
    """
    result = outreach.import_status(db, file, force=force, dry_run=dry_run)
    for change in result.changed:
        what = f"{change.old} -> {change.new}" if change.old != change.new else f"{change.new}, new note"
        click.echo(f"{'would change' if dry_run else 'changed'}  {printable(change.site)}: {what}")
    for conflict in result.conflicts:
        click.echo(f"conflict  {_conflict_line(conflict)}")
    settled = "applied with --force" if force else "not applied (listed above; --force applies them)"
    click.echo(
        ("dry run, nothing stored: " if dry_run else "")
        + f"{len(result.changed)} {'would change' if dry_run else 'changed'}, {result.unchanged} up to date, "
        + f"{len(result.conflicts)} conflict(s){' ' + settled if result.conflicts and not dry_run else ''}, "
        + f"{result.blank} row(s) without a status",
        err=True,
    )


def _conflict_line(conflict: outreach.Conflict) -> str:
    """One conflict: the site, the file's and the database's status with when each was set, and why."""
    in_file = f"set {_when(conflict.file_set_at)}" if conflict.file_set_at else "exported before any was set"
    why = (
        f"going back from {conflict.db_status} to {conflict.file_status} needs --force"
        if conflict.reason == "downgrade"
        else "set in the database after the file was written"
    )
    return (
        f"{printable(conflict.site)}: file says {conflict.file_status} ({in_file}), "
        f"database says {conflict.db_status} (set {_when(conflict.db_set_at)}); {why}"
    )


@command()
@config_option
@db_option()
@click.option(
    "--template",
    "template",
    default=None,
    show_default="built-in German and English text",
    metavar="FILE",
    help="Mail template: 'Subject: ...' (and From:, Cc:, Bcc:, Reply-To:), a blank line, the text; "
    "FILE.de.txt, FILE.en.txt... beside it are taken for blogs in that language.",
)
@click.option("--out", default="drafts", show_default=True, metavar="FOLDER", help="Folder for the .eml files.")
@click.option(
    "--top", default=20, show_default=True, type=click.IntRange(1), help="Drafts for this many blogs at most."
)
@click.option(
    "--status",
    "statuses",
    multiple=True,
    metavar="STATUS",
    help="Draft for blogs with this status (repeatable; shortlisted when not given).",
)
@click.option("--topic", default=None, show_default="the crawl's --topic", help="Topic terms for ranking.")
@click.option("--lang", "lang", default="", show_default="all", metavar="CODES", help="Languages kept, as for rank.")
@click.option("--me", default=None, show_default="none", metavar="URL", help="Your own blog: never drafted to.")
@click.option("--weights", default=None, show_default="none", metavar="FILE", help="Weights file, as for rank.")
@logging_options
def drafts(db, template, out, top, statuses, topic, lang, me, weights, quiet, verbose):
    """Write one e-mail draft (.eml) per top shortlisted blog that has an address; nothing is sent.

    Best ranked first; making drafts marks nothing. A blog's earlier draft is replaced, and
    drafts of blogs that get none this time are removed (only drafts blogscout wrote).
    Placeholders: {{ greeting }}, {{ first_name }}, {{ last_name }}, {{ name }}, {{ site }},
    {{ url }}, {{ title }}, {{ latest_post_title }}, {{ latest_post_url }}, {{ topics }},
    {{ top_terms }}, {{ email }}, {{ cooperation_url }}.

    \b
    Example: blogscout drafts --db data/kunde-a.db --template anfrage.txt --out drafts/ --top 20
    """
    from crawler.services.drafts import make_drafts

    setup_logging(quiet, verbose)
    ranking = {"langs": parse_langs(lang), "me": me, "weights": weights, "exclude_files": project_exclude_files()}
    result = make_drafts(db, template, out, top=top, topic=topic, statuses=statuses, **ranking)
    for path in result.written:
        click.echo(str(path))
    refused = f"; {len(result.refused)} refused (see above)" if result.refused else ""
    removed = f"; {len(result.removed)} earlier draft(s) removed" if result.removed else ""
    click.echo(
        f"{len(result.written)} draft(s) written to {out}; {result.without_address} candidate(s) without an address"
        + refused
        + removed,
        err=True,
    )
    if not result.written and not statuses:
        click.echo(
            "drafts are made for shortlisted blogs: mark some with 'blogscout mark SITE --status shortlisted' "
            "or pass --status new",
            err=True,
        )


@command()
@click.argument("name")
def init(name):
    """Write a commented project file NAME.toml to fill in, and the mail templates for 'drafts':
    NAME.anfrage.de.txt (German blogs) and NAME.anfrage.txt (English, all others).

    Every command that crawls, ranks or writes takes it with --config NAME.toml; options given
    on the command line win. An existing project file is never replaced (nothing is written),
    an existing template is kept as it is.

    \b
    Example: blogscout init kunde-a
    """
    from crawler.services.config import write_starter

    starter = write_starter(name)
    kept = f"; kept {', '.join(printable(p) for p in starter.kept)} (exists already)" if starter.kept else ""
    click.echo(f"wrote {', '.join(printable(p) for p in [starter.path, *starter.templates])}{kept}", err=True)
    click.echo(f"fill in the seeds and topic, then: blogscout run --config {shlex.quote(str(starter.path))}", err=True)
