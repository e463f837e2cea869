"""The weighted site graph built from grouped link rows."""

import math

import pytest

from scoring.graph import DEFAULT_KIND_WEIGHTS, link_weight, site_graph, strongest_kind, weighted_kinds


@pytest.mark.parametrize(
    ("kind", "pages", "expected"),
    [
        ("blogroll", 1, 3.0),
        ("content", 1, 2.0),
        ("comment", 1, 0.5),
        ("content", 3, 2.0 * (1 + math.log(3))),
        ("nav", 10, 0.0),
        ("share", 1, 0.0),
        ("social", 1, 0.0),
        ("unknown-kind", 1, 0.0),
        ("content", 0, 0.0),
    ],
)
def test_link_weight_by_kind_and_pages(kind, pages, expected):
    assert link_weight(kind, pages) == pytest.approx(expected)


def test_link_weight_editorial_and_blogroll_outweigh_comment():
    assert link_weight("blogroll", 1) > link_weight("comment", 1)
    assert link_weight("content", 1) > link_weight("comment", 1)


def test_site_graph_sums_kinds_on_one_edge():
    G = site_graph([("a.de", "b.de", "blogroll", 1), ("a.de", "b.de", "comment", 1)])
    assert G["a.de"]["b.de"]["weight"] == pytest.approx(3.5)
    assert G["a.de"]["b.de"]["kind"] == "blogroll" and G["a.de"]["b.de"]["kind_weight"] == 3.0


def test_site_graph_ignores_same_site_and_zero_weight_links():
    G = site_graph([("a.de", "a.de", "content", 5), ("a.de", "b.de", "nav", 5), ("a.de", "c.de", "share", 1)])
    assert G.number_of_edges() == 0


def test_site_graph_keeps_given_nodes_without_links():
    G = site_graph([], nodes=["b.de", "a.de"])
    assert list(G) == ["a.de", "b.de"]


def test_site_graph_excludes_platforms_entirely():
    G = site_graph(
        [("a.de", "youtube.com", "content", 3), ("youtube.com", "a.de", "content", 1)],
        nodes=["a.de", "youtube.com"],
        exclude=["youtube.com"],
    )
    assert list(G) == ["a.de"] and G.number_of_edges() == 0


def test_site_graph_custom_kind_weights():
    G = site_graph([("a.de", "b.de", "comment", 1)], kind_weights={**DEFAULT_KIND_WEIGHTS, "comment": 4.0})
    assert G["a.de"]["b.de"]["weight"] == 4.0


def test_site_graph_given_nodes_come_sorted_first():
    rows = [("x.de", "a.de", "content", 1)]
    assert list(site_graph(rows, nodes=["c.de", "a.de"])) == ["a.de", "c.de", "x.de"]


def test_strongest_kind_prefers_heavier_kind():
    G = site_graph([("a.de", "b.de", "comment", 4), ("a.de", "b.de", "blogroll", 1)])
    assert strongest_kind(G, "a.de", "b.de") == "blogroll"
    assert strongest_kind(G, "b.de", "a.de") == ""


def test_weighted_kinds_are_those_that_make_edges():
    assert weighted_kinds({"nav": 1.0, "comment": 0.0, "content": 2.0}) == ["content", "nav"]


def test_empty_weighted_kinds():
    assert weighted_kinds({}) == []


def test_empty_site_graph():
    assert site_graph([]).number_of_nodes() == 0
