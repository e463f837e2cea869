"""Crawl policy on fake responses: which pages and links a page leads to, and in what order."""

from __future__ import annotations

import pytest
from scrapy.http import HtmlResponse

from crawler.extract.page import extract_page
from crawler.spiders import policy

HOME = """<html lang="de"><head><title>Anna bloggt</title>
<link rel="alternate" type="application/rss+xml" href="/feed/">
</head><body>
<nav><a href="/ueber-mich/">Über mich</a> <a href="/kontakt/">Kontakt</a> <a href="/impressum/">Impressum</a>
<a href="/blogroll/">Blogroll</a></nav>
<article><h2><a href="/2024/05/seo-tipps/">SEO-Tipps</a></h2></article>
<article><h2><a href="/2024/04/content-plan/">Content-Plan</a></h2></article>
<article><h2><a href="/2024/03/linkaufbau/">Linkaufbau</a></h2></article>
<article><h2><a href="/2024/02/keywords/">Keywords</a></h2></article>
<aside><h3>Blogroll</h3><ul><li><a href="http://ben-schreibt.de/">Ben schreibt</a></li>
<li><a href="http://clara.blog/">Clara</a></li></ul></aside>
<p>Alles über SEO und Content Marketing.</p>
</body></html>"""


def response(body: str, url: str = "http://anna-bloggt.de/") -> HtmlResponse:
    return HtmlResponse(url=url, body=body, encoding="utf-8")


@pytest.fixture(scope="module")
def home_info():
    page = response(HOME)
    return extract_page(page.body, page.url, encoding="utf-8")


def test_site_pages_of_a_seed_home_page(home_info):
    wanted = policy.site_pages(home_info, "anna-bloggt.de", "seed", "home", posts=10)
    kinds = [kind for _, kind in wanted]
    assert kinds[0] == "feed" and wanted[0][0] == "http://anna-bloggt.de/feed/"
    assert {"about", "contact", "impressum", "blogroll"} <= set(kinds)
    assert kinds.count("post") == 4


def test_site_pages_limit_a_candidate_to_its_post_limit(home_info):
    wanted = policy.site_pages(home_info, "anna-bloggt.de", "candidate", "home", posts=3)
    assert [kind for _, kind in wanted].count("post") == 3


def test_site_pages_take_posts_only_from_the_home_page(home_info):
    wanted = policy.site_pages(home_info, "anna-bloggt.de", "seed", "post", posts=10)
    assert "post" not in {kind for _, kind in wanted}


def test_site_pages_leave_out_other_sites(home_info):
    assert policy.site_pages(home_info, "ben-schreibt.de", "seed", "home", posts=10) == []


def test_site_pages_read_more_blogrolls_of_a_seed():
    links = "".join(f'<a href="/blogroll-{i}/">Blogroll {i}</a>' for i in range(8))
    page = response(f"<html><body><p>Text</p>{links}</body></html>")
    info = extract_page(page.body, page.url)
    seed = policy.site_pages(info, "anna-bloggt.de", "seed", "home", posts=0)
    candidate = policy.site_pages(info, "anna-bloggt.de", "candidate", "home", posts=0)
    assert len(info.blogroll_urls) == 8
    assert [k for _, k in seed].count("blogroll") == policy.SEED_BLOGROLLS_PER_PAGE
    assert [k for _, k in candidate].count("blogroll") == policy.CANDIDATE_BLOGROLLS_PER_PAGE


def test_empty_site_pages():
    page = response("<html><body></body></html>")
    assert policy.site_pages(extract_page(page.body, page.url), "anna-bloggt.de", "seed", "home", posts=10) == []


def test_followed_links_of_a_home_page_are_the_blogroll(home_info):
    followed = {(link.url, link.kind) for link in home_info.links if policy.follows_link(link.kind)}
    other_sites = {(url, kind) for url, kind in followed if "anna-bloggt.de" not in url}
    assert other_sites == {("http://ben-schreibt.de/", "blogroll"), ("http://clara.blog/", "blogroll")}
    assert not any(policy.follows_link(link.kind) for link in home_info.links if link.kind in ("nav", "social"))


def test_topicality_of_a_page_text(home_info):
    assert policy.topicality(home_info.text, policy.topic_terms("SEO, Content Marketing")) == 1.0
    assert policy.topicality(home_info.text, policy.topic_terms("Kochen, SEO")) == 0.5


def test_empty_topicality():
    assert policy.topicality("", ["seo"]) == 0.0
    assert policy.topicality("SEO", []) == 0.0
    assert policy.topic_terms("") == []


@pytest.mark.parametrize(
    ("kind", "topical", "hops", "from_seed", "expected"),
    [
        ("blogroll", 0.0, 1, True, 80),
        ("blogroll", 0.0, 1, False, 50),
        ("content", 1.0, 1, False, 50),
        ("comment", 0.0, 2, False, 0),
    ],
)
def test_candidate_priority(kind, topical, hops, from_seed, expected):
    assert policy.candidate_priority(kind, topical, hops, from_seed) == expected


def test_priorities_put_seeds_first_and_feeds_before_posts():
    best_candidate = policy.candidate_priority("blogroll", 1.0, 1, True)
    assert policy.page_priority(policy.SEED_PRIORITY, "post") > policy.page_priority(best_candidate, "feed")
    assert policy.page_priority(100, "feed") > policy.page_priority(100, "blogroll") > policy.page_priority(100, "post")
    assert policy.resumed_priority("candidate", 1) == policy.candidate_priority("blogroll", 0.0, 1, False)


@pytest.mark.parametrize(
    ("role", "pages", "posts"), [("seed", 40, 10), ("candidate", 8, 3), ("platform", 0, 3), ("excluded", 0, 3)]
)
def test_budget_and_post_limit_by_role(role, pages, posts):
    assert policy.budget(role, seed_pages=40, candidate_pages=8) == pages
    assert policy.post_limit(role, seed_posts=10, candidate_posts=3) == posts


def test_feed_posts_newest_first_on_the_feed_site():
    urls = ["http://a.de/3", "http://b.de/x", "http://a.de/2", "http://a.de/1"]
    assert policy.feed_posts(urls, "a.de", 2) == [("http://a.de/3", "post"), ("http://a.de/2", "post")]
    assert policy.feed_posts([], "a.de", 2) == []


@pytest.mark.parametrize(
    ("content_type", "body", "page"),
    [
        ("text/html; charset=utf-8", True, True),
        ("application/rss+xml", True, True),
        ("text/plain", True, False),
        ("image/jpeg", False, False),
        ("application/pdf", False, False),
        ("", True, True),
    ],
)
def test_content_types_downloaded_and_parsed(content_type, body, page):
    assert policy.wants_body(content_type) is body
    assert policy.parses_as_page(content_type) is page


@pytest.mark.parametrize(
    ("kind", "previous", "changed", "expected"),
    [
        ("post", 0.0, False, 14.0),
        ("home", 0.0, True, 1.0),
        ("about", 0.0, True, 7.0),
        ("post", 14.0, False, 19.6),
        ("post", 10.0, True, 8.0),
        ("home", 80.0, False, policy.MAX_INTERVAL_DAYS),
        ("home", 0.04, True, policy.MIN_INTERVAL_DAYS),
        ("feed", 5.0, False, 0.0),
    ],
)
def test_next_interval_grows_while_unchanged_and_shrinks_on_change(kind, previous, changed, expected):
    assert policy.next_interval(kind, previous, changed) == pytest.approx(expected, abs=1e-5)


def test_empty_next_interval():
    assert policy.next_interval("", 0.0, False) == policy.DEFAULT_INTERVAL_DAYS


NOW = "2026-01-20T12:00:00+00:00"


@pytest.mark.parametrize(
    ("kind", "next_fetch", "kwargs", "due"),
    [
        ("feed", "2026-03-01T00:00:00+00:00", {}, True),
        ("post", "2026-03-01T00:00:00+00:00", {}, False),
        ("post", "2026-01-19T00:00:00+00:00", {}, True),
        ("home", "2026-03-01T00:00:00+00:00", {}, False),
        ("home", "2026-03-01T00:00:00+00:00", {"has_feed": False}, True),
        ("blogroll", "2026-03-01T00:00:00+00:00", {"site_changed": True}, True),
        ("about", "2026-03-01T00:00:00+00:00", {"site_changed": True}, False),
    ],
)
def test_is_due(kind, next_fetch, kwargs, due):
    assert policy.is_due(kind, next_fetch, NOW, **kwargs) is due


def test_empty_is_due():
    assert policy.is_due("post", "", NOW)


@pytest.mark.parametrize(
    ("kind", "failed_at", "due"),
    [
        ("http_5xx", "2026-01-19T11:00:00+00:00", True),
        ("timeout", "2026-01-20T11:00:00+00:00", False),
        ("redirect", "2026-01-19T11:00:00+00:00", False),
        ("http_4xx", "2026-01-13T11:00:00+00:00", True),
        ("http_4xx", "", True),
    ],
)
def test_retry_due(kind, failed_at, due):
    assert policy.retry_due(kind, failed_at, NOW) is due
