"""Copied text: sampled word 8-grams shared by two sites, on hand-built tiny texts."""

from __future__ import annotations

import numpy as np

from scoring.counts import TermCounter
from scoring.duplicates import find_copies

ORIGINAL = (
    "Im Frühjahr habe ich unsere Instagram Strategie komplett umgebaut und dabei viel über Reels gelernt. "
    "Die Reichweite stieg erst nach drei Wochen, als wir jeden Dienstag zur gleichen Zeit gepostet haben. "
    "Kommentare beantworten wir jetzt innerhalb einer Stunde, das hat die Engagement Rate fast verdoppelt."
)
SPUN = (
    "Im Frühjahr habe ich unsere Instagram Strategie komplett umgebaut und dabei viel über Reels erfahren. "
    "Die Reichweite stieg erst nach drei Wochen, als wir jeden Dienstag zur gleichen Zeit gepostet haben. "
    "Kommentare beantworten wir stets innerhalb einer Stunde, das hat die Engagement Rate fast verdoppelt."
)
OWN = (
    "Unser Newsletter wächst seit Jahren langsam, aber die Öffnungsrate liegt stabil über vierzig Prozent. "
    "Für Instagram fehlt mir ehrlich gesagt die Zeit, deshalb konzentriere ich mich auf LinkedIn Beiträge. "
    "Im Herbst teste ich kurze Videos, mal sehen, ob die Reichweite dort besser wird als bei Karussells."
)


def shingles(docs):
    counter = TermCounter(shingle_every=1)
    counter.count(docs)
    return (*counter.shingles_, counter.sites_)


def test_find_copies_marks_the_spun_copy_of_a_seed():
    docs = [("seed.de", "de", ORIGINAL), ("copy.de", "de", SPUN), ("own.de", "de", OWN)]
    copies = find_copies(*shingles(docs), originals=["seed.de"])
    assert set(copies) == {"copy.de"} and copies["copy.de"][0] == "seed.de"
    assert copies["copy.de"][1] >= 0.5


def test_find_copies_cannot_tell_the_original_of_two_equal_texts():
    assert find_copies(*shingles([("a.de", "de", ORIGINAL), ("b.de", "de", SPUN)])) == {}


def test_find_copies_never_marks_the_original_it_is_told_of():
    copies = find_copies(
        *shingles([("seed.de", "de", ORIGINAL), ("copy.de", "de", ORIGINAL)]), originals=["seed.de", "copy.de"]
    )
    assert copies == {}


def test_find_copies_calls_the_site_with_less_own_text_the_copy():
    copies = find_copies(*shingles([("big.de", "de", ORIGINAL + " " + OWN), ("small.de", "de", SPUN)]))
    assert list(copies) == ["small.de"] and copies["small.de"][0] == "big.de"


def test_find_copies_ignores_a_phrase_on_many_sites():
    stock = "Eine klare Zielgruppe ist die Grundlage jeder guten Marketingstrategie für kleine Unternehmen."
    texts = [OWN.replace("Newsletter", word) for word in ("Blog", "Podcast", "Shop", "Verein", "Laden", "Kanal")]
    docs = [(f"s{i}.de", "de", f"{stock} {text}") for i, text in enumerate(texts)]
    assert find_copies(*shingles(docs), min_shingles=1) == {}


def test_find_copies_leaves_unrelated_sites_on_one_topic_alone():
    assert find_copies(*shingles([("a.de", "de", ORIGINAL), ("b.de", "de", OWN)]), min_shingles=1) == {}


def test_empty_find_copies():
    assert find_copies(np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.int64), []) == {}
