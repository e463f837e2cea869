"""`blogscout crawl` over the sandbox web: the real spider, real HTTP on loopback, a real SQLite file."""

from __future__ import annotations

import sqlite3
from collections import Counter

import pytest
from conftest import FAST, blogscout

from crawler.extract.urls import site_key


@pytest.fixture(scope="module")
def crawl(tmp_path_factory, world, sandbox):
    """One crawl of the sample blogosphere from its seeds; the database and the proxy's log."""
    db = tmp_path_factory.mktemp("crawl") / "blogscout.db"
    served_before = len(sandbox.requests)
    result = blogscout("crawl", *world.seeds, "--db", str(db), "--hops", "2", "--quiet", *FAST, proxy=sandbox.proxy_url)
    assert result.returncode == 0, result.stderr
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    yield {"db": db, "conn": conn, "stdout": result.stdout, "requests": list(sandbox.requests[served_before:])}
    conn.close()


def rows(crawl, sql, *params):
    return [tuple(r) for r in crawl["conn"].execute(sql, params)]


def test_crawl_stores_seeds_with_role_and_hops(crawl, world):
    seeds = {site_key(url) for url in world.seeds}
    stored = dict(rows(crawl, "SELECT site, hops FROM sites WHERE role = 'seed'"))
    assert set(stored) == seeds and set(stored.values()) == {0}


def test_crawl_discovers_partners_as_candidates(crawl, world):
    partners = {s for s, label in world.truth.items() if label == "partner"}
    candidates = {r[0] for r in rows(crawl, "SELECT site FROM sites WHERE role = 'candidate' AND is_blog = 1")}
    assert partners and len(partners & candidates) >= 0.8 * len(partners)


def test_crawl_records_blogroll_links_of_seeds(crawl, world):
    for blog in (b for b in world.blogs if b.label == "seed" and b.blogroll and b.blogroll_style != "opml"):
        stored = {
            r[0] for r in rows(crawl, "SELECT to_site FROM links WHERE from_site = ? AND kind = 'blogroll'", blog.site)
        }
        expected = {site_key(url) for url, _ in blog.blogroll}
        assert expected <= stored, (blog.site, blog.blogroll_style, expected - stored)


def test_crawl_reads_linked_opml_blogroll(crawl, world):
    blog = next(b for b in world.blogs if b.blogroll_style == "opml")
    stored = {r[0] for r in rows(crawl, "SELECT to_site FROM links WHERE from_site = ? AND kind = 'opml'", blog.site)}
    assert {site_key(url) for url, _ in blog.blogroll} <= stored


def test_crawl_classifies_comment_and_share_links(crawl):
    kinds = Counter(r[0] for r in rows(crawl, "SELECT kind FROM links"))
    assert kinds["comment"] > 0 and kinds["content"] > 0 and kinds["social"] > 0 and kinds["share"] > 0


def test_crawl_never_fetches_platforms(crawl):
    platforms = {r[0] for r in rows(crawl, "SELECT site FROM sites WHERE role = 'platform'")}
    fetched = {site_key(url) for _, url, _ in crawl["requests"]}
    assert {"facebook.com", "amazon.de"} & platforms
    assert not platforms & fetched


def test_crawl_stores_feed_entries_with_dates(crawl, world):
    with_feed = [b for b in world.blogs if b.label in ("seed", "partner") and b.feed_url]
    sites = {r[0] for r in rows(crawl, "SELECT DISTINCT site FROM feed_entries WHERE published != ''")}
    assert len(sites & {b.site for b in with_feed}) >= 0.8 * len(with_feed)


def test_crawl_stores_contacts_and_impressum(crawl, world):
    seeds = [b for b in world.blogs if b.label == "seed"]
    for blog in seeds:
        emails = {r[0] for r in rows(crawl, "SELECT value FROM contacts WHERE site = ? AND kind = 'email'", blog.site)}
        assert emails & set(blog.emails), (blog.site, blog.emails, emails)
        if blog.lang == "de":
            assert rows(crawl, "SELECT 1 FROM contacts WHERE site = ? AND kind = 'impressum_url'", blog.site)


def test_crawl_seed_pages_include_blogroll_about_and_posts(crawl, world):
    for blog in (b for b in world.blogs if b.label == "seed"):
        kinds = Counter(r[0] for r in rows(crawl, "SELECT page_kind FROM pages WHERE site = ?", blog.site))
        assert kinds["home"] == 1 and kinds["post"] >= 3 and kinds["about"] == 1, (blog.site, kinds)


def test_crawl_candidates_stay_within_budget(crawl):
    per_site = rows(
        crawl,
        "SELECT p.site, count(*) FROM pages p JOIN sites s USING (site) WHERE s.role = 'candidate' GROUP BY p.site",
    )
    assert per_site and max(n for _, n in per_site) <= 8


def test_crawl_respects_hop_limit(crawl):
    assert rows(crawl, "SELECT max(hops) FROM sites WHERE role = 'candidate'")[0][0] <= 2


def test_crawl_honours_robots_disallow_all(crawl, world):
    host = "geheim-blog.de"
    fetched = [url for _, url, _ in crawl["requests"] if site_key(url) == host and not url.endswith("/robots.txt")]
    assert not fetched
    assert rows(crawl, "SELECT 1 FROM fetch_errors WHERE site = ? AND kind = 'robots'", host)


def test_crawl_honours_robots_disallowed_path(crawl, world):
    private = world.nasty["robots_private"]
    assert not [url for _, url, _ in crawl["requests"] if url == private]


def test_crawl_skips_non_html_cheaply(crawl, world):
    pdf = world.nasty["pdf"]
    assert not rows(crawl, "SELECT 1 FROM pages WHERE url = ?", pdf)


def test_crawl_drops_tracking_parameters(crawl):
    assert not rows(crawl, "SELECT url FROM pages WHERE url LIKE '%utm_%' OR url LIKE '%fbclid%'")
    assert not rows(crawl, "SELECT to_url FROM links WHERE to_url LIKE '%utm_%'")


def test_crawl_folds_www_into_one_site(crawl):
    assert not rows(crawl, "SELECT site FROM sites WHERE site LIKE 'www.%'")


def test_crawl_records_server_errors(crawl):
    kinds = {r[0] for r in rows(crawl, "SELECT kind FROM fetch_errors")}
    assert "http_5xx" in kinds or "http_4xx" in kinds


def test_crawl_bounds_infinite_calendar(crawl, world):
    site = site_key(world.nasty["calendar"])
    assert rows(crawl, "SELECT count(*) FROM pages WHERE site = ?", site)[0][0] <= 8


def test_crawl_decodes_latin1_pages(crawl):
    titles = [
        r[0] for r in rows(crawl, "SELECT title FROM pages WHERE site IN ('umlaut-archiv.de', 'alte-vereinsseite.de')")
    ]
    assert titles and all("\ufffd" not in t and "Ã" not in t for t in titles)
    assert any(ch in "".join(titles) for ch in "äöüÄÖÜß")


def test_crawl_every_row_knows_its_run(crawl):
    for table in ("sites", "pages", "links", "feed_entries", "contacts", "fetch_errors"):
        assert not rows(crawl, f"SELECT 1 FROM {table} WHERE run_id IS NULL")
    run = rows(crawl, "SELECT status, stats FROM runs")
    assert len(run) == 1 and run[0][0] == "finished"


def test_crawl_summary_counts(crawl):
    out = crawl["stdout"]
    pages = rows(crawl, "SELECT count(*) FROM pages WHERE page_kind != 'feed'")[0][0]
    assert "pages fetched" in out and "robots.txt refusals" in out
    line = next(l for l in out.splitlines() if l.startswith("pages fetched"))
    assert int(line.split()[-1]) >= pages * 0.9


def test_crawl_records_a_blog_that_moved_domains(crawl, world):
    """`alter-marketingblog.de` redirects (301 and 302, through www.) to a partner's new address."""
    old, new = site_key(world.nasty["redirect_chain"]), site_key(world.specials.chain_target)
    assert rows(crawl, "SELECT moved_to FROM sites WHERE site = ?", old) == [(new,)]
    assert rows(crawl, "SELECT role FROM sites WHERE site = ?", new) == [("candidate",)]
    assert rows(crawl, "SELECT count(*) FROM pages WHERE site = ?", old) == [(0,)]


def test_rank_counts_links_to_a_moved_blog_for_its_new_address(crawl, world):
    from crawler.services.rank import rank_database

    old, new = site_key(world.nasty["redirect_chain"]), site_key(world.specials.chain_target)
    linking_old = {r[0] for r in rows(crawl, "SELECT DISTINCT from_site FROM links WHERE to_site = ?", old)}
    assert linking_old, "the sample world links the old address"
    ranked = {row["site"]: row for row in rank_database(crawl["db"])}
    assert old not in ranked and new in ranked
    assert f"(moved from {old})" in ranked[new]["found_via"]


def test_rank_sinks_the_sample_worlds_link_sellers(crawl):
    """The backlink-package portal and the article directory of the sample world: sellers, at the bottom."""
    from crawler.services.rank import rank_database

    rows = {row["site"]: row for row in rank_database(crawl["db"])}
    for site in ("backlink-paket-portal.de", "artikelverzeichnispro.de"):
        assert rows[site]["why"].startswith("sells links: "), rows[site]["why"]
        assert rows[site]["rank"] > len(rows) - 5
