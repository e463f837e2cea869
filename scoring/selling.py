"""Is a site a link seller? Its pages' link-selling evidence (`crawler.extract.selling`), weighed.

A price list for links on a page that is not a post (an offer page, the home page) is enough; so
are link-selling phrases stuffed into two pages or more. One post that discusses link prices or
quotes a seller is an SEO blog writing about its topic, not a seller.

>>> seller(["other\\tprice list for links: \\"dofollow-Link ab 49 €\\"\\thttps://a.de/preise/"])
'price list for links: "dofollow-Link ab 49 €" (https://a.de/preise/)'
>>> seller(["post\\tprice list for links: \\"Backlink ab 50 €\\"\\thttps://a.de/was-kostet-ein-backlink/"])
''
"""

from __future__ import annotations

from collections.abc import Iterable

MIN_PAGES = 2  # pages whose text sells links before the site is a seller (a price list needs one)


def seller(evidence: Iterable[str]) -> str:
    """Why a site sells links, from its ``kind\\treason\\turl`` evidence ('' when it does not)."""
    pages = [item.split("\t", 2) for item in evidence]
    pages = [p for p in pages if len(p) == 3]
    for kind, reason, url in pages:
        if kind != "post" and reason.startswith("price list"):
            return f"{reason} ({url})"
    if len(pages) >= MIN_PAGES:
        kind, reason, url = sorted(pages, key=lambda p: p[2])[0]
        return f"{reason} on {len(pages)} pages ({url})"
    return ""
