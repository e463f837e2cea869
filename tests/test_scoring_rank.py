"""Combining the signals: who is ranked, in which order, and why."""

import pytest

from scoring.rank import COLUMNS, ME_COLUMNS, CrawlData, combine, rank_sites
from scoring.weights import DEFAULT_WEIGHTS

MARKETING_DE = "Content-Marketing, Social-Media-Marketing und Instagram-Strategien für Blogger und Unternehmen."
MARKETING_EN = "Content marketing and social media marketing: Instagram strategies for bloggers."
COOKING_DE = "Rezepte für Kuchen, Brot und Suppe. Backen mit Hefe, Mehl und Zucker."
ACTIVE = ["2024-06-01", "2024-05-10", "2024-04-02", "2024-03-01"]


def site(name, role="candidate", is_blog=1, language="de", **extra):
    return {
        "site": name,
        "home_url": f"https://{name}/",
        "role": role,
        "is_blog": is_blog,
        "language": language,
        "title": name.split(".")[0].title(),
        "found_via": extra.pop("found_via", ""),
        "feed_url": f"https://{name}/feed/",
        **extra,
    }


@pytest.fixture
def crawl():
    """Two seeds; a partner in their circle; an off-topic hub everyone links; a dead on-topic blog;
    a link farm; an English partner; a shop, a platform, an excluded site and a French blog."""
    sites = [
        site("s1.de", role="seed"),
        site("s2.de", role="seed"),
        site("partner.de", found_via="blogroll of s1.de"),
        site("hub.de"),
        site("dead.de"),
        site("farm1.de"),
        site("farm2.de"),
        site("farm3.de"),
        site("growth.com", language="en"),
        site("shop.de", is_blog=0),
        site("youtube.com", role="platform"),
        site("old.de", role="excluded"),
        site("blog.fr", language="fr"),
    ]
    links = [
        ("s1.de", "partner.de", "blogroll", 5),
        ("s2.de", "partner.de", "content", 2),
        ("partner.de", "s1.de", "content", 1),
        ("partner.de", "s2.de", "blogroll", 1),
        ("s1.de", "hub.de", "content", 1),
        ("s2.de", "hub.de", "content", 1),
        ("partner.de", "hub.de", "content", 1),
        ("growth.com", "hub.de", "content", 1),
        ("farm1.de", "hub.de", "content", 1),
        ("s1.de", "dead.de", "blogroll", 5),
        ("s2.de", "dead.de", "blogroll", 5),
        ("farm1.de", "farm2.de", "content", 9),
        ("farm2.de", "farm3.de", "content", 9),
        ("farm3.de", "farm1.de", "content", 9),
        ("farm2.de", "farm1.de", "content", 9),
        ("s2.de", "growth.com", "comment", 1),
        ("growth.com", "s1.de", "content", 1),
        ("growth.com", "s2.de", "content", 1),
        ("s1.de", "shop.de", "content", 3),
        ("s1.de", "youtube.com", "social", 9),
        ("s1.de", "old.de", "blogroll", 5),
        ("s1.de", "blog.fr", "blogroll", 5),
    ]
    docs = [
        (s, "de", MARKETING_DE)
        for s in ("s1.de", "s2.de", "partner.de", "dead.de", "farm1.de", "farm2.de", "farm3.de", "shop.de", "old.de")
    ]
    docs += [("hub.de", "de", COOKING_DE), ("growth.com", "en", MARKETING_EN), ("blog.fr", "fr", MARKETING_EN)]
    dates = {s: ACTIVE for s in ("partner.de", "hub.de", "farm1.de", "farm2.de", "farm3.de", "growth.com")}
    dates["dead.de"] = ["2019-03-01", "2019-01-01"]
    contacts = {
        "partner.de": {
            "email": ["info@partner.de", "anna@partner.de"],
            "social": ["https://x.com/p"],
            "impressum_url": ["https://partner.de/impressum/"],
        }
    }
    return CrawlData(
        sites=sites,
        links=links,
        documents=docs,
        post_dates=dates,
        contacts=contacts,
        reference="2024-06-30T10:00:00+00:00",
    )


def ranked(crawl, **kw):
    return [r["site"] for r in rank_sites(crawl, **kw)]


def test_rank_only_candidate_blogs(crawl):
    assert set(ranked(crawl)) == {
        "partner.de",
        "hub.de",
        "dead.de",
        "farm1.de",
        "farm2.de",
        "farm3.de",
        "growth.com",
        "blog.fr",
    }


def test_rank_lang_filter_drops_other_declared_languages(crawl):
    assert "blog.fr" not in ranked(crawl, langs=["de", "en"])


def test_rank_partner_first_and_traps_below_it(crawl):
    order = ranked(crawl, langs=["de", "en"])
    assert order[0] == "partner.de"
    for trap in ("hub.de", "dead.de", "farm1.de"):
        assert order.index(trap) > order.index("partner.de")


def test_rank_dead_blog_below_active_on_topic_blogs(crawl):
    order = ranked(crawl)
    assert order.index("dead.de") > order.index("growth.com")


def test_rank_off_topic_hub_has_zero_relevance_and_low_score(crawl):
    rows = {r["site"]: r for r in rank_sites(crawl)}
    assert rows["hub.de"]["relevance"] == 0.0
    assert rows["hub.de"]["centrality"] > rows["farm1.de"]["centrality"]
    assert rows["hub.de"]["score"] < rows["partner.de"]["score"] / 3


def test_rank_rows_explain_themselves(crawl):
    row = rank_sites(crawl)[0]
    assert list(row) == COLUMNS
    assert row["linked_from_seeds"] == 2 and row["reciprocal"] == 2 and row["inbound_blogs"] == 2
    assert row["emails"] == "anna@partner.de; info@partner.de"
    assert row["impressum_url"] == "https://partner.de/impressum/" and row["social"] == "https://x.com/p"
    assert row["found_via"] == "blogroll of s1.de" and row["last_post"] == "2024-06-01"
    assert "instagram" in row["top_terms"]
    assert "blogroll of s1.de" in row["why"] and "post of s2.de" in row["why"]


def test_rank_me_marks_links_to_me_and_warm_prospects(crawl):
    crawl.links = list(crawl.links) + [("partner.de", "me.de", "blogroll", 1)]
    rows = {r["site"]: r for r in rank_sites(crawl, me="me.de")}
    assert list(rows["partner.de"])[-2:] == ME_COLUMNS
    assert rows["partner.de"]["links_to_me"] is True and rows["partner.de"]["warm_prospect"] is False
    assert rows["growth.com"]["links_to_me"] is False and rows["growth.com"]["warm_prospect"] is True
    assert rows["hub.de"]["warm_prospect"] is False
    assert "me.de" not in rows


def test_rank_is_deterministic(crawl):
    crawl.links, crawl.documents = list(crawl.links), list(crawl.documents)
    assert rank_sites(crawl) == rank_sites(crawl)


def test_rank_ties_broken_by_site():
    sites = [site("b.de"), site("a.de"), site("c.de")]
    assert ranked(CrawlData(sites=sites)) == ["a.de", "b.de", "c.de"]


def test_rank_weights_override_changes_order(crawl):
    crawl.links, crawl.documents = list(crawl.links), list(crawl.documents)
    only_links = {
        "relevance": 0,
        "activity": 0,
        "centrality_signals": {
            "personalized_pagerank": 0,
            "seed_inlinks": 0,
            "seed_cocitation": 0,
            "seed_reciprocity": 0,
            "hits_authority": 0,
            "pagerank": 0,
        },
    }
    assert ranked(crawl, weights=only_links)[0] == "hub.de"  # most inbound blogs


def test_combine_floor_and_exponents():
    assert combine(1, 1, 1, DEFAULT_WEIGHTS) == 1.0
    assert combine(0, 1, 1, DEFAULT_WEIGHTS) == pytest.approx(DEFAULT_WEIGHTS["floor"])
    assert combine(1, 1, 0, DEFAULT_WEIGHTS) == pytest.approx(DEFAULT_WEIGHTS["floor"] ** DEFAULT_WEIGHTS["activity"])


def test_empty_rank_sites():
    assert rank_sites(CrawlData(sites=[])) == []


def test_centrality_is_the_weighted_mean_of_scaled_signals():
    import math

    from scoring.rank import _centrality

    signals = {
        "seed_inlinks": {"a": 3.0, "b": 1.0, "c": -2.0},
        "pagerank": {"a": 0.1, "b": 0.4, "x": 9.0},
        "inbound_blogs": {"a": 0, "b": 0},
    }
    weights = {"seed_inlinks": 0.7, "pagerank": 0.2, "inbound_blogs": 0.1}
    scaled = {
        "seed_inlinks": {
            c: math.log1p(max(0.0, v)) / math.log1p(3.0) for c, v in {"a": 3.0, "b": 1.0, "c": -2.0, "d": 0.0}.items()
        },
        "pagerank": {c: math.sqrt(v / 0.4) for c, v in {"a": 0.1, "b": 0.4, "c": 0.0, "d": 0.0}.items()},
        "inbound_blogs": dict.fromkeys("abcd", 0.0),
    }
    mean = {c: sum(weights[n] * scaled[n][c] for n in weights) / sum(weights.values()) for c in "abcd"}
    top = max(mean.values())
    assert _centrality(signals, list("abcd"), weights) == {c: v / top for c, v in mean.items()}


def test_empty_centrality():
    from scoring.rank import _centrality

    assert _centrality({"pagerank": {}}, [], {"pagerank": 1.0}) == {}
