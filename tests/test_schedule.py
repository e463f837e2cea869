"""`blogscout schedule`: real crontab edits, in a temporary crontab file."""

from __future__ import annotations

import pytest
from conftest import blogscout
from crontab import CronTab

from crawler.services.schedule import ScheduleError, cron_spec
from crawler.storage import db as dbmod


@pytest.fixture
def project_db(tmp_path):
    path = tmp_path / "kunde.db"
    dbmod.connect(path).conn.close()
    return path


def test_schedule_add_list_remove_edits_the_crontab(tmp_path, project_db):
    tab = tmp_path / "crontab"
    tab.write_text("MAILTO=me@example.org\n0 1 * * * /usr/bin/backup  # unrelated job\n")
    added = blogscout("schedule", "add", "--every", "weekly", "--db", str(project_db), "--crontab-file", str(tab))
    assert added.returncode == 0, added.stderr
    jobs = list(CronTab(tabfile=str(tab)))
    ours = [j for j in jobs if "recrawl" in j.command]
    assert len(ours) == 1 and str(ours[0].slices) == "15 5 * * 1"
    assert f"--db {project_db}" in ours[0].command and f"{project_db}.log" in ours[0].command
    assert "partners-$(date +%Y-%m-%d).csv" in ours[0].command
    assert "/usr/bin/backup" in tab.read_text() and "MAILTO=me@example.org" in tab.read_text()
    listed = blogscout("schedule", "list", "--crontab-file", str(tab))
    assert str(project_db) in listed.stdout and "15 5 * * 1" in listed.stdout
    removed = blogscout("schedule", "remove", "--db", str(project_db), "--crontab-file", str(tab))
    assert removed.returncode == 0, removed.stderr
    assert "recrawl" not in tab.read_text() and "/usr/bin/backup" in tab.read_text()


def test_schedule_add_twice_replaces(tmp_path, project_db):
    tab = tmp_path / "crontab"
    for every in ("daily", "0 6 * * 1"):
        assert (
            blogscout(
                "schedule", "add", "--every", every, "--db", str(project_db), "--crontab-file", str(tab)
            ).returncode
            == 0
        )
    ours = [j for j in CronTab(tabfile=str(tab)) if "recrawl" in j.command]
    assert [str(j.slices) for j in ours] == ["0 6 * * 1"]


def test_schedule_rejects_bad_every(tmp_path, project_db):
    result = blogscout(
        "schedule", "add", "--every", "sometimes", "--db", str(project_db), "--crontab-file", str(tmp_path / "tab")
    )
    assert result.returncode == 1 and result.stderr.count("\n") == 1 and "CRON expression" in result.stderr


def test_schedule_needs_an_existing_database(tmp_path):
    result = blogscout(
        "schedule",
        "add",
        "--every",
        "daily",
        "--db",
        str(tmp_path / "none.db"),
        "--crontab-file",
        str(tmp_path / "tab"),
    )
    assert result.returncode == 1 and "no such database" in result.stderr


def test_schedule_remove_unknown(tmp_path):
    result = blogscout("schedule", "remove", "--db", str(tmp_path / "x.db"), "--crontab-file", str(tmp_path / "tab"))
    assert result.returncode == 1 and "no schedule" in result.stderr


@pytest.mark.parametrize(
    "every, spec", [("daily", "15 5 * * *"), ("Weekly", "15 5 * * 1"), ("*/30 * * * *", "*/30 * * * *")]
)
def test_cron_spec(every, spec):
    assert cron_spec(every) == spec


def test_empty_cron_spec():
    with pytest.raises(ScheduleError):
        cron_spec("")
