"""Run one crawl in this process: settings, the spider, the run record, the summary."""

from __future__ import annotations

import logging
import sqlite3
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from crawler import defaults
from crawler.engine.pipelines import STORE_FAILED, StoreError
from crawler.extract.urls import Platforms, parse_site_list
from crawler.spiders.blogs import BlogSpider
from crawler.storage import db as dbmod
from crawler.storage.lock import CrawlLock

log = logging.getLogger(__name__)

# Politeness lifted: only for a web served on this machine (the demo sandbox, tests, benchmarks).
LOCAL_WEB_SETTINGS = {
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "DOWNLOAD_DELAY_JITTER": 0,
    "CONCURRENT_REQUESTS": 32,
}


@dataclass
class CrawlOptions:
    """Everything one crawl needs; stored with the run so a re-crawl can repeat it."""

    seeds: list[str]
    hops: int = defaults.HOPS
    max_pages_per_site: int = defaults.MAX_PAGES_PER_SITE
    candidate_pages: int = defaults.CANDIDATE_PAGES
    max_pages: int = defaults.MAX_PAGES
    topic: str = ""
    platforms_files: list[str] = field(default_factory=list)
    exclude_files: list[str] = field(default_factory=list)
    allow_private: bool = False
    settings: dict = field(default_factory=dict)

    def as_record(self) -> dict:
        """The options as stored in the runs table."""
        return {k: v for k, v in self.__dict__.items() if k != "seeds"}

    def spider_args(self, platforms: Platforms, excluded: frozenset[str]) -> dict:
        """The spider's keyword arguments these options give (the database and mode aside)."""
        return dict(
            seeds=self.seeds,
            hops=self.hops,
            max_pages_per_site=self.max_pages_per_site,
            candidate_pages=self.candidate_pages,
            max_pages=self.max_pages,
            platforms=platforms,
            excluded=excluded,
            topic=self.topic,
        )

    @classmethod
    def from_run(cls, run: dict) -> CrawlOptions:
        """The options a stored run was started with."""
        import json

        stored = json.loads(run["options"] or "{}")
        known = {k: v for k, v in stored.items() if k in cls.__dataclass_fields__}
        return cls(seeds=json.loads(run["seeds"] or "[]"), **known)


@dataclass
class CrawlResult:
    run_id: int
    status: str
    stats: dict
    elapsed: float


def build_settings(db_path: str | Path, run_id: int, options: CrawlOptions, quiet: bool = False) -> Settings:
    """Scrapy settings for one run."""
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    settings.set("BLOGSCOUT_DB", str(db_path), priority="cmdline")
    settings.set("BLOGSCOUT_RUN_ID", run_id, priority="cmdline")
    settings.set("BLOGSCOUT_ALLOW_PRIVATE", options.allow_private, priority="cmdline")
    if quiet:
        settings.set("BLOGSCOUT_PROGRESS_INTERVAL", 0, priority="cmdline")
    for key, value in options.settings.items():
        settings.set(key, value, priority="cmdline")
    return settings


def load_excluded(paths: list[str]) -> frozenset[str]:
    """Site keys the user excluded (existing partners)."""
    from crawler.extract.textfile import read_text_file
    from crawler.extract.urls import site_key_of_host

    hosts = set()
    for path in paths:
        for _, host in parse_site_list(read_text_file(path)):
            hosts.add(site_key_of_host(host))
    return frozenset(hosts)


def scrapy_process(settings: Settings) -> CrawlerProcess:
    """A CrawlerProcess whose loggers only make records that blogscout's log handler can show.

    Scrapy sets its loggers to DEBUG and logs every response and item at that level; unless the
    root logger is at DEBUG (``--verbose``), those records would be built only to be dropped.
    """
    process = CrawlerProcess(settings)
    if logging.getLogger().getEffectiveLevel() > logging.DEBUG:
        logging.getLogger("scrapy").setLevel(logging.INFO)
    return process


def disk_frontier(settings: Settings) -> tempfile.TemporaryDirectory | None:
    """Keep the scheduler's queue on disk: Scrapy's JOBDIR queues in a temporary directory.

    A crawl of hundreds of thousands of pages holds tens of thousands of pending requests; on
    disk they cost no RAM. Off with ``BLOGSCOUT_DISK_QUEUE=false`` or when JOBDIR is set.
    """
    if not settings.getbool("BLOGSCOUT_DISK_QUEUE") or settings.get("JOBDIR"):
        return None
    tmp = tempfile.TemporaryDirectory(prefix="blogscout-frontier-")
    settings.set("JOBDIR", tmp.name, priority="cmdline")
    return tmp


def run_crawl(
    db_path: str | Path,
    options: CrawlOptions,
    *,
    command: str = "crawl",
    quiet: bool = False,
    mode: str = "fresh",
    resume_run: int | None = None,
) -> CrawlResult:
    """Crawl from the seeds into the database under its lock; record the run and its stats.

    ``mode`` is ``fresh``, ``recrawl`` (conditional requests for the pages that are due, the
    rest replayed), ``full`` (a re-crawl asking every known page) or ``resume`` (continue the
    interrupted run ``resume_run``).
    """
    with CrawlLock(db_path):
        db = dbmod.connect(db_path)
        platforms = Platforms.load(*options.platforms_files)
        excluded = load_excluded(options.exclude_files)
        if mode == "resume":
            run_id = resume_run
            dbmod.reopen_run(db, run_id)
        else:
            run_id = dbmod.start_run(db, command, options.seeds, options.as_record())
        db.conn.close()
        started = time.monotonic()
        settings = build_settings(db_path, run_id, options, quiet)
        frontier_dir = disk_frontier(settings)
        process = scrapy_process(settings)
        crawler = process.create_crawler(BlogSpider)
        process.crawl(
            crawler,
            **options.spider_args(platforms, excluded),
            db_path=str(db_path),
            mode=mode,
            resume_run=resume_run,
        )
        try:
            process.start()
        finally:
            if frontier_dir is not None:
                frontier_dir.cleanup()
        stats = crawler.stats.get_stats() if crawler.stats else {}
        reason = stats.get("finish_reason", "finished")
        if "blogscout/store_error" in stats:  # also when the last batches failed, after the last item
            reason = stats["finish_reason"] = STORE_FAILED
        status = "interrupted" if reason in ("shutdown", STORE_FAILED) else "finished"
        try:
            db = dbmod.connect(db_path)
            dbmod.finish_run(db, run_id, status, stats)
            db.conn.close()
        except sqlite3.OperationalError:
            if reason != STORE_FAILED:
                raise
        if reason == STORE_FAILED:
            raise StoreError(
                f"--db {db_path}: the database stopped taking writes ({stats.get('blogscout/store_error')}); "
                f"make room, then continue with: blogscout crawl --resume --db {db_path}"
            )
    return CrawlResult(run_id, status, stats, time.monotonic() - started)


def summary(db_path: str | Path, result: CrawlResult) -> list[tuple[str, str]]:
    """(label, value) lines describing a finished run."""
    db = dbmod.connect(db_path, create=False)
    stats = result.stats
    run = result.run_id
    sites = db.execute("SELECT role, count(*) FROM sites WHERE run_id = ? GROUP BY role", [run]).fetchall()
    by_role = dict(sites)
    errors = db.execute(
        "SELECT kind, count(*) FROM fetch_errors WHERE run_id = ? GROUP BY kind ORDER BY 2 DESC", [run]
    ).fetchall()
    pages = stats.get("blogscout/pages", 0)
    lines = [
        ("run", f"{run} ({result.status})"),
        ("pages fetched", str(pages)),
        ("feeds read", str(stats.get("blogscout/feeds", 0))),
        ("sites discovered", str(sum(by_role.values()))),
        ("seeds", str(by_role.get("seed", 0))),
        ("candidates", str(by_role.get("candidate", 0))),
        ("platforms skipped", str(by_role.get("platform", 0))),
        ("excluded", str(by_role.get("excluded", 0))),
        ("errors", ", ".join(f"{k} {n}" for k, n in errors) or "none"),
        ("robots.txt refusals", str(stats.get("robotstxt/forbidden", 0))),
        ("non-HTML skipped", str(stats.get("blogscout/skipped_non_html", 0))),
        ("elapsed", f"{result.elapsed:.1f} s ({pages / max(result.elapsed, 1e-9):.1f} pages/s)"),
    ]
    db.conn.close()
    return lines
