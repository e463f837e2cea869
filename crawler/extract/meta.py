"""Head metadata of a page in one pass: title, description, language, generator, feeds, dates."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import html

from crawler.extract.feeds import FEED_TYPES
from crawler.extract.urls import join_url
from scoring.language import language_code

_DATE_META = frozenset(
    (
        "article:published_time",
        "og:published_time",
        "datepublished",
        "pubdate",
        "publishdate",
        "dc.date.issued",
        "dcterms.issued",
        "date",
        "sailthru.date",
    )
)
_JSONLD_DATE_RE = re.compile(r'"datePublished"\s*:\s*"([^"]{8,40})"')
MAX_JSONLD = 200_000


@dataclass
class PageMeta:
    """What the `<head>` (and stray `<meta>`/`<link>` tags) say about a page."""

    title: str = ""
    description: str = ""
    language: str = ""
    generators: list[str] = field(default_factory=list)
    og_type: str = ""
    og_title: str = ""
    feeds: list[tuple[str, str]] = field(default_factory=list)  # (url, title)
    opml_urls: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)  # raw date strings, page's own
    jsonld: str = ""


def read_meta(root: html.HtmlElement, base_url: str) -> PageMeta:
    """Collect head metadata; tolerant of tags misplaced into `<body>`."""
    meta = PageMeta(language=language_code(root.get("lang") or root.get("xml:lang")))
    locale = content_language = ""
    jsonld = []
    for el in root.iter("title", "meta", "link", "script"):
        tag = el.tag
        if tag == "title" and not meta.title:
            meta.title = " ".join(el.text_content().split())[:500]
        elif tag == "meta":
            name = (el.get("name") or el.get("property") or el.get("itemprop") or "").strip().lower()
            content = (el.get("content") or "").strip()
            if not content:
                continue
            if name == "description" or (name == "og:description" and not meta.description):
                meta.description = " ".join(content.split())[:1000]
            elif name == "generator":
                meta.generators.append(content[:100])
            elif name == "og:type":
                meta.og_type = content.lower()
            elif name == "og:title":
                meta.og_title = content[:500]
            elif name == "og:locale":
                locale = locale or content
            elif name in _DATE_META:
                meta.dates.append(content)
            elif (el.get("http-equiv") or "").lower() == "content-language":
                content_language = content_language or content
        elif tag == "link":
            _read_link(el, base_url, meta)
        elif tag == "script" and (el.get("type") or "").lower() == "application/ld+json":
            jsonld.append((el.text or "")[:MAX_JSONLD])
    meta.jsonld = "\n".join(jsonld)
    meta.dates.extend(_JSONLD_DATE_RE.findall(meta.jsonld))
    meta.language = meta.language or language_code(locale) or language_code(content_language.split(",")[0])
    return meta


def _read_link(el: html.HtmlElement, base_url: str, meta: PageMeta) -> None:
    rel = (el.get("rel") or "").lower().split()
    href = (el.get("href") or "").strip()
    if not href:
        return
    if "alternate" in rel and (el.get("type") or "").lower().split(";")[0].strip() in FEED_TYPES:
        url = join_url(base_url, href)
        if url:
            meta.feeds.append((url, el.get("title") or ""))
    elif "blogroll" in rel or "outline" in rel or href.lower().endswith(".opml"):
        url = join_url(base_url, href)
        if url:
            meta.opml_urls.append(url)
