"""Hard sandbox worlds: graded labels and traps, and a crawl ranked end to end."""

from __future__ import annotations

import collections
import csv
import datetime as dt

import pytest
from conftest import FAST, blogscout
from worlds.hard import GAINS, HARD_LABELS, generate_hard_world, hard_counts

from crawler.sandbox import SandboxServer, generate_world

TODAY = dt.date(2026, 3, 1)


@pytest.fixture(scope="module")
def hard():
    return generate_hard_world(seed=5, n_blogs=40, today=TODAY)


def _of(world, label):
    return [b for b in world.blogs if b.label == label]


def test_hard_world_has_graded_and_trap_labels(hard):
    counts = collections.Counter(hard.truth.values())
    assert {label: counts[label] for label in hard_counts(40)} == hard_counts(40)
    assert GAINS == {"partner": 2, "adjacent": 1}


def test_hard_world_is_opt_in():
    easy = generate_world(seed=5, n_blogs=40, today=TODAY)
    assert not set(HARD_LABELS) & set(easy.truth.values())


def test_hard_world_dead_blog_shows_this_year_and_recent_comments(hard):
    dead = next(b for b in _of(hard, "dead") if b.cms in ("wordpress", "blogger") and b.feed_format)
    body = hard.response(dead.url(dead.posts[0].path)).body.decode()
    assert f"&copy; {TODAY.year}" in body and dead.last_post.year < TODAY.year - 1
    assert max(c.when for p in dead.posts for c in p.comments) >= TODAY - dt.timedelta(days=20)


def test_hard_world_feedless_blog_writes_dates_only_as_text(hard):
    blog = next(b for b in _of(hard, "partner") if b.feed_format is None)
    body = hard.response(blog.home_url).body.decode()
    assert "datetime=" not in body and 'type="application/rss+xml"' not in body
    assert str(blog.posts[0].published.year) in body


def test_hard_world_copies_are_spun_seed_posts_dated_this_week(hard):
    copy = _of(hard, "copy")[0]
    post = copy.posts[0]
    seed, original = next((s, p) for s in _of(hard, "seed") for p in s.posts if p.title == post.title)
    page = hard.response(seed.url(original.path)).body.decode()
    sentences = [s for s in post.text.replace("\n\n", " ").split(". ") if len(s.split()) > 6]
    assert sentences and sum(s in page for s in sentences) >= len(sentences) // 3
    assert post.text not in page and post.published >= TODAY - dt.timedelta(days=7)


@pytest.fixture(scope="module")
def ranked(tmp_path_factory, hard):
    """The hard world crawled from its seeds and ranked: {site: export row}."""
    tmp = tmp_path_factory.mktemp("hard")
    db, out = tmp / "hard.db", tmp / "ranking.csv"
    with SandboxServer(hard) as server:
        crawl = blogscout(
            "crawl", *hard.seeds, "--db", str(db), "--hops", "2", "--quiet", *FAST, proxy=server.proxy_url
        )
    assert crawl.returncode == 0, crawl.stderr
    result = blogscout(
        "rank", "--db", str(db), "--topic", "social media marketing, online marketing", "--out", str(out)
    )
    assert result.returncode == 0, result.stderr
    with open(out, encoding="utf-8-sig", newline="") as fh:
        return {row["site"]: row for row in csv.DictReader(fh)}


def test_hard_world_copies_are_marked_and_not_in_top_ten(ranked, hard):
    copies = [b.site for b in _of(hard, "copy")]
    assert all("copied text" in ranked[c]["why"] for c in copies if c in ranked)
    assert sum(c in ranked for c in copies) >= 2
    assert all(int(ranked[c]["rank"]) > 10 for c in copies if c in ranked)


def test_hard_world_feedless_dated_blogs_are_not_undated(ranked, hard):
    feedless = [b.site for b in hard.blogs if b.feed_format is None and b.label in ("partner", "dead")]
    found = [ranked[s] for s in feedless if s in ranked]
    assert len(found) >= 3
    assert all(row["last_post"] and "no dated posts" not in row["why"] for row in found)


def test_hard_world_dead_blogs_rank_below_every_partner(ranked, hard):
    partners = [int(ranked[b.site]["rank"]) for b in _of(hard, "partner") if b.site in ranked]
    dead = [int(ranked[b.site]["rank"]) for b in _of(hard, "dead") if b.site in ranked]
    assert dead and max(partners) < min(dead)


def test_hard_world_top_ten_are_partners(ranked, hard):
    top = [s for s, row in ranked.items() if int(row["rank"]) <= 8]
    assert all(hard.truth[s] in ("partner", "adjacent") for s in top)
