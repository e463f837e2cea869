"""What the command line prints to a terminal: notes, page text and file names can carry escape
sequences (an OSC title, CSI colours, C1 controls, bidirectional overrides); none reaches the
terminal as written, and every printed row stays one line.

click drops CSI codes by itself only when stdout is not a terminal (as in these subprocesses), so
the command-line cases carry OSC titles, C1 controls and bidirectional overrides, which it keeps."""

from __future__ import annotations

import sqlite3

import pytest
from conftest import blogscout
from projectdb import build_project_db

from crawler.cli.common import format_table, print_summary, printable
from crawler.services import outreach

HOSTILE = "Mail\x1b]0;pwned\x07 \x1b[31mrot\x1b[0m \x9b2J \u202eevil\u202c\x00ende"
RAW = ("\x1b", "\x07", "\x9b", "\u202e", "\u202c", "\x00")


def clean(text: str) -> bool:
    return not any(ch in text for ch in RAW)


@pytest.mark.parametrize(
    "value, shown",
    [
        ("", ""),
        ("Anna Müller", "Anna Müller"),
        ("zwei\nZeilen\r\nund\tTab", "zwei Zeilen  und Tab"),
        ("\x1b]0;pwned\x07", "?]0;pwned?"),
        ("\x1b[2J\x9b2J", "?[2J?2J"),
        ("a\u2028b\x85c", "a b c"),
        ("\u202etxt.exe", "?txt.exe"),
        (0.5, "0.5"),
    ],
)
def test_printable(value, shown):
    assert printable(value) == shown


def test_empty_format_table():
    assert format_table([]).split() == [
        "rank",
        "score",
        "site",
        "relevance",
        "centrality",
        "activity",
        "last_post",
        "top_terms",
    ]


def test_format_table_and_summary_show_no_control_characters(capsys):
    table = format_table([{"rank": 1, "score": 0.5, "site": "a.de", "top_terms": HOSTILE}])
    assert clean(table) and len(table.splitlines()) == 2
    print_summary([("pages", HOSTILE)])
    out = capsys.readouterr().out
    assert clean(out) and len(out.splitlines()) == 1


@pytest.fixture
def project(tmp_path):
    return build_project_db(tmp_path / "project.db")


@pytest.mark.parametrize("history", [False, True])
def test_status_shows_a_note_with_escape_sequences_as_plain_text(project, history):
    outreach.mark(project, ["p.de"], "contacted", HOSTILE)
    result = blogscout("status", "--db", str(project), *(["--history"] if history else []))
    assert result.returncode == 0, result.stderr
    assert clean(result.stdout) and len(result.stdout.splitlines()) == 1
    assert "?]0;pwned? ?[31mrot?[0m ?2J ?evil?ende" in result.stdout  # the NUL is dropped when stored


def test_status_row_of_an_imported_note_stays_one_line(project, tmp_path):
    edited = tmp_path / "edited.csv"
    edited.write_text(
        'site,status,note\np.de,replied,"Antwort\x1b]2;titel\x07 \u202everkehrt\x0bzweite\x85dritte"\n',
        encoding="utf-8",
    )
    assert blogscout("import-status", str(edited), "--db", str(project)).returncode == 0
    result = blogscout("status", "--db", str(project))
    assert clean(result.stdout) and "\x0b" not in result.stdout and "\x85" not in result.stdout
    assert result.stdout.splitlines() == [result.stdout.rstrip("\n")]


def test_diff_shows_changed_contacts_as_plain_text(project):
    assert blogscout("rank", "--db", str(project), "--out", "-", "--save", "--quiet").returncode == 0
    conn = sqlite3.connect(project)
    with conn:
        conn.execute(
            "INSERT INTO contacts (site, kind, value, run_id, source_url) VALUES ('k.de', 'email', ?, 1, '')",
            ("neu\x1b]0;pwned\x07\n@k.de",),
        )
    conn.close()
    assert blogscout("rank", "--db", str(project), "--out", "-", "--save", "--quiet").returncode == 0
    result = blogscout("diff", "--db", str(project))
    assert result.returncode == 0, result.stderr
    assert "contact_changed" in result.stdout and "?]0;pwned? @k.de" in result.stdout
    assert clean(result.stdout)
