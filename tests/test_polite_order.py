"""A polite crawl keeps every host busy in priority order: posts before about pages, new hosts at once."""

from __future__ import annotations

import json
from collections import defaultdict
from urllib.parse import urlsplit

import pytest
from conftest import FAST, blogscout, served_world

DELAY = 0.8  # long enough that a loaded machine's event-loop stalls stay well below it


def crawl(world, server, db, *settings: str):
    """`blogscout crawl` of the world's seeds with these ``NAME=VALUE`` settings; fails the test on an error."""
    args = [a for setting in settings for a in ("--set", setting)]
    proc = blogscout("crawl", *world.seeds, "--db", str(db), "--quiet", *args, proxy=server.proxy_url, timeout=120)
    assert proc.returncode == 0, proc.stderr


@pytest.fixture(scope="module")
def polite_log(tmp_path_factory):
    """The request log of a crawl with a per-host delay and no jitter (one download per line)."""
    tmp = tmp_path_factory.mktemp("polite")
    log = tmp / "requests.jsonl"
    with served_world(3, 14) as (world, server):
        crawl(
            world,
            server,
            tmp / "b.db",
            f"DOWNLOAD_DELAY={DELAY}",
            "DOWNLOAD_DELAY_JITTER=0",
            "AUTOTHROTTLE_ENABLED=false",
            f"BLOGSCOUT_REQUEST_LOG={log}",
        )
    rows = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    return [r for r in rows if "url" in r]


def by_host(rows):
    hosts = defaultdict(list)
    for row in sorted(rows, key=lambda r: r["sent"]):
        if row["kind"] != "robots":
            hosts[urlsplit(row["url"]).netloc].append(row)
    return hosts


def test_a_hosts_requests_go_out_by_priority(polite_log):
    """Posts a home page lists (they link to other blogs) before the about, contact and Impressum pages it links."""
    checked = 0
    for rows in by_host(polite_log).values():
        home = rows[0]["url"]
        kinds = [r["kind"] for r in rows if r.get("from") == home and r["kind"] != "home"]
        if "post" in kinds and {"about", "contact", "impressum"} & set(kinds):
            last_post = max(i for i, kind in enumerate(kinds) if kind == "post")
            first_other = min(i for i, kind in enumerate(kinds) if kind in ("about", "contact", "impressum"))
            assert last_post < first_other, kinds
            checked += 1
    assert checked >= 5


def test_each_host_is_asked_through_its_own_slot_only(polite_log):
    """Its delay then holds: a redirect from another host does not bring that host's slot along."""
    for host, rows in by_host(polite_log).items():
        assert {r["slot"] for r in rows} == {urlsplit(rows[0]["url"]).hostname}, host


def test_the_per_host_delay_still_holds(polite_log):
    for host, rows in by_host(polite_log).items():
        sent = [r["sent"] for r in rows]
        gaps = [b - a for a, b in zip(sent, sent[1:])]
        # sent = answered - latency: the event loop's own delays blur it on a busy machine
        assert not gaps or min(gaps) >= DELAY * 0.6, (host, gaps)


def test_a_new_host_is_asked_as_soon_as_a_page_links_it(polite_log):
    """Its first request follows the linking page's answer, not other hosts' delays (redirects too).

    The first second is left out: the extraction worker is still starting.
    """
    first_answer = {}
    for row in polite_log:
        first_answer.setdefault(row["url"], row["done"])
    lags = []
    for host, rows in by_host(polite_log).items():
        first = rows[0]
        source = first.get("from", "")
        if source in first_answer and urlsplit(source).netloc != host and first_answer[source] > 1.0:
            lags.append(first["sent"] - first_answer[source])
    assert len(lags) >= 10
    # quantiles, not the maximum: on a loaded machine the event loop itself stalls now and then
    lags.sort()
    assert lags[len(lags) // 2] < DELAY * 0.5, lags
    assert lags[len(lags) * 4 // 5] < DELAY, lags


def test_with_scrapys_own_downloader_the_queue_keeps_plain_order(tmp_path):
    """Nothing tells the queue when a host is free again: it parks nothing, and the crawl ends."""
    with served_world(3, 10) as (world, server):
        fast = FAST[1::2]  # the settings without their "--set"
        crawl(world, server, tmp_path / "b.db", *fast, "DOWNLOADER=scrapy.core.downloader.Downloader")
    assert len(server.requests) > 20
