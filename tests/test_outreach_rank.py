"""Ranked rows carry who to write to, the open door for cooperations, the latest post and the status."""

from __future__ import annotations

import pytest
from projectdb import build_project_db

from crawler.services.outreach import mark
from crawler.services.rank import rank_database
from crawler.storage import db as dbmod
from crawler.storage import reads
from scoring.rank import COLUMNS


@pytest.fixture
def project(tmp_path):
    return build_project_db(tmp_path / "project.db")


def test_load_contacts_puts_the_impressum_name_first(project):
    db = dbmod.connect(project, create=False)
    assert reads.load_contacts(db)["p.de"]["name"] == ["Anna Beispielfrau", "Gast Autor"]


def test_load_latest_posts_is_the_newest_dated_post(project):
    db = dbmod.connect(project, create=False)
    latest = reads.load_latest_posts(db)
    assert latest["p.de"] == ("Neuer Beitrag auf p.de", "https://p.de/2024/06/neu/")
    assert "s.de" not in latest


def test_rows_carry_outreach_columns_and_the_cooperation_lift(project):
    rows = {r["site"]: r for r in rank_database(project, topic="social media marketing")}
    p, q = rows["p.de"], rows["q.de"]
    assert list(p) == COLUMNS
    assert p["contact_name"] == "Anna Beispielfrau" and p["cooperation_url"] == "https://p.de/kooperationen/"
    assert p["latest_post_title"] == "Neuer Beitrag auf p.de" and p["latest_post_url"] == "https://p.de/2024/06/neu/"
    assert "open to cooperations (https://p.de/kooperationen/; score lifted)" in p["why"]
    assert "open to cooperations" not in q["why"] and q["cooperation_url"] == "" and q["contact_name"] == ""
    assert p["score"] == pytest.approx(q["score"] * 1.05, abs=1e-4)  # same blog otherwise
    assert p["rank"] < q["rank"] and p["status"] == "new" and p["note"] == ""


def test_rows_carry_the_stored_status(project):
    db = dbmod.connect(project, create=False)
    mark(db, ["k.de"], "contacted", "Mail 3.11.")
    db.close()
    rows = {r["site"]: r for r in rank_database(project)}
    assert (rows["k.de"]["status"], rows["k.de"]["note"]) == ("contacted", "Mail 3.11.")


def test_cooperation_lift_can_be_turned_off(project):
    rows = {r["site"]: r for r in rank_database(project, weights={"cooperation": 0})}
    assert rows["p.de"]["score"] == rows["q.de"]["score"]
