"""The service layer called by the command line: plain calls, named errors, no click."""

from __future__ import annotations

import csv
import io
import json

import pytest
from conftest import blogscout

from crawler.distributed.runner import DistributedError
from crawler.errors import BlogscoutError, InputError, NotStoredError, OutputError
from crawler.services.crawl import make_options, options_of_run, stored_run
from crawler.services.demo import NotADemoError, SandboxError, remove_database
from crawler.services.diff import DIFF_COLUMNS, diff_database, load_snapshot
from crawler.services.export import check_output, export_format, write_export
from crawler.services.rank import parse_langs, rank_to_file
from crawler.services.recrawl import plan_recrawl
from crawler.services.schedule import ScheduleError
from crawler.services.seeds import SeedError
from crawler.storage import db as dbmod
from crawler.storage.db import DatabaseError
from crawler.storage.lock import LockedError
from crawler.storage.reads import save_ranking

ROWS = [{"rank": 1, "site": "a.de", "score": 0.5}, {"rank": 2, "site": "=b.de", "score": 0.25}]


@pytest.fixture
def project(tmp_path):
    """A project database with one finished crawl run of seed s.de (options stored with it)."""
    path = tmp_path / "project.db"
    db = dbmod.connect(path)
    run = dbmod.start_run(db, "crawl", ["https://s.de/"], {"hops": 1, "topic": "seo", "settings": {"X": 1}})
    dbmod.finish_run(db, run, "finished", {})
    db.close()
    return path


def add_ranking(path, rows):
    db = dbmod.connect(path)
    save_ranking(db, dbmod.last_run(db)["id"], rows, {})
    db.close()


@pytest.mark.parametrize(
    "error", [DatabaseError, LockedError, SeedError, ScheduleError, DistributedError, SandboxError, InputError]
)
def test_every_named_error_is_a_blogscout_error(error):
    assert issubclass(error, BlogscoutError)


@pytest.mark.parametrize(
    ("out", "fmt", "expected"),
    [
        ("p.json", None, "json"),
        ("P.JSON", None, "json"),
        ("p.csv", None, "csv"),
        ("-", None, "csv"),
        ("p.txt", "json", "json"),
    ],
)
def test_export_format_from_suffix_or_choice(out, fmt, expected):
    assert export_format(out, fmt) == expected


def test_check_output_refuses_a_folder_and_a_missing_folder(tmp_path):
    with pytest.raises(OutputError, match="is a directory"):
        check_output(str(tmp_path))
    with pytest.raises(OutputError, match="does not exist"):
        check_output(str(tmp_path / "no" / "p.csv"))
    assert check_output(str(tmp_path / "p.csv")) == tmp_path


def test_check_output_refuses_any_sqlite_database(tmp_path):
    other = tmp_path / "kunde-b.db"
    dbmod.connect(other).close()
    before = other.read_bytes()
    with pytest.raises(OutputError, match="kunde-b.db: is an SQLite database"):
        check_output(str(other), tmp_path / "kunde-a.db")
    assert other.read_bytes() == before


def test_write_export_csv_is_spreadsheet_safe_and_leaves_no_temp_file(tmp_path):
    out = tmp_path / "p.csv"
    write_export(ROWS, str(out), fmt="csv", excel=False, columns=["rank", "site"])
    assert list(csv.reader(io.StringIO(out.read_text(encoding="utf-8")))) == [
        ["rank", "site"],
        ["1", "a.de"],
        ["2", "'=b.de"],
    ]
    assert [p.name for p in tmp_path.iterdir()] == ["p.csv"]


def test_write_export_dash_goes_to_stdout(capsys):
    write_export(ROWS, "-", fmt="json", excel=False, columns=["site"])
    assert [r["site"] for r in json.loads(capsys.readouterr().out)] == ["a.de", "=b.de"]


def test_empty_write_export_writes_the_header(tmp_path):
    out = tmp_path / "p.csv"
    write_export([], str(out), fmt="csv", excel=False, columns=["rank", "site"])
    assert out.read_bytes() == b"rank,site\r\n"


def test_empty_parse_langs_keeps_every_language():
    assert parse_langs("") is None and parse_langs(None) is None


def test_parse_langs_refuses_a_word():
    with pytest.raises(InputError, match="'deutsch' is not a language code"):
        parse_langs("de,deutsch")


@pytest.mark.parametrize(
    ("kwargs", "error", "words"),
    [
        ({"out": "x.json", "excel": True}, InputError, "--excel applies to CSV only"),
        ({"me": "::"}, InputError, "--me"),
        ({"out": "{tmp}"}, OutputError, "is a directory"),
        ({"weights": {"relevanz": 2}}, InputError, "--weights"),
    ],
)
def test_rank_to_file_bad_input_is_a_named_error_and_writes_nothing(project, tmp_path, kwargs, error, words):
    kwargs = {k: v.format(tmp=tmp_path) if isinstance(v, str) else v for k, v in kwargs.items()}
    kwargs.setdefault("out", str(tmp_path / "p.csv"))
    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(error, match=words):
        rank_to_file(str(project), **kwargs)
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_rank_to_file_of_a_missing_database_is_a_database_error(tmp_path):
    with pytest.raises(DatabaseError, match="no such database"):
        rank_to_file(str(tmp_path / "missing.db"), out=str(tmp_path / "p.csv"))


def test_make_options_refuses_bad_seeds_as_seed_error():
    with pytest.raises(SeedError, match="no seeds"):
        make_options([], [], hops=1, max_pages_per_site=5, candidate_pages=2, max_pages=0)


def test_make_options_keeps_values_and_settings():
    options = make_options(
        ["seo-blog.de"], [], hops=1, max_pages_per_site=5, candidate_pages=2, max_pages=9, settings={"X": 1}
    )
    assert (options.seeds, options.hops, options.max_pages, options.settings) == (
        ["https://seo-blog.de/"],
        1,
        9,
        {"X": 1},
    )


def test_stored_run_and_its_options_with_overrides(project):
    run = stored_run(project)
    options = options_of_run(run, {"DOWNLOAD_DELAY": 2})
    assert (options.seeds, options.hops, options.topic) == (["https://s.de/"], 1, "seo")
    assert options.settings == {"X": 1, "DOWNLOAD_DELAY": 2}


def test_stored_run_without_an_interrupted_one_is_not_stored_error(project):
    with pytest.raises(NotStoredError, match="no interrupted crawl to resume"):
        stored_run(project, resumable=True)


def test_plan_recrawl_repeats_a_finished_run_and_resumes_an_interrupted_one(project):
    plan = plan_recrawl(str(project))
    assert (plan.mode, plan.command, plan.resume_run, plan.options.topic) == ("recrawl", "recrawl", None, "seo")
    db = dbmod.connect(project)
    run = dbmod.start_run(db, "run", ["https://s.de/"], {})
    dbmod.finish_run(db, run, "interrupted", {})
    db.close()
    plan = plan_recrawl(str(project))
    assert (plan.mode, plan.command, plan.resume_run) == ("resume", "run", run)


def test_plan_recrawl_of_a_missing_database_says_how(tmp_path):
    with pytest.raises(NotStoredError, match="no such database"):
        plan_recrawl(str(tmp_path / "none.db"))


def test_empty_diff_database_without_rankings_is_not_stored_error(project):
    with pytest.raises(NotStoredError, match="no ranking stored"):
        diff_database(project)


def test_diff_database_needs_two_rankings(project):
    add_ranking(project, [{"site": "a.de", "rank": 1, "score": 1.0}])
    with pytest.raises(NotStoredError, match="only one ranking stored"):
        diff_database(project)


def test_diff_database_compares_the_latest_two_rankings(project):
    add_ranking(project, [{"site": "a.de", "rank": 1, "score": 1.0}])
    db = dbmod.connect(project)
    dbmod.start_run(db, "recrawl", ["https://s.de/"], {})
    db.close()
    add_ranking(project, [{"site": "b.de", "rank": 1, "score": 1.0}, {"site": "a.de", "rank": 2, "score": 0.5}])
    old, new, changes = diff_database(project, min_move=1)
    assert (old["id"], new["id"]) == (1, 2)
    assert {(c["change"], c["site"]) for c in changes} == {("new", "b.de"), ("fell", "a.de")}
    assert set(changes[0]) == set(DIFF_COLUMNS)
    assert [r["site"] for r in load_snapshot(project, None)[1]] == ["b.de", "a.de"]


@pytest.mark.parametrize("command", ["demo", "crawl"])
def test_demo_replaces_an_earlier_demo_but_never_a_project(tmp_path, command):
    db = tmp_path / "kunde-a.db"
    handle = dbmod.connect(db)
    dbmod.start_run(handle, command, ["https://seo-blog.de/"], {})
    handle.close()
    if command == "demo":
        remove_database(db)
        assert not db.exists()
    else:
        with pytest.raises(NotADemoError, match="kunde-a.db: holds something other than an earlier demo"):
            remove_database(db)
        assert db.exists()


def test_demo_never_deletes_a_file_that_is_no_database(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("Kontakte\n", encoding="utf-8")
    result = blogscout("demo", "--db", str(notes), "--quiet")
    assert result.returncode == 1 and result.stderr.startswith("Error: --db ")
    assert notes.read_text(encoding="utf-8") == "Kontakte\n"


def test_demo_crawls_ranks_and_exports_the_sample_web(tmp_path):
    db, out = tmp_path / "demo.db", tmp_path / "demo.csv"
    result = blogscout("demo", "--blogs", "10", "--db", str(db), "--out", str(out), "--quiet")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows and rows[0]["rank"] == "1"
    assert "pages fetched" in result.stdout and "Crawling the sample blogosphere (10 blogs)" in result.stderr
