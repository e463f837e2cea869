"""``blogscout rank``: rank the crawled blogs, print the top as a table, write the full export."""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import click

from crawler.storage.db import DatabaseError
from crawler.storage.reads import rank_database

log = logging.getLogger(__name__)

TABLE_COLUMNS = (
    ("rank", ">"),
    ("score", ">"),
    ("site", "<"),
    ("relevance", ">"),
    ("centrality", ">"),
    ("activity", ">"),
    ("last_post", "<"),
    ("top_terms", "<"),
)
_LANG_RE = re.compile(r"^[a-z]{2,3}$")


def _default_db() -> str:
    from crawler.cli.main import DEFAULT_DB

    return DEFAULT_DB


def parse_langs(value: str | None) -> list[str] | None:
    """``"de,en"`` -> ``["de", "en"]``; None or empty keeps every language."""
    if not value:
        return None
    langs = [p.strip().lower() for p in value.split(",") if p.strip()]
    bad = [p for p in langs if not _LANG_RE.match(p)]
    if bad:
        raise click.ClickException(f"--lang {value!r}: {bad[0]!r} is not a language code; use e.g. --lang de,en")
    return langs


def format_table(rows: Sequence[Mapping[str, Any]], width: int = 48) -> str:
    """Plain aligned text table of the main columns (long cells are cut with '…')."""
    cells = [[name for name, _ in TABLE_COLUMNS]]
    for row in rows:
        line = []
        for name, _ in TABLE_COLUMNS:
            value = row.get(name, "")
            text = f"{value:.3f}" if isinstance(value, float) else str(value)
            line.append(text if len(text) <= width else text[: width - 1] + "…")
        cells.append(line)
    widths = [max(len(r[i]) for r in cells) for i in range(len(TABLE_COLUMNS))]
    out = []
    for r in cells:
        out.append("  ".join(f"{c:{align}{w}}" for c, (_, align), w in zip(r, TABLE_COLUMNS, widths)).rstrip())
    return "\n".join(out)


def _out_folder(out: str) -> Path:
    """The directory an export goes to; ClickException if it is missing or ``out`` is a directory."""
    target = Path(out)
    if target.is_dir():
        raise click.ClickException(f"--out {out}: is a directory; pass a file name such as partners.csv")
    folder = target.parent
    if not folder.is_dir():
        raise click.ClickException(f"--out {out}: directory {folder} does not exist; create it or pass another path")
    return folder


def write_export(rows: Sequence[Mapping[str, Any]], out: str, *, fmt: str, excel: bool, columns: Sequence[str]) -> None:
    """Write the export atomically (temp file in the target directory, then ``os.replace``)."""
    from scoring.export import write_csv, write_json

    target = Path(out)
    folder = _out_folder(out)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as err:
        raise click.ClickException(
            f"--out {out}: cannot write in {folder} ({err.strerror}); pass another path"
        ) from err
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            if fmt == "json":
                write_json(rows, fh, columns=columns)
            else:
                write_csv(rows, fh, excel=excel, columns=columns)
        os.replace(tmp, target)
    except OSError as err:
        Path(tmp).unlink(missing_ok=True)
        raise click.ClickException(f"--out {out}: cannot write ({err.strerror}); pass another path") from err
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def rank_to_file(
    db: str,
    *,
    out: str = "partners.csv",
    topic: str = "",
    langs: Sequence[str] | None = None,
    top: int = 20,
    me: str | None = None,
    weights: str | None = None,
    fmt: str | None = None,
    excel: bool = False,
    save: bool = True,
    include_all: bool = False,
) -> list[dict]:
    """Rank a database, write the full export to ``out`` ('-' for stdout), print the top rows.

    The one entry point for ``rank``, ``run`` and ``demo``; every input problem is raised as
    a one-line `click.ClickException`. Partner, declined and do-not-contact blogs are left out
    of the export and the table unless ``include_all``; the stored snapshot keeps every row.
    """
    from crawler.services.outreach import leave_out_closed
    from crawler.storage import db as dbmod
    from crawler.storage.reads import latest_run_id, me_site, save_ranking
    from scoring.rank import COLUMNS, ME_COLUMNS
    from scoring.weights import WeightsError

    fmt = fmt or ("json" if str(out).lower().endswith(".json") else "csv")
    if excel and fmt == "json":
        raise click.ClickException("--excel applies to CSV only; drop --excel or use --format csv")
    if me is not None and not me_site(me):
        raise click.ClickException(
            f"--me {me!r}: not a URL or domain; pass your blog's address, e.g. --me https://my-blog.de/"
        )
    if out != "-":
        _out_folder(out)
    try:
        rows = rank_database(db, topic=topic, langs=langs, me=me, weights=weights)
    except DatabaseError as err:
        raise click.ClickException(str(err)) from err
    except WeightsError as err:
        raise click.ClickException(f"--weights {err}; fix the file or leave out --weights") from err
    except sqlite3.DatabaseError as err:
        raise click.ClickException(
            f"{db}: cannot read the crawl database ({err}); re-run 'blogscout crawl' into a new --db"
        ) from err
    if not rows:
        log.warning("no candidate blogs in %s; crawl more (--hops) or check --lang", db)
    columns = COLUMNS + (ME_COLUMNS if me else [])
    ranked, rows = rows, leave_out_closed(rows, include_all)
    if len(rows) < len(ranked):
        log.info("%d partner/declined/do-not-contact blog(s) left out; --all shows them", len(ranked) - len(rows))
    if out == "-":
        stream = sys.stdout
        from scoring.export import write_csv, write_json

        (
            write_json(rows, stream, columns=columns)
            if fmt == "json"
            else write_csv(rows, stream, excel=excel, columns=columns)
        )
    else:
        write_export(rows, out, fmt=fmt, excel=excel, columns=columns)
        if top and rows:
            click.echo(format_table(rows[:top]))
        click.echo(f"{len(rows)} blogs ranked; wrote {out}", err=True)
    if save and ranked:
        options = {"topic": topic, "langs": langs, "me": me, "weights": weights}
        try:
            handle = dbmod.connect(db, create=False)
            try:
                save_ranking(handle, latest_run_id(handle), ranked, options)
            finally:
                handle.close()
        except (DatabaseError, sqlite3.Error) as err:
            log.warning("ranking not saved in %s: %s", db, err)
    return rows


@click.command()
@click.option(
    "--db",
    default=_default_db,
    metavar="PATH",
    help="Crawl database (default: the project database of 'blogscout crawl').",
)
@click.option(
    "--topic", default="", help='Comma-separated topic terms, e.g. "social media marketing, content marketing".'
)
@click.option(
    "--lang", "lang", default="", metavar="CODES", help="Keep blogs in these languages, e.g. de,en (default: all)."
)
@click.option("--top", default=20, show_default=True, type=click.IntRange(0), help="Rows printed as a table (0: none).")
@click.option(
    "--out",
    default=None,
    metavar="PATH",
    help="Export file with every ranked blog ('-' for stdout) [default: partners.csv or partners.json].",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "json"]),
    default=None,
    help="Export format [default: from the --out suffix, else csv].",
)
@click.option("--excel", is_flag=True, help="CSV for German Excel: semicolons, decimal commas, UTF-8 with BOM.")
@click.option(
    "--weights",
    default=None,
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
@click.option("--quiet", "-q", is_flag=True, help="No progress output.")
def rank(db, topic, lang, top, out, fmt, excel, weights, me, save, include_all, quiet):
    """Rank the crawled blogs as partners; print the top and write the full export.

    Example: blogscout rank --topic "social media marketing, content marketing" --lang de,en --excel
    """
    from crawler.cli.main import setup_logging

    setup_logging(quiet)
    if weights is not None and not Path(weights).is_file():
        raise click.ClickException(
            f"--weights {weights}: no such file; pass a JSON weights file or leave out --weights"
        )
    if out is None:
        out = "partners.json" if fmt == "json" else "partners.csv"
    rank_to_file(
        db,
        out=out,
        topic=topic,
        langs=parse_langs(lang),
        top=top,
        me=me,
        weights=weights,
        fmt=fmt,
        excel=excel,
        save=save,
        include_all=include_all,
    )
