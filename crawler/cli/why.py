"""``blogscout why``: why a site stands where it does, or why it is not in the list."""

from __future__ import annotations

import json

import click

from crawler.cli.common import command, config_option, db_option, logging_options, printable, setup_logging
from crawler.services.rank import parse_langs
from crawler.services.why import explain_site


@command()
@click.argument("site")
@config_option
@db_option(help="Project database written by 'blogscout crawl'.")
@click.option("--topic", default=None, show_default="the crawl's --topic", help="Topic terms for ranking.")
@click.option("--lang", "lang", default="", show_default="all", metavar="CODES", help="Languages kept, as for rank.")
@click.option("--me", default=None, show_default="none", metavar="URL", help="Your own blog, as for rank.")
@click.option("--weights", default=None, show_default="none", metavar="FILE", help="Weights file, as for rank.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of text.")
@logging_options
def why(site, db, topic, lang, me, weights, as_json, quiet, verbose):
    """Why SITE (a site name or URL) ranks where it does, or why it is not in the list.

    Ranks the project as 'blogscout rank' does with the same options, then says where the site
    stands and why, or what kept it out (not a blog, platform, excluded, never fetched, beyond
    --hops, moved to another address…), with the evidence: pages fetched, errors, who links it.

    \b
    Example: blogscout why anna-berg.de --db data/kunde-a.db
    """
    setup_logging(quiet, verbose)
    result = explain_site(db, site, topic=topic, langs=parse_langs(lang), me=me, weights=weights)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=1, default=str))
        return
    click.echo(f"{printable(result.get('moved_from') or result['site'])}: {printable(result['verdict'])}")
    if result["why"]:
        click.echo(f"  why: {printable(result['why'])}")
    facts = result["evidence"]
    lines = [
        ("found via", facts.get("found_via")),
        ("hops from the seeds", facts.get("hops")),
        ("pages fetched", ", ".join(f"{k} {n}" for k, n in sorted(facts["pages"].items())) or "none"),
        ("fetch errors", ", ".join(f"{k} {n}" for k, n in sorted(facts["errors"].items()))),
        ("blog verdict", facts.get("blog_reason")),
        ("linked from", "; ".join(facts["linked_from"]) + (" …" if facts["linking_sites"] > 5 else "")),
    ]
    for label, value in lines:
        if value not in (None, ""):
            click.echo(f"  {label}: {printable(value)}")
