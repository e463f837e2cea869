"""Page language: declared (html lang, og:locale, Content-Language) or a German/English stop-word vote."""

from __future__ import annotations

import re
from functools import lru_cache

from stop_words import get_stop_words

_WORD_RE = re.compile(r"[a-zäöüß]+")
_CODE_RE = re.compile(r"^([a-z]{2})(?:$|[-_])")
MAX_SAMPLE = 20_000
MIN_HITS = 8
# The English list holds many two-letter country codes; keep only real short function words.
_EN_SHORT = frozenset("of to is it on at by as be or we he my me so do if no up us".split())


@lru_cache(maxsize=1)
def _stop_lists() -> tuple[frozenset[str], frozenset[str]]:
    """German and English stop words, each without the words both languages share."""
    de = {w for w in get_stop_words("de") if len(w) > 1}
    en = {w for w in get_stop_words("en") if (len(w) > 2 or w in _EN_SHORT) and w.isalpha()}
    common = de & en
    return frozenset(de - common), frozenset(en - common)


def language_code(value: str | None) -> str:
    """ISO 639-1 code of a declared language or locale ('de-DE', 'de_AT', 'EN') or ''."""
    if not value:
        return ""
    match = _CODE_RE.match(value.strip().lower())
    return match.group(1) if match else ""


def guess_language(text: str) -> str:
    """'de' or 'en' when stop words clearly favour one of them, else ''."""
    de, en = _stop_lists()
    de_hits = en_hits = 0
    for word in _WORD_RE.findall(text[:MAX_SAMPLE].lower()):
        if word in de:
            de_hits += 1
        elif word in en:
            en_hits += 1
    if de_hits + en_hits < MIN_HITS:
        return ""
    if de_hits >= 2 * en_hits:
        return "de"
    if en_hits >= 2 * de_hits:
        return "en"
    return ""
