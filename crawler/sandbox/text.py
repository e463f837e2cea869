"""Prose for the sandbox web: topic vocabularies, titles, paragraphs, slugs and names."""

from __future__ import annotations

import json
import logging
import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from random import Random
from typing import Any

log = logging.getLogger(__name__)

VOCAB_FILE = Path(__file__).with_name("vocab.json")

MARKETING_TOPICS = ("seo", "content", "social", "online")
OFFTOPIC_TOPICS = ("cooking", "travel", "gardening", "football", "photography")

_TRANSLIT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


@lru_cache(maxsize=1)
def vocab() -> dict[str, Any]:
    """The bundled vocabulary (read once)."""
    return json.loads(VOCAB_FILE.read_text(encoding="utf-8"))


def lang_vocab(lang: str) -> dict[str, Any]:
    """Vocabulary of one language."""
    return vocab()[lang]


def ui(lang: str, key: str) -> str:
    """A user-interface string (navigation, buttons) in a language."""
    return lang_vocab(lang)["ui"][key]


def slugify(text: str) -> str:
    """ASCII slug of a title: German Umlauts transliterated, words joined by '-'.

    >>> slugify("Die größten Fehler bei Suchmaschinenoptimierung")
    'die-groessten-fehler-bei-suchmaschinenoptimierung'
    """
    text = unicodedata.normalize("NFKD", text.translate(_TRANSLIT)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


_ADDED_TOPICS: dict[str, dict[str, dict[str, Any]]] = {}


def add_topics(topics: Mapping[str, Mapping[str, dict[str, Any]]]) -> None:
    """Make topics beyond the bundled ones known, by language (as in vocab.json: host words, terms, sentences).

    For worlds built outside the package; a bundled topic of the same name is kept.
    """
    for lang, entries in topics.items():
        _ADDED_TOPICS.setdefault(lang, {}).update(entries)


def topic_entry(topic: str, lang: str) -> dict[str, Any]:
    """Vocabulary of one topic: host words, terms, sentences (added topics included)."""
    entry = lang_vocab(lang)["topics"].get(topic)
    if entry is None:
        entry = _ADDED_TOPICS.get(lang, {}).get(topic)
    if entry is None:
        raise KeyError(topic)
    return entry


def topic_terms(topic: str, lang: str) -> list[str]:
    """Key terms of a topic; marketing sub-topics share the general marketing terms."""
    topics = lang_vocab(lang)["topics"]
    terms = list(topic_entry(topic, lang)["terms"])
    if topic in MARKETING_TOPICS:
        terms += topics["marketing"]["terms"]
    return terms


def _topic_sentences(topic: str, lang: str) -> list[str]:
    topics = lang_vocab(lang)["topics"]
    sentences = list(topic_entry(topic, lang)["sentences"])
    if topic in MARKETING_TOPICS:
        sentences += topics["marketing"]["sentences"]
    return sentences


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def sentence(rng: Random, topic: str, lang: str) -> str:
    """One sentence on a topic: a topical sentence or a generic frame filled with topic terms."""
    if rng.random() < 0.45:
        return rng.choice(_topic_sentences(topic, lang))
    a, b = rng.sample(topic_terms(topic, lang), 2)
    return _cap(rng.choice(lang_vocab(lang)["generic"]).format(a=a, b=b))


def paragraphs(rng: Random, topic: str, lang: str, words: int) -> list[str]:
    """Paragraphs of about `words` words on a topic (3–6 sentences each)."""
    out: list[str] = []
    seen: set[str] = set()
    count = 0
    while count < words:
        para = []
        for _ in range(rng.randint(3, 6)):
            line = sentence(rng, topic, lang)
            for _ in range(5):
                if line not in seen:
                    break
                line = sentence(rng, topic, lang)
            seen.add(line)
            para.append(line)
        count += sum(len(s.split()) for s in para)
        out.append(" ".join(para))
    return out


def title(rng: Random, topic: str, lang: str, year: int) -> str:
    """A post title on a topic."""
    a, b = rng.sample(topic_terms(topic, lang), 2)
    frame = rng.choice(lang_vocab(lang)["titles"])
    return _cap(frame.format(a=a, b=b, n=rng.randint(3, 12), year=year))


def subheading(rng: Random, topic: str, lang: str) -> str:
    """A short h2 subheading: one topic term."""
    return _cap(rng.choice(topic_terms(topic, lang)))


def stuffing(rng: Random, lang: str, words: int) -> str:
    """Keyword-stuffed text of a link farm."""
    phrases = lang_vocab(lang)["farm"]["stuffing"]
    out: list[str] = []
    while len(out) < words:
        out.extend(rng.choice(phrases).split())
    return " ".join(out[:words])


def person(rng: Random, lang: str) -> tuple[str, str]:
    """A plausible (first name, last name)."""
    voc = lang_vocab(lang)
    return rng.choice(voc["first_names"]), rng.choice(voc["last_names"])


def format_date(day: Any, lang: str) -> str:
    """Human date: '3. März 2026' or '3 March 2026'."""
    month = lang_vocab(lang)["months"][day.month - 1]
    return f"{day.day}. {month} {day.year}" if lang == "de" else f"{day.day} {month} {day.year}"
