"""Edited exports read back by `blogscout import-status`: small hostile files cannot fill the memory.

A workbook whose ``<dimension>`` claims the whole sheet, rows far down, a header wider than any
export, CSV files of endless lines: each ends quickly, in a subprocess limited to 1.5 GiB of
address space, with a correct import or one `Error:` line, and nothing stored is lost.
"""

from __future__ import annotations

import csv
import os
import re
import resource
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT
from projectdb import build_project_db
from test_user_errors import one_line_error

from crawler.services.sheets import MAX_COLUMNS, MAX_ROWS, SheetError, read_table
from crawler.storage import db as dbmod
from crawler.storage.outreach import load_statuses

ADDRESS_SPACE = 1536 * 1024 * 1024


@pytest.fixture
def project(tmp_path):
    """A small finished crawl; k.de is already marked contacted."""
    path = build_project_db(tmp_path / "project.db")
    done = import_status(
        _csv(tmp_path / "first.csv", [["site", "status", "note"], ["k.de", "contacted", "Mail"]]), path
    )
    assert done.returncode == 0, done.stderr
    return path


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


def import_status(file: Path, db: Path) -> subprocess.CompletedProcess:
    """`blogscout import-status` in a subprocess with 1.5 GiB of address space."""
    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
    return subprocess.run(
        [sys.executable, "-m", "crawler", "import-status", str(file), "--db", str(db)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        preexec_fn=_limit_memory,
    )


def _csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


def _workbook(path: Path, rows: list[list[object]], dimension: str | None = None, cells: dict | None = None) -> Path:
    """An .xlsx of ``rows`` (plus single ``cells`` {(row, column): value}); ``dimension`` rewrites the claimed range."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    for (r, c), value in (cells or {}).items():
        sheet.cell(row=r, column=c, value=value)
    book.save(path)
    if dimension:
        plain = path.with_suffix(".plain")
        path.rename(plain)
        with zipfile.ZipFile(plain) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
            for item in src.infolist():
                data = src.read(item.filename)
                if item.filename == "xl/worksheets/sheet1.xml":
                    data, count = re.subn(rb'<dimension ref="[^"]*"', f'<dimension ref="{dimension}"'.encode(), data)
                    assert count == 1
                dst.writestr(item, data)
        plain.unlink()
    return path


def stored(db: Path) -> dict:
    handle = dbmod.connect(db, create=False)
    try:
        return {site: (row["status"], row["note"]) for site, row in load_statuses(handle).items()}
    finally:
        handle.close()


EDITED = [["site", "score", "status", "note"], ["p.de", 0.5, "shortlisted", "passt"], ["q.de", 0.4, None, None]]


def test_workbook_claiming_the_whole_sheet_imports_quickly(project, tmp_path):
    path = _workbook(tmp_path / "edited.xlsx", EDITED + [["q.de", 0.4]] * 20_000, dimension="A1:XFD1048576")
    started = time.monotonic()
    result = import_status(path, project)
    assert result.returncode == 0, result.stderr
    assert "MemoryError" not in result.stderr and "Traceback" not in result.stderr
    assert time.monotonic() - started < 15
    assert stored(project) == {"k.de": ("contacted", "Mail"), "p.de": ("shortlisted", "passt")}


def test_workbook_with_a_row_far_down_is_one_line_error(project, tmp_path):
    path = _workbook(tmp_path / "edited.xlsx", EDITED, dimension="A1:XFD1048576", cells={(1_048_576, 1): "x.de"})
    one_line_error(import_status(path, project), str(path), f"more than {MAX_ROWS:,} rows")
    assert stored(project) == {"k.de": ("contacted", "Mail")}


def test_workbook_with_a_header_wider_than_the_cap_is_one_line_error(project, tmp_path):
    extra = {(1, MAX_COLUMNS + 1): "extra"}
    path = _workbook(tmp_path / "edited.xlsx", EDITED, dimension="A1:XFD1048576", cells=extra)
    one_line_error(import_status(path, project), str(path), f"more than {MAX_COLUMNS} columns")
    assert stored(project) == {"k.de": ("contacted", "Mail")}


def test_cells_beyond_the_header_are_left_out(tmp_path):
    path = _workbook(tmp_path / "edited.xlsx", EDITED, cells={(2, 300): "stray", (1, 16_384): "far"})
    columns, rows = read_table(path)
    assert columns == ["site", "score", "status", "note"] and rows[0] == {
        "site": "p.de",
        "score": "0.5",
        "status": "shortlisted",
        "note": "passt",
    }


def test_csv_with_too_many_rows_is_one_line_error(project, tmp_path):
    path = tmp_path / "edited.csv"
    with path.open("w", encoding="utf-8") as fh:
        fh.write("site,status\np.de,partner\n")
        fh.write("\n" * 2_000_000)
    one_line_error(import_status(path, project), str(path), f"more than {MAX_ROWS:,} rows")
    assert stored(project) == {"k.de": ("contacted", "Mail")}


def test_csv_with_an_endless_line_is_one_line_error(project, tmp_path):
    path = tmp_path / "edited.csv"
    with path.open("w", encoding="utf-8") as fh:
        fh.write("site,status\np.de,partner")
        fh.write("," * 200_000_000)
    one_line_error(import_status(path, project), str(path), "a line longer than")
    assert stored(project) == {"k.de": ("contacted", "Mail")}


def test_csv_with_a_header_wider_than_the_cap_is_refused(tmp_path):
    path = _csv(tmp_path / "edited.csv", [["site", "status"] + [f"c{i}" for i in range(MAX_COLUMNS)]])
    with pytest.raises(SheetError, match=f"more than {MAX_COLUMNS} columns"):
        read_table(path)


def test_csv_with_a_huge_field_is_refused(tmp_path):
    path = tmp_path / "edited.csv"
    path.write_text('site,status\n"' + "x" * 500_000 + '",partner\n', encoding="utf-8")
    with pytest.raises(SheetError, match="line 2: not readable as CSV"):
        read_table(path)


def test_csv_neither_utf8_nor_cp1252_is_refused(tmp_path):
    path = tmp_path / "edited.csv"
    path.write_bytes(b"site,status\n\x81\x8d.de,partner\n")
    with pytest.raises(SheetError, match="neither UTF-8 nor Windows-1252"):
        read_table(path)


def test_empty_table(tmp_path):
    path = tmp_path / "edited.csv"
    path.write_bytes(b"")
    with pytest.raises(SheetError, match="the file is empty"):
        read_table(path)


def test_workbook_with_a_broken_sheet_is_refused(tmp_path):
    path = _workbook(tmp_path / "edited.xlsx", EDITED)
    with zipfile.ZipFile(path) as src:
        items = [(item, src.read(item.filename)) for item in src.infolist()]
    with zipfile.ZipFile(path, "w") as dst:
        for item, data in items:
            dst.writestr(item, data[:-50] if item.filename == "xl/worksheets/sheet1.xml" else data)
    with pytest.raises(SheetError, match="not a readable Excel workbook"):
        read_table(path)
