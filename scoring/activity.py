"""Blog activity from post dates (feed entries and dated posts) relative to a reference date.

The reference date is the finish time of the latest crawl run, never the wall clock, so the
same database always gives the same scores.

>>> a = activity(["2024-05-20", "2024-04-01T08:00:00+02:00", "2019-01-01"], "2024-06-01T12:00:00+00:00")
>>> a.last_post, a.posts_recent, round(a.score, 3)
('2024-05-20', 2, 0.771)
>>> activity(["2021-01-01"], "2024-06-01").score < 0.01
True
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

WINDOW_DAYS = 180  # "posts in the last 180 days"
FRESH_DAYS = 60  # a last post this recent counts as fully active
HALF_LIFE_DAYS = 120  # beyond FRESH_DAYS, recency halves every this many days
FULL_RATE = 12  # posts in the window that count as a fully regular blog (two a month)
UNKNOWN_SCORE = 0.4  # no dated posts at all: neither active nor proven dead


@dataclass(frozen=True)
class Activity:
    """Activity of one site: last post date, posts in the window, and a 0..1 score."""

    last_post: str
    posts_recent: int
    score: float


def parse_day(value: str | None) -> date | None:
    """The calendar date of an ISO 8601 date or datetime string (None if unparsable).

    >>> parse_day("2024-05-01T23:10:00+02:00"), parse_day("Mai 2024")
    (datetime.date(2024, 5, 1), None)
    """
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def activity(dates: Iterable[str], reference: str | date | None) -> Activity:
    """Activity from post dates (one per post) relative to ``reference`` (ISO string or date).

    Dates after the reference (plus one day's slack) are ignored as wrong or scheduled. With
    no usable dates the score is `UNKNOWN_SCORE`. The score is
    ``recency * (0.6 + 0.4 * rate)`` where recency is 1 up to `FRESH_DAYS` after the last post
    and then halves every `HALF_LIFE_DAYS`, and rate is ``log1p(posts) / log1p(FULL_RATE)``
    capped at 1 for the posts in the last `WINDOW_DAYS`.
    """
    return _Scorer(reference).activity(map(parse_day, dates))


def activities(
    dates: Mapping[str, Sequence[str]], sites: Iterable[str], reference: str | date | None
) -> dict[str, Activity]:
    """`activity` of each of ``sites`` from its ``dates`` (none if missing); each day is parsed once.

    >>> acts = activities({"a.de": ["2024-05-20T10:00:00Z"]}, ["a.de", "b.de"], "2024-06-01")
    >>> acts["a.de"].last_post, acts["b.de"].score
    ('2024-05-20', 0.4)
    """
    scorer, days = _Scorer(reference), {}

    def day(value: str) -> date | None:
        key = value[:10] if value and len(value) >= 10 else ""
        found = days.get(key, days)
        if found is days:
            found = days[key] = parse_day(key)
        return found

    return {site: scorer.activity(map(day, dates.get(site, ()))) for site in sites}


class _Scorer:
    """`activity` against one reference date, its limits computed once."""

    def __init__(self, reference: str | date | None):
        self.ref = reference if isinstance(reference, date) else parse_day(reference)
        if self.ref is not None:
            self.latest = self.ref + timedelta(days=1)
            self.window_start = self.ref - timedelta(days=WINDOW_DAYS)

    def activity(self, days: Iterable[date | None]) -> Activity:
        days = sorted(d for d in days if d is not None)
        ref = self.ref
        if ref is not None:
            del days[bisect_right(days, self.latest) :]
        if not days:
            return Activity("", 0, UNKNOWN_SCORE)
        last = days[-1]
        if ref is None:
            ref = last
            window_start = ref - timedelta(days=WINDOW_DAYS)
        else:
            window_start = self.window_start
        age = max(0, (ref - last).days)
        recency = 1.0 if age <= FRESH_DAYS else 0.5 ** ((age - FRESH_DAYS) / HALF_LIFE_DAYS)
        recent = len(days) - bisect_right(days, window_start)
        rate = min(1.0, math.log1p(recent) / math.log1p(FULL_RATE))
        return Activity(last.isoformat(), recent, recency * (0.6 + 0.4 * rate))
