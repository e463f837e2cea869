"""Downloader middlewares: keep the crawl away from private networks and out of redirect loops."""

from __future__ import annotations

import ipaddress
import logging
import socket
from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit
from urllib.request import getproxies, proxy_bypass_environment

from scrapy.exceptions import IgnoreRequest, NotConfigured
from twisted.internet.error import DNSLookupError
from twisted.internet.error import TimeoutError as DNSTimeoutError

from crawler.extract.urls import canonical_url, host_of, is_private_address, join_url

log = logging.getLogger(__name__)

Resolve = Callable[[str], Awaitable[str]]


class PrivateTargetRefused(IgnoreRequest):
    """A request to a loopback, private, link-local or metadata address."""


class RedirectLoop(IgnoreRequest):
    """A redirect back to a URL of its own redirect chain."""


def literal_address(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The IP address a host names literally, including the legacy IPv4 forms resolvers accept.

    ``2130706433``, ``0x7f.1`` and ``127.1`` all mean 127.0.0.1 to ``inet_aton`` (and to many
    proxies); an IPv4-mapped IPv6 address means its IPv4 address.

    >>> str(literal_address("0x7f.1")), literal_address("blog.de")
    ('127.0.0.1', None)
    """
    host = host.strip("[]")
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        if not host or not all(c in "0123456789abcdefxABCDEFX." for c in host) or not host[0].isdigit():
            return None
        try:
            ip = ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        return ip.ipv4_mapped
    return ip


def is_private_target(host: str) -> bool:
    """True for hosts that name a loopback, private, link-local, reserved or multicast address."""
    ip = literal_address(host)
    if ip is None:
        return is_private_address(host)  # localhost and *.localhost
    return not ip.is_global or ip.is_multicast


async def _reactor_resolve(host: str) -> str:
    """The address the downloader will connect to, from Scrapy's caching resolver."""
    from scrapy.utils.defer import maybe_deferred_to_future
    from twisted.internet import reactor

    return await maybe_deferred_to_future(reactor.resolve(host))


class PrivateAddressGuard:
    """Refuse requests to private, loopback, link-local and metadata addresses.

    IP-literal hosts are always checked. Without an HTTP proxy, host names are resolved first
    (through the reactor's caching resolver, the one the download then uses) and refused when
    they resolve to such an address. Through a proxy the proxy resolves names, so only IP
    literals are checked. Disabled by ``BLOGSCOUT_ALLOW_PRIVATE = True`` (intranets, the sandbox).
    """

    def __init__(self, stats=None, proxies: dict[str, str] | None = None, resolve: Resolve | None = None):
        self.stats = stats
        self.proxies = {} if proxies is None else dict(proxies)
        self.resolve = resolve or _reactor_resolve

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        if settings.getbool("BLOGSCOUT_ALLOW_PRIVATE"):
            raise NotConfigured
        proxies = getproxies() if settings.getbool("HTTPPROXY_ENABLED", True) else {}
        return cls(crawler.stats, proxies=proxies)

    def uses_proxy(self, request) -> bool:
        """True when the request goes through an HTTP proxy (meta ``proxy`` or the environment)."""
        if "proxy" in request.meta:
            return bool(request.meta["proxy"])
        scheme = urlsplit(request.url).scheme
        return scheme in self.proxies and not proxy_bypass_environment(host_of(request.url), self.proxies)

    def _refuse(self, reason: str):
        if self.stats:
            self.stats.inc_value("blogscout/private_refused")
        raise PrivateTargetRefused(f"private address refused: {reason}")

    async def process_request(self, request):
        host = host_of(request.url)
        if not host:
            return None
        if is_private_target(host):
            self._refuse(host)
        if literal_address(host) is not None or self.uses_proxy(request):
            return None
        try:
            address = await self.resolve(host)
        except (OSError, DNSLookupError, TimeoutError, DNSTimeoutError) as err:  # the download reports it
            log.debug("resolving %s failed (%s); the download will report it", host, err)
            return None
        if is_private_target(str(address)):
            self._refuse(f"{host} resolves to {address}")
        return None


class RedirectLoopGuard:
    """Fail a redirect that leads back into its own chain at once, so the loop is recorded as an error.

    Without it the repeated URL is dropped silently by the duplicate filter. Sits between the
    download and Scrapy's RedirectMiddleware (a higher priority number than its 600).
    """

    REDIRECTS = (301, 302, 303, 307, 308)

    def process_response(self, request, response):
        location = response.headers.get(b"Location") if response.status in self.REDIRECTS else None
        if not location:
            return response
        target = join_url(request.url, location.decode("latin-1"))
        chain = {canonical_url(u) for u in [*request.meta.get("redirect_urls", []), request.url]}
        if target and target in chain:
            raise RedirectLoop(f"redirect loop: {request.url} -> {target}")
        return response
