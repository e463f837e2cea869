"""Topical relevance: TF-IDF over one document per site, cosine to a topic profile.

The profile is the mean of the seeds' L2-normalised TF-IDF vectors, minus the mean of all
documents (what every blog says), plus the user's topic phrases (tokenised in every requested
language); seeds and phrases are each half of the profile. Documents stream
in as ``(site, language, text)`` tuples; only their tokens pass through the vectoriser.

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
from collections.abc import Iterable, Iterator, Sequence

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from scoring.text import LANGUAGES, language_of, tokenize, topic_terms

log = logging.getLogger(__name__)

Document = tuple[str, str | None, str]  # (site, declared language, main text)


def _passthrough(tokens: list[str]) -> list[str]:
    """Analyzer for pre-tokenised documents."""
    return tokens


class TopicRelevance:
    """Score sites by cosine similarity of their TF-IDF vector to a seeds-plus-topic profile.

    Parameters
    ----------
    topic_weight : share of the profile given to the ``--topic`` phrases when seeds have text
        (0..1; the seeds' centroid gets the rest).
    contrast : how much of the whole crawl's centroid is subtracted from the seeds' centroid
        (negatives clipped), so words every blog uses ("genau", "Woche") weigh less in the
        profile than what sets the seeds apart.
    min_df : passed to ``TfidfVectorizer`` (ignore rarer terms).
    max_features : passed to ``TfidfVectorizer`` (bounds memory on very large crawls).
    sublinear_tf : passed to ``TfidfVectorizer``.

    Attributes
    ----------
    sites_ : list of fitted sites, in input order.
    languages_ : {site: tokeniser language used}.
    scores_ : {site: cosine similarity to the profile, 0..1}.
    profile_ : the L2-normalised profile as a dense 1-D array.
    vectorizer_ : the fitted ``TfidfVectorizer``.
    """

    def __init__(self, topic_weight: float = 0.5, contrast: float = 1.0, min_df: int | float = 1,
                 max_features: int | None = None, sublinear_tf: bool = True):
        self.topic_weight = topic_weight
        self.contrast = contrast
        self.min_df = min_df
        self.max_features = max_features
        self.sublinear_tf = sublinear_tf

    def _tokens(self, documents: Iterable[Document]) -> Iterator[list[str]]:
        for site, lang, text in documents:
            code = language_of(lang, text or "")
            self.sites_.append(site)
            self.languages_[site] = code
            yield tokenize(text or "", code, surface=self.surface_)

    def fit(self, documents: Iterable[Document], seeds: Iterable[str] = (), topic: str = "",
            langs: Sequence[str] | None = None) -> TopicRelevance:
        """Fit TF-IDF on ``documents`` and score every site against the profile.

        ``seeds`` name the sites whose documents define the topic; ``topic`` adds comma-separated
        phrases, tokenised in each of ``langs`` (default: German and English).
        """
        self.sites_: list[str] = []
        self.languages_: dict[str, str] = {}
        self.surface_: dict[str, str] = {}
        self.vectorizer_ = TfidfVectorizer(analyzer=_passthrough, min_df=self.min_df,
                                           max_features=self.max_features,
                                           sublinear_tf=self.sublinear_tf, dtype=np.float64)
        try:
            X = self.vectorizer_.fit_transform(self._tokens(documents))
        except ValueError:  # empty corpus or vocabulary
            self.matrix_ = sparse.csr_matrix((len(self.sites_), 0))
            self.profile_ = np.zeros(0)
            self.scores_ = dict.fromkeys(self.sites_, 0.0)
            self.index_ = {s: i for i, s in enumerate(self.sites_)}
            return self
        self.matrix_ = X.tocsr()
        self.index_ = {s: i for i, s in enumerate(self.sites_)}
        self.profile_ = self._profile(seeds, topic, langs)
        sims = self.matrix_ @ self.profile_ if self.profile_.any() else np.zeros(len(self.sites_))
        self.scores_ = {s: float(max(0.0, min(1.0, sims[i]))) for i, s in enumerate(self.sites_)}
        return self

    def _profile(self, seeds: Iterable[str], topic: str, langs: Sequence[str] | None) -> np.ndarray:
        """L2-normalised mix of the seed centroid and the topic-phrase vector."""
        n_terms = self.matrix_.shape[1]
        rows = sorted({self.index_[s] for s in seeds if s in self.index_})
        seed_vec = np.zeros(n_terms)
        if rows:
            seed_vec = np.asarray(self.matrix_[rows].mean(axis=0)).ravel()
            if self.contrast and self.matrix_.shape[0] > len(rows):
                background = np.asarray(self.matrix_.mean(axis=0)).ravel()
                seed_vec = np.clip(seed_vec - self.contrast * background, 0.0, None)
        topic_vec = self.topic_vector(topic, langs)
        parts = []
        for vec, share in ((seed_vec, 1.0 - self.topic_weight), (topic_vec, self.topic_weight)):
            norm = np.linalg.norm(vec)
            if norm > 0:
                parts.append((vec / norm, share))
        if not parts:
            log.warning("no topic profile: the seeds have no crawled text and no --topic was given")
            return np.zeros(n_terms)
        if len(parts) == 1:
            profile = parts[0][0]
        else:
            profile = sum(vec * share for vec, share in parts)
        return profile / np.linalg.norm(profile)

    def topic_vector(self, topic: str, langs: Sequence[str] | None = None) -> np.ndarray:
        """TF-IDF vector (unnormalised) of the topic phrases over the fitted vocabulary."""
        vocab = self.vectorizer_.vocabulary_
        vec = np.zeros(len(vocab))
        codes = [c for c in (langs or LANGUAGES) if c in LANGUAGES] or list(LANGUAGES)
        for phrase in topic_terms(topic):
            terms = set()
            for code in codes:
                terms.update(tokenize(phrase, code))
            for term in sorted(terms):
                if term in vocab:
                    j = vocab[term]
                    vec[j] = max(vec[j], self.vectorizer_.idf_[j])
        return vec

    def top_terms(self, site: str, n: int = 5) -> list[str]:
        """The ``n`` terms contributing most to a site's similarity, in readable form."""
        i = self.index_.get(site)
        if i is None or not self.profile_.any():
            return []
        row = self.matrix_.getrow(i)
        contrib = [(row.data[k] * self.profile_[j], j) for k, j in enumerate(row.indices) if self.profile_[j] > 0]
        names = self.vectorizer_.get_feature_names_out()
        contrib.sort(key=lambda t: (-t[0], names[t[1]]))
        out: list[str] = []
        for _, j in contrib:
            word = self.surface_.get(names[j], names[j])
            if word not in out:
                out.append(word)
            if len(out) == n:
                break
        return out
