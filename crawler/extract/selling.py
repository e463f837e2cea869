"""Does a page sell links? A price list for links or paid posts, or text stuffed with link-selling phrases.

A blog's media kit ("Kooperationen", a sponsored post with a price) is a cooperation page and
welcome; a site that sells *links* names them: backlinks, dofollow links, link packages, an
article directory taking submissions. Such a site is no partner, whatever its topic words say.

>>> link_selling("Gastbeitrag mit dofollow-Link ab 149 € – jetzt buchen")
'price list for links: "Gastbeitrag mit dofollow-Link ab 149 €"'
>>> link_selling("Backlinks kaufen Linkpaket Backlinks kaufen Webkatalog eintragen Linkaufbau Backlinks kaufen")
'link-selling phrases: backlinks kaufen ×3, linkpaket, webkatalog eintragen'
>>> link_selling("Warum ich keine Backlinks kaufe: Linkaufbau braucht Zeit und gute Inhalte.")
''
"""

from __future__ import annotations

import re
from collections import Counter

# Words that name links or paid placement, and a price within the same line.
_LINK_WORDS = r"(?:backlinks?|dofollow|do-follow|follow-link|textlinks?|linkpakete?|link-pakete?|linkkauf|gastbeitr[aä]ge?|gastartikel|sponsored posts?|bezahlte artikel|presseartikel)"
_PRICE = r"(?:\d[\d.,]*\s?(?:€|euro|eur\b)|(?:€|eur)\s?\d[\d.,]*|\$\s?\d[\d.,]*|\d[\d.,]*\s?(?:usd|dollars?))"
_PRICE_LINE_RE = re.compile(
    rf"[^\n.!?]{{0,80}}{_LINK_WORDS}[^\n!?]{{0,60}}?{_PRICE}|{_PRICE}[^\n!?]{{0,40}}{_LINK_WORDS}", re.IGNORECASE
)
_DOFOLLOW_RE = re.compile(r"\b(?:dofollow|do-follow)\b", re.IGNORECASE)
# Phrases of link sellers and article directories (offers, not opinions about them).
SELLING_PHRASES = (
    "backlinks kaufen",
    "links kaufen",
    "linkpaket",
    "backlink-paket",
    "webkatalog eintragen",
    "artikel veröffentlichen",
    "artikel einreichen",
    "artikelverzeichnis",
    "seo günstig",
    "platz 1 bei google",
    "domainpopularität steigern",
    "buy backlinks",
    "guest post service",
)
_PHRASE_RE = re.compile("|".join(re.escape(p) for p in SELLING_PHRASES), re.IGNORECASE)
MIN_PHRASES = 3  # distinct phrases on one page...
MIN_REPEATS = 5  # ...and this many in all: stuffing, not a post that mentions one


def link_selling(text: str) -> str:
    """Why the page's text sells links ('' when it does not): a price line for links, or stuffed phrases."""
    if not text:
        return ""
    for match in _PRICE_LINE_RE.finditer(text):
        line = " ".join(match.group(0).split())
        if _DOFOLLOW_RE.search(line) or re.search(r"backlink|link-?paket|textlink|linkkauf", line, re.IGNORECASE):
            return f'price list for links: "{line[:120]}"'
    found = Counter(m.group(0).lower() for m in _PHRASE_RE.finditer(text))
    if len(found) >= MIN_PHRASES and sum(found.values()) >= MIN_REPEATS:
        top = sorted(found.items(), key=lambda item: (-item[1], item[0]))[:3]
        return "link-selling phrases: " + ", ".join(f"{p} ×{n}" if n > 1 else p for p, n in top)
    return ""
