"""Crawl memory: peak RSS of a long blogscout crawl at 20k, 100k and 200k pages, before and after.

Serves the synthetic blogosphere of `benchmarks/synthweb.py` (any number of blogs, nginx speed),
crawls it from its four seeds with ``blogscout crawl --hops 5 --max-pages N`` (politeness lifted
for loopback), samples the resident size of the crawl's process tree (extraction workers
included) every half second and reads the page count from the progress lines. Each variant is
one crawl; the variants run one after another (or side by side with ``--parallel``):

- ``after``: this checkout;
- ``before``: the same crawl from a git worktree of ``--before-ref`` (the code before the seen
  set, duplicate filter and disk queue changes);
- ``no-disk-queue``: this checkout with ``BLOGSCOUT_DISK_QUEUE=false``.

Usage::

    python benchmarks/memory.py [--pages 200000] [--variants after,before] [--before-ref 5de0397]
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from procstat import _tree_rss as tree_rss_mb  # noqa: E402  (RSS of a process and its children, MB)
from synthweb import SEEDS, SynthWeb  # noqa: E402

FAST = [
    "--set",
    "DOWNLOAD_DELAY=0",
    "--set",
    "AUTOTHROTTLE_ENABLED=false",
    "--set",
    "CONCURRENT_REQUESTS=32",
    "--set",
    "CONCURRENT_REQUESTS_PER_DOMAIN=8",
    "--set",
    "BLOGSCOUT_PROGRESS_INTERVAL=2",
]
_PROGRESS_RE = re.compile(r"pages (\d+) \| sites (\d+) \| queue (\d+)")


def _own_rss_mb(proc: psutil.Process) -> float:
    """Resident size of the crawl process alone (without its extraction workers)."""
    try:
        return proc.memory_info().rss / 2**20
    except psutil.Error:
        return 0.0


def crawl(
    name: str, cwd: Path, proxy: str, pages: int, checkpoints: list[int], extra: list[str], log, max_seconds: float = 0
) -> dict:
    """One crawl; returns peak RSS (MB) reached by each checkpoint, sites and queue there."""
    env = {k: v for k, v in os.environ.items() if k.lower() not in ("http_proxy", "https_proxy", "no_proxy")}
    env["http_proxy"] = proxy
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [
            sys.executable,
            "-m",
            "crawler",
            "crawl",
            *SEEDS,
            "--db",
            str(Path(tmp) / "mem.db"),
            "--hops",
            "5",
            "--max-pages",
            str(pages),
            *FAST,
            *extra,
        ]
        started = time.perf_counter()
        popen = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        proc = psutil.Process(popen.pid)
        state = {"pages": 0, "sites": 0, "queue": 0}

        def read() -> None:
            for line in popen.stderr:
                match = _PROGRESS_RE.search(line)
                if match:
                    state.update(pages=int(match[1]), sites=int(match[2]), queue=int(match[3]))

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        peak = own = 0.0
        marks: dict[int, dict] = {}
        pending = sorted(checkpoints)
        while popen.poll() is None:
            peak = max(peak, tree_rss_mb(proc))
            own = max(own, _own_rss_mb(proc))
            while pending and state["pages"] >= pending[0]:
                marks[pending.pop(0)] = {
                    "rss": peak,
                    "own": own,
                    "sites": state["sites"],
                    "queue": state["queue"],
                    "seconds": time.perf_counter() - started,
                }
                log(
                    f"{name}: {state['pages']} pages, peak RSS {peak:.0f} MB (crawl process {own:.0f}), "
                    f"sites {state['sites']}, queue {state['queue']}, {time.perf_counter() - started:.0f} s"
                )
            if max_seconds and time.perf_counter() - started > max_seconds and popen.returncode is None:
                log(f"{name}: stopped after {max_seconds:.0f} s at {state['pages']} pages")
                popen.kill()
                popen.wait()
                break
            time.sleep(0.5)
        reader.join(timeout=5)
        elapsed = time.perf_counter() - started
    for mark in pending:  # the crawl ended just short of this checkpoint (its page budget includes feeds)
        if popen.returncode == 0 and state["pages"] >= mark * 0.9:
            marks[mark] = {
                "rss": peak,
                "own": own,
                "sites": state["sites"],
                "queue": state["queue"],
                "seconds": elapsed,
            }
    return {"marks": marks, "peak": peak, "pages": state["pages"], "seconds": elapsed, "returncode": popen.returncode}


def worktree(ref: str) -> Path:
    path = Path(tempfile.gettempdir()) / f"blogscout-before-{ref}"
    if not path.exists():
        subprocess.run(
            ["git", "worktree", "add", "--detach", str(path), ref], cwd=ROOT, check=True, capture_output=True
        )
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200_000)
    parser.add_argument("--checkpoints", default="20000,100000,200000")
    parser.add_argument("--variants", default="after,before")
    parser.add_argument("--before-ref", default="5de0397", help="git commit to measure as 'before'")
    parser.add_argument("--parallel", action="store_true", help="run the variants at the same time")
    parser.add_argument("--max-seconds", type=float, default=0, help="stop each crawl after this long")
    args = parser.parse_args()
    checkpoints = [int(c) for c in args.checkpoints.split(",")]
    variants = {"after": (ROOT, []), "no-disk-queue": (ROOT, ["--set", "BLOGSCOUT_DISK_QUEUE=false"])}
    chosen = args.variants.split(",")
    if "before" in chosen:
        variants["before"] = (worktree(args.before_ref), [])

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    results: dict[str, dict] = {}
    with SynthWeb() as web:

        def run(name: str) -> None:
            cwd, extra = variants[name]
            results[name] = crawl(name, cwd, web.proxy_url, args.pages, checkpoints, extra, log, args.max_seconds)

        if args.parallel:
            threads = [threading.Thread(target=run, args=(n,)) for n in chosen]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
        else:
            for name in chosen:
                run(name)
    print(
        f"Synthetic blogosphere (benchmarks/synthweb.py), 4 seeds, --hops 5, --max-pages {args.pages}; "
        f"peak RSS of the crawl's process tree (MB) by the time the crawl had parsed N pages"
        f"{'; variants ran side by side' if args.parallel else ''}.\n"
    )
    print("| pages | " + " | ".join(chosen) + " |")
    print("|---:|" + "---:|" * len(chosen))
    for mark in checkpoints:
        cells = []
        for name in chosen:
            m = results[name]["marks"].get(mark)
            cells.append(
                f"{m['rss']:.0f} (crawl process {m['own']:.0f}; sites {m['sites']:,}, queue {m['queue']:,})"
                if m
                else "-"
            )
        print(f"| {mark:,} | " + " | ".join(cells) + " |")
    print("| peak RSS, whole crawl | " + " | ".join(f"{results[n]['peak']:.0f}" for n in chosen) + " |")
    print(
        "| crawl time | "
        + " | ".join(f"{results[n]['seconds']:.0f} s ({results[n]['pages']:,} pages)" for n in chosen)
        + " |"
    )


if __name__ == "__main__":
    main()
