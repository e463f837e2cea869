"""Feed links in pages, feed parsing, OPML parsing and seed lists."""

from __future__ import annotations

import pytest

from crawler.extract.page import FeedInfo, OpmlEntry, extract_page, parse_feed, parse_opml, parse_seed_text

RSS = b"""<?xml version="1.0" encoding="ISO-8859-1"?>
<rss version="2.0"><channel><title>Gr\xfcne Ideen</title><link>https://gruen.de/</link>
<item><title>Alt</title><link>https://gruen.de/alt/</link><pubDate>Mon, 01 Jan 2024 10:00:00 +0000</pubDate></item>
<item><title>Neu</title><link>https://gruen.de/neu/?utm_source=rss</link><pubDate>Wed, 15 May 2024 10:00:00 +0000</pubDate></item>
<item><title>Ohne Datum</title><link>/ohne/</link></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Anna</title><link href="/blog/" rel="alternate"/>
<entry><title>Eins</title><link rel="alternate" href="/blog/eins"/><updated>2023-03-04T05:06:07Z</updated></entry>
</feed>"""

RDF = b"""<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://r.de/"><title>R</title><link>https://r.de/</link></channel>
<item rdf:about="https://r.de/1"><title>Eins</title><link>https://r.de/1</link><dc:date>2022-02-02</dc:date></item>
</rdf:RDF>"""


def test_parse_feed_rss2_latin1_newest_first():
    feed = parse_feed(RSS, "https://gruen.de/feed/")
    assert feed.title == "Grüne Ideen"
    assert feed.site_url == "https://gruen.de/"
    assert [(e.url, e.published) for e in feed.entries] == [
        ("https://gruen.de/neu/", "2024-05-15"),
        ("https://gruen.de/alt/", "2024-01-01"),
        ("https://gruen.de/ohne/", ""),
    ]


def test_parse_feed_atom_relative_links():
    feed = parse_feed(ATOM, "https://anna.de/feed.atom")
    assert feed.site_url == "https://anna.de/blog/"
    assert feed.entries[0].url == "https://anna.de/blog/eins"
    assert feed.entries[0].published == "2023-03-04"


def test_parse_feed_rss1():
    feed = parse_feed(RDF, "https://r.de/index.rdf")
    assert [(e.url, e.published) for e in feed.entries] == [("https://r.de/1", "2022-02-02")]


@pytest.mark.parametrize(
    "body", [b"", b"   ", b"<html><body>kein Feed</body></html>", b"\x00\xff\xfe", b"<rss><channel><item>"]
)
def test_parse_feed_garbage_never_raises(body):
    assert isinstance(parse_feed(body, "https://x.de/feed"), FeedInfo)


def test_parse_feed_str_is_not_fetched():
    assert parse_feed("https://example.org/feed", "https://x.de/feed").entries == []


def test_empty_parse_feed():
    assert parse_feed(b"", "https://x.de/feed") == FeedInfo()


OPML = """<?xml version="1.0"?><opml version="2.0"><head><title>Rolle</title></head><body>
<outline text="Kategorie">
  <outline type="rss" text="Anna" title="Annas Blog" xmlUrl="https://anna.de/feed/" htmlUrl="https://anna.de/"/>
  <outline text="Ben" xmlUrl="https://ben.de/rss"/>
  <outline text="Leer"/>
</outline></body></opml>"""


def test_parse_opml_nested_and_missing_html_url():
    assert parse_opml(OPML) == [
        OpmlEntry("Annas Blog", "https://anna.de/", "https://anna.de/feed/"),
        OpmlEntry("Ben", "", "https://ben.de/rss"),
    ]


def test_parse_opml_malformed_falls_back():
    broken = "<opml><body><outline text=\"A & B\" htmlUrl=\"https://a.de/\"><outline text='C' xmlURL='https://c.de/f'>"
    entries = parse_opml(broken.encode())
    assert [(e.html_url, e.xml_url) for e in entries] == [("https://a.de/", ""), ("", "https://c.de/f")]


@pytest.mark.parametrize("body", ["", b"", "kein xml", "<opml>", b"\xff\xfe\x00"])
def test_empty_parse_opml(body):
    assert parse_opml(body) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "https://anna.de/\n# Kommentar\n\nben.de  # mit Kommentar\n  https://c.de/x#frag \n",
            ["https://anna.de/", "ben.de", "https://c.de/x#frag"],
        ),
        (OPML, ["https://anna.de/", "https://ben.de/rss"]),
        (
            '[{"name": "A", "website": "https://a.de/", "feed": "https://a.de/feed"}, {"url": "https://b.de/"}]',
            ["https://a.de/", "https://b.de/"],
        ),
        (
            "- [Anna](https://anna.de/) schreibt\n* [Ben][b]\n\n[b]: https://ben.de/\n",
            ["https://anna.de/", "https://ben.de/"],
        ),
        ("-  `Anna <https://anna.de/>`__\n.. _ben: https://ben.de/\n", ["https://anna.de/", "https://ben.de/"]),
    ],
)
def test_parse_seed_text_formats(text, expected):
    assert parse_seed_text(text) == expected


def test_empty_parse_seed_text():
    assert parse_seed_text("") == []
    assert parse_seed_text("# nur Kommentare\n\n") == []


def test_page_feeds_comment_feeds_last_and_opml():
    head = (
        '<link rel="alternate" type="application/rss+xml" title="Kommentar-Feed" href="/comments/feed/">'
        '<link rel="alternate" type="application/rss+xml" title="Feed" href="/feed/">'
        '<link rel="alternate" type="application/atom+xml" href="https://anna.de/atom.xml">'
        '<link rel="alternate" type="text/html" href="/en/">'
        '<link rel="blogroll" type="text/xml" href="/links.opml">'
    )
    body = '<body><aside><a href="/blogroll.opml">OPML</a></aside></body>'
    info = extract_page(f"<html><head>{head}</head>{body}</html>", "https://anna.de/")
    assert info.feeds == ["https://anna.de/feed/", "https://anna.de/atom.xml", "https://anna.de/comments/feed/"]
    assert info.opml_urls == ["https://anna.de/links.opml", "https://anna.de/blogroll.opml"]
