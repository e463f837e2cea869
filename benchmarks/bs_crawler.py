"""What a user would otherwise write: a sequential requests + BeautifulSoup crawler.

One `requests.Session` (keep-alive, ``http_proxy`` from the environment), BeautifulSoup with the
standard library's ``html.parser``, a FIFO frontier de-duplicated before queueing, ``--pages``
requests at most. Prints its counts as JSON on stdout.

Usage::

    http_proxy=http://127.0.0.1:PORT python benchmarks/bs_crawler.py --pages 3000 URL...
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import deque
from urllib.parse import urljoin

import requests
from bs4 import BeautifulSoup


def crawl(seeds: list[str], pages: int, timeout: float = 10.0) -> dict:
    session = requests.Session()
    queue = deque(seeds)
    seen = set(seeds)
    fetched = errors = 0
    started = time.perf_counter()
    while queue:
        url = queue.popleft()
        try:
            resp = session.get(url, timeout=timeout)
        except requests.RequestException:
            errors += 1
            continue
        fetched += 1
        if "html" not in resp.headers.get("Content-Type", ""):
            continue
        soup = BeautifulSoup(resp.text, "html.parser")
        for a in soup.find_all("a", href=True):
            if len(seen) >= pages:
                break
            link = urljoin(resp.url, a["href"]).split("#", 1)[0]
            if link.startswith("http://") and link not in seen:
                seen.add(link)
                queue.append(link)
    return {"response_count": fetched, "errors": errors, "elapsed": time.perf_counter() - started}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seeds", nargs="+")
    parser.add_argument("--pages", type=int, default=3000)
    args = parser.parse_args()
    json.dump(crawl(args.seeds, args.pages), sys.stdout)


if __name__ == "__main__":
    main()
