"""Prose of the hard worlds: extra topics, words every marketing blog shares, Zipf filler, spinning.

Topics blend: a blog has a `mix` of topics, and every sentence is drawn from one of them, from
the words all marketing-minded blogs share, or from general language over a Zipf law, so the
vocabularies of core, adjacent and near topics overlap as on real blogs.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache
from random import Random

from crawler.sandbox import text

from .hardvocab import EXTRA_TOPICS

# Words every marketing-minded blog (core, adjacent, near, lifestyle with buzzwords) uses.
SHARED = {
    "de": [
        "Marketing",
        "Strategie",
        "Analyse",
        "Google",
        "Kunden",
        "Blog",
        "Tipps",
        "Tools",
        "Reichweite",
        "Zielgruppe",
        "Instagram",
        "Influencer",
        "Content",
        "Sichtbarkeit",
    ],
    "en": [
        "marketing",
        "strategy",
        "analysis",
        "Google",
        "customers",
        "blog",
        "tips",
        "tools",
        "reach",
        "audience",
        "Instagram",
        "influencers",
        "content",
        "visibility",
    ],
}
_SHARED_FRAMES = {
    "de": (
        "Ohne {a} und {b} geht heute kaum noch etwas.",
        "Ich teste gerade neue {a} für mehr {b}.",
        "Meine drei liebsten {a} rund um {b}.",
    ),
    "en": (
        "Without {a} and {b} hardly anything works today.",
        "I am testing new {a} for more {b} right now.",
        "My three favourite {a} around {b}.",
    ),
}
_PASSING = {
    "de": "Nebenbei: Auch für {a} und {b} gibt es inzwischen eigene Ratgeber.",
    "en": "By the way: there are whole guides on {a} and {b} these days.",
}
_SPIN = {
    "de": {
        "wichtig": "bedeutsam",
        "wirklich": "tatsächlich",
        "Zeit": "Zeitraum",
        "zeigt": "verdeutlicht",
        "gut": "prima",
        "mehr": "zusätzlich",
        "klar": "eindeutig",
        "immer": "stets",
        "schnell": "rasch",
        "jeder": "sämtlicher",
        "nicht": "keineswegs",
        "genau": "exakt",
    },
    "en": {
        "important": "crucial",
        "really": "truly",
        "time": "period",
        "shows": "demonstrates",
        "good": "fine",
        "more": "additional",
        "clear": "evident",
        "always": "constantly",
        "fast": "quick",
        "every": "each",
        "not": "never",
        "exactly": "precisely",
    },
}


@lru_cache(maxsize=4)
def general_words(lang: str) -> tuple[str, ...]:
    """General language: the words of every topic's sentences, most frequent first (for Zipf draws)."""
    counts: dict[str, int] = {}
    topics = text.lang_vocab(lang)["topics"]
    for entry in itertools.chain(topics.values(), EXTRA_TOPICS[lang].values()):
        for line in entry["sentences"]:
            for word in re.findall(r"[^\W\d_]{2,}", line):
                counts[word.lower()] = counts.get(word.lower(), 0) + 1
    for frame in text.lang_vocab(lang)["generic"]:
        for word in re.findall(r"[^\W\d_]{2,}", re.sub(r"\{\w+\}", "", frame)):
            counts[word.lower()] = counts.get(word.lower(), 0) + 3
    return tuple(sorted(counts, key=lambda w: (-counts[w], w)))


@lru_cache(maxsize=4)
def _zipf_weights(lang: str) -> tuple[float, ...]:
    return tuple(itertools.accumulate(1.0 / (rank + 1) for rank in range(len(general_words(lang)))))


def filler(rng: Random, lang: str) -> str:
    """A sentence of 6–12 general words drawn over a Zipf law."""
    words = rng.choices(general_words(lang), cum_weights=_zipf_weights(lang), k=rng.randint(6, 12))
    line = " ".join(words)
    return line[:1].upper() + line[1:] + "."


def mixed_sentence(rng: Random, mix: dict[str, float], lang: str) -> str:
    """One sentence of a blog whose topics are blended by the weights of `mix`."""
    roll = rng.random()
    if roll < 0.2:
        return filler(rng, lang)
    if roll < 0.3:
        a, b = rng.sample(SHARED[lang], 2)
        return rng.choice(_SHARED_FRAMES[lang]).format(a=a, b=b)
    topic = rng.choices(sorted(mix), [mix[t] for t in sorted(mix)])[0]
    if topic == "passing":
        a, b = rng.sample(text.topic_terms("social", lang), 2)
        return _PASSING[lang].format(a=a, b=b)
    return text.sentence(rng, topic, lang)


def mixed_paragraphs(rng: Random, mix: dict[str, float], lang: str, words: int) -> list[str]:
    """Paragraphs of about `words` words (3–6 sentences each) over a topic mix."""
    out: list[str] = []
    count = 0
    while count < words:
        para = [mixed_sentence(rng, mix, lang) for _ in range(rng.randint(3, 6))]
        count += sum(len(s.split()) for s in para)
        out.append(" ".join(para))
    return out


def spin(rng: Random, paragraphs: list[str], lang: str) -> str:
    """A spun copy: synonyms swapped in for about half of the common words of `_SPIN`, a tenth of
    the sentences dropped (paragraphs joined by blank lines)."""
    table = _SPIN[lang]
    out = []
    for para in paragraphs:
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", para) if s and rng.random() > 0.1]
        spun = " ".join(sentences)
        for word, other in table.items():  # about every other occurrence swapped
            spun = re.sub(rf"\b{word}\b", lambda m, o=other: o if rng.random() < 0.5 else m[0], spun)
        out.append(spun)
    return "\n\n".join(p for p in out if p)
