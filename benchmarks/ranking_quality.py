"""Ranking quality on generated blogospheres with known ground truth.

For each world (random seed, number of blogs, languages, easy or hard) the sandbox web is
served on 127.0.0.1, ``blogscout crawl`` crawls it from its seeds (two hops) in a subprocess,
and the crawl database is ranked five ways: the combined score, TF-IDF relevance alone,
PageRank alone, in-degree (distinct linking blogs) alone and personalized PageRank alone.
All methods rank the same candidates (the blogs `rank` lists). NDCG@20 uses graded gains:
in easy worlds a ``partner`` is worth 1 and everything else 0; in hard worlds
(`tests/worlds/hard.py`) a core ``partner`` is worth 2, an ``adjacent`` blog (content
marketing, online PR) 1, near misses, lifestyle blogs with buzzwords, copies, dead and
off-topic blogs 0. P@k counts (core) partners.

Usage::

    python benchmarks/ranking_quality.py                       # default worlds, table to stdout
    python benchmarks/ranking_quality.py --write benchmarks/RESULTS.md
    python benchmarks/ranking_quality.py --worlds 1:60:de+en:hard --workdir /tmp/rq
    python benchmarks/ranking_quality.py --db crawl.db --truth truth.json   # an existing crawl

Easy worlds are ranked with ``--topic`` and again without a topic (seeds' text only); hard
worlds with ``--hard-topic``. Exit status 1 if the combined score does not beat every single
signal on NDCG@20 in every world (with the topic).
"""

from __future__ import annotations

import argparse
import json
import logging
import math
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.append(str(ROOT / "tests"))  # the hard worlds: tests/worlds, not shipped

from crawler.services.rank import load_crawl, rank_database  # noqa: E402
from crawler.storage import db as dbmod  # noqa: E402
from scoring import centrality  # noqa: E402
from scoring.graph import site_graph  # noqa: E402
from scoring.relevance import TopicRelevance  # noqa: E402

log = logging.getLogger("benchmarks.ranking_quality")

DEFAULT_WORLDS = (
    "1:40:de,2:40:en,3:40:de+en,1:80:de+en,2:80:de,3:80:en,4:120:de+en,"
    "1:60:de+en:hard,2:60:de+en:hard,3:60:de+en:hard,4:80:de+en:hard"
)
DEFAULT_TOPIC = "content marketing, social media marketing, seo"
HARD_TOPIC = "social media marketing, online marketing"  # SEO is a near miss in hard worlds
METHODS = ("combined", "tfidf", "pagerank", "indegree", "ppr")
SINGLE = ("tfidf", "pagerank", "indegree", "ppr")  # the single signals the combined score must beat
LABELS = {
    "combined": "combined score",
    "tfidf": "TF-IDF alone",
    "pagerank": "PageRank alone",
    "indegree": "in-degree alone",
    "ppr": "personalized PageRank alone",
}
CRAWL_SETTINGS = [
    "DOWNLOAD_DELAY=0",
    "AUTOTHROTTLE_ENABLED=false",
    "CONCURRENT_REQUESTS=32",
    "DOWNLOAD_TIMEOUT=8",
    "RETRY_TIMES=1",
]


@dataclass(frozen=True)
class World:
    """One generated blogosphere: random seed, number of blogs, languages, hard or not."""

    seed: int
    blogs: int
    langs: tuple[str, ...]
    hard: bool = False

    @classmethod
    def parse(cls, spec: str) -> World:
        """``"3:80:de+en"`` -> World(3, 80, ("de", "en")); ``"3:80:de+en:hard"`` a hard world."""
        seed, blogs, langs, *rest = spec.split(":")
        return cls(int(seed), int(blogs), tuple(langs.split("+")), rest == ["hard"])

    @property
    def name(self) -> str:
        return f"{'hard ' if self.hard else ''}seed {self.seed}, {self.blogs} blogs, {'+'.join(self.langs)}"


def gains_of(truth: Mapping[str, str]) -> dict[str, int]:
    """Graded gain of every labelled site: core partner 2, adjacent 1, else 0 (easy worlds: partner 1)."""
    from worlds.hard import GAINS, HARD_LABELS

    hard = any(label in HARD_LABELS for label in truth.values())
    if not hard:
        return {s: int(label == "partner") for s, label in truth.items()}
    return {s: GAINS.get(label, 0) for s, label in truth.items()}


# -- metrics ------------------------------------------------------------------------------


def precision_at(ranking: Sequence[str], relevant: set[str], k: int) -> float:
    """Share of the first ``k`` ranked sites that are relevant (k in the denominator)."""
    return sum(1 for s in ranking[:k] if s in relevant) / k


def ndcg_at(ranking: Sequence[str], gains: Mapping[str, int], k: int) -> float:
    """Graded NDCG@k with gains ``2**g - 1``: DCG of the ranking over DCG of the ideal order of it."""
    dcg = sum((2 ** gains.get(s, 0) - 1) / math.log2(i + 2) for i, s in enumerate(ranking[:k]))
    best = sorted((gains.get(s, 0) for s in ranking), reverse=True)[:k]
    ideal = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(best))
    return dcg / ideal if ideal else 0.0


def order_by(values: Mapping[str, float], sites: Sequence[str]) -> list[str]:
    """Sites by value descending, ties by site name."""
    return sorted(sites, key=lambda s: (-values.get(s, 0.0), s))


# -- crawling a world ---------------------------------------------------------------------


def crawl_world(world: World, db_path: Path) -> dict[str, str]:
    """Serve a generated world, crawl it into ``db_path``; return its ground truth."""
    from worlds.hard import generate_hard_world

    from crawler.sandbox.server import SandboxServer
    from crawler.sandbox.world import generate_world

    if world.hard:
        generated = generate_hard_world(seed=world.seed, n_blogs=world.blogs, langs=world.langs)
    else:
        generated = generate_world(seed=world.seed, n_blogs=world.blogs, langs=world.langs)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    env = {k: v for k, v in os.environ.items() if k.lower() not in ("http_proxy", "https_proxy", "no_proxy")}
    server = SandboxServer(generated).start()
    try:
        env["http_proxy"] = server.proxy_url
        cmd = [
            sys.executable,
            "-m",
            "crawler",
            "crawl",
            *generated.seeds,
            "--db",
            str(db_path),
            "--hops",
            "2",
            "--quiet",
        ]
        for setting in CRAWL_SETTINGS:
            cmd += ["--set", setting]
        started = time.monotonic()
        proc = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True, text=True, timeout=900)
        if proc.returncode != 0:
            raise RuntimeError(f"crawl of {world.name} failed ({proc.returncode}): {proc.stderr[-2000:]}")
        log.info("crawled %s in %.1f s", world.name, time.monotonic() - started)
    finally:
        server.stop()
    truth = dict(generated.truth)
    Path(f"{db_path}.truth.json").write_text(json.dumps(truth, indent=1, sort_keys=True), encoding="utf-8")
    return truth


# -- evaluating one crawl -----------------------------------------------------------------


def rankings(db_path: Path, topic: str) -> dict[str, list[str]]:
    """The candidate order under every method, on the candidates `rank` lists."""
    rows = rank_database(db_path, topic=topic)
    sites = [r["site"] for r in rows]
    db = dbmod.connect(db_path, create=False)
    try:
        data = load_crawl(db)
        roles = {row["site"]: row["role"] for row in data.sites}
        seeds = sorted(s for s, r in roles.items() if r == "seed")
        platforms = sorted(s for s, r in roles.items() if r == "platform")
        G = site_graph(data.links, nodes=sorted(roles), exclude=platforms)
        blogs = {row["site"] for row in data.sites if row["is_blog"] or row["role"] == "seed"}
        rel = TopicRelevance().fit(data.documents(), seeds=seeds, topic=topic)
    finally:
        db.close()
    return {
        "combined": sites,
        "tfidf": order_by(rel.scores_, sites),
        "pagerank": order_by(centrality.pagerank(G), sites),
        "indegree": order_by(centrality.inbound_blogs(G, sources=blogs), sites),
        "ppr": order_by(centrality.personalized_pagerank(G, seeds), sites),
    }


def evaluate(db_path: Path, truth: Mapping[str, str], topic: str) -> dict:
    """Metrics of every method on one crawl, plus counts of what was ranked."""
    orders = rankings(db_path, topic)
    gains = gains_of(truth)
    relevant = {s for s in orders["combined"] if truth.get(s) == "partner"}
    labels: dict[str, int] = {}
    for s in orders["combined"]:
        labels[truth.get(s, "unlabelled")] = labels.get(truth.get(s, "unlabelled"), 0) + 1
    metrics = {
        m: {
            "p10": precision_at(o, relevant, 10),
            "p20": precision_at(o, relevant, 20),
            "ndcg20": ndcg_at(o, gains, 20),
        }
        for m, o in orders.items()
    }
    partners = sum(1 for label in truth.values() if label == "partner")
    return {
        "metrics": metrics,
        "candidates": len(orders["combined"]),
        "relevant": len(relevant),
        "partners": partners,
        "labels": dict(sorted(labels.items())),
    }


def beats(result: dict) -> bool:
    """True when the combined score's NDCG@20 is above every single signal's."""
    m = result["metrics"]
    return all(m["combined"]["ndcg20"] > m[s]["ndcg20"] for s in SINGLE)


# -- report --------------------------------------------------------------------------------


def markdown(
    results: Sequence[tuple[str, dict]],
    command: str,
    topic: str,
    no_topic: Sequence[tuple[str, dict]] = (),
    hard_topic: str = HARD_TOPIC,
) -> str:
    """The results section of RESULTS.md."""
    lines = [
        "## Ranking quality",
        "",
        f"Reproduce: `{command}`",
        "",
        "Each world is generated by `crawler.sandbox` (random seed, number of blogs, languages;",
        "`hard` worlds by `tests/worlds/hard.py`), served on 127.0.0.1 and crawled by",
        f'`blogscout crawl --hops 2` from its seeds; easy worlds are ranked with `--topic "{topic}"`,',
        f'hard worlds with `--topic "{hard_topic}"` (SEO is a near miss there).',
        "All methods order the same candidates (the blogs `blogscout rank` lists: no seeds,",
        "platforms or sites the crawler did not take for blogs).",
        "NDCG@20 with graded gains (2^g - 1): easy worlds g = 1 for `partner`, else 0; hard worlds",
        "g = 2 for a core partner (social media or online marketing), 1 for an adjacent blog",
        "(content marketing, online PR), 0 for near misses (SEO, e-commerce), lifestyle blogs using",
        "the buzzwords, copies, dead, off-topic blogs, the magazine, farms and shops. P@k = share",
        'of (core) partners in the top k. "Candidates (partners)" = ranked blogs (partners among',
        "them of partners generated).",
        "",
        "| world | candidates (partners) | method | P@10 | P@20 | NDCG@20 |",
        "|---|---|---|---:|---:|---:|",
    ]
    for name, res in results:
        for i, method in enumerate(METHODS):
            m = res["metrics"][method]
            head = f"{name} | {res['candidates']} ({res['relevant']} of {res['partners']})" if i == 0 else " | "
            label = f"**{LABELS[method]}**" if method == "combined" else LABELS[method]
            lines.append(f"| {head} | {label} | {m['p10']:.2f} | {m['p20']:.2f} | {m['ndcg20']:.3f} |")
    lines += ["", "Per world, the combined score against the best single signal (NDCG@20):", ""]
    lines += ["| world | combined | P@10 | best single signal | its NDCG@20 |", "|---|---:|---:|---|---:|"]
    for name, res in results:
        m = res["metrics"]
        best = max(SINGLE, key=lambda k: m[k]["ndcg20"])
        lines.append(
            f"| {name} | {m['combined']['ndcg20']:.3f} | {m['combined']['p10']:.2f} | {LABELS[best]} | "
            f"{m[best]['ndcg20']:.3f} |"
        )
    for title, keep in (("easy", False), ("hard", True)):
        group = [res for name, res in results if name.startswith("hard") == keep]
        if not group:
            continue
        lines += ["", f"Mean over {title} worlds:", "", "| method | P@10 | P@20 | NDCG@20 |", "|---|---:|---:|---:|"]
        for method in METHODS:
            vals = [res["metrics"][method] for res in group]
            mean = {k: sum(v[k] for v in vals) / len(vals) for k in ("p10", "p20", "ndcg20")}
            lines.append(f"| {LABELS[method]} | {mean['p10']:.2f} | {mean['p20']:.2f} | {mean['ndcg20']:.3f} |")
    lines.append("")
    ok = all(beats(res) for _, res in results)
    lines.append(
        "Combined beats TF-IDF, PageRank, in-degree and personalized PageRank alone on NDCG@20 in every "
        f"world: **{'yes' if ok else 'no'}**."
    )
    lines.append("")
    if no_topic:
        lines.append("Easy worlds ranked without `--topic` (profile from the seeds' text only), NDCG@20:")
        lines.append("")
        lines.append("| world | " + " | ".join(LABELS[m] for m in METHODS) + " |")
        lines.append("|---|" + "---:|" * len(METHODS))
        for name, res in no_topic:
            lines.append(f"| {name} | " + " | ".join(f"{res['metrics'][m]['ndcg20']:.3f}" for m in METHODS) + " |")
        ok = all(beats(res) for _, res in no_topic)
        lines.append("")
        lines.append(f"Combined beats every single signal without a topic too: **{'yes' if ok else 'no'}**.")
        lines.append("")
    lines.extend(NOTES)
    lines.append("Ranked candidates by ground-truth label:")
    lines.append("")
    for name, res in results:
        lines.append(f"- {name}: " + ", ".join(f"{k} {v}" for k, v in res["labels"].items()))
    lines.append("")
    return "\n".join(lines)


NOTES = [
    "Notes: the crawl runs concurrently, so the candidate set can differ by a blog or two",
    "between runs and the single-signal figures move with it. Easy worlds separate partners from",
    "traps cleanly: link farms look on topic but sit outside the seeds' neighbourhood; hubs are",
    "linked by everyone but off topic; dead blogs are on topic and well linked, so only activity",
    "catches them. Hard worlds are built so that no single signal gets there (see below).",
    "",
    "Why a careful person can still label every blog of a hard world, reading only its pages:",
    "",
    "- Core partners write mostly about social media or online marketing (85% of their topical",
    "  sentences), post within the last weeks or months (dates on every post, in the feed or in",
    '  the text as "14. Mai 2024", "14.05.2024", "May 14, 2024"), and sit in the seeds\' circle:',
    "  in a seed's blogroll, or in the blogroll of a blog that is, and link back to a seed. Thin",
    "  ones have two or three short posts, all on topic; monthly ones post once a month.",
    "- Adjacent blogs are plainly about content marketing or press work, with some social media;",
    "  near misses about SEO or shops, with some online marketing. The seeds link both like",
    "  friends, so links cannot tell them apart; the text can, and a reader sees it at once.",
    "- Lifestyle blogs use Instagram and influencer words in 40% of their topical sentences, the",
    "  rest is home, family and films; off-topic blogs mention marketing in passing, once in a",
    "  long post. Neither is in a seed's blogroll.",
    "- Dead blogs show this year in the footer and comments from last week, but every post date",
    "  is two to four years old: comment dates sit in the comment list, the footer has a year only.",
    "- Copies repeat whole paragraphs of the seeds' posts with a few words swapped, under the",
    "  seeds' titles, all dated this week, and link mostly to each other; a reader who has read",
    "  the seeds recognises the text.",
    "- The magazine is linked by almost everyone and writes about fashion, trips and films.",
    "",
]


def write_section(path: Path, section: str) -> None:
    """Replace (or append) the '## Ranking quality' section of a Markdown file."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n\n"
    start = text.find("## Ranking quality")
    if start >= 0:
        end = text.find("\n## ", start + 1)
        text = text[:start] + section + ("\n" + text[end + 1 :] if end >= 0 else "")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text, encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--worlds", default=DEFAULT_WORLDS, help="seed:blogs:langs,... (langs de, en or de+en)")
    parser.add_argument("--topic", default=DEFAULT_TOPIC)
    parser.add_argument("--hard-topic", default=HARD_TOPIC, help="Topic for hard worlds.")
    parser.add_argument("--workdir", default=None, help="Keep crawl databases here (default: a temp dir).")
    parser.add_argument("--db", default=None, help="Evaluate an existing crawl database instead of crawling.")
    parser.add_argument("--truth", default=None, help="Ground-truth JSON {site: label} for --db.")
    parser.add_argument("--write", default=None, help="Write the table into this Markdown file.")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", stream=sys.stderr)
    logging.getLogger("scoring").setLevel(logging.WARNING)
    logging.getLogger("crawler").setLevel(logging.WARNING)

    results: list[tuple[str, dict]] = []
    no_topic: list[tuple[str, dict]] = []
    if args.db:
        truth_path = Path(args.truth or f"{args.db}.truth.json")
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        results.append((Path(args.db).name, evaluate(Path(args.db), truth, args.topic)))
        if args.topic:
            no_topic.append((Path(args.db).name, evaluate(Path(args.db), truth, "")))
    else:
        with tempfile.TemporaryDirectory() as tmp:
            workdir = Path(args.workdir or tmp)
            workdir.mkdir(parents=True, exist_ok=True)
            for spec in args.worlds.split(","):
                world = World.parse(spec)
                hard = "-hard" if world.hard else ""
                db_path = workdir / f"world-{world.seed}-{world.blogs}-{'+'.join(world.langs)}{hard}.db"
                truth = crawl_world(world, db_path)
                results.append((world.name, evaluate(db_path, truth, args.hard_topic if world.hard else args.topic)))
                if args.topic and not world.hard:
                    no_topic.append((world.name, evaluate(db_path, truth, "")))
    command = (
        "python benchmarks/ranking_quality.py"
        + (f" --worlds {args.worlds}" if args.worlds != DEFAULT_WORLDS else "")
        + (f' --topic "{args.topic}"' if args.topic != DEFAULT_TOPIC else "")
        + " --write benchmarks/RESULTS.md"
    )
    section = markdown(results, command, args.topic, no_topic, args.hard_topic)
    print(section)
    if args.write:
        write_section(Path(args.write), section)
    return 0 if all(beats(res) for _, res in results) else 1


if __name__ == "__main__":
    sys.exit(main())
