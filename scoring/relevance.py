"""Topical relevance: TF-IDF over one document per site, cosine to a topic profile.

The profile is the mean of the seeds' L2-normalised TF-IDF vectors, minus the mean of all
documents (what every blog says), plus the user's topic phrases (tokenised in every requested
language); seeds and phrases are each half of the profile. There is one profile per document
language: German blogs are compared with the German seeds against the German background,
English with English (a language without seeds uses all seeds), so filler words of one
language do not pass for topic words when the other language dilutes the background. Documents stream
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

from scoring.text import LANGUAGES, Tokenizer, language_of, tokenize, topic_terms

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
    scores_ : {site: cosine similarity to the profile of the site's language, 0..1}.
    profiles_ : {language: L2-normalised profile (dense 1-D array)}.
    profile_ : the profile over all languages together.
    vectorizer_ : the fitted ``TfidfVectorizer`` (float32 matrix, to halve memory).
    terms_ : the vocabulary as an array, by column.
    """

    def __init__(self, topic_weight: float = 0.5, contrast: float = 1.0, min_df: int | float = 1,
                 max_features: int | None = None, sublinear_tf: bool = True):
        self.topic_weight = topic_weight
        self.contrast = contrast
        self.min_df = min_df
        self.max_features = max_features
        self.sublinear_tf = sublinear_tf

    def _tokens(self, documents: Iterable[Document]) -> Iterator[list[str]]:
        tokenizer = Tokenizer()
        for site, lang, text in documents:
            code = language_of(lang, text or "")
            self.sites_.append(site)
            self.languages_[site] = code
            yield tokenizer.tokenize(text or "", code, surface=self.surface_)

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
                                           sublinear_tf=self.sublinear_tf, dtype=np.float32)
        try:
            X = self.vectorizer_.fit_transform(self._tokens(documents))
        except ValueError:  # empty corpus or vocabulary
            self.matrix_ = sparse.csr_matrix((len(self.sites_), 0))
            self.profile_ = np.zeros(0)
            self.profiles_ = {}
            self.scores_ = dict.fromkeys(self.sites_, 0.0)
            self.index_ = {s: i for i, s in enumerate(self.sites_)}
            return self
        self.matrix_ = X.tocsr()
        self.terms_ = self.vectorizer_.get_feature_names_out()
        self.index_ = {s: i for i, s in enumerate(self.sites_)}
        seed_rows = sorted({self.index_[s] for s in seeds if s in self.index_})
        topic_vec = self.topic_vector(topic, langs)
        by_lang: dict[str, list[int]] = {}
        for i, site in enumerate(self.sites_):
            by_lang.setdefault(self.languages_[site], []).append(i)
        self.profiles_ = {}
        sims = np.zeros(len(self.sites_))
        for lang in sorted(by_lang):
            rows = by_lang[lang]
            row_set = set(rows)
            own_seeds = [i for i in seed_rows if i in row_set] or seed_rows
            profile = self._profile(own_seeds, rows, topic_vec)
            self.profiles_[lang] = profile
            if profile.any():
                sims[rows] = self.matrix_[rows] @ profile
        if not any(p.any() for p in self.profiles_.values()):
            log.warning("no topic profile: the seeds have no crawled text and no --topic was given")
        self.profile_ = self._profile(seed_rows, list(range(len(self.sites_))), topic_vec)
        self.scores_ = {s: float(max(0.0, min(1.0, sims[i]))) for i, s in enumerate(self.sites_)}
        return self

    def _profile(self, seed_rows: Sequence[int], background_rows: Sequence[int],
                 topic_vec: np.ndarray) -> np.ndarray:
        """L2-normalised mix of the seed centroid (minus the background's) and the topic vector."""
        n_terms = self.matrix_.shape[1]
        seed_vec = np.zeros(n_terms)
        if seed_rows:
            seed_vec = np.asarray(self.matrix_[list(seed_rows)].mean(axis=0)).ravel()
            others = set(background_rows) - set(seed_rows)
            if self.contrast and others:
                background = np.asarray(self.matrix_[list(background_rows)].mean(axis=0)).ravel()
                seed_vec = np.clip(seed_vec - self.contrast * background, 0.0, None)
        seed_vec = seed_vec.astype(np.float64)
        parts = []
        for vec, share in ((seed_vec, 1.0 - self.topic_weight), (topic_vec, self.topic_weight)):
            norm = np.linalg.norm(vec)
            if norm > 0:
                parts.append((vec / norm, share))
        if not parts:
            return np.zeros(n_terms)
        profile = parts[0][0] if len(parts) == 1 else sum(vec * share for vec, share in parts)
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
        profile = self.profiles_.get(self.languages_.get(site, ""), self.profile_) if i is not None else None
        if profile is None or not profile.any():
            return []
        row = self.matrix_.getrow(i)
        contrib = [(row.data[k] * profile[j], j) for k, j in enumerate(row.indices) if profile[j] > 0]
        names = self.terms_
        contrib.sort(key=lambda t: (-t[0], names[t[1]]))
        out: list[str] = []
        for _, j in contrib:
            word = self.surface_.get(names[j], names[j])
            if word not in out:
                out.append(word)
            if len(out) == n:
                break
        return out
