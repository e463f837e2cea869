"""The scheduler's priority queue: global priorities, requests for busy hosts wait beside it.

Scrapy's default `DownloaderAwarePriorityQueue` keeps one queue per host and, for every request
it hands out, scans all hosts with pending requests for the least busy one: a crawl with thousands
of pending hosts (blogscout's shape: a few pages on each of many blogs) spends most of its time
there (measured: 3,000 pages with ~900 pending hosts ran at 40-50 pages/s until the queue emptied).
It also orders requests by host first, so the spider's priorities (blogroll links and on-topic
pages first) only apply within one host.

`SlotAwarePriorityQueue` is Scrapy's plain `ScrapyPriorityQueue` (one queue per priority, memory
or disk) that never hands the downloader more requests for a host than the host may have in
flight. A request whose host is busy is parked in a small per-host heap; when the downloader
(`crawler.engine.downloader.SteadyDownloader`) lets go of one of that host's requests, the host's
best parked request competes with the queue's head again. So priorities hold within a host too (a
host's requests wait here, ordered, instead of in the downloader's first-come queue), a new host's
request is never stuck behind requests that only wait out other hosts' delays, and each request is
parked at most once: the cost per request stays constant. With a downloader that does not say
when it lets go of a request (Scrapy's own, set through ``DOWNLOADER``), it is the plain queue.
"""

from __future__ import annotations

import heapq
import itertools
from collections import defaultdict

from scrapy.pqueues import ScrapyPriorityQueue

MAX_PARKED = 10_000  # requests held for busy hosts; beyond it a busy host's request stays queued
MAX_SCAN = 256  # requests for busy hosts parked by one pop before it gives up for now


class SlotAwarePriorityQueue(ScrapyPriorityQueue):
    """Highest priority first, among requests whose host may take another one now."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._parked: dict[str, list] = defaultdict(list)  # host -> heap of (-priority, n, request)
        self._ready: list = []  # heap of (-priority, n, host): hosts with parked requests, maybe free
        self._parked_count = 0
        self._order = itertools.count()
        engine = getattr(self.crawler, "engine", None)
        self._downloader = getattr(engine, "downloader", None)
        # Parking needs word from the downloader when a host is free again; without it, plain order.
        self._parks = hasattr(self._downloader, "slot_listeners")
        if self._parks:
            self._downloader.slot_listeners.append(self._host_freed)

    def push(self, request) -> None:
        host = self._host(request)
        if host is not None and host in self._parked and self._parked_count < MAX_PARKED:  # by priority
            self._park(host, request)
            self._mark_ready(host)
            return
        super().push(request)

    def pop(self):
        if not self._parks:
            return super().pop()
        head = self.peek_queued()
        ready = self._best_ready()
        if ready is not None and (head is None or ready[0] <= -head.priority):
            return self._unpark(ready[2])
        for _ in range(MAX_SCAN):
            request = super().pop()
            if request is None:
                break
            host = self._host(request)
            if host is None or not self._busy(host):
                ready = self._best_ready()
                if ready is not None and ready[0] < -request.priority:
                    super().push(request)
                    return self._unpark(ready[2])
                return request
            if self._parked_count >= MAX_PARKED:
                super().push(request)
                break
            self._park(host, request)
        ready = self._best_ready()
        return self._unpark(ready[2]) if ready is not None else None

    def peek_queued(self):
        """The queue's own head (parked requests left out), or None."""
        try:
            return super().peek()
        except (KeyError, NotImplementedError):
            return None

    def peek(self):
        head = self.peek_queued()
        ready = self._best_ready()
        if ready is not None and (head is None or ready[0] <= -head.priority):
            return self._parked[ready[2]][0][2]
        return head

    def close(self) -> list[int]:
        """Parked requests go back into the queue first, so a JOBDIR keeps them."""
        for heap in self._parked.values():
            for _, _, request in heap:
                super().push(request)
        self._parked.clear()
        self._ready = []
        self._parked_count = 0
        return super().close()

    def __len__(self) -> int:
        return super().__len__() + self._parked_count

    # -- parking -----------------------------------------------------------------------------

    def _park(self, host: str, request) -> None:
        heapq.heappush(self._parked[host], (-request.priority, next(self._order), request))
        self._parked_count += 1

    def _unpark(self, host: str):
        heap = self._parked[host]
        _, _, request = heapq.heappop(heap)
        self._parked_count -= 1
        if heap:
            self._mark_ready(host)  # checked again (busy or not) when it comes up
        else:
            del self._parked[host]
        return request

    def _mark_ready(self, host: str) -> None:
        heap = self._parked.get(host)
        if heap:
            heapq.heappush(self._ready, (heap[0][0], next(self._order), host))

    def _host_freed(self, host: str) -> None:
        if host in self._parked:
            self._mark_ready(host)

    def _best_ready(self):
        """(-priority, n, host) of the best parked request whose host is free, or None."""
        while self._ready:
            neg, n, host = self._ready[0]
            heap = self._parked.get(host)
            if not heap or heap[0][0] != neg:  # stale: taken, or a better one arrived (pushed too)
                heapq.heappop(self._ready)
                continue
            if self._busy(host):  # comes back when the downloader lets go of one of its requests
                heapq.heappop(self._ready)
                continue
            return neg, n, host
        return None

    # -- the downloader's view ---------------------------------------------------------------

    def _host(self, request) -> str | None:
        return self._downloader.get_slot_key(request) if self._parks else None

    def _busy(self, host: str) -> bool:
        slot = self._downloader.slots.get(host)
        limit = slot.concurrency if slot is not None else self._downloader.domain_concurrency
        return self._downloader.in_flight.get(host, 0) >= limit
