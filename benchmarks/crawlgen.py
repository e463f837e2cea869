"""Generate large, realistic crawl databases for the ranking cost benchmark.

A database is written through `crawler.storage.db.connect` (the real schema and indexes) with batched
inserts in one transaction. It holds:

- ``sites``: a few seeds, ~1% platforms, the rest candidates (90% of them blogs); German,
  English or undeclared language.
- ``pages``: a home page and 1-3 posts per blog, ~500 words of main text per site in all. The
  words follow a Zipf law over a per-language pool: the language's stop words, every word of
  ``crawler/sandbox/vocab.json`` and ~40,000 generated words, so documents differ as real blog
  texts do; ~15% of sentences are the sandbox's topic sentences. Every page carries the same
  sidebar line, which ranking must keep once.
- ``links``: the requested number of link rows, from pages to other sites with kinds (nav
  links stay on the site, social and share links go to platforms, blogroll, content and
  comment links to other blogs), targets drawn by popularity and by neighbourhood so the graph
  has hubs and communities; blogroll links repeat on several pages of a site.
- ``feed_entries`` (5 dated posts per blog, some blogs long dead), ``contacts`` and one
  finished ``runs`` row.

Generation is deterministic for a given size and seed.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from crawler.storage import db as dbmod  # noqa: E402

VOCAB = ROOT / "crawler" / "sandbox" / "vocab.json"
REFERENCE = date(2024, 6, 1)
FINISHED_AT = "2024-06-01T12:00:00+00:00"
PLATFORMS = [
    "facebook.com",
    "instagram.com",
    "youtube.com",
    "twitter.com",
    "pinterest.com",
    "linkedin.com",
    "amazon.de",
    "wikipedia.org",
    "xing.com",
    "tiktok.com",
]
BATCH = 20_000
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def _strings(value) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def word_pool(lang: str, rng: np.random.Generator, n_generated: int = 40_000) -> tuple[list[str], list[str]]:
    """(pool of words in Zipf rank order, the language's topic sentences)."""
    import stop_words

    vocab = json.loads(VOCAB.read_text(encoding="utf-8"))[lang]
    stops = sorted(stop_words.get_stop_words("german" if lang == "de" else "english"), key=len)[:150]
    words = sorted({w for s in _strings(vocab) for w in _WORD.findall(s) if "{" not in w and len(w) > 2})
    words = [words[i] for i in rng.permutation(len(words))]
    sentences = sorted({s for t in vocab["topics"].values() for s in t["sentences"]})
    syl = (
        [
            "ber",
            "gen",
            "lich",
            "keit",
            "ung",
            "schaft",
            "stra",
            "wer",
            "tag",
            "markt",
            "haus",
            "licht",
            "kauf",
            "fahr",
            "blick",
            "feld",
            "reich",
            "werk",
            "zeit",
            "bau",
        ]
        if lang == "de"
        else [
            "con",
            "ment",
            "tion",
            "pro",
            "ver",
            "ing",
            "able",
            "ster",
            "light",
            "port",
            "form",
            "line",
            "mark",
            "work",
            "book",
            "land",
            "sure",
            "press",
            "view",
            "ness",
        ]
    )
    onsets = list("bdfghklmnprstvwz")
    vowels = list("aeiou") + (["ä", "ö", "ü", "ei", "au"] if lang == "de" else ["ea", "oo", "ai"])
    generated: set[str] = set()
    while len(generated) < n_generated:
        k = int(rng.integers(1, 4))
        w = "".join(rng.choice(onsets) + rng.choice(vowels) for _ in range(k)) + rng.choice(syl)
        generated.add(w.capitalize() if lang == "de" and rng.random() < 0.4 else w)
    gen = sorted(generated)
    gen = [gen[i] for i in rng.permutation(len(gen))]
    return stops + words + gen, sentences


class TextMaker:
    """Zipf-distributed sentences in one language."""

    def __init__(self, lang: str, rng: np.random.Generator):
        self.rng = rng
        self.pool, self.sentences = word_pool(lang, rng)
        ranks = np.arange(1, len(self.pool) + 1, dtype=np.float64)
        p = 1.0 / (ranks + 2.7) ** 1.05
        self.cdf = np.cumsum(p / p.sum())
        self.arr = np.array(self.pool, dtype=object)

    def words(self, n: int) -> np.ndarray:
        idx = np.searchsorted(self.cdf, self.rng.random(n))
        return self.arr[np.minimum(idx, len(self.pool) - 1)]

    def paragraphs(self, n_words: int) -> str:
        """About ``n_words`` words as lines of 2-5 sentences."""
        words = self.words(n_words)
        out, line, i = [], [], 0
        while i < len(words):
            if self.rng.random() < 0.15:
                s = self.sentences[int(self.rng.integers(len(self.sentences)))]
                i += s.count(" ") + 1
            else:
                k = int(self.rng.integers(6, 16))
                chunk = list(words[i : i + k])
                i += k
                s = " ".join(chunk)
                s = s[:1].upper() + s[1:] + "."
            line.append(s)
            if len(line) >= int(self.rng.integers(2, 6)):
                out.append(" ".join(line))
                line = []
        if line:
            out.append(" ".join(line))
        return "\n".join(out)


def _site_names(n: int, rng: np.random.Generator) -> list[str]:
    parts = [
        "seo",
        "content",
        "social",
        "blog",
        "marketing",
        "koch",
        "reise",
        "garten",
        "foto",
        "fussball",
        "netz",
        "web",
        "text",
        "daten",
        "leben",
        "notizen",
        "welt",
        "ideen",
        "kueche",
        "weg",
    ]
    tlds = ["de", "de", "de", "at", "ch", "com", "net", "blog", "co.uk", "wordpress.com"]
    names = set()
    out = []
    i = 0
    while len(out) < n:
        a, b = rng.choice(parts, 2)
        name = f"{a}-{b}-{i}.{rng.choice(tlds)}"
        i += 1
        if name not in names:
            names.add(name)
            out.append(name)
    return out


def generate(path: str | Path, n_sites: int, n_links: int, seed: int = 1) -> None:
    """Write a crawl database of ``n_sites`` sites and ``n_links`` link rows to ``path``."""
    path = Path(path)
    tmp = path.with_suffix(".tmp")
    for p in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        p.unlink(missing_ok=True)
    rng = np.random.default_rng(seed)
    makers = {"de": TextMaker("de", rng), "en": TextMaker("en", rng)}

    n_platforms = max(5, n_sites // 100)
    n_seeds = max(3, min(20, n_sites // 5000 + 3))
    names = PLATFORMS[:n_platforms] + [f"platform-{i}.com" for i in range(n_platforms - len(PLATFORMS))]
    names += _site_names(n_sites - n_platforms, rng)
    n = len(names)
    is_platform = np.zeros(n, dtype=bool)
    is_platform[:n_platforms] = True
    blog_ids = np.arange(n_platforms, n)
    seed_ids = rng.choice(blog_ids, n_seeds, replace=False)
    role = np.array(["candidate"] * n, dtype=object)
    role[:n_platforms] = "platform"
    role[seed_ids] = "seed"
    is_blog = (~is_platform) & (rng.random(n) < 0.9)
    is_blog[seed_ids] = True
    text_lang = np.where(rng.random(n) < 0.58, "de", "en")
    declared = np.where(rng.random(n) < 0.06, None, text_lang)
    dead = rng.random(n) < 0.15

    db = dbmod.connect(tmp)
    conn = db.conn
    with conn:
        conn.execute(
            "INSERT INTO runs (id, started_at, finished_at, command, status, seeds, options, stats) "
            "VALUES (1, ?, ?, 'crawl', 'finished', ?, '{}', '{}')",
            ("2024-06-01T10:00:00+00:00", FINISHED_AT, json.dumps([names[i] for i in seed_ids])),
        )

        # Pages: home + 1-3 posts for every non-platform site.
        page_urls: list[list[str]] = [[] for _ in range(n)]
        rows = []
        for i in range(n):
            site = names[i]
            if is_platform[i]:
                continue
            tm = makers[text_lang[i]]
            n_posts = int(rng.integers(1, 4))
            sidebar = f"{site} " + " ".join(tm.words(6))
            budget = int(rng.normal(500, 80))
            home_words = budget // 3
            post_words = (budget - home_words) // n_posts
            lang = declared[i]
            home = f"https://{site}/"
            page_urls[i].append(home)
            rows.append(
                (
                    home,
                    site,
                    1,
                    FINISHED_AT,
                    200,
                    "home",
                    "text/html",
                    site,
                    lang,
                    None,
                    tm.paragraphs(home_words) + "\n" + sidebar,
                )
            )
            for k in range(n_posts):
                day = REFERENCE - timedelta(days=int(rng.integers(1, 900 if not dead[i] else 3000)))
                url = f"https://{site}/{day.year}/{day.month:02d}/post-{k}/"
                page_urls[i].append(url)
                rows.append(
                    (
                        url,
                        site,
                        1,
                        FINISHED_AT,
                        200,
                        "post",
                        "text/html",
                        f"Post {k}",
                        lang,
                        day.isoformat(),
                        tm.paragraphs(post_words) + "\n" + sidebar,
                    )
                )
            if len(rows) >= BATCH:
                conn.executemany(
                    "INSERT INTO pages (url, site, run_id, fetched_at, status, page_kind, "
                    "content_type, title, language, published, text) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    rows,
                )
                rows = []
        if rows:
            conn.executemany(
                "INSERT INTO pages (url, site, run_id, fetched_at, status, page_kind, "
                "content_type, title, language, published, text) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                rows,
            )

        # Links: popularity (Zipf over a random order of blogs) mixed with neighbourhood.
        n_blogs = len(blog_ids)
        pop_order = blog_ids[rng.permutation(n_blogs)]
        pr = 1.0 / np.arange(1, n_blogs + 1) ** 0.9
        pop_cdf = np.cumsum(pr / pr.sum())
        linkers = np.repeat(blog_ids, 1)  # every non-platform site has pages
        w_out = rng.pareto(1.5, n_blogs) + 1.0
        w_out[np.isin(blog_ids, seed_ids)] *= 8
        src = rng.choice(linkers, n_links, p=w_out / w_out.sum())
        kinds = rng.choice(
            np.array(["nav", "content", "blogroll", "comment", "social", "share"]),
            n_links,
            p=[0.25, 0.25, 0.2, 0.1, 0.1, 0.1],
        )
        by_pop = np.minimum(np.searchsorted(pop_cdf, rng.random(n_links)), n_blogs - 1)
        near = (src - n_platforms + rng.integers(-50, 51, n_links)) % n_blogs
        tgt = np.where(rng.random(n_links) < 0.5, pop_order[by_pop], blog_ids[near])
        plat = rng.integers(0, n_platforms, n_links)
        rows = []
        for j in range(n_links):
            s, kind = int(src[j]), str(kinds[j])
            urls = page_urls[s]
            if kind == "blogroll":
                from_url = urls[int(rng.integers(len(urls)))] if rng.random() < 0.6 else urls[0]
            elif kind in ("content", "comment"):
                from_url = urls[-1] if len(urls) == 1 else urls[1 + int(rng.integers(len(urls) - 1))]
            else:
                from_url = urls[int(rng.integers(len(urls)))]
            if kind == "nav":
                t = s
                to_url = urls[int(rng.integers(len(urls)))]
            elif kind in ("social", "share"):
                t = int(plat[j])
                to_url = f"https://{names[t]}/{names[s].split('.')[0]}"
            else:
                t = int(tgt[j])
                to_url = f"https://{names[t]}/"
            rows.append((1, from_url, names[s], to_url, names[t], kind, "", ""))
            if len(rows) >= BATCH:
                conn.executemany(
                    "INSERT INTO links (run_id, from_url, from_site, to_url, to_site, kind, anchor, rel) "
                    "VALUES (?,?,?,?,?,?,?,?)",
                    rows,
                )
                rows = []
        if rows:
            conn.executemany(
                "INSERT INTO links (run_id, from_url, from_site, to_url, to_site, kind, anchor, rel) "
                "VALUES (?,?,?,?,?,?,?,?)",
                rows,
            )

        # Sites, feed entries, contacts.
        site_rows, feed_rows, contact_rows = [], [], []
        for i in range(n):
            site = names[i]
            blog = not is_platform[i]
            feed = f"https://{site}/feed/" if blog else None
            site_rows.append(
                (
                    site,
                    f"https://{site}/",
                    role[i],
                    0 if role[i] == "seed" else 1,
                    "" if role[i] == "seed" else f"blogroll of {names[int(seed_ids[i % n_seeds])]}",
                    site.split(".")[0].replace("-", " ").title(),
                    declared[i] if blog else None,
                    feed,
                    int(is_blog[i]),
                    len(page_urls[i]),
                    1,
                )
            )
            if blog:
                horizon = 3000 if dead[i] else 200
                for k in range(5):
                    day = REFERENCE - timedelta(days=int(rng.integers(0, horizon)))
                    feed_rows.append(
                        (
                            site,
                            f"https://{site}/{day.isoformat()}/entry-{k}/",
                            1,
                            feed,
                            f"Entry {k}",
                            f"{day.isoformat()}T08:00:00+00:00",
                        )
                    )
                if rng.random() < 0.7:
                    contact_rows.append((site, "email", f"hallo@{site}", 1, f"https://{site}/kontakt/"))
                    contact_rows.append((site, "impressum_url", f"https://{site}/impressum/", 1, f"https://{site}/"))
                if rng.random() < 0.3:
                    contact_rows.append(
                        (site, "social", f"https://instagram.com/{site.split('.')[0]}", 1, f"https://{site}/")
                    )
        conn.executemany(
            "INSERT INTO sites (site, home_url, role, hops, found_via, title, language, feed_url, "
            "is_blog, pages, first_run) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            site_rows,
        )
        conn.executemany(
            "INSERT OR REPLACE INTO feed_entries (site, entry_url, run_id, feed_url, title, published) "
            "VALUES (?,?,?,?,?,?)",
            feed_rows,
        )
        conn.executemany(
            "INSERT OR IGNORE INTO contacts (site, kind, value, run_id, source_url) VALUES (?,?,?,?,?)", contact_rows
        )
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    tmp.replace(path)
    for suffix in ("-wal", "-shm"):
        Path(f"{tmp}{suffix}").unlink(missing_ok=True)


if __name__ == "__main__":
    import argparse
    import time

    ap = argparse.ArgumentParser(description="Write a generated crawl database.")
    ap.add_argument("path")
    ap.add_argument("--sites", type=int, default=1000)
    ap.add_argument("--links", type=int, default=10_000)
    args = ap.parse_args()
    t0 = time.perf_counter()
    generate(args.path, args.sites, args.links)
    print(f"{args.path}: {time.perf_counter() - t0:.1f} s", file=sys.stderr)
