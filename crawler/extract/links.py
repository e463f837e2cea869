"""Classify every link of a page by its DOM context: blogroll, comment, nav, content, ..."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urljoin

from lxml import html

from crawler.extract.headings import is_blogroll_heading
from crawler.extract.urls import Platforms, canonical_url, host_of, is_path_site_host, site_key, site_key_of_host

LINK_KINDS = ("blogroll", "opml", "content", "comment", "nav", "social", "share", "source")
# A link naming where a republished post first appeared ("Dieser Beitrag erschien zuerst auf …",
# "Originally published on …"); also `<link rel="canonical">` to another site (`crawler.extract.page`).
_SOURCE_RE = re.compile(
    r"erschien(?:en)? (?:zuerst|ursprünglich|erstmals)|(?:zuerst|ursprünglich|erstmals) erschienen|"
    r"originalbeitrag|originalartikel|im original|originally (?:published|posted|appeared)|"
    r"first (?:published|appeared|posted)|original (?:post|article)|republished (?:from|with)",
    re.IGNORECASE,
)
_SOURCE_CONTEXT = 400  # characters of the link's surrounding block read for those words
MAX_ANCHOR = 200

XFN_RELS = frozenset(
    "friend acquaintance contact met co-worker colleague sweetheart muse crush date kin child "
    "parent sibling spouse neighbor co-resident".split()
)

_SHARE_URL_RE = re.compile(
    r"^https?://(?:[a-z0-9-]+\.)*(?:"
    r"facebook\.com/(?:sharer|share\.php|dialog/(?:share|feed))|twitter\.com/(?:intent|share|home\?status)|"
    r"x\.com/(?:intent|share)|linkedin\.com/(?:share|sharearticle|cws/share)|pinterest\.[a-z.]+/pin/create|"
    r"reddit\.com/submit|wa\.me/\?|api\.whatsapp\.com/send|web\.whatsapp\.com/send|whatsapp\.com/send|"
    r"xing\.com/(?:spi/shares|social_plugins/share|social/share|app/user\?op=share)|t\.me/share|"
    r"telegram\.me/share|tumblr\.com/(?:share|widgets/share)|plus\.google\.com/share|"
    r"getpocket\.com/(?:save|edit)|flipboard\.com/bookmarklet|bsky\.app/intent|threads\.net/intent|"
    r"buffer\.com/add|bufferapp\.com/add|vk\.com/share|digg\.com/submit|news\.ycombinator\.com/submitlink|"
    r"mix\.com/add|addtoany\.com/(?:share|add_to)|addthis\.com/bookmark|wordpress\.com/press-this|"
    r"mastodonshare\.com|toot\.kytta\.dev|s2f\.kytta\.dev)",
    re.I,
)
_SHARE_PARAM_RE = re.compile(r"[?&](?:share|shared)=[a-z]", re.I)
_SHARE_CLASS_RE = re.compile(r"shar(?:e|ing|iff)|addtoany|a2a_|addthis|sociable|social-buttons")

_NAV_TAGS = frozenset(("nav", "header", "footer", "aside", "menu"))
_NAV_ROLES = frozenset(("navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "search"))
_NAV_TOKEN_RE = re.compile(
    r"(?:^|[-_])(?:nav|navbar|navigation|menu|menus|sidebar|sidebars|secondary|widget|widgets|widget-area|"
    r"footer|header|masthead|breadcrumb|breadcrumbs|pagination|pager|page-numbers|tagcloud|tag-cloud|tags|"
    r"skip-link|cookie|related|jp-relatedposts|postmeta|post-meta|entry-meta|categories|archives)(?:[-_]|$)"
)
_MAIN_TAGS = frozenset(("article", "main"))
_MAIN_TOKENS = frozenset(
    """entry-content entry post-body post-content e-content entry-body article-body article-content
    articlebody post-entry postcontent post-text single-content story-body td-post-content blog-post
    hentry h-entry post single-post""".split()
)
_COMMENT_TOKEN_RE = re.compile(
    r"^(?:comments?|commentlist|comment-list|comments-area|comment-\w[\w-]*|"
    r"comments-\w[\w-]*|disqus_thread|discussion)\Z"
)
_FORM_TOKENS = frozenset("respond comment-respond comment-notes comments-link comment-subscription-form".split())
_BLOGROLL_TOKENS = frozenset(
    """blogroll linkcat widget_links widget_blogroll bloglist blog-list linklist link-list
    links-list blogroll-widget widget_link_list""".split()
)
_CONTAINER_TAGS = frozenset(("ul", "ol", "div", "section", "aside", "li", "nav", "dl", "table", "p"))
_HEADING_TAGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))

SHARE, BLOGROLL, COMMENT, FORM = 1, 2, 4, 8
NAV, MAIN = "nav", "main"


def resolve(base: str, href: str) -> str | None:
    """Canonical absolute URL of `href` on a page at `base` (cached: nav links repeat).

    An absolute href is cached on its own, so the same link on every page of a site (and on
    every other site) is canonicalised once.
    """
    if href[:8].lower().startswith(("http://", "https://")):
        url = _canonical(href)
        if url is not None:
            return url
    return _resolve_relative(base, href)


@lru_cache(maxsize=65536)
def _canonical(url: str) -> str | None:
    try:
        return canonical_url(url)
    except ValueError:
        return None


@lru_cache(maxsize=65536)
def _resolve_relative(base: str, href: str) -> str | None:
    try:
        return canonical_url(urljoin(base, href))
    except ValueError:
        return None


@dataclass(frozen=True)
class Link:
    """One outgoing link of a page."""

    url: str
    kind: str
    anchor: str
    rel: str = ""


@dataclass
class FoundLink:
    """A classified link plus what the page summary needs to know about it."""

    link: Link
    internal: bool
    post_title: bool
    href: str = ""  # as written on the page


def collapse(text: str, limit: int = MAX_ANCHOR) -> str:
    """Whitespace collapsed to single spaces, cut to `limit` characters."""
    return " ".join(text.split())[:limit]


def heading_text(el: html.HtmlElement) -> str:
    """Text of `el` when it is heading-like (h1-h6, widget title, bold label), else ''."""
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    if tag in _HEADING_TAGS or tag in ("strong", "b", "legend", "caption", "dt"):
        return el.text_content()
    cls = el.attrib.get("class", "").lower()
    if "title" in cls or "heading" in cls:
        return el.text_content()[:200]
    if tag == "p" and len(el) == 1 and el[0].tag in ("strong", "b") and not (el.text or "").strip():
        return el.text_content()
    return ""


def _has_blogroll_heading(el: html.HtmlElement) -> bool:
    """A container introduced by a blogroll heading: before it, as its first child, or aria-label."""
    label = el.attrib.get("aria-label")
    if label and is_blogroll_heading(label):
        return True
    prev = el.getprevious()
    while prev is not None and not isinstance(prev.tag, str):
        prev = prev.getprevious()
    if prev is not None and is_blogroll_heading(heading_text(prev)):
        return True
    if len(el) and el.tag != "p":
        first = el[0]
        if first.tag == "li" and len(first) == 1:  # <ul><li><h2>Blogs</h2></li><li><a ...
            first = first[0]
        if isinstance(first.tag, str) and first.tag not in ("a", "li"):
            return is_blogroll_heading(heading_text(first))
    return False


def own_marks(el: html.HtmlElement) -> tuple[int, str | None]:
    """Sticky flags (share/blogroll/comment) and nav/main marker of one element by itself."""
    tag = el.tag
    attrs = el.attrib
    flags, where = _attribute_marks(
        tag, attrs.get("class", ""), attrs.get("id", ""), attrs.get("role"), attrs.get("itemprop")
    )
    if not flags & BLOGROLL and tag in _CONTAINER_TAGS and _has_blogroll_heading(el):
        flags |= BLOGROLL
    return flags, where


@lru_cache(maxsize=8192)
def _attribute_marks(tag: str, cls: str, id_: str, role: str | None, itemprop: str | None) -> tuple[int, str | None]:
    """The part of `own_marks` that depends only on the element's tag and attributes (cached:
    a site's pages repeat their classes)."""
    tokens = (cls + " " + id_).lower().split()
    flags = 0
    low = cls.lower()
    if low and _SHARE_CLASS_RE.search(low):
        flags |= SHARE
    if any(t in _BLOGROLL_TOKENS or t.startswith("linkcat") for t in tokens) or (
        "widget" in tokens and "bloglist" in tokens
    ):
        flags |= BLOGROLL
    if tag == "form" or any(t in _FORM_TOKENS or t.startswith(("comment-form", "comment-reply")) for t in tokens):
        flags |= FORM
    elif any(_COMMENT_TOKEN_RE.match(t) for t in tokens):
        flags |= COMMENT
    return flags, _nav_or_main(tag, tokens, role, itemprop)


def _nav_or_main(tag: str, tokens: list[str], role: str | None, itemprop: str | None) -> str | None:
    if tag in _MAIN_TAGS or role == "main" or itemprop in ("articleBody", "blogPost"):
        return MAIN
    if any(t in _MAIN_TOKENS for t in tokens) or ("widget" in tokens and "blog" in tokens):
        return MAIN
    if tag in _NAV_TAGS or role in _NAV_ROLES:
        return NAV
    if any(
        _NAV_TOKEN_RE.search(t) for t in tokens if not t.startswith("elementor-")
    ):  # page builders: widgets everywhere
        return NAV
    return None


class DomContext:
    """Memoised DOM context of elements: flags inherited from all ancestors, nearest nav/main."""

    def __init__(self) -> None:
        self.cache: dict[html.HtmlElement, tuple[int, str | None]] = {}

    def of(self, el: html.HtmlElement | None) -> tuple[int, str | None]:
        chain = []
        while el is not None and el not in self.cache:
            if el.tag in ("body", "html"):
                self.cache[el] = (0, None)
                break
            chain.append(el)
            el = el.getparent()
        flags, where = self.cache.get(el, (0, None)) if el is not None else (0, None)
        for node in reversed(chain):
            own_flags, own_where = own_marks(node) if isinstance(node.tag, str) else (0, None)
            flags |= own_flags
            where = own_where or where
            self.cache[node] = (flags, where)
        return flags, where


def anchor_text(a: html.HtmlElement) -> str:
    """Visible text of a link, else its image alt/title, else its title or aria-label."""
    text = collapse(a.text_content())
    if text:
        return text
    for img in a.iter("img"):
        text = collapse(img.get("alt") or img.get("title") or "")
        if text:
            return text
    return collapse(a.get("title") or a.get("aria-label") or "")


def _in_post_title(a: html.HtmlElement, where: str | None) -> bool:
    """Link inside a heading or a title element close above it (post titles in lists)."""
    el = a.getparent()
    for _ in range(3):
        if el is None:
            return False
        tag = el.tag
        if tag in ("h1", "h2", "h3") and where == MAIN:
            return True
        cls = el.attrib.get("class", "")
        if "entry-title" in cls or "post-title" in cls or "p-name" in cls:
            return True
        el = el.getparent()
    return False


def link_kind(
    url: str, flags: int, where: str | None, internal: bool, rel: set[str], is_social: bool, blogroll_page: bool
) -> str:
    """Kind of one link; first matching rule wins (share, social, blogroll, comment, nav, content).

    Owner profiles (``rel="me"``) count as social; links in comment reply forms and admin
    edit links are navigation.
    """
    if flags & SHARE or _SHARE_URL_RE.match(url) or (internal and _SHARE_PARAM_RE.search(url)):
        return "share"
    if is_social or ("me" in rel and not internal):
        return "social"
    if flags & FORM or "quickedit" in rel:
        return "nav"
    if not internal and (flags & BLOGROLL or rel & XFN_RELS):
        return "blogroll"
    if flags & COMMENT:
        return "nav" if internal else "comment"
    if where == NAV or (internal and where != MAIN):
        return "nav"
    if blogroll_page and not internal:
        return "blogroll"
    return "content"


def iter_links(
    root: html.HtmlElement,
    page_url: str,
    platforms: Platforms,
    *,
    blogroll_page: bool = False,
    context: DomContext | None = None,
):
    """Yield a FoundLink for every http(s) `<a href>` of the page, in document order."""
    base = _base_url(root, page_url)
    page_site = site_key(page_url)
    context = context or DomContext()
    social: dict[str, bool] = {}
    for a in root.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:", "tel:", "data:")):
            continue
        url = resolve(base, href)
        if url is None:
            continue
        flags, where = context.of(a.getparent())
        rel_tokens = list(dict.fromkeys((a.get("rel") or "").lower().split()))
        rel = set(rel_tokens)
        if "quickedit" in (a.get("class") or ""):
            rel.add("quickedit")  # Blogger widget edit buttons
        host = _host(url)
        path_site = is_path_site_host(host) is not None and "/" in site_key(url)  # medium.com/@anna
        internal = (site_key(url) if path_site else site_key_of_host(host)) == page_site
        if host not in social:
            social[host] = platforms.is_social(host)
        kind = link_kind(url, flags, where, internal, rel, social[host] and not path_site, blogroll_page)
        if kind in ("content", "nav") and not internal and _names_its_source(a):
            kind = "source"
        link = Link(url, kind, anchor_text(a), " ".join(rel_tokens))
        yield FoundLink(link, internal, internal and ("bookmark" in rel or _in_post_title(a, where)), href)


_INLINE = frozenset({"span", "em", "i", "b", "strong", "small", "cite", "mark", "u", "sup", "sub"})


def _names_its_source(a: html.HtmlElement) -> bool:
    """True when the text of the link's own block (paragraph, line) says the post first appeared there."""
    block = a.getparent()
    while block is not None and block.tag in _INLINE:
        block = block.getparent()
    if block is None:
        return False
    text = block.text_content()
    return len(text) <= _SOURCE_CONTEXT and bool(_SOURCE_RE.search(text))


@lru_cache(maxsize=65536)
def _host(url: str) -> str:
    """Host of a canonical URL (cached)."""
    return host_of(url)


def _base_url(root: html.HtmlElement, page_url: str) -> str:
    """The `<base href>` of the page when it is an absolute http(s) URL, else the page URL."""
    base = root.find("head/base")
    href = (base.get("href") or "").strip() if base is not None else ""
    return href if href.startswith(("http://", "https://")) else page_url
