"""The per-host delay as configured: one jitter draw per gap, robots.txt outside the host's delay."""

from __future__ import annotations

import statistics

import pytest
from scrapy.http import Request

from crawler.engine.downloader import SteadySlot
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
