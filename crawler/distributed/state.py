"""Crawl state shared through Redis by distributed workers (no Scrapy here).

One crawl lives under a key namespace ``blogscout:<id>``: the request queue and duplicate filter
(scrapy-redis), the sites registry with budgets and hops, the set of requested URLs, the item
queue read by the single writer, worker heartbeats and the requests each worker has in hand.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from dataclasses import asdict, fields

import redis

from crawler.items import ErrorItem, FeedItem, PageItem, SiteItem
from crawler.spiders.state import DEFERRED_MAX, SiteState

CURRENT_KEY = "blogscout:current"
ITEM_TYPES = {cls.__name__: cls for cls in (SiteItem, PageItem, FeedItem, ErrorItem)}
HEARTBEAT_SECONDS = 10


class Keys:
    """Key names of one distributed crawl (a misspelt name is an AttributeError, not a new key)."""

    __slots__ = ("ns", "items", "seeded", "seen", "sites", "state", "stats", "workers")

    def __init__(self, namespace: str):
        self.ns = namespace
        self.items = f"{namespace}:items"  # the item queue the writer reads
        self.seeded = f"{namespace}:seeded"  # set once the seeds are queued
        self.seen = f"{namespace}:seen"  # URLs requested by any worker
        self.sites = f"{namespace}:sites"  # registered site keys
        self.state = f"{namespace}:state"  # "done" when the coordinator ends the crawl
        self.stats = f"{namespace}:stats"  # each worker's final stats
        self.workers = f"{namespace}:workers"

    def site(self, site: str) -> str:
        """The hash of one site's state; ``:done`` and ``:deferred`` keys hang off it."""
        return f"{self.ns}:site:{site}"

    def heartbeat(self, worker: str) -> str:
        return f"{self.ns}:hb:{worker}"

    def processing(self, worker: str) -> str:
        return f"{self.ns}:processing:{worker}"


def connect(url: str) -> redis.Redis:
    """A Redis client for a ``redis://host:port/db`` URL; raises `redis.ConnectionError` if down."""
    client = redis.Redis.from_url(url, socket_timeout=30, socket_connect_timeout=5)
    client.ping()
    return client


# -- items --------------------------------------------------------------------------------


def encode_item(item: object) -> str:
    """JSON with the item's type, for the item queue."""
    return json.dumps({"type": type(item).__name__, "data": asdict(item)}, ensure_ascii=False)


def decode_item(text: str | bytes) -> object:
    """The item an `encode_item` string holds (lists of pairs come back as tuples)."""
    obj = json.loads(text)
    cls = ITEM_TYPES[obj["type"]]
    data = obj["data"]
    for f in fields(cls):
        value = data.get(f.name)
        if isinstance(value, list):
            data[f.name] = [tuple(v) if isinstance(v, list) else v for v in value]
    return cls(**data)


# -- the shared frontier state ------------------------------------------------------------

_CLAIM = """
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], unpack(ARGV))
redis.call('SADD', KEYS[2], KEYS[3])
return 1
"""

_DEFER = """
if redis.call('LLEN', KEYS[1]) >= tonumber(ARGV[2]) then return -1 end
return redis.call('RPUSH', KEYS[1], ARGV[1])
"""

_TAKE = """
local links = redis.call('LRANGE', KEYS[1], 0, -1)
redis.call('DEL', KEYS[1])
return links
"""


class RedisSites:
    """The site registry shared by all workers (`crawler.spiders.registry.SiteRegistry`).

    A site is a hash (role, hops, budget, priority, scheduled, posts) with a set of done page kinds
    and a list of deferred links beside it; first registration wins, counters change atomically.
    `get` reads a fresh snapshot; the methods that change a site update this worker's snapshot too.
    """

    def __init__(self, client: redis.Redis, keys: Keys):
        self._r = client
        self._keys = keys
        self._states: dict[str, SiteState] = {}
        self._claim = client.register_script(_CLAIM)
        self._defer = client.register_script(_DEFER)
        self._take = client.register_script(_TAKE)

    def claim(self, site: str, state: SiteState) -> bool:
        """Register a site unless a worker already did; True when this call registered it."""
        args = ["role", state.role, "hops", state.hops, "budget", state.budget, "priority", state.priority]
        args += ["scheduled", state.scheduled, "posts", state.posts]
        return bool(self._claim(keys=[self._keys.site(site), self._keys.sites, site], args=args))

    def get(self, site: str) -> SiteState | None:
        key = self._keys.site(site)
        pipe = self._r.pipeline(transaction=False)
        pipe.hgetall(key)
        pipe.smembers(f"{key}:done")
        pipe.llen(f"{key}:deferred")
        fields, done, deferred = pipe.execute()
        if not fields:
            return None
        value = {k.decode(): v.decode() for k, v in fields.items()}
        state = self._states.get(site)
        if state is None:
            state = self._states[site] = SiteState(value["role"], 0, int(value["budget"]), int(value["priority"]))
        state.hops = int(value.get("hops", 0))
        state.scheduled = int(value.get("scheduled", 0))
        state.posts = int(value.get("posts", 0))
        state.done = frozenset(d.decode() for d in done)
        state.deferred = int(deferred)
        return state

    def __contains__(self, site: object) -> bool:
        return site in self._states or bool(self._r.exists(self._keys.site(str(site))))

    def __len__(self) -> int:
        return int(self._r.scard(self._keys.sites))

    def role(self, site: str) -> str | None:
        if site in self._states:
            return self._states[site].role
        role = self._r.hget(self._keys.site(site), "role")
        return role.decode() if role is not None else None

    def add_scheduled(self, site: str, n: int = 1) -> int:
        return self._add(site, "scheduled", n)

    def add_posts(self, site: str, n: int = 1) -> int:
        return self._add(site, "posts", n)

    def _add(self, site: str, name: str, n: int) -> int:
        value = int(self._r.hincrby(self._keys.site(site), name, n))
        if site in self._states:
            setattr(self._states[site], name, value)
        return value

    def mark_done(self, site: str, kind: str) -> bool:
        added = bool(self._r.sadd(f"{self._keys.site(site)}:done", kind))
        if site in self._states:
            self._states[site].done |= {kind}
        return added

    def set_hops(self, site: str, hops: int) -> None:
        self._r.hset(self._keys.site(site), "hops", hops)
        if site in self._states:
            self._states[site].hops = hops

    def defer(self, site: str, url: str, kind: str) -> bool:
        """Keep a link of `site` beyond the hop limit (at most DEFERRED_MAX a site); True if kept."""
        count = int(
            self._defer(keys=[f"{self._keys.site(site)}:deferred"], args=[json.dumps([url, kind]), DEFERRED_MAX])
        )
        if count < 0:
            return False
        if site in self._states:
            self._states[site].deferred = count
        return True

    def take_deferred(self, site: str) -> list[tuple[str, str]]:
        """The links `site` made beyond the hop limit, forgotten from here on."""
        links = self._take(keys=[f"{self._keys.site(site)}:deferred"])
        if site in self._states:
            self._states[site].deferred = 0
        return [tuple(json.loads(v)) for v in links]

    def close(self) -> None:
        """Forget this worker's snapshots (the shared state stays in Redis)."""
        self._states.clear()


class RedisSet:
    """The set operations the spider uses, on a Redis set."""

    def __init__(self, client: redis.Redis, key: str):
        self._r = client
        self._key = key

    def add(self, value: str) -> None:
        self._r.sadd(self._key, value)

    def update(self, values: Iterable[str]) -> None:
        values = list(values)
        if values:
            self._r.sadd(self._key, *values)

    def __contains__(self, value: str) -> bool:
        return bool(self._r.sismember(self._key, value))

    def __len__(self) -> int:
        return int(self._r.scard(self._key))


def live_workers(client: redis.Redis, keys: Keys) -> tuple[list[str], list[str]]:
    """(alive, dead) worker ids registered for the crawl."""
    alive, dead = [], []
    for raw in client.smembers(keys.workers):
        worker = raw.decode()
        (alive if client.exists(keys.heartbeat(worker)) else dead).append(worker)
    return sorted(alive), sorted(dead)


def beat(client: redis.Redis, keys: Keys, worker: str, ttl: int = HEARTBEAT_SECONDS) -> None:
    """Register a worker and refresh its heartbeat (a worker silent for ``ttl`` seconds is lost)."""
    client.sadd(keys.workers, worker)
    client.set(keys.heartbeat(worker), str(time.time()), ex=max(int(ttl), 1))
