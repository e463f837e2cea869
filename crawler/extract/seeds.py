"""Seed lists: OPML, JSON blogroll files, Markdown/RST link lists, or one URL per line."""

from __future__ import annotations

import json
import re

from crawler.extract.feeds import parse_opml

_MD_LINK_RE = re.compile(r"\[[^\]\n]*\]\(\s*<?(https?://[^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_MD_REF_RE = re.compile(r"^\s{0,3}\[[^\]\n]+\]:\s*<?(https?://\S+?)>?(?:\s+[\"'(].*)?$", re.M)
_RST_LINK_RE = re.compile(r"`[^`<]*<(https?://[^>\s]+)>`__?")
_RST_TARGET_RE = re.compile(r"^\s*\.\.\s+_[^:]+:\s*(https?://\S+)\s*$", re.M)
_URL_KEYS = (
    "url",
    "htmlurl",
    "html_url",
    "website",
    "site",
    "site_url",
    "link",
    "href",
    "homepage",
    "feed",
    "feed_url",
    "xmlurl",
    "xml_url",
)


def parse_seed_text(text: str, name: str = "") -> list[str]:
    """Raw seed URL strings in file order; never raises.

    OPML is detected by content (``<opml``), JSON by a leading ``[``/``{`` or a ``.json`` name,
    Markdown/RST by their link syntax; anything else is read as one URL per line with ``#``
    comments. URLs are not validated here.
    """
    if not text or not text.strip():
        return []
    head = text.lstrip()[:2048].lower()
    if "<opml" in head:
        return _unique(e.html_url or e.xml_url for e in parse_opml(text))
    if head[:1] in "[{" or name.lower().endswith(".json"):
        urls = _json_urls(text)
        if urls is not None:
            return urls
    marked = _markup_urls(text)
    if marked:
        return marked
    return _line_urls(text)


def _unique(urls) -> list[str]:
    return list(dict.fromkeys(u for u in urls if u))


def _json_urls(text: str) -> list[str] | None:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return None
    urls: list[str] = []
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            urls.append(item)
        elif isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            url = _site_of(item)
            if url:
                urls.append(url)
            else:
                stack.extend(reversed([v for v in item.values() if isinstance(v, (list, dict))]))
    return _unique(u.strip() for u in urls)


def _site_of(record: dict) -> str:
    """The site URL of a JSON blogroll record, else its feed URL."""
    low = {str(k).lower(): v for k, v in record.items()}
    for key in _URL_KEYS:
        value = low.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def _markup_urls(text: str) -> list[str]:
    """Link targets of Markdown (inline and reference) and reStructuredText links, in order."""
    found: list[tuple[int, str]] = []
    for regex in (_MD_LINK_RE, _MD_REF_RE, _RST_LINK_RE, _RST_TARGET_RE):
        found.extend((m.start(), m.group(1)) for m in regex.finditer(text))
    found.sort()
    return _unique(url for _, url in found)


def _line_urls(text: str) -> list[str]:
    """First token of each line, after stripping ``#`` comments (a ``#`` at line start or after a space)."""
    urls = []
    for line in text.splitlines():
        line = re.split(r"(?:^|\s)#", line, maxsplit=1)[0].strip()
        if line:
            urls.append(line.split()[0])
    return _unique(urls)
