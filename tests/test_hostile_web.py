"""A crawl of the hostile hosts: spider traps, broken pages, bad servers and bad robots.txt.

One crawl takes every hostile host as a seed with a page budget of 200 per site, so only the
crawler's own limits (URL shapes, timeouts, retries, size limits, robots.txt) keep it short.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from urllib.parse import urlsplit

import pytest
from conftest import FAST, blogscout
from worlds import hostile

from crawler.extract import traps
from crawler.extract.urls import canonical_url, host_of, site_key
from crawler.sandbox.server import SandboxServer
from crawler.sandbox.special import REDIRECT_LOOP, ROBOTS_DISALLOW_ALL

BUDGET = 200
RETRY_TIMES = 1  # as in FAST
TIMEOUT = ["--set", "DOWNLOAD_TIMEOUT=2"]


@pytest.fixture(scope="module")
def hostile_crawl(tmp_path_factory):
    """One crawl (hops 1) of every hostile host; the database, the proxy's log and the run stats."""
    world = hostile.hostile_world(seed=0, n_blogs=10)
    seeds = [*hostile.hostile_urls().values(), f"http://{REDIRECT_LOOP}/", f"http://{ROBOTS_DISALLOW_ALL}/"]
    db = tmp_path_factory.mktemp("hostile") / "hostile.db"
    with SandboxServer(world) as server:
        result = blogscout(
            "crawl",
            *seeds,
            "--db",
            str(db),
            "--hops",
            "1",
            "--max-pages-per-site",
            str(BUDGET),
            "--quiet",
            *FAST,
            *TIMEOUT,
            proxy=server.proxy_url,
            timeout=120,
        )
        requests = server.requests
    assert result.returncode == 0, result.stderr
    conn = sqlite3.connect(db)
    stats = json.loads(conn.execute("SELECT stats FROM runs").fetchone()[0])
    yield {"conn": conn, "requests": requests, "stats": stats, "stderr": result.stderr}
    conn.close()


def pages(crawl, site: str) -> list[str]:
    return [r[0] for r in crawl["conn"].execute("SELECT url FROM pages WHERE site = ?", (site,))]


def page_row(crawl, url: str) -> sqlite3.Row | None:
    crawl["conn"].row_factory = sqlite3.Row
    try:
        return crawl["conn"].execute("SELECT * FROM pages WHERE url = ?", (url,)).fetchone()
    finally:
        crawl["conn"].row_factory = None


def errors(crawl, site: str) -> Counter:
    return Counter(r[0] for r in crawl["conn"].execute("SELECT kind FROM fetch_errors WHERE site = ?", (site,)))


def fetched(crawl, site: str) -> list[str]:
    """URLs of the site the proxy answered (robots.txt included)."""
    return [url for _, url, _ in crawl["requests"] if site_key(url) == site]


# -- spider traps -------------------------------------------------------------------------------


def test_trap_ever_deeper_paths_stop_at_the_depth_limit(hostile_crawl):
    urls = pages(hostile_crawl, hostile.DEEP_PATHS)
    depths = [len([s for s in urlsplit(u).path.split("/") if s]) for u in urls]
    assert max(depths) == traps.MAX_PATH_DEPTH
    assert len(urls) <= traps.MAX_PATH_DEPTH + 2


def test_trap_relative_link_loop_stops_at_repeated_segments(hostile_crawl):
    urls = pages(hostile_crawl, hostile.LOOPING_PATHS)
    assert "http://relative-links.de/links/links/" in urls
    assert not [u for u in urls if "links/links/links" in u]


def test_trap_infinite_calendar_capped_per_url_shape(hostile_crawl):
    months = [u for u in pages(hostile_crawl, hostile.CALENDAR) if "/blogroll/" in u]
    assert len(months) == traps.SHAPE_LIMIT


def test_trap_endless_pagination_capped_per_url_shape(hostile_crawl):
    listing = [u for u in pages(hostile_crawl, hostile.PAGINATION) if "seite=" in u]
    assert len(listing) == traps.SHAPE_LIMIT


def test_trap_parameter_permutations_capped(hostile_crawl):
    urls = [u for u in fetched(hostile_crawl, hostile.PERMUTATIONS) if "?" in u]
    assert 0 < len(urls) <= traps.QUERY_VARIANT_LIMIT
    assert max(len(urlsplit(u).query.split("&")) for u in urls) <= traps.MAX_QUERY_PARAMS


def test_trap_session_ids_stripped_from_requests(hostile_crawl):
    urls = fetched(hostile_crawl, hostile.SESSION_IDS)
    assert not [u for u in urls if any(s in u.lower() for s in ("jsessionid", "phpsessid", "sid=", "s="))]
    assert len(pages(hostile_crawl, hostile.SESSION_IDS)) == 3  # home, /blogroll/, /links/


def test_trap_refusals_are_counted_not_recorded_as_errors(hostile_crawl):
    assert hostile_crawl["stats"].get("blogscout/trap_refused", 0) >= 30
    for site in (hostile.DEEP_PATHS, hostile.CALENDAR, hostile.PERMUTATIONS):
        assert not errors(hostile_crawl, site)


# -- broken pages ---------------------------------------------------------------------------------


def test_page_with_ten_thousand_links_is_stored_whole(hostile_crawl):
    url = hostile.hostile_urls()["ten_thousand_links"]
    assert page_row(hostile_crawl, url)["title"] == "Linkverzeichnis"
    count = hostile_crawl["conn"].execute("SELECT count(*) FROM links WHERE from_url = ?", (url,)).fetchone()[0]
    assert count == hostile.LINK_COUNT


def test_megabytes_of_inline_script_do_not_hide_the_content(hostile_crawl):
    row = page_row(hostile_crawl, hostile.hostile_urls()["inline_script"])
    assert row["title"] == "Skript-lastig"
    assert "Content-Marketing" in row["text"] and "__DATA__" not in row["text"]
    assert "http://skript-lastig.de/ueber-mich/" in pages(hostile_crawl, hostile.INLINE_SCRIPT)


def test_binary_served_as_html_is_stored_empty(hostile_crawl):
    row = page_row(hostile_crawl, hostile.hostile_urls()["binary_as_html"])
    assert row is not None and row["status"] == 200
    links = (
        hostile_crawl["conn"]
        .execute("SELECT count(*) FROM links WHERE from_site = ?", (hostile.BINARY_AS_HTML,))
        .fetchone()[0]
    )
    assert links == 0


def test_truncated_response_recorded_as_error(hostile_crawl):
    assert errors(hostile_crawl, hostile.TRUNCATED) == Counter({"truncated": 1})
    assert not pages(hostile_crawl, hostile.TRUNCATED)


def test_broken_utf8_page_keeps_its_umlauts(hostile_crawl):
    row = page_row(hostile_crawl, hostile.hostile_urls()["broken_utf8"])
    assert row["title"] == "Kaputte Zeichen: Grüße aus Köln"
    assert "Öffentlichkeitsarbeit" in row["text"] and "Ã" not in row["text"]


def test_tag_soup_is_parsed_and_followed(hostile_crawl):
    assert page_row(hostile_crawl, hostile.hostile_urls()["tag_soup"])["title"] == "Tag-Suppe: Linktipps"
    assert {"http://tag-suppe.de/blogroll/", "http://tag-suppe.de/ueber-mich/"} <= set(
        pages(hostile_crawl, hostile.TAG_SOUP)
    )


def test_oversized_page_cancelled_and_recorded(hostile_crawl):
    assert errors(hostile_crawl, hostile.OVERSIZED) == Counter({"too_large": 1})


def test_no_page_crashes_the_spider(hostile_crawl):
    assert not [k for k in hostile_crawl["stats"] if k.startswith("spider_exceptions")]
    assert "Traceback" not in hostile_crawl["stderr"]


# -- bad servers ----------------------------------------------------------------------------------


def test_hanging_server_times_out(hostile_crawl):
    assert errors(hostile_crawl, hostile.HANGS) == Counter({"timeout": 1})


def test_dripping_server_times_out(hostile_crawl):
    assert errors(hostile_crawl, hostile.DRIPS) == Counter({"timeout": 1})
    assert len([u for u in fetched(hostile_crawl, hostile.DRIPS) if not u.endswith("robots.txt")]) <= RETRY_TIMES + 1


def test_error_storm_retried_a_bounded_number_of_times(hostile_crawl):
    per_url = Counter(fetched(hostile_crawl, hostile.ERROR_STORM))
    assert len(per_url) >= 7 and max(per_url.values()) <= RETRY_TIMES + 1
    kinds = errors(hostile_crawl, hostile.ERROR_STORM)
    assert kinds["http_5xx"] >= 3 and kinds["http_4xx"] >= 1


def test_long_redirect_chain_stops_at_the_redirect_limit(hostile_crawl):
    assert errors(hostile_crawl, hostile.LONG_CHAIN) == Counter({"redirect": 1})
    assert len([u for u in fetched(hostile_crawl, hostile.LONG_CHAIN) if "robots" not in u]) <= 6


def test_redirect_loop_stops_at_the_redirect_limit(hostile_crawl):
    assert errors(hostile_crawl, REDIRECT_LOOP) == Counter({"redirect": 1})
    assert len(fetched(hostile_crawl, REDIRECT_LOOP)) <= 10


def test_crawl_goes_on_after_server_faults(hostile_crawl):
    ok_sites = {r[0] for r in hostile_crawl["conn"].execute("SELECT DISTINCT site FROM pages")}
    assert len(ok_sites) >= 14
    assert hostile_crawl["conn"].execute("SELECT status FROM runs").fetchone()[0] == "finished"


# -- robots.txt -----------------------------------------------------------------------------------


@pytest.mark.parametrize("site", [hostile.HUGE_ROBOTS, hostile.BAD_ROBOTS])
def test_huge_or_malformed_robots_txt_is_honoured(hostile_crawl, site):
    assert not [u for u in fetched(hostile_crawl, site) if "/intern/" in u]
    assert errors(hostile_crawl, site) == Counter({"robots": 1})
    assert f"http://{site}/ueber-mich/" in pages(hostile_crawl, site)


def test_site_forbidding_all_crawling_is_recorded_and_not_fetched(hostile_crawl):
    assert [u for u in fetched(hostile_crawl, ROBOTS_DISALLOW_ALL)] == [f"http://{ROBOTS_DISALLOW_ALL}/robots.txt"]
    blocked = (
        hostile_crawl["conn"]
        .execute("SELECT robots_blocked FROM sites WHERE site = ?", (ROBOTS_DISALLOW_ALL,))
        .fetchone()
    )
    assert blocked == (1,)


# -- server-side request forgery through the proxy -------------------------------------------------


@pytest.mark.parametrize("target", hostile.PRIVATE_TARGETS)
def test_private_link_from_a_blog_is_never_fetched(hostile_crawl, target):
    """Never requested, and one `private` row for the link as written, whatever the URL library folds.

    w3lib 2.6 rewrites `2130706433` and `0x7f.1` to `127.0.0.1` (2.4 keeps them as written): two
    links then share one URL, and each still gets its row.
    """
    hosts = {host_of(target), host_of(canonical_url(target))}
    assert not [u for _, u, _ in hostile_crawl["requests"] if host_of(u) in hosts]
    rows = hostile_crawl["conn"].execute("SELECT kind FROM fetch_errors WHERE url = ?", (target,)).fetchall()
    assert rows == [("private",)]


def test_redirect_to_a_metadata_address_is_refused(hostile_crawl):
    assert errors(hostile_crawl, hostile.REDIRECT_INSIDE) == Counter({"private": 1})
    assert not [url for _, url, _ in hostile_crawl["requests"] if "169.254" in url]


# -- hostile headers, robots.txt over the download limit, disguised addresses, bombs ---------------


def test_huge_response_headers_fail_the_download_as_too_large(hostile_crawl):
    assert errors(hostile_crawl, hostile.HUGE_HEADERS) == Counter({"too_large": 1})
    assert pages(hostile_crawl, hostile.HUGE_HEADERS) == []


def test_robots_txt_over_the_download_limit_is_read_up_to_the_cap(hostile_crawl):
    site = hostile.ROBOTS_OVER_LIMIT
    assert not [u for u in fetched(hostile_crawl, site) if "/intern/" in u]
    assert errors(hostile_crawl, site) == Counter({"robots": 1})
    assert f"http://{site}/ueber-mich/" in pages(hostile_crawl, site)
    assert hostile_crawl["stats"].get("blogscout/robots_truncated", 0) >= 1


@pytest.mark.parametrize("redirector, target", hostile.REDIRECTORS.items())
def test_redirect_to_a_disguised_private_address_is_refused(hostile_crawl, redirector, target):
    assert errors(hostile_crawl, redirector) == Counter({"private": 1})
    assert [url for url in fetched(hostile_crawl, redirector) if "robots" not in url] == [f"http://{redirector}/"]
    reached = {host_of(url) for _, url, _ in hostile_crawl["requests"]}
    assert host_of(target) not in reached and "127.0.0.1" not in reached


def test_gzip_bomb_is_recorded_as_too_large(hostile_crawl):
    assert errors(hostile_crawl, hostile.GZIP_BOMB) == Counter({"too_large": 1})


def test_web_faults_log_one_line_each_without_tracebacks(hostile_crawl):
    assert "Traceback" not in hostile_crawl["stderr"]
    assert "robots.txt" not in hostile_crawl["stderr"] or hostile_crawl["stderr"].count("\n") < 50


def test_meta_refresh_loop_stops_at_the_redirect_limit(hostile_crawl):
    """Scrapy's meta-refresh limit is a bare IgnoreRequest; the guard names it a redirect."""
    assert errors(hostile_crawl, hostile.REFRESH_LOOP) == Counter({"redirect": 1})
    assert len([u for u in fetched(hostile_crawl, hostile.REFRESH_LOOP) if "robots" not in u]) <= 6
