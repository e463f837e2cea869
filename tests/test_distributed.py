"""Distributed crawls on a real redis-server: shared frontier, no double fetches, lost workers."""

from __future__ import annotations

import json
import pickle
import re
import signal
import time
from collections import Counter

import pytest
import redis
from conftest import FAST, ROOT, blogscout, served_world, start_blogscout
from redisserver import free_port, redis_server
from test_recrawl import content, query

from crawler.distributed import serializer
from crawler.distributed.runner import redacted
from crawler.distributed.state import CURRENT_KEY, Keys


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    """A real redis-server on a free loopback port, stopped after the tests."""
    with redis_server(tmp_path_factory.mktemp("redis")) as url:
        yield url


@pytest.fixture(scope="module")
def web():
    with served_world(5, 24) as pair:
        yield pair


@pytest.fixture(scope="module")
def single(tmp_path_factory, web):
    """The same web crawled by one ordinary process: what the distributed crawl must match."""
    world, server = web
    db = tmp_path_factory.mktemp("single") / "single.db"
    server.clear_requests()
    result = blogscout("crawl", *world.seeds, "--db", str(db), "--quiet", *FAST, proxy=server.proxy_url)
    assert result.returncode == 0, result.stderr
    return db, Counter(url for _, url, _ in server.requests)


def test_two_workers_fetch_each_url_once_and_match_single_process(tmp_path, web, single, redis_url):
    world, server = web
    single_db, single_counts = single
    server.clear_requests()
    db = tmp_path / "dist.db"
    worker = start_blogscout("worker", "--redis", redis_url, "--quiet", proxy=server.proxy_url)  # waits for the crawl
    coordinator = start_blogscout(
        "crawl",
        *world.seeds,
        "--db",
        str(db),
        "--redis",
        redis_url,
        "--quiet",
        *FAST,
        "--set",
        "CONCURRENT_REQUESTS=4",
        proxy=server.proxy_url,
    )
    out, err = coordinator.communicate(timeout=240)
    assert coordinator.returncode == 0, err
    w_out, w_err = worker.communicate(timeout=60)
    assert worker.returncode == 0, w_err
    counts = Counter(url for _, url, _ in server.requests)
    retried = {url for _, url, status in server.requests if status >= 500}
    # a moved blog's new home is asked once more through the old address's redirect (the move is recorded)
    moved = {world.specials.chain_target}
    assert {u: n for u, n in counts.items() if n > 1 and u not in retried | moved} == {}
    assert all(counts[u] <= 2 for u in moved)
    assert {u: n for u, n in counts.items() if u in retried and n > single_counts[u]} == {}
    got, want = content(db), content(single_db)
    assert {k: (got[k] - want[k], want[k] - got[k]) for k in got if got[k] != want[k]} == {}
    pages_by_worker = [int(w_out.split()[2])] if w_out.startswith("worker done") else []
    assert pages_by_worker and pages_by_worker[0] > 0, w_out  # the second worker really took work
    assert query(db, "SELECT status FROM runs") == [("finished",)]
    assert not redis.Redis.from_url(redis_url).exists(CURRENT_KEY)


def test_lost_worker_loses_no_url(tmp_path, web, single, redis_url):
    world, server = web
    single_db, _ = single
    client = redis.Redis.from_url(redis_url)
    db = tmp_path / "lost.db"
    slow = ["--set", "CONCURRENT_REQUESTS=2", "--set", "BLOGSCOUT_REDIS_HEARTBEAT=2"]
    worker = start_blogscout("worker", "--redis", redis_url, "--quiet", proxy=server.proxy_url)  # waits for the crawl
    coordinator = start_blogscout(
        "crawl", *world.seeds, "--db", str(db), "--redis", redis_url, "--quiet", *FAST, *slow, proxy=server.proxy_url
    )
    deadline = time.monotonic() + 120
    while not client.get(CURRENT_KEY):
        assert time.monotonic() < deadline
        time.sleep(0.05)
    keys = Keys(json.loads(client.get(CURRENT_KEY))["namespace"])
    held = 0
    while not held:  # wait until the worker holds requests, then kill it without warning
        assert time.monotonic() < deadline, "worker never took a request"
        held = sum(
            client.hlen(keys.processing(w.decode()))
            for w in client.smembers(keys.workers)
            if w.decode().startswith("worker-")
        )
        time.sleep(0.01)
    worker.send_signal(signal.SIGKILL)
    worker.wait(10)
    out, err = coordinator.communicate(timeout=240)
    assert coordinator.returncode == 0, err
    assert content(db) == content(single_db)


def test_shared_politeness_spaces_requests_to_one_host(redis_url):
    from crawler.distributed.scheduler import SharedPoliteness

    client = redis.Redis.from_url(redis_url)
    first = SharedPoliteness(client, Keys("blogscout:politeness-test"), delay=0.5)
    second = SharedPoliteness(client, Keys("blogscout:politeness-test"), delay=0.5)
    waits = [
        first.wait_for("anna.blogspot.com"),
        second.wait_for("anna.blogspot.com"),
        first.wait_for("anna.blogspot.com"),
        second.wait_for("ben.wordpress.com"),
    ]
    assert waits[0] == pytest.approx(0, abs=0.05)
    assert waits[1] == pytest.approx(0.5, abs=0.1) and waits[2] == pytest.approx(1.0, abs=0.1)
    assert waits[3] == pytest.approx(0, abs=0.05)


def test_worker_without_a_crawl_says_how_to_start_one(redis_url):
    result = blogscout("worker", "--redis", redis_url, "--wait", "0.3")
    assert result.returncode == 1 and "no distributed crawl to join" in result.stderr
    assert result.stderr.count("\n") == 1


def test_unreachable_redis_is_a_one_line_error(tmp_path):
    url = f"redis://127.0.0.1:{free_port()}/0"
    result = blogscout("crawl", "https://seo-blog.de/", "--db", str(tmp_path / "x.db"), "--redis", url)
    assert result.returncode == 1 and "cannot connect" in result.stderr and result.stderr.count("\n") == 1


def test_worker_ignores_the_leftover_of_a_killed_crawl(redis_url):
    client = redis.Redis.from_url(redis_url)
    client.set(
        CURRENT_KEY,
        json.dumps({"namespace": "blogscout:gone", "options": {}, "platforms": {}, "excluded": [], "run_id": 1}),
    )
    try:
        result = blogscout("worker", "--redis", redis_url, "--wait", "0.3", timeout=60)
    finally:
        client.delete(CURRENT_KEY)
    assert result.returncode == 1 and "no distributed crawl to join" in result.stderr


class _Touch:
    """Unpickling this creates ``path``: what a pickled queue entry could do on a worker."""

    def __init__(self, path: str):
        self.path = path

    def __reduce__(self):
        return (open, (self.path, "w"))


def test_queue_entries_that_are_not_json_requests_are_refused(tmp_path, web, single, redis_url):
    world, server = web
    single_db, _ = single
    client = redis.Redis.from_url(redis_url)
    marker = tmp_path / "unpickled"
    db = tmp_path / "poisoned.db"
    coordinator = start_blogscout(
        "crawl", *world.seeds, "--db", str(db), "--redis", redis_url, "--quiet", *FAST, proxy=server.proxy_url
    )
    deadline = time.monotonic() + 120
    while not client.get(CURRENT_KEY):
        assert time.monotonic() < deadline and coordinator.poll() is None
        time.sleep(0.02)
    queue = f"{json.loads(client.get(CURRENT_KEY))['namespace']}:requests"
    entries = [
        pickle.dumps(_Touch(str(marker))),
        b"\x80\x04\xff garbage",
        json.dumps({"url": "https://x.de/", "_class": "subprocess.Popen"}).encode(),
        json.dumps({"url": "https://x.de/", "callback": "closed"}).encode(),
    ]
    client.zadd(queue, {entry: -1000 for entry in entries})  # ahead of every real request
    out, err = coordinator.communicate(timeout=240)
    assert coordinator.returncode == 0, err
    assert not marker.exists()
    ((status, stats),) = query(db, "SELECT status, stats FROM runs")
    assert status == "finished" and json.loads(stats)["blogscout/queue_refused"] == len(entries)
    assert err.count(f"refused an entry of the queue {queue}") == len(entries), err
    assert "Traceback" not in err
    assert content(db) == content(single_db)


PASSWORD = "correct-horse-9"


@pytest.fixture(scope="module")
def locked_redis(tmp_path_factory):
    """A redis-server that requires `PASSWORD`; its URL without the password."""
    with redis_server(tmp_path_factory.mktemp("locked"), password=PASSWORD) as url:
        yield url


def test_crawl_with_the_password_in_the_url(tmp_path, web, single, locked_redis):
    world, server = web
    single_db, _ = single
    db = tmp_path / "locked.db"
    url = locked_redis.replace("redis://", f"redis://:{PASSWORD}@")
    result = blogscout("crawl", *world.seeds, "--db", str(db), "--redis", url, *FAST, proxy=server.proxy_url)
    assert result.returncode == 0, result.stderr
    assert content(db) == content(single_db)
    assert PASSWORD not in result.stderr + result.stdout
    assert db.read_bytes().count(PASSWORD.encode()) == 0  # the runs table keeps the URL without it


@pytest.mark.parametrize("password", ["", "wrong-password"])
def test_crawl_without_the_password_is_a_one_line_error(tmp_path, locked_redis, password):
    url = locked_redis.replace("redis://", f"redis://:{password}@") if password else locked_redis
    for args in (["crawl", "https://seo-blog.de/", "--db", str(tmp_path / "x.db")], ["worker", "--wait", "0.3"]):
        result = blogscout(*args, "--redis", url)
        assert result.returncode == 1 and result.stderr.startswith("Error: "), result.stderr
        assert ("refused the password" if password else "requires a password") in result.stderr
        assert result.stderr.count("\n") == 1, result.stderr
        assert not password or password not in result.stderr


def test_serializer_round_trips_a_request():
    request = {"url": "https://a.de/", "callback": "parse_page", "headers": {b"If-None-Match": [b'"e1"']}}
    request |= {"body": b"\x00\xff", "meta": {"site": "a.de", "redirect_urls": ["http://a.de/"]}}
    assert serializer.loads(serializer.dumps(request)) == request


def test_serializer_drops_meta_a_worker_decides_itself():
    meta = {"site": "a.de", "proxy": "http://203.0.113.9:3128", "dont_obey_robotstxt": True, "download_maxsize": 0}
    assert serializer.loads(serializer.dumps({"url": "https://a.de/", "meta": meta}))["meta"] == {"site": "a.de"}


@pytest.mark.parametrize(
    "entry",
    [
        b"",
        b"\x80\x04\x95garbage",
        b"[1, 2]",
        b'{"url": 5}',
        b'{"url": "https://a.de/", "_class": "os.system"}',
        b'{"url": "https://a.de/", "errback": "__init__"}',
        b'{"url": "https://a.de/", "meta": "site"}',
        b'{"url": "https://a.de/", "body": {"$bytes": "!!"}}',
        b'{"url": "https://a.de/", "headers": {"$pairs": [[1]]}}',
    ],
)
def test_serializer_refuses_what_is_not_a_request(entry):
    with pytest.raises(serializer.QueueEntryError):
        serializer.loads(entry)


@pytest.mark.parametrize(
    "url, shown",
    [
        ("redis://:s3cret@redis:6379/0", "redis://:***@redis:6379/0"),
        ("redis://worker:s3cret@10.0.0.5:6379/1", "redis://worker:***@10.0.0.5:6379/1"),
        ("redis://127.0.0.1:6379/0", "redis://127.0.0.1:6379/0"),
    ],
)
def test_redacted_hides_the_password(url, shown):
    assert redacted(url) == shown


@pytest.fixture(scope="module")
def compose():
    """deploy/compose.yaml as data."""
    yaml = pytest.importorskip("yaml")
    return yaml.safe_load((ROOT / "deploy" / "compose.yaml").read_text(encoding="utf-8"))


def test_compose_redis_asks_a_password_and_publishes_no_port(compose):
    redis_service = compose["services"]["redis"]
    command = redis_service["command"]
    assert "ports" not in redis_service and redis_service["networks"] == ["crawl"]
    assert command[command.index("--requirepass") + 1].startswith("${REDIS_PASSWORD:?")
    assert command[command.index("--protected-mode") + 1] == "yes"
    assert all("ports" not in service for service in compose["services"].values())


def _compose_args(service: dict, redis_url: str, replace: dict) -> list[str]:
    """A compose service's command with the password, the Redis address and paths filled in."""
    host = redis_url.removeprefix("redis://").split("/")[0]
    args = []
    for arg in service["command"]:
        arg = re.sub(r"\$\{REDIS_PASSWORD[^}]*\}", PASSWORD, arg).replace("@redis:6379", f"@{host}")
        args.append(replace.get(arg, arg))
    return args


def test_compose_commands_crawl_through_the_locked_redis(tmp_path, compose, web, single, locked_redis):
    world, server = web
    single_db, _ = single
    seeds, db = tmp_path / "seeds.txt", tmp_path / "nische.db"
    seeds.write_text("\n".join(world.seeds) + "\n", encoding="utf-8")
    services = compose["services"]
    worker = start_blogscout(*_compose_args(services["worker"], locked_redis, {}), proxy=server.proxy_url)
    crawl_args = _compose_args(services["crawl"], locked_redis, {"/seeds.txt": str(seeds), "/data/nische.db": str(db)})
    result = blogscout(*crawl_args, "--quiet", *FAST, proxy=server.proxy_url)
    assert result.returncode == 0, result.stderr
    w_out, w_err = worker.communicate(timeout=60)
    assert worker.returncode == 0, w_err
    assert content(db) == content(single_db)
