"""What blogscout reads from one page: a local HTML file or one plain GET of a URL.

`inspect` returns a plain dict (see `page_summary`); the command line only formats it. Files may
be gzip-compressed (recognised by their magic bytes). A URL is fetched once with urllib: 10 s
timeout, at most 4 MB read, private and loopback hosts refused (redirects included) unless
``allow_private``.
"""

from __future__ import annotations

import gzip
import logging
import re
import socket
import urllib.error
import urllib.request
import zlib
from collections import Counter
from email.message import Message
from pathlib import Path
from urllib.parse import urlsplit

from crawler import __version__
from crawler.errors import InputError
from crawler.extract.addresses import is_private_address
from crawler.extract.page import PageInfo, extract_page

log = logging.getLogger(__name__)

MAX_BYTES = 4 * 1024 * 1024
TIMEOUT = 10.0
FIRST_LINKS = 3  # links shown per kind
_TAG_RE = re.compile(rb"<\s*(?:!doctype|html|head|body|title|meta|div|p|a|h[1-6]|article|span)\b", re.I)


class InspectError(InputError):
    """A file or URL that cannot be inspected."""


def inspect(source: str, url: str | None = None, *, allow_private: bool = False) -> dict:
    """Read ``source`` (an HTML file, or an http(s) URL fetched once) and summarise the page.

    ``url`` is the address the page came from (default: the URL fetched, else a placeholder
    ``http://localhost/<file name>``). Raises `InspectError` with a message naming the input.
    """
    if source.lower().startswith(("http://", "https://")):
        body, fetched, encoding = fetch(source, allow_private=allow_private)
        return page_summary(extract_page(body, url or fetched, encoding=encoding, main_text=False))
    body = read_file(source)
    page_url = url or f"http://localhost/{Path(source).name}"
    return page_summary(extract_page(body, page_url, main_text=False))


def read_file(path: str) -> bytes:
    """The bytes of an HTML file, gunzipped when gzip-compressed."""
    file = Path(path)
    if not file.exists():
        raise InspectError(f"{path} does not exist: give an HTML file or an http(s) URL")
    if not file.is_file():
        raise InspectError(f"{path} is not a file: give an HTML file or an http(s) URL")
    try:
        with open(file, "rb") as fh:
            body = fh.read(MAX_BYTES + 1)
        if body[:2] == b"\x1f\x8b":
            with gzip.open(file, "rb") as fh:
                body = fh.read(MAX_BYTES + 1)
    except (OSError, EOFError, zlib.error) as err:
        raise InspectError(f"{path} cannot be read ({err}): give a readable HTML file") from err
    return _html_only(body[:MAX_BYTES], path)


def _html_only(body: bytes, source: str) -> bytes:
    """``body`` when it looks like HTML (no NUL bytes, a tag near the start), else an error."""
    head = body[:65536]
    if b"\x00" in head or not _TAG_RE.search(head):
        raise InspectError(f"{source} is not an HTML page: give a saved web page (.html, .html.gz)")
    return body


def _check_host(url: str, allow_private: bool) -> None:
    """Refuse a URL whose host is, or resolves to, a private or loopback address."""
    host = urlsplit(url).hostname or ""
    if not host:
        raise InspectError(f"{url} has no host: give a URL such as https://blog.example/")
    if allow_private:
        return
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)}
    except (OSError, UnicodeError) as err:
        raise InspectError(f"{url} cannot be reached ({err}): check the address") from err
    if is_private_address(host) or any(is_private_address(a) for a in addresses):
        raise InspectError(f"{url} is a private or local address: add --allow-private to inspect it")


class _GuardedRedirects(urllib.request.HTTPRedirectHandler):
    """Redirects followed only to public hosts (unless private ones are allowed)."""

    def __init__(self, allow_private: bool):
        self.allow_private = allow_private

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if not newurl.lower().startswith(("http://", "https://")):
            raise InspectError(f"{req.full_url} redirects to {newurl}: give an http(s) URL")
        _check_host(newurl, self.allow_private)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url: str, *, allow_private: bool = False) -> tuple[bytes, str, str | None]:
    """(body, final URL, charset) of one GET of ``url``: 10 s timeout, 4 MB at most."""
    _check_host(url, allow_private)
    opener = urllib.request.build_opener(_GuardedRedirects(allow_private))
    request = urllib.request.Request(url, headers={"User-Agent": f"blogscout/{__version__} (inspect)"})
    try:
        with opener.open(request, timeout=TIMEOUT) as response:
            body = response.read(MAX_BYTES + 1)
            final, headers = response.geturl(), response.headers
    except urllib.error.HTTPError as err:
        raise InspectError(f"{url} answered HTTP {err.code}: check the address") from err
    except (urllib.error.URLError, OSError, ValueError) as err:
        reason = getattr(err, "reason", err)
        raise InspectError(f"{url} cannot be fetched ({reason}): check the address and the network") from err
    if len(body) > MAX_BYTES:
        log.warning("%s is larger than %d bytes: reading the first %d", url, MAX_BYTES, MAX_BYTES)
        body = body[:MAX_BYTES]
    if headers.get("Content-Encoding", "").lower() == "gzip" or body[:2] == b"\x1f\x8b":
        try:
            body = gzip.decompress(body)[:MAX_BYTES]
        except (OSError, EOFError, zlib.error) as err:
            raise InspectError(f"{url} sent a broken gzip body: try again later") from err
    kind = headers.get_content_type() if isinstance(headers, Message) else "text/html"
    if kind not in ("text/html", "application/xhtml+xml", "text/plain"):
        raise InspectError(f"{url} is {kind}, not an HTML page: give the address of a web page")
    return _html_only(body, url), final, headers.get_content_charset()


def page_summary(info: PageInfo) -> dict:
    """What blogscout reads from a page, as a plain dict ready for JSON."""
    by_kind: dict[str, list[str]] = {}
    for link in info.links:
        by_kind.setdefault(link.kind, []).append(link.url)
    counts = Counter({kind: len(urls) for kind, urls in by_kind.items()})
    return {
        "url": info.url,
        "kind": info.page_kind,
        "language": info.language or None,
        "title": info.title,
        "published": info.published or None,
        "dates": info.post_dates,
        "feeds": info.feeds,
        "person": info.contact_names,
        "contacts": {
            "emails": info.emails,
            "contact_urls": info.contact_urls,
            "impressum_urls": info.impressum_urls,
            "social": info.social,
        },
        "cooperation": info.cooperation_urls,
        "blog": {"is_blog": info.is_blog, "reason": info.blog_reason},
        "links": {kind: {"count": n, "first": by_kind[kind][:FIRST_LINKS]} for kind, n in counts.most_common()},
    }
