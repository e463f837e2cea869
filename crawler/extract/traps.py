"""Pure spider-trap checks: session ids stripped, URL shapes that never end refused.

Endless URL spaces (calendars, paginations, ever-deeper relative links, filter permutations,
session ids) are bounded three ways: session-id parameters are removed so one page has one
URL; `url_shape_problem` refuses URLs whose shape alone gives a trap away; `TrapFilter` caps
how many URLs of one shape (digits and query values ignored) a site may contribute.

>>> strip_session_ids("http://a.de/blog;jsessionid=F00?PHPSESSID=1&p=2")
'http://a.de/blog?p=2'
>>> url_shape_problem("http://a.de/links/links/links/")
"path segment 'links' repeated 3 times"
"""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

MAX_URL_LENGTH = 512
MAX_PATH_DEPTH = 10
MAX_SEGMENT_REPEATS = 2
MAX_QUERY_PARAMS = 6
SHAPE_LIMIT = 10  # URLs per site with the same path shape and query keys (calendar months, ?seite=N)
QUERY_VARIANT_LIMIT = 25  # URLs per site with the same path shape and any query (filter permutations)

SESSION_PARAMS = frozenset(
    """sid sessionid session_id sessid sess phpsessid jsessionid aspsessionid cfid cftoken zenid
    oscsid s""".split()
)
_SESSION_PREFIXES = ("aspsessionid",)  # ASP appends a random suffix: ASPSESSIONIDQQGGQGPG
_PATH_SESSION_RE = re.compile(r";(?:jsessionid|phpsessid|sessionid|sid)=[^/?#;]*", re.IGNORECASE)
_DIGITS_RE = re.compile(r"\d+")


def _is_session_param(name: str) -> bool:
    low = name.lower()
    return low in SESSION_PARAMS or low.startswith(_SESSION_PREFIXES)


def strip_session_ids(url: str | None) -> str | None:
    """The URL without session-id query parameters and ``;jsessionid=`` path parameters.

    Returns the URL unchanged when it has none, and None for None (so it chains after
    `crawler.extract.urls.canonical_url`). The order of the remaining parameters is kept.

    >>> strip_session_ids("http://a.de/?sid=abc&seite=2")
    'http://a.de/?seite=2'
    """
    if not url:
        return url
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    path = _PATH_SESSION_RE.sub("", parts.path)
    query = parts.query
    if query:
        pairs = parse_qsl(query, keep_blank_values=True)
        kept = [(k, v) for k, v in pairs if not _is_session_param(k)]
        if len(kept) != len(pairs):
            query = urlencode(kept)
    if path == parts.path and query == parts.query:
        return url
    return urlunsplit((parts.scheme, parts.netloc, path, query, parts.fragment))


def url_shape_problem(url: str) -> str | None:
    """Why a URL looks like a spider trap by its shape alone, or None when it looks fine.

    Refused: URLs over `MAX_URL_LENGTH` characters, paths deeper than `MAX_PATH_DEPTH`
    segments, a path segment repeated more than `MAX_SEGMENT_REPEATS` times (relative-link
    loops such as ``/links/links/links/``) and more than `MAX_QUERY_PARAMS` query parameters.

    >>> url_shape_problem("http://a.de/2024/01/01/ein-beitrag/") is None
    True
    """
    if len(url) > MAX_URL_LENGTH:
        return f"URL longer than {MAX_URL_LENGTH} characters"
    try:
        parts = urlsplit(url)
    except ValueError:
        return "unparsable URL"
    segments = [s for s in parts.path.split("/") if s]
    if len(segments) > MAX_PATH_DEPTH:
        return f"path deeper than {MAX_PATH_DEPTH} segments"
    if segments:
        segment, count = Counter(s.lower() for s in segments).most_common(1)[0]
        if count > MAX_SEGMENT_REPEATS:
            return f"path segment {segment[:40]!r} repeated {count} times"
    if parts.query and len(parse_qsl(parts.query, keep_blank_values=True)) > MAX_QUERY_PARAMS:
        return f"more than {MAX_QUERY_PARAMS} query parameters"
    return None


def url_shapes(url: str) -> tuple[str, str]:
    """(shape with query keys, shape with any query) of a URL: digits become ``#``, values go.

    >>> url_shapes("http://a.de/kalender/2024/05/?ansicht=monat&seite=3")
    ('/kalender/#/#/?ansicht&seite', '/kalender/#/#/?*')
    """
    try:
        parts = urlsplit(url)
    except ValueError:
        return url, url
    path = _DIGITS_RE.sub("#", parts.path.lower())
    if not parts.query:
        return path, path
    keys = sorted({_DIGITS_RE.sub("#", k.lower()) for k, _ in parse_qsl(parts.query, keep_blank_values=True)})
    return f"{path}?{'&'.join(keys)}", f"{path}?*"


class TrapFilter:
    """Refuse trap-shaped URLs and cap the URLs of one shape per site during one crawl.

    ``check(url, site)`` returns the reason a URL is refused, or None and counts it.

    >>> traps = TrapFilter(shape_limit=2)
    >>> [traps.check(f"http://a.de/kalender/2024/{m:02d}/", "a.de") for m in (1, 2, 3)][-1]
    "more than 2 URLs shaped '/kalender/#/#/' on a.de"
    """

    def __init__(self, shape_limit: int = SHAPE_LIMIT, query_variant_limit: int = QUERY_VARIANT_LIMIT):
        self.shape_limit = shape_limit
        self.query_variant_limit = query_variant_limit
        self.counts: Counter[int] = Counter()  # hash of (site, shape): ~80 bytes a shape instead of ~200

    def check(self, url: str, site: str) -> str | None:
        """The reason to refuse `url` of `site`, or None (then the URL is counted)."""
        problem = url_shape_problem(url)
        if problem:
            return problem
        shape, variants = url_shapes(url)
        limits = [(shape, self.shape_limit)]
        if variants != shape:
            limits.append((variants, self.query_variant_limit))
        for key, limit in limits:
            if self.counts[hash((site, key))] >= limit:
                return f"more than {limit} URLs shaped {key[:80]!r} on {site}"
        for key, _ in limits:
            self.counts[hash((site, key))] += 1
        return None
