"""Server-side request forgery: private targets are refused, by IP literal always, by name without a proxy.

Also the network faults that need a crawl without the sandbox proxy: DNS failures, TLS errors
and a proxy that refuses to open a tunnel.
"""

from __future__ import annotations

import asyncio
import socket
import sqlite3

import pytest
from conftest import FAST, blogscout
from scrapy import Request
from scrapy.exceptions import NotConfigured
from worlds.hostile import DISGUISED_TARGETS

from crawler.engine.middlewares import PrivateAddressGuard, PrivateTargetRefused, is_private_target, literal_address
from crawler.sandbox.server import SandboxServer
from crawler.sandbox.world import generate_world


def loopback_name() -> str:
    """A host name other than localhost that resolves to a loopback address (the machine's own name)."""
    for name in (socket.gethostname(), "ip6-localhost", "localhost.localdomain"):
        try:
            address = socket.gethostbyname(name)
        except OSError:
            continue
        if address.startswith("127.") and not is_private_target(name):
            return name
    pytest.skip("no host name other than localhost resolves to 127.0.0.1 here")


# -- the address check ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "host",
    [
        "127.0.0.1",
        "127.8.9.10",
        "::1",
        "[::1]",
        "169.254.169.254",
        "192.168.1.1",
        "10.0.0.1",
        "172.16.5.4",
        "100.64.0.1",
        "0.0.0.0",
        "0",
        "2130706433",
        "0x7f.1",
        "0x7f000001",
        "127.1",
        "0177.0.0.1",
        "::ffff:127.0.0.1",
        "::ffff:a9fe:a9fe",
        "fe80::1",
        "fd00::1",
        "224.0.0.1",
        "localhost",
        "api.localhost",
    ],
)
def test_private_target_refused(host):
    assert is_private_target(host)


@pytest.mark.parametrize(
    "host",
    ["8.8.8.8", "2a00:1450:4001::1", "seo-blog.de", "1e100.net", "123abc.de", "0xdeadbeef.de", "127-0-0-1.blog.de"],
)
def test_public_target_allowed(host):
    assert not is_private_target(host)


@pytest.mark.parametrize(
    "host",
    [
        "%31%32%37.0.0.1",
        "127%2e0%2e0%2e1",
        "127.0.0.1%2e",
        "%6c%6f%63%61%6c%68%6f%73%74",
        "１２７．０．０．１",
        "127。0。0。1",
        "0x7f%2e1",
        "[::127.0.0.1]",
        "::7f00:1",
        "[64:ff9b::7f00:1]",
        "64:ff9b::a9fe:a9fe",
        "64:ff9b:1::a00:1",
        "[2002:7f00:1::]",
        "2002:c0a8:101::1",
        "[::ffff:0:7f00:1]",
        "::ffff:0:a9fe:a9fe",
        "[fec0::1]",
        "feff::1",
    ],
)
def test_disguised_private_target_refused(host):
    assert is_private_target(host)


@pytest.mark.parametrize(
    "host", ["64:ff9b::808:808", "2002:808:808::1", "%38.8.8.8", "blog%2ede", "xn--bcher-kva.de", "2a00:1450::7f00:1"]
)
def test_disguised_public_target_allowed(host):
    assert not is_private_target(host)


@pytest.mark.parametrize("url", DISGUISED_TARGETS)
def test_guard_refuses_disguised_literals_through_a_proxy(url):
    guard = PrivateAddressGuard(proxies={"http": "http://127.0.0.1:3128"}, resolve=fake_resolver({}))
    with pytest.raises(PrivateTargetRefused):
        run_guard(guard, url)


def test_empty_literal_address():
    assert literal_address("") is None


# -- the guard, with a fake resolver ---------------------------------------------------------------


def fake_resolver(table):
    calls = []

    async def resolve(host):
        calls.append(host)
        if host not in table:
            raise OSError("no such host")
        return table[host]

    resolve.calls = calls
    return resolve


def run_guard(guard, url, **meta):
    return asyncio.run(guard.process_request(Request(url, meta=meta)))


def test_guard_refuses_name_resolving_to_private_address():
    guard = PrivateAddressGuard(proxies={}, resolve=fake_resolver({"intranet.firma.de": "10.1.2.3"}))
    with pytest.raises(PrivateTargetRefused, match="resolves to 10.1.2.3"):
        run_guard(guard, "http://intranet.firma.de/")


def test_guard_lets_name_resolving_to_public_address_pass():
    guard = PrivateAddressGuard(proxies={}, resolve=fake_resolver({"seo-blog.de": "93.184.216.34"}))
    assert run_guard(guard, "http://seo-blog.de/") is None


def test_guard_leaves_unresolvable_names_to_the_download():
    assert run_guard(PrivateAddressGuard(proxies={}, resolve=fake_resolver({})), "http://nix.invalid/") is None


def test_guard_does_not_resolve_when_a_proxy_is_configured():
    resolve = fake_resolver({"intranet.firma.de": "10.1.2.3"})
    guard = PrivateAddressGuard(proxies={"http": "http://proxy.firma.de:3128"}, resolve=resolve)
    assert run_guard(guard, "http://intranet.firma.de/") is None
    assert resolve.calls == []


def test_guard_resolves_when_no_proxy_env_bypasses_the_proxy(monkeypatch):
    monkeypatch.setenv("no_proxy", "firma.de")
    guard = PrivateAddressGuard(
        proxies={"http": "http://proxy:3128", "no": "firma.de"},
        resolve=fake_resolver({"intranet.firma.de": "10.1.2.3"}),
    )
    with pytest.raises(PrivateTargetRefused):
        run_guard(guard, "http://intranet.firma.de/")


def test_guard_follows_request_meta_proxy():
    guard = PrivateAddressGuard(proxies={}, resolve=fake_resolver({"intranet.firma.de": "10.1.2.3"}))
    assert run_guard(guard, "http://intranet.firma.de/", proxy="http://proxy:3128") is None


def test_guard_refuses_ip_literals_even_through_a_proxy():
    guard = PrivateAddressGuard(proxies={"http": "http://proxy:3128"}, resolve=fake_resolver({}))
    with pytest.raises(PrivateTargetRefused):
        run_guard(guard, "http://169.254.169.254/latest/meta-data/")


def test_guard_disabled_by_allow_private():
    class Crawler:
        from scrapy.settings import Settings

        settings = Settings({"BLOGSCOUT_ALLOW_PRIVATE": True})
        stats = None

    with pytest.raises(NotConfigured):
        PrivateAddressGuard.from_crawler(Crawler)


# -- crawls without the sandbox proxy --------------------------------------------------------------


@pytest.fixture(scope="module")
def origin():
    """The sandbox web answering as an origin server on 127.0.0.1 (and as a proxy)."""
    with SandboxServer(generate_world(seed=0, n_blogs=10)) as server:
        yield server


def crawl(server, tmp_path, *seeds, proxy=None, env=None, extra=()):
    """Errors by URL and the requests the server saw, of one crawl of `seeds` (hops 0)."""
    db = tmp_path / "ssrf.db"
    server.clear_requests()
    result = blogscout(
        "crawl", *seeds, "--db", str(db), "--hops", "0", "--quiet", *FAST, *extra, proxy=proxy, env=env, timeout=90
    )
    # a crawl none of whose seeds could be fetched ends with one line naming them (exit 1)
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert result.returncode == 0 or (result.returncode == 1 and errors == [errors[0]]), result.stderr
    assert result.returncode == 0 or errors[0].startswith("Error: seeds unreachable: "), result.stderr
    conn = sqlite3.connect(db)
    try:
        kinds = dict(conn.execute("SELECT url, kind FROM fetch_errors").fetchall())
    finally:
        conn.close()
    return kinds, server.requests


@pytest.fixture(scope="module")
def direct(origin, tmp_path_factory):
    """No proxy, private targets refused: a name resolving to 127.0.0.1, an IP literal, two .invalid hosts."""
    name = loopback_name()
    seeds = [
        f"http://{name}:{origin.port}/",
        f"http://127.0.0.1:{origin.port}/",
        "http://kein-blog.invalid/",
        "http://nirgendwo.invalid/",
    ]
    return (name, *crawl(origin, tmp_path_factory.mktemp("direct"), *seeds))


@pytest.fixture(scope="module")
def direct_private_allowed(origin, tmp_path_factory):
    """No proxy, --allow-private: the loopback name, and https:// to the plain-HTTP server."""
    name = loopback_name()
    seeds = [f"http://{name}:{origin.port}/", f"https://127.0.0.1:{origin.port}/"]
    return (name, *crawl(origin, tmp_path_factory.mktemp("allowed"), *seeds, extra=["--allow-private"]))


@pytest.fixture(scope="module")
def proxied(origin, tmp_path_factory):
    """Through the proxy (http and https): the loopback name, and an https:// site the proxy cannot tunnel to."""
    name = loopback_name()
    seeds = [f"http://{name}:{origin.port}/", "https://sicher-blog.de/"]
    return (
        name,
        *crawl(
            origin,
            tmp_path_factory.mktemp("proxied"),
            *seeds,
            proxy=origin.proxy_url,
            env={"https_proxy": origin.proxy_url},
        ),
    )


def test_name_resolving_to_loopback_refused_without_proxy(direct, origin):
    name, kinds, requests = direct
    assert requests == []
    assert kinds[f"http://{name}:{origin.port}/"] == "private"
    assert kinds[f"http://127.0.0.1:{origin.port}/"] == "private"


def test_allow_private_fetches_loopback_names(direct_private_allowed, origin):
    name, _, requests = direct_private_allowed
    assert ("GET", f"http://{name}:{origin.port}/", 502) in requests


def test_through_a_proxy_names_are_left_to_the_proxy(proxied, origin):
    name, _, requests = proxied
    assert ("GET", f"http://{name}:{origin.port}/", 502) in requests


def test_dns_failure_recorded_and_crawl_goes_on(direct):
    _, kinds, _ = direct
    assert kinds["http://kein-blog.invalid/"] == kinds["http://nirgendwo.invalid/"] == "dns"


def test_tls_error_recorded(direct_private_allowed, origin):
    _, kinds, _ = direct_private_allowed
    assert kinds[f"https://127.0.0.1:{origin.port}/"] == "tls"


def test_proxy_refusing_the_tunnel_recorded(proxied):
    _, kinds, requests = proxied
    assert kinds["https://sicher-blog.de/"] == "proxy"
    assert any(method == "CONNECT" for method, _, _ in requests)
