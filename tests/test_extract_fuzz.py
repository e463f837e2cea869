"""Property tests: extraction never raises on random or mutated input; URLs and e-mails stay well-formed."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crawler.extract.contacts import EMAIL_RE
from crawler.extract.page import LINK_KINDS, extract_page, parse_feed, parse_opml, parse_seed_text
from crawler.extract.urls import canonical_url

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

TAGS = ["a", "div", "ul", "li", "h2", "p", "nav", "article", "aside", "footer", "span", "time", "b", "script"]
ATTRS = [
    'href="https://anna.de/x"',
    'href="/rel"',
    "href=mailto:a@b.de",
    'class="comment-author"',
    'class="xoxo blogroll"',
    'rel="friend"',
    'datetime="2024-02-30"',
    'class="share"',
    'href="//x.de"',
    'href="http://[::1"',
    'lang="de"',
    'href="https://ü.de/ä?ö=1"',
    'data-cfemail="zz"',
    "",
]
WORDS = ["Blogroll", "Impressum", "anna [at] x [dot] de", "x@y.de", "ä", "&amp;", "&#0;", "<", ">", "\x00", " "]


@st.composite
def html_docs(draw) -> str:
    """Tag soup: random open/close tags with link-ish attributes and text."""
    parts = []
    for _ in range(draw(st.integers(0, 40))):
        choice = draw(st.integers(0, 2))
        if choice == 0:
            parts.append(f"<{draw(st.sampled_from(TAGS))} {draw(st.sampled_from(ATTRS))}>")
        elif choice == 1:
            parts.append(f"</{draw(st.sampled_from(TAGS))}>")
        else:
            parts.append(draw(st.sampled_from(WORDS)) + draw(st.text(max_size=10)))
    return "".join(parts)


@FAST
@given(doc=html_docs(), as_bytes=st.booleans(), encoding=st.sampled_from([None, "utf-8", "latin-1", "bogus", "utf-16"]))
def test_extract_page_never_raises(doc, as_bytes, encoding):
    body = doc.encode("utf-8", "surrogatepass") if as_bytes else doc
    info = extract_page(body, "https://mein-blog.de/a/", encoding=encoding, main_text=False)
    assert all(link.kind in LINK_KINDS for link in info.links)
    assert all(link.url.startswith(("http://", "https://")) for link in info.links)
    assert all(EMAIL_RE.match(email) for email in info.emails)
    assert len({(link.url, link.kind) for link in info.links}) == len(info.links)


@FAST
@given(body=st.binary(max_size=2000))
def test_extract_page_random_bytes(body):
    info = extract_page(body, "https://mein-blog.de/")
    assert all(EMAIL_RE.match(email) for email in info.emails)


@FAST
@given(text=st.text(max_size=300))
def test_emails_from_random_text_are_strict(text):
    info = extract_page(f"<html><body><p>{text}</p></body></html>", "https://x.de/", main_text=False)
    assert all(EMAIL_RE.match(email) for email in info.emails)


@FAST
@given(
    body=st.binary(max_size=2000)
    | st.text(max_size=500).map(lambda t: ("<rss><channel><item>" + t).encode("utf-8", "surrogatepass"))
)
def test_parse_feed_never_raises(body):
    feed = parse_feed(body, "https://x.de/feed")
    assert all(e.url.startswith(("http://", "https://")) for e in feed.entries)


@FAST
@given(body=st.text(max_size=500).map(lambda t: "<opml><body><outline " + t) | st.binary(max_size=500))
def test_parse_opml_never_raises(body):
    assert isinstance(parse_opml(body), list)


@FAST
@given(text=st.text(max_size=500), name=st.sampled_from(["", "seeds.txt", "blogroll.json", "x.opml"]))
def test_parse_seed_text_never_raises(text, name):
    urls = parse_seed_text(text, name)
    assert all(isinstance(u, str) and u for u in urls)


URL_CHARS = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)


@st.composite
def urls(draw) -> str:
    scheme = draw(st.sampled_from(["http", "https", "HTTP", "ftp", ""]))
    host = draw(
        st.sampled_from(
            [
                "anna.de",
                "WWW.Anna.DE",
                "xn--mnchen-3ya.de",
                "münchen.de",
                "[::1]",
                "1.2.3.4",
                "a.b.c.d.co.uk",
                "localhost",
                "",
            ]
        )
    )
    port = draw(st.sampled_from(["", ":80", ":443", ":8080", ":0", ":99999"]))
    path = draw(URL_CHARS)
    query = draw(st.sampled_from(["", "?a=1&b=2", "?utm_source=x&z=ä", "?a", "?=&&"])) + draw(URL_CHARS)
    return f"{scheme}://{host}{port}/{path}{query}"


@FAST
@given(url=urls() | st.text(max_size=60))
def test_canonical_url_idempotent(url):
    once = canonical_url(url)
    if once is not None:
        assert once.startswith(("http://", "https://"))
        assert canonical_url(once) == once
