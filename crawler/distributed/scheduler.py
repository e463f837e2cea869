"""Scrapy components of the distributed crawl: shared frontier, robots.txt, politeness and items.

Every worker (``blogscout crawl --redis`` runs one next to the single writer, ``blogscout worker``
adds more) takes requests from one scrapy-redis priority queue with one duplicate filter. A
worker keeps the requests it has taken in a Redis hash until their callbacks finish; a worker
whose heartbeat stops has them put back in the queue, so its death loses no URL. Items go to a
Redis list that the writer stores in SQLite. The crawl ends when the queue is empty and no live
worker holds a request. Requests are queued as JSON (`crawler.distributed.serializer`); an entry
that is not one is dropped with a warning and counted in ``blogscout/queue_refused``.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
import uuid
import warnings

from scrapy import signals
from scrapy.exceptions import DontCloseSpider, NotConfigured, ScrapyDeprecationWarning
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.misc import build_from_crawler
from twisted.internet import task

warnings.filterwarnings("ignore", category=ScrapyDeprecationWarning, module="scrapy_redis")
from scrapy_redis.scheduler import Scheduler  # noqa: E402

from crawler.distributed.state import CURRENT_KEY, Keys, beat, connect, encode_item, live_workers  # noqa: E402
from crawler.engine.robots import RobotsTxt  # noqa: E402

log = logging.getLogger(__name__)

# Pop the best request and note it as held by this worker, in one step.
_TAKE = """
local r = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #r == 0 then return false end
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, 0)
redis.call('HSET', KEYS[2], r[1], r[2])
return r[1]
"""
# Put every request a dead worker held back into the queue.
_RETURN = """
local held = redis.call('HGETALL', KEYS[1])
for i = 1, #held, 2 do redis.call('ZADD', KEYS[2], held[i + 1], held[i]) end
redis.call('DEL', KEYS[1])
return #held / 2
"""
# Next free moment of a host across all workers: returns how long to wait.
_SLOT = """
local now = tonumber(ARGV[1])
local delay = tonumber(ARGV[2])
local free = tonumber(redis.call('GET', KEYS[1]) or '0')
local at = math.max(now, free)
redis.call('SET', KEYS[1], tostring(at + delay), 'PX', math.ceil((at + delay - now) * 1000) + 1000)
return tostring(at - now)
"""


def namespace_keys(settings) -> Keys:
    """The key namespace of the crawl these settings belong to."""
    ns = settings.get("BLOGSCOUT_REDIS_NAMESPACE")
    if not ns:
        raise NotConfigured("BLOGSCOUT_REDIS_NAMESPACE is not set")
    return Keys(ns)


class SharedScheduler(Scheduler):
    """scrapy-redis scheduler that tracks held requests, heartbeats and the end of the crawl."""

    @classmethod
    def from_crawler(cls, crawler):
        instance = super().from_crawler(crawler)
        instance.crawler = crawler
        instance.keys = namespace_keys(crawler.settings)
        instance.worker = f"{crawler.settings.get('BLOGSCOUT_WORKER_NAME') or 'worker'}-{uuid.uuid4().hex[:8]}"
        instance.ttl = crawler.settings.getint("BLOGSCOUT_REDIS_HEARTBEAT")
        instance.take = instance.server.register_script(_TAKE)
        instance.give_back = instance.server.register_script(_RETURN)
        # An idle worker looks at the shared queue every 0.25 s instead of Scrapy's 5 s heartbeat:
        # other workers fill it. (Engine attribute; Scrapy has no setting for it.)
        if crawler.engine is not None:
            crawler.engine._SLOT_HEARTBEAT_INTERVAL = 0.25
        crawler.signals.connect(instance.spider_idle, signal=signals.spider_idle)
        crawler.signals.connect(instance.request_dropped, signal=signals.request_dropped)
        return instance

    def open(self, spider):
        super().open(spider)
        spider.request_done = self.done
        beat(self.server, self.keys, self.worker, self.ttl)
        self.heart = task.LoopingCall(self._tick)
        self.heart.start(max(self.ttl / 5, 0.2), now=False)
        log.info("worker %s joined %s", self.worker, self.keys.ns)

    def close(self, reason):
        if getattr(self, "heart", None) and self.heart.running:
            self.heart.stop()
        current = self.server.get(CURRENT_KEY)
        if current and json.loads(current)["namespace"] == self.keys.ns:  # the crawl still wants stats
            stats = {k: v for k, v in self.crawler.stats.get_stats().items() if isinstance(v, (int, float))}
            self.server.hset(self.keys.stats, self.worker, json.dumps(stats))
        self.server.srem(self.keys.workers, self.worker)
        self.server.delete(self.keys.heartbeat(self.worker))
        return super().close(reason)

    def _tick(self) -> None:
        beat(self.server, self.keys, self.worker, self.ttl)
        self.recover()

    def recover(self) -> int:
        """Put back the requests of workers whose heartbeat stopped; return how many."""
        _, dead = live_workers(self.server, self.keys)
        returned = 0
        for worker in dead:
            returned += int(self.give_back(keys=[self.keys.processing(worker), self.queue.key]))
            self.server.srem(self.keys.workers, worker)
            if returned:
                log.warning("put back %d requests held by lost worker %s", returned, worker)
        if returned:
            self.crawler.stats.inc_value("blogscout/requests_recovered", returned)
        return returned

    def enqueue_request(self, request):
        parent = request.meta.pop("bs_held", None)  # a redirect or retry of a held request
        added = super().enqueue_request(request)
        if parent is not None:
            self.server.hdel(self.keys.processing(self.worker), parent)
        return added

    def next_request(self):
        while data := self.take(keys=[self.queue.key, self.keys.processing(self.worker)]):
            try:
                request = self.queue._decode_request(data)
            except (ValueError, TypeError, KeyError) as err:  # not a request this crawl queued
                self.server.hdel(self.keys.processing(self.worker), data)
                self.crawler.stats.inc_value("blogscout/queue_refused")
                log.warning("refused an entry of the queue %s: %s", self.queue.key, str(err)[:200])
                continue
            request.meta["bs_held"] = data
            if self.stats:
                self.stats.inc_value("scheduler/dequeued/redis")
            return request
        return None

    def done(self, request) -> None:
        """The callback or errback of a held request finished: it is no longer held."""
        data = request.meta.pop("bs_held", None)
        if data is not None:
            self.server.hdel(self.keys.processing(self.worker), data)

    def request_dropped(self, request, spider=None):
        self.done(request)

    def has_pending_requests(self):
        return len(self.queue) > 0

    def spider_idle(self, spider):
        """Stay open while the shared queue has requests, the seeds are not in, or a worker is busy.

        A worker that joins after the crawl ended (its namespace is done or gone) closes at once.
        """
        current = self.server.get(CURRENT_KEY)
        if (
            self.server.get(self.keys.state) == b"done"
            or not current
            or json.loads(current)["namespace"] != self.keys.ns
        ):
            return
        beat(self.server, self.keys, self.worker, self.ttl)
        self.recover()
        if len(self.queue) or not self.server.exists(self.keys.seeded):
            raise DontCloseSpider
        alive, _ = live_workers(self.server, self.keys)
        if any(self.server.hlen(self.keys.processing(w)) for w in alive if w != self.worker):
            raise DontCloseSpider


class RequestDone:
    """Spider middleware: tell the scheduler when a response's callback output is all out."""

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_spider_output(self, response, result, spider=None):
        yield from result
        self._done(response)

    async def process_spider_output_async(self, response, result, spider=None):
        async for item in result:
            yield item
        self._done(response)

    def process_spider_exception(self, response, exception, spider=None):
        self._done(response)

    def _done(self, response) -> None:
        done = getattr(self.crawler.spider, "request_done", None)
        if done and response is not None:
            done(response.request)


class RedisItems:
    """Item pipeline: send items to the crawl's Redis list for the single writer."""

    def __init__(self, client, key: str):
        self.client = client
        self.key = key

    @classmethod
    def from_crawler(cls, crawler):
        keys = namespace_keys(crawler.settings)
        return cls(connect(crawler.settings.get("REDIS_URL")), keys.items)

    def process_item(self, item, spider=None):
        self.client.rpush(self.key, encode_item(item))
        return item


class SharedRobotsTxt(RobotsTxt):
    """robots.txt fetched once per host for all workers; the others read it from Redis."""

    ERROR = b"\x00error"

    def __init__(self, crawler):
        super().__init__(crawler)
        self.keys = namespace_keys(crawler.settings)
        self.client = connect(crawler.settings.get("REDIS_URL"))

    async def robot_parser(self, request):
        netloc = urlparse_cached(request).netloc
        if netloc not in self._parsers:
            body = await self._shared_body(netloc)
            if body is not None:
                self._parsers[netloc] = (
                    None if body == self.ERROR else build_from_crawler(self._parserimpl, self.crawler, body)
                )
                self._stats.inc_value("blogscout/robots_shared")
        return await super().robot_parser(request)

    async def _shared_body(self, netloc: str) -> bytes | None:
        """The stored robots.txt, or None when this worker is the one to fetch it."""
        key, lock = f"{self.keys.ns}:robots:{netloc}", f"{self.keys.ns}:robots-lock:{netloc}"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            body = self.client.get(key)
            if body is not None:
                return body
            if self.client.set(lock, self.keys.ns, nx=True, ex=60):
                return None
            await asyncio.sleep(0.05)
        return None

    async def _parse_robots(self, response, netloc, request):
        self.client.set(f"{self.keys.ns}:robots:{netloc}", response.body)
        final = urlparse_cached(response).netloc
        if final != netloc:
            self.client.set(f"{self.keys.ns}:robots:{final}", response.body, nx=True)
        await super()._parse_robots(response, netloc, request)

    def _robots_error(self, exc, netloc):
        self.client.set(f"{self.keys.ns}:robots:{netloc}", self.ERROR)
        super()._robots_error(exc, netloc)


class SharedPoliteness:
    """At most one request per host every DOWNLOAD_DELAY seconds across all workers."""

    def __init__(self, client, keys: Keys, delay: float):
        self.client = client
        self.keys = keys
        self.delay = delay
        self.slot = client.register_script(_SLOT)

    @classmethod
    def from_crawler(cls, crawler):
        delay = crawler.settings.getfloat("DOWNLOAD_DELAY")
        if delay <= 0:
            raise NotConfigured
        return cls(connect(crawler.settings.get("REDIS_URL")), namespace_keys(crawler.settings), delay)

    def wait_for(self, host: str) -> float:
        """Seconds to wait before this worker may fetch from ``host``."""
        return float(self.slot(keys=[f"{self.keys.ns}:slot:{host}"], args=[time.time(), self.delay]))

    async def process_request(self, request, spider=None):
        wait = self.wait_for(urlparse_cached(request).hostname or "")
        if wait > 0:
            await asyncio.sleep(wait)
        return None


def redis_settings(redis_url: str, namespace: str) -> dict:
    """Scrapy settings that make a crawl one worker of the distributed crawl ``namespace``."""
    return {
        "REDIS_URL": redis_url,
        "SCHEDULER": "crawler.distributed.scheduler.SharedScheduler",
        "SCHEDULER_QUEUE_CLASS": "scrapy_redis.queue.PriorityQueue",
        "SCHEDULER_SERIALIZER": "crawler.distributed.serializer",
        "SCHEDULER_QUEUE_KEY": f"{namespace}:requests",
        "SCHEDULER_DUPEFILTER_KEY": f"{namespace}:dupefilter",
        "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
        "SCHEDULER_PERSIST": True,
        "BLOGSCOUT_REDIS_NAMESPACE": namespace,
        "ITEM_PIPELINES": {"crawler.distributed.scheduler.RedisItems": 300},
        "SPIDER_MIDDLEWARES": {"crawler.distributed.scheduler.RequestDone": 10},
    }


def redis_downloader_middlewares(base: dict) -> dict:
    """The project's downloader middlewares with robots.txt and politeness shared through Redis."""
    return {
        **base,
        "crawler.engine.robots.RobotsTxt": None,
        "crawler.distributed.scheduler.SharedRobotsTxt": 100,
        "crawler.distributed.scheduler.SharedPoliteness": 110,
    }
