"""TF-IDF topic relevance on short German and English texts."""

import pytest

from scoring.relevance import TopicRelevance

GERMAN = [
    ("seed.de", "de", "Content-Marketing und Social-Media-Marketing für Blogger: Strategien für Instagram."),
    ("partner.de", "de", "Social-Media-Marketing: Instagram-Strategien und Content-Marketing für kleine Blogs."),
    ("koch.de", "de", "Rezepte für Kuchen, Brot und Suppe. Backen mit Hefe und Mehl."),
    ("reise.de", "de", "Reisen nach Italien: Strände, Städte und Straßen am Meer."),
]
ENGLISH = [
    ("seed.com", "en", "Content marketing and social media marketing strategies for bloggers."),
    ("partner.com", "en", "Social media marketing tips: Instagram strategies for small blogs."),
    ("garden.com", "en", "Growing tomatoes and roses in your garden: watering and soil."),
]


def test_fit_returns_self_and_learned_attributes():
    rel = TopicRelevance()
    assert rel.fit(GERMAN, seeds=["seed.de"]) is rel
    assert rel.sites_ == ["seed.de", "partner.de", "koch.de", "reise.de"]
    assert rel.languages_["partner.de"] == "de"


def test_init_only_stores_parameters():
    rel = TopicRelevance(topic_weight=0.3, min_df=2)
    assert vars(rel) == {
        "topic_weight": 0.3,
        "contrast": 1.0,
        "min_df": 2,
        "sublinear_tf": True,
        "word_cache_size": 1_000_000,
        "shingle_every": 0,
    }


def test_german_on_topic_beats_off_topic():
    scores = TopicRelevance().fit(GERMAN, seeds=["seed.de"]).scores_
    assert scores["partner.de"] > 0.3
    assert scores["koch.de"] == scores["reise.de"] == 0.0


def test_english_on_topic_beats_off_topic():
    scores = TopicRelevance().fit(ENGLISH, seeds=["seed.com"]).scores_
    assert scores["partner.com"] > 0.3 and scores["garden.com"] == 0.0


def test_mixed_languages_share_loanword_terms():
    scores = TopicRelevance().fit(GERMAN + ENGLISH, seeds=["seed.de"]).scores_
    assert scores["partner.com"] > scores["garden.com"] == 0.0


def test_topic_alone_defines_profile_without_seed_text():
    scores = TopicRelevance().fit(GERMAN[1:], seeds=[], topic="Backen, Kuchen").scores_
    assert scores["koch.de"] > 0 and scores["partner.de"] == 0.0


def test_topic_matches_umlaut_spellings():
    docs = [("a.de", "de", "Die Grösse der Häuser"), ("b.de", "de", "Ein Garten")]
    scores = TopicRelevance().fit(docs, topic="Größe, Haeuser").scores_
    assert scores["a.de"] == pytest.approx(1.0) and scores["b.de"] == 0.0


def test_topic_weight_shifts_profile_towards_topic():
    docs = GERMAN + [("back.de", "de", "Kuchen backen")]
    low = TopicRelevance(topic_weight=0.1).fit(docs, seeds=["seed.de"], topic="Kuchen").scores_
    high = TopicRelevance(topic_weight=0.9).fit(docs, seeds=["seed.de"], topic="Kuchen").scores_
    assert high["back.de"] > low["back.de"]


def test_top_terms_are_readable_shared_terms():
    rel = TopicRelevance().fit(GERMAN, seeds=["seed.de"], topic="social media marketing")
    terms = rel.top_terms("partner.de", 8)
    assert "social-media-marketing" in terms and "instagram" in terms
    assert rel.top_terms("koch.de") == [] and rel.top_terms("unknown.de") == []


def strongest_terms(rel, site, n):
    """The reference: a row's terms sorted by (-contribution, term), each readable form once."""
    i = rel.index_[site]
    profile = rel.profiles_[rel.languages_[site]]
    row = rel.matrix_[i]
    ranked = sorted((-float(v) * profile[j], rel.terms_[j]) for j, v in zip(row.indices, row.data) if profile[j] > 0)
    out = []
    for _, term in ranked:
        word = rel.surface_.get(term, term)
        if word not in out:
            out.append(word)
    return out[:n]


@pytest.mark.parametrize("n", [1, 3, 30])
def test_top_terms_of_order_by_contribution_then_term(n):
    docs = GERMAN + ENGLISH + [("tie.de", "de", "Instagram Blogger Strategien Marketing Social Media")]
    rel = TopicRelevance().fit(docs, seeds=["seed.de", "seed.com"], topic="social media, kuchen")
    sites = [s for s, _, _ in docs] + ["unknown.de"]
    found = rel.top_terms_of(sites, n)
    assert found["unknown.de"] == [] and found["tie.de"]
    assert {s: found[s] for s in sites[:-1]} == {s: strongest_terms(rel, s, n) for s in sites[:-1]}


def test_no_profile_gives_zero_scores():
    rel = TopicRelevance().fit(GERMAN, seeds=["not-crawled.de"])
    assert set(rel.scores_.values()) == {0.0}


def test_min_df_drops_rare_terms():
    rel = TopicRelevance(min_df=2).fit(ENGLISH, seeds=["seed.com"])
    assert "garden" not in rel.vocabulary_ and "market" in rel.vocabulary_
    assert list(rel.terms_[[rel.vocabulary_["market"]]]) == ["market"]


def test_matches_scikit_learn_tfidf_vectorizer():
    from sklearn.feature_extraction.text import TfidfVectorizer

    from scoring.text import tokenize

    rel = TopicRelevance().fit(GERMAN, seeds=["seed.de"])
    ref = TfidfVectorizer(analyzer=lambda doc: tokenize(doc, "de"), sublinear_tf=True)
    X = ref.fit_transform([text for _, _, text in GERMAN])
    cols = [ref.vocabulary_[t] for t in rel.terms_]
    assert abs(X[:, cols] - rel.matrix_).max() < 1e-6


def test_documents_can_be_a_generator():
    rel = TopicRelevance().fit((d for d in ENGLISH), seeds=["seed.com"])
    assert len(rel.scores_) == 3


def test_empty_relevance():
    rel = TopicRelevance().fit([], seeds=["a.de"], topic="marketing")
    assert rel.scores_ == {} and rel.top_terms("a.de") == []


def test_empty_documents_without_words():
    rel = TopicRelevance().fit([("a.de", "de", "und der die"), ("b.de", "en", "")], topic="x")
    assert rel.scores_ == {"a.de": 0.0, "b.de": 0.0}


def test_contrast_subtracts_what_every_blog_says():
    # idf: genau/woche 1+ln(5/4), marketing 1+ln(5/3), kuchen/garten 1+ln(5/2). Seed row
    # (0.533, 0.533, 0.658); crawl mean genau 0.370, marketing 0.415 -> profile (0.163, 0.163,
    # 0.243) after subtracting it: a.de (filler + kuchen) 0.505 -> 0.461, c.de 0.658 -> 0.727.
    docs = [
        ("seed.de", "de", "genau Woche Marketing"),
        ("a.de", "de", "genau Woche Kuchen"),
        ("b.de", "de", "genau Woche Garten"),
        ("c.de", "de", "Marketing"),
    ]
    with_contrast = TopicRelevance().fit(docs, seeds=["seed.de"]).scores_
    without = TopicRelevance(contrast=0.0).fit(docs, seeds=["seed.de"]).scores_
    assert without["a.de"] == pytest.approx(0.505, abs=1e-3) and without["c.de"] == pytest.approx(0.658, abs=1e-3)
    assert with_contrast["a.de"] == pytest.approx(0.461, abs=1e-3)
    assert with_contrast["c.de"] == pytest.approx(0.727, abs=1e-3)


def test_profile_per_language_keeps_filler_of_one_language_out():
    docs = [
        ("seed.de", "de", "genau Woche Stunden gespannt Content-Marketing Strategie"),
        ("seed.com", "en", "content marketing strategy audience"),
        ("off.de", "de", "genau Woche Stunden gespannt Kuchen backen"),
        ("other.de", "de", "Rezepte Kuchen Brot"),
        ("partner.com", "en", "content marketing audience newsletter"),
        ("garden.com", "en", "garden roses tomatoes"),
    ]
    rel = TopicRelevance().fit(docs, seeds=["seed.de", "seed.com"])
    assert sorted(rel.profiles_) == ["de", "en"]
    assert rel.scores_["partner.com"] > rel.scores_["off.de"]
    assert rel.scores_["garden.com"] == 0.0


def test_shortlist_thresholds_are_each_rows_kth_largest():
    import numpy as np

    from scoring.relevance import _shortlist_thresholds

    values = np.array([5.0, 1.0, 3.0, 3.0, 2.0, 7.0, 4.0, 6.0, 6.0, 9.0])
    ends = np.array([0, 5, 6, 10])  # rows of 5, 1 and 4 values
    row = np.repeat(np.arange(3), np.diff(ends))
    assert _shortlist_thresholds(values, row, ends, 2).tolist() == [3.0, -np.inf, 6.0]
    assert _shortlist_thresholds(values, row, ends, 5).tolist() == [-np.inf] * 3


def test_top_terms_of_many_terms_sharing_a_readable_form():
    rel = TopicRelevance().fit(GERMAN + ENGLISH, seeds=["seed.de", "seed.com"], topic="social media")
    rel.surface_ = {t: "gleich" for t in rel.terms_[:-2]}
    for site in ("partner.de", "partner.com"):
        assert rel.top_terms_of([site], 2)[site] == strongest_terms(rel, site, 2)
