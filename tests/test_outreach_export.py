"""Files outreach tools import: Excel workbooks and one-row-per-contact presets."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from conftest import blogscout
from openpyxl import load_workbook
from projectdb import build_project_db

from crawler.services import outreach
from crawler.services.presets import PRESETS, contact_rows, split_name
from scoring.excel import write_xlsx
from scoring.rank import COLUMNS


@pytest.fixture
def project(tmp_path):
    return build_project_db(tmp_path / "project.db")


ROWS = [
    {
        "rank": 1,
        "site": "a.de",
        "url": "https://a.de/",
        "title": '=HYPERLINK("http://evil.example","klick")',
        "score": 0.5,
        "last_post": "2024-06-20",
        "reciprocal": True,
        "note": "+49 30 1234",
        "emails": "anna@a.de; info@a.de",
        "contact_name": "Anna von Au",
        "why": "on topic (seo)",
        "top_terms": "seo, content",
    },
    {"rank": 2, "site": "b.de", "url": "javascript:alert(1)", "title": "B", "score": float("nan"), "emails": ""},
]


def test_write_xlsx_types_cells_and_never_writes_formulas(tmp_path):
    path = tmp_path / "p.xlsx"
    columns = ["rank", "site", "url", "title", "score", "last_post", "reciprocal", "note"]
    write_xlsx(ROWS, path, columns=columns)
    ws = load_workbook(path).active
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:H3"
    assert [c.value for c in ws[1]] == columns
    rank, site, url, title, score, last_post, reciprocal, note = ws[2]
    assert rank.value == 1 and rank.data_type == "n" and score.value == 0.5
    assert title.data_type == "s" and title.value.startswith("=HYPERLINK")
    assert url.hyperlink.target == "https://a.de/"
    assert last_post.value == dt.datetime(2024, 6, 20) and last_post.is_date
    assert reciprocal.value is True and note.value == "+49 30 1234" and note.data_type == "s"
    assert ws["C3"].hyperlink is None and ws["C3"].value == "javascript:alert(1)" and ws["E3"].value is None


def test_write_xlsx_empty(tmp_path):
    write_xlsx([], tmp_path / "e.xlsx", columns=["site"])
    ws = load_workbook(tmp_path / "e.xlsx").active
    assert [c.value for c in ws[1]] == ["site"] and ws.max_row == 1


@pytest.mark.parametrize("preset", sorted(PRESETS))
def test_contact_rows_one_per_address_with_tool_columns(preset):
    rows = list(contact_rows(ROWS, preset))
    assert len(rows) == 2 and all(list(r) == PRESETS[preset] for r in rows)
    values = list(rows[0].values())
    assert "anna@a.de" in values and "Anna" in values and "von Au" in values


def test_contact_rows_empty():
    assert list(contact_rows([], "hubspot")) == [] and split_name("") == ("", "")


def test_cli_rank_writes_excel_with_outreach_columns(project, tmp_path):
    out = tmp_path / "partners.xlsx"
    result = blogscout("rank", "--db", str(project), "--out", str(out), "--top", "0")
    assert result.returncode == 0, result.stderr
    ws = load_workbook(out).active
    header = [c.value for c in ws[1]]
    assert header == [*COLUMNS[:5], "status_changed_at", *COLUMNS[5:]]  # when each status was set
    rows = {r[1]: dict(zip(header, r)) for r in ws.iter_rows(min_row=2, values_only=True)}
    assert rows["p.de"]["contact_name"] == "Anna Beispielfrau" and rows["p.de"]["status"] == "new"
    assert rows["e.com"]["emails"] == "=cmd@e.com"  # a string cell, not a formula
    p_row = next(r for r in ws.iter_rows(min_row=2) if r[1].value == "p.de")
    assert p_row[header.index("cooperation_url")].hyperlink.target == "https://p.de/kooperationen/"


def test_cli_excel_edited_with_openpyxl_goes_back_into_the_database(project, tmp_path):
    out = tmp_path / "partners.xlsx"
    blogscout("rank", "--db", str(project), "--out", str(out), "--top", "0")
    book = load_workbook(out)
    ws = book.active
    header = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        if row[header.index("site")].value == "k.de":
            row[header.index("status")].value = "contacted"
            row[header.index("note")].value = "erst im Mai; +49 30 1234"
    book.save(out)
    result = blogscout("import-status", str(out), "--db", str(project))
    assert result.returncode == 0, result.stderr
    stored = {r["site"]: r for r in outreach.statuses(project)}
    assert stored["k.de"]["status"] == "contacted" and stored["k.de"]["note"] == "erst im Mai; +49 30 1234"


@pytest.mark.parametrize("preset", sorted(PRESETS))
def test_cli_rank_preset_writes_the_tool_columns(project, tmp_path, preset):
    out = tmp_path / f"{preset}.csv"
    result = blogscout("rank", "--db", str(project), "--out", str(out), "--preset", preset, "--top", "0")
    assert result.returncode == 0, result.stderr
    with out.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        rows = list(reader)
    assert reader.fieldnames == PRESETS[preset]
    assert len(rows) == 4  # p.de has two addresses, k.de and e.com one, q.de none
    assert any("Anna" in r.values() and "Beispielfrau" in r.values() for r in rows)


@pytest.mark.parametrize(
    "args, message",
    [
        (["--format", "xlsx", "--out", "-"], "Error: --format xlsx cannot go to stdout"),
        (["--out", "p.xlsx", "--excel"], "Error: --excel applies to CSV only"),
        (["--preset", "salesforce"], "Error: Invalid value for '--preset'"),
    ],
)
def test_cli_rank_bad_export_options_are_one_error_line(project, tmp_path, args, message):
    result = blogscout("rank", "--db", str(project), "--top", "0", *args, cwd=tmp_path)
    assert result.returncode != 0 and result.stderr.startswith(message) and result.stderr.count("\n") == 1
