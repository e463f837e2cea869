"""Ranking diffs: new, rose, fell, went dead, disappeared, contact changes."""

from scoring.diff import diff_rankings


def row(site, rank, posts=3, emails="", **extra):
    return {
        "site": site,
        "rank": rank,
        "score": 1 / rank,
        "posts_180d": posts,
        "emails": emails,
        "contact_url": "",
        "impressum_url": "",
        "social": "",
        "title": site,
        "url": f"https://{site}/",
        **extra,
    }


def changes(old, new, **kw):
    return {(r["change"], r["site"]) for r in diff_rankings(old, new, **kw)}


def test_empty_diff_rankings():
    assert diff_rankings([], []) == []


def test_diff_new_and_disappeared():
    assert changes([row("a.de", 1)], [row("b.de", 1, found_via="blogroll of s.de")]) == {
        ("new", "b.de"),
        ("disappeared", "a.de"),
    }


def test_diff_rose_and_fell_with_ranks():
    out = diff_rankings([row("a.de", 1), row("b.de", 5)], [row("b.de", 1), row("a.de", 5)], min_move=3)
    by_site = {r["site"]: r for r in out}
    assert (
        by_site["b.de"]["change"],
        by_site["b.de"]["old_rank"],
        by_site["b.de"]["new_rank"],
        by_site["b.de"]["moved"],
    ) == ("rose", 5, 1, 4)
    assert by_site["a.de"]["change"] == "fell"


def test_diff_small_moves_below_threshold_are_quiet():
    assert changes([row("a.de", 1), row("b.de", 2)], [row("b.de", 1), row("a.de", 2)], min_move=3) == set()


def test_diff_went_dead():
    assert ("went_dead", "a.de") in changes(
        [row("a.de", 1, posts=4)], [row("a.de", 1, posts=0, last_post="2025-01-02")]
    )


def test_diff_contact_changed_ignores_order():
    assert changes([row("a.de", 1, emails="x@a.de, y@a.de")], [row("a.de", 1, emails="y@a.de, x@a.de")]) == set()
    out = diff_rankings([row("a.de", 1, emails="x@a.de")], [row("a.de", 1, emails="neu@a.de")])
    assert out[0]["change"] == "contact_changed" and "x@a.de -> neu@a.de" in out[0]["detail"]
