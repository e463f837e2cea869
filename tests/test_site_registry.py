"""One contract, two registries: the local site registry and the Redis one pass the same tests."""

from __future__ import annotations

import uuid

import pytest
import redis
from redisserver import redis_server

from crawler.distributed.state import Keys, RedisSites
from crawler.spiders.registry import SiteRegistry
from crawler.spiders.state import DEFERRED_MAX, LocalSites, SiteState


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    with redis_server(tmp_path_factory.mktemp("redis")) as url:
        yield url


@pytest.fixture(params=["local", "redis"])
def sites(request):
    """An empty site registry of each kind (the Redis one in a fresh namespace)."""
    if request.param == "local":
        registry = LocalSites()
    else:
        client = redis.Redis.from_url(request.getfixturevalue("redis_url"))
        registry = RedisSites(client, Keys(f"blogscout:test-{uuid.uuid4().hex[:8]}"))
    yield registry
    registry.close()


def test_registry_implements_the_contract(sites):
    assert isinstance(sites, SiteRegistry)


def test_empty_registry(sites):
    assert sites.get("a.de") is None
    assert "a.de" not in sites and len(sites) == 0
    assert sites.role("a.de") is None


def test_registry_claim_first_registration_wins(sites):
    assert sites.claim("a.de", SiteState("candidate", 1, 8, priority=70))
    assert not sites.claim("a.de", SiteState("seed", 0, 40, priority=200))
    state = sites.get("a.de")
    assert (state.role, state.hops, state.budget, state.priority) == ("candidate", 1, 8, 70)
    assert "a.de" in sites and len(sites) == 1 and sites.role("a.de") == "candidate"


def test_registry_counts_scheduled_and_posts(sites):
    sites.claim("a.de", SiteState("seed", 0, 40))
    assert [sites.add_scheduled("a.de") for _ in range(3)] == [1, 2, 3]
    assert sites.add_scheduled("a.de", -1) == 2
    assert sites.add_posts("a.de", 2) == 2
    state = sites.get("a.de")
    assert (state.scheduled, state.posts) == (2, 2)


def test_registry_snapshot_follows_changes_made_through_it(sites):
    sites.claim("a.de", SiteState("seed", 0, 40))
    state = sites.get("a.de")
    sites.add_scheduled("a.de")
    sites.mark_done("a.de", "feed")
    sites.set_hops("a.de", 0)
    assert state.scheduled == 1 and "feed" in state.done


def test_registry_marks_each_kind_done_once(sites):
    sites.claim("a.de", SiteState("seed", 0, 40))
    assert sites.mark_done("a.de", "feed")
    assert not sites.mark_done("a.de", "feed")
    assert sites.mark_done("a.de", "about")
    assert sites.get("a.de").done == frozenset({"feed", "about"})


def test_registry_shorter_path_updates_hops(sites):
    sites.claim("a.de", SiteState("candidate", 2, 8))
    sites.set_hops("a.de", 1)
    assert sites.get("a.de").hops == 1


def test_registry_keeps_at_most_deferred_max_links_in_order(sites):
    sites.claim("mid.de", SiteState("candidate", 2, 8))
    kept = [sites.defer("mid.de", f"http://x{i}.de/", "blogroll") for i in range(DEFERRED_MAX + 5)]
    assert kept.count(True) == DEFERRED_MAX and not any(kept[DEFERRED_MAX:])
    assert sites.get("mid.de").deferred == DEFERRED_MAX  # a count in both registries
    taken = sites.take_deferred("mid.de")
    assert taken == [(f"http://x{i}.de/", "blogroll") for i in range(DEFERRED_MAX)]
    assert sites.get("mid.de").deferred == 0
    assert sites.take_deferred("mid.de") == []


def test_registry_deferred_links_are_per_site(sites):
    sites.claim("a.de", SiteState("candidate", 2, 8))
    sites.claim("b.de", SiteState("candidate", 2, 8))
    sites.defer("a.de", "http://x.de/", "content")
    sites.defer("b.de", "http://y.de/", "comment")
    assert sites.take_deferred("a.de") == [("http://x.de/", "content")]
    assert sites.take_deferred("b.de") == [("http://y.de/", "comment")]


def test_redis_registries_share_one_site_between_workers(redis_url):
    client = redis.Redis.from_url(redis_url)
    keys = Keys(f"blogscout:test-{uuid.uuid4().hex[:8]}")
    first, second = RedisSites(client, keys), RedisSites(client, keys)
    assert first.claim("a.de", SiteState("seed", 0, 40))
    assert not second.claim("a.de", SiteState("candidate", 1, 8))
    first.add_scheduled("a.de", 2)
    assert second.add_scheduled("a.de") == 3
    assert second.get("a.de").role == "seed" and first.get("a.de").scheduled == 3


def test_redis_keys_refuse_unknown_names():
    keys = Keys("blogscout:x")
    assert keys.seen == "blogscout:x:seen" and keys.site("a.de") == "blogscout:x:site:a.de"
    with pytest.raises(AttributeError):
        keys.seeen  # noqa: B018
