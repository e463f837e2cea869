"""Centrality signals on hand-built 4-6 node graphs with hand-computed answers."""

import networkx as nx
import pytest

from scoring import centrality as cen


@pytest.fixture
def neighbourhood():
    """Seeds s1, s2; a is linked by both seeds and links s1 back; b is linked by s1 and t;
    t links b and s2 (so b is co-cited with s2); c links only a."""
    G = nx.DiGraph()
    G.add_edges_from(
        [("s1", "a"), ("s2", "a"), ("a", "s1"), ("s1", "b"), ("t", "b"), ("t", "s2"), ("c", "a")], weight=1.0
    )
    return G


def test_pagerank_uniform_on_a_cycle():
    G = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "a")])
    assert cen.pagerank(G) == pytest.approx({"a": 1 / 3, "b": 1 / 3, "c": 1 / 3})


def test_personalized_pagerank_two_cycle_hand_computed():
    # x_s = 0.15 + 0.85 x_a ; x_a = 0.85 x_s  =>  x_s = 0.15 / (1 - 0.85**2)
    G = nx.DiGraph([("s", "a"), ("a", "s")])
    G.add_node("z")  # unreachable from the seed
    x_s = 0.15 / (1 - 0.85**2)
    assert cen.personalized_pagerank(G, ["s"]) == pytest.approx({"s": x_s, "a": 0.85 * x_s, "z": 0.0}, abs=1e-9)


def test_personalized_pagerank_without_seeds_in_graph_is_zero():
    G = nx.DiGraph([("a", "b")])
    assert cen.personalized_pagerank(G, ["elsewhere.de"]) == {"a": 0.0, "b": 0.0}


def test_personalized_pagerank_resists_link_farm():
    # A farm of three sites linking each other has high global PageRank, none from the seed.
    G = nx.DiGraph([("s", "p"), ("p", "s"), ("f1", "f2"), ("f2", "f3"), ("f3", "f1"), ("f1", "f3"), ("f2", "f1")])
    ppr, pr = cen.personalized_pagerank(G, ["s"]), cen.pagerank(G)
    assert pr["f1"] > pr["p"]
    assert ppr["f1"] == pytest.approx(0.0) and ppr["p"] > 0.4


def test_pagerank_uses_edge_weights():
    G = nx.DiGraph()
    G.add_edge("s", "heavy", weight=3.0)
    G.add_edge("s", "light", weight=1.0)
    ppr = cen.personalized_pagerank(G, ["s"])
    # s sends 0.85 * x_s split 3:1; dangling mass returns to s.
    assert ppr["heavy"] == pytest.approx(3 * ppr["light"])


def test_hits_authority_hand_computed():
    # u1 -> v, u2 -> v, u1 -> w : A^T A on (v, w) = [[2, 1], [1, 1]], top eigenvector (1, 0.618).
    G = nx.DiGraph([("u1", "v"), ("u2", "v"), ("u1", "w")])
    auth = cen.hits_authority(G)
    golden = (5**0.5 - 1) / 2
    assert auth["v"] == pytest.approx(1 / (1 + golden), abs=1e-6)
    assert auth["w"] == pytest.approx(golden / (1 + golden), abs=1e-6)
    assert auth["u1"] == auth["u2"] == 0.0


def test_hits_authority_without_edges_is_zero():
    G = nx.DiGraph()
    G.add_nodes_from(["a", "b"])
    assert cen.hits_authority(G) == {"a": 0.0, "b": 0.0}


def test_inbound_blogs_counts_distinct_linking_sites(neighbourhood):
    assert cen.inbound_blogs(neighbourhood) == {"s1": 1, "a": 3, "s2": 1, "b": 2, "t": 0, "c": 0}


def test_inbound_blogs_counts_only_sources(neighbourhood):
    assert cen.inbound_blogs(neighbourhood, sources={"s1", "s2"})["a"] == 2


def test_seed_inlinks(neighbourhood):
    assert cen.seed_inlinks(neighbourhood, {"s1", "s2"}) == {"s1": 0, "a": 2, "s2": 0, "b": 1, "t": 0, "c": 0}


def test_seed_outlinks(neighbourhood):
    assert cen.seed_outlinks(neighbourhood, {"s1", "s2"}) == {"s1": 0, "a": 1, "s2": 0, "b": 0, "t": 1, "c": 0}


def test_seed_reciprocity(neighbourhood):
    assert cen.seed_reciprocity(neighbourhood, {"s1", "s2"}) == {"s1": 0, "a": 1, "s2": 0, "b": 0, "t": 0, "c": 0}


def test_seed_cocitation(neighbourhood):
    # a: linked by s1 (also links seed? s1 -> b only: no), s2 (no), c (no) -> 0
    # b: linked by s1 (no) and t (t -> s2: yes) -> 1 ; s1: linked by a (a -> s1 only, itself) -> 0
    assert cen.seed_cocitation(neighbourhood, {"s1", "s2"}) == {"s1": 0, "a": 0, "s2": 0, "b": 1, "t": 0, "c": 0}


def test_seed_cocitation_counts_seed_linking_two_seeds():
    G = nx.DiGraph([("x", "s1"), ("x", "v"), ("y", "v"), ("y", "s1"), ("y", "s2")])
    assert cen.seed_cocitation(G, ["s1", "s2"])["v"] == 2
    assert cen.seed_cocitation(G, ["s1", "s2"])["s1"] == 1  # y links s1 and the other seed s2


def test_links_to(neighbourhood):
    assert cen.links_to(neighbourhood, "s2") == {"s1": 0, "a": 0, "s2": 0, "b": 0, "t": 1, "c": 0}
    assert cen.links_to(neighbourhood, "absent.de")["a"] == 0.0


@pytest.mark.parametrize(
    "func",
    [
        cen.pagerank,
        cen.hits_authority,
        cen.inbound_blogs,
        lambda G: cen.personalized_pagerank(G, ["s"]),
        lambda G: cen.seed_inlinks(G, ["s"]),
        lambda G: cen.seed_outlinks(G, ["s"]),
        lambda G: cen.seed_reciprocity(G, ["s"]),
        lambda G: cen.seed_cocitation(G, ["s"]),
        lambda G: cen.links_to(G, "s"),
    ],
)
def test_empty_graph_gives_empty_dict(func):
    assert func(nx.DiGraph()) == {}
