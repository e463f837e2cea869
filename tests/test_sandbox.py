"""The sandbox web: a generated blogosphere served through a loopback HTTP proxy."""

from __future__ import annotations

import collections
import datetime as dt
import http.client
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
import urllib.robotparser
from urllib.parse import urljoin, urlsplit

import feedparser
import pytest

from crawler.sandbox import SandboxServer, generate_world
from crawler.sandbox.model import LABELS

TODAY = dt.date(2026, 3, 1)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


@pytest.fixture(scope="module")
def world():
    return generate_world(seed=0, n_blogs=40, today=TODAY)


@pytest.fixture(scope="module")
def server(world):
    with SandboxServer(world) as srv:
        yield srv


@pytest.fixture(scope="module")
def fetch(server):
    """GET through the proxy without following redirects: (status, headers, body)."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({"http": server.proxy_url}), _NoRedirect)

    def get(url: str, headers: dict[str, str] | None = None, method: str = "GET"):
        req = urllib.request.Request(url, headers=headers or {}, method=method)
        try:
            with opener.open(req, timeout=10) as resp:
                return resp.status, dict(resp.headers.items()), resp.read()
        except urllib.error.HTTPError as err:
            return err.code, dict(err.headers.items()), err.read()

    return get


def _blog_of(world, label):
    return next(b for b in world.blogs if b.label == label)


# -- world generation ---------------------------------------------------------------------


def test_generate_world_same_seed_same_pages():
    a, b = (generate_world(seed=3, n_blogs=30, today=TODAY) for _ in range(2))
    assert a.truth == b.truth and a.seeds == b.seeds
    for blog in a.blogs[:8]:
        for url in (blog.home_url, blog.url(blog.posts[0].path)):
            assert a.response(url).body == b.response(url).body


def test_generate_world_different_seed_differs():
    a = generate_world(seed=1, n_blogs=30, today=TODAY)
    b = generate_world(seed=2, n_blogs=30, today=TODAY)
    assert a.truth != b.truth
    assert a.response(a.seeds[0]).body != b.response(b.seeds[0]).body


def test_generate_world_label_proportions(world):
    counts = collections.Counter(world.truth.values())
    assert 2 <= counts["seed"] <= 4
    assert counts["partner"] == max(counts[label] for label in LABELS)
    assert all(counts[label] >= 1 for label in LABELS)
    assert counts["platform"] >= 8
    assert sum(counts[label] for label in LABELS) == 40
    assert len(world.seeds) == counts["seed"]


def test_generate_world_too_few_blogs_raises():
    with pytest.raises(ValueError):
        generate_world(n_blogs=5)


def test_generate_world_large_is_fast():
    start = time.perf_counter()
    big = generate_world(seed=0, n_blogs=2000, today=TODAY)
    assert time.perf_counter() - start < 5
    assert len(big.blogs) == 2000
    assert big.response(big.blogs[-1].home_url).status == 200


def test_generate_world_both_languages_and_hosts(world):
    langs = collections.Counter(b.lang for b in world.blogs)
    assert langs["de"] > langs["en"] > 0
    hosts = [b.host for b in world.blogs]
    assert any(h.startswith("www.") for h in hosts)
    assert any(h.endswith(".blogspot.com") for h in hosts)
    assert any(h.endswith(".de") and not h.startswith("www.") for h in hosts)
    assert len({b.site for b in world.blogs}) == len(hosts)


def test_generate_world_partners_within_two_hops_of_seeds(world):
    by_site = {b.site: b for b in world.blogs}

    def out_sites(blog):
        urls = [u for u, _ in blog.blogroll] + [u for p in blog.posts for u, _ in p.links]
        return {(urlsplit(u).hostname or "").removeprefix("www.") for u in urls} & by_site.keys()

    seeds = {urlsplit(u).hostname.removeprefix("www.") for u in world.seeds}
    hop1 = set().union(*(out_sites(by_site[s]) for s in seeds))
    hop2 = set().union(*(out_sites(by_site[s]) for s in hop1))
    partners = {s for s, label in world.truth.items() if label == "partner"}
    assert partners <= hop1 | hop2


def test_generate_world_dead_blogs_old_partners_recent(world):
    for blog in world.blogs:
        age = (TODAY - blog.last_post).days
        if blog.label == "dead":
            assert 730 <= age <= 4 * 366
        elif blog.label in ("partner", "seed"):
            assert age <= 180


# -- pages --------------------------------------------------------------------------------


def test_post_german_prose_with_umlauts(world, fetch):
    blog = next(b for b in world.blogs if b.label == "partner" and b.lang == "de")
    status, headers, body = fetch(blog.url(blog.posts[0].path))
    html = body.decode("utf-8")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert '<html lang="de">' in html and "h-entry" in html and "<time" in html
    assert re.search("[äöüß]", html)
    words = len(" ".join(re.findall(r"<p>([^<]*)", html)).split())
    assert 100 <= words <= 600


def test_blogroll_markup_variants_present(world, fetch):
    pages = []
    for blog in world.blogs:
        pages.append(fetch(blog.home_url)[2].decode())
        if blog.blogroll_style == "page":
            pages.append(fetch(blog.url(blog.blogroll_path))[2].decode())
    html = "\n".join(pages)
    for marker in (
        '<div id="linkcat-2" class="widget widget_links">',
        'class="xoxo blogroll"',
        'class="linkcat"',
        'class="widget BlogList"',
        'class="widget LinkList"',
        'rel="friend met"',
        'type="text/x-opml"',
        'class="blogroll links-page"',
    ):
        assert marker in html, marker


def test_blogroll_opml_lists_blogs(world, fetch):
    status, headers, body = fetch(world.nasty["opml"])
    assert status == 200 and headers["Content-Type"].startswith("text/x-opml")
    assert body.count(b"<outline ") >= 3


def test_feed_parses_with_dated_entries(world, fetch):
    formats = set()
    for blog in world.blogs:
        if blog.feed_url is None:
            continue
        status, _, body = fetch(blog.feed_url)
        parsed = feedparser.parse(body)
        assert status == 200 and not parsed.bozo, blog.feed_url
        assert parsed.entries and all(e.get("published_parsed") or e.get("updated_parsed") for e in parsed.entries)
        formats.add(parsed.version[:3])
    assert formats == {"rss", "ato"}


def test_imprint_has_obfuscated_email(world, fetch):
    blog = world.blog(world.seeds[0])
    html = fetch(blog.url(blog.page_path("imprint")))[2].decode()
    local, domain = blog.emails[0].split("@")
    assert f"{local} [at] {domain.rsplit('.', 1)[0]} [dot] {domain.rsplit('.', 1)[1]}" in html


def test_shop_has_cart_and_no_feed(world, fetch):
    shop = _blog_of(world, "shop")
    html = fetch(shop.home_url)[2].decode()
    assert ("Warenkorb" if shop.lang == "de" else "Cart") in html
    assert "application/rss+xml" not in html and "application/atom+xml" not in html


def test_farm_page_has_hundreds_of_links(world, fetch):
    farm = _blog_of(world, "farm")
    word = "seite" if farm.lang == "de" else "page"
    body = fetch(farm.url(f"/{word}/1/"))[2]
    assert body.count(b"<a href=") >= 200


# -- HTTP behaviour -----------------------------------------------------------------------


def test_conditional_request_if_none_match_gives_304(world, server, fetch):
    url = world.seeds[0]
    status, headers, _ = fetch(url)
    assert status == 200 and headers["ETag"] and headers["Last-Modified"]
    status, _, body = fetch(url, {"If-None-Match": headers["ETag"]})
    assert status == 304 and body == b""
    assert ("GET", url, 304) in server.requests


def test_conditional_request_if_modified_since_gives_304(world, fetch):
    url = world.blog(world.seeds[0]).feed_url
    headers = fetch(url)[1]
    assert fetch(url, {"If-Modified-Since": headers["Last-Modified"]})[0] == 304
    assert fetch(url, {"If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"})[0] == 200


def test_redirect_chain_ends_on_blog(world, fetch):
    url, hops = world.nasty["redirect_chain"], 0
    status, headers, _ = fetch(url)
    while status in (301, 302):
        hops += 1
        url = urljoin(url, headers["Location"])
        status, headers, _ = fetch(url)
    assert hops == 3 and status == 200
    assert urlsplit(url).hostname.removeprefix("www.") in world.truth


def test_redirect_loop_never_ends(world, fetch):
    url, seen = world.nasty["redirect_loop"], set()
    for _ in range(4):
        status, headers, _ = fetch(url)
        assert status == 302
        seen.add(url)
        url = urljoin(url, headers["Location"])
    assert url in seen


def test_robots_disallow_all_host(world, fetch):
    url = world.nasty["robots_disallow_all"]
    parser = urllib.robotparser.RobotFileParser()
    parser.parse(fetch(urljoin(url, "/robots.txt"))[2].decode().splitlines())
    assert not parser.can_fetch("blogscout", url)
    assert any(url in (u for u, _ in b.blogroll) for b in world.blogs if b.label == "seed")


def test_robots_private_path_disallowed(world, fetch):
    url = world.nasty["robots_private"]
    parser = urllib.robotparser.RobotFileParser()
    parser.parse(fetch(urljoin(url, "/robots.txt"))[2].decode().splitlines())
    assert not parser.can_fetch("blogscout", url) and parser.can_fetch("blogscout", urljoin(url, "/"))
    assert fetch(url)[0] == 200


def test_every_blog_serves_robots_with_sitemap(world, fetch):
    blog = world.blogs[5]
    robots = fetch(blog.url("/robots.txt"))[2].decode()
    assert f"Sitemap: {blog.url('/sitemap.xml')}" in robots
    assert fetch(blog.url("/sitemap.xml"))[2].count(b"<loc>") > len(blog.posts)


def test_unknown_host_gives_502(fetch):
    assert fetch("http://gibt-es-nicht.example.org/")[0] == 502


def test_error_pages_404_and_500(world, fetch):
    assert fetch(world.nasty["not_found"])[0] == 404
    assert fetch(world.nasty["server_error"])[0] == 500


def test_latin1_pages_are_latin1_bytes(world, fetch):
    _, headers, body = fetch(world.nasty["latin1_declared_utf8"])
    assert headers["Content-Type"] == "text/html; charset=utf-8" and b'<meta charset="utf-8">' in body
    assert "Größere".encode("latin-1") in body
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    _, headers, body = fetch(world.nasty["latin1_no_charset"])
    assert headers["Content-Type"] == "text/html" and b"charset" not in body
    assert "Öffentlichkeitsarbeit".encode("latin-1") in body


def test_calendar_links_next_month_forever(world, fetch):
    url = world.nasty["calendar"]
    seen = set()
    for _ in range(30):
        status, _, body = fetch(url)
        assert status == 200 and url not in seen
        seen.add(url)
        url = urljoin(url, re.search(rb'href="([^"]+)" rel="next"', body)[1].decode())
    assert "/kalender/2026/07/" in url


def test_session_ids_differ_per_page(world, fetch):
    home = world.nasty["session_ids"]
    sids = set(re.findall(rb"sid=([0-9a-f]+)", fetch(home)[2]))
    post_link = re.search(rb'class="u-url" href="([^"]+)"', fetch(home)[2])[1].decode().replace("&amp;", "&")
    sids_post = set(re.findall(rb"sid=([0-9a-f]+)", fetch(urljoin(home, post_link))[2]))
    assert sids and sids_post and not sids & sids_post


def test_slow_and_huge_pages(world):
    assert world.response(world.nasty["slow"]).delay >= 2
    size = len(world.response(world.nasty["huge"]).body)
    assert 2.5e6 < size < 3.5e6


def test_non_html_resources(world, fetch):
    status, headers, body = fetch(world.nasty["pdf"])
    assert status == 200 and headers["Content-Type"] == "application/pdf" and body.startswith(b"%PDF")
    status, headers, body = fetch(world.nasty["jpeg"])
    assert headers["Content-Type"] == "image/jpeg" and body.startswith(b"\xff\xd8")


def test_www_twin_host_redirects(world, fetch):
    blog = next(b for b in world.blogs if b.host.startswith("www."))
    status, headers, _ = fetch(f"http://{blog.alt_host}/")
    assert status == 301 and headers["Location"] == blog.home_url


def test_missing_trailing_slash_redirects(world, fetch):
    blog = next(b for b in world.blogs if b.cms == "wordpress" and b.label == "partner")
    path = blog.posts[0].path
    status, headers, _ = fetch(blog.url(path.rstrip("/")))
    assert status == 301 and headers["Location"] == blog.url(path)


def test_platforms_redirect_or_refuse(world, fetch):
    status, headers, _ = fetch("http://twitter.com/someone")
    assert status == 301 and headers["Location"] == "http://x.com/someone"
    assert fetch("http://x.com/someone")[0] == 403
    assert fetch("http://www.facebook.com/someone")[0] == 200
    code, target = next(iter(world.specials.shortlinks.items()))
    status, headers, _ = fetch(f"http://bit.ly/{code}")
    assert status == 301 and headers["Location"] == target


# -- mutation -----------------------------------------------------------------------------


def test_add_post_changes_feed_and_etag():
    w = generate_world(seed=0, n_blogs=20, today=TODAY)
    blog = w.blog(w.seeds[0])
    old_post = blog.url(blog.posts[0].path)
    before = {u: w.response(u).headers["ETag"] for u in (blog.home_url, blog.feed_url, old_post)}
    url = w.add_post(
        blog.host, title="Neue Reichweite für Beiträge", text="Größer als je zuvor.\n\nZweiter Absatz.", when=TODAY
    )
    after = {u: w.response(u).headers["ETag"] for u in before}
    assert after[blog.home_url] != before[blog.home_url] and after[blog.feed_url] != before[blog.feed_url]
    assert after[old_post] == before[old_post]
    assert "Neue Reichweite für Beiträge" in feedparser.parse(w.response(blog.feed_url).body).entries[0].title
    assert "Größer als je zuvor." in w.response(url).body.decode()
    assert w.response(blog.feed_url, {"If-None-Match": before[blog.feed_url]}).status == 200


def test_add_blog_linked_from_existing_blog():
    w = generate_world(seed=0, n_blogs=20, today=TODAY)
    source = w.blog(w.seeds[1])
    new = w.add_blog(label="partner", linked_from=source.host)
    assert w.truth[new.site] == "partner"
    assert w.response(new.home_url).status == 200
    assert any(u == new.home_url for u, _ in source.blogroll)


def test_kill_blog_answers_410_or_502():
    w = generate_world(seed=0, n_blogs=20, today=TODAY)
    gone, down = w.blogs[3:5]
    w.kill_blog(gone.host)
    w.kill_blog(down.host, mode="down")
    assert w.response(gone.home_url).status == 410
    assert w.response(down.home_url).status == 502


# -- server -------------------------------------------------------------------------------


def test_server_origin_form_with_host_header(world, server):
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    host = urlsplit(world.seeds[0]).hostname
    conn.request("GET", "/robots.txt", headers={"Host": host})
    resp = conn.getresponse()
    assert resp.status == 200 and b"User-agent" in resp.read()
    conn.close()


def test_server_connect_gives_501(server):
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    conn.request("CONNECT", "anna.blogspot.com:443")
    assert conn.getresponse().status == 501
    conn.close()


def test_server_head_has_no_body(world, fetch):
    status, headers, body = fetch(world.seeds[0], method="HEAD")
    assert status == 200 and body == b"" and int(headers["Content-Length"]) > 0


def test_server_logs_requests(world, server, fetch):
    url = world.seeds[-1]
    fetch(url)
    assert ("GET", url, 200) in server.requests


def test_main_serves_until_sigterm(tmp_path):
    port_file = tmp_path / "proxy.url"
    proc = subprocess.Popen(
        [sys.executable, "-m", "crawler.sandbox", "--blogs", "20", "--port-file", str(port_file)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        deadline = time.monotonic() + 15
        while not port_file.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        proxy = port_file.read_text().strip()
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({"http": proxy}))
        with opener.open("http://geheim-blog.de/robots.txt", timeout=10) as resp:
            assert resp.read() == b"User-agent: *\nDisallow: /\n"
        proc.send_signal(signal.SIGTERM)
        out, _ = proc.communicate(timeout=10)
    finally:
        proc.kill()
    assert proc.returncode == 0 and out.decode().strip() == proxy
