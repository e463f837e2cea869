"""Distributed crawls: the coordinating crawl (seeds, one worker, the single writer) and workers."""

from __future__ import annotations

import json
import logging
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import redis

from crawler.distributed.scheduler import redis_downloader_middlewares, redis_settings
from crawler.distributed.state import CURRENT_KEY, Keys, RedisSet, RedisSites, connect, live_workers
from crawler.distributed.writer import ItemWriter
from crawler.errors import BlogscoutError
from crawler.extract.urls import Platforms
from crawler.spiders.blogs import BlogSpider
from crawler.spiders.runner import CrawlOptions, CrawlResult, build_settings, load_excluded, scrapy_process
from crawler.storage import db as dbmod
from crawler.storage.lock import CrawlLock
from crawler.storage.writes import update_site_counts

log = logging.getLogger(__name__)


class DistributedError(BlogscoutError):
    """Redis cannot be reached, or another distributed crawl holds it."""


def redacted(url: str) -> str:
    """The Redis URL with its password as ``***``: fit for messages and the runs table."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = f"{parts.username or ''}:***@{parts.netloc.rpartition('@')[2]}"
    return urlunsplit(parts._replace(netloc=netloc))


def _client(url: str) -> redis.Redis:
    try:
        return connect(url)
    except redis.AuthenticationError as err:
        problem = "refused the password in the URL" if urlsplit(url).password else "requires a password"
        raise DistributedError(
            f"--redis {redacted(url)}: Redis {problem}; give it as redis://:PASSWORD@host:6379/0"
        ) from err
    except (redis.RedisError, ValueError) as err:
        raise DistributedError(
            f"--redis {redacted(url)}: cannot connect ({err}); start redis-server or fix the URL"
        ) from err


def _settings(db_path, run_id, options: CrawlOptions, redis_url: str, namespace: str, quiet: bool, worker: str):
    settings = build_settings(db_path, run_id, options, quiet)
    middlewares = redis_downloader_middlewares(settings.getdict("DOWNLOADER_MIDDLEWARES"))
    for key, value in redis_settings(redis_url, namespace).items():
        if key == "SPIDER_MIDDLEWARES":
            value = {**settings.getdict(key), **value}
        settings.set(key, value, priority="cmdline")
    settings.set("DOWNLOADER_MIDDLEWARES", middlewares, priority="cmdline")
    settings.set("BLOGSCOUT_WORKER_NAME", worker, priority="cmdline")
    return settings


def _crawl(settings, client, keys: Keys, spider_kwargs: dict):
    """Run one worker's crawl in this process; return its crawler."""
    process = scrapy_process(settings)
    crawler = process.create_crawler(BlogSpider)
    process.crawl(crawler, sites=RedisSites(client, keys), seen=RedisSet(client, keys.seen), **spider_kwargs)
    process.start()
    return crawler


def run_coordinator(
    db_path: str | Path, options: CrawlOptions, redis_url: str, *, quiet: bool = False, wait_workers: float = 600
) -> CrawlResult:
    """Start a distributed crawl: seed the shared queue, crawl as one worker, write every item."""
    client = _client(redis_url)
    if _running_crawl(client):
        raise DistributedError(
            f"--redis {redacted(redis_url)}: another distributed crawl is running there; "
            f"wait for it or use another Redis database (…/1)"
        )
    with CrawlLock(db_path):
        db = dbmod.connect(db_path)
        record = {**options.as_record(), "redis": redacted(redis_url)}
        run_id = dbmod.start_run(db, "crawl", options.seeds, record)
        db.conn.close()
        keys = Keys(f"blogscout:{uuid.uuid4().hex[:12]}")
        platforms = Platforms.load(*options.platforms_files)
        excluded = load_excluded(options.exclude_files)
        client.set(
            CURRENT_KEY,
            json.dumps(
                {
                    "namespace": keys.ns,
                    "options": options.as_record(),
                    "platforms": platforms.entries,
                    "excluded": sorted(excluded),
                    "run_id": run_id,
                }
            ),
        )
        writer = ItemWriter(str(db_path), run_id, client, keys.items)
        writer.start()
        started = time.monotonic()
        try:
            settings = _settings(db_path, run_id, options, redis_url, keys.ns, quiet, "coordinator")
            crawler = _crawl(
                settings,
                client,
                keys,
                dict(options.spider_args(platforms, excluded), after_start=lambda: client.set(keys.seeded, 1)),
            )
            _wait_for_workers(client, keys, wait_workers)
        finally:
            client.set(keys.state, "done")
            writer.stop()
        stats = _merged_stats(client, keys)
        status = "interrupted" if crawler.stats.get_value("finish_reason") == "shutdown" or writer.error else "finished"
        db = dbmod.connect(db_path)
        update_site_counts(db, run_id)
        dbmod.finish_run(db, run_id, status, stats)
        db.conn.close()
        _cleanup(client, keys)
    return CrawlResult(run_id, status, stats, time.monotonic() - started)


def _wait_for_workers(client, keys: Keys, timeout: float) -> None:
    """Wait until every other worker has finished (or stopped beating)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        alive, _ = live_workers(client, keys)
        if not alive:
            return
        time.sleep(0.2)
    log.warning("gave up waiting for workers %s", ", ".join(live_workers(client, keys)[0]))


def _merged_stats(client, keys: Keys) -> dict:
    """Numeric Scrapy stats of all workers, summed."""
    total: dict = {"blogscout/workers": 0}
    for raw in client.hvals(keys.stats):
        total["blogscout/workers"] += 1
        for key, value in json.loads(raw).items():
            total[key] = total.get(key, 0) + value
    total["finish_reason"] = "finished"
    return total


def _cleanup(client, keys: Keys) -> None:
    names = list(client.scan_iter(match=f"{keys.ns}:*", count=1000))
    for start in range(0, len(names), 500):
        client.delete(*names[start : start + 500])
    current = client.get(CURRENT_KEY)
    if current and json.loads(current)["namespace"] == keys.ns:
        client.delete(CURRENT_KEY)


def _running_crawl(client) -> bytes | None:
    """The announced crawl if its coordinator is alive (a killed one leaves a stale announcement)."""
    current = client.get(CURRENT_KEY)
    if not current:
        return None
    alive, _ = live_workers(client, Keys(json.loads(current)["namespace"]))
    return current if any(w.startswith("coordinator-") for w in alive) else None


def run_worker(redis_url: str, *, wait: float = 60, quiet: bool = False) -> dict:
    """Join the distributed crawl announced in Redis and work until its queue is empty."""
    client = _client(redis_url)
    deadline = time.monotonic() + wait
    while not (current := _running_crawl(client)):
        if time.monotonic() > deadline:
            raise DistributedError(
                f"--redis {redacted(redis_url)}: no distributed crawl to join; start one with "
                f"'blogscout crawl --redis {redacted(redis_url)} URL...'"
            )
        time.sleep(0.2)
    config = json.loads(current)
    keys = Keys(config["namespace"])
    stored = config["options"]
    options = CrawlOptions(seeds=[], **{k: v for k, v in stored.items() if k in CrawlOptions.__dataclass_fields__})
    settings = _settings("", config["run_id"], options, redis_url, keys.ns, quiet, "worker")
    crawler = _crawl(
        settings,
        client,
        keys,
        options.spider_args(Platforms(config["platforms"]), frozenset(config["excluded"])),
    )
    return crawler.stats.get_stats()
