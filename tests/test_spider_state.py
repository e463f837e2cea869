"""What the spider keeps per site: compact states, and links beyond the hop limit kept on disk."""

import scrapy

from crawler.items import SiteItem
from crawler.spiders.blogs import BlogSpider
from crawler.spiders.state import DeferredLinks, SiteState


def test_deferred_links_spill_to_disk_and_come_back_in_order():
    links = DeferredLinks(buffer=2)
    for i in range(5):
        links.add("mid.de", f"http://x{i}.de/", "blogroll")
        links.add("other.de", f"http://y{i}.de/", "content")
    assert links._conn is not None  # spilled
    assert links.take("mid.de") == [(f"http://x{i}.de/", "blogroll") for i in range(5)]
    assert links.take("mid.de") == []
    assert [u for u, _ in links.take("other.de")] == [f"http://y{i}.de/" for i in range(5)]
    links.close()
    assert links._tmp is None


def test_empty_deferred_links():
    links = DeferredLinks()
    assert links.take("a.de") == []
    links.close()


def test_shorter_path_follows_the_links_deferred_at_the_hop_limit():
    spider = BlogSpider(seeds=["http://seed.de/"], hops=2)
    spider.sites.claim("seed.de", SiteState("seed", 0, 40, priority=200))
    spider.sites.claim("mid.de", SiteState("candidate", 2, 8))  # reached the long way, at the hop limit
    assert list(spider._discover("http://next.de/", "blogroll", "mid.de", 2, 0.0)) == []  # beyond: kept
    assert "next.de" not in spider.sites
    out = list(spider._discover("http://mid.de/", "blogroll", "seed.de", 0, 0.0))  # mid.de is 1 hop away
    assert spider.sites.get("mid.de").hops == 1
    assert spider.sites.get("next.de").hops == 2
    assert [o.site for o in out if isinstance(o, SiteItem)] == ["mid.de", "next.de"]
    assert [o.url for o in out if isinstance(o, scrapy.Request)] == ["http://next.de/"]
    spider.sites.close()
    spider.seen.close()
