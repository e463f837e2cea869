"""Activity from post dates against a fixed reference date."""

import datetime as dt
import math

import pytest

from scoring.activity import UNKNOWN_SCORE, activity, parse_day

REF = "2024-06-30T12:00:00+00:00"


@pytest.mark.parametrize(
    ("dates", "last_post", "recent", "score"),
    [
        (["2024-06-20"], "2024-06-20", 1, 0.6 + 0.4 * math.log(2) / math.log(13)),
        ([f"2024-{m:02d}-{d:02d}" for m in (1, 2, 3, 4, 5, 6) for d in (5, 20)], "2024-06-20", 12, 1.0),
        (["2023-06-30"], "2023-06-30", 0, 0.5 ** ((366 - 60) / 120) * 0.6),
        (["2024-04-01"], "2024-04-01", 1, 0.5 ** ((90 - 60) / 120) * (0.6 + 0.4 * math.log(2) / math.log(13))),
    ],
)
def test_activity_hand_computed(dates, last_post, recent, score):
    a = activity(dates, REF)
    assert (a.last_post, a.posts_recent) == (last_post, recent)
    assert a.score == pytest.approx(score)


def test_activity_dead_blog_scores_near_zero():
    assert activity(["2020-01-01", "2020-02-01"], REF).score < 0.01


def test_activity_ignores_future_and_unparsable_dates():
    a = activity(["2031-01-01", "gestern", "", "2024-06-01"], REF)
    assert a.last_post == "2024-06-01" and a.posts_recent == 1


def test_activity_counts_posts_on_the_same_day():
    assert activity(["2024-06-01", "2024-06-01T18:00:00"], REF).posts_recent == 2


def test_activity_accepts_date_reference_and_no_reference():
    assert activity(["2024-06-01"], dt.date(2024, 6, 30)).score == activity(["2024-06-01"], REF).score
    assert activity(["2019-01-01"], None).score == pytest.approx(0.6 + 0.4 * math.log(2) / math.log(13))


def test_empty_activity_is_unknown():
    a = activity([], REF)
    assert (a.last_post, a.posts_recent, a.score) == ("", 0, UNKNOWN_SCORE)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-05-01", dt.date(2024, 5, 1)),
        ("2024-05-01T23:59:00-05:00", dt.date(2024, 5, 1)),
        ("2024-13-01", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_day(value, expected):
    assert parse_day(value) == expected


@pytest.mark.parametrize("reference", ["2024-06-01T12:00:00+00:00", "2024-06-01", None, "kein Datum"])
def test_activities_equal_activity_site_by_site(reference):
    from scoring.activity import activities

    dates = {
        "a.de": ["2024-05-20", "2024-04-01T08:00:00+02:00", "2019-01-01", "2024-06-02T23:00:00Z"],
        "b.de": ["2024-07-01", "Mai 2024", "", "2023-13-01"],
        "c.de": [],
        "d.de": ["2024-01-05"] * 3,
    }
    sites = [*dates, "missing.de"]
    assert activities(dates, sites, reference) == {s: activity(dates.get(s, ()), reference) for s in sites}


def test_empty_activities():
    from scoring.activity import activities

    assert activities({}, [], "2024-06-01") == {}
