"""A page's own date from any template, and page-builder blogs without feed or dates."""

from __future__ import annotations

import pytest
from lxml import html

from crawler.extract.page import extract_page
from crawler.extract.pagedate import headline_date, htmldate_date

POST_URL = "https://anna-berg.example/gartenjahr-im-rueckblick-teil-zwei"
HOME_URL = "https://anna-berg.example/"

# Each template puts the post's date somewhere else; a sidebar lists other posts with their
# dates, so only the date by the headline is the post's own.
SIDEBAR = (
    '<aside><h3>Neueste Beiträge</h3><ul><li><a href="/a-b-c">Frost</a> <span class="post-date">'
    '14. November 2026</span></li><li><a href="/d-e-f">Saat</a> <span class="post-date">2. Oktober 2026</span>'
    "</li></ul></aside>"
)
TEMPLATES = {
    "byline under the title": (
        '<div class="page"><h1>Gartenjahr im Rückblick</h1><p>von Anna Berg | 3. Dezember 2026</p>'
        "<p>Der Garten schläft.</p></div>"
    ),
    "wix-like post-meta div above the title": (
        '<div data-hook="post"><div class="post-metadata"><span>Anna Berg</span><span>·</span>'
        "<span>3. Dez. 2026</span></div><div><h1>Gartenjahr im Rückblick</h1></div><p>Text.</p></div>"
    ),
    "jimdo-like numeric date": (
        '<div class="j-module"><div class="j-header"><h1>Gartenjahr im Rückblick</h1></div>'
        '<div class="j-text"><p>03.12.2026</p></div></div>'
    ),
    "elementor widgets": (
        '<div class="elementor-widget elementor-widget-theme-post-title"><div class="elementor-widget-container">'
        '<h1 class="elementor-heading-title">Gartenjahr im Rückblick</h1></div></div>'
        '<div class="elementor-widget elementor-widget-post-info"><div class="elementor-widget-container">'
        '<ul class="elementor-inline-items"><li class="elementor-inline-item">Anna Berg</li>'
        '<li class="elementor-inline-item">3. Dezember 2026</li></ul></div></div>'
    ),
    "english month first": (
        "<article><header><h1>A garden year</h1><div>By Anna Berg, December 3, 2026</div></header></article>"
    ),
    "english day first": "<main><h1>A garden year</h1><small>3 Dec 2026 · 4 min read</small></main>",
}


@pytest.mark.parametrize("body", TEMPLATES.values(), ids=TEMPLATES.keys())
def test_published_read_by_the_headline_in_any_template(body):
    page = f'<html><head><meta name="generator" content="Site Builder"></head><body>{body}{SIDEBAR}</body></html>'
    info = extract_page(page, POST_URL, main_text=False)
    assert info.published == "2026-12-03"


@pytest.mark.parametrize("body", TEMPLATES.values(), ids=TEMPLATES.keys())
def test_headline_date_of_each_template(body):
    assert headline_date(html.fromstring(f"<html><body>{body}</body></html>"), lambda el: False) == "2026-12-03"


@pytest.mark.parametrize(
    "body",
    [
        "<h1>Eins</h1><p>3. Dezember 2026</p><h1>Zwei</h1>",  # which headline?
        "<h1>Gartenjahr</h1><p>© 2026 Anna Berg</p>",
        "<h1>Gartenjahr</h1><p>" + "Der Garten schläft. " * 12 + "Am 3. Dezember 2026 schneit es.</p>",
    ],
)
def test_headline_date_none(body):
    assert headline_date(html.fromstring(f"<html><body>{body}</body></html>"), lambda el: False) == ""


def test_empty_headline_date():
    assert headline_date(html.fromstring("<html><body></body></html>"), lambda el: False) == ""


COMMENTED_POST = (
    "<html><body><article><h1>Frühbeet bauen</h1><p>Ein Frühbeet braucht Licht.</p></article>"
    '<div id="comments" class="comments-area"><ol class="comment-list"><li><p>Toll!</p>'
    '<p>Antwort vom 24. Februar 2024 um 10:15</p><time datetime="2024-02-24">24.02.2024</time></li></ol></div>'
    "</body></html>"
)


def test_comment_dates_never_become_the_posts_date():
    info = extract_page(COMMENTED_POST, POST_URL, main_text=False)
    assert info.published != "2024-02-24"


def test_htmldate_fallback_reads_a_date_nothing_else_finds():
    page = (
        "<html><body><div><h2>Frühbeet bauen</h2><p>Ein Frühbeet braucht Licht.</p></div>"
        "<div><h1>Mehr</h1></div><div><h1>Noch mehr</h1></div>"
        "<footer><p>Stand: 14.05.2024</p></footer></body></html>"
    )
    assert extract_page(page, POST_URL, main_text=False).published == "2024-05-14"


def test_htmldate_date_ignores_removed_comment_sections():
    root = html.fromstring(COMMENTED_POST)
    comments = root.xpath("//div[@id='comments']")
    assert htmldate_date(root, comments) != "2024-02-24"
    assert not root.xpath("//div[@id='comments']")


def test_empty_htmldate_date():
    assert htmldate_date(html.fromstring("<html><body><p>x</p></body></html>"), []) == ""


def test_home_page_has_no_date_of_its_own():
    info = extract_page(f"<html><body><h1>Annas Garten</h1><p>3. Dezember 2026</p>{SIDEBAR}</body></html>", HOME_URL)
    assert info.published == "" and info.page_kind == "home"


# A home page of teasers: title links and "weiterlesen" links to post-shaped URLs, no feed.
def _teaser(slug: str, title: str, meta: str, template: str) -> str:
    if template == "jimdo":
        return (
            f'<div class="j-blog-post"><h2 class="j-blog-headline"><a href="/{slug}">{title}</a></h2>'
            f'<div class="j-blog-meta">{meta}</div><p>Anriss.</p><a href="/{slug}">Weiterlesen »</a></div>'
        )
    if template == "elementor":
        return (
            f'<article class="elementor-post"><h3 class="elementor-post__title"><a href="/{slug}">{title}</a></h3>'
            f'<div class="elementor-post__meta-data">{meta}</div>'
            f'<a class="elementor-post__read-more" href="/{slug}">Weiterlesen »</a></article>'
        )
    return (  # wix-like: nothing but divs and spans
        f'<div><div><span>{meta}</span></div><div><a href="/post/{slug}"><span>{title}</span></a></div>'
        f'<a href="/post/{slug}"><span>Read more</span></a></div>'
    )


POSTS = [
    ("gartenjahr-im-rueckblick-teil-zwei", "Gartenjahr im Rückblick", "von Anna Berg | 3. Dezember 2026"),
    ("tomaten-richtig-ueberwintern-lassen", "Tomaten überwintern", "von Anna Berg | 14. November 2026"),
    ("warum-ich-keinen-rasen-mehr-habe", "Kein Rasen mehr", "von Anna Berg | 2. Oktober 2026"),
]


def _home(template: str, with_dates: bool) -> str:
    posts = "".join(
        _teaser(slug, title, meta if with_dates else "von Anna Berg", template) for slug, title, meta in POSTS
    )
    nav = '<nav><a href="/ueber-mich">Über mich</a> <a href="/impressum">Impressum</a></nav>'
    return f"<html><head><title>Annas Garten</title></head><body>{nav}<h1>Annas Garten</h1>{posts}</body></html>"


@pytest.mark.parametrize("template", ["jimdo", "elementor", "wix"])
def test_page_builder_blog_without_feed_or_dates_is_a_blog_of_unknown_activity(template):
    info = extract_page(_home(template, with_dates=False), HOME_URL, main_text=False)
    assert info.is_blog, info.blog_reason
    assert "3 linked posts" in info.blog_reason and "activity unknown" in info.blog_reason


@pytest.mark.parametrize("template", ["jimdo", "elementor"])
def test_page_builder_blog_with_dates_in_post_meta(template):
    info = extract_page(_home(template, with_dates=True), HOME_URL, main_text=False)
    assert info.is_blog and "dates in text" in info.blog_reason
    assert info.post_dates == ["2026-12-03", "2026-11-14", "2026-10-02"]


@pytest.mark.parametrize(
    "body",
    [
        # a company: service cards, "mehr erfahren"
        "".join(
            f'<div class="card"><h3><a href="/leistungen/{s}">{s}</a></h3><a href="/leistungen/{s}">Mehr erfahren</a></div>'
            for s in ("seo", "webdesign", "beratung")
        ),
        # a shop: product teasers with "weiterlesen"
        '<button class="add-to-cart">In den Warenkorb</button>'
        + "".join(f'<a href="/produkt/{s}-aus-holz">Weiterlesen</a>' for s in ("tisch", "stuhl", "bank")),
        # two posts are no list of posts
        "".join(f'<a href="/{slug}">Weiterlesen</a>' for slug, _, _ in POSTS[:2]),
    ],
    ids=["company", "shop", "two-teasers"],
)
def test_not_a_blog_without_a_list_of_posts(body):
    info = extract_page(f"<html><body><h1>Willkommen</h1>{body}</body></html>", HOME_URL, main_text=False)
    assert not info.is_blog, info.blog_reason
