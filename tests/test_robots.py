"""The robots.txt parser cache keeps the most recent hosts and never drops a fetch in flight."""

from twisted.internet.defer import Deferred

from crawler.engine.robots import RecentParsers


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
