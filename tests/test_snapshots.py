"""Ranking snapshots are stored by `run`, `recrawl` and `rank --save` only, once per distinct
ranking; `history` lists them; unreachable seeds end a crawl with an error; a project file's own
blog (`me`) is in no output of rank, report and recrawl; `recrawl` writes no file it was not asked to."""

from __future__ import annotations

import csv
import json
import sqlite3

import pytest
from conftest import FAST, blogscout, served_world


def snapshots(db) -> list[str]:
    """The ``command`` each stored snapshot records, oldest first."""
    conn = sqlite3.connect(db)
    try:
        return [json.loads(o).get("command") for (o,) in conn.execute("SELECT options FROM rankings ORDER BY id")]
    finally:
        conn.close()


def sites_in(path) -> set[str]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return {row["site"] for row in csv.DictReader(fh)}


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    """A world crawled once by `run` (one snapshot), served on for re-crawls: (world, server, db)."""
    folder = tmp_path_factory.mktemp("snapshots")
    with served_world(11, 16) as (world, server):
        db = folder / "projekt.db"
        result = blogscout(
            "run", *world.seeds, "--db", str(db), "--out", str(folder / "first.csv"), "--quiet", *FAST,
            proxy=server.proxy_url,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        yield world, server, db


def test_rank_stores_a_snapshot_only_with_save_and_once_per_ranking(crawled, tmp_path):
    _, _, db = crawled
    db = tmp_path / "copy.db"
    db.write_bytes(crawled[2].read_bytes())
    assert snapshots(db) == ["run"]
    for extra in ([], [], ["--save"], ["--save"]):
        result = blogscout("rank", "--db", str(db), "--out", str(tmp_path / "p.csv"), "--quiet", *extra)
        assert result.returncode == 0, result.stderr
    assert snapshots(db) == ["run"]  # the same ranking as run's: not stored again
    result = blogscout("rank", "--db", str(db), "--topic", "kochen", "--out", "-", "--save", "--quiet")
    assert result.returncode == 0, result.stderr
    assert snapshots(db) == ["run", "rank"]


def test_history_lists_the_snapshots(crawled, tmp_path):
    db = tmp_path / "copy.db"
    db.write_bytes(crawled[2].read_bytes())
    assert blogscout("rank", "--db", str(db), "--topic", "kochen", "--out", "-", "--save").returncode == 0
    listed = blogscout("history", "--db", str(db), "--json")
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    assert [(r["id"], r["command"], r["run_id"]) for r in rows] == [(1, "run", 1), (2, "rank", 1)]
    assert rows[1]["topic"] == "kochen" and rows[1]["rows"] > 3 and len(rows[1]["top"]) == 3
    text = blogscout("history", "--db", str(db))
    assert text.returncode == 0 and "topic 'kochen'" in text.stdout.splitlines()[1]
    changes = blogscout("diff", "--db", str(db))
    assert "Comparing ranking 1 (run 1" in changes.stderr and "with ranking 2 (run 1" in changes.stderr


def test_run_whose_seeds_are_unreachable_is_an_error(tmp_path):
    out = tmp_path / "partners.csv"
    with served_world(3, 10) as (_, server):
        result = blogscout(
            "run", "http://nicht-da.example/", "--db", str(tmp_path / "p.db"), "--out", str(out), *FAST,
            proxy=server.proxy_url,
        )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1].startswith("Error: seeds unreachable: nicht-da.example (http_5xx)")
    assert "Traceback" not in result.stderr and not out.exists()


def test_crawl_with_one_unreachable_seed_warns_and_goes_on(tmp_path):
    with served_world(3, 10) as (world, server):
        result = blogscout(
            "crawl", *world.seeds, "http://nicht-da.example/", "--db", str(tmp_path / "p.db"), *FAST,
            proxy=server.proxy_url,
        )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert f"1 of {len(world.seeds) + 1} seeds unreachable" in result.stderr
    assert "nicht-da.example (http_5xx)" in result.stderr


def test_project_me_is_in_no_output_and_recrawl_writes_only_where_asked(crawled, tmp_path):
    world, server, first = crawled
    db = tmp_path / "projekt.db"
    db.write_bytes(first.read_bytes())
    partner = next(b for b in world.blogs if b.label == "partner" and b.site in sites_in(first.parent / "first.csv"))
    (tmp_path / "exports").mkdir()
    config = tmp_path / "kunde.toml"
    config.write_text(f'database = "projekt.db"\nme = "https://{partner.host}/"\nexport_folder = "exports"\n')
    ranked = blogscout("rank", "--config", str(config), "--out", str(tmp_path / "r.csv"), "--quiet")
    assert ranked.returncode == 0, ranked.stderr
    assert partner.site not in sites_in(tmp_path / "r.csv")
    report = blogscout("report", "--config", str(config), "--out", str(tmp_path / "r.html"), "--quiet")
    assert report.returncode == 0, report.stderr
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert (
        f'href="#card-{partner.site}"' not in html and f'class="node candidate" data-site="{partner.site}"' not in html
    )
    again = blogscout("recrawl", "--config", str(config), "--quiet", proxy=server.proxy_url)
    assert again.returncode == 0, again.stderr
    assert list((tmp_path / "exports").iterdir()) == []
    conn = sqlite3.connect(db)
    latest = {
        s for (s,) in conn.execute("SELECT site FROM ranking_rows WHERE ranking_id = (SELECT max(id) FROM rankings)")
    }
    conn.close()
    assert latest and partner.site not in latest
