"""The robots.txt parser cache keeps the most recent hosts and never drops a fetch in flight."""

import pytest
from twisted.internet.defer import Deferred

from crawler.engine.robots import ROBOTS_MAXSIZE, RecentParsers, cut_robots


def test_recent_parsers_drop_the_least_recently_used():
    parsers = RecentParsers(limit=2)
    parsers["a.de"] = "A"
    parsers["b.de"] = "B"
    assert parsers["a.de"] == "A"  # a.de is now the most recent
    parsers["c.de"] = "C"
    assert list(parsers) == ["a.de", "c.de"]


def test_recent_parsers_keep_fetches_in_flight():
    parsers = RecentParsers(limit=1)
    pending = Deferred()
    parsers["a.de"] = pending
    parsers["b.de"] = "B"
    assert "a.de" in parsers and parsers["b.de"] == "B"


def test_empty_recent_parsers():
    assert len(RecentParsers(limit=3)) == 0


@pytest.mark.parametrize(
    "body, limit, kept",
    [
        (b"Disallow: /a/\nDisallow: /b/\n", 100, b"Disallow: /a/\nDisallow: /b/\n"),
        (b"Disallow: /a/\nAllow: /private-but-cut/\n", 22, b"Disallow: /a/\n"),
        (b"Allow: /xyz", 8, b""),
    ],
)
def test_cut_robots_keeps_whole_lines_up_to_the_cap(body, limit, kept):
    assert cut_robots(body, limit) == kept


def test_cut_robots_cap_is_at_least_500_kib():
    assert ROBOTS_MAXSIZE >= 500 * 1024
