"""Main text of a page without navigation, sidebars, blogrolls, footers and comments."""

from __future__ import annotations

import logging

import trafilatura
from lxml import html

log = logging.getLogger(__name__)

MAX_TEXT = 100_000

# Marked post bodies: a cheap substring test in C, then the exact class-token check in Python.
_MARKED_TOKENS = ("entry-content", "post-body", "e-content", "post-content")
_MARKED_XPATH = (
    "//*[@itemprop='articleBody' or " + " or ".join(f"contains(@class, '{t}')" for t in _MARKED_TOKENS) + "]"
)
_MARKED_WORDS = (*_MARKED_TOKENS, "articleBody")
_XPATH_SPACE = str.maketrans("\t\r\n", "   ")  # XPath's normalize-space separators
_DROP_TAGS = frozenset(
    ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "template", "svg", "button", "select")
)
_DROP_CLASS_WORDS = (
    "comment",
    "sidebar",
    "widget",
    "share",
    "sharing",
    "related",
    "navigation",
    "menu",
    "blogroll",
    "cookie",
    "breadcrumb",
)
_BLOCK_TAGS = frozenset(
    (
        "p",
        "div",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "br",
        "tr",
        "blockquote",
        "section",
        "article",
        "pre",
        "dd",
        "dt",
        "figcaption",
        "table",
        "ul",
        "ol",
    )
)


MIN_MARKED_TEXT = 400  # characters of marked-up post body that make trafilatura unnecessary


def main_text(root: html.HtmlElement, url: str, *, use_trafilatura: bool = True, source: str | None = None) -> str:
    """Main text of a page.

    Blog software marks its post bodies (``entry-content``, ``post-body``, ``e-content``,
    ``articleBody``): when those hold enough text, it is read from them directly (cheap, and what
    trafilatura would keep). Other pages go through trafilatura (it works on its own copy of the
    tree); the cheap extractor is the fallback. `source`, the HTML the tree was parsed from, lets
    a page that mentions none of the markers skip searching the tree for them.
    """
    marked = source is None or any(token in source for token in _MARKED_WORDS)
    containers = _marked(root) if marked else []
    if containers:
        text = _join(containers)
        if len(text) >= MIN_MARKED_TEXT:
            return text
    if use_trafilatura:
        try:
            text = trafilatura.extract(
                root,
                url=url,
                fast=True,
                include_comments=False,
                include_tables=True,
                include_links=False,
                with_metadata=False,
                deduplicate=False,
            )
        except (ValueError, TypeError, AttributeError, RecursionError) as err:
            log.debug("trafilatura failed on %s: %s", url, err)
            text = None
        if text:
            return text[:MAX_TEXT]
    return _cheap_text(root, containers)


def _marked(root: html.HtmlElement) -> list:
    """The outermost elements marked as post bodies, in document order."""
    containers = [el for el in root.xpath(_MARKED_XPATH) if _is_marked(el)]
    return [c for c in containers if not any(a in containers for a in c.iterancestors())]


def _is_marked(el: html.HtmlElement) -> bool:
    if el.get("itemprop") == "articleBody":
        return True
    tokens = el.get("class", "").translate(_XPATH_SPACE).split(" ")
    return any(t in tokens for t in _MARKED_TOKENS)


def cheap_text(root: html.HtmlElement) -> str:
    """Text of the post bodies (or article/main/body) minus boilerplate containers, one block a line."""
    return _cheap_text(root, _marked(root))


def _cheap_text(root: html.HtmlElement, containers: list) -> str:
    if not containers:
        containers = root.findall(".//article") or root.findall(".//main")
    if not containers:
        body = root.find("body")
        containers = [body if body is not None else root]
    return _join(containers)


def _join(containers) -> str:
    """The containers' text chunks, boilerplate skipped, one block a line, capped."""
    chunks: list[str] = []
    size = 0
    for container in containers:
        for chunk in _texts(container):
            chunks.append(chunk)
            size += len(chunk)
        chunks.append("\n")
        if size > MAX_TEXT:
            break
    lines = (" ".join(line.split()) for line in "".join(chunks).split("\n"))
    return "\n".join(line for line in lines if line)[:MAX_TEXT]


def _skip(el: html.HtmlElement) -> bool:
    """True for boilerplate subtrees: scripts, navigation, sidebars, comments, share bars."""
    tag = el.tag
    if not isinstance(tag, str) or tag in _DROP_TAGS:
        return True
    cls = el.get("class")
    return bool(cls) and any(word in cls.lower() for word in _DROP_CLASS_WORDS)


def _texts(el: html.HtmlElement):
    """Text chunks under `el`, skipping boilerplate subtrees; block ends become newlines."""
    stack = [(el, False)]
    while stack:
        node, done = stack.pop()
        if done:
            if node.tag in _BLOCK_TAGS:
                yield "\n"
            if node is not el and node.tail:
                yield node.tail
            continue
        if node is not el and _skip(node):
            if node.tail:
                yield node.tail
            continue
        if node.text:
            yield node.text
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node))
