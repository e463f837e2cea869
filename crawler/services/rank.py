"""Rank a crawl database: load what scoring needs, rank, write the export, store the snapshot."""

from __future__ import annotations

import json
import logging
import re
import sqlite3
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import sqlite_utils

from crawler import defaults
from crawler.errors import InputError
from crawler.extract.textfile import TextFileError, read_text_file
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
    load_page_kinds,
    load_post_dates,
    load_sites,
    load_sources,
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


def check_langs_found(db_path: str, langs: Sequence[str]) -> None:
    """Raise `InputError` when the crawl has candidate blogs, none of them in ``langs``.

    Called when a ranking kept no blog, before the export would replace an earlier one.
    """
    db = dbmod.connect(db_path, create=False)
    try:
        counts = Counter(
            row["language"] or "unknown" for row in load_sites(db) if row["role"] == "candidate" and row["is_blog"]
        )
    finally:
        db.close()
    if counts:
        found = ", ".join(f"{lang} ({n})" for lang, n in counts.most_common())
        raise InputError(
            f"--lang {','.join(langs)}: no candidate blog in it; the crawl has {found}; pass some of those"
        )


def me_site(url: str | None) -> str | None:
    """Site key of the ``--me`` URL or bare domain; None when not given, '' when unusable."""
    if not url:
        return None
    from crawler.extract.urls import site_key  # tldextract: loaded only when --me is given

    url = url.strip()
    if "://" not in url:
        url = f"https://{url}"
    return site_key(url)


def follow_moves(sites: list[dict]) -> tuple[list[dict], dict[str, str]]:
    """Site rows without the addresses blogs moved away from, and ``{old site: new site}``.

    The new site keeps how the old address was found (``found_via``), with the move noted.
    """
    moves = {row["site"]: row["moved_to"] for row in sites if row.get("moved_to")}
    if not moves:
        return sites, {}
    found_via = {row["site"]: row["found_via"] for row in sites}
    moved_from = {new: old for old, new in moves.items()}
    kept = []
    for row in sites:
        if row["site"] in moves:
            continue
        old = moved_from.get(row["site"])
        if old and found_via.get(old):
            row = {**row, "found_via": f"{found_via[old]} (moved from {old})"}
        kept.append(row)
    return kept, moves


def _moved_links(links, moves: dict[str, str]):
    """Link rows with the addresses blogs moved away from replaced by where they moved."""
    for from_site, to_site, kind, pages in links:
        from_site, to_site = moves.get(from_site, from_site), moves.get(to_site, to_site)
        if from_site != to_site:
            yield from_site, to_site, kind, pages


def load_crawl(db: sqlite_utils.Database, link_kinds: Iterable[str] | None = None):
    """A `scoring.rank.CrawlData` for the whole database (documents stream when ranked).

    ``link_kinds`` keeps only links of those kinds (default: all).
    """
    from scoring.rank import CrawlData

    sites, moves = follow_moves(load_sites(db))
    by_site = {row["site"]: row for row in sites if row["role"] != "platform"}
    links = iter_link_counts(db, link_kinds)
    return CrawlData(
        sites=sites,
        links=_moved_links(links, moves) if moves else links,
        documents=lambda: iter_documents(db, by_site),
        post_dates=load_post_dates(db),
        contacts=load_contacts(db),
        reference=reference_time(db),
        latest_posts=load_latest_posts(db),
        page_kinds=load_page_kinds(db),
        sources={moves.get(a, a): {moves.get(b, b) for b in bs} for a, bs in load_sources(db).items()},
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
    """Refuse a ``--weights`` path that is not a file, cannot be read or is over the size cap.

    A mapping (the ``[weights]`` table of a project file) is checked when it is loaded.
    """
    if weights is None or isinstance(weights, Mapping):
        return
    if not Path(weights).exists():
        raise InputError(f"--weights {weights}: no such file; pass a JSON weights file or leave out --weights")
    try:
        read_text_file(weights)
    except TextFileError as err:
        raise InputError(f"--weights {weights}: {err}; pass a JSON weights file or leave out --weights") from err


def check_writable(db: str | Path, fix: str = "fix its permissions") -> None:
    """Refuse a database that cannot be written (read-only file, folder or file system) before any work."""
    handle = dbmod.connect(db, create=False)
    try:
        version = handle.execute("PRAGMA user_version").fetchone()[0]
        handle.execute(f"PRAGMA user_version = {int(version)}")  # a write that changes nothing
    except sqlite3.OperationalError as err:
        raise DatabaseError(f"{db}: cannot write to the database ({err}); {fix}") from err
    finally:
        handle.close()


def left_out_sites(me: str | None = None, exclude_files: Sequence[str] = ()) -> frozenset[str]:
    """Site keys never listed as candidates: the user's own blog (``me``) and the sites of ``exclude_files``."""
    sites = set()
    if me_site(me):
        sites.add(me_site(me))
    if exclude_files:
        from crawler.spiders.runner import load_excluded

        sites |= load_excluded(list(exclude_files))
    return frozenset(sites)


def leave_out(rows: Sequence[Mapping[str, Any]], sites: frozenset[str]) -> list[dict]:
    """``rows`` without those of ``sites``, numbered again from 1.

    >>> leave_out([{"site": "a.de", "rank": 1}, {"site": "b.de", "rank": 2}], frozenset({"a.de"}))
    [{'site': 'b.de', 'rank': 1}]
    """
    if not sites:
        return [dict(row) for row in rows]
    kept = [row for row in rows if row["site"] not in sites]
    return [{**row, "rank": i} if "rank" in row else dict(row) for i, row in enumerate(kept, 1)]


def _same_as_latest(handle: sqlite_utils.Database, rows: Sequence[Mapping[str, Any]]) -> int | None:
    """The id of the latest snapshot when it holds exactly ``rows``, else None."""
    if "rankings" not in handle.table_names():
        return None
    latest = handle.execute("SELECT max(id) FROM rankings").fetchone()[0]
    if latest is None:
        return None
    stored = [
        json.loads(r)
        for (r,) in handle.execute("SELECT row FROM ranking_rows WHERE ranking_id = ? ORDER BY rank", [latest])
    ]
    return latest if stored == json.loads(json.dumps(list(rows), default=str)) else None


def store_ranking(
    db: str | Path, rows: Sequence[Mapping[str, Any]], options: Mapping[str, Any], command: str = "rank"
) -> int | None:
    """Store a ranking snapshot under the latest run, made by ``command``; return its id.

    A ranking equal row for row to the latest snapshot is not stored again (None is returned).
    `DatabaseError` when the database refuses it.
    """
    try:
        handle = dbmod.connect(db, create=False)
        try:
            same = _same_as_latest(handle, rows)
            if same is not None:
                log.info("ranking unchanged since snapshot %d: not stored again", same)
                return None
            return save_ranking(handle, latest_run_id(handle), rows, {**options, "command": command})
        finally:
            handle.close()
    except sqlite3.Error as err:
        raise DatabaseError(f"{db}: ranking not saved ({err}); fix the file's permissions or pass --no-save") from err


def rank_project(
    db: str | Path,
    *,
    topic: str = "",
    langs: Sequence[str] | None = None,
    me: str | None = None,
    weights: str | Path | Mapping[str, Any] | None = None,
    exclude_files: Sequence[str] = (),
) -> list[dict]:
    """`rank_database` without the user's own blog and the sites of ``exclude_files`` (`leave_out`)."""
    rows = rank_database(db, topic=topic, langs=langs, me=me, weights=weights)
    return leave_out(rows, left_out_sites(me, exclude_files))


def snapshot_options(**ranking: Any) -> dict[str, Any]:
    """What a snapshot records of the `rank_project` options it was ranked with (unset ones left out)."""
    return {k: list(v) if isinstance(v, tuple) else v for k, v in ranking.items() if v not in (None, (), [])}


def store_baseline(db: str | Path, command: str = "recrawl", **ranking: Any) -> int:
    """Rank the stored crawl before a new crawl changes it, when its latest finished run has no
    ranking yet, so `blogscout diff` has the state before to compare with; return the rows stored.

    ``ranking`` holds the `rank_project` options the ranking after the crawl will use, so the two
    differ by the crawl alone. Called by the commands that rank after crawling (``run``, ``recrawl``).
    """
    handle = dbmod.connect(db, create=False)
    try:
        run = dbmod.last_run(handle)
        if not run or run["status"] != "finished":
            return 0
        if "rankings" in handle.table_names() and handle["rankings"].count_where("run_id = ?", [run["id"]]):
            return 0
    finally:
        handle.close()
    log.info("ranking the stored crawl (run %s) first, so 'blogscout diff' can compare", run["id"])
    rows = rank_project(db, **ranking)
    if rows:
        store_ranking(db, rows, {**snapshot_options(**ranking), "baseline": True}, command=command)
    return len(rows)


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
    save: bool = False,
    include_all: bool = False,
    preset: str | None = None,
    exclude_files: Sequence[str] = (),
    command: str = "rank",
) -> list[dict]:
    """Rank a database, write the full export to ``out`` ('-' for stdout); ``save``: store the snapshot.

    Partner, declined and do-not-contact blogs are left out of the export and of the returned
    rows unless ``include_all``; the stored snapshot keeps every blog. The user's blog (``me``) and
    the sites of ``exclude_files`` are never listed. ``preset`` (hubspot,
    buzzstream, pitchbox) writes one row per contact with that tool's import columns instead.
    ``topic=None`` uses the topic the crawl was started with. A snapshot equal to the latest one
    is not stored again; ``command`` names who stored it.

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
        check_output(out, db)
    if save and Path(db).exists():
        check_writable(db, "fix its permissions, or pass --no-save to rank without storing the ranking")
    if topic is None:
        topic = stored_topic(db)
        if topic:
            log.info("topic of the crawl: %s", topic)
    ranking = {"topic": topic, "langs": langs, "me": me, "weights": weights, "exclude_files": exclude_files}
    rows = rank_project(db, **ranking)
    if not rows and langs:
        check_langs_found(db, langs)
    if not rows:
        log.warning("no candidate blogs in %s; crawl more (--hops) or check --lang", db)
    shown = leave_out_closed(rows, include_all)
    if len(shown) < len(rows):
        log.info("%d partner/declined/do-not-contact blog(s) left out; --all lists them", len(rows) - len(shown))
    if preset:
        contacts = list(contact_rows(shown, preset))
        log.info("%d contact(s) of %d blog(s) in the %s import file", len(contacts), len(shown), preset)
        write_export(contacts, out, fmt=fmt, excel=excel, columns=PRESETS[preset], db=db)
    else:
        write_export(shown, out, fmt=fmt, excel=excel, columns=COLUMNS + (ME_COLUMNS if me else []), db=db)
    if save and rows:
        store_ranking(db, rows, snapshot_options(**ranking), command=command)
    return shown
