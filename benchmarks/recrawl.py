"""Re-crawl cost: requests and wall time of a re-crawl of an unchanged sandbox versus the first crawl.

Each round serves a generated world on 127.0.0.1, crawls it from its seeds into a fresh database
(`blogscout crawl`, politeness lifted for loopback), then re-crawls it unchanged
(`blogscout recrawl`, which also ranks and records a ranking snapshot: its whole-command time
includes that). Both crawls wait ~3 s for the world's deliberately slow host. Requests are counted at the
sandbox proxy; pages parsed come from the run's stats. Medians over the rounds, both measured
side by side in the same rounds.

``--polite`` crawls with politeness as shipped (1 s a host) instead; ``--full`` re-crawls with
``recrawl --full`` (every known page asked) for comparison.

Usage::

    python benchmarks/recrawl.py [--blogs 80] [--rounds 3] [--world 1] [--polite] [--full]
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crawler.sandbox.server import SandboxServer  # noqa: E402
from crawler.sandbox.world import generate_world  # noqa: E402

FAST = ["--set", "DOWNLOAD_DELAY=0", "--set", "AUTOTHROTTLE_ENABLED=false", "--set", "CONCURRENT_REQUESTS=32"]


def timed(args: list[str], proxy: str) -> float:
    env = {**os.environ, "http_proxy": proxy}
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "crawler", *args],
        check=True,
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


def one_round(world_seed: int, blogs: int, polite: bool = False, full: bool = False) -> dict:
    world = generate_world(seed=world_seed, n_blogs=blogs)
    with SandboxServer(world) as server, tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        first_s = timed(
            ["crawl", *world.seeds, "--db", str(db), "--quiet", *([] if polite else FAST)], server.proxy_url
        )
        first = Counter(status for _, _, status in server.requests)
        server.clear_requests()
        # recrawl repeats the stored options (FAST included) and ranks afterwards
        second_s = timed(["recrawl", "--db", str(db), "--quiet", *(["--full"] if full else [])], server.proxy_url)
        second = Counter(status for _, _, status in server.requests)
        conn = sqlite3.connect(db)
        stats = [json.loads(s) for (s,) in conn.execute("SELECT stats FROM runs ORDER BY id")]
        conn.close()
    return {
        "first_s": first_s,
        "second_s": second_s,
        "first_requests": sum(first.values()),
        "second_requests": sum(second.values()),
        "second_304": second[304],
        "first_parsed": stats[0].get("blogscout/pages", 0),
        "second_parsed": stats[1].get("blogscout/pages", 0),
        "second_bytes": stats[1].get("downloader/response_bytes", 0),
        "first_bytes": stats[0].get("downloader/response_bytes", 0),
        "first_crawl_s": stats[0].get("elapsed_time_seconds", 0),
        "second_crawl_s": stats[1].get("elapsed_time_seconds", 0),
        "second_settled": stats[1].get("blogscout/settled_posts", 0),
        "second_not_due": stats[1].get("blogscout/not_due", 0),
        "second_robots_reused": stats[1].get("blogscout/robots_reused", 0),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--blogs", type=int, default=80)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--world", type=int, default=1)
    parser.add_argument("--polite", action="store_true", help="politeness as shipped (1 s a host)")
    parser.add_argument("--full", action="store_true", help="re-crawl with recrawl --full")
    args = parser.parse_args()
    rounds = [one_round(args.world, args.blogs, args.polite, args.full) for _ in range(args.rounds)]
    med = {k: statistics.median(r[k] for r in rounds) for k in rounds[0]}
    mode = "politeness as shipped" if args.polite else "politeness lifted"
    print(
        f"world {args.world}, {args.blogs} blogs, {args.rounds} rounds (medians), {mode}, recrawl{' --full' * args.full}"
    )
    print(f"load average {os.getloadavg()[0]:.1f}\n")
    print("| | first crawl | unchanged re-crawl | ratio |")
    print("|---|---:|---:|---:|")
    print(
        f"| requests | {med['first_requests']:.0f} | {med['second_requests']:.0f} | {med['second_requests'] / med['first_requests']:.2f} |"
    )
    print(f"| of which 304 Not Modified | - | {med['second_304']:.0f} | |")
    print(
        f"| pages parsed | {med['first_parsed']:.0f} | {med['second_parsed']:.0f} | {med['second_parsed'] / max(med['first_parsed'], 1):.2f} |"
    )
    print(
        f"| response bytes | {med['first_bytes']:.0f} | {med['second_bytes']:.0f} | {med['second_bytes'] / max(med['first_bytes'], 1):.2f} |"
    )
    print(f"| known posts replayed without a request | - | {med['second_settled']:.0f} | |")
    print(f"| pages not due, replayed without a request | - | {med['second_not_due']:.0f} | |")
    print(f"| robots.txt reused from the first crawl | - | {med['second_robots_reused']:.0f} | |")
    print(
        f"| crawl time (s, Scrapy engine) | {med['first_crawl_s']:.2f} | {med['second_crawl_s']:.2f} | {med['second_crawl_s'] / med['first_crawl_s']:.2f} |"
    )
    print(
        f"| wall time (s, whole command) | {med['first_s']:.2f} | {med['second_s']:.2f} | {med['second_s'] / med['first_s']:.2f} |"
    )


if __name__ == "__main__":
    main()
