"""Is there a person behind a blog? Evidence from its pages and its posting rhythm.

Partners are people: a German or Austrian blog names who is responsible in an Impressum, most
blogs have an about page or a named author, and a person keeps a human rhythm. Several posts
every day from a site that names nobody is a machine filling a blog, however on-topic its text.

>>> p = person_evidence(["2026-12-07", "2026-12-07", "2026-12-06", "2026-12-06", "2026-12-05", "2026-12-05"], {})
>>> p.machine, p.posts_a_day, p.describe()
(True, 2.0, 'machine-made: 2 posts a day, no Impressum, no about page, no named person')
>>> person_evidence(["2026-12-01", "2026-11-20"], {"impressum"}, name="Anna Berg").machine
False
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

MACHINE_POSTS_A_DAY = 2.0  # a steady rhythm from this many posts a day is not a person's
MIN_POSTS = 6  # dated posts needed before a rhythm is judged
RECENT_POSTS = 12  # the rhythm is read from the newest posts (a feed lists about 10)


@dataclass(frozen=True)
class Person:
    """What a site shows of the person behind it, and the verdict."""

    impressum: bool
    about: bool
    name: str
    posts_a_day: float
    machine: bool

    def describe(self) -> str:
        """The evidence in words for `why` ('' when there is a person and a human rhythm)."""
        missing = [
            text
            for present, text in (
                (self.impressum, "no Impressum"),
                (self.about, "no about page"),
                (self.name, "no named person"),
            )
            if not present
        ]
        if self.machine:
            rate = f"{self.posts_a_day:g}" if self.posts_a_day < 10 else f"{self.posts_a_day:.0f}"
            return ", ".join([f"machine-made: {rate} posts a day", *missing])
        if not (self.impressum or self.about or self.name):
            return "no Impressum, about page or named person"
        return ""


def posts_a_day(dates: Iterable[str], recent: int = RECENT_POSTS) -> float:
    """Posts a day over the span of the newest ``recent`` dated posts (0 with fewer than `MIN_POSTS`).

    >>> posts_a_day(["2026-12-0%d" % d for d in (1, 2, 3, 4, 5, 6)])
    1.0
    """
    days = sorted((d for d in (_day(v) for v in dates) if d is not None), reverse=True)[:recent]
    if len(days) < MIN_POSTS:
        return 0.0
    span = (days[0] - days[-1]).days + 1
    return round(len(days) / span, 2)


def person_evidence(
    dates: Sequence[str], page_kinds: Iterable[str], *, name: str = "", impressum_url: str = ""
) -> Person:
    """The `Person` of a site from its post dates, the kinds of its pages fetched and its contacts.

    A site is machine-made when its newest posts come `MACHINE_POSTS_A_DAY` or more a day and it
    does not show both an Impressum and a named person.
    """
    kinds = set(page_kinds)
    impressum = bool(impressum_url) or "impressum" in kinds
    about = "about" in kinds
    rate = posts_a_day(dates)
    machine = rate >= MACHINE_POSTS_A_DAY and not (impressum and name)
    return Person(impressum, about, name, rate, machine)


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value and len(value) >= 10 else None
    except ValueError:
        return None
