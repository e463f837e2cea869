"""Rank a crawl database: load what scoring needs, rank, write the export, store the snapshot."""

from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import sqlite_utils

from crawler import defaults
from crawler.errors import InputError
from crawler.services.export import STDOUT, check_format, check_output, export_format, write_export
from crawler.services.outreach import leave_out_closed
from crawler.services.presets import PRESETS, check_preset, contact_rows
from crawler.storage import db as dbmod
from crawler.storage.db import DatabaseError
from crawler.storage.outreach import load_statuses
from crawler.storage.reads import (
    crawl_topic,
    iter_documents,
    iter_link_counts,
    latest_run_id,
    load_contacts,
    load_latest_posts,
    load_post_dates,
    load_sites,
    reference_time,
    save_ranking,
)

log = logging.getLogger(__name__)

_LANG_RE = re.compile(r"^[a-z]{2,3}$")


def parse_langs(value: str | None) -> list[str] | None:
    """``"de,en"`` -> ``["de", "en"]``; None or empty keeps every language.

    >>> parse_langs("de, EN"), parse_langs("")
    (['de', 'en'], None)
    """
    if not value:
        return None
    langs = [p.strip().lower() for p in value.split(",") if p.strip()]
    bad = [p for p in langs if not _LANG_RE.match(p)]
    if bad:
        raise InputError(f"--lang {value!r}: {bad[0]!r} is not a language code; use e.g. --lang de,en")
    return langs


def me_site(url: str | None) -> str | None:
    """Site key of the ``--me`` URL or bare domain; None when not given, '' when unusable."""
    if not url:
        return None
    from crawler.extract.urls import site_key  # tldextract: loaded only when --me is given

    url = url.strip()
    if "://" not in url:
        url = f"https://{url}"
    return site_key(url)


def load_crawl(db: sqlite_utils.Database, link_kinds: Iterable[str] | None = None):
    """A `scoring.rank.CrawlData` for the whole database (documents stream when ranked).

    ``link_kinds`` keeps only links of those kinds (default: all).
    """
    from scoring.rank import CrawlData

    sites = load_sites(db)
    by_site = {row["site"]: row for row in sites if row["role"] != "platform"}
    return CrawlData(
        sites=sites,
        links=iter_link_counts(db, link_kinds),
        documents=lambda: iter_documents(db, by_site),
        post_dates=load_post_dates(db),
        contacts=load_contacts(db),
        reference=reference_time(db),
        latest_posts=load_latest_posts(db),
        statuses=load_statuses(db),
    )


def rank_database(
    db_path: str | Path,
    *,
    topic: str = "",
    langs: Sequence[str] | None = None,
    top: int | None = None,
    me: str | None = None,
    weights: str | Path | Mapping[str, Any] | None = None,
) -> list[dict]:
    """Open a crawl database, rank its candidate blogs and return the rows (best first).

    Raises `crawler.storage.db.DatabaseError` for an unusable database and `InputError` for a
    bad weights file. ``top`` cuts the list.
    """
    from scoring.graph import weighted_kinds
    from scoring.rank import rank_sites
    from scoring.weights import WeightsError, load_weights

    db = dbmod.connect(db_path, create=False)
    try:
        try:
            weights = load_weights(weights)
        except WeightsError as err:
            raise InputError(f"--weights {err}; fix the file or leave out --weights") from err
        data = load_crawl(db, link_kinds=weighted_kinds(weights["link_kinds"]))
        rows = rank_sites(data, topic=topic, langs=langs, me=me_site(me), weights=weights)
    except sqlite3.DatabaseError as err:
        raise DatabaseError(
            f"{db_path}: cannot read the crawl database ({err}); re-run 'blogscout crawl' into a new --db"
        ) from err
    finally:
        db.close()
    return rows[:top] if top else rows


def stored_topic(db_path: str | Path) -> str:
    """The ``--topic`` the latest crawl of the database was started with ('' if none)."""
    db = dbmod.connect(db_path, create=False)
    try:
        return crawl_topic(db)
    finally:
        db.close()


def check_weights_file(weights: str | Mapping[str, Any] | None) -> None:
    """Refuse a ``--weights`` path that is not a file (a mapping from a project file is checked when loaded)."""
    if isinstance(weights, str) and not Path(weights).is_file():
        raise InputError(f"--weights {weights}: no such file; pass a JSON weights file or leave out --weights")


def store_ranking(db: str | Path, rows: Sequence[Mapping[str, Any]], options: Mapping[str, Any]) -> None:
    """Store a ranking snapshot under the latest run; a database that refuses it is only logged."""
    try:
        handle = dbmod.connect(db, create=False)
        try:
            save_ranking(handle, latest_run_id(handle), rows, options)
        finally:
            handle.close()
    except (DatabaseError, sqlite3.Error) as err:
        log.warning("ranking not saved in %s: %s", db, err)


def rank_to_file(
    db: str,
    *,
    out: str = defaults.EXPORT,
    topic: str | None = "",
    langs: Sequence[str] | None = None,
    me: str | None = None,
    weights: str | Mapping[str, Any] | None = None,
    fmt: str | None = None,
    excel: bool = False,
    save: bool = True,
    include_all: bool = False,
    preset: str | None = None,
) -> list[dict]:
    """Rank a database, write the full export to ``out`` ('-' for stdout), store the snapshot.

    Partner, declined and do-not-contact blogs are left out of the export and of the returned
    rows unless ``include_all``; the stored snapshot keeps every blog. ``preset`` (hubspot,
    buzzstream, pitchbox) writes one row per contact with that tool's import columns instead.
    ``topic=None`` uses the topic the crawl was started with.

    The one entry point for ``rank``, ``run``, ``demo`` and ``recrawl``. Inputs are checked
    before the ranking starts; problems raise `InputError`, `OutputError` or `DatabaseError`.
    Returns the ranked rows, best first.
    """
    from scoring.rank import COLUMNS, ME_COLUMNS

    fmt = export_format(out, fmt)
    check_format(fmt, excel, out)
    check_preset(preset)
    if me is not None and not me_site(me):
        raise InputError(f"--me {me!r}: not a URL or domain; pass your blog's address, e.g. --me https://my-blog.de/")
    if out != STDOUT:
        check_output(out)
    if topic is None:
        topic = stored_topic(db)
        if topic:
            log.info("topic of the crawl: %s", topic)
    rows = rank_database(db, topic=topic, langs=langs, me=me, weights=weights)
    if not rows:
        log.warning("no candidate blogs in %s; crawl more (--hops) or check --lang", db)
    shown = leave_out_closed(rows, include_all)
    if len(shown) < len(rows):
        log.info("%d partner/declined/do-not-contact blog(s) left out; --all lists them", len(rows) - len(shown))
    if preset:
        contacts = list(contact_rows(shown, preset))
        log.info("%d contact(s) of %d blog(s) in the %s import file", len(contacts), len(shown), preset)
        write_export(contacts, out, fmt=fmt, excel=excel, columns=PRESETS[preset])
    else:
        write_export(shown, out, fmt=fmt, excel=excel, columns=COLUMNS + (ME_COLUMNS if me else []))
    if save and rows:
        store_ranking(db, rows, {"topic": topic, "langs": langs, "me": me, "weights": weights})
    return shown
