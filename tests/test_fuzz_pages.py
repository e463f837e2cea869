"""Property tests: real-looking pages and feeds of the sandbox web, mutated at random, never break extraction."""

from __future__ import annotations

from functools import lru_cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from worlds.hostile import hostile_world

from crawler.extract.contacts import EMAIL_RE
from crawler.extract.page import LINK_KINDS, extract_page, parse_feed, parse_opml
from crawler.extract.urls import canonical_url

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@lru_cache(maxsize=1)
def corpus() -> dict[str, list[tuple[str, bytes]]]:
    """(url, body) of sandbox pages by type: HTML (blog pages, hostile pages) and feeds/OPML."""
    world = hostile_world(seed=2, n_blogs=10)
    html, feeds = [], []
    for blog in world.blogs[:6]:
        for path in ["/", *(p.path for p in blog.posts[:2]), blog.page_path("about"), blog.blogroll_path]:
            html.append((blog.url(path), world.response(blog.url(path)).body))
        if blog.feed_url:
            feeds.append((blog.feed_url, world.response(blog.feed_url).body))
    for name in ("tag_soup", "broken_utf8", "ssrf_bait", "latin1_no_charset", "session_ids"):
        url = world.nasty[name]
        html.append((url, world.response(url).body))
    feeds.append((world.nasty["opml"], world.response(world.nasty["opml"]).body))
    return {"html": html, "feeds": feeds}


@st.composite
def mutated(draw, kind: str) -> tuple[str, bytes]:
    """A corpus document with a few random edits: cuts, deletions, repeats, inserted or flipped bytes."""
    url, body = draw(st.sampled_from(corpus()[kind]))
    data = bytearray(body)
    for _ in range(draw(st.integers(1, 4))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        op = draw(st.sampled_from(["cut", "delete", "repeat", "insert", "flip", "tag"]))
        if op == "cut":
            del data[at:]
        elif op == "delete":
            del data[at : at + draw(st.integers(1, 200))]
        elif op == "repeat":
            data[at:at] = data[at : at + draw(st.integers(1, 300))] * draw(st.integers(2, 5))
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=20))
        elif op == "flip":
            data[at] ^= draw(st.integers(1, 255))
        else:
            data[at:at] = draw(
                st.sampled_from(
                    [
                        b"<a href='",
                        b"</div>",
                        b"<!--",
                        b"<script>",
                        b"]]>",
                        b"&#x0;",
                        b"<meta charset='utf-16'>",
                        b"\xef\xbb\xbf",
                        b"<base href=x>",
                    ]
                )
            )
    return url, bytes(data)


@FUZZ
@given(doc=mutated("html"), encoding=st.sampled_from([None, "utf-8", "iso-8859-1"]))
def test_mutated_pages_extract_well_formed_results(doc, encoding):
    url, body = doc
    info = extract_page(body, url, encoding=encoding)
    for link in info.links:
        assert link.kind in LINK_KINDS
        assert canonical_url(link.url) == link.url
    for found in (info.feeds, info.blogroll_urls, info.about_urls, info.post_urls):
        assert all(u.startswith(("http://", "https://")) for u in found)
    assert all(EMAIL_RE.fullmatch(email) for email in info.emails)
    assert isinstance(info.title, str) and "\x00" not in info.title + info.text


@FUZZ
@given(doc=mutated("feeds"))
def test_mutated_feeds_and_opml_never_raise(doc):
    url, body = doc
    feed = parse_feed(body, url)
    assert all(e.url.startswith(("http://", "https://")) for e in feed.entries)
    assert all(isinstance(e.html_url or "", str) for e in parse_opml(body))


def test_corpus_is_not_empty():
    assert len(corpus()["html"]) > 20 and len(corpus()["feeds"]) > 3


def test_malformed_link_urls_in_head_and_feed_are_skipped():
    """Found by the fuzzer: ``urljoin`` raises on "http://]]>..." hosts, which crashed the page."""
    page = (
        b'<html><head><link rel="alternate" type="application/rss+xml" href="http://]]>blog.de/feed/">'
        b'<link rel="blogroll" href="http://[blog.de/roll.opml"></head><body><p>Text</p></body></html>'
    )
    info = extract_page(page, "http://blog.de/")
    assert info.feeds == [] and info.opml_urls == []
    feed = parse_feed(
        b"<rss><channel><link>http://[x</link><item><link>http://]]>a.de/1</link></item>"
        b"<item><link>http://blog.de/2</link></item></channel></rss>",
        "http://blog.de/feed/",
    )
    assert [e.url for e in feed.entries] == ["http://blog.de/2"]
