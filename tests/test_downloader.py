"""The per-host delay as configured, robots.txt outside it, and the queue that keeps hosts busy by priority."""

from __future__ import annotations

import statistics
from types import SimpleNamespace

import pytest
from scrapy.http import Request
from scrapy.squeues import FifoMemoryQueue
from scrapy.utils.test import get_crawler

from crawler.engine import pqueue
from crawler.engine.downloader import SteadyDownloader, SteadySlot
from crawler.engine.pqueue import SlotAwarePriorityQueue
from crawler.engine.robotsfetch import RobotsTxtSlot


def test_steady_slot_keeps_its_draw_until_the_next_request():
    slot = SteadySlot(2, 1.0, 0.5)
    first = slot.download_delay()
    assert 0.5 <= first <= 1.5
    assert {slot.download_delay() for _ in range(20)} == {first}  # looked at again: the same gap


def test_steady_slot_gaps_average_the_configured_delay():
    slot = SteadySlot(2, 1.0, 0.5)
    gaps = []
    for sent in range(2000):
        slot.lastseen = float(sent)  # a request went out: a new gap, a new draw
        gaps.append(slot.download_delay())
    assert statistics.mean(gaps) == pytest.approx(1.0, abs=0.03)
    assert len(set(gaps)) > 1000


def test_steady_slot_without_jitter_is_the_delay():
    assert SteadySlot(2, 1.0, 0.0).download_delay() == 1.0


def test_robots_txt_requests_get_a_slot_of_their_own():
    slot = RobotsTxtSlot()
    robots = Request("http://a.de/robots.txt", meta={"dont_obey_robotstxt": True})
    page = Request("http://a.de/robots.txt")
    slot.process_request(robots)
    slot.process_request(page)
    assert robots.meta["download_slot"] == "a.de robots.txt"
    assert "download_slot" not in page.meta


def test_a_redirected_robots_txt_request_gets_the_new_hosts_slot():
    slot = RobotsTxtSlot()
    robots = Request("http://www.a.de/robots.txt", meta={"dont_obey_robotstxt": True})
    slot.process_request(robots)
    moved = robots.replace(url="http://a.de/robots.txt")  # Scrapy's redirect copies the meta
    slot.process_request(moved)
    assert moved.meta["download_slot"] == "a.de robots.txt"
    custom = Request("http://b.de/robots.txt", meta={"dont_obey_robotstxt": True, "download_slot": "mine"})
    slot.process_request(custom)
    assert custom.meta["download_slot"] == "mine"


@pytest.fixture
def queue_and_downloader():
    """The scheduler's queue beside a real `SteadyDownloader` (one request a host at a time)."""
    crawler = get_crawler(
        settings_dict={"CONCURRENT_REQUESTS_PER_DOMAIN": 1, "DOWNLOAD_HANDLERS": {"http": None, "https": None}}
    )
    downloader = SteadyDownloader(crawler)
    crawler.engine = SimpleNamespace(downloader=downloader)
    return SlotAwarePriorityQueue.from_crawler(crawler, FifoMemoryQueue, ""), downloader


def _urls(requests):
    return [r.url if r is not None else None for r in requests]


def test_a_busy_hosts_requests_wait_and_come_back_by_priority(queue_and_downloader):
    queue, downloader = queue_and_downloader
    for url, priority in [("http://a.de/about", 200), ("http://a.de/post", 205), ("http://b.de/", 40)]:
        queue.push(Request(url, priority=priority))
    downloader.in_flight["a.de"] = 1  # a.de is downloading: it may take no other request now
    assert _urls([queue.pop()]) == ["http://b.de/"]
    assert queue.pop() is None and len(queue) == 2  # both a.de requests wait in the queue
    downloader._let_go(None, "a.de")  # its download ends
    assert _urls([queue.pop()]) == ["http://a.de/post"]  # the best of a.de first
    downloader.in_flight["a.de"] = 1
    assert queue.pop() is None
    downloader._let_go(None, "a.de")
    assert _urls([queue.pop(), queue.pop()]) == ["http://a.de/about", None]


def test_parked_requests_are_bounded_and_go_back_into_the_queue_on_close(queue_and_downloader, monkeypatch):
    monkeypatch.setattr(pqueue, "MAX_PARKED", 2)
    queue, downloader = queue_and_downloader
    downloader.in_flight["a.de"] = 1
    for n in range(5):
        queue.push(Request(f"http://a.de/{n}", priority=n))
    assert queue.pop() is None
    assert queue._parked_count == 2 and len(queue) == 5
    queue.push(Request("http://a.de/late", priority=9))  # beyond the bound: stays in the queue
    assert queue._parked_count == 2 and len(queue) == 6
    queue.close()
    assert queue._parked_count == 0 and len(queue) == 6
