"""The ceiling: a bare Scrapy spider that only fetches pages and follows their links.

Links come from parsel (``a::attr(href)``), are joined, stripped of fragments and de-duplicated
in the spider before a request is created (the cheap way: a `Request` per link that Scrapy's
duplicate filter drops costs ~115 µs a link). No item pipeline, no extraction. It stops creating
requests after ``--pages`` requests. Prints the crawl's stats as JSON on stdout.

Usage::

    http_proxy=http://127.0.0.1:PORT python benchmarks/bare_spider.py --pages 3000 URL...
"""

from __future__ import annotations

import argparse
import json
import os
import sys

os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

import scrapy
from scrapy.crawler import CrawlerProcess

SETTINGS = {
    "ROBOTSTXT_OBEY": False,
    "CONCURRENT_REQUESTS": 32,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "COOKIES_ENABLED": False,
    "TELNETCONSOLE_ENABLED": False,
    "REMOTE_CONTROL_ENABLED": False,
    "LOG_LEVEL": "WARNING",
    "STATS_DUMP": False,
}


class BareSpider(scrapy.Spider):
    """Fetch, extract hrefs with parsel, follow http links not seen before."""

    name = "bare"

    def __init__(self, seeds=(), pages: int = 3000, **kwargs):
        super().__init__(**kwargs)
        self.seeds = list(seeds)
        self.pages = int(pages)
        self.seen: set[str] = set()

    async def start(self):
        for url in self.seeds:
            self.seen.add(url)
            yield scrapy.Request(url, callback=self.parse)

    def parse(self, response):
        if not isinstance(response, scrapy.http.TextResponse):
            return
        for href in response.css("a::attr(href)").getall():
            if len(self.seen) >= self.pages:
                return
            url = response.urljoin(href).split("#", 1)[0]
            if url.startswith("http://") and url not in self.seen:
                self.seen.add(url)
                yield scrapy.Request(url, callback=self.parse)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seeds", nargs="+")
    parser.add_argument("--pages", type=int, default=3000)
    parser.add_argument(
        "--set",
        dest="settings",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="override a Scrapy setting (e.g. CONCURRENT_ITEMS=4)",
    )
    args = parser.parse_args()
    process = CrawlerProcess({**SETTINGS, **dict(kv.split("=", 1) for kv in args.settings)})
    crawler = process.create_crawler(BareSpider)
    process.crawl(crawler, seeds=args.seeds, pages=args.pages)
    process.start()
    stats = crawler.stats.get_stats()
    json.dump({k: v for k, v in stats.items() if isinstance(v, (int, float, str))}, sys.stdout, default=str)


if __name__ == "__main__":
    main()
