"""A page-only baseline: rank the crawled candidates the way a careful reader of their pages would.

Reads only the crawl database (``pages`` and the site roles in ``sites``); imports nothing of the
ranking code. Per candidate site:

- topicality: share of the words of its posts (home page when it has no posts) that are topic words;
- activity: dated posts, age of the newest one (nothing since last year: dead);
- a legal notice (Impressum) or an about page;
- copies: posts that repeat a seed's sentences (8-word runs after dropping short words), or that
  say they first appeared elsewhere;
- machine blogs: three or more posts on one day; link sellers: price lists for backlinks.

    python benchmarks/blind/reader.py DB [--topic "content marketing, seo, social media marketing"]
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sqlite3
from collections import Counter, defaultdict
from pathlib import Path

TODAY = dt.date(2026, 12, 7)
WORD = re.compile(r"[a-zäöüß0-9]+(?:-[a-zäöüß0-9]+)*", re.I)
SELLER = ("backlinks kaufen", "backlink-pakete", "dofollow", "gastartikel kaufen", "linkpaket")
FIRST_ON = ("erschien zuerst auf", "first appeared on", "originally published")


def _words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text or "")]


def _shingles(text: str, n: int = 6) -> set[tuple[str, ...]]:
    words = [w for w in _words(text) if len(w) > 3]
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def _date(s: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat((s or "")[:10])
    except ValueError:
        return None


MONTHS = {
    m: i + 1
    for i, m in enumerate(
        (
            "januar",
            "februar",
            "märz",
            "april",
            "mai",
            "juni",
            "juli",
            "august",
            "september",
            "oktober",
            "november",
            "dezember",
        )
    )
}
MONTHS_EN = {
    m: i + 1
    for i, m in enumerate(
        (
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        )
    )
}


def _text_dates(text: str) -> list[dt.date]:
    out = []
    for d, m, y in re.findall(r"\b(\d{1,2})\.\s*([A-Za-zä]+)\s+(20\d\d)\b", text):
        if m.lower() in MONTHS:
            out.append(dt.date(int(y), MONTHS[m.lower()], int(d)))
    for m, d, y in re.findall(r"\b([A-Z][a-z]+) (\d{1,2}), (20\d\d)\b", text):
        if m.lower() in MONTHS_EN:
            out.append(dt.date(int(y), MONTHS_EN[m.lower()], int(d)))
    return [d for d in out if d <= TODAY]


def rank(db: Path | str, topic: str) -> list[str]:
    terms = {w for t in topic.split(",") for w in _words(t)}
    con = sqlite3.connect(str(db))
    roles = dict(con.execute("SELECT site, role FROM sites"))
    pages: dict[str, list[tuple[str, str, str, str]]] = defaultdict(list)
    for url, site, kind, published, text in con.execute(
        "SELECT url, site, page_kind, published, text FROM pages WHERE status = 200 OR status IS NULL"
    ):
        pages[site].append((url, kind or "", published or "", text or ""))
    con.close()

    seed_posts: list[set[tuple[str, ...]]] = []
    for site, rows in pages.items():
        if roles.get(site) == "seed":
            seed_posts += [_shingles(text, 4) for _, kind, _, text in rows if kind == "post" and text]

    def copied(text: str) -> bool:
        mine = _shingles(text, 4)
        return bool(mine) and max((len(mine & sp) / len(mine) for sp in seed_posts), default=0.0) >= 0.25

    scores: dict[str, float] = {}
    for site, rows in pages.items():
        if roles.get(site) != "candidate":
            continue
        posts = [r for r in rows if r[1] == "post" and r[3]]
        kinds = {r[1] for r in rows}
        body = " ".join(r[3] for r in posts) or " ".join(r[3] for r in rows if r[1] == "home")
        words = _words(body)
        if not words:
            continue
        topical = sum(1 for w in words if w in terms or any(w.startswith(t) for t in terms if len(t) > 4))
        topicality = min(1.0, topical / len(words) / 0.03)
        dates = [d for d in (_date(r[2]) for r in posts) if d]
        if not dates:  # dates a reader sees in the text of the home page ("3. Dezember 2026", "December 3, 2026")
            home = " ".join(r[3] for r in rows if r[1] == "home")
            dates = _text_dates(home)
        if dates:
            age = (TODAY - max(dates)).days
            activity = 1.0 if age <= 90 else 0.7 if age <= 365 else 0.1
            activity *= min(1.0, 0.6 + 0.1 * len(dates))
        else:
            activity = 0.25 if len(posts) >= 2 else 0.1
        legal = 1.0 if kinds & {"impressum", "about"} else 0.5
        penalty = 1.0
        low = body.lower() + " " + " ".join(r[3].lower() for r in rows if r[1] in ("home", "about"))
        if any(p in low for p in FIRST_ON):
            penalty *= 0.05
        n_copied = sum(1 for r in posts if copied(r[3]))
        if posts and n_copied >= max(1, len(posts) // 3):
            penalty *= 0.05
        per_day = Counter(dates)
        if per_day and max(per_day.values()) >= 3:
            penalty *= 0.1
        if sum(low.count(p) for p in SELLER) >= 2:
            penalty *= 0.1
        scores[site] = topicality * activity * legal * penalty
    return sorted(scores, key=lambda s: (-scores[s], s))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("db")
    ap.add_argument("--topic", default="content marketing, seo, social media marketing")
    args = ap.parse_args()
    for i, site in enumerate(rank(args.db, args.topic), 1):
        print(i, site)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
