"""Property tests: URLs from the web, mutated at random, through canonicalisation, trap checks and the SSRF guard."""

from __future__ import annotations

import ipaddress
from collections import Counter
from urllib.parse import parse_qsl, urlsplit

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from crawler.engine.middlewares import is_private_target, literal_address
from crawler.extract.addresses import embedded_ipv4
from crawler.extract.traps import SESSION_PARAMS, TrapFilter, strip_session_ids, url_shape_problem, url_shapes
from crawler.extract.urls import _PLAIN_URL_RE, canonical_url, host_of, parsed_canonical_url, site_key

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

REAL = [
    "https://www.seo-blog.de/2024/03/12/content-marketing-für-anfänger/?utm_source=x&amp;p=1#kommentare",
    "http://anna.blogspot.com/p/blogroll.html?m=1",
    "HTTPS://Ben.WordPress.com:443/feed/",
    "http://münchen-blog.de/über-uns/",
    "http://xn--mnchen-3ya.de/a%20b/%zz",
    "https://a.de/;jsessionid=AB12?x=1",
    "http://a.de/?PHPSESSID=1&sid=2&s=suche&seite=3",
    "http://[::1]:8080/admin",
    "http://169.254.169.254/latest",
    "http://0x7f.1/",
    "http://2130706433/",
    "https://user:pw@host.de:8443/pfad?q=ä#frag",
    "//protokoll-relativ.de/",
    "http://a.de/links/links/links/",
    "http://a.de/kalender/2024/01/?ansicht=monat&tag=5",
]
PIECES = [
    "/",
    "?",
    "#",
    "&",
    "=",
    ";",
    ":",
    "@",
    "%",
    "%2F",
    "..",
    "./",
    "[",
    "]",
    "ä",
    " ",
    "\t",
    "\x00",
    "jsessionid=1",
    "sid=x",
    "utm_source=y",
    "www.",
    "xn--",
    "0x",
    "127.0.0.1",
    "::1",
    ":99999",
    "\u202e",
]


@st.composite
def web_urls(draw) -> str:
    """A real-looking URL with random pieces spliced in or cut out."""
    url = draw(st.sampled_from(REAL))
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(url)))
        if draw(st.booleans()):
            url = url[:at] + draw(st.sampled_from(PIECES) | st.text(max_size=4)) + url[at:]
        else:
            url = url[:at] + url[at + draw(st.integers(1, 8)) :]
    return url


@FUZZ
@given(url=web_urls() | st.text(max_size=80))
def test_canonical_url_is_idempotent_and_absolute(url):
    once = canonical_url(url)
    if once is not None:
        assert once.startswith(("http://", "https://")) and host_of(once)
        assert canonical_url(once) == once
        assert site_key(once)


@FUZZ
@given(url=web_urls())
def test_session_ids_stripped_once_and_for_all(url):
    canon = canonical_url(url)
    stripped = strip_session_ids(canon)
    if canon is None:
        assert stripped is None
        return
    assert strip_session_ids(stripped) == stripped
    assert canonical_url(stripped) == stripped
    parts = urlsplit(stripped)
    assert ";jsessionid=" not in parts.path.lower() and ";phpsessid=" not in parts.path.lower()
    assert not [k for k, _ in parse_qsl(parts.query, keep_blank_values=True) if k.lower() in SESSION_PARAMS]


@FUZZ
@given(url=web_urls() | st.text(max_size=80))
def test_url_shape_problem_never_raises(url):
    problem = url_shape_problem(url)
    assert problem is None or isinstance(problem, str) and problem


@FUZZ
@given(urls=st.lists(web_urls(), max_size=60), limit=st.integers(1, 5))
def test_trap_filter_never_lets_more_than_the_limit_of_one_shape_through(urls, limit):
    traps = TrapFilter(shape_limit=limit, query_variant_limit=limit)
    passed = [u for u in urls if traps.check(u, "a.de") is None]
    shapes = Counter(url_shapes(u)[0] for u in passed)
    variants = Counter(url_shapes(u)[1] for u in passed if url_shapes(u)[1] != url_shapes(u)[0])
    assert all(n <= limit for n in (shapes + variants).values())
    assert all(n <= limit for n in traps.counts.values())
    assert sum(traps.counts.values()) == len(passed) + sum(variants.values())  # every pass counted once a shape


@FUZZ
@example(host="2002:808:808::1")  # 6to4 of a public address: not global for Python 3.13's ipaddress
@example(host="2002:7f00:1::")
@given(host=st.ip_addresses().map(str) | st.text(alphabet="0123456789abcdefx.:[]", max_size=20) | st.text(max_size=20))
def test_private_target_check_never_raises_and_agrees_with_ipaddress(host):
    verdict = is_private_target(host)
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return
    mapped = ip.ipv4_mapped if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped else ip
    if mapped in ipaddress.IPv6Network("2002::/16"):  # 6to4: its IPv4 decides, whatever the Python version says
        assert verdict == any(not v4.is_global or v4.is_multicast for v4 in embedded_ipv4(mapped))
    elif not mapped.is_global or mapped.is_multicast:
        assert verdict  # never weaker than ipaddress
    elif verdict:  # stricter only for site-local IPv6 and IPv6 carrying a private IPv4
        assert mapped in ipaddress.IPv6Network("fec0::/10") or any(
            not v4.is_global or v4.is_multicast for v4 in embedded_ipv4(mapped)
        )
    assert literal_address(host) == mapped


@settings(max_examples=1000, deadline=None)
@given(st.from_regex(_PLAIN_URL_RE, fullmatch=True))
def test_plain_urls_are_returned_as_the_long_way_would(url):
    assert canonical_url(url) == parsed_canonical_url(url) == url


@FUZZ
@given(st.from_regex(r"https?://[a-z0-9.-]{1,12}/[A-Za-z0-9._~/-]{0,12}", fullmatch=True) | st.text(max_size=30))
@example("http://0/")  # a numeric host: URL libraries may rewrite it to dotted IPv4 (w3lib 2.6)
@example("http://0x7f.1/")
@example("http://2130706433/")
@example("http://a/.")  # a dot segment: folded by w3lib 2.6
@example("http://a.de/b/../c")
@example("http://a.de/..x/./")
def test_the_shortcut_agrees_with_the_long_way_on_every_input(url):
    """Whatever the URL library does with numeric hosts and dot segments, both ways give one answer."""
    assert canonical_url(url) == parsed_canonical_url(url)
