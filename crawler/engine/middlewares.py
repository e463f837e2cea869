"""Downloader middlewares: keep the crawl away from private networks and out of redirect loops."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from urllib.parse import urljoin, urlsplit
from urllib.request import getproxies, proxy_bypass_environment

from scrapy.exceptions import NotConfigured
from scrapy.http import HtmlResponse
from scrapy.utils.response import get_meta_refresh
from twisted.internet.error import DNSLookupError
from twisted.internet.error import TimeoutError as DNSTimeoutError

from crawler.engine.failures import PrivateTargetRefused, RedirectLoop, TooManyRedirects
from crawler.extract.addresses import is_private_address as is_private_target
from crawler.extract.addresses import literal_address
from crawler.extract.urls import canonical_url, host_of, join_url, site_key

log = logging.getLogger(__name__)

Resolve = Callable[[str], Awaitable[str]]


async def _reactor_resolve(host: str) -> str:
    """The address the downloader will connect to, from Scrapy's caching resolver."""
    from scrapy.utils.defer import maybe_deferred_to_future
    from twisted.internet import reactor

    return await maybe_deferred_to_future(reactor.resolve(host))


REDIRECTS = (301, 302, 303, 307, 308)


def redirect_location(response) -> str:
    """The Location of a redirect answer as text ('' for any other answer)."""
    if response.status not in REDIRECTS:
        return ""
    return (response.headers.get(b"Location") or b"").decode("latin-1")


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


class PrivateRedirectGuard:
    """Fail a request whose redirect points at a private address, before the redirect is made.

    The redirected request would be refused by `PrivateAddressGuard` too, but only after URL
    normalisation and the duplicate filter: two hosts redirecting to differently spelled forms of
    one address (``%31%32%37.0.0.1``, ``127%2e0%2e0%2e1``) would fold into one request, and the
    second redirect would vanish unrecorded. Here each redirecting request fails on its own.
    Sits before RedirectMiddleware (600) in the response chain; off with ``BLOGSCOUT_ALLOW_PRIVATE``.
    """

    def __init__(self, stats=None):
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        if crawler.settings.getbool("BLOGSCOUT_ALLOW_PRIVATE"):
            raise NotConfigured
        return cls(crawler.stats)

    def process_response(self, request, response):
        location = redirect_location(response)
        if not location:
            return response
        raw = urljoin(request.url, location)
        host = urlsplit(raw).hostname or ""
        target = join_url(request.url, location)
        hosts = {host, host_of(target) if target else ""} - {""}
        if any(is_private_target(h) for h in hosts):
            if self.stats:
                self.stats.inc_value("blogscout/private_refused")
            raise PrivateTargetRefused(f"private address refused: {request.url} redirects to {raw}")
        return response


class MovedHomeRedirect:
    """Let a home page's redirect to another site past the duplicate filter.

    A blog that moved domains answers its old address with a redirect to the new one, which the
    crawl may have fetched already (linked there directly too): the filter would drop the
    redirected request, and the spider would never learn that the old address moved. One extra
    fetch of a home page records the move. Sits before RedirectMiddleware (600) in the response
    chain, which copies ``dont_filter`` into the request it builds.
    """

    def process_response(self, request, response):
        location = redirect_location(response)
        if location and request.meta.get("page_kind") == "home":
            target = join_url(request.url, location)
            if target and site_key(target) != site_key(request.url):
                request.dont_filter = True
        return response


class RedirectLoopGuard:
    """Fail a redirect that leads back into its own chain, or one hop too many, with a typed error.

    Without it the repeated URL is dropped silently by the duplicate filter, and Scrapy's
    RedirectMiddleware and MetaRefreshMiddleware refuse the hop after ``REDIRECT_MAX_TIMES`` with
    a bare IgnoreRequest. Sits between the download and those middlewares (a higher priority
    number than their 600 and 580). A page's ``<meta http-equiv="refresh">`` is looked for only
    when the chain is at its limit.
    """

    def __init__(self, max_redirects: int = 20, refresh_max_delay: float | None = None, ignore_tags=()):
        self.max_redirects = max_redirects
        self.refresh_max_delay = refresh_max_delay  # None: meta refresh is not followed
        self.ignore_tags = list(ignore_tags)

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        refresh = settings.getbool("METAREFRESH_ENABLED") and settings.getbool("REDIRECT_ENABLED")
        return cls(
            settings.getint("REDIRECT_MAX_TIMES", 20),
            settings.getfloat("METAREFRESH_MAXDELAY") if refresh else None,
            settings.getlist("METAREFRESH_IGNORE_TAGS"),
        )

    def process_response(self, request, response):
        if request.meta.get("dont_redirect"):
            return response
        location = redirect_location(response)
        at_limit = (
            not request.meta.get("redirect_ttl", self.max_redirects)
            or request.meta.get("redirect_times", 0) + 1 > self.max_redirects
        )
        if not location:
            if at_limit and self._refreshes(response):
                raise TooManyRedirects(f"more than {self.max_redirects} redirects (meta refresh): {request.url}")
            return response
        if at_limit:
            raise TooManyRedirects(f"more than {self.max_redirects} redirects: {request.url}")
        target = join_url(request.url, location)
        chain = {canonical_url(u) for u in [*request.meta.get("redirect_urls", []), request.url]}
        if target and target in chain:
            raise RedirectLoop(f"redirect loop: {request.url} -> {target}")
        return response

    def _refreshes(self, response) -> bool:
        """True when Scrapy's MetaRefreshMiddleware would follow this page's meta refresh."""
        if self.refresh_max_delay is None or not isinstance(response, HtmlResponse):
            return False
        interval, url = get_meta_refresh(response, ignore_tags=self.ignore_tags)
        return bool(url) and interval < self.refresh_max_delay
