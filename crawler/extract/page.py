"""Pure page extraction: given ``(html, url)`` return links with kinds, feeds, contacts, blog signals.

Nothing here fetches. The page is decoded and parsed once with lxml; every extractor reuses
that tree. Bad input never raises: it yields an empty `PageInfo` and a DEBUG log line.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

from lxml import html

from crawler.extract.addresses import is_private_address
from crawler.extract.contacts import decode_cfemail, email_from_mailto, emails_in_text, unique
from crawler.extract.cooperation import cooperation_urls
from crawler.extract.feeds import FeedEntry, FeedInfo, OpmlEntry, is_comment_feed, order_feeds, parse_feed, parse_opml
from crawler.extract.headings import is_blogroll_heading, page_role
from crawler.extract.htmltree import decode_html, parse_html, visible_text
from crawler.extract.links import COMMENT, LINK_KINDS, DomContext, FoundLink, Link, iter_links
from crawler.extract.maintext import main_text as extract_main_text
from crawler.extract.meta import PageMeta, read_meta
from crawler.extract.pagedate import headline_date, htmldate_date
from crawler.extract.people import contact_names
from crawler.extract.seeds import parse_seed_text
from crawler.extract.selling import link_selling
from crawler.extract.signals import (
    Evidence,
    blog_verdict,
    collect_evidence,
    detect_generator,
    element_dates,
    is_dated_path,
    iso_date,
    newest_first,
    path_date,
    text_dates,
)
from crawler.extract.urls import Platforms, canonical_url, host_of, site_key
from scoring.language import guess_language

log = logging.getLogger(__name__)

__all__ = [
    "LINK_KINDS",
    "Link",
    "PageInfo",
    "extract_page",
    "FeedEntry",
    "FeedInfo",
    "parse_feed",
    "OpmlEntry",
    "parse_opml",
    "parse_seed_text",
]

MAX_VISIBLE_TEXT = 300_000
MAX_TRAFILATURA_CHARS = 1_000_000  # bigger pages get the cheap main-text extractor
_HOME_PATHS = frozenset(("/", "", "/index.html", "/index.php", "/index.htm", "/blog/", "/blog", "/de/", "/en/"))


@dataclass
class PageInfo:
    """Everything the crawler keeps from one HTML page."""

    url: str
    title: str = ""
    description: str = ""
    language: str = ""
    generator: str = ""
    feeds: list[str] = field(default_factory=list)
    opml_urls: list[str] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    # links to loopback/private/metadata addresses, one per spelling on the page (absolute, as
    # written): URL normalisation may fold two spellings into one link of `links`
    private_links: list[str] = field(default_factory=list)
    blogroll_urls: list[str] = field(default_factory=list)
    about_urls: list[str] = field(default_factory=list)
    contact_urls: list[str] = field(default_factory=list)
    impressum_urls: list[str] = field(default_factory=list)
    post_urls: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    social: list[str] = field(default_factory=list)
    contact_names: list[str] = field(default_factory=list)  # the person behind the blog, best first
    cooperation_urls: list[str] = field(default_factory=list)  # pages for cooperations, best first
    sells_links: str = ""  # why the page sells links ('' when it does not: `crawler.extract.selling`)
    published: str = ""
    post_dates: list[str] = field(default_factory=list)
    is_blog: bool = False
    blog_reason: str = ""
    text: str = ""
    page_kind: str = "other"


@lru_cache(maxsize=1)
def _bundled_platforms() -> Platforms:
    """The bundled platform list, loaded on first use."""
    return Platforms.load()


def extract_page(
    html_doc: bytes | str,
    url: str,
    *,
    encoding: str | None = None,
    main_text: bool = True,
    platforms: Platforms | None = None,
) -> PageInfo:
    """Extract links (with kinds), feeds, contacts, language, dates and the blog verdict of a page.

    `encoding` is the HTTP charset hint for bytes; `main_text=False` swaps trafilatura for a
    cheaper text extractor. Never raises on bad markup: returns an empty PageInfo instead.
    """
    page_url = canonical_url(url) or url
    info = PageInfo(url=page_url)
    if html_doc is None:
        log.debug("empty page %s", url)
        return info
    text = decode_html(html_doc, encoding)
    root = parse_html(text)
    if root is None or _is_blank(root, text):
        log.debug("no HTML content at %s", url)
        return info
    _fill(info, root, text, platforms or _bundled_platforms(), main_text)
    return info


def _is_blank(root: html.HtmlElement, text: str) -> bool:
    """A tiny document without text or attributes ("<", "<html>", a lone comment)."""
    if len(text) > 512 or any(el.attrib for el in root.iter()):
        return False
    return len(" ".join(root.text_content().split())) < 2


def _fill(info: PageInfo, root: html.HtmlElement, raw: str, platforms: Platforms, want_main_text: bool) -> None:
    """Run every extractor over the parsed tree and store the results in `info`."""
    meta = read_meta(root, info.url)
    path = urlsplit(info.url).path
    host = host_of(info.url)
    headline = _headline(root, meta)
    blogroll_page = is_blogroll_heading(headline) or is_blogroll_heading(meta.title.split(" - ")[0].split(" | ")[0])
    context = DomContext()
    found = list(iter_links(root, info.url, platforms, blogroll_page=blogroll_page, context=context))
    info.title = meta.title or meta.og_title
    info.description = meta.description
    info.feeds = order_feeds(meta.feeds)
    opml_links = [
        f.link.url
        for f in found
        if ".opml" in f.link.url.lower() and urlsplit(f.link.url).path.lower().endswith(".opml")
    ]
    info.opml_urls = unique(meta.opml_urls + opml_links)
    info.links = unique_links(found) + _canonical_elsewhere(root, info.url)
    info.private_links = unique([urljoin(info.url, f.href) for f in found if _is_private_link(f.link.url)])
    _fill_site_pages(info, found)
    info.social = unique([f.link.url for f in found if f.link.kind == "social"])
    visible = visible_text(root, MAX_VISIBLE_TEXT)
    info.emails = _emails(root, raw, visible)
    info.contact_names = contact_names(root, visible)
    same_site = [(f.link.url, f.link.anchor) for f in found if f.internal and f.link.kind not in ("share", "social")]
    info.cooperation_urls = cooperation_urls(same_site, info.url, headline)
    info.language = meta.language or guess_language(visible)
    raw_lower = raw.lower()
    info.generator = detect_generator(meta.generators, raw, host)
    from_text, own_date = _fill_dates(info, root, meta, context, path)
    evidence = collect_evidence(raw, raw_lower, path, host)
    evidence.feed = any(not is_comment_feed(u) for u in info.feeds)
    evidence.generator = info.generator
    evidence.og_article = meta.og_type == "article"
    dated_paths = sum(1 for u in info.post_urls if is_dated_path(urlsplit(u).path))
    evidence.dated_posts = max(0 if from_text else len(info.post_dates), dated_paths)
    evidence.text_dates = len(info.post_dates) if from_text else 0
    evidence.teasers = _teasers(found, info.url)
    info.is_blog, info.blog_reason = blog_verdict(evidence)
    use_trafilatura = want_main_text and len(raw) <= MAX_TRAFILATURA_CHARS
    info.text = extract_main_text(root, info.url, use_trafilatura=use_trafilatura, source=raw)
    info.sells_links = link_selling(info.text)
    home = path in _HOME_PATHS and not urlsplit(info.url).query
    if home:  # a home page lists posts: their dates are post_dates, it has none of its own
        info.published = ""
    elif not own_date:  # last: takes the comment sections out of the tree
        info.published = htmldate_date(root, _comment_sections(root, context))
    info.page_kind = _page_kind(info, path, headline, blogroll_page, evidence, own_date)


def _canonical_elsewhere(root: html.HtmlElement, page_url: str) -> list[Link]:
    """A `source` link when the page's ``<link rel="canonical">`` names a page of another site."""
    for el in root.iterfind(".//head/link[@rel]"):
        if "canonical" in el.get("rel", "").lower().split():
            href = canonical_url(urljoin(page_url, (el.get("href") or "").strip()))
            if href and site_key(href) and site_key(href) != site_key(page_url):
                return [Link(href, "source", "", "canonical")]
            return []
    return []


def unique_links(found: list[FoundLink]) -> list[Link]:
    """Links without repeats of (url, kind), first occurrence kept."""
    seen: set[tuple[str, str]] = set()
    out = []
    for item in found:
        key = (item.link.url, item.link.kind)
        if key not in seen:
            seen.add(key)
            out.append(item.link)
    return out


@lru_cache(maxsize=4096)
def _is_private_host(host: str) -> bool:
    return is_private_address(host)


def _is_private_link(url: str) -> bool:
    """True when a canonical link points at a loopback, private or metadata address."""
    return _is_private_host(host_of(url))


def _fill_site_pages(info: PageInfo, found: list[FoundLink]) -> None:
    """Same-site links to blogroll, about, contact and Impressum pages, and to posts."""
    roles: dict[str, list[str]] = {"blogroll": [], "about": [], "contact": [], "impressum": []}
    posts = []
    for item in found:
        if not item.internal or item.link.kind in ("share", "social"):
            continue
        url = item.link.url
        parts = urlsplit(url)
        path = parts.path
        role = page_role(item.link.anchor, path)
        if role:
            roles[role].append(url)
        elif url != info.url and _looks_like_post(parts.query, path) and (item.post_title or is_dated_path(path)):
            posts.append(url)
    info.blogroll_urls = unique(roles["blogroll"])
    info.about_urls = unique(roles["about"])
    info.contact_urls = unique(roles["contact"])
    info.impressum_urls = unique(roles["impressum"])
    info.post_urls = unique(posts)


_READ_MORE_RE = re.compile(
    r"(?:weiterlesen|mehr lesen|read more|continue reading|keep reading|zum (?:beitrag|artikel)|"
    r"(?:beitrag|artikel) lesen)\b",
    re.I,
)


def _teasers(found: list[FoundLink], page_url: str) -> int:
    """Distinct same-site posts the page links by a post title or a "weiterlesen" link."""
    posts = set()
    for item in found:
        url = item.link.url
        parts = urlsplit(url)
        if not item.internal or item.link.kind in ("share", "social", "comment") or url == page_url:
            continue
        if parts.path in _HOME_PATHS:
            continue
        if not _looks_like_post(parts.query, parts.path) or page_role(item.link.anchor, parts.path):
            continue
        if item.post_title or _READ_MORE_RE.match(item.link.anchor.lstrip(" »›→>")):
            posts.add(url)
    return len(posts)


def _looks_like_post(query: str, path: str) -> bool:
    """Permalink shape: no query (except ``?p=``), not a feed, AMP or attachment URL."""
    if query and not query.startswith("p="):
        return False
    path = path.rstrip("/")
    return (
        not path.endswith(("/feed", "/amp", "/trackback", "/embed"))
        and "/attachment/" not in path
        and "/comment-page-" not in path
    )


def _headline(root: html.HtmlElement, meta: PageMeta) -> str:
    """The page's own heading: the first h1, else the og:title."""
    h1 = root.find(".//h1")
    text = " ".join(h1.text_content().split()) if h1 is not None else ""
    return text or meta.og_title


def _emails(root: html.HtmlElement, raw: str, visible: str) -> list[str]:
    """Addresses from mailto links, Cloudflare-protected spans and the visible text."""
    found = []
    if "mailto:" in raw.lower():
        for a in root.xpath("//a[starts-with(translate(normalize-space(@href), 'MAILTO', 'mailto'), 'mailto:')]"):
            href = a.get("href", "").strip()
            if "?" not in href or "@" in href.split("?", 1)[0]:
                email = email_from_mailto(href)
                if email:
                    found.append(email)
    if "data-cfemail" in raw or "email-protection#" in raw:
        for el in root.xpath("//*[@data-cfemail] | //a[contains(@href, 'email-protection#')]"):
            encoded = el.get("data-cfemail") or el.get("href", "").rsplit("#", 1)[-1]
            email = decode_cfemail(encoded)
            if email:
                found.append(email)
    found.extend(emails_in_text(visible))
    return unique(found)


def _fill_dates(
    info: PageInfo, root: html.HtmlElement, meta: PageMeta, context: DomContext, path: str
) -> tuple[bool, bool]:
    """Dates of posts on the page (newest first) and the page's own publication date.

    Own date: the permalink's, else the meta tags', else the one date in the markup, else the
    date written by the headline. Dates written only as text (see `text_dates`) are read when
    the markup has none. Returns (dates came from text, an own date was found).
    """
    own = [d for d in (iso_date(v) for v in meta.dates) if d]
    in_comment = lambda el: bool(context.of(el)[0] & COMMENT)  # noqa: E731
    in_markup = element_dates(root, skip=in_comment)
    from_text = not in_markup and not own
    if from_text:
        in_markup = text_dates(root, skip=in_comment)
    info.post_dates = newest_first(own + in_markup)
    month, full = path_date(path)
    if full:  # the permalink date is local time; meta dates are often UTC
        info.published = full
    elif own:
        info.published = own[0]
    elif month:
        info.published = next((d for d in in_markup if d.startswith(month)), "")
    elif len(set(in_markup)) == 1:
        info.published = in_markup[0]
    info.published = info.published or headline_date(root, in_comment)
    return from_text and bool(in_markup), bool(info.published)


def _comment_sections(root: html.HtmlElement, context: DomContext) -> list[html.HtmlElement]:
    """The outermost elements marked as comments (lists, threads, Disqus)."""
    found = []
    for el in root.xpath("//*[@class or @id]"):
        if context.of(el)[0] & COMMENT and not context.of(el.getparent())[0] & COMMENT:
            found.append(el)
    return found


def _page_kind(info: PageInfo, path: str, headline: str, blogroll_page: bool, ev: Evidence, own_date: bool) -> str:
    """Guess: home | blogroll | about | contact | impressum | post | other.

    A post has a date and post markup, a dated permalink, or blog software and a date of its own.
    """
    if path in _HOME_PATHS and not urlsplit(info.url).query:
        return "home"
    role = page_role(headline or info.title, path)
    if blogroll_page:
        return "blogroll"
    if role:
        return role
    markup = ev.og_article or ev.post_schema or ev.hentry or is_dated_path(path)
    if info.published and (markup or (ev.generator and own_date)):
        return "post"
    return "other"
