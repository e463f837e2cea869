"""A first crawl against the limit its politeness allows: wall time / (busiest host + hop chain).

With a per-host delay ``d`` no crawl is faster than its busiest host: a host that gets ``n``
requests (robots.txt included) ``k`` links away from the seeds cannot see its last request
before ``(k + n - 1) * d`` (each hop costs at least one spaced request on the host that links
onward), plus the answer time of that last request. The bound is the largest of these over all
hosts, computed from the crawl's own request log (``BLOGSCOUT_REQUEST_LOG``). The crawl runs with
politeness as shipped (DOWNLOAD_DELAY 1 s, AutoThrottle, 2 requests per host) against a generated
world served on 127.0.0.1; its slow host answers after ~3 s.

Usage::

    python benchmarks/politeness.py [--blogs 100] [--world 1] [--rounds 1] [--set NAME=VALUE ...]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crawler.sandbox.server import SandboxServer  # noqa: E402
from crawler.sandbox.world import generate_world  # noqa: E402


def read_log(path: Path) -> tuple[list[dict], float, float]:
    """(responses, wall-clock time the spider opened, seconds from opening to closing)."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    opened = next((r["opened"] for r in rows if "opened" in r), 0.0)
    closed = next((r["closed"] for r in rows if "closed" in r), 0.0)
    return [r for r in rows if "url" in r], opened, closed


def bound(rows: list[dict], delay: float) -> tuple[float, str]:
    """(seconds, host) of the politeness bound of a crawl's request log."""
    by_host: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        if not row.get("stored"):
            by_host[urlsplit(row["url"]).netloc].append(row)
    best, busiest = 0.0, ""
    for host, reqs in by_host.items():
        hops = min((r["hops"] for r in reqs if r.get("hops") is not None), default=0)
        last = max(reqs, key=lambda r: r["sent"])
        limit = (hops + len(reqs) - 1) * delay + (last["done"] - last["sent"])
        if limit > best:
            best, busiest = limit, f"{host} ({len(reqs)} requests, {hops} hops)"
    return best, busiest


def where_time_goes(rows: list[dict], delay: float) -> dict:
    """Gaps between a host's requests, when hosts start and finish."""
    by_host: dict[str, list[float]] = defaultdict(list)
    for row in rows:
        by_host[urlsplit(row["url"]).netloc].append(row["sent"])
    gaps = []
    for times in by_host.values():
        times.sort()
        gaps += [b - a for a, b in zip(times, times[1:])]
    firsts = sorted(t[0] for t in by_host.values())
    lasts = sorted(t[-1] for t in by_host.values())
    return {
        "hosts": len(by_host),
        "first_request_s": firsts[0] if firsts else 0.0,
        "median_gap_s": statistics.median(gaps) if gaps else 0.0,
        "p90_gap_s": statistics.quantiles(gaps, n=10)[-1] if len(gaps) > 10 else 0.0,
        "gaps_over_2d": sum(g > 2 * delay for g in gaps),
        "last_host_started_s": firsts[-1] if firsts else 0.0,
        "median_host_done_s": statistics.median(lasts) if lasts else 0.0,
        "last_request_s": max((r["sent"] for r in rows), default=0.0),
    }


def one_round(world_seed: int, blogs: int, extra: list[str], delay: float, keep: str = "") -> dict:
    world = generate_world(seed=world_seed, n_blogs=blogs)
    with SandboxServer(world) as server, tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "requests.jsonl"
        args = ["crawl", *world.seeds, "--db", str(Path(tmp) / "b.db"), "--quiet"]
        args += ["--set", f"BLOGSCOUT_REQUEST_LOG={log}", *extra]
        started = time.time()
        subprocess.run(
            [sys.executable, "-m", "crawler", *args],
            check=True,
            cwd=ROOT,
            env={**os.environ, "http_proxy": server.proxy_url},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wall = time.time() - started
        rows, opened, closed = read_log(log)
        if keep:
            Path(keep).write_text(log.read_text(encoding="utf-8"), encoding="utf-8")
    limit, busiest = bound(rows, delay)
    crawl_s = max((r["done"] for r in rows), default=0.0)
    phases = {
        "startup_s": opened - started,  # process start to spider opened
        "tail_s": closed - crawl_s,  # last answer to spider closed
        "shutdown_s": wall - (opened - started) - closed,  # spider closed to process exit
    }
    summary = {"wall_s": wall, "crawl_s": crawl_s, "bound_s": limit, "busiest": busiest, "requests": len(rows)}
    return summary | phases | where_time_goes(rows, delay)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--blogs", type=int, default=100)
    parser.add_argument("--world", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--delay", type=float, default=1.0, help="the per-host delay the crawl runs with")
    parser.add_argument("--keep-log", default="", help="copy the last round's request log here")
    parser.add_argument("--set", dest="extra", action="append", default=[], help="a Scrapy setting NAME=VALUE")
    args = parser.parse_args()
    extra = [x for pair in args.extra for x in ("--set", pair)]
    rounds = [one_round(args.world, args.blogs, extra, args.delay, args.keep_log) for _ in range(args.rounds)]
    print(f"world {args.world}, {args.blogs} blogs, {args.rounds} round(s), load average {os.getloadavg()[0]:.1f}")
    for r in rounds:
        print(json.dumps({k: round(v, 2) if isinstance(v, float) else v for k, v in r.items()}))
    med = {k: statistics.median(r[k] for r in rounds) for k in ("wall_s", "crawl_s", "bound_s")}
    print(
        f"\nmedian: wall {med['wall_s']:.1f} s, crawl {med['crawl_s']:.1f} s, bound {med['bound_s']:.1f} s; "
        f"wall/bound {med['wall_s'] / med['bound_s']:.2f}, crawl/bound {med['crawl_s'] / med['bound_s']:.2f}"
    )


if __name__ == "__main__":
    main()
