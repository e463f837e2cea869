"""Crawl throughput on one machine: blogscout versus a bare Scrapy spider versus requests + BeautifulSoup.

One command: generates a sandbox world (`crawler.sandbox.generate_world`), pre-renders it to files
and serves them with nginx as a loopback HTTP proxy (`benchmarks/staticweb.py`; the Python sandbox
server would be the bottleneck), measures the server alone, then runs side by side in every round,
each in its own process with the same page budget:

(a) ``bare``: a Scrapy spider that only fetches pages and follows links (parsel, de-duplicated
    before requests are made): the ceiling of Scrapy on this machine (`benchmarks/bare_spider.py`);
(b) ``blogscout``: the real ``blogscout crawl`` (robots.txt obeyed, SQLite written, extraction
    and all) with politeness lifted: no delay, no AutoThrottle, 32 concurrent requests, 8 per host
    (Scrapy's defaults for the bare spider);
(c) ``requests+bs4``: a sequential requests + BeautifulSoup(html.parser) crawler
    (`benchmarks/bs_crawler.py`).

Pages are responses other than robots.txt (blogscout also fetches one robots.txt per host: that
time counts against it). pages/s is pages over the crawl's own elapsed time (Scrapy's engine time;
the loop time for requests + bs4); "wall" is the whole command including start-up. CPU% is the
crawl process tree's user + system time over its wall time (100% = one core); CPU ms per page is
that CPU time over the pages (stored pages for blogscout). Peak RSS is the
largest resident size of the process tree. Medians over the rounds; ratios are to the bare spider's
median.

Usage::

    python benchmarks/throughput.py [--blogs 1000] [--pages 3000] [--rounds 5] [--world 1]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from procstat import run_measured  # noqa: E402
from staticweb import NginxWeb, rendered  # noqa: E402

from crawler.sandbox.server import SandboxServer  # noqa: E402
from crawler.sandbox.world import generate_world  # noqa: E402

# The engine settings blogscout changes that any spider could use: fewer parallel item tasks per
# response, and idle connections kept to the proxy (crawler/settings.py).
TUNED = [
    "--set",
    "CONCURRENT_ITEMS=4",
    "--set",
    'DOWNLOAD_HANDLERS={"http": "crawler.engine.handlers.PooledHTTPDownloadHandler"}',
]
FAST = [
    "--set",
    "DOWNLOAD_DELAY=0",
    "--set",
    "AUTOTHROTTLE_ENABLED=false",
    "--set",
    "CONCURRENT_REQUESTS=32",
    "--set",
    "CONCURRENT_REQUESTS_PER_DOMAIN=8",
]


# -- the server alone -------------------------------------------------------------------------


async def _load(proxy: str, urls: list[str], connections: int, seconds: float) -> int:
    """Requests answered in `seconds` by keep-alive connections sending proxy-form GETs."""
    host, port = proxy.removeprefix("http://").split(":")
    done = 0
    deadline = time.perf_counter() + seconds

    async def client(offset: int) -> None:
        nonlocal done
        reader, writer = await asyncio.open_connection(host, int(port))
        i = offset
        while time.perf_counter() < deadline:
            url = urls[i % len(urls)]
            i += connections
            hostname = url.split("/")[2]
            writer.write(f"GET {url} HTTP/1.1\r\nHost: {hostname}\r\nConnection: keep-alive\r\n\r\n".encode())
            head = await reader.readuntil(b"\r\n\r\n")
            length = 0
            for line in head.split(b"\r\n"):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            await reader.readexactly(length)
            done += 1
        writer.close()

    await asyncio.gather(*(client(k) for k in range(connections)))
    return done


def server_alone(proxy: str, urls: list[str], seconds: float = 3.0, connections: int = 16) -> float:
    """Requests/s a server answers to one Python load client (a lower bound for fast servers)."""
    started = time.perf_counter()
    done = asyncio.run(_load(proxy, urls, connections, seconds))
    return done / (time.perf_counter() - started)


# -- the three crawlers -----------------------------------------------------------------------


def _env(proxy: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k.lower() not in ("http_proxy", "https_proxy", "no_proxy")}
    env["http_proxy"] = proxy
    return env


def run_bare(proxy: str, seeds: list[str], pages: int, extra: list[str] = ()) -> dict:
    m = run_measured(
        [sys.executable, str(ROOT / "benchmarks" / "bare_spider.py"), "--pages", str(pages), *extra, *seeds],
        env=_env(proxy),
        cwd=str(ROOT),
    )
    if m.returncode:
        raise RuntimeError(m.stderr[-2000:])
    stats = json.loads(m.stdout)
    return {
        "pages": stats.get("downloader/response_count", 0),
        "elapsed": stats["elapsed_time_seconds"],
        "wall": m.wall,
        "cpu": m.cpu,
        "rss": m.peak_rss_mb,
    }


def run_blogscout(proxy: str, seeds: list[str], pages: int, extra: list[str], tree: Path = ROOT) -> dict:
    """The real `blogscout crawl`, with the code of `tree` (another checkout: its `crawler` package)."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        m = run_measured(
            [
                sys.executable,
                "-m",
                "crawler",
                "crawl",
                *seeds,
                "--db",
                str(db),
                "--hops",
                "5",
                "--max-pages",
                str(pages),
                "--quiet",
                *FAST,
                *extra,
            ],
            env=_env(proxy),
            cwd=str(tree),
        )
        if m.returncode:
            raise RuntimeError(m.stderr[-2000:])
        conn = sqlite3.connect(db)
        stats = json.loads(conn.execute("SELECT stats FROM runs ORDER BY id DESC").fetchone()[0])
        stored = conn.execute("SELECT count(*) FROM pages").fetchone()[0]
        links = conn.execute("SELECT count(*) FROM links").fetchone()[0]
        conn.close()
    robots = stats.get("robotstxt/response_count", 0)
    return {
        "pages": stats.get("downloader/response_count", 0) - robots,
        "robots": robots,
        "elapsed": stats["elapsed_time_seconds"],
        "wall": m.wall,
        "cpu": m.cpu,
        "rss": m.peak_rss_mb,
        "stored_pages": stored,
        "links": links,
    }


def run_bs(proxy: str, seeds: list[str], pages: int) -> dict:
    m = run_measured(
        [sys.executable, str(ROOT / "benchmarks" / "bs_crawler.py"), "--pages", str(pages), *seeds],
        env=_env(proxy),
        cwd=str(ROOT),
    )
    if m.returncode:
        raise RuntimeError(m.stderr[-2000:])
    stats = json.loads(m.stdout)
    return {
        "pages": stats["response_count"],
        "elapsed": stats["elapsed"],
        "wall": m.wall,
        "cpu": m.cpu,
        "rss": m.peak_rss_mb,
    }


# -- report -----------------------------------------------------------------------------------


def _median(rows: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in rows)


def report(results: dict[str, list[dict]], server: dict[str, float], args, render: dict) -> str:
    bare_rate = statistics.median(r["pages"] / r["elapsed"] for r in next(iter(results.values())))
    lines = [
        f"World {args.world}, {args.blogs} blogs: {render['files']} files, {render['bytes'] / render['files'] / 1024:.1f} KB "
        f"a file on average, {render['hosts']} hosts; budget {args.pages} requests per crawler; {args.rounds} rounds, "
        f"the three crawlers run one after another in each round (medians).",
        "",
        "Server alone (one Python load client, 16 keep-alive connections, a lower bound):",
        "",
        "| server | requests/s |",
        "|---|---:|",
        *(f"| {name} | {rate:,.0f} |" for name, rate in server.items()),
        "",
        "| crawler | pages | pages/s | ratio to bare Scrapy | wall s | CPU % | CPU ms per page | peak RSS MB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, rows in results.items():
        rates = [r["pages"] / r["elapsed"] for r in rows]
        rate = statistics.median(rates)
        cpu = statistics.median(100 * r["cpu"] / r["wall"] for r in rows)
        per_page = statistics.median(1000 * r["cpu"] / r.get("stored_pages", r["pages"]) for r in rows)
        lines.append(
            f"| {name} | {_median(rows, 'pages'):.0f} | {rate:.0f} ({min(rates):.0f}–{max(rates):.0f}) | "
            f"{rate / bare_rate:.2f} | {_median(rows, 'wall'):.1f} | {cpu:.0f} | {per_page:.2f} | "
            f"{_median(rows, 'rss'):.0f} |"
        )
    blog = next((rows for name, rows in results.items() if name.startswith("blogscout crawl (b)")), None)
    if blog:
        lines += [
            "",
            f"blogscout also fetched {_median(blog, 'robots'):.0f} robots.txt files and stored "
            f"{_median(blog, 'stored_pages'):.0f} pages with {_median(blog, 'links'):.0f} links per crawl.",
        ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--blogs", type=int, default=1000, help="blogs in the generated world")
    parser.add_argument("--pages", type=int, default=3000, help="request budget of each crawler")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--world", type=int, default=1, help="world seed")
    parser.add_argument("--web-dir", type=Path, help="render the world here and reuse it if rendered before")
    parser.add_argument(
        "--only",
        default="bare,bare-tuned,blogscout,blogscout-inprocess,bs",
        help="comma-separated crawlers to run (bare first: ratios are to it)",
    )
    parser.add_argument(
        "--baseline",
        type=Path,
        help="another checkout (e.g. a git worktree of the previous commit): adds `blogscout-baseline`, "
        "its blogscout crawl, to every round",
    )
    parser.add_argument(
        "--set",
        dest="settings",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="extra Scrapy setting for the blogscout crawl",
    )
    args = parser.parse_args()
    extra = [a for kv in args.settings for a in ("--set", kv)]
    world = generate_world(seed=args.world, n_blogs=args.blogs)
    print(f"{platform.node()}: {os.cpu_count()} cores, Python {platform.python_version()}", file=sys.stderr)
    started = time.perf_counter()
    root, render = rendered(world, args.web_dir)
    print(f"rendered {render['files']} files in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    sample_urls = [world.seeds[0]] + [b.home_url for b in world.blogs[:200]]
    server = {}
    with SandboxServer(world) as sandbox:
        server["Python sandbox server (http.server, threads)"] = server_alone(sandbox.proxy_url, sample_urls)
    runners = {
        "bare": lambda p: run_bare(p, world.seeds, args.pages),
        "bare-items4": lambda p: run_bare(p, world.seeds, args.pages, ["--set", "CONCURRENT_ITEMS=4"]),
        "bare-tuned": lambda p: run_bare(p, world.seeds, args.pages, TUNED),
        "blogscout": lambda p: run_blogscout(p, world.seeds, args.pages, extra),
        "blogscout-inprocess": lambda p: run_blogscout(
            p, world.seeds, args.pages, [*extra, "--set", "BLOGSCOUT_EXTRACT_WORKERS=0"]
        ),
        "bs": lambda p: run_bs(p, world.seeds, args.pages),
        "blogscout-baseline": lambda p: run_blogscout(p, world.seeds, args.pages, extra, args.baseline),
    }
    names = {
        "bare": "bare Scrapy (a)",
        "bare-items4": "bare Scrapy, CONCURRENT_ITEMS=4 (a')",
        "bare-tuned": "bare Scrapy with blogscout's engine settings (a'')",
        "blogscout": "blogscout crawl (b)",
        "blogscout-inprocess": "blogscout crawl, extraction in-process (b')",
        "bs": "requests + bs4 (c)",
        "blogscout-baseline": f"blogscout crawl, baseline {args.baseline} (b0)",
    }
    chosen = sorted(args.only.split(",") + (["blogscout-baseline"] if args.baseline else []), key=lambda k: k != "bare")
    if chosen[0] != "bare":
        raise SystemExit("the ratios need the bare spider (--only bare,...)")
    results: dict[str, list[dict]] = {names[k]: [] for k in chosen}
    with NginxWeb(root, render["redirects"]) as web:
        server["nginx, pre-rendered files (1 worker)"] = server_alone(web.proxy_url, sample_urls)
        for round_ in range(args.rounds):
            for key in chosen:
                row = runners[key](web.proxy_url)
                results[names[key]].append(row)
                print(
                    f"round {round_ + 1} {key}: {row['pages']} pages {row['pages'] / row['elapsed']:.0f}/s "
                    f"cpu {100 * row['cpu'] / row['wall']:.0f}% rss {row['rss']:.0f} MB",
                    file=sys.stderr,
                )
    print(report(results, server, args, render))


if __name__ == "__main__":
    main()
