"""``blogscout report``, ``blogscout graph`` and ``blogscout serve``: what people look at."""

from __future__ import annotations

import click

from crawler.cli.common import command, config_option, db_option, logging_options, project_left_out, setup_logging


@command()
@config_option
@db_option()
@click.option("--out", default="report.html", show_default=True, metavar="FILE", help="The HTML file to write.")
@click.option("--top", default=50, show_default=True, type=click.IntRange(1), help="Candidates in the report.")
@click.option(
    "--lang", default="en", show_default=True, type=click.Choice(["de", "en"]), help="Language of the labels."
)
@logging_options
def report(db, out, top, lang, quiet, verbose):
    """Write one self-contained HTML report: ranking, cards and a picture of the neighbourhood.

    The file needs no network and no other file: mail it, open it anywhere, print it. With
    --config, the project's own blog (me) and excluded sites get no card.

    \b
    Example: blogscout report --db data/kunde-a.db --out kunde-a.html --lang de
    """
    from crawler.web.render import write_report

    setup_logging(quiet, verbose)
    count = write_report(db, out, top=top, lang=lang, left_out=project_left_out())
    if not quiet:
        click.echo(f"wrote {out}: {count} candidates", err=True)


@command()
@config_option
@db_option()
@click.option("--out", required=True, metavar="FILE", help="Graph file: .gexf (Gephi) or .graphml.")
@logging_options
def graph(db, out, quiet, verbose):
    """Write the site graph with scores, roles and statuses as attributes, for Gephi and friends.

    \b
    Example: blogscout graph --db data/kunde-a.db --out kunde-a.gexf
    """
    from crawler.services.graph import write_graph

    setup_logging(quiet, verbose)
    counts = write_graph(db, out)
    if not quiet:
        click.echo(f"wrote {out}: {counts['nodes']} sites, {counts['edges']} links", err=True)


@command()
@config_option
@db_option()
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535), help="Port (0: any free one).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--allow-remote",
    is_flag=True,
    help="Serve beyond this machine: every visitor needs the printed link with its random access token.",
)
@click.option(
    "--allowed-host",
    "allowed_hosts",
    multiple=True,
    metavar="NAME",
    help="Another name people type to reach the app (a reverse proxy's); repeatable; needs --allow-remote.",
)
@click.option("--allow-sql", is_flag=True, help="Let the raw tables take arbitrary read-only SQL (?sql=, _where=).")
@click.option(
    "--lang", default="en", show_default=True, type=click.Choice(["de", "en"]), help="Language of the labels."
)
@logging_options
def serve(db, port, host, allow_remote, allowed_hosts, allow_sql, lang, quiet, verbose):
    """Work the partner list in the browser: filters, a page per candidate, status buttons, raw tables.

    Listens on 127.0.0.1 only. --allow-remote serves other machines too (plain HTTP: put an
    HTTPS reverse proxy in front), each visitor with the printed link and its access token.
    With --config, the project's own blog (me) and excluded sites are not in the partner list.

    \b
    Example: blogscout serve --db data/kunde-a.db --lang de
    Example: blogscout serve --db data/kunde-a.db --host 127.0.0.1 --allow-remote --allowed-host scout.example.org
    """
    from crawler.web.app import check_host
    from crawler.web.app import serve as run_app

    setup_logging(quiet, verbose)
    check_host(host, allow_remote, allowed_hosts)

    def ready(url: str) -> None:
        if allow_remote:
            names = ", ".join(dict.fromkeys([host, *allowed_hosts]))
            click.echo(
                f"Warning: --allow-remote: anyone who reaches this port as {names} with the link below can read "
                "the whole project (every table: pages, contacts, notes) and change outreach statuses. "
                "Plain HTTP: the link, its token and the data cross the network unencrypted; "
                "put an HTTPS reverse proxy in front (README: blogscout serve).",
                err=True,
            )
        click.echo(f"Serving {db} at {url} (Ctrl-C stops)", err=True)

    try:
        run_app(
            db,
            host=host,
            port=port,
            lang=lang,
            allow_remote=allow_remote,
            allowed_hosts=allowed_hosts,
            allow_sql=allow_sql,
            on_ready=ready,
            left_out=project_left_out(),
        )
    except KeyboardInterrupt:  # Ctrl-C is how the app is meant to stop
        click.echo("Stopped.", err=True)
