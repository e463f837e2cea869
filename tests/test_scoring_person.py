"""A person behind a blog: posting rhythm, Impressum, about page, named person; machine-made blogs sink."""

import pytest

from scoring.person import MACHINE_POSTS_A_DAY, person_evidence, posts_a_day
from scoring.rank import CrawlData, rank_sites

TEXT = "Content-Marketing, Social-Media-Marketing und Redaktionspläne für Blogger und Unternehmen."
HUMAN = ["2026-12-01", "2026-11-20", "2026-11-05", "2026-10-28", "2026-10-10", "2026-09-30"]
MACHINE = [f"2026-12-{day:02d}T{hour:02d}:00:00Z" for day in (5, 6, 7) for hour in (8, 12, 16, 20)]


def test_empty_posts_a_day():
    assert posts_a_day([]) == 0.0


@pytest.mark.parametrize(
    "dates, expected",
    [(HUMAN, 0.1), (MACHINE, 4.0), (MACHINE[:5], 0.0), (["2026-12-07"] * 6, 6.0), (["kein Datum"] * 9, 0.0)],
)
def test_posts_a_day_over_the_newest_posts(dates, expected):
    assert posts_a_day(dates) == pytest.approx(expected, abs=0.01)


@pytest.mark.parametrize(
    "dates, kinds, name, impressum, machine",
    [
        (MACHINE, set(), "", "", True),
        (MACHINE, {"about"}, "", "", True),  # an about page alone does not make a person
        (MACHINE, {"impressum"}, "", "", True),
        (MACHINE, {"impressum"}, "Anna Berg", "", False),  # a daily news blog with a responsible person
        (MACHINE, set(), "Anna Berg", "https://a.de/impressum/", False),
        (HUMAN, set(), "", "", False),
    ],
)
def test_person_evidence_calls_a_fast_anonymous_blog_machine_made(dates, kinds, name, impressum, machine):
    person = person_evidence(dates, kinds, name=name, impressum_url=impressum)
    assert person.machine is machine
    assert person.describe().startswith("machine-made") is machine


def test_person_evidence_says_when_nobody_is_named():
    assert person_evidence(HUMAN, set()).describe() == "no Impressum, about page or named person"
    assert person_evidence(HUMAN, {"about"}).describe() == ""


def test_machine_made_blog_ranks_below_a_person_with_the_same_links():
    """Two blogs linked alike by the seeds, with the same text: the one posting 4 a day, naming nobody, sinks."""
    sites = [{"site": s, "role": "seed", "is_blog": 1, "language": "de"} for s in ("s1.de", "s2.de")]
    sites += [{"site": s, "role": "candidate", "is_blog": 1, "language": "de"} for s in ("anna.de", "farm.de")]
    links = [(s, c, "content", 2) for s in ("s1.de", "s2.de") for c in ("anna.de", "farm.de")]
    links += [("farm.de", s, "content", 5) for s in ("s1.de", "s2.de")]
    docs = [(s, "de", TEXT) for s in ("s1.de", "s2.de", "anna.de", "farm.de")]
    data = CrawlData(
        sites=sites,
        links=links,
        documents=docs,
        post_dates={"anna.de": HUMAN, "farm.de": MACHINE},
        contacts={"anna.de": {"impressum_url": ["https://anna.de/impressum/"], "name": ["Anna Berg"]}},
        page_kinds={"anna.de": {"impressum", "about"}},
        reference="2026-12-07T12:00:00+00:00",
    )
    rows = {row["site"]: row for row in rank_sites(data)}
    assert rows["anna.de"]["rank"] == 1 and rows["farm.de"]["rank"] == 2
    assert rows["farm.de"]["score"] < 0.2 * rows["anna.de"]["score"]
    assert rows["farm.de"]["why"].startswith(f"machine-made: {4:g} posts a day")
    assert "not ranked as a partner" in rows["farm.de"]["why"] and "machine" not in rows["anna.de"]["why"]


def test_threshold_is_a_rhythm_no_person_keeps():
    assert MACHINE_POSTS_A_DAY >= 2
