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
# Reworded copies (synonyms swapped in, sentences reordered) break runs of eight words; they are
# found page by page instead (`scoring.duplicates.find_reworded`): each page's set of stems gets a
# MinHash signature of `SIGNATURE_SIZE` values, whose share of equal values between two pages
# estimates the Jaccard similarity of their stems. Pages are separated by a form feed.
SIGNATURE_SIZE = 32
MIN_PAGE_TERMS = 30  # shorter pages (a contact form, a teaser) say nothing about copying
PAGE_BREAK = "\f"
_MIXES = (
    np.array(
        [(0x9E3779B97F4A7C15 * (2 * i + 1)) & 0xFFFFFFFFFFFFFFFF for i in range(SIGNATURE_SIZE)], dtype=np.uint64
    ).view(np.int64)
    | 1
)  # odd 64-bit multipliers, one hash function of the term ids each


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
        (`scoring.duplicates`); pages_ : (document row of each page, its MinHash signature as a
        pages x `SIGNATURE_SIZE` array) for the pages with `MIN_PAGE_TERMS` stems or more.
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
        self._page_rows, self._signatures = array("i"), array("q")
        batch: list[np.ndarray] = []
        self._pages: list[np.ndarray] = []  # per document of the batch: the page of each word
        size = 0
        for site, lang, text in documents:
            own = language_of(lang, text or "")
            code = tokeniser_language(own)
            self.sites_.append(site)
            self.languages_[site] = code
            self.document_languages_[site] = own
            if self.shingle_every:
                pages = [words(page) for page in (text or "").split(PAGE_BREAK)]
                lengths = np.fromiter(map(len, pages), dtype=np.int64, count=len(pages))
                self._pages.append(np.repeat(np.arange(len(pages), dtype=np.int64), lengths))
                batch.append(self._word_ids([w for page in pages for w in page], code))
            else:
                batch.append(self._word_ids(words(text or ""), code))
            size += len(batch[-1])
            if size >= self.batch_tokens:
                self._flush(batch, indices, counts, indptr)
                batch, size, self._pages = [], 0, []
        self._flush(batch, indices, counts, indptr)
        self.terms_ = list(self.vocabulary_)
        self.shingles_ = (
            np.frombuffer(self._shingle_rows, dtype=np.int32),
            np.frombuffer(self._shingle_hashes, dtype=np.int64),
        )
        self.pages_ = (
            np.frombuffer(self._page_rows, dtype=np.int32),
            np.frombuffer(self._signatures, dtype=np.int64).reshape(-1, SIGNATURE_SIZE),
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
            page = np.concatenate(self._pages)[occurrence] if len(occurrence) else occurrence
            self._page_sketches(term, doc, page, len(indptr) - 1)
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

    def _page_sketches(self, term: np.ndarray, doc: np.ndarray, page: np.ndarray, first_row: int) -> None:
        """The MinHash signature of every page of a batch with `MIN_PAGE_TERMS` or more stems."""
        if not len(term):
            return
        order = np.lexsort((page, doc))
        group = doc[order] * np.int64(1 << 32) + page[order]
        starts = np.flatnonzero(np.concatenate(([True], group[1:] != group[:-1])))
        sizes = np.diff(np.append(starts, len(group)))
        long_enough = sizes >= MIN_PAGE_TERMS
        if not long_enough.any():
            return
        terms = term[order] + 1
        with np.errstate(over="ignore"):
            signature = np.stack([np.minimum.reduceat(terms * mix, starts)[long_enough] for mix in _MIXES], axis=1)
        self._page_rows.frombytes((doc[order][starts][long_enough] + first_row).astype(np.int32).tobytes())
        self._signatures.frombytes(np.ascontiguousarray(signature, dtype=np.int64).tobytes())


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
