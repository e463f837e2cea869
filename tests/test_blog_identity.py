"""Which site a blog is: blogs at a path of a hosting platform, and a company's blog section.

A small web of its own, served like the sandbox (real HTTP through a loopback proxy, the real
`blogscout crawl` in a subprocess): a seed links a Medium author, a Wix site's blog and an
agency's `/blog/`. Each is a site of its own, crawled from the linked path and judged by it.
"""

from __future__ import annotations

import sqlite3

import pytest
from conftest import FAST, blogscout

from crawler.sandbox.model import page, redirect
from crawler.sandbox.server import SandboxServer

SEED = "http://seed-blog.de/"
MEDIUM = "http://medium.com/@anna-schreibt"
OTHER_MEDIUM = "http://medium.com/@jemand-anderes"
WIX = "http://annaberg.wixsite.com/blog"
AGENCY = "http://agentur-beispiel.de/blog/"
NO_INDEX = "http://tipps-ohne-index.de/blog/tipps-fuer-newsletter/"  # its /blog/ is no page, its root the blog


def _blog(title: str, base: str, posts: list[str], links: str = "") -> str:
    items = "".join(
        f'<article class="post"><h2><a href="{base}/{slug}">{slug.replace("-", " ").title()}</a></h2>'
        f'<time datetime="2026-11-{10 + i:02d}">{10 + i}. November 2026</time></article>'
        for i, slug in enumerate(posts)
    )
    return (
        f'<html lang="de"><head><title>{title}</title>'
        f'<link rel="alternate" type="application/rss+xml" href="{base}/feed"></head>'
        f"<body><h1>{title}</h1>{items}{links}<p>Content Marketing, SEO und Social Media für kleine "
        "Unternehmen: Strategien, Redaktionspläne und Texte, die gelesen werden.</p></body></html>"
    )


def _post(title: str, links: str = "") -> str:
    return (
        f'<html lang="de"><head><title>{title}</title><meta property="og:type" content="article">'
        '<meta property="article:published_time" content="2026-11-20T09:00:00+00:00"></head>'
        f'<body><article class="post h-entry"><h1>{title}</h1><p>Ein Beitrag über Content Marketing '
        f"und Redaktionspläne.</p>{links}</article></body></html>"
    )


class PathWorld:
    """The pages of the small web, by URL; everything else is a 404."""

    seeds = [SEED]

    def __init__(self):
        blogroll = "".join(
            f'<li><a href="{url}">{name}</a></li>'
            for url, name in [(MEDIUM, "Anna auf Medium"), (WIX, "Annas Wix-Blog"), (AGENCY, "Agentur-Blog")]
        )
        self.pages = {
            SEED: _blog(
                "Seed-Blog", "http://seed-blog.de", ["erster-beitrag"], f"<h2>Blogroll</h2><ul>{blogroll}</ul>"
            ),
            "http://seed-blog.de/erster-beitrag": _post(
                "Erster Beitrag",
                f'<a href="{AGENCY}seo-tipps/">SEO-Tipps der Agentur</a> <a href="{NO_INDEX}">Newsletter-Tipps</a>',
            ),
            "http://tipps-ohne-index.de/": _blog(
                "Tipps ohne Index", "http://tipps-ohne-index.de/blog", ["tipps-fuer-newsletter", "betreffzeilen"]
            ),
            MEDIUM: _blog(
                "Anna schreibt",
                MEDIUM,
                ["content-planen-1a2b", "texte-die-wirken-3c4d"],
                f'<a href="{OTHER_MEDIUM}">Jemand anderes</a> <a href="http://medium.com/tag/seo">#seo</a>',
            ),
            WIX: _blog("Annas Wix-Blog", WIX, ["post/redaktionsplan", "post/storytelling"]),
            "http://annaberg.wixsite.com/": "<html><head><title>Willkommen</title></head><body>Startseite</body></html>",
            "http://agentur-beispiel.de/": (
                "<html lang='de'><head><title>Agentur Beispiel – Leistungen</title></head><body><h1>Leistungen</h1>"
                "<p>Webdesign, Beratung, Hosting. Jetzt Angebot anfordern.</p><a href='/blog/'>Blog</a></body></html>"
            ),
            AGENCY: _blog("Agentur-Blog", "http://agentur-beispiel.de/blog", ["seo-tipps", "content-audit"]),
        }

    def response(self, url: str, headers: dict):
        if url.endswith("/robots.txt"):
            return page("User-agent: *\nAllow: /\n", content_type="text/plain")
        if url.rstrip("/") != url and url.rstrip("/") in self.pages and url not in self.pages:
            return redirect(url.rstrip("/"), 301)
        body = self.pages.get(url)
        if body is None and url.startswith(("http://medium.com/@", "http://annaberg.wixsite.com/blog/")):
            body = _post(url.rsplit("/", 1)[-1])
        if (
            body is None
            and url.startswith("http://tipps-ohne-index.de/blog/")
            and url != "http://tipps-ohne-index.de/blog/"
        ):
            body = _post(url.rstrip("/").rsplit("/", 1)[-1])
        if body is None and url.startswith("http://agentur-beispiel.de/blog/") and url != AGENCY:
            body = _post(url.rstrip("/").rsplit("/", 1)[-1])
        return page(body) if body is not None else page("<h1>404</h1>", status=404)


@pytest.fixture(scope="module")
def crawl(tmp_path_factory):
    db = tmp_path_factory.mktemp("identity") / "identity.db"
    with SandboxServer(PathWorld()) as server:
        result = blogscout("crawl", SEED, "--db", str(db), "--hops", "2", "--quiet", *FAST, proxy=server.proxy_url)
        requested = [url for _, url, _ in server.requests]
    assert result.returncode == 0, result.stderr
    conn = sqlite3.connect(db)
    yield {"conn": conn, "requested": requested, "db": db}
    conn.close()


def site_row(crawl, site):
    return crawl["conn"].execute("SELECT role, is_blog, home_url FROM sites WHERE site = ?", (site,)).fetchone()


def test_a_medium_author_is_a_site_of_its_own_not_the_platform(crawl):
    assert site_row(crawl, "medium.com/@anna-schreibt") == ("candidate", 1, MEDIUM)
    pages = {r[0] for r in crawl["conn"].execute("SELECT site FROM pages WHERE url LIKE 'http://medium.com/@anna%'")}
    assert pages == {"medium.com/@anna-schreibt"}
    assert site_row(crawl, "medium.com") is None  # /tag/seo: a link to the platform itself, not followed


def test_another_author_on_the_same_host_is_another_site(crawl):
    role = crawl["conn"].execute("SELECT role FROM sites WHERE site = 'medium.com/@jemand-anderes'").fetchone()
    assert role == ("candidate",)


def test_a_wix_blog_is_crawled_from_its_path(crawl):
    assert site_row(crawl, "annaberg.wixsite.com/blog") == ("candidate", 1, WIX)
    assert "http://annaberg.wixsite.com/" not in crawl["requested"]


def test_an_agencys_blog_section_is_judged_as_the_blog(crawl):
    role, is_blog, home = site_row(crawl, "agentur-beispiel.de")
    assert (role, is_blog, home) == ("candidate", 1, AGENCY)


def test_blogs_at_a_path_are_ranked(crawl):
    from crawler.services.rank import rank_database

    ranked = {row["site"] for row in rank_database(crawl["db"])}
    assert {"medium.com/@anna-schreibt", "annaberg.wixsite.com/blog", "agentur-beispiel.de"} <= ranked


def test_the_app_shows_the_page_of_a_blog_at_a_path(crawl):
    """The candidate page's address holds the site's slash, quoted (`medium.com%2F%40anna-schreibt`)."""
    import asyncio

    from crawler.services.recrawl import rank_snapshot
    from crawler.web.app import make_datasette
    from crawler.web.plugin import candidate_path

    rank_snapshot(str(crawl["db"]), topic="")

    async def fetch(path):
        return await make_datasette(crawl["db"]).client.get(path)

    response = asyncio.run(fetch(candidate_path("medium.com/@anna-schreibt")))
    assert response.status_code == 200 and "Anna schreibt" in response.text


def test_a_blog_section_that_is_no_page_falls_back_to_the_root(crawl):
    """Linked at /blog/a-post/, with /blog/ answering 404: the root is the home page, and the blog is judged by it."""
    assert "http://tipps-ohne-index.de/blog/" in crawl["requested"]
    assert site_row(crawl, "tipps-ohne-index.de") == ("candidate", 1, "http://tipps-ohne-index.de/")
