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
from hashlib import blake2b

import numpy as np
from scipy import sparse

from scoring.text import language_of, tokeniser_language, word_tokenizer, words

Document = tuple[str, str | None, str]  # (site, declared language, main text)
SHINGLE_WORDS = 8  # words per shingle: long enough that stock phrases shared by a few blogs rarely match


class _WordTable(dict):
    """word -> word id for one language; looking up a new word adds it (through ``add``)."""

    def __init__(self, add: Callable[[str], int]):
        super().__init__()
        self.add = add

    def __missing__(self, word: str) -> int:
        wid = self[word] = self.add(word)
        return wid


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
    document_languages_ : {site: the document's own language, declared or guessed; '' if unknown}.
    terms_ : the terms by column; vocabulary_ : {term: column}.
    surface_ : {term: first readable word form} for explanations.
    shingles_ : with ``shingle_every=k``, (document rows, hashes) of about one in k word 8-grams
        of each document, sampled by hash so that equal 8-grams are kept in every document
        (`scoring.duplicates`).
    """

    def __init__(self, word_cache_size: int = 1_000_000, batch_tokens: int = 500_000, shingle_every: int = 0):
        self.word_cache_size = word_cache_size
        self.batch_tokens = batch_tokens
        self.shingle_every = shingle_every

    def count(self, documents: Iterable[Document]) -> sparse.csr_matrix:
        """Tokenise and count ``documents`` into a float32 CSR matrix (rows: documents)."""
        self.sites_: list[str] = []
        self.languages_: dict[str, str] = {}
        self.document_languages_: dict[str, str] = {}
        self.surface_: dict[str, str] = {}
        self.vocabulary_: dict[str, int] = {}
        self._tokenizers: dict[str, Callable[..., list[str]]] = {}
        self._reset_words()
        indices, counts, indptr = array("i"), array("f"), array("q", [0])
        self._shingle_rows, self._shingle_hashes = array("i"), array("q")
        batch: list[np.ndarray] = []
        size = 0
        for site, lang, text in documents:
            own = language_of(lang, text or "")
            code = tokeniser_language(own)
            self.sites_.append(site)
            self.languages_[site] = code
            self.document_languages_[site] = own
            batch.append(self._word_ids(words(text or ""), code))
            size += len(batch[-1])
            if size >= self.batch_tokens:
                self._flush(batch, indices, counts, indptr)
                batch, size = [], 0
        self._flush(batch, indices, counts, indptr)
        self.terms_ = list(self.vocabulary_)
        self.shingles_ = (
            np.frombuffer(self._shingle_rows, dtype=np.int32),
            np.frombuffer(self._shingle_hashes, dtype=np.int64),
        )
        return sparse.csr_matrix(
            (
                np.frombuffer(counts, dtype=np.float32),
                np.frombuffer(indices, dtype=np.int32),
                np.frombuffer(indptr, dtype=np.int64),
            ),
            shape=(len(self.sites_), len(self.vocabulary_)),
        )

    def _reset_words(self) -> None:
        self._known: dict[str, _WordTable] = {}  # language -> word -> word id
        self._starts = array("q", [0])  # word id -> its terms in self._terms[start:end]
        self._terms = array("i")
        self._hashes = array("q")  # word id -> a hash of the word (for shingles)

    def _word_ids(self, doc_words: list[str], lang: str) -> np.ndarray:
        """Word ids of a document's words; unknown words are tokenised and added, in order."""
        known = self._known.get(lang)
        if known is None:
            tokens = self._tokenizers.get(lang)
            if tokens is None:
                tokens = self._tokenizers[lang] = word_tokenizer(lang)
            known = self._known[lang] = _WordTable(self._adder(tokens))
        return np.fromiter(map(known.__getitem__, doc_words), dtype=np.int64, count=len(doc_words))

    def _adder(self, tokens: Callable[..., list[str]]) -> Callable[[str], int]:
        """A function that tokenises a new word, records its terms and returns its word id."""
        vocab, surface, starts, terms = self.vocabulary_, self.surface_, self._starts, self._terms
        hashes = self._hashes

        def add(word: str) -> int:
            terms.extend(vocab.setdefault(t, len(vocab)) for t in tokens(word, surface))
            starts.append(len(terms))
            hashes.append(int.from_bytes(blake2b(word.encode(), digest_size=8).digest(), "little", signed=True))
            return len(starts) - 2

        return add

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
        if self.shingle_every:
            self._sample_shingles(wids, token_doc, len(indptr) - 1)
        n_terms = max(len(self.vocabulary_), 1)
        keys, n = first_use_counts(doc * n_terms + term)  # by document, then first use in it
        row_sizes = np.bincount(keys // n_terms, minlength=len(batch))
        indices.frombytes((keys % n_terms).astype(np.int32).tobytes())
        counts.frombytes(n.astype(np.float32).tobytes())
        indptr.frombytes((indptr[-1] + np.cumsum(row_sizes)).astype(np.int64).tobytes())
        del starts, terms  # views of the word table, which may now be replaced
        if sum(map(len, self._known.values())) >= self.word_cache_size:
            self._reset_words()

    def _sample_shingles(self, wids: np.ndarray, token_doc: np.ndarray, first_row: int) -> None:
        """Keep the word 8-grams of a batch whose hash falls in one of ``shingle_every`` buckets."""
        if len(wids) < 3:
            return
        n = SHINGLE_WORDS
        if len(wids) < n:
            return
        h = np.frombuffer(self._hashes, dtype=np.int64)[wids]
        end = len(h) - n + 1
        grams = h[:end].copy()
        with np.errstate(over="ignore"):
            for k in range(1, n):
                grams = grams * np.int64(1_000_003) ^ h[k : k + end]
        keep = (token_doc[:end] == token_doc[n - 1 :]) & ((grams >> 17) % self.shingle_every == 0)
        self._shingle_rows.frombytes((token_doc[:end][keep] + first_row).astype(np.int32).tobytes())
        self._shingle_hashes.frombytes(grams[keep].astype(np.int64).tobytes())


def first_use_counts(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct values of ``keys`` (non-negative ints) in order of first occurrence, with counts.

    One sort, with each key's position packed into its low bits when both fit in 63 bits
    (a stable argsort otherwise); the first occurrences are then marked and read back in
    order, instead of sorting them a second time.

    >>> first_use_counts(np.array([7, 3, 7, 5, 3, 7]))
    (array([7, 3, 5]), array([3, 2, 1]))
    """
    n = len(keys)
    if n == 0:
        return keys.astype(np.int64), np.zeros(0, dtype=np.int64)
    shift = max(1, (n - 1).bit_length())
    if int(keys.max()).bit_length() + shift <= 63:
        packed = np.sort((keys.astype(np.int64) << shift) | np.arange(n))
        ordered, position = packed >> shift, packed & ((1 << shift) - 1)
    else:
        position = np.argsort(keys, kind="stable")
        ordered = keys[position]
    group = np.flatnonzero(np.concatenate(([True], ordered[1:] != ordered[:-1])))
    count_at = np.zeros(n, dtype=np.int64)
    count_at[position[group]] = np.diff(np.append(group, n))  # at each value's first position
    first = np.flatnonzero(count_at)
    return keys[first], count_at[first]
