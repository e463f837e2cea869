"""Crawl the generated "Kontor" blogosphere through its loopback proxy, rank it and score the ranking.

    .venv/bin/python benchmarks/blind/run.py [--workdir DIR] [--seed N] [--topic "..."] [--world world_kontor]

Steps: build the world, serve it (`serve.WorldProxy`), ``python -m crawler crawl`` from the seeds
with ``http_proxy`` set, write the ground truth ``truth.json``, run ``benchmarks/ranking_quality.py
--db --truth`` (NDCG@20 with graded gains), print the top 20 of ``python -m crawler rank`` with the
truth label of each row, and the NDCG@20 of the page-only baseline (`reader.py`).
"""

from __future__ import annotations

import argparse
import csv
import importlib
import io
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))

import reader  # noqa: E402
from serve import WorldProxy  # noqa: E402

PYTHON = str(ROOT / ".venv" / "bin" / "python")
CRAWL_SETTINGS = ["DOWNLOAD_DELAY=0", "AUTOTHROTTLE_ENABLED=false", "CONCURRENT_REQUESTS=32", "RETRY_TIMES=1"]


def ndcg20(ranking: list[str], truth: dict[str, str]) -> float:
    """Same definition as ranking_quality.ndcg_at: gains 2**g - 1 over the ideal order of the ranked sites."""
    import math

    gain = {"partner": 2, "adjacent": 1}
    g = [gain.get(truth.get(s, ""), 0) for s in ranking]
    dcg = sum((2**x - 1) / math.log2(i + 2) for i, x in enumerate(g[:20]))
    best = sorted(g, reverse=True)[:20]
    ideal = sum((2**x - 1) / math.log2(i + 2) for i, x in enumerate(best))
    return dcg / ideal if ideal else 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--workdir", default=None, help="Keep the database and truth here (default: a temp dir).")
    ap.add_argument("--seed", type=int, default=20261207)
    ap.add_argument("--topic", default=None, help="Topic terms (default: the world's topic).")
    ap.add_argument(
        "--world",
        default="world_kontor",
        help="Module in benchmarks/blind with build_world(seed) (default: world_kontor).",
    )
    args = ap.parse_args(argv)

    world = importlib.import_module(args.world).build_world(args.seed)
    topic = args.topic or world.topic
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="blind-"))
    workdir.mkdir(parents=True, exist_ok=True)
    db = workdir / "blind.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    truth_path = workdir / "truth.json"
    truth_path.write_text(json.dumps(world.truth, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"world: {len(world.truth)} sites, {len(world.pages)} pages; workdir {workdir}", flush=True)

    env = {
        k: v for k, v in os.environ.items() if k.lower() not in ("http_proxy", "https_proxy", "no_proxy", "all_proxy")
    }
    with WorldProxy(world) as proxy:
        env["http_proxy"] = proxy.url
        cmd = [PYTHON, "-m", "crawler", "crawl", *world.seeds, "--db", str(db), "--hops", "2", "--quiet"]
        for setting in CRAWL_SETTINGS:
            cmd += ["--set", setting]
        t0 = time.monotonic()
        done = subprocess.run(cmd, cwd=ROOT, env=env)
        print(
            f"crawl: exit {done.returncode} in {time.monotonic() - t0:.0f} s; proxy answers {dict(proxy.statuses)}",
            flush=True,
        )
        if done.returncode != 0:
            return done.returncode

    con = sqlite3.connect(db)
    n_pages = con.execute("SELECT count(*) FROM pages").fetchone()[0]
    n_sites = con.execute("SELECT count(DISTINCT site) FROM pages").fetchone()[0]
    con.close()
    print(f"crawled: {n_pages} pages from {n_sites} sites", flush=True)

    print("\n== ranking_quality.py ==", flush=True)
    subprocess.run(
        [PYTHON, "benchmarks/ranking_quality.py", "--db", str(db), "--truth", str(truth_path), "--topic", topic],
        cwd=ROOT,
        env=env,
    )

    out = subprocess.run(
        [
            PYTHON,
            "-m",
            "crawler",
            "rank",
            "--db",
            str(db),
            "--topic",
            topic,
            "--out",
            "-",
            "--top",
            "0",
            "--quiet",
            "--no-save",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if out.returncode != 0:
        print(out.stderr)
        return out.returncode
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    ranking = [r["site"] for r in rows]
    print(f"\n== blogscout rank: top 20 of {len(rows)} (NDCG@20 {ndcg20(ranking, world.truth):.3f}) ==")
    print(f"{'rank':>4}  {'site':34} {'label':10} {'score':>6}  why")
    for r in rows[:20]:
        print(
            f"{r.get('rank', ''):>4}  {r['site']:34} {world.truth.get(r['site'], '?'):10} {float(r.get('score') or 0):6.3f}  {r.get('why', '')}"
        )

    base = reader.rank(db, topic)
    print(
        f"\n== page-only reader: NDCG@20 {ndcg20(base, world.truth):.3f} over {len(base)} candidates "
        f"(same candidates as blogscout: {ndcg20([s for s in base if s in set(ranking)], world.truth):.3f}) =="
    )
    for i, s in enumerate(base[:20], 1):
        print(f"{i:>4}  {s:34} {world.truth.get(s, '?')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
