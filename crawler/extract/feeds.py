"""RSS/Atom feeds and OPML outlines: parsing that tolerates broken input and never raises."""

from __future__ import annotations

import html as html_lib
import logging
import re
import time
from dataclasses import dataclass, field

import feedparser
from lxml import etree

from crawler.extract.urls import join_url

log = logging.getLogger(__name__)

FEED_TYPES = frozenset(
    (
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/feed+json",
        "application/xml",
        "text/xml",
    )
)
_COMMENT_FEED_RE = re.compile(r"comment|kommentar", re.I)
_OUTLINE_ATTR_RE = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_OUTLINE_RE = re.compile(r"<outline\b([^>]*)>", re.I)


@dataclass
class FeedEntry:
    """One item of a feed."""

    url: str
    title: str
    published: str  # ISO date (YYYY-MM-DD) or ""


@dataclass
class FeedInfo:
    """Title, home page and entries (newest first) of a feed."""

    title: str = ""
    site_url: str = ""
    entries: list[FeedEntry] = field(default_factory=list)


@dataclass
class OpmlEntry:
    """One subscription of an OPML file."""

    title: str
    html_url: str
    xml_url: str


def is_comment_feed(url: str, title: str = "") -> bool:
    """True for comment feeds (``/comments/feed/``, "Kommentar-Feed")."""
    return bool(_COMMENT_FEED_RE.search(url) or _COMMENT_FEED_RE.search(title))


def order_feeds(feeds: list[tuple[str, str]]) -> list[str]:
    """Feed URLs without repeats, post feeds first and comment feeds last."""
    posts = [url for url, title in feeds if not is_comment_feed(url, title)]
    comments = [url for url, title in feeds if is_comment_feed(url, title)]
    return list(dict.fromkeys(posts + comments))


def _iso(struct: time.struct_time | None) -> str:
    if not struct:
        return ""
    try:
        return time.strftime("%Y-%m-%d", struct)
    except (TypeError, ValueError):
        return ""


def parse_feed(body: bytes, url: str) -> FeedInfo:
    """Parse an RSS 0.9x/1.0/2.0 or Atom feed; empty FeedInfo on anything unreadable.

    Always hands feedparser bytes (a ``str`` could be taken for a URL and fetched).
    """
    if isinstance(body, str):
        body = body.encode("utf-8")
    if not body or not body.strip():
        return FeedInfo()
    try:
        parsed = feedparser.parse(
            body, response_headers={"content-location": url}, sanitize_html=False, resolve_relative_uris=False
        )
    except Exception as err:
        log.debug("feed %s unreadable: %s", url, err)
        return FeedInfo()
    feed = parsed.get("feed", {})
    site = join_url(url, feed.get("link", "") or "") or ""
    entries = [_entry(item, url) for item in parsed.get("entries", [])]
    entries = [e for e in entries if e.url]
    entries.sort(key=lambda e: e.published, reverse=True)  # stable: undated keep feed order, last
    return FeedInfo(title=" ".join((feed.get("title") or "").split()), site_url=site, entries=entries)


def _entry(item: dict, feed_url: str) -> FeedEntry:
    link = item.get("link") or ""
    if not link:
        for candidate in item.get("links", []):
            if candidate.get("rel", "alternate") == "alternate" and candidate.get("href"):
                link = candidate["href"]
                break
    url = join_url(feed_url, link) if link else None
    published = _iso(item.get("published_parsed") or item.get("updated_parsed") or item.get("created_parsed"))
    return FeedEntry(url=url or "", title=" ".join((item.get("title") or "").split()), published=published)


def parse_opml(body: bytes | str) -> list[OpmlEntry]:
    """Every outline with an ``htmlUrl`` or ``xmlUrl``, nested or not, in file order; never raises."""
    if isinstance(body, str):
        body = body.encode("utf-8")
    if not body or not body.strip():
        return []
    attrs_list = _outline_attrs_xml(body)
    if attrs_list is None:
        attrs_list = _outline_attrs_regex(body.decode("utf-8", errors="replace"))
    entries = []
    for attrs in attrs_list:
        low = {k.lower(): (v or "").strip() for k, v in attrs.items()}
        html_url, xml_url = low.get("htmlurl", ""), low.get("xmlurl", "") or low.get("url", "")
        if html_url or xml_url:
            title = " ".join((low.get("title") or low.get("text") or "").split())
            entries.append(OpmlEntry(title=title, html_url=html_url, xml_url=xml_url))
    return entries


def _outline_attrs_xml(body: bytes) -> list[dict[str, str]] | None:
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(body, parser=parser)
    except (etree.XMLSyntaxError, ValueError) as err:
        log.debug("OPML not parsable as XML: %s", err)
        return None
    if root is None:
        return None
    found = [dict(el.attrib) for el in root.iter() if isinstance(el.tag, str) and el.tag.lower().endswith("outline")]
    return found or None


def _outline_attrs_regex(text: str) -> list[dict[str, str]]:
    """Fallback for OPML too broken for the XML parser: read ``<outline ...>`` tags by pattern."""
    out = []
    for match in _OUTLINE_RE.finditer(text):
        attrs = {
            m.group(1): m.group(2) if m.group(2) is not None else m.group(3)
            for m in _OUTLINE_ATTR_RE.finditer(match.group(1))
        }
        out.append({k: _unescape(v) for k, v in attrs.items()})
    return out


def _unescape(value: str) -> str:
    """Undo the XML entity escapes an attribute value may carry."""
    return html_lib.unescape(value)
