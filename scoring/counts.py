"""Count streamed documents into a CSR term-count matrix, with Python work per distinct word.

Each document is split into `scoring.text.words` (in C), and every word is looked up in a
per-language table of known words (in C, through ``map``). Only a word never seen before
is tokenised in Python (`scoring.text.word_tokenizer`: stop words, stemming, compounds). The
tokens of a batch of documents are then expanded to term columns and counted with numpy.

The result is exactly what counting token by token gives: term columns are numbered by
their first use in the stream, each row lists its terms in order of first use, and the
readable form of a term is the first word that produced it.

>>> counter = TermCounter()
>>> X = counter.count([("a.de", "de", "Tipps und Tipps"), ("b.com", "en", "Tips for blogs")])
>>> counter.terms_, X.toarray().tolist()
(['tipps', 'tip', 'blog'], [[2.0, 0.0, 0.0], [0.0, 1.0, 1.0]])
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable
from itertools import repeat

import numpy as np
from scipy import sparse

from scoring.text import language_of, word_tokenizer, words

Document = tuple[str, str | None, str]  # (site, declared language, main text)


class TermCounter:
    """Term counts of documents, one row per document.

    Parameters
    ----------
    word_cache_size : known words remembered (all languages); the table is cleared when it
        is full, between batches, which bounds memory without changing any result.
    batch_tokens : words gathered before a batch is counted with numpy.

    Attributes (after `count`)
    --------------------------
    sites_ : the documents' sites in input order; languages_ : {site: tokeniser language}.
    terms_ : the terms by column; vocabulary_ : {term: column}.
    surface_ : {term: first readable word form} for explanations.
    """

    def __init__(self, word_cache_size: int = 1_000_000, batch_tokens: int = 500_000):
        self.word_cache_size = word_cache_size
        self.batch_tokens = batch_tokens

    def count(self, documents: Iterable[Document]) -> sparse.csr_matrix:
        """Tokenise and count ``documents`` into a float32 CSR matrix (rows: documents)."""
        self.sites_: list[str] = []
        self.languages_: dict[str, str] = {}
        self.surface_: dict[str, str] = {}
        self.vocabulary_: dict[str, int] = {}
        self._tokenizers: dict[str, Callable[..., list[str]]] = {}
        self._reset_words()
        indices, counts, indptr = array("i"), array("f"), array("q", [0])
        batch: list[np.ndarray] = []
        size = 0
        for site, lang, text in documents:
            code = language_of(lang, text or "")
            self.sites_.append(site)
            self.languages_[site] = code
            batch.append(self._word_ids(words(text or ""), code))
            size += len(batch[-1])
            if size >= self.batch_tokens:
                self._flush(batch, indices, counts, indptr)
                batch, size = [], 0
        self._flush(batch, indices, counts, indptr)
        self.terms_ = list(self.vocabulary_)
        return sparse.csr_matrix(
            (np.frombuffer(counts, dtype=np.float32), np.frombuffer(indices, dtype=np.int32),
             np.frombuffer(indptr, dtype=np.int64)),
            shape=(len(self.sites_), len(self.vocabulary_)),
        )

    def _reset_words(self) -> None:
        self._known: dict[str, dict[str, int]] = {}  # language -> word -> word id
        self._starts = array("q", [0])  # word id -> its terms in self._terms[start:end]
        self._terms = array("i")

    def _word_ids(self, doc_words: list[str], lang: str) -> np.ndarray:
        """Word ids of a document's words; unknown words are tokenised and added, in order."""
        known = self._known.setdefault(lang, {})
        tokens = self._tokenizers.get(lang)
        if tokens is None:
            tokens = self._tokenizers[lang] = word_tokenizer(lang)
        ids = np.fromiter(map(known.get, doc_words, repeat(-1)), dtype=np.int64, count=len(doc_words))
        for k in np.flatnonzero(ids < 0).tolist():
            word = doc_words[k]
            wid = known.get(word)
            if wid is None:
                wid = known[word] = len(self._starts) - 1
                vocab = self.vocabulary_
                self._terms.extend(vocab.setdefault(t, len(vocab)) for t in tokens(word, self.surface_))
                self._starts.append(len(self._terms))
            ids[k] = wid
        return ids

    def _flush(self, batch: list[np.ndarray], indices: array, counts: array, indptr: array) -> None:
        """Count a batch of documents' word ids into CSR rows, terms in order of first use."""
        if not batch:
            return
        lengths = np.fromiter(map(len, batch), dtype=np.int64, count=len(batch))
        wids = np.concatenate(batch) if lengths.sum() else np.zeros(0, dtype=np.int64)
        starts = np.frombuffer(self._starts, dtype=np.int64)
        terms = np.frombuffer(self._terms, dtype=np.int32)
        per_word = (starts[1:] - starts[:-1])[wids]  # terms of each word occurrence
        token_doc = np.repeat(np.arange(len(batch)), lengths)
        occurrence = np.repeat(np.arange(len(wids)), per_word)  # one entry per term occurrence
        offset = np.arange(len(occurrence)) - np.repeat(np.cumsum(per_word) - per_word, per_word)
        term = terms[starts[wids[occurrence]] + offset].astype(np.int64)
        doc = token_doc[occurrence]
        n_terms = max(len(self.vocabulary_), 1)
        keys, first, n = np.unique(doc * n_terms + term, return_index=True, return_counts=True)
        order = np.argsort(first, kind="stable")  # by document, then first use in it
        keys, n = keys[order], n[order]
        row_sizes = np.bincount(keys // n_terms, minlength=len(batch))
        indices.frombytes((keys % n_terms).astype(np.int32).tobytes())
        counts.frombytes(n.astype(np.float32).tobytes())
        indptr.frombytes((indptr[-1] + np.cumsum(row_sizes)).astype(np.int64).tobytes())
        del starts, terms  # views of the word table, which may now be replaced
        if sum(map(len, self._known.values())) >= self.word_cache_size:
            self._reset_words()
