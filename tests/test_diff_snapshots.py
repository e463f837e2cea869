"""`blogscout diff` compares ranking snapshots: after crawl + recrawl with no `rank` between, two
rankings of one run, and `--out -` to stdout."""

from __future__ import annotations

import csv
import io
import sqlite3

import pytest
from conftest import FAST, blogscout, served_world
from test_user_errors import one_line_error, ranked_db, run  # noqa: F401  (ranked_db is a fixture)

from crawler.services.diff import diff_database
from crawler.storage import db as dbmod
from crawler.storage.reads import save_ranking


def test_crawl_then_recrawl_without_rank_diff_lists_what_changed(tmp_path):
    db = tmp_path / "projekt.db"
    with served_world(7, 20) as (world, server):
        first = blogscout("crawl", *world.seeds, "--db", str(db), "--quiet", *FAST, proxy=server.proxy_url)
        assert first.returncode == 0, first.stderr
        seed = next(b for b in world.blogs if b.label == "seed")
        world.add_post(seed.host, "Neue Wege im Content-Marketing für Einsteiger")
        newcomer = world.add_blog(label="partner", linked_from=seed.host, lang="de")
        again = blogscout("recrawl", "--db", str(db), proxy=server.proxy_url)
    assert again.returncode == 0, again.stderr
    assert "Resuming" not in again.stderr
    assert f"Re-crawling the {len(world.seeds)} seeds of run 1" in again.stderr
    conn = sqlite3.connect(db)
    rankings = conn.execute("SELECT run_id, options FROM rankings ORDER BY id").fetchall()
    conn.close()
    assert [r[0] for r in rankings] == [1, 2] and '"baseline": true' in rankings[0][1]
    changes = blogscout("diff", "--db", str(db))
    assert changes.returncode == 0, changes.stderr
    assert "Comparing ranking 1 (run 1" in changes.stderr and "with ranking 2 (run 2" in changes.stderr
    assert any(line.startswith("new ") and newcomer.site in line for line in changes.stdout.splitlines())


def test_two_rankings_of_one_run_are_compared(ranked_db):  # noqa: F811
    db = dbmod.connect(ranked_db)
    save_ranking(db, 1, [{"site": "a.de", "rank": 1, "score": 0.9}, {"site": "b.de", "rank": 2, "score": 0.5}], {})
    rows = [{"site": "b.de", "rank": 1, "score": 0.9}, {"site": "a.de", "rank": 2, "score": 0.5}]
    save_ranking(db, 1, rows, {"topic": "seo"})
    db.close()
    old, new, changes = diff_database(ranked_db, min_move=1)
    assert (old["run_id"], new["run_id"]) == (1, 1)
    assert {(c["change"], c["site"]) for c in changes} == {("rose", "b.de"), ("fell", "a.de")}
    shown = run("diff", "--db", str(ranked_db), "--min-move", "1")
    assert shown.returncode == 0 and "No changes." not in shown.stdout
    assert "topic 'seo'" in shown.stderr


def test_second_rank_with_the_same_rows_is_not_stored_again(ranked_db):  # noqa: F811
    for topic in ("kochen", "seo"):  # the blogs of ranked_db hold no text: both topics rank them alike
        assert run("rank", "--db", str(ranked_db), "--topic", topic, "--out", "-", "--save", "--quiet").returncode == 0
    one_line_error(run("diff", "--db", str(ranked_db)), "only one ranking stored", "rank --save")


def test_diff_out_dash_writes_csv_to_stdout(ranked_db, tmp_path, monkeypatch):  # noqa: F811
    db = dbmod.connect(ranked_db)
    save_ranking(db, 1, [{"site": "a.de", "rank": 1, "score": 0.9}], {})
    save_ranking(db, 1, [{"site": "b.de", "rank": 1, "score": 0.9}], {})
    db.close()
    monkeypatch.chdir(tmp_path)
    result = run("diff", "--db", str(ranked_db), "--out", "-")
    assert result.returncode == 0, result.stderr
    table = list(csv.reader(io.StringIO(result.stdout)))
    assert table[0][:2] == ["change", "site"] and {r[1] for r in table[1:]} == {"a.de", "b.de"}
    assert not (tmp_path / "-").exists()


@pytest.mark.parametrize("option", ["--from", "--to"])
def test_diff_unknown_ranking_number_names_the_stored_ones(ranked_db, option):  # noqa: F811
    assert run("rank", "--db", str(ranked_db), "--out", "-", "--save", "--quiet").returncode == 0
    one_line_error(
        run("diff", "--db", str(ranked_db), option, "9"), f"{option} 9: no such ranking", "stored rankings: 1"
    )
