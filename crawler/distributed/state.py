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
from crawler.spiders.state import DEFERRED_MAX

CURRENT_KEY = "blogscout:current"
ITEM_TYPES = {cls.__name__: cls for cls in (SiteItem, PageItem, FeedItem, ErrorItem)}
HEARTBEAT_SECONDS = 10


class Keys:
    """Key names of one distributed crawl."""

    def __init__(self, namespace: str):
        self.ns = namespace

    def __getattr__(self, name: str) -> str:
        return f"{self.ns}:{name}"

    def site(self, site: str) -> str:
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


class RedisSiteState:
    """A site's crawl state in a Redis hash; counters change atomically across workers."""

    def __init__(self, client: redis.Redis, keys: Keys, site: str, fixed: dict):
        self._r = client
        self._key = keys.site(site)
        self._done_key = f"{self._key}:done"
        self._deferred_key = f"{self._key}:deferred"
        self.role = fixed["role"]
        self.budget = int(fixed["budget"])
        self.priority = int(fixed["priority"])
        self._seen_counts: dict[str, int] = {}

    def _get(self, name: str) -> int:
        value = int(self._r.hget(self._key, name) or 0)
        self._seen_counts[name] = value
        return value

    def _add(self, name: str, value: int) -> None:
        """``state.x += n`` reads, then writes ``x + n``: apply only the difference, atomically."""
        self._r.hincrby(self._key, name, value - self._seen_counts.get(name, 0))

    scheduled = property(lambda self: self._get("scheduled"), lambda self, v: self._add("scheduled", v))
    posts = property(lambda self: self._get("posts"), lambda self, v: self._add("posts", v))

    @property
    def hops(self) -> int:
        return int(self._r.hget(self._key, "hops") or 0)

    @hops.setter
    def hops(self, value: int) -> None:
        self._r.hset(self._key, "hops", value)

    @property
    def done(self) -> RedisSet:
        return RedisSet(self._r, self._done_key)

    @property
    def deferred(self) -> RedisList:
        return RedisList(self._r, self._deferred_key)

    @deferred.setter
    def deferred(self, value: list) -> None:
        self._r.delete(self._deferred_key)
        if value:
            self._r.rpush(self._deferred_key, *(json.dumps(list(v)) for v in value))

    def mark_done(self, kind: str) -> None:
        self.done.add(kind)


class RedisList:
    """The list operations the spider uses on deferred links, on a Redis list of JSON pairs."""

    def __init__(self, client: redis.Redis, key: str):
        self._r = client
        self._key = key

    def append(self, value) -> None:
        self._r.rpush(self._key, json.dumps(list(value)))

    def __len__(self) -> int:
        return int(self._r.llen(self._key))

    def __iter__(self):
        return iter([tuple(json.loads(v)) for v in self._r.lrange(self._key, 0, -1)])


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


class RedisSites:
    """The spider's ``sites`` mapping shared by all workers: first registration wins."""

    def __init__(self, client: redis.Redis, keys: Keys):
        self._r = client
        self._keys = keys
        self._cache: dict[str, RedisSiteState] = {}
        self._claim = client.register_script(_CLAIM)

    def get(self, site: str, default=None):
        if site in self._cache:
            return self._cache[site]
        fixed = self._r.hgetall(self._keys.site(site))
        if not fixed:
            return default
        state = RedisSiteState(self._r, self._keys, site, {k.decode(): v.decode() for k, v in fixed.items()})
        self._cache[site] = state
        return state

    def __getitem__(self, site: str) -> RedisSiteState:
        state = self.get(site)
        if state is None:
            raise KeyError(site)
        return state

    def __contains__(self, site: str) -> bool:
        return site in self._cache or bool(self._r.exists(self._keys.site(site)))

    def __len__(self) -> int:
        return int(self._r.scard(self._keys.sites))

    def claim(self, site: str, state) -> bool:
        """Register a site unless a worker already did; True when this call registered it."""
        args = [
            "role",
            state.role,
            "hops",
            state.hops,
            "budget",
            state.budget,
            "priority",
            state.priority,
            "scheduled",
            state.scheduled,
            "posts",
            state.posts,
        ]
        return bool(self._claim(keys=[self._keys.site(site), self._keys.sites, site], args=args))

    def defer(self, site: str, url: str, kind: str) -> bool:
        """Keep a link of `site` beyond the hop limit (at most DEFERRED_MAX a site); True if kept."""
        links = self[site].deferred
        if len(links) >= DEFERRED_MAX:
            return False
        links.append((url, kind))
        return True

    def take_deferred(self, site: str) -> list[tuple[str, str]]:
        """The links `site` made beyond the hop limit, forgotten from here on."""
        state = self[site]
        links = list(state.deferred)
        state.deferred = []
        return links

    def __setitem__(self, site: str, state) -> None:
        self.claim(site, state)

    def setdefault(self, site: str, state):
        self.claim(site, state)
        return self[site]


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
