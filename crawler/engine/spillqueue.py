"""The frontier's per-priority queue: the newest requests in RAM up to a budget, the rest on disk.

With a JOBDIR, Scrapy serialises every request it schedules (``request_to_dict`` looks the
callback up among the spider's members, then pickles) and reads it back when it is due: ~8% of a
crawl's CPU, although a crawl of a few thousand pages never holds more requests than RAM can
easily keep. `SpillQueue` keeps up to ``BLOGSCOUT_QUEUE_IN_MEMORY`` requests of the whole crawl
(shared by the queues of all priorities) as objects and only spills beyond that to Scrapy's
pickled LIFO disk queue, so memory stays bounded on big crawls and small ones never serialise.
On close, the requests still in RAM go to disk too, so a JOBDIR that outlives the crawl keeps them.
"""

from __future__ import annotations

import logging
import weakref

from scrapy.squeues import PickleLifoDiskQueue

from crawler import defaults

log = logging.getLogger(__name__)

DEFAULT_IN_MEMORY = defaults.SETTINGS["BLOGSCOUT_QUEUE_IN_MEMORY"].default


class _Budget:
    """Requests that may still be held in RAM, shared by one crawler's queues."""

    def __init__(self, size: int):
        self.free = size


_budgets: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _budget_of(crawler) -> _Budget:
    budget = _budgets.get(crawler)
    if budget is None:
        size = crawler.settings.getint("BLOGSCOUT_QUEUE_IN_MEMORY", DEFAULT_IN_MEMORY)
        budget = _budgets[crawler] = _Budget(max(0, size))
    return budget


class SpillQueue:
    """LIFO queue of requests: in RAM while the crawl's budget allows, on disk beyond it."""

    def __init__(self, crawler, key: str, budget: _Budget):
        self.budget = budget
        self.memory: list = []
        self.disk = PickleLifoDiskQueue.from_crawler(crawler, key)

    @classmethod
    def from_crawler(cls, crawler, key: str, *args, **kwargs) -> SpillQueue:
        return cls(crawler, key, _budget_of(crawler))

    def push(self, request) -> None:
        if self.budget.free > 0:
            self.memory.append(request)
            self.budget.free -= 1
        else:
            self.disk.push(request)  # ValueError for a request that cannot be serialised, as Scrapy's

    def pop(self):
        if self.memory:
            self.budget.free += 1
            return self.memory.pop()
        return self.disk.pop()

    def peek(self):
        return self.memory[-1] if self.memory else self.disk.peek()

    def close(self) -> None:
        """Write the requests held in RAM to disk (oldest first, so the order stays LIFO), then close."""
        for request in self.memory:
            try:
                self.disk.push(request)
            except ValueError as err:
                log.debug("dropping a pending request that cannot be stored: %s", err)
        self.budget.free += len(self.memory)
        self.memory = []
        self.disk.close()

    def __len__(self) -> int:
        return len(self.memory) + len(self.disk)
