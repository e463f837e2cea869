"""Ranking cost: `blogscout rank` against the bare library floor on the same generated crawls.

For each size (10k, 100k and 1M link rows with 1k, 10k and 100k sites of ~500 words) a crawl
database is generated once (`benchmarks/crawlgen.py`) and cached under ``benchmarks/.cache/``.
Then, alternating which goes first and repeated, each in a fresh process whose wall time and
peak RSS are measured (``os.wait4``):

- **floor**: what any ranking of this data must at least do with the libraries alone: read
  the sites, grouped links, post dates, contacts and page texts with ``sqlite3``; one
  document per site streamed (texts joined, ordered by site) into scikit-learn's
  ``TfidfVectorizer(stop_words=German+English lists, sublinear_tf=True, dtype=float32)``
  (default token pattern and lower-casing, no stemming: scikit-learn has none), cosine of
  every row to the seeds' centroid; a site matrix in ``scipy.sparse`` and a personalised
  PageRank power iteration restarted at the seeds (tolerance as networkx: 1e-10 per node).
- **rank**: the real command, ``blogscout rank --db X --out /tmp/x.csv --top 0 --quiet``
  (started as ``python -m crawler``, the same entry point, from the working directory)
  (writes the CSV and stores the ranking snapshot, as users run it). Snapshots are deleted
  between runs, outside the timing, so every run sees the same database.

Reproduce: ``python benchmarks/ranking_cost.py --repeat 3`` (``--sizes 10k,100k`` for a quick
look). Never run by the test suite.
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
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CACHE = HERE / ".cache"
SIZES = {"10k": (1_000, 10_000), "100k": (10_000, 100_000), "1M": (100_000, 1_000_000)}
GEN_VERSION = 1
KIND_WEIGHTS = {"blogroll": 3.0, "opml": 3.0, "content": 2.0, "comment": 0.5}


def database(size: str, cache: Path) -> Path:
    """The cached database of a size, generated on first use."""
    sites, links = SIZES[size]
    path = cache / f"crawl-{sites}s-{links}l-v{GEN_VERSION}.db"
    if not path.exists():
        sys.path.insert(0, str(HERE))
        from crawlgen import generate

        cache.mkdir(parents=True, exist_ok=True)
        (cache / ".gitignore").write_text("*\n")
        t0 = time.perf_counter()
        print(f"generating {path.name} ...", file=sys.stderr, flush=True)
        generate(path, sites, links)
        print(f"  {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
    return path


def floor(db_path: str) -> dict[str, float]:
    """The library floor on one database; returns seconds per stage."""
    import itertools
    import math
    from array import array

    import numpy as np
    import stop_words
    from scipy import sparse
    from sklearn.feature_extraction.text import TfidfVectorizer

    stages, t0 = {}, time.perf_counter()
    conn = sqlite3.connect(db_path)
    sites = conn.execute(
        "SELECT site, home_url, role, found_via, title, language, feed_url, is_blog FROM sites ORDER BY site"
    ).fetchall()
    index = {row[0]: i for i, row in enumerate(sites)}
    seeds = sorted(index[row[0]] for row in sites if row[2] == "seed")
    dates = conn.execute(
        "SELECT site, url, published FROM pages WHERE page_kind = 'post' AND published IS NOT NULL"
    ).fetchall()
    dates += conn.execute("SELECT site, entry_url, published FROM feed_entries").fetchall()
    contacts = conn.execute("SELECT site, kind, value FROM contacts").fetchall()
    src, dst, wts = array("i"), array("i"), array("d")
    for f, t, kind, pages in conn.execute(
        "SELECT from_site, to_site, kind, COUNT(DISTINCT from_url) FROM links WHERE from_site != to_site "
        "AND to_site != '' GROUP BY from_site, to_site, kind"
    ):
        w = KIND_WEIGHTS.get(kind, 0.0)
        if w > 0 and f in index and t in index:
            src.append(index[f])
            dst.append(index[t])
            wts.append(w * (1.0 + math.log(pages)))
    stages["read rows"] = time.perf_counter() - t0

    t1 = time.perf_counter()
    cur = conn.execute("SELECT site, text FROM pages WHERE text IS NOT NULL AND text != '' ORDER BY site, url")
    doc_sites: list[str] = []

    def documents():
        for site, group in itertools.groupby(cur, key=lambda r: r[0]):
            doc_sites.append(site)
            yield "\n".join(text for _, text in group)

    stops = sorted(set(stop_words.get_stop_words("german")) | set(stop_words.get_stop_words("english")))
    vec = TfidfVectorizer(stop_words=stops, sublinear_tf=True, dtype=np.float32)
    X = vec.fit_transform(documents())
    rows = {s: i for i, s in enumerate(doc_sites)}
    seed_rows = [rows[sites[i][0]] for i in seeds if sites[i][0] in rows]
    profile = np.asarray(X[seed_rows].mean(axis=0)).ravel()
    profile /= np.linalg.norm(profile) or 1.0
    sims = X @ profile
    stages["tf-idf"] = time.perf_counter() - t1
    del X, vec

    t2 = time.perf_counter()
    n = len(sites)
    A = sparse.csr_matrix(
        (np.frombuffer(wts), (np.frombuffer(src, dtype=np.int32), np.frombuffer(dst, dtype=np.int32))), shape=(n, n)
    )
    out = np.asarray(A.sum(axis=1)).ravel()
    inv = np.divide(1.0, out, out=np.zeros_like(out), where=out > 0)
    P = sparse.diags(inv) @ A
    restart = np.zeros(n)
    restart[seeds] = 1.0 / len(seeds)
    dangling = out == 0
    x, alpha = restart.copy(), 0.85
    for _ in range(500):
        prev = x
        x = alpha * (x @ P + x[dangling].sum() * restart) + (1 - alpha) * restart
        if np.abs(x - prev).sum() < n * 1e-10:
            break
    stages["pagerank"] = time.perf_counter() - t2
    stages["sites"], stages["documents"], stages["edges"] = n, len(doc_sites), A.nnz
    stages["checksum"] = float(sims.sum() + x.sum()) + len(dates) + len(contacts)
    return stages


def measure(cmd: list[str]) -> tuple[float, float, float, str]:
    """(wall seconds, CPU seconds, peak RSS in MiB, stdout) of one command in a fresh process."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(proc.pid, 0)  # this child's own peak RSS
        wall = time.perf_counter() - t0
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if code != 0:
            raise SystemExit(f"{' '.join(cmd)} failed ({code}):\n{err.read()}")
        return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, out.read()


def clear_snapshots(db: Path) -> None:
    """Delete stored ranking snapshots so every run starts from the same database."""
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("DELETE FROM ranking_rows")
        conn.execute("DELETE FROM rankings")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def run(sizes: list[str], repeat: int, cache: Path) -> list[dict]:
    rank_cmd = [sys.executable, "-m", "crawler"]  # the `blogscout` command, from this checkout
    results = []
    out_csv = Path(tempfile.gettempdir()) / "ranking-cost.csv"
    for size in sizes:
        db = database(size, cache)
        with open(db, "rb") as fh:  # warm the page cache for both contenders
            while fh.read(1 << 24):
                pass
        runs: dict[str, list[tuple[float, float, float]]] = {"floor": [], "rank": []}
        stages: list[dict] = []
        for i in range(repeat):
            order = ("floor", "rank") if i % 2 == 0 else ("rank", "floor")
            for name in order:
                if name == "floor":
                    wall, cpu, rss, out = measure([sys.executable, __file__, "--floor", str(db)])
                    stages.append(json.loads(out))
                else:
                    clear_snapshots(db)
                    wall, cpu, rss, _ = measure(
                        rank_cmd + ["rank", "--db", str(db), "--out", str(out_csv), "--top", "0", "--quiet"]
                    )
                runs[name].append((wall, cpu, rss))
                print(
                    f"{size} run {i + 1}: {name} {wall:.2f} s wall, {cpu:.2f} s CPU, {rss:.0f} MiB",
                    file=sys.stderr,
                    flush=True,
                )
        clear_snapshots(db)
        med = {k: [statistics.median(x[i] for x in v) for i in range(3)] for k, v in runs.items()}
        results.append(
            {
                "size": size,
                "floor_s": med["floor"][0],
                "rank_s": med["rank"][0],
                "ratio": statistics.median(r[0] / f[0] for r, f in zip(runs["rank"], runs["floor"])),
                "floor_cpu": med["floor"][1],
                "rank_cpu": med["rank"][1],
                "cpu_ratio": statistics.median(r[1] / f[1] for r, f in zip(runs["rank"], runs["floor"])),
                "floor_mb": med["floor"][2],
                "rank_mb": med["rank"][2],
                "rank_max_mb": max(r[2] for r in runs["rank"]),
                "floor_stages": {k: statistics.median(s[k] for s in stages) for k in stages[0]},
            }
        )
    return results


def table(results: list[dict]) -> str:
    lines = [
        "| links (sites, documents) | floor s | rank s | ratio | floor CPU s | rank CPU s | CPU ratio "
        "| floor peak MiB | rank peak MiB (max) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        sites = SIZES[r["size"]][0]
        docs = int(r["floor_stages"]["documents"])
        lines.append(
            f"| {r['size']} ({sites:,}, {docs:,}) | {r['floor_s']:.2f} | {r['rank_s']:.2f} | "
            f"{r['ratio']:.2f} | {r['floor_cpu']:.2f} | {r['rank_cpu']:.2f} | {r['cpu_ratio']:.2f} | "
            f"{r['floor_mb']:.0f} | {r['rank_mb']:.0f} ({r['rank_max_mb']:.0f}) |"
        )
    lines.append("")
    lines.append(
        "Floor stages (median s): "
        + "; ".join(
            f"{r['size']}: read {r['floor_stages']['read rows']:.2f}, tf-idf {r['floor_stages']['tf-idf']:.2f}, "
            f"pagerank {r['floor_stages']['pagerank']:.2f}"
            for r in results
        )
    )
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10k,100k,1M", help="comma-separated, of: " + ", ".join(SIZES))
    ap.add_argument("--repeat", type=int, default=3, help="runs of each contender per size (median)")
    ap.add_argument("--cache", default=str(CACHE), help="directory for the generated databases")
    ap.add_argument("--floor", metavar="DB", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.floor:
        print(json.dumps(floor(args.floor)))
        return
    sizes = [s.strip() for s in args.sizes.split(",") if s.strip()]
    unknown = [s for s in sizes if s not in SIZES]
    if unknown:
        ap.error(f"unknown size {unknown[0]!r}; use {', '.join(SIZES)}")
    results = run(sizes, args.repeat, Path(args.cache))
    print(table(results))
    print(json.dumps(results), file=sys.stderr)


if __name__ == "__main__":
    main()
