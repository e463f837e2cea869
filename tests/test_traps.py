"""Spider-trap checks (pure) and the error kinds of failed requests."""

from __future__ import annotations

import pytest
from scrapy import Request
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadFailedError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.utils._compression import _DecompressionMaxSizeExceeded
from twisted.python.failure import Failure

from crawler.engine.failures import ERROR_KINDS, HeadersTooLarge, RobotsForbidden, TooManyRedirects, classify_failure
from crawler.engine.middlewares import PrivateTargetRefused, RedirectLoop, RedirectLoopGuard
from crawler.extract import traps
from crawler.extract.traps import TrapFilter, strip_session_ids, url_shape_problem, url_shapes


@pytest.mark.parametrize(
    "url, expected",
    [
        ("http://a.de/?sid=abc&seite=2", "http://a.de/?seite=2"),
        ("http://a.de/blog;jsessionid=0AB12?p=3", "http://a.de/blog?p=3"),
        ("http://a.de/x/?PHPSESSID=1&ASPSESSIONIDQQGGQ=2&s=suche", "http://a.de/x/"),
        ("http://a.de/x;JSESSIONID=A.B-c/y/", "http://a.de/x/y/"),
        ("http://a.de/?seite=2", "http://a.de/?seite=2"),
        ("http://a.de/beitrag/", "http://a.de/beitrag/"),
    ],
)
def test_strip_session_ids(url, expected):
    assert strip_session_ids(url) == expected


def test_empty_strip_session_ids():
    assert strip_session_ids(None) is None and strip_session_ids("") == ""


@pytest.mark.parametrize(
    "url",
    [
        "http://a.de/",
        "http://a.de/2024/01/01/ein-beitrag/",
        "http://a.de/links/links/",
        "http://a.de/?p=123",
        "http://a.de/a/b/c/d/e/f/g/h/i/j/",
        "http://a.de/?" + "&".join(f"k{i}=1" for i in range(6)),
        "http://a.de/" + "x" * 400,
    ],
)
def test_url_shape_fine(url):
    assert url_shape_problem(url) is None


@pytest.mark.parametrize(
    "url, reason",
    [
        ("http://a.de/" + "x" * 600, "longer than"),
        ("http://a.de/a/b/c/d/e/f/g/h/i/j/k/", "deeper than"),
        ("http://a.de/links/links/links/", "repeated 3 times"),
        ("http://a.de/Links/x/links/y/LINKS/", "repeated 3 times"),
        ("http://a.de/?" + "&".join(f"k{i}=1" for i in range(7)), "query parameters"),
    ],
)
def test_url_shape_problem(url, reason):
    assert reason in url_shape_problem(url)


def test_empty_url_shape_problem():
    assert url_shape_problem("") is None


def test_url_shapes_ignore_digits_and_values():
    assert url_shapes("http://a.de/2024/05/?b=1&a=x") == url_shapes("http://a.de/1999/12/?a=y&b=7")
    assert url_shapes("http://a.de/seite-3/")[0] == "/seite-#/"


def test_trap_filter_caps_one_shape_per_site():
    traps_ = TrapFilter(shape_limit=3)
    urls = [f"http://a.de/kalender/2024/{m:02d}/" for m in range(1, 7)]
    assert [traps_.check(u, "a.de") is None for u in urls] == [True, True, True, False, False, False]
    assert traps_.check("http://b.de/kalender/2024/01/", "b.de") is None  # per site
    assert traps_.check("http://a.de/ueber-mich/", "a.de") is None  # other shapes unaffected


def test_trap_filter_caps_query_variants_of_one_path():
    traps_ = TrapFilter(shape_limit=100, query_variant_limit=4)
    keys = ["farbe", "groesse", "sortierung", "ansicht", "sprache", "seite"]
    verdicts = [traps_.check(f"http://a.de/blogroll/?{k}=1", "a.de") for k in keys]
    assert verdicts[:4] == [None] * 4 and all(verdicts[4:])


def test_trap_filter_does_not_count_refused_urls():
    traps_ = TrapFilter(shape_limit=1)
    assert traps_.check("http://a.de/x/x/x/", "a.de")
    assert traps_.check("http://a.de/x/x/y/", "a.de") is None


def test_trap_filter_lets_a_seed_blog_through():
    """A seed's usual pages: home, feed, about, contact, Impressum, blogroll, ten dated posts."""
    traps_ = TrapFilter()
    urls = [
        "http://a.de/",
        "http://a.de/feed/",
        "http://a.de/ueber-mich/",
        "http://a.de/kontakt/",
        "http://a.de/impressum/",
        "http://a.de/blogroll/",
    ]
    urls += [f"http://a.de/2024/{m:02d}/{d:02d}/beitrag-{m}-{d}/" for m, d in zip(range(1, 11), range(3, 13))]
    urls += [f"http://a.de/?p={n}" for n in range(10)]
    assert [u for u in urls if traps_.check(u, "a.de")] == []


def test_limits_are_sane():
    assert traps.SHAPE_LIMIT >= 10 and traps.QUERY_VARIANT_LIMIT > traps.SHAPE_LIMIT


# -- error kinds -----------------------------------------------------------------------------------


def failure_of(exc: BaseException, cause: BaseException | None = None) -> Failure:
    exc.__cause__ = cause
    failure = Failure(exc)
    failure.request = Request("http://a.de/")
    return failure


def wrapped(outer: type[BaseException], inner: BaseException) -> BaseException:
    exc = outer(str(inner))
    exc.__cause__ = inner
    return exc


@pytest.mark.parametrize(
    "exc, kind",
    [
        (PrivateTargetRefused("private address refused: 10.0.0.1"), "private"),
        (RedirectLoop("redirect loop: a -> b"), "redirect"),
        (TooManyRedirects("more than 5 redirects"), "redirect"),
        (RobotsForbidden("forbidden"), "robots"),
        (IgnoreRequest("max redirections reached"), "other"),  # the kind comes from the type, not the words
        (IgnoreRequest("Forbidden by robots.txt"), "other"),
        (IgnoreRequest("redirect"), "other"),
        (HeadersTooLarge("response headers over 262144 bytes"), "too_large"),
        (DownloadCancelledError("cancelled"), "too_large"),
        (ValueError("maxsize exceeded"), "other"),
        (CannotResolveHostError("DNS lookup failed"), "dns"),
        (ResponseDataLossError("Getting http://a.de/ failed"), "truncated"),
        (ValueError("something odd"), "other"),
    ],
)
def test_classify_failure(exc, kind):
    assert classify_failure(failure_of(exc))[0] == kind
    assert kind in ERROR_KINDS


def test_classify_failure_decompression_bomb_is_too_large():
    bomb = _DecompressionMaxSizeExceeded(5_000_000, 4_194_304)
    assert classify_failure(failure_of(IgnoreRequest("Ignoring response"), bomb))[0] == "too_large"


def test_classify_failure_looks_inside_wrapped_errors():
    from OpenSSL import SSL
    from twisted.web._newclient import ResponseNeverReceived

    inner = ResponseNeverReceived([Failure(SSL.Error("wrong version number"))])
    exc = wrapped(DownloadFailedError, inner)
    assert classify_failure(failure_of(exc, inner))[0] == "tls"


class _Response:
    def __init__(self, status, location):
        self.status, self.headers = status, {b"Location": location.encode()}


def test_redirect_guard_refuses_one_hop_too_many_with_a_typed_error():
    guard = RedirectLoopGuard(max_redirects=5)
    request = Request("http://a.de/5/", meta={"redirect_times": 5, "redirect_ttl": 0})
    with pytest.raises(TooManyRedirects):
        guard.process_response(request, _Response(302, "http://a.de/6/"))
    fine = Request("http://a.de/4/", meta={"redirect_times": 4, "redirect_ttl": 1})
    assert guard.process_response(fine, _Response(302, "http://a.de/5/")) is not None


def test_redirect_loop_guard_fails_a_loop():
    request = Request("http://www.a.de/", meta={"redirect_urls": ["http://a.de/"]})
    with pytest.raises(RedirectLoop):
        RedirectLoopGuard().process_response(request, _Response(302, "http://a.de/"))


def test_redirect_loop_guard_passes_a_chain():
    request = Request("http://a.de/", meta={"redirect_urls": ["http://alt.de/"]})
    response = _Response(301, "/neu/")
    assert RedirectLoopGuard().process_response(request, response) is response
