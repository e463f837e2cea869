"""import-status never loses a status: row times, conflicts, downgrades, --dry-run, --force, sources, German names."""

from __future__ import annotations

import csv
import os
import sqlite3
import zipfile
from datetime import UTC, datetime

import pytest
from conftest import blogscout
from projectdb import build_project_db

from crawler.services import outreach
from crawler.services.export import with_status_times
from crawler.services.rank import rank_to_file
from crawler.services.report import set_status
from crawler.services.sheets import written_at
from crawler.storage.outreach import STATUS_TIME, load_history, load_statuses


@pytest.fixture
def project(tmp_path):
    """Path of a small finished crawl database (candidate blogs p.de, k.de, e.com, q.de)."""
    return build_project_db(tmp_path / "project.db")


def export(project, path):
    """The real ranking export of every blog to ``path`` (CSV or Excel by its suffix)."""
    rank_to_file(str(project), out=str(path), include_all=True, save=False)
    return path


def read_csv(path):
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def write_csv(path, rows):
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def edit(path, **statuses):
    """Set the status cell of the given sites (``p_de="declined"``) in an exported CSV."""
    rows = read_csv(path)
    header = rows[0]
    for cells in rows[1:]:
        wanted = statuses.get(cells[header.index("site")].replace(".", "_"))
        if wanted is not None:
            cells[header.index("status")] = wanted
    return write_csv(path, rows)


def stored(project):
    with outreach.opened(project) as db:
        return {site: row["status"] for site, row in load_statuses(db).items()}


def sources(project, site=None):
    with outreach.opened(project) as db:
        return [(h["status"], h["source"]) for h in load_history(db, site)]


# -- the service -------------------------------------------------------------------------------


def test_export_carries_when_each_status_was_set(project, tmp_path):
    outreach.mark(project, ["k.de"], "contacted")
    rows = {r[1]: r for r in read_csv(export(project, tmp_path / "p.csv"))}
    header = rows.pop("site")
    assert header[header.index("status") + 1] == STATUS_TIME
    with outreach.opened(project) as db:
        assert rows["k.de"][header.index(STATUS_TIME)] == load_statuses(db)["k.de"]["changed_at"]
    assert rows["p.de"][header.index(STATUS_TIME)] == ""  # no status stored yet


def test_with_status_times_leaves_a_status_set_after_ranking_unstamped(project):
    outreach.mark(project, ["k.de"], "contacted")
    rows = [{"site": "k.de", "status": "new", "note": ""}]  # ranked before the mark
    stamped, columns = with_status_times(rows, ["site", "status", "note"], project)
    assert columns == ["site", "status", STATUS_TIME, "note"] and stamped[0][STATUS_TIME] == ""


def test_empty_with_status_times(project):
    assert with_status_times([], ["site", "status"], project) == ([], ["site", "status", STATUS_TIME])
    assert with_status_times([{"site": "k.de"}], ["site"], project) == ([{"site": "k.de"}], ["site"])
    assert with_status_times([], ["site", "status"], None) == ([], ["site", "status"])


def test_import_applies_a_row_the_database_did_not_change_since(project, tmp_path):
    outreach.mark(project, ["k.de"], "contacted")
    path = edit(export(project, tmp_path / "p.csv"), k_de="replied")
    result = outreach.import_status(project, path)
    assert [(c.site, c.old, c.new) for c in result.changed] == [("k.de", "contacted", "replied")]
    assert result.conflicts == [] and stored(project)["k.de"] == "replied"


def test_import_leaves_a_status_set_after_the_export(project, tmp_path):
    outreach.mark(project, ["k.de"], "shortlisted")
    path = edit(export(project, tmp_path / "p.csv"), k_de="declined")
    outreach.mark(project, ["k.de"], "contacted")
    result = outreach.import_status(project, path)
    (conflict,) = result.conflicts
    assert (conflict.site, conflict.file_status, conflict.db_status, conflict.reason) == (
        "k.de",
        "declined",
        "contacted",
        "changed",
    )
    assert conflict.file_set_at < conflict.db_set_at and result.changed == []
    assert stored(project)["k.de"] == "contacted"


@pytest.mark.parametrize("decided", sorted(outreach.DECIDED))
@pytest.mark.parametrize("back_to", ["new", "shortlisted", "vorgemerkt"])
def test_import_never_goes_back_from_a_decided_status_even_from_a_newer_file(project, tmp_path, decided, back_to):
    outreach.mark(project, ["k.de"], decided)
    path = edit(export(project, tmp_path / "p.csv"), k_de=back_to)
    result = outreach.import_status(project, path)
    assert [c.reason for c in result.conflicts] == ["downgrade"] and stored(project)["k.de"] == decided


def test_import_from_shortlisted_back_to_new_is_no_conflict(project, tmp_path):
    outreach.mark(project, ["k.de"], "shortlisted")
    result = outreach.import_status(project, edit(export(project, tmp_path / "p.csv"), k_de="neu"))
    assert result.conflicts == [] and stored(project)["k.de"] == "new"


def test_import_force_applies_conflicts_and_says_so_in_the_history(project, tmp_path):
    outreach.mark(project, ["k.de"], "replied")
    path = edit(export(project, tmp_path / "p.csv"), k_de="new")
    result = outreach.import_status(project, path, force=True)
    assert result.forced and len(result.conflicts) == 1 and stored(project)["k.de"] == "new"
    assert sources(project, "k.de") == [("replied", "mark"), ("new", "import-status p.csv --force")]


def test_import_dry_run_stores_nothing(project, tmp_path):
    outreach.mark(project, ["k.de"], "replied")
    path = edit(export(project, tmp_path / "p.csv"), k_de="new", p_de="shortlisted")
    before = (stored(project), sources(project))
    result = outreach.import_status(project, path, dry_run=True, force=True)
    assert [c.site for c in result.changed] == ["p.de"] and [c.site for c in result.conflicts] == ["k.de"]
    assert (stored(project), sources(project)) == before


@pytest.mark.parametrize("cell", ["", "07.12.2026 21:46", "gestern"])
def test_import_row_time_blank_or_unreadable_is_a_conflict_where_a_status_is_stored(project, tmp_path, cell):
    outreach.mark(project, ["k.de"], "shortlisted")
    path = write_csv(tmp_path / "e.csv", [["site", "status", STATUS_TIME], ["k.de", "declined", cell]])
    result = outreach.import_status(project, path)
    assert [(c.site, c.file_set_at) for c in result.conflicts] == [("k.de", cell)]
    assert stored(project)["k.de"] == "shortlisted"


def test_import_file_without_row_times_counts_from_its_modification_time(project, tmp_path):
    path = write_csv(tmp_path / "old.csv", [["site", "status"], ["k.de", "declined"]])
    os.utime(path, (1_600_000_000, 1_600_000_000))  # written in 2020
    outreach.mark(project, ["k.de"], "shortlisted")
    assert [c.reason for c in outreach.import_status(project, path).conflicts] == ["changed"]
    os.utime(path)  # written now, after the mark
    assert [c.site for c in outreach.import_status(project, path).changed] == ["k.de"]


def workbook(path, rows, created=None):
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    if created:
        book.properties.created = created
    book.save(path)
    return path


def test_import_workbook_without_row_times_counts_from_its_creation_time(project, tmp_path):
    outreach.mark(project, ["k.de"], "shortlisted")
    path = workbook(tmp_path / "old.xlsx", [["site", "status"], ["k.de", "declined"]], datetime(2020, 5, 1, 9, 0))
    assert written_at(path) == datetime(2020, 5, 1, 9, 0, tzinfo=UTC)  # saved just now, created in 2020
    assert [c.reason for c in outreach.import_status(project, path).conflicts] == ["changed"]


def test_written_at_of_a_workbook_without_creation_time_is_its_modification_time(tmp_path):
    path = workbook(tmp_path / "a.xlsx", [["site", "status"]])
    plain = tmp_path / "b.xlsx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(plain, "w") as dst:
        for item in src.infolist():
            if item.filename != "docProps/core.xml":
                dst.writestr(item, src.read(item.filename))
    os.utime(plain, (1_600_000_000, 1_600_000_000))
    assert written_at(plain) == datetime.fromtimestamp(1_600_000_000, UTC)


def test_empty_written_at_of_an_empty_csv_is_its_modification_time(tmp_path):
    path = tmp_path / "e.csv"
    path.write_text("")
    os.utime(path, (1_600_000_000, 1_600_000_000))
    assert written_at(path) == datetime.fromtimestamp(1_600_000_000, UTC)


@pytest.mark.parametrize(
    "typed, status",
    [
        ("neu", "new"),
        ("Vorgemerkt", "shortlisted"),
        ("kontaktiert", "contacted"),
        ("GEANTWORTET", "replied"),
        ("Partner", "partner"),
        ("abgelehnt", "declined"),
        ("nicht kontaktieren", "do-not-contact"),
        ("Nicht-Kontaktieren", "do-not-contact"),
        ("nicht_kontaktieren", "do-not-contact"),
    ],
)
def test_normalise_status_accepts_german_names(typed, status):
    assert outreach.normalise_status(typed) == status


def test_unknown_status_names_the_german_names_too():
    with pytest.raises(outreach.UnknownStatus, match="German: neu, vorgemerkt, .*nicht kontaktieren"):
        outreach.normalise_status("vielleicht")


def test_history_names_the_source_of_each_change(project, tmp_path):
    outreach.mark(project, ["k.de"], "shortlisted")
    set_status(project, "k.de", "contacted")
    outreach.import_status(project, edit(export(project, tmp_path / "p.csv"), k_de="geantwortet"))
    assert sources(project, "k.de") == [
        ("shortlisted", "mark"),
        ("contacted", "app"),
        ("replied", "import-status p.csv"),
    ]


def test_migration_adds_the_source_and_keeps_older_history(tmp_path):
    path = build_project_db(tmp_path / "old.db")
    outreach.mark(path, ["k.de"], "partner")
    conn = sqlite3.connect(path)
    conn.execute("ALTER TABLE outreach_history DROP COLUMN source")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm011_outreach_source'")
    conn.execute("PRAGMA user_version = 10")
    conn.commit()
    conn.close()
    outreach.mark(path, ["k.de"], "declined")
    assert sources(path, "k.de") == [("partner", ""), ("declined", "mark")]


# -- the command line ----------------------------------------------------------------------


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_cli_old_export_imported_after_marking_downgrades_nothing(project, tmp_path, suffix):
    """The export was written before any mark; imported back after marks, it must not reset them."""
    old = tmp_path / f"partners.{suffix}"
    assert blogscout("rank", "--db", str(project), "--out", str(old), "--top", "0").returncode == 0
    for site, status in [("p.de", "contacted"), ("k.de", "geantwortet"), ("q.de", "do-not-contact")]:
        assert blogscout("mark", site, "--status", status, "--db", str(project)).returncode == 0
    marked = stored(project)
    result = blogscout("import-status", str(old), "--db", str(project))
    assert result.returncode == 0, result.stderr
    assert stored(project) == marked == {"p.de": "contacted", "k.de": "replied", "q.de": "do-not-contact"}
    conflicts = [line for line in result.stdout.splitlines() if line.startswith("conflict")]
    assert len(conflicts) == 3
    k_line = next(line for line in conflicts if "k.de" in line)
    assert "file says new (exported before any was set), database says replied (set 20" in k_line
    assert "going back from replied to new needs --force" in k_line
    assert "0 changed, 1 up to date, 3 conflict(s) not applied" in result.stderr
    assert "--force applies them" in result.stderr and "Traceback" not in result.stderr


def test_cli_import_applies_safe_rows_and_lists_a_status_set_since(project, tmp_path):
    blogscout("mark", "k.de", "--status", "shortlisted", "--db", str(project))
    path = tmp_path / "partners.csv"
    blogscout("rank", "--db", str(project), "--out", str(path), "--top", "0")
    edit(path, k_de="abgelehnt", e_com="vorgemerkt")
    blogscout("mark", "k.de", "--status", "contacted", "--db", str(project))
    result = blogscout("import-status", str(path), "--db", str(project))
    assert result.returncode == 0, result.stderr
    assert "changed  e.com: new -> shortlisted" in result.stdout
    assert "conflict  k.de: file says declined (set 20" in result.stdout
    assert "set in the database after the file was written" in result.stdout
    assert stored(project) == {"k.de": "contacted", "e.com": "shortlisted"}
    assert "1 changed, 2 up to date, 1 conflict(s) not applied" in result.stderr


def test_cli_import_dry_run_then_force(project, tmp_path):
    path = tmp_path / "partners.csv"
    blogscout("mark", "k.de", "--status", "partner", "--db", str(project))
    blogscout("rank", "--db", str(project), "--out", str(path), "--top", "0", "--all")
    edit(path, k_de="neu", p_de="shortlisted")
    dry = blogscout("import-status", str(path), "--dry-run", "--db", str(project))
    assert dry.returncode == 0 and "would change  p.de: new -> shortlisted" in dry.stdout
    assert "dry run, nothing stored: 1 would change, 2 up to date, 1 conflict(s)" in dry.stderr
    assert stored(project) == {"k.de": "partner"}
    forced = blogscout("import-status", str(path), "--force", "--db", str(project))
    assert forced.returncode == 0 and "1 conflict(s) applied with --force" in forced.stderr
    assert stored(project) == {"k.de": "new", "p.de": "shortlisted"}
    history = blogscout("status", "--history", "--db", str(project)).stdout.splitlines()
    assert history[-1].split()[:2] == ["new", "k.de"] and "import-status partners.csv --force" in history[-1]
    assert "mark" in history[0].split()


def test_cli_mark_takes_a_german_status(project):
    result = blogscout("mark", "k.de", "--status", "Nicht-Kontaktieren", "--db", str(project))
    assert result.returncode == 0 and "1 site(s) marked do-not-contact: k.de" in result.stderr
    assert stored(project) == {"k.de": "do-not-contact"}
