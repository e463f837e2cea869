"""Extraction in worker processes: same results as in-process, no orphans, survives a dead worker."""

import asyncio
import os
import signal
import subprocess
import sys
import time
from dataclasses import asdict

from crawler.engine.workers import ExtractionPool, crawled_feed
from crawler.extract.page import extract_page, parse_feed
from crawler.extract.urls import Platforms

PAGE = (
    "<html lang='de'><head><title>Kaffee &amp; Content</title>"
    "<link rel='alternate' type='application/rss+xml' href='/feed/'></head><body>"
    "<nav><a href='/ueber-mich/'>Über mich</a><a href='/impressum/'>Impressum</a></nav>"
    "<article><div class='entry-content'><p>"
    + "Content-Marketing für kleine Röstereien. "
    * 20
    + "</p><a href='https://anna-schreibt.de/'>Anna</a></div></article>"
    "<aside class='widget widget_links'><h2>Blogroll</h2><ul><li><a href='https://ben.blog/'>Ben</a></li>"
    "</ul></aside><p>Kontakt: info@roesterei-blog.de</p></body></html>"
).encode()
FEED = (
    b"<?xml version='1.0'?><rss version='2.0'><channel><title>R</title>"
    b"<item><title>Neu</title><link>https://roesterei-blog.de/neu/</link>"
    b"<pubDate>Mon, 02 Nov 2026 10:00:00 +0000</pubDate></item></channel></rss>"
)


def run(coro):
    return asyncio.run(coro)


def gone(pid: int, deadline: float = 10.0) -> bool:
    """True once no process `pid` exists (reaped or vanished), polling until the deadline."""
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.05)
    return False


def test_worker_results_equal_in_process_extraction():
    platforms = Platforms.load()
    pool = ExtractionPool(2, platforms).start()

    async def both():
        pages = await asyncio.gather(
            *(pool.extract(PAGE, f"https://roesterei-blog.de/{i}/", "utf-8") for i in range(6))
        )
        feed = await pool.feed(FEED, "https://roesterei-blog.de/feed/")
        pool.close()  # as the spider does: while the loop runs
        return pages, feed

    pages, feed = run(both())
    expected = [
        asdict(extract_page(PAGE, f"https://roesterei-blog.de/{i}/", encoding="utf-8", platforms=platforms))
        for i in range(6)
    ]
    assert [asdict(p) for p in pages] == expected
    assert any(link["kind"] == "blogroll" for link in expected[0]["links"])
    assert feed == crawled_feed(FEED, "https://roesterei-blog.de/feed/")
    assert [e.url for e in feed.entries] == ["https://roesterei-blog.de/neu/"]


def test_crawled_feed_keeps_the_first_entries_with_canonical_urls():
    items = "".join(
        f"<item><title>P{i}</title><link>HTTPS://Roesterei-Blog.de/p/{i}/?utm_source=rss</link></item>"
        for i in range(120)
    )
    feed = crawled_feed(
        f"<rss version='2.0'><channel><title>R</title>{items}</channel></rss>".encode(),
        "https://roesterei-blog.de/feed/",
    )
    assert len(feed.entries) == 100
    assert feed.entries[0].url == "https://roesterei-blog.de/p/0/"
    assert len(parse_feed(FEED, "https://roesterei-blog.de/feed/").entries) == 1


def test_dead_worker_is_replaced_by_in_process_extraction(caplog):
    pool = ExtractionPool(1, Platforms.load()).start()
    worker = pool._pool[0]

    async def crawl():
        first = await pool.extract(PAGE, "https://roesterei-blog.de/", None)
        worker.proc.send_signal(signal.SIGKILL)
        worker.proc.wait()
        await asyncio.sleep(0.05)  # the loop notices the closed pipe
        second = await pool.extract(PAGE, "https://roesterei-blog.de/", None)
        pool.close()
        return first, second

    first, second = run(crawl())
    assert first.title == second.title == "Kaffee & Content"
    assert not worker.alive


def test_close_ends_the_workers():
    pool = ExtractionPool(2, Platforms.load()).start()
    pids = [w.proc.pid for w in pool._pool]

    async def crawl():
        await pool.extract(PAGE, "https://roesterei-blog.de/", None)
        pool.close()

    run(crawl())
    assert all(gone(pid) for pid in pids)


def test_worker_ends_when_the_crawl_process_is_killed(tmp_path):
    script = (
        "import asyncio, sys, time\n"
        "from crawler.extract.urls import Platforms\n"
        "from crawler.engine.workers import ExtractionPool, crawled_feed\n"
        "pool = ExtractionPool(1, Platforms.load()).start()\n"
        "asyncio.run(pool.extract(b'<title>x</title>', 'http://a.de/', None))\n"
        "print(pool._pool[0].proc.pid, flush=True)\n"
        "time.sleep(60)\n"
    )
    crawl = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    worker_pid = int(crawl.stdout.readline())
    crawl.stdout.close()
    crawl.send_signal(signal.SIGKILL)
    crawl.wait()
    assert gone(worker_pid)


def test_empty_pool_extracts_in_process():
    pool = ExtractionPool(0, Platforms.load()).start()
    assert pool._pool == []
    assert run(pool.extract(b"", "https://a.de/", None)).title == ""
    pool.close()
