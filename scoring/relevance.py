"""Topical relevance: TF-IDF over one document per site, cosine to a topic profile.

The profile is the mean of the seeds' L2-normalised TF-IDF vectors, minus the mean of all
documents (what every blog says), plus the user's topic phrases (tokenised in every requested
language); seeds and phrases are each half of the profile. There is one profile per document
language: German blogs are compared with the German seeds against the German background,
English with English (a language without seeds uses all seeds), so filler words of one
language do not pass for topic words when the other language dilutes the background.

Documents stream in as ``(site, language, text)`` tuples and are counted straight into
compact CSR arrays by `scoring.counts.TermCounter` (one copy of the corpus, as 4-byte term
ids and counts; Python work per distinct word, not per token); scikit-learn's
``TfidfTransformer`` learns the IDF, and `scoring.tfidf` applies it and normalises the rows in
place, with the transformer's own formulas (no second copy of a matrix of millions of entries).

>>> docs = [("seed.de", "de", "Content-Marketing und Social Media für Blogger"),
...         ("a.de", "de", "Social Media Marketing: Tipps für Instagram und Blogger"),
...         ("b.de", "de", "Rezepte für Kuchen und Brot")]
>>> rel = TopicRelevance().fit(docs, seeds=["seed.de"], topic="social media marketing")
>>> rel.scores_["a.de"] > rel.scores_["b.de"] == 0.0
True
>>> rel.top_terms("a.de", 3)
['marketing', 'media', 'social']
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfTransformer

from scoring import tfidf
from scoring.counts import Document, TermCounter
from scoring.text import LANGUAGES, tokenize, topic_terms

log = logging.getLogger(__name__)


class TopicRelevance:
    """Score sites by cosine similarity of their TF-IDF vector to a seeds-plus-topic profile.

    Parameters
    ----------
    topic_weight : share of the profile given to the ``--topic`` phrases when seeds have text
        (0..1; the seeds' centroid gets the rest).
    contrast : how much of the crawl's centroid is subtracted from the seeds' centroid
        (negatives clipped), so words every blog uses ("genau", "Woche") weigh less in the
        profile than what sets the seeds apart.
    min_df : ignore terms found in fewer documents (1 keeps all; 2 shrinks huge crawls).
    sublinear_tf : use ``1 + log(tf)``.
    word_cache_size : distinct words per language remembered with their term columns while
        counting (the cache is cleared when full, bounding memory; results do not change).
    shingle_every : keep about one in this many word 8-grams per document in ``shingles_``
        (for `scoring.duplicates`); 0 keeps none.

    Attributes
    ----------
    sites_ : list of fitted sites, in input order.
    languages_ : {site: tokeniser language used}.
    document_languages_ : {site: the document's language, declared or guessed; '' if unknown}.
    scores_ : {site: cosine similarity to the profile of the site's language, 0..1}.
    profiles_ : {language: L2-normalised profile (dense 1-D array)}.
    profile_ : the profile over all languages together.
    vocabulary_ : {term: column}; terms_ : the terms by column.
    transformer_ : the fitted ``TfidfTransformer``; idf_ : its inverse document frequency by column;
    matrix_ : the TF-IDF rows (float32 CSR).
    """

    def __init__(
        self,
        topic_weight: float = 0.5,
        contrast: float = 1.0,
        min_df: int = 1,
        sublinear_tf: bool = True,
        word_cache_size: int = 1_000_000,
        shingle_every: int = 0,
    ):
        self.topic_weight = topic_weight
        self.shingle_every = shingle_every
        self.word_cache_size = word_cache_size
        self.contrast = contrast
        self.min_df = min_df
        self.sublinear_tf = sublinear_tf

    def _count(self, documents: Iterable[Document]) -> sparse.csr_matrix:
        """Tokenise and count the documents into a CSR term-count matrix (`TermCounter`)."""
        counter = TermCounter(word_cache_size=self.word_cache_size, shingle_every=self.shingle_every)
        X = counter.count(documents)
        self.shingles_, self.pages_ = counter.shingles_, counter.pages_
        self.sites_, self.languages_, self.surface_ = counter.sites_, counter.languages_, counter.surface_
        self.document_languages_ = counter.document_languages_
        vocab = counter.vocabulary_
        terms = np.empty(len(vocab), dtype=object)
        for term, j in vocab.items():
            terms[j] = term
        if self.min_df > 1 and len(vocab):
            keep = np.flatnonzero(np.bincount(X.indices, minlength=len(vocab)) >= self.min_df)
            X, terms = X[:, keep].tocsr(), terms[keep]
        self.terms_ = terms
        self.vocabulary_ = {t: j for j, t in enumerate(terms)}
        return X

    def fit(
        self,
        documents: Iterable[Document],
        seeds: Iterable[str] = (),
        topic: str = "",
        langs: Sequence[str] | None = None,
    ) -> TopicRelevance:
        """Fit TF-IDF on ``documents`` and score every site against its language's profile.

        ``seeds`` name the sites whose documents define the topic; ``topic`` adds comma-separated
        phrases, tokenised in each of ``langs`` (default: German and English).
        """
        counts = self._count(documents)
        self.index_ = {s: i for i, s in enumerate(self.sites_)}
        n_docs, n_terms = counts.shape
        self.profiles_ = {}
        if n_docs == 0 or n_terms == 0 or counts.nnz == 0:
            self.matrix_ = sparse.csr_matrix((n_docs, n_terms), dtype=np.float32)
            self.idf_ = np.zeros(n_terms)
            self.profile_ = np.zeros(n_terms)
            self.scores_ = dict.fromkeys(self.sites_, 0.0)
            return self
        counts = counts.astype(np.float32, copy=False)
        self.transformer_ = TfidfTransformer(sublinear_tf=self.sublinear_tf).fit(counts)
        self.idf_ = self.transformer_.idf_
        self.matrix_ = tfidf.weigh_in_place(counts, self.idf_, self.sublinear_tf)
        del counts
        seed_rows = sorted({self.index_[s] for s in seeds if s in self.index_})
        topic_vec = self.topic_vector(topic, langs)
        by_lang: dict[str, list[int]] = {}
        for i, site in enumerate(self.sites_):
            by_lang.setdefault(self.languages_[site], []).append(i)
        sims = np.zeros(n_docs)
        for lang in sorted(by_lang):
            rows = by_lang[lang]
            row_set = set(rows)
            own_seeds = [i for i in seed_rows if i in row_set] or seed_rows
            profile = self._profile(own_seeds, rows, topic_vec)
            self.profiles_[lang] = profile
            if profile.any():
                sims[rows] = (self.matrix_ @ profile)[rows]
        if not any(p.any() for p in self.profiles_.values()):
            log.warning("no topic profile: the seeds have no crawled text and no --topic was given")
        self.profile_ = self._profile(seed_rows, range(n_docs), topic_vec)
        self.scores_ = {s: float(max(0.0, min(1.0, sims[i]))) for i, s in enumerate(self.sites_)}
        return self

    def _mean(self, rows: Sequence[int]) -> np.ndarray:
        """Mean TF-IDF row over ``rows`` (without copying the rows)."""
        weights = np.zeros(self.matrix_.shape[0])
        weights[list(rows)] = 1.0 / len(rows)
        return np.asarray(self.matrix_.T @ weights, dtype=np.float64).ravel()

    def _profile(self, seed_rows: Sequence[int], background_rows: Sequence[int], topic_vec: np.ndarray) -> np.ndarray:
        """L2-normalised mix of the seed centroid (minus the background's) and the topic vector."""
        seed_vec = np.zeros(self.matrix_.shape[1])
        if seed_rows:
            seed_vec = self._mean(seed_rows)
            background_rows = list(background_rows)
            if self.contrast and len(set(background_rows) - set(seed_rows)):
                seed_vec = np.clip(seed_vec - self.contrast * self._mean(background_rows), 0.0, None)
        parts = []
        for vec, share in ((seed_vec, 1.0 - self.topic_weight), (topic_vec, self.topic_weight)):
            norm = np.linalg.norm(vec)
            if norm > 0:
                parts.append((vec / norm, share))
        if not parts:
            return np.zeros(self.matrix_.shape[1])
        profile = parts[0][0] if len(parts) == 1 else sum(vec * share for vec, share in parts)
        return profile / np.linalg.norm(profile)

    def topic_vector(self, topic: str, langs: Sequence[str] | None = None) -> np.ndarray:
        """TF-IDF vector (unnormalised) of the topic phrases over the fitted vocabulary."""
        vec = np.zeros(len(self.vocabulary_))
        codes = [c for c in (langs or LANGUAGES) if c in LANGUAGES] or list(LANGUAGES)
        for phrase in topic_terms(topic):
            terms = set()
            for code in codes:
                terms.update(tokenize(phrase, code))
            for term in sorted(terms):
                j = self.vocabulary_.get(term)
                if j is not None:
                    vec[j] = max(vec[j], self.idf_[j])
        return vec

    def top_terms(self, site: str, n: int = 5) -> list[str]:
        """The ``n`` terms contributing most to a site's similarity, in readable form."""
        return self.top_terms_of([site], n).get(site, [])

    def top_terms_of(self, sites: Iterable[str], n: int = 5) -> dict[str, list[str]]:
        """`top_terms` of many sites at once: {site: terms} (sites not fitted get ``[]``).

        A site's terms are ordered by contribution (TF-IDF weight times the profile's), ties
        by term; terms sharing a readable form count once. Only a shortlist of each row's
        strongest entries (chosen with numpy, ties kept) is sorted in Python.
        """
        sites = list(sites)
        matrix = getattr(self, "matrix_", None)
        usable = {lang: p for lang, p in self.profiles_.items() if p.any()}
        rows = (
            sorted(
                {
                    i
                    for i in map(self.index_.get, sites)
                    if i is not None and self.languages_.get(self.sites_[i], "") in usable
                }
            )
            if matrix is not None
            else []
        )
        found: dict[int, list[str]] = {}
        for start in range(0, len(rows), 2_000):  # contributions of 2,000 rows at a time
            part = rows[start : start + 2_000]
            sub = matrix[part]
            entry_row = np.repeat(np.arange(len(part)), np.diff(sub.indptr))
            langs = np.array([self.languages_[self.sites_[i]] for i in part], dtype=object)
            weights = np.zeros(sub.nnz)
            for lang, profile in usable.items():
                here = (langs == lang)[entry_row]
                weights[here] = profile[sub.indices[here]]
            keep = weights > 0
            cols, row_of = sub.indices[keep], entry_row[keep]
            contrib = sub.data[keep].astype(np.float64) * weights[keep]
            ends = np.concatenate(([0], np.cumsum(keep)))[sub.indptr]
            picked = contrib >= _shortlist_thresholds(contrib, row_of, ends, 4 * n)[row_of]
            picked_ends = np.concatenate(([0], np.cumsum(picked)))[ends].tolist()
            strength = (-contrib[picked]).tolist()
            terms = self.terms_[cols[picked]].tolist()
            ends = ends.tolist()
            for k, i in enumerate(part):
                a, b = picked_ends[k], picked_ends[k + 1]
                out = self._readable_top(sorted(zip(strength[a:b], terms[a:b])), n)
                if len(out) < n and b - a < ends[k + 1] - ends[k]:  # shared forms used up the shortlist
                    whole = slice(ends[k], ends[k + 1])
                    out = self._readable_top(
                        sorted(zip((-contrib[whole]).tolist(), self.terms_[cols[whole]].tolist())), n
                    )
                found[i] = out
        return {site: found.get(self.index_.get(site), []) if found else [] for site in sites}

    def _readable_top(self, ranked: Iterable[tuple[float, str]], n: int) -> list[str]:
        """The first ``n`` distinct readable forms of the terms of ``ranked`` pairs."""
        out: list[str] = []
        for _, term in ranked:
            word = self.surface_.get(term, term)
            if word not in out:
                out.append(word)
                if len(out) == n:
                    break
        return out


def _shortlist_thresholds(values: np.ndarray, row: np.ndarray, ends: np.ndarray, size: int) -> np.ndarray:
    """Per row, the ``size``-th largest of its ``values`` (-inf for rows with no more than ``size``).

    ``row`` gives each value's row (ascending), ``ends`` the rows' bounds. The longer rows are
    laid out in one -inf-padded matrix and partitioned together.
    """
    lengths = np.diff(ends)
    out = np.full(len(lengths), -np.inf)
    long = lengths > size
    if not long.any():
        return out
    width = int(lengths.max())
    slot = np.cumsum(long) - 1  # a long row's line in the matrix
    column = np.arange(len(values)) - ends[:-1][row]
    on = long[row]
    padded = np.full((int(long.sum()), width), -np.inf)
    padded[slot[row[on]], column[on]] = values[on]
    out[long] = np.partition(padded, width - size, axis=1)[:, width - size]
    return out
