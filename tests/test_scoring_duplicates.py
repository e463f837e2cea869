"""Copied text: sampled word 8-grams shared by two sites, on hand-built tiny texts."""

from __future__ import annotations

import numpy as np

from scoring.counts import TermCounter
from scoring.duplicates import find_copies, find_reworded

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


POST_A = (
    "Ein Redaktionsplan spart Zeit, wenn er realistisch bleibt. Wir planen jede Woche zwei Beiträge und "
    "lassen einen Tag Puffer für spontane Themen. Die Themenliste pflegen wir gemeinsam in einer Tabelle, "
    "sortiert nach Suchvolumen und Saison. Jeder Beitrag bekommt eine klare Frage, die er beantwortet, "
    "und eine Person, die ihn bis zur Veröffentlichung begleitet. Nach drei Monaten prüfen wir, welche "
    "Formate gelesen wurden, und streichen, was niemand braucht."
)
# The same post reworded: synonyms swapped in, sentences in another order, words inflected otherwise.
REWORDED_A = (
    "Nach drei Monaten kontrollieren wir, welche Formate gelesen wurden, und streichen, was keiner braucht. "
    "Die Themenliste pflegen wir zusammen in einer Tabelle, geordnet nach Suchvolumen und Saison. "
    "Ein Redaktionsplan spart Zeit, sofern er realistisch bleibt. Wir planen jede Woche zwei Artikel und "
    "lassen einen Tag Reserve für spontane Themen. Jeder Beitrag erhält eine klare Frage, die er beantwortet, "
    "und eine Person, die ihn bis zur Veröffentlichung betreut."
)
POST_B = (
    "Newsletter sind für kleine Agenturen der verlässlichste Kanal. Wir schreiben jeden Monat an unsere "
    "Kundinnen, mit einem Fall aus der Praxis, einem Werkzeug und einer Frage zum Antworten. Die Antworten "
    "sind das Beste daran: aus ihnen entstehen neue Beiträge, Workshops und manchmal sogar Aufträge."
)
POST_C = (
    "Podcasts im Mittelstand scheitern selten an der Technik, sondern an der Geduld. Die ersten zehn Folgen "
    "hört kaum jemand, erst danach wächst die Zahl der Hörerinnen spürbar. Gäste aus der eigenen Branche "
    "bringen ihr Publikum mit und machen die Vorbereitung leichter."
)


def test_page_signatures_see_a_reworded_post_through_its_new_words():
    """Synonyms and a new sentence order keep most stems: the signatures agree far more than two posts."""
    counter = TermCounter(shingle_every=8)
    counter.count([("a.de", "de", POST_A + "\f" + POST_B + " " + POST_C + "\fDanke!"), ("b.de", "de", REWORDED_A)])
    rows, sig = counter.pages_
    assert rows.tolist() == [0, 0, 1]  # "Danke!" is too short to judge
    reworded, other = (sig[0] == sig[2]).mean(), (sig[1] == sig[2]).mean()
    assert reworded >= 0.5 and other <= 0.2


def signatures(pages: dict[str, list[int]], seed: int = 0) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Random page signatures per site; a page given as a negative number -n is a reworded copy of page n."""
    rng = np.random.default_rng(seed)
    sites, rows, sigs, by_id = list(pages), [], [], {}
    for row, site in enumerate(sites):
        for page in pages[site]:
            sig = rng.integers(-(2**62), 2**62, size=32)
            if page < 0:  # 26 of 32 values of the original: a Jaccard of about 0.8
                sig[:26] = by_id[-page][:26]
            by_id[page] = sig
            rows.append(row)
            sigs.append(sig)
    return np.array(rows), np.array(sigs), sites


def test_find_reworded_marks_the_site_whose_pages_are_reworded_posts():
    pages = {"seed.de": [1, 2, 3], "umformuliert.de": [-1, -2], "anna.de": [4, 5, 6], "ben.de": [7, 8]}
    copies = find_reworded(*signatures(pages), originals=["seed.de"])
    assert copies == {"umformuliert.de": ("seed.de", 1.0)}


def test_find_reworded_needs_two_pages_and_half_of_the_site():
    one_page = {"seed.de": [1, 2, 3], "zitat.de": [-1, 9, 10, 11], "anna.de": [4, 5, 6]}
    assert find_reworded(*signatures(one_page), originals=["seed.de"]) == {}


def test_find_reworded_keeps_the_original_that_an_aggregator_names():
    pages = {"anna.de": [1, 2], "ben.de": [3, 4], "planet.de": [-1, -2, -3, -4]}
    pages.update({f"blog{n}.de": [100 + 2 * n, 101 + 2 * n] for n in range(8)})  # the rest of the blogosphere
    named = {"planet.de": {"anna.de", "ben.de"}}
    copies = find_reworded(*signatures(pages), sources=named)
    assert set(copies) == {"planet.de"}
    assert {"anna.de", "ben.de"} & set(find_reworded(*signatures(pages)))  # unnamed: the originals look copied


def test_empty_find_reworded():
    assert find_reworded(np.zeros(0, dtype=np.int64), np.zeros((0, 32), dtype=np.int64), []) == {}


def test_find_copies_sinks_the_aggregator_that_names_its_sources_not_the_originals():
    """A planet site republishes whole posts of three blogs, each with "erschien zuerst auf"."""
    docs = [
        ("anna.de", "de", POST_A),
        ("ben.de", "de", POST_B),
        ("clara.de", "de", POST_C),
        ("planet.de", "de", " ".join([POST_A, POST_B, POST_C])),
    ]
    named = {"planet.de": {"anna.de", "ben.de", "clara.de"}}
    copies = find_copies(*shingles(docs), sources=named, min_shingles=4)
    assert set(copies) == {"planet.de"} and copies["planet.de"][1] >= 0.8
    unnamed = find_copies(*shingles(docs), min_shingles=4)  # without the attribution the originals look copied
    assert {"anna.de", "ben.de", "clara.de"} & set(unnamed)


def test_find_copies_never_calls_the_named_source_a_copy():
    docs = [("anna.de", "de", POST_A), ("reblog.de", "de", POST_A + " " + POST_B)]
    copies = find_copies(*shingles(docs), sources={"reblog.de": {"anna.de"}}, min_shingles=4)
    assert "anna.de" not in copies
