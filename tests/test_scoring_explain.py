"""The `why` sentence: what lifted or sank a blog."""

from __future__ import annotations

import pytest

from scoring.rank import explain


def row(**changes):
    base = {
        "top_terms": "instagram, reels",
        "relevance": 0.9,
        "cocited_with_seeds": 0,
        "reciprocal": 0,
        "inbound_blogs": 0,
        "last_post": "2026-02-01",
        "posts_180d": 5,
        "activity": 0.9,
    }
    return {**base, **changes}


def test_explain_says_copied_text_first():
    why = explain(row(), [], copy_of=("seed.de", 0.62))
    assert why.startswith("copied text: 62% of its text repeats seed.de, not ranked as a partner")


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, "on topic (instagram, reels)"),
        ({"relevance": 0.2}, "weak topic match (instagram, reels)"),
        ({"top_terms": ""}, "no topic match"),
        ({"activity": 0.05, "posts_180d": 0, "last_post": "2023-05-01"}, "inactive: 0 post(s) in 180 days"),
        ({"last_post": ""}, "no dated posts"),
    ],
)
def test_explain_names_what_lifted_or_sank_the_blog(changes, expected):
    assert expected in explain(row(**changes), [])


def test_explain_counts_on_topic_linking_blogs():
    assert "3 of its linking blogs on topic" in explain(row(), [], topical=3)
    assert "linking blogs on topic" not in explain(row(), [])


def test_explain_names_the_seed_links():
    assert "linked from blogroll of s.de" in explain(row(), [("s.de", "blogroll")])


def test_empty_explain():
    assert explain(row(top_terms="", last_post=""), []) == "no topic match; no dated posts"


def test_explain_tells_own_comments_from_the_seeds_links():
    """A link in a seed's comment section was placed by the commenter: engagement, not endorsement."""
    why = explain(row(), [("s.de", "blogroll"), ("t.de", "comment"), ("u.de", "comment")])
    assert "linked from blogroll of s.de;" in why and "comments at t.de, u.de" in why
    assert "comment of" not in why


def test_explain_says_machine_made_and_missing_people():
    why = explain(row(), [], person="machine-made: 4 posts a day, no Impressum")
    assert why.startswith("machine-made: 4 posts a day, no Impressum; not ranked as a partner")
    assert "no Impressum, about page or named person" in explain(
        row(), [], person="no Impressum, about page or named person"
    )
