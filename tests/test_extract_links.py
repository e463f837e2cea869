"""Link kinds by DOM context: share, social, blogroll, comment, nav, content."""

from __future__ import annotations

import pytest

from crawler.extract.page import LINK_KINDS, Link, extract_page

PAGE = "https://mein-blog.de/2024/05/mein-beitrag/"


def kinds(body: str, url: str = PAGE, head: str = "") -> dict[str, str]:
    """{link url: kind} of a page with `body` (first kind per URL)."""
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    out: dict[str, str] = {}
    for link in extract_page(html, url, main_text=False).links:
        out.setdefault(link.url, link.kind)
    return out


BLOGROLL_MARKUP = [
    # WordPress classic blogroll widget
    '<div id="sidebar"><ul><li id="linkcat-2" class="linkcat"><h2>Blogroll</h2><ul class="xoxo blogroll">'
    '<li><a href="https://anna.de/">Anna</a></li></ul></li></ul></div>',
    '<aside class="widget widget_links"><h3 class="widget-title">Links</h3><ul><li><a href="https://anna.de/">A</a></li></ul></aside>',
    '<aside class="widget widget_blogroll"><ul><li><a href="https://anna.de/">A</a></li></ul></aside>',
    # Blogger widgets
    '<div class="widget BlogList" id="BlogList1"><h2>Meine Blogliste</h2><div class="widget-content">'
    '<ul><li><a href="https://anna.de/">A</a></li></ul></div></div>',
    '<div class="widget LinkList" id="LinkList1"><h2>Links</h2><ul><li><a href="https://anna.de/">A</a></li></ul></div>',
    # headed link lists, German and English
    '<aside class="widget widget_text"><h3 class="widget-title">Blogs, die ich lese</h3><div class="textwidget">'
    '<ul><li><a href="https://anna.de/">A</a></li></ul></div></aside>',
    '<div class="sidebar"><h4>Befreundete Blogs</h4><ul><li><a href="https://anna.de/">A</a></li></ul></div>',
    '<footer><h2>Meine Blogroll</h2><ul><li><a href="https://anna.de/">A</a></li></ul></footer>',
    '<div><h3>Lesenswert</h3><ul><li><a href="https://anna.de/">A</a></li></ul></div>',
    '<div><h3>Linktipps:</h3><ol><li><a href="https://anna.de/">A</a></li></ol></div>',
    '<div><h3>Empfehlungen</h3><ul><li><a href="https://anna.de/">A</a></li></ul></div>',
    '<div><h3>Blogempfehlungen</h3><ul><li><a href="https://anna.de/">A</a></li></ul></div>',
    '<div><p><strong>Freunde</strong></p><ul><li><a href="https://anna.de/">A</a></li></ul></div>',
    '<div><b>Partner</b><ul><li><a href="https://anna.de/">A</a></li></ul></div>',
    '<div><h2>Blogs I read</h2><ul><li><a href="https://anna.de/">A</a></li></ul></div>',
    '<section><h2>Blogs I follow</h2><ul><li><a href="https://anna.de/">A</a></li></ul></section>',
    '<div><h2>Other blogs</h2><ul><li><a href="https://anna.de/">A</a></li></ul></div>',
    '<div><h2>Friends</h2><ul><li><a href="https://anna.de/">A</a></li></ul></div>',
    '<div><h2>Links I like</h2><ul><li><a href="https://anna.de/">A</a></li></ul></div>',
    '<div><h2>Reading list</h2><ul><li><a href="https://anna.de/">A</a></li></ul></div>',
    '<nav aria-label="Webring"><a href="https://anna.de/">A</a></nav>',
    # XFN relations anywhere
    '<article><p>Mehr bei <a href="https://anna.de/" rel="friend met">Anna</a></p></article>',
    '<div class="entry-content"><a href="https://anna.de/" rel="acquaintance">Anna</a></div>',
]


@pytest.mark.parametrize("body", BLOGROLL_MARKUP)
def test_blogroll_markup_variants(body):
    assert kinds(body)["https://anna.de/"] == "blogroll"


def test_blogroll_page_makes_external_links_blogroll():
    body = (
        "<nav><a href='/'>Start</a><a href='https://theme.example.org/'>Theme</a></nav>"
        "<article><h1>Blogroll</h1><p><a href='https://anna.de/'>Anna</a> und "
        "<a href='https://ben.de/'>Ben</a></p></article>"
    )
    got = kinds(body, "https://mein-blog.de/blogroll/")
    assert got["https://anna.de/"] == got["https://ben.de/"] == "blogroll"
    assert got["https://theme.example.org/"] == "nav"


@pytest.mark.parametrize(
    "href",
    [
        "https://www.facebook.com/sharer/sharer.php?u=https://mein-blog.de/x",
        "https://twitter.com/intent/tweet?url=x",
        "https://x.com/intent/post?text=x",
        "https://www.linkedin.com/shareArticle?mini=true&url=x",
        "https://pinterest.com/pin/create/button/?url=x",
        "https://www.reddit.com/submit?url=x",
        "https://wa.me/?text=x",
        "https://api.whatsapp.com/send?text=x",
        "https://www.xing.com/spi/shares/new?url=x",
        "https://t.me/share/url?url=x",
        "https://mein-blog.de/2024/05/mein-beitrag/?share=twitter",
    ],
)
def test_share_urls(href):
    got = kinds(f'<article><p><a href="{href}">Teilen</a></p></article>')
    assert list(got.values()) == ["share"]


@pytest.mark.parametrize(
    "container", ["sharedaddy sd-sharing-enabled", "shariff", "addtoany_share_save_container", "social-share"]
)
def test_share_containers(container):
    got = kinds(f'<article><div class="{container}"><a href="https://anna.de/">Teilen</a></div></article>')
    assert got["https://anna.de/"] == "share"


@pytest.mark.parametrize(
    "href",
    [
        "https://www.instagram.com/anna/",
        "https://twitter.com/anna",
        "https://www.youtube.com/@anna",
        "https://www.linkedin.com/in/anna/",
        "https://www.xing.com/profile/Anna_B",
    ],
)
def test_social_profiles(href):
    assert kinds(f'<footer><a href="{href}">Profil</a></footer>')[href] == "social"


def test_rel_me_is_social():
    assert kinds('<a rel="me" href="https://chaos.social/@anna">Mastodon</a>')["https://chaos.social/@anna"] == "social"


COMMENT_MARKUP = [
    '<ol class="commentlist"><li class="comment"><div class="comment-author vcard">'
    '<cite class="fn"><a href="https://anna.de/" rel="external nofollow ugc" class="url">Anna</a></cite></div></li></ol>',
    '<div id="comments"><a class="url" rel="external" href="https://anna.de/">Anna</a></div>',
    '<div class="comments-area"><article class="comment"><footer><a href="https://anna.de/">Anna</a></footer></article></div>',
    '<div class="comments" id="comments"><div class="comment-block"><cite class="user"><a href="https://anna.de/">Anna</a></cite></div></div>',
    '<div class="comment"><span class="author"><a href="https://anna.de/">Anna</a></span></div>',
]


@pytest.mark.parametrize("body", COMMENT_MARKUP)
def test_comment_authors(body):
    assert kinds(body)["https://anna.de/"] == "comment"


def test_comment_form_links_are_nav():
    body = (
        '<div id="comments"><div id="respond" class="comment-respond"><form>'
        '<a href="https://gravatar.com/">Gravatar</a></form></div></div>'
    )
    assert kinds(body)["https://gravatar.com/"] == "nav"


NAV_MARKUP = [
    '<nav><a href="https://anna.de/">A</a></nav>',
    '<header class="site-header"><a href="https://anna.de/">A</a></header>',
    '<footer><a href="https://anna.de/">A</a></footer>',
    '<div role="navigation"><a href="https://anna.de/">A</a></div>',
    '<div class="menu-main-container"><ul class="menu"><li><a href="https://anna.de/">A</a></li></ul></div>',
    '<aside class="widget widget_text"><h3>Archiv</h3><a href="https://anna.de/">A</a></aside>',
    '<div class="pagination"><a href="https://anna.de/">2</a></div>',
    '<div class="tagcloud"><a href="https://anna.de/">SEO</a></div>',
    '<article><nav class="post-navigation"><a href="https://anna.de/">Weiter</a></nav></article>',
]


@pytest.mark.parametrize("body", NAV_MARKUP)
def test_nav_containers(body):
    assert kinds(body)["https://anna.de/"] == "nav"


def test_same_site_link_outside_content_is_nav():
    assert kinds('<div><a href="/kategorie/seo/">SEO</a></div>')["https://mein-blog.de/kategorie/seo/"] == "nav"


@pytest.mark.parametrize(
    "body",
    [
        '<article><p>Siehe <a href="https://anna.de/">Anna</a>.</p></article>',
        '<main><p><a href="https://anna.de/">Anna</a></p></main>',
        '<div class="entry-content"><p><a href="https://anna.de/">Anna</a></p></div>',
        '<div class="post-body entry-content"><a href="https://anna.de/">Anna</a></div>',
        '<div class="widget Blog"><div class="post-body"><a href="https://anna.de/">Anna</a></div></div>',
        '<div class="h-entry"><div class="e-content"><a href="https://anna.de/">Anna</a></div></div>',
        '<div><p><a href="https://anna.de/">Anna</a></p></div>',
    ],
)
def test_content_links(body):
    assert kinds(body)["https://anna.de/"] == "content"


def test_internal_link_in_content_is_content():
    got = kinds('<article><p><a href="/2024/04/anderer-beitrag/">früher</a></p></article>')
    assert got["https://mein-blog.de/2024/04/anderer-beitrag/"] == "content"


def test_link_fields_anchor_rel_and_canonical_url():
    html = (
        '<article><a href="HTTPS://Anna.DE:443/a b?utm_source=x&z=1#top" rel="Nofollow UGC">'
        "  Annas \n  Blog </a><a href='https://ben.de/'><img alt='Bens Logo' src='b.png'></a></article>"
    )
    links = extract_page(html, PAGE, main_text=False).links
    assert links[0] == Link("https://anna.de/a%20b?z=1", "content", "Annas Blog", "nofollow ugc")
    assert links[1].anchor == "Bens Logo"


def test_links_one_per_url_and_kind_in_document_order():
    html = (
        '<nav><a href="https://anna.de/">A</a></nav><article><a href="https://ben.de/">B</a>'
        '<a href="https://anna.de/">A</a><a href="https://anna.de/#x">A</a></article>'
    )
    got = [(link.url, link.kind) for link in extract_page(html, PAGE, main_text=False).links]
    assert got == [("https://anna.de/", "nav"), ("https://ben.de/", "content"), ("https://anna.de/", "content")]


@pytest.mark.parametrize(
    "href",
    [
        "mailto:anna@anna.de",
        "javascript:void(0)",
        "#top",
        "tel:+4930123",
        "ftp://files.anna.de/",
        "data:text/html,x",
        "",
    ],
)
def test_non_http_links_skipped(href):
    assert kinds(f'<article><a href="{href}">x</a></article>') == {}


def test_base_href_resolves_relative_links():
    got = kinds('<article><a href="seite.html">x</a></article>', head='<base href="https://cdn.anna.de/dir/">')
    assert "https://cdn.anna.de/dir/seite.html" in got


def test_anchor_is_capped():
    html = f'<article><a href="https://anna.de/">{"wort " * 100}</a></article>'
    assert len(extract_page(html, PAGE).links[0].anchor) <= 200


def test_every_kind_is_known():
    html = "".join(BLOGROLL_MARKUP + COMMENT_MARKUP + NAV_MARKUP)
    assert {link.kind for link in extract_page(html, PAGE, main_text=False).links} <= set(LINK_KINDS)


def test_empty_links():
    assert extract_page("<html><body><p>Kein Link</p></body></html>", PAGE).links == []
