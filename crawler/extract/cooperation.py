"""A blog's page for cooperations: Kooperationen, Mediadaten, Media Kit, Werbung, Work with me...

Pure: judged from the text and URL of same-site links and from the page's own heading. A link
counts when its whole text is made of cooperation words ("Presse, Kooperation & Werbung",
"Hier Werbung schalten", "B2B / Mediadaten") or the last segment of its path is
(``/media-pr-koop``, ``/work-with-me/``). Category, tag and author archives never count, nor
are texts where the word is only part of something else ("Best of Werbung",
"Entwicklungszusammenarbeit", a post title mentioning a cooperation).

>>> cooperation_urls([("https://a.de/werben/", "Werben / Mediadaten"), ("https://a.de/tag/werbung/", "Werbung")],
...                  "https://a.de/")
['https://a.de/werben/']
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import unquote, urlsplit

from crawler.extract.headings import normalise

MAX_ANCHOR_WORDS = 6

_STRONG = frozenset(
    """
    kooperation kooperationen koop kooperationsanfrage kooperationsanfragen zusammenarbeit zusammenarbeiten
    mediadaten mediakit werbung werben werbepartner werbemöglichkeiten werbemoeglichkeiten gastbeitrag gastbeiträge gastbeitraege
    gastautor gastautoren gastautorin gastartikel sponsoring advertise advertising collaborate collaboration
    collaborations collab collabs partnerships sponsorships
    """.split()
)
_PHRASES = (
    "media kit",
    "work with me",
    "work with us",
    "arbeite mit mir",
    "arbeiten mit mir",
    "für unternehmen",
    "fuer unternehmen",
    "for brands",
    "press kit",
    "presse kit",
)
_FILLER = frozenset(
    """
    hier und and mit with me us mir uns schalten buchen werden b2b info infos für fuer for meine my our unsere
    anfragen anfrage preise rates page presse press pr kontakt contact amp media kit work arbeite arbeiten
    unternehmen brands
    """.split()
)
_ARCHIVE_SEGMENTS = frozenset(
    "category categories kategorie kategorien tag tags label labels search suche author autor autorin feed "
    "archiv archive archives topics thema themen wp-content uploads page".split()
)
_PAGE_SUFFIX = re.compile(r"\.(html?|php|aspx?)$")
_SPLIT = re.compile(r"[-_.+]+")
# Cheap test before the word-by-word check: one of these stems in the link text or URL.
_STEMS = re.compile(
    r"koop|zusammenarb|mediadat|media|werb|gastb|gasta|sponsor|advertis|collab|work|partnership|unternehmen|"
    r"brands|press"
)


def _words_match(words: list[str]) -> bool:
    """True when every word is a cooperation word or filler and one carries the meaning."""
    if not words or len(words) > MAX_ANCHOR_WORDS:
        return False
    text = " ".join(words)
    strong = any(w in _STRONG for w in words) or any(p in text for p in _PHRASES)
    return strong and all(w in _STRONG or w in _FILLER for w in words)


def is_cooperation_text(text: str) -> bool:
    """True for a link text or heading that names a cooperation page ("Kooperationen", "Work with me").

    >>> is_cooperation_text("Presse, Kooperation & Werbung"), is_cooperation_text("Best of Werbung")
    (True, False)
    """
    return _words_match(normalise(text or "").split())


def is_cooperation_path(url: str) -> bool:
    """True when the last path segment names a cooperation page (``/mediadaten/``, ``/work-with-me``).

    >>> is_cooperation_path("https://a.de/media-pr-koop"), is_cooperation_path("https://a.de/category/werbung/")
    (True, False)
    """
    parts = urlsplit(url)
    segments = [s for s in unquote(parts.path).lower().split("/") if s]
    if not segments or _is_archive(url):
        return False
    last = _PAGE_SUFFIX.sub("", segments[-1])
    return _words_match([w for w in _SPLIT.split(last) if w])


def cooperation_urls(links: Iterable[tuple[str, str]], page_url: str, headline: str = "") -> list[str]:
    """Cooperation pages among a page's same-site ``(url, anchor)`` links, best first.

    The page itself counts when its ``headline`` (first heading or title) names cooperations.
    A link whose text and URL both say so ranks before one where only the text or only the
    URL does; ties go to the shorter URL.
    """
    scores: dict[str, int] = {}
    if headline and is_cooperation_text(headline) and not _is_archive(page_url):
        scores[page_url] = 4
    for url, anchor in links:
        if not _STEMS.search(f"{anchor} {url}".lower()) or _is_archive(url):
            continue
        score = 2 * is_cooperation_text(anchor) + is_cooperation_path(url)
        if score > scores.get(url, 0):
            scores[url] = score
    return sorted(scores, key=lambda u: (-scores[u], len(u), u))


def _is_archive(url: str) -> bool:
    """A category, tag, author or search archive, or a URL with a query (other than a page id)."""
    parts = urlsplit(url)
    if parts.query and not parts.query.startswith(("page_id=", "p=")):
        return True
    return any(s in _ARCHIVE_SEGMENTS for s in parts.path.lower().split("/"))
