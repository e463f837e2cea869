"""`blogscout why`: where a site stands and why, or what kept it out of the list, on a real crawl."""

from __future__ import annotations

import json
import sqlite3

import pytest
from conftest import FAST, blogscout

from crawler.errors import InputError
from crawler.extract.urls import site_key
from crawler.sandbox.special import ROBOTS_DISALLOW_ALL
from crawler.services.why import explain_site


@pytest.fixture(scope="module")
def project(tmp_path_factory, world, sandbox):
    """The sample blogosphere crawled two hops from its seeds."""
    db = tmp_path_factory.mktemp("why") / "why.db"
    result = blogscout("crawl", *world.seeds, "--db", str(db), "--hops", "2", "--quiet", *FAST, proxy=sandbox.proxy_url)
    assert result.returncode == 0, result.stderr
    return db


def one(db, sql, *params):
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, params).fetchone()


def test_why_of_a_ranked_blog_gives_its_rank_and_reasons(project, world):
    partner = next(s for s, label in world.truth.items() if label == "partner")
    result = explain_site(project, f"https://{partner}/some/post/")
    assert result["listed"] and result["site"] == partner
    assert result["verdict"].startswith(f"rank {result['rank']} of {result['of']}")
    assert "linked from" in result["why"] or "on topic" in result["why"]
    assert result["evidence"]["pages"]


def test_why_of_a_seed_platform_and_non_blog(project, world):
    seed = site_key(world.seeds[0])
    assert "a seed" in explain_site(project, seed)["verdict"]
    platform = one(project, "SELECT site FROM sites WHERE role = 'platform' ORDER BY site")[0]
    assert "a platform" in explain_site(project, platform)["verdict"]
    not_blog = one(project, "SELECT site FROM sites WHERE role = 'candidate' AND is_blog = 0 AND pages > 0")[0]
    result = explain_site(project, not_blog)
    assert not result["listed"] and result["verdict"].startswith("not a blog")


def test_why_of_a_site_forbidding_crawling_says_robots(project):
    result = explain_site(project, ROBOTS_DISALLOW_ALL)
    assert not result["listed"] and "robots.txt" in result["verdict"]


def test_why_of_a_moved_blog_follows_it_to_its_new_address(project, world):
    old, new = site_key(world.nasty["redirect_chain"]), site_key(world.specials.chain_target)
    result = explain_site(project, old)
    assert result["site"] == new and result["moved_from"] == old
    assert result["verdict"].startswith(f"moved to {new}, ranked under its new address: rank ")


def test_why_of_an_unknown_site_says_it_was_never_found(project):
    result = explain_site(project, "nie-gesehen.de")
    assert not result["listed"] and result["verdict"].startswith("not found")


def test_why_refuses_what_is_not_a_site(project):
    with pytest.raises(InputError):
        explain_site(project, "http://")


def test_why_command_prints_text_and_json_and_one_error_line(project, world):
    seed = site_key(world.seeds[1])
    text = blogscout("why", seed, "--db", str(project))
    assert text.returncode == 0 and text.stdout.startswith(f"{seed}: a seed"), text.stderr
    partner = next(s for s, label in world.truth.items() if label == "partner")
    as_json = json.loads(blogscout("why", partner, "--db", str(project), "--json").stdout)
    assert as_json["site"] == partner and isinstance(as_json["evidence"]["linked_from"], list)
    missing = blogscout("why", partner, "--db", str(project.parent / "nope.db"))
    assert missing.returncode == 1 and missing.stderr.count("\n") == 1 and missing.stderr.startswith("Error:")


def test_why_takes_the_project_file(project, world, tmp_path):
    """The client file's `me` reaches `why`: the client's own blog is never a candidate."""
    own = next(s for s, label in world.truth.items() if label == "partner")
    config = tmp_path / "kunde.toml"
    config.write_text(f'database = "{project}"\nme = "https://{own}/"\n', encoding="utf-8")
    result = blogscout("why", own, "--config", str(config))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"{own}: your own blog")
