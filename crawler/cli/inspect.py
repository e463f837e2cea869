"""``blogscout inspect``: what blogscout reads from one page (a saved file or one URL)."""

from __future__ import annotations

import json

import click

from crawler.cli.common import command, logging_options, printable, setup_logging
from crawler.services.inspect import inspect as inspect_page

_LISTS = (
    ("dates", ("dates",)),
    ("feeds", ("feeds",)),
    ("person", ("person",)),
    ("emails", ("contacts", "emails")),
    ("contact", ("contacts", "contact_urls")),
    ("impressum", ("contacts", "impressum_urls")),
    ("social", ("contacts", "social")),
    ("cooperation", ("cooperation",)),
)


@command()
@click.argument("source", metavar="FILE|URL")
@click.option(
    "--url",
    default=None,
    show_default="the URL fetched, or http://localhost/FILE",
    help="URL the page was fetched from.",
)
@click.option("--allow-private", is_flag=True, help="Allow fetching from loopback and private addresses.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of text.")
@logging_options
def inspect(source, url, allow_private, as_json, quiet, verbose):
    """Show what blogscout reads from one page: kind, language, dates, feeds, contacts, blog verdict, links.

    FILE is a saved HTML page (gzip allowed); a URL is fetched once (10 s, 4 MB at most).

    \b
    Example: blogscout inspect saved/post.html --url https://anna-berg.de/gartenjahr/
    """
    setup_logging(quiet, verbose)
    result = inspect_page(source, url, allow_private=allow_private)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=1))
        return
    for label in ("url", "kind", "language", "title", "published"):
        click.echo(f"{label:<12} {printable(result[label] or '-')}")
    for label, keys in _LISTS:
        value = result[keys[0]] if len(keys) == 1 else result[keys[0]][keys[1]]
        click.echo(f"{label:<12} {printable(', '.join(value) or '-')}")
    blog = result["blog"]
    click.echo(f"{'blog':<12} {'yes' if blog['is_blog'] else 'no'} ({printable(blog['reason'])})")
    links = result["links"]
    click.echo(f"{'links':<12} " + (", ".join(f"{kind} {v['count']}" for kind, v in links.items()) or "-"))
    for kind, v in links.items():
        click.echo(f"  {kind:<10} {printable(', '.join(v['first']))}{' …' if v['count'] > len(v['first']) else ''}")
