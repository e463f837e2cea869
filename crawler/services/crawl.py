"""Start, resume and repeat crawls into a project database.

Scrapy and the seed checks (tldextract, feedparser) are imported by the calls that need them,
not by this module: `rank` and `diff` start without them.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from crawler.errors import BlogscoutError, NotStoredError
from crawler.storage import db as dbmod
from crawler.storage.db import DatabaseError

if TYPE_CHECKING:
    from crawler.spiders.runner import CrawlOptions, CrawlResult


log = logging.getLogger(__name__)


class SeedsUnreachable(BlogscoutError):
    """No seed of a crawl could be fetched: there is nothing to start from."""


def is_known_setting(name: str) -> bool:
    """True for a Scrapy setting or a declared ``BLOGSCOUT_*`` one (``--set`` refuses the rest).

    >>> is_known_setting("DOWNLOAD_DELAY"), is_known_setting("DOWNLOAD_DELAYS"), is_known_setting("BLOGSCOUT_DB")
    (True, False, True)
    """
    from scrapy.settings import default_settings

    from crawler import defaults, settings

    return name in defaults.SETTINGS or hasattr(default_settings, name) or hasattr(settings, name)


def make_options(
    urls: Sequence[str],
    seed_files: Sequence[str],
    *,
    hops: int,
    max_pages_per_site: int,
    candidate_pages: int,
    max_pages: int,
    topic: str = "",
    platforms_files: Sequence[str] = (),
    exclude_files: Sequence[str] = (),
    allow_private: bool = False,
    settings: dict | None = None,
) -> CrawlOptions:
    """Validated `CrawlOptions`; raises `crawler.services.seeds.SeedError` for unusable seeds."""
    from crawler.services.seeds import check_list_file, collect_seeds
    from crawler.spiders.runner import CrawlOptions

    for option, paths in (("--platforms", platforms_files), ("--exclude", exclude_files)):
        for path in paths:
            check_list_file(path, option)
    return CrawlOptions(
        seeds=collect_seeds(list(urls), list(seed_files)),
        hops=hops,
        max_pages_per_site=max_pages_per_site,
        candidate_pages=candidate_pages,
        max_pages=max_pages,
        topic=topic,
        platforms_files=list(platforms_files),
        exclude_files=list(exclude_files),
        allow_private=allow_private,
        settings=dict(settings or {}),
    )


def stored_run(db: str | Path, resumable: bool = False) -> dict:
    """The interrupted run to resume (``resumable``), else the latest run to repeat.

    Raises `NotStoredError` when there is none and `DatabaseError` for an unusable database.
    """
    database = dbmod.connect(db, create=False)
    try:
        if resumable:
            run = dbmod.resumable_run(database)
            if not run:
                raise NotStoredError(f"{db}: no interrupted crawl to resume; start one with 'blogscout crawl URL...'")
            return run
        rows = list(database["runs"].rows_where(order_by="id desc", limit=1))
        if not rows:
            raise NotStoredError(f"{db}: no crawl stored yet; run 'blogscout crawl URL...' first")
        return rows[0]
    finally:
        database.conn.close()


def options_of_run(run: dict, settings: dict | None = None) -> CrawlOptions:
    """The options a stored run was started with; ``settings`` override its Scrapy settings."""
    from crawler.spiders.runner import CrawlOptions

    options = CrawlOptions.from_run(run)
    options.settings.update(settings or {})
    return options


def crawl(
    db: str,
    options: CrawlOptions,
    *,
    quiet: bool = False,
    command: str = "crawl",
    mode: str = "fresh",
    resume_run: int | None = None,
    redis_url: str | None = None,
    baseline: Mapping[str, Any] | None = None,
) -> CrawlResult:
    """Run one crawl into ``db`` (in Redis mode as its coordinator when ``redis_url`` is given).

    ``baseline`` (the `crawler.services.rank.rank_project` options of the ranking that follows)
    first stores a ranking of the crawl already in ``db`` when it has none, for `blogscout diff`.
    Raises `DatabaseError`, `crawler.storage.lock.LockedError` or
    `crawler.distributed.runner.DistributedError`.
    """
    if Path(db).exists():
        from crawler.services.rank import check_writable, store_baseline

        check_writable(db, "fix its permissions or crawl into another --db")
        if baseline is not None and mode != "resume":
            store_baseline(db, command, **baseline)
    try:
        if redis_url:
            from crawler.distributed.runner import run_coordinator

            return run_coordinator(db, options, redis_url, quiet=quiet)
        from crawler.spiders.runner import run_crawl

        return run_crawl(db, options, command=command, quiet=quiet, mode=mode, resume_run=resume_run)
    except OSError as err:
        raise DatabaseError(f"{db}: {err.strerror or err}; check the path and free disk space") from err


def failed_seeds(db: str | Path, run_id: int) -> dict[str, list[str]]:
    """``{seed site: error kinds}`` of the seeds that gave run ``run_id`` errors and no page."""
    handle = dbmod.connect(db, create=False)
    try:
        found = handle.execute(
            "SELECT e.site, group_concat(DISTINCT e.kind) FROM fetch_errors e "
            "JOIN sites s ON s.site = e.site AND s.role = 'seed' "
            "WHERE e.run_id = ? AND NOT EXISTS (SELECT 1 FROM pages p WHERE p.site = e.site AND p.run_id = e.run_id) "
            "GROUP BY e.site ORDER BY e.site",
            [run_id],
        ).fetchall()
    finally:
        handle.close()
    return {site: sorted(kinds.split(",")) for site, kinds in found}


def check_seeds(db: str | Path, result: CrawlResult) -> None:
    """Raise `SeedsUnreachable` when no seed of the run could be fetched; warn about the ones that failed."""
    failed = failed_seeds(db, result.run_id)
    if not failed:
        return
    from crawler.extract.urls import site_key

    handle = dbmod.connect(db, create=False)
    try:
        run = handle["runs"].get(result.run_id)
    finally:
        handle.close()
    seeds = {site_key(url) for url in json.loads(run["seeds"] or "[]")}
    named = ", ".join(f"{site} ({', '.join(kinds)})" for site, kinds in failed.items())
    if seeds <= failed.keys():
        raise SeedsUnreachable(
            f"seeds unreachable: {named}; check the addresses (and your network or proxy), then crawl again"
        )
    log.warning("%d of %d seeds unreachable, crawled without them: %s", len(failed), len(seeds), named)


def summary(db: str, result: CrawlResult) -> list[tuple[str, str]]:
    """(label, value) lines describing a finished crawl."""
    from crawler.spiders.runner import summary as run_summary

    return run_summary(db, result)


def join_as_worker(redis_url: str, *, wait: float = 60.0, quiet: bool = False) -> dict:
    """Work for the distributed crawl in ``redis_url`` until its queue is empty; return the stats."""
    from crawler.distributed.runner import run_worker

    return run_worker(redis_url, wait=wait, quiet=quiet)
