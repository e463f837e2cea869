from collections import Counter

import numpy as np
import pytest

from scoring.counts import TermCounter, first_use_counts
from scoring.text import language_of, tokenize

DOCS = [
    ("a.de", "de", "Die besten Tipps für Social-Media-Marketing! Tipps, Tipps und Häuser."),
    ("b.com", "en", "Social media marketing tips for bloggers: the blogger's guide to SEO-SEO tips."),
    ("c.de", None, "Größere Häuser und größte Gärten: ein Haus im Garten"),
    ("d.com", "en", ""),
    ("e.de", "de-AT", "Suchmaschinenoptimierung, SEO und Content-Marketing für Blogger"),
    ("f.com", "fr", "the the the and of"),
]


def token_by_token(docs):
    """The reference: tokenise each document and count its tokens one by one."""
    vocab, surface, rows = {}, {}, []
    for _, lang, text in docs:
        row = {}
        for term, n in Counter(tokenize(text, language_of(lang, text), surface=surface)).items():
            row[vocab.setdefault(term, len(vocab))] = n
        rows.append(row)
    return vocab, surface, rows


@pytest.mark.parametrize(("cache", "batch"), [(1_000_000, 2_000_000), (3, 1), (1, 5)])
def test_term_counter_matches_counting_token_by_token(cache, batch):
    counter = TermCounter(word_cache_size=cache, batch_tokens=batch)
    X = counter.count(DOCS)
    vocab, surface, rows = token_by_token(DOCS)
    assert counter.vocabulary_ == vocab and counter.terms_ == list(vocab)
    assert counter.surface_ == surface
    assert [s for s, _, _ in DOCS] == counter.sites_
    for i, row in enumerate(rows):
        start, end = X.indptr[i], X.indptr[i + 1]
        assert X.indices[start:end].tolist() == list(row)  # terms in order of first use
        assert X.data[start:end].tolist() == list(row.values())


def test_term_counter_records_languages():
    counter = TermCounter()
    counter.count(DOCS)
    assert counter.languages_ == {"a.de": "de", "b.com": "en", "c.de": "de", "d.com": "en", "e.de": "de", "f.com": "en"}


def test_empty_term_counter():
    counter = TermCounter()
    X = counter.count([])
    assert X.shape == (0, 0) and counter.terms_ == [] and counter.sites_ == []


@pytest.mark.parametrize("keys", [[5, 1, 5, 5, 2, 1], [0], [2**40, 3, 2**40], [2**62, 1, 2**62, 7]])
def test_first_use_counts_in_order_of_first_occurrence(keys):
    values, counts = first_use_counts(np.array(keys, dtype=np.int64))
    expected = Counter(keys)  # insertion order: first occurrence
    assert values.tolist() == list(expected) and counts.tolist() == list(expected.values())


def test_empty_first_use_counts():
    values, counts = first_use_counts(np.zeros(0, dtype=np.int64))
    assert len(values) == 0 and len(counts) == 0
