"""What storing a page costs: the pages of a crawl database written again, timed per statement.

Reads every page of a crawl database (with its links and contacts) as the crawl's `PageItem`s,
writes them into a new database through `crawler.storage.writes` in batches of 40 (as the crawl's
writer thread does) and prints the milliseconds per page, in all and per SQL statement.

Usage::

    python benchmarks/store_cost.py CRAWL.db
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crawler.items import PageItem  # noqa: E402
from crawler.storage import db as dbmod  # noqa: E402
from crawler.storage import writes  # noqa: E402

BATCH = 40


class TimedConnection:
    """A sqlite3 connection that adds each statement's time to `timings`, keyed by its start."""

    def __init__(self, conn: sqlite3.Connection, timings: Counter):
        self.conn, self.timings = conn, timings

    def execute(self, sql, *args):
        started = time.perf_counter()
        result = self.conn.execute(sql, *args)
        self.timings[" ".join(sql.split())[:50]] += time.perf_counter() - started
        return result

    def executemany(self, sql, *args):
        started = time.perf_counter()
        result = self.conn.executemany(sql, *args)
        self.timings[" ".join(sql.split())[:50]] += time.perf_counter() - started
        return result


def read_items(path: Path) -> tuple[list[PageItem], list[tuple]]:
    src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    links, contacts = defaultdict(list), defaultdict(list)
    for from_url, url, kind, anchor, rel in src.execute("SELECT from_url, to_url, kind, anchor, rel FROM links"):
        links[from_url].append((url, kind, anchor or "", rel or ""))
    for source, kind, value in src.execute("SELECT source_url, kind, value FROM contacts"):
        contacts[source].append((kind, value))
    items = [
        PageItem(
            url=url,
            site=site,
            status=status,
            page_kind=kind,
            title=title or "",
            language=language or "",
            published=published or "",
            text=text or "",
            content_hash=content_hash or "",
            links=links[url],
            contacts=contacts[url],
            follow=json.loads(follow) if follow else [],
            fetch_interval=1.0,
        )
        for url, site, status, kind, title, language, published, text, content_hash, follow in src.execute(
            "SELECT url, site, status, page_kind, title, language, published, text, content_hash, follow FROM pages"
        )
    ]
    sites = src.execute("SELECT site, home_url, role, hops FROM sites").fetchall()
    return items, sites


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path, help="a crawl database")
    args = parser.parse_args()
    items, sites = read_items(args.db)
    with tempfile.TemporaryDirectory() as tmp:
        db = dbmod.connect(Path(tmp) / "store.db")
        run_id = dbmod.start_run(db, "crawl", [], {})
        with db.conn:
            db.conn.executemany(
                "INSERT OR IGNORE INTO sites (site, home_url, role, hops, run_id) VALUES (?, ?, ?, ?, ?)",
                [(*row, run_id) for row in sites],
            )
        timings: Counter = Counter()
        timed = TimedConnection(db.conn, timings)
        started = time.perf_counter()
        for i in range(0, len(items), BATCH):
            with db.conn:
                for item in items[i : i + BATCH]:
                    writes._write_page(timed, run_id, item)  # the writer's per-page step, timed per statement
        total = time.perf_counter() - started
        db.conn.close()
    print(f"{len(items)} pages: {1000 * total / len(items):.3f} ms a page in all")
    for sql, seconds in timings.most_common():
        print(f"  {1000 * seconds / len(items):.3f} ms  {sql}")


if __name__ == "__main__":
    main()
