"""Outreach status: mark, list, import from edited exports, leave closed blogs out of rankings."""

from __future__ import annotations

import csv

import pytest
from conftest import blogscout
from projectdb import build_project_db

from crawler.items import SiteItem
from crawler.services import outreach
from crawler.storage import db as dbmod
from crawler.storage.outreach import load_history, load_statuses
from crawler.storage.writes import write_batch


@pytest.fixture
def project(tmp_path):
    """Path of a small finished crawl database."""
    return build_project_db(tmp_path / "project.db")


@pytest.fixture
def db(project):
    handle = dbmod.connect(project, create=False)
    yield handle
    handle.close()


def test_mark_stores_status_note_and_history(db):
    assert outreach.mark(db, ["p.de", "https://www.k.de/blog/"], "contacted", "Mail am 3.11.") == ["p.de", "k.de"]
    stored = load_statuses(db)
    assert stored["p.de"]["status"] == "contacted" and stored["k.de"]["note"] == "Mail am 3.11."
    outreach.mark(db, ["p.de"], "Replied")
    now = load_statuses(db)["p.de"]
    assert (now["status"], now["note"]) == ("replied", "Mail am 3.11.")
    assert now["changed_at"] > stored["p.de"]["changed_at"]  # to the microsecond: one second holds both
    assert [(h["status"], h["source"]) for h in load_history(db, "p.de")] == [
        ("contacted", "mark"),
        ("replied", "mark"),
    ]


@pytest.mark.parametrize("typed", ["do not contact", "Do_Not_Contact", "DO-NOT-CONTACT"])
def test_normalise_status_accepts_spellings(typed):
    assert outreach.normalise_status(typed) == "do-not-contact"


def test_mark_unknown_status_stores_nothing(db):
    with pytest.raises(outreach.UnknownStatus, match="'maybe' is unknown; use one of new, shortlisted"):
        outreach.mark(db, ["p.de"], "maybe")
    assert load_statuses(db) == {}


def test_mark_unknown_site_names_it_and_stores_nothing(db):
    with pytest.raises(outreach.UnknownSite, match="nope.de: not in the database"):
        outreach.mark(db, ["p.de", "nope.de"], "shortlisted")
    assert load_statuses(db) == {}


def test_status_survives_a_recrawl_writing_the_site_again(db):
    outreach.mark(db, ["p.de"], "declined", "kein Interesse")
    write_batch(db, 2, [SiteItem("p.de", "https://p.de/", "candidate", 1, "blogroll of s.de")])
    assert load_statuses(db)["p.de"]["status"] == "declined"


def test_statuses_lists_new_blogs_with_include_new(db):
    outreach.mark(db, ["q.de"], "partner")
    assert [r["site"] for r in outreach.statuses(db)] == ["q.de"]
    rows = outreach.statuses(db, include_new=True)
    assert [(r["site"], r["status"]) for r in rows] == [
        ("e.com", "new"),
        ("k.de", "new"),
        ("p.de", "new"),
        ("q.de", "partner"),
    ]


def test_empty_statuses(db):
    assert outreach.statuses(db) == [] and outreach.history(db) == []


def test_leave_out_closed():
    rows = [
        {"site": s, "status": st} for s, st in [("a", "new"), ("b", "partner"), ("c", "declined"), ("d", "replied")]
    ]
    assert [r["site"] for r in outreach.leave_out_closed(rows)] == ["a", "d"]
    assert len(outreach.leave_out_closed(rows, include_all=True)) == 4
    assert outreach.leave_out_closed([]) == []


def _write_csv(path, rows, delimiter=",", bom=False):
    with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as fh:
        csv.writer(fh, delimiter=delimiter).writerows(rows)
    return path


def test_import_status_from_german_excel_csv(db, tmp_path):
    outreach.mark(db, ["k.de"], "contacted", "alte Notiz")
    path = _write_csv(
        tmp_path / "edited.csv",
        [
            ["rank", "site", "status", "note"],
            ["1", "p.de", "shortlisted", "'- schreibt über Reels"],
            ["2", "k.de", "contacted", ""],
            ["3", "e.com", "", "nur eine Notiz"],
        ],
        delimiter=";",
        bom=True,
    )
    result = outreach.import_status(db, path)
    assert [c.site for c in result.changed] == ["p.de"] and result.unchanged == 1 and result.blank == 1
    stored = load_statuses(db)
    assert stored["p.de"]["note"] == "- schreibt über Reels"
    assert stored["k.de"]["note"] == "alte Notiz"  # a blank note cell erases nothing
    assert "e.com" not in stored


def test_import_status_from_excel_workbook(db, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Site", "Score", "Status", "Note"])
    sheet.append(["p.de", 0.5, "Do not contact", "hat abgesagt"])
    sheet.append([None, None, None, None])
    path = tmp_path / "edited.xlsx"
    book.save(path)
    result = outreach.import_status(db, path)
    assert [c.site for c in result.changed] == ["p.de"] and load_statuses(db)["p.de"]["status"] == "do-not-contact"


def test_import_status_without_site_column_stores_nothing(db, tmp_path):
    path = _write_csv(tmp_path / "edited.csv", [["Blog", "status"], ["p.de", "partner"]])
    with pytest.raises(outreach.ImportFileError, match="no 'site' column \\(found: blog, status\\)"):
        outreach.import_status(db, path)
    assert load_statuses(db) == {}


def test_import_status_unknown_status_names_row_and_stores_nothing(db, tmp_path):
    path = _write_csv(tmp_path / "e.csv", [["site", "status"], ["p.de", "partner"], ["k.de", "vielleicht"]])
    with pytest.raises(outreach.UnknownStatus, match="row 3: status 'vielleicht' is unknown"):
        outreach.import_status(db, path)
    assert load_statuses(db) == {}


def test_import_status_unknown_site_stores_nothing(db, tmp_path):
    path = _write_csv(tmp_path / "e.csv", [["site", "status"], ["p.de", "partner"], ["fremd.de", "partner"]])
    with pytest.raises(outreach.UnknownSite, match="fremd.de: not in the database"):
        outreach.import_status(db, path)
    assert load_statuses(db) == {}


def test_import_status_refuses_a_broken_workbook(db, tmp_path):
    path = tmp_path / "kaputt.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(outreach.ImportFileError, match="not a readable Excel workbook"):
        outreach.import_status(db, path)


# -- the command line ----------------------------------------------------------------------


def test_cli_mark_status_and_rank_leave_out_declined(project, tmp_path):
    result = blogscout("mark", "p.de", "k.de", "--status", "declined", "--note", "kein Budget", "--db", str(project))
    assert result.returncode == 0, result.stderr
    listing = blogscout("status", "--db", str(project))
    assert listing.stdout.splitlines()[0].split()[:2] == ["declined", "k.de"] and "kein Budget" in listing.stdout
    out = tmp_path / "partners.csv"
    blogscout("rank", "--db", str(project), "--out", str(out), "--top", "0")
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert {r["site"] for r in rows} == {"e.com", "q.de"} and {r["status"] for r in rows} == {"new"}
    blogscout("rank", "--db", str(project), "--out", str(out), "--top", "0", "--all")
    rows = {r["site"]: r for r in csv.DictReader(out.open(encoding="utf-8"))}
    assert rows["p.de"]["status"] == "declined" and rows["p.de"]["note"] == "kein Budget"


def test_cli_export_edit_import_round_trip(project, tmp_path):
    out = tmp_path / "partners.csv"
    blogscout("rank", "--db", str(project), "--out", str(out), "--excel", "--top", "0")
    rows = list(csv.reader(out.open(encoding="utf-8-sig", newline=""), delimiter=";"))
    header = rows[0]
    for cells in rows[1:]:
        if cells[header.index("site")] == "q.de":
            cells[header.index("status")] = "shortlisted"
            cells[header.index("note")] = "passt gut"
    _write_csv(out, rows, delimiter=";", bom=True)
    result = blogscout("import-status", str(out), "--db", str(project))
    assert result.returncode == 0 and "1 changed, 3 up to date, 0 conflict(s)" in result.stderr
    db = dbmod.connect(project, create=False)
    assert load_statuses(db)["q.de"] == {**load_statuses(db)["q.de"], "status": "shortlisted", "note": "passt gut"}


@pytest.mark.parametrize(
    "args, message",
    [
        (["mark", "p.de", "--status", "maybe"], "Error: --status 'maybe' is unknown; use one of new, shortlisted"),
        (["mark", "nope.de", "--status", "partner"], "Error: nope.de: not in the database"),
        (["import-status", "MISSING.csv"], "Error: MISSING.csv: no such file"),
    ],
)
def test_cli_bad_input_is_one_error_line(project, args, message):
    before = project.read_bytes()
    result = blogscout(*args, "--db", str(project))
    assert result.returncode == 1 and result.stderr.startswith(message) and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
    db = dbmod.connect(project, create=False)
    assert load_statuses(db) == {} and len(before) > 0


def test_cli_import_without_site_column_is_one_error_line(project, tmp_path):
    path = _write_csv(tmp_path / "edited.csv", [["Blog", "status"], ["p.de", "partner"]])
    result = blogscout("import-status", str(path), "--db", str(project))
    assert result.returncode == 1 and result.stderr.count("\n") == 1 and "no 'site' column" in result.stderr


def test_cli_status_of_missing_database(tmp_path):
    result = blogscout("status", "--db", str(tmp_path / "none.db"))
    assert result.returncode == 1 and result.stderr.startswith("Error: ") and not (tmp_path / "none.db").exists()
