"""A page's own publication date from any template: the date by the headline, else htmldate.

Blog software marks its dates (`signals.element_dates`, meta tags); page builders write them
as plain text in a meta line under the title ("von Anna Berg | 3. Dezember 2026"). When neither
gives a date, htmldate reads the page's tree, offline, with comment sections removed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from lxml import html

from crawler.extract.signals import iso_date, text_date

log = logging.getLogger(__name__)

_NEAR_CHARS = 200  # text read before and after the headline for a date
_HEADLINE_HOPS = 3  # ancestors of the h1 whose neighbours still count as "by the headline"


def headline_date(root: html.HtmlElement, skip: Callable[[html.HtmlElement], bool]) -> str:
    """ISO date written next to the page's only ``<h1>`` ('' when none or several h1).

    Reads the elements just before and after the headline, climbing a few levels when the
    headline sits alone in a wrapper (page builders nest it in widget divs). `skip(el)` is
    True for elements to ignore (comments).

    >>> root = html.fromstring("<div><h1>Gartenjahr</h1><p>von Anna Berg | 3. Dezember 2026</p></div>")
    >>> headline_date(root, lambda el: False)
    '2026-12-03'
    """
    heads = root.xpath("//h1")
    if len(heads) != 1 or skip(heads[0]):
        return ""
    el = heads[0]
    for _ in range(_HEADLINE_HOPS):
        for near in (el.getnext(), el.getprevious()):
            if near is not None and isinstance(near.tag, str) and not skip(near):
                found = text_date(" ".join(near.itertext())[:_NEAR_CHARS])
                if found:
                    return found
        el = el.getparent()
        if el is None or el.tag in ("body", "html", "article", "main"):
            break
    return ""


def htmldate_date(root: html.HtmlElement, comments: list[html.HtmlElement]) -> str:
    """The date htmldate's extensive search finds in the tree ('' if none); never fetches.

    `comments` are the page's comment sections: they are taken out of ``root`` first, so call
    this after everything else has read the tree.
    """
    from htmldate import find_date  # imported on first use: it costs ~0.3 s

    for el in comments:
        parent = el.getparent()
        if parent is not None:
            parent.remove(el)
    try:  # a tree is never fetched; a string starting with "http" would be
        found = find_date(root, original_date=True, extensive_search=True, url=None)
    except (ValueError, TypeError, AttributeError, RecursionError) as err:
        log.debug("htmldate failed: %s", err)
        return ""
    return iso_date(found or "")
