"""Pure URL helpers: canonical URLs, site identity (Public Suffix List, offline), platforms."""

from __future__ import annotations

import ipaddress
import logging
import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

import tldextract
from w3lib.url import safe_url_string

from crawler.extract.addresses import is_private_address  # noqa: F401  (part of this module's API)
from crawler.extract.textfile import read_text_file

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent.parent / "data"  # crawler/data, shipped in the package
PLATFORMS_FILE = DATA_DIR / "platforms.txt"

# Query parameters that only track the click, never select content.
TRACKING_PARAMS = frozenset(
    """fbclid gclid dclid gbraid wbraid msclkid yclid twclid igshid mc_cid mc_eid _hsenc _hsmi
    mkt_tok ref_src ref_url spm __s vero_id oly_anon_id oly_enc_id wickedid si
    """.split()
)
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_", "ga_")

# Blog hosts where every subdomain is somebody's own blog but which the Public Suffix List does
# not list as private suffixes (blogspot.*, github.io, netlify.app... it does).
BLOG_HOSTING_SUFFIXES = (
    "wordpress.com",
    "home.blog",
    "medium.com",
    "substack.com",
    "ghost.io",
    "tumblr.com",
    "typepad.com",
    "blog.de",
    "blogger.de",
    "twoday.net",
    "over-blog.com",
    "jimdofree.com",
    "jimdosite.com",
    "wixsite.com",
    "weebly.com",
    "squarespace.com",
    "bearblog.dev",
    "micro.blog",
    "write.as",
    "posthaven.com",
    "livejournal.com",
    "hatenablog.com",
    "npage.de",
    "beepworld.de",
)

# The bundled list only: never download the Public Suffix List at run time.
_EXTRACT = tldextract.TLDExtract(
    suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True, extra_suffixes=BLOG_HOSTING_SUFFIXES
)

_SCHEME_RE = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_HOST_RE = re.compile(r"[a-z0-9_.-]+")
# Already canonical: lower-case host of IDNA-valid labels whose last label starts with a letter (a
# numeric last label such as `0`, `1` or `0x7f` makes the host an IPv4 address that URL libraries
# may rewrite), no port, query or fragment, a path of unreserved characters without `.` or `..`
# segments (which they may fold). Most links on blogs look like this; they skip the parsing below.
_PLAIN_URL_RE = re.compile(
    r"https?://(?:[a-z0-9-]{1,63}\.)*[a-z][a-z0-9-]{0,62}"
    r"(?!(?:/[A-Za-z0-9._~-]*)*/\.\.?(?:/|$))/[A-Za-z0-9._~/-]*"
)


class BadURL(ValueError):
    """A URL that is not an absolute http(s) URL with a host."""


def _is_tracking(name: str) -> bool:
    low = name.lower()
    return low in TRACKING_PARAMS or low.startswith(TRACKING_PREFIXES)


def canonical_url(url: str, *, keep_fragment: bool = False) -> str | None:
    """Return the canonical form of an http(s) URL, or None if it is not one.

    Lower-cases scheme and host, drops default ports, ``www.``-insensitive sites keep their
    host as written, removes tracking parameters and the fragment, sorts the query and
    percent-encodes unsafe characters (Umlauts in paths are kept as UTF-8 %-escapes).

    >>> canonical_url("HTTP://Example.DE:80/a b?utm_source=x&b=2&a=1#top")
    'http://example.de/a%20b?a=1&b=2'
    """
    if not isinstance(url, str):
        return None
    if _PLAIN_URL_RE.fullmatch(url):
        return url
    return parsed_canonical_url(url, keep_fragment=keep_fragment)


def parsed_canonical_url(url: str, *, keep_fragment: bool = False) -> str | None:
    """`canonical_url` the long way, for every URL (the shortcut of plain URLs must agree with it)."""
    url = url.strip()
    if not url or not _SCHEME_RE.match(url):
        return None
    try:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https"):
            return None
        host = (parts.hostname or "").rstrip(".")
        if not host or any(c in host for c in " \t\r\n<>\"'{}|\\^`"):
            return None
        port = parts.port
    except ValueError:
        return None
    try:
        host = host.encode("idna").decode("ascii").lower() if not _is_ip(host) else host.lower()
    except UnicodeError:
        return None
    if not _is_ip(host) and not _HOST_RE.fullmatch(host):  # no ";x=1" hosts; IDNA can map "´" to a space
        return None
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)))
    path = parts.path or "/"
    fragment = parts.fragment if keep_fragment else ""
    try:
        return safe_url_string(urlunsplit((scheme, host, path, query, fragment)))
    except (ValueError, UnicodeError):
        return None


def join_url(base: str, href: str) -> str | None:
    """Canonical absolute URL of `href` on a page at `base`; None when it is not an http(s) URL.

    >>> join_url("http://a.de/x/", "../y?b=2&a=1"), join_url("http://a.de/", "http://]]>b.de/")
    ('http://a.de/y?a=1&b=2', None)
    """
    try:
        return canonical_url(urljoin(base, href))
    except ValueError:  # urljoin refuses some malformed hosts ("http://[x")
        return None


def _is_ip(host: str) -> bool:
    if host[-1:].isalpha() and ":" not in host:  # a name ends in a letter; IPv4 ends in a digit, IPv6 has ':'
        return False
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def host_of(url: str) -> str:
    """Lower-case host of a URL without port ('' if none)."""
    try:
        return (urlsplit(url).hostname or "").rstrip(".").lower()
    except ValueError:
        return ""


@lru_cache(maxsize=65536)
def site_key_of_host(host: str) -> str:
    """Site identity of a host: its registered domain under the Public Suffix List.

    Private suffixes count, so ``anna.blogspot.com`` and ``ben.wordpress.com`` are two sites;
    ``www.`` and other subdomains of an own domain fold into the domain.

    >>> site_key_of_host("www.Seo-Blog.de"), site_key_of_host("anna.blogspot.com")
    ('seo-blog.de', 'anna.blogspot.com')
    """
    host = host.strip().rstrip(".").lower()
    if host.startswith("[") or _is_ip(host):
        return host
    parts = _EXTRACT.extract_str(host)
    if parts.domain and parts.suffix:
        return f"{parts.domain}.{parts.suffix}"
    return host.removeprefix("www.")


# Hosting services where each blog lives under a path of a shared host: the blog's site is the
# host plus that first path segment (`medium.com/@anna`, `anna.wixsite.com/blog`). The value is
# the prefix the segment must start with.
PATH_SITE_HOSTS = {"medium.com": "@", "wixsite.com": ""}
# First path segments under which a company or agency site keeps its blog: linked there, the
# section is the site's home page (the blog, not the company's front page, is judged).
BLOG_SECTIONS = frozenset({"blog", "blogs", "magazin", "magazine", "journal", "ratgeber"})


@lru_cache(maxsize=4096)
def is_path_site_host(host: str) -> str | None:
    """The segment prefix when `host` belongs to a `PATH_SITE_HOSTS` service, else None."""
    for domain, prefix in PATH_SITE_HOSTS.items():
        if host == domain or host.endswith("." + domain):
            return prefix
    return None


def _path_segment(url: str, host: str) -> str:
    """The blog's path segment of a URL on a path-site host ('' when it has none)."""
    prefix = is_path_site_host(host)
    if prefix is None:
        return ""
    segment = urlsplit(url).path.lstrip("/").split("/", 1)[0]
    return segment.lower() if segment and segment.startswith(prefix) and len(segment) > len(prefix) else ""


@lru_cache(maxsize=65536)  # a crawl asks for the site of the same link URLs again and again
def site_key(url: str) -> str:
    """Site identity of a URL (see `site_key_of_host`); '' when the URL has no host.

    A blog under a path of a shared host is a site of its own:

    >>> site_key("https://medium.com/@Anna/mein-post-1a2b"), site_key("https://anna.wixsite.com/blog/post/x")
    ('medium.com/@anna', 'anna.wixsite.com/blog')
    """
    host = host_of(url)
    if not host:
        return ""
    segment = _path_segment(url, host)
    return f"{site_key_of_host(host)}/{segment}" if segment else site_key_of_host(host)


def site_home(url: str) -> str:
    """The home page URL of the blog a URL is on: scheme://host/, or its path or blog section.

    >>> site_home("https://medium.com/@anna/post"), site_home("https://agentur.de/blog/seo-tipps/")
    ('https://medium.com/@anna', 'https://agentur.de/blog/')
    """
    parts = urlsplit(url)
    root = f"{parts.scheme}://{parts.netloc.lower()}/"
    segment = _path_segment(url, host_of(url))
    if segment:
        return root + segment
    first = parts.path.lstrip("/").split("/", 1)
    if len(first) == 2 and first[0].lower() in BLOG_SECTIONS:
        return f"{root}{first[0]}/"
    return root


def same_site(a: str, b: str) -> bool:
    """True when both URLs belong to one site."""
    return bool(a) and site_key(a) == site_key(b)


class Platforms:
    """Sites that are never candidates: social networks, shops, wikis, shorteners, CDNs, news.

    Built from text files of ``category site`` lines (``#`` comments). A listed site also
    covers its subdomains (``de.wikipedia.org`` is covered by ``wikipedia.org``).
    """

    def __init__(self, entries: dict[str, str] | None = None):
        self.entries = dict(entries or {})

    @classmethod
    def load(cls, *paths: str | Path) -> Platforms:
        """Read the bundled list plus any user files."""
        entries: dict[str, str] = {}
        for path in (PLATFORMS_FILE, *paths):
            for category, site in parse_site_list(read_text_file(path), default="platform"):
                entries[site] = category
        return cls(entries)

    def category(self, url_or_host: str) -> str | None:
        """The platform category of a URL or host, or None for an ordinary site."""
        host = host_of(url_or_host) if "/" in url_or_host else url_or_host.lower()
        site = site_key_of_host(host) if host else ""
        while host:
            if host in self.entries:
                return self.entries[host]
            if host == site or "." not in host:
                break  # never above the site: anna.substack.com is not substack.com
            host = host.split(".", 1)[1]
        return None

    def is_social(self, url_or_host: str) -> bool:
        """True for social networks and video sites (where profiles live)."""
        return self.category(url_or_host) in ("social", "video")


# Paths on social and video sites that are content (a video, a post, a search), not a profile.
_NOT_PROFILE = re.compile(
    r"^/(watch|embed|shorts|playlist|results|p|reel|reels|tv|status|hashtag|search|explore|share|sharer|"
    r"intent|pin|photo|photos|video|videos|events|groups|posts|story\.php|permalink\.php|login|signup)(/|\.php|$)"
    r"|/status(es)?/\d+",
    re.IGNORECASE,
)


def is_profile_url(url: str) -> bool:
    """True when a social-network URL names a profile (``instagram.com/anna``), not a post or video.

    >>> is_profile_url("https://www.instagram.com/anna.schreibt/"), is_profile_url("https://youtu.be/x1")
    (True, False)
    """
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    host = (parts.hostname or "").removeprefix("www.").removeprefix("m.")
    path = parts.path or "/"
    if host in ("youtu.be", "t.co", "fb.me", "wa.me", "lnkd.in") or path in ("", "/"):
        return False
    if _NOT_PROFILE.search(path):
        return False
    return not (host.endswith("youtube.com") and not path.startswith(("/@", "/c/", "/channel/", "/user/")))


def parse_site_list(text: str, default: str = "excluded") -> list[tuple[str, str]]:
    """Parse ``[category] site-or-url`` lines into (category, host) pairs.

    >>> parse_site_list("# shops\\nshop amazon.de\\nhttps://www.partner.de/blog\\n")
    [('shop', 'amazon.de'), ('excluded', 'partner.de')]
    """
    out = []
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        fields = line.split()
        category, target = (fields[0], fields[1]) if len(fields) > 1 else (default, fields[0])
        host = host_of(target) if "://" in target else target.split("/", 1)[0].lower()
        host = host.removeprefix("www.")
        if host:
            out.append((category, host))
    return out
