"""Whole-page extraction: charsets, language, generator, dates, blog verdict, page kind, text."""

from __future__ import annotations

import pytest

from crawler.extract.page import PageInfo, extract_page

UMLAUT_PAGE = "<html><head>{meta}<title>Grüße aus Köln</title></head><body><p>Äpfel, Öl und Süßes.</p></body></html>"


@pytest.mark.parametrize(
    "body, encoding",
    [
        (UMLAUT_PAGE.format(meta='<meta charset="utf-8">').encode("utf-8"), None),
        (UMLAUT_PAGE.format(meta='<meta charset="iso-8859-1">').encode("latin-1"), None),
        (UMLAUT_PAGE.format(meta="").encode("cp1252"), None),  # no charset at all
        (UMLAUT_PAGE.format(meta='<meta charset="utf-8">').encode("cp1252"), None),  # wrong declaration
        (UMLAUT_PAGE.format(meta="").encode("latin-1"), "utf-8"),  # wrong HTTP header
        (UMLAUT_PAGE.format(meta="").encode("latin-1"), "iso-8859-1"),
        (b"\xef\xbb\xbf" + UMLAUT_PAGE.format(meta="").encode("utf-8"), None),
        ('<?xml version="1.0" encoding="utf-8"?>' + UMLAUT_PAGE.format(meta=""), None),  # str with XML declaration
    ],
)
def test_umlauts_survive_any_charset(body, encoding):
    info = extract_page(body, "https://koeln.de/", encoding=encoding)
    assert info.title == "Grüße aus Köln"
    assert "Äpfel, Öl und Süßes." in info.text


@pytest.mark.parametrize(
    "head, html_attr, text, expected",
    [
        ("", 'lang="de-DE"', "", "de"),
        ('<meta property="og:locale" content="en_GB">', "", "", "en"),
        ('<meta http-equiv="content-language" content="fr">', "", "", "fr"),
        (
            "",
            "",
            "Ich habe mir heute überlegt, dass wir nicht mehr so viel über die Sache reden sollten, "
            "weil es doch auch noch andere Dinge gibt, die wichtig sind und die wir tun können.",
            "de",
        ),
        (
            "",
            "",
            "I have been thinking about what we should do next, because there are other things that "
            "matter and which we would like to work on before the end of the year.",
            "en",
        ),
        ("", "", "Ok.", ""),
    ],
)
def test_language(head, html_attr, text, expected):
    info = extract_page(f"<html {html_attr}><head>{head}</head><body><p>{text}</p></body></html>", "https://x.de/a")
    assert info.language == expected


@pytest.mark.parametrize(
    "snippet, expected",
    [
        ('<meta name="generator" content="WordPress 6.4.2">', "WordPress 6.4.2"),
        (
            '<meta name="generator" content="Site Kit by Google"><meta name="generator" content="WordPress 6.4">',
            "WordPress 6.4",
        ),
        ('<link rel="stylesheet" href="https://x.de/wp-content/themes/t/style.css">', "WordPress"),
        ("<script src='https://www.blogger.com/static/v1/widgets/x.js'></script>", "Blogger"),
        ('<meta name="generator" content="Hugo 0.120.4">', "Hugo 0.120.4"),
        ("", ""),
    ],
)
def test_generator(snippet, expected):
    assert extract_page(f"<html><head>{snippet}</head><body></body></html>", "https://x.de/").generator == expected


def test_generator_from_blogspot_host():
    assert (
        extract_page("<html><body><p>Hallo Welt</p></body></html>", "https://anna.blogspot.com/").generator == "Blogger"
    )


POST = """<html lang="de"><head>
<meta property="og:type" content="article">
<meta property="article:published_time" content="2024-05-14T08:00:00+02:00">
<link rel="alternate" type="application/rss+xml" href="/feed/">
<meta name="generator" content="WordPress 6.5">
</head><body><header><a href="/">Start</a></header>
<article class="post hentry h-entry"><h1 class="entry-title">Mein Beitrag</h1>
<time class="dt-published" datetime="2024-05-14">14. Mai</time>
<div class="entry-content"><p>Ein Text über Suchmaschinenoptimierung.</p></div></article>
<div id="comments"><div class="comment"><time datetime="2024-06-01T10:00">Juni</time><p>Kommentar!</p></div></div>
<aside class="widget"><h3>Neueste Beiträge</h3><ul>
<li><a href="/2024/04/frueher/">Früher</a> <time datetime="2024-04-02">2. April</time></li>
<li><a href="/2024/03/noch-frueher/">Noch früher</a></li></ul></aside>
</body></html>"""


def test_post_page_dates_kind_and_verdict():
    info = extract_page(POST, "https://mein-blog.de/2024/05/14/mein-beitrag/")
    assert info.page_kind == "post"
    assert info.published == "2024-05-14"
    assert info.post_dates == ["2024-05-14", "2024-04-02"]  # the comment date is left out
    assert info.post_urls == ["https://mein-blog.de/2024/04/frueher/", "https://mein-blog.de/2024/03/noch-frueher/"]
    assert info.is_blog
    assert info.blog_reason.startswith("RSS feed, WordPress 6.5")
    assert "Suchmaschinenoptimierung" in info.text
    assert "Kommentar!" not in info.text and "Neueste Beiträge" not in info.text


def test_post_urls_from_titles_and_bookmarks():
    html = (
        '<body><main><article class="post"><h2 class="entry-title"><a href="/mein-text/">Mein Text</a></h2></article>'
        '<article><h2><a href="/zweiter/" rel="bookmark">Zweiter</a></h2></article>'
        '<p><a href="/kategorie/seo/">SEO</a></p></main></body>'
    )
    info = extract_page(html, "https://mein-blog.de/")
    assert info.post_urls == ["https://mein-blog.de/mein-text/", "https://mein-blog.de/zweiter/"]
    assert info.page_kind == "home"


@pytest.mark.parametrize(
    "html, reason_part",
    [
        (
            '<head><script type="application/ld+json">{"@type":"Product","offers":{"@type":"Offer"}}</script></head>'
            '<body><button class="add-to-cart">In den Warenkorb</button></body>',
            "shop markers",
        ),
        ("<body><p>Willkommen bei der Firma.</p></body>", "no feed, no dated posts"),
    ],
)
def test_not_a_blog(html, reason_part):
    info = extract_page(f"<html>{html}</html>", "https://firma.de/")
    assert not info.is_blog
    assert reason_part in info.blog_reason


@pytest.mark.parametrize(
    "url, body, kind",
    [
        ("https://x.de/", "<h1>Willkommen</h1>", "home"),
        ("https://x.de/impressum/", "<h1>Impressum</h1>", "impressum"),
        ("https://x.de/seite/", "<h1>Kontakt</h1>", "contact"),
        ("https://x.de/ueber-mich/", "<h1>Hallo!</h1>", "about"),
        ("https://x.de/links/", "<h1>Blogs, die ich lese</h1>", "blogroll"),
        ("https://x.de/irgendwas/", "<h1>Irgendwas</h1>", "other"),
    ],
)
def test_page_kind(url, body, kind):
    assert extract_page(f"<html><body>{body}</body></html>", url).page_kind == kind


def test_main_text_off_uses_cheap_extractor():
    info = extract_page(POST, "https://mein-blog.de/2024/05/14/mein-beitrag/", main_text=False)
    assert "Suchmaschinenoptimierung" in info.text
    assert "Kommentar!" not in info.text


def test_huge_page_is_capped():
    html = (
        "<html><body>" + "<p>" + "Wort " * 2000 + "</p>" * 1 + "<a href='https://a.de/'>a</a>" * 10 + "</body></html>"
    )
    info = extract_page(html * 100, "https://x.de/")
    assert len(info.text) <= 100_000


@pytest.mark.parametrize("body", [b"", "", "   ", b"\x00\x00", "<", "<html>", "<!-- nur ein Kommentar -->", None])
def test_empty_extract_page(body):
    info = extract_page(body, "https://x.de/")
    assert isinstance(info, PageInfo)
    assert info.page_kind == "other" and info.links == [] and not info.is_blog


def test_broken_markup_still_yields_links():
    html = "<div><a href='https://a.de/'>a<div><a href=https://b.de/>b</p></span><table><a href='//c.de/x'>c"
    urls = [link.url for link in extract_page(html, "https://x.de/").links]
    assert urls == ["https://a.de/", "https://b.de/", "https://c.de/x"]
