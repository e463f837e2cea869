"""A strategist's month on the sandbox web: init, run, shortlist, drafts, mark, recrawl, rank, diff."""

from __future__ import annotations

import csv
import email
import json
from email import policy

import pytest
from conftest import FAST, blogscout
from openpyxl import load_workbook

from crawler.sandbox import outreach as truth
from crawler.services import outreach

TEMPLATE = "Subject: {{ title }}: Kooperation?\n\nHallo {{ name or 'zusammen' }},\nzu „{{ latest_post_title }}“ …\n"


@pytest.fixture(scope="module")
def month(tmp_path_factory, world, sandbox):
    """A project folder after `init` and `run --config` over the sample blogosphere."""
    folder = tmp_path_factory.mktemp("kunde-a")
    assert blogscout("init", "kunde-a", cwd=folder).returncode == 0
    config = folder / "kunde-a.toml"
    text = config.read_text(encoding="utf-8").replace('"https://example-blog.de/",', "")
    text = text.replace("seeds = [", "seeds = [" + ", ".join(json.dumps(s) for s in world.seeds))
    config.write_text(text, encoding="utf-8")
    result = blogscout("run", "--config", str(config), "--quiet", *FAST, proxy=sandbox.proxy_url)
    assert result.returncode == 0, result.stderr
    return {"folder": folder, "config": config, "db": folder / "data" / "kunde-a.db"}


def ranked(month, *extra):
    out = month["folder"] / "exports" / "ranked.csv"
    result = blogscout("rank", "--config", str(month["config"]), "--out", str(out), "--top", "0", *extra)
    assert result.returncode == 0, result.stderr
    with out.open(encoding="utf-8", newline="") as fh:
        return {row["site"]: row for row in csv.DictReader(fh)}


def test_run_with_project_file_used_its_seeds_database_and_export_folder(month, world):
    rows = ranked(month)
    assert (month["folder"] / "exports" / "partners.csv").exists() and month["db"].exists()
    assert not set(rows) & {world.blog(s).site for s in world.seeds}
    assert len(rows) >= 10


def test_contact_names_are_the_authors_and_never_a_firm(month, world):
    rows = ranked(month)
    named = {s: r["contact_name"] for s, r in rows.items() if r["contact_name"]}
    wrong = {s: n for s, n in named.items() if n != truth.expected_name(world.blog(s))}
    assert wrong == {}
    assert len(named) >= 0.7 * len(rows)  # blogs whose Impressum or about page was crawled
    assert not any("UG" in n or "Medien" in n for n in named.values())


def test_cooperation_pages_found_and_lift_explained(month, world):
    rows = ranked(month)
    for site, row in rows.items():
        path = truth.cooperation_path(world.blog(site))
        assert row["cooperation_url"] == (world.blog(site).url(path) if path else ""), site
        assert ("open to cooperations" in row["why"]) == bool(path)
    assert sum(1 for r in rows.values() if r["cooperation_url"]) >= 3


def test_latest_post_is_the_newest_post(month, world):
    rows = ranked(month)
    checked = 0
    for site, row in rows.items():
        blog = world.blog(site)
        if row["latest_post_url"] and blog.posts:
            newest = max(blog.posts, key=lambda p: p.published)
            assert row["latest_post_title"] == newest.title and row["latest_post_url"] == blog.url(newest.path)
            checked += 1
    assert checked >= 0.8 * len(rows)


def test_month_shortlist_drafts_mark_recrawl(month, sandbox):
    rows = ranked(month)
    order = sorted(rows, key=lambda s: int(rows[s]["rank"]))
    with_mail = [s for s in order if rows[s]["emails"]]
    shortlist, declined = with_mail[:3], with_mail[3]
    db = ["--db", str(month["db"])]
    assert blogscout("mark", *shortlist, "--status", "shortlisted", "--config", str(month["config"])).returncode == 0
    assert blogscout("mark", declined, "--status", "declined", "--note", "kein Budget", *db).returncode == 0

    template = month["folder"] / "anfrage.txt"
    template.write_text(TEMPLATE, encoding="utf-8")
    drafts = blogscout("drafts", "--config", str(month["config"]), "--template", str(template), "--top", "3")
    assert drafts.returncode == 0, drafts.stderr
    files = sorted((month["folder"] / "exports" / "drafts").glob("*.eml"))
    assert len(files) == 3 and not any(declined in f.name for f in files)
    first = email.message_from_bytes(files[0].read_bytes(), policy=policy.default)
    assert first["To"].addresses[0].addr_spec in rows[order[0]]["emails"] and first["X-Unsent"] == "1"
    assert {r["site"]: r["status"] for r in outreach.statuses(month["db"])}[shortlist[0]] == "shortlisted"

    assert blogscout("mark", shortlist[0], "--status", "contacted", *db).returncode == 0
    again = blogscout("recrawl", "--config", str(month["config"]), "--quiet", proxy=sandbox.proxy_url)
    assert again.returncode == 0, again.stderr
    stored = {r["site"]: r for r in outreach.statuses(month["db"])}
    assert stored[declined]["status"] == "declined" and stored[declined]["note"] == "kein Budget"
    assert stored[shortlist[0]]["status"] == "contacted"
    after = ranked(month)
    assert declined not in after and after[shortlist[0]]["status"] == "contacted"
    assert ranked(month, "--all")[declined]["status"] == "declined"
    diff = blogscout("diff", *db)
    assert diff.returncode == 0, diff.stderr


def test_month_excel_round_trip(month):
    out = month["folder"] / "exports" / "partners.xlsx"
    assert blogscout("rank", "--config", str(month["config"]), "--out", str(out), "--top", "0").returncode == 0
    book = load_workbook(out)
    ws = book.active
    header = [c.value for c in ws[1]]
    target = ws.cell(row=ws.max_row, column=header.index("site") + 1).value
    ws.cell(row=ws.max_row, column=header.index("status") + 1).value = "do-not-contact"
    book.save(out)
    result = blogscout("import-status", str(out), "--db", str(month["db"]))
    assert result.returncode == 0, result.stderr
    assert {r["site"]: r["status"] for r in outreach.statuses(month["db"])}[target] == "do-not-contact"
