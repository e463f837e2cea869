"""Every default of blogscout, written once: the project files, the crawl's limits, the settings.

`SETTINGS` declares each ``BLOGSCOUT_*`` Scrapy setting with its default and help
(`crawler.settings` takes the defaults from here; ``--set NAME=VALUE`` changes them for a crawl);
`ENVIRONMENT` declares the ``BLOGSCOUT_*`` environment variables. The README lists both, and a
test fails when a ``BLOGSCOUT_*`` name used in the code is missing here or there.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

DATABASE = "data/blogscout.db"  # the project database of every command's --db
EXPORT = "partners.csv"  # the partner export of `rank` and `run`
TOP = 20  # rows of the ranking printed as a table

HOPS = 2  # follow blog links this many hops from the seeds
MAX_PAGES_PER_SITE = 40  # page budget of a seed site
CANDIDATE_PAGES = 8  # page budget of a candidate site
MAX_PAGES = 0  # pages of a whole crawl; 0: no limit


@dataclass(frozen=True)
class Setting:
    """One declared setting: its name, its default and what it does."""

    name: str
    default: Any
    help: str


def _table(*settings: Setting) -> dict[str, Setting]:
    return {s.name: s for s in settings}


SETTINGS = _table(
    Setting("BLOGSCOUT_DB", DATABASE, "SQLite database the crawl writes (set from --db)."),
    Setting("BLOGSCOUT_RUN_ID", None, "Id of the crawl run the stored rows belong to (set by the crawl)."),
    Setting("BLOGSCOUT_ALLOW_PRIVATE", False, "Fetch private and loopback addresses (set from --allow-private)."),
    Setting("BLOGSCOUT_PROGRESS_INTERVAL", 5.0, "Seconds between progress lines; 0: none (--quiet)."),
    Setting("BLOGSCOUT_BATCH_SIZE", 500, "Items written to SQLite in one transaction."),
    Setting("BLOGSCOUT_FLUSH_SECONDS", 2.0, "Longest wait before a partly filled batch is written."),
    Setting("BLOGSCOUT_DISK_QUEUE", True, "Pending requests wait in a temporary directory instead of RAM."),
    Setting("BLOGSCOUT_QUEUE_IN_MEMORY", 10_000, "Pending requests kept in RAM before the rest go to disk."),
    Setting(
        "BLOGSCOUT_EXTRACT_WORKERS", -1, "Processes that parse pages; -1: one on a machine with two cores, 0: none."
    ),
    Setting("BLOGSCOUT_ROBOTS_PARSERS", 5_000, "robots.txt parsers kept in memory (of the most recent hosts)."),
    Setting("BLOGSCOUT_ROBOTS_MAXSIZE", 512 * 1024, "Bytes of a robots.txt read and obeyed; the rest is dropped."),
    Setting("BLOGSCOUT_HEADERS_MAXSIZE", 256 * 1024, "Bytes of response headers; beyond: error too_large."),
    Setting("BLOGSCOUT_HEADERS_MAXCOUNT", 1_000, "Response header lines; beyond: error too_large."),
    Setting(
        "BLOGSCOUT_REQUEST_LOG",
        None,
        "File for one JSON line per download (sent, answered, priority, linking page): for benchmarks.",
    ),
    Setting(
        "BLOGSCOUT_ROBOTS_REUSE_HOURS",
        24.0,
        "A robots.txt fetched this many hours ago is reused (RFC 9309 allows 24); 0: never.",
    ),
    Setting("BLOGSCOUT_REDIS_HEARTBEAT", 10, "Seconds of silence after which a distributed worker counts as lost."),
    Setting("BLOGSCOUT_REDIS_NAMESPACE", None, "Redis key prefix of a distributed crawl (set by the crawl)."),
    Setting("BLOGSCOUT_WORKER_NAME", None, "Name of a distributed worker in Redis (set by the crawl)."),
)

ENVIRONMENT = _table(
    Setting("BLOGSCOUT_REALPAGES", "../shared/realpages", "Folder of saved real pages the extraction tests read."),
    Setting("BLOGSCOUT_KILL_SEED", 20240630, "Random seed of the test that kills a crawl at a random moment."),
    Setting("BLOGSCOUT_NETGUARD", None, "Set to 1 by the tests: Python processes refuse non-loopback addresses."),
)


def setting_defaults() -> dict[str, Any]:
    """``{name: default}`` of every ``BLOGSCOUT_*`` Scrapy setting."""
    return {name: s.default for name, s in SETTINGS.items()}
