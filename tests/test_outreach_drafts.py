"""E-mail drafts: templates, safe headers, valid messages, only open candidates, nothing overwritten."""

from __future__ import annotations

import email
from email import policy

import pytest
from conftest import blogscout
from projectdb import build_project_db

from crawler.services import outreach
from crawler.services.drafts import (
    TemplateError,
    best_address,
    draft_candidates,
    load_template,
    render,
    write_drafts,
)

TEMPLATE = """Subject: Kooperation mit {{ site }}? Zu „{{ latest_post_title }}“
From: Mara Strategin <mara@agentur.example>

Hallo {{ name or "zusammen" }},

dein Beitrag {{ latest_post_url }} über {{ top_terms }} hat mir gefallen. Grüße an {{ email }}.
{% if cooperation_url %}Kooperationsseite: {{ cooperation_url }}{% endif %}
"""

ROW = {
    "rank": 1,
    "site": "p.de",
    "url": "https://p.de/",
    "title": "P",
    "status": "new",
    "contact_name": "Anna\r\nBcc: victim@example.org",
    "emails": "info@p.de; anna@p.de",
    "latest_post_title": "Reels\r\nX-Evil: 1",
    "latest_post_url": "https://p.de/2024/06/neu/",
    "top_terms": "instagram, reels",
    "cooperation_url": "https://p.de/kooperationen/",
}


@pytest.fixture
def template(tmp_path):
    path = tmp_path / "anfrage.txt"
    path.write_text(TEMPLATE, encoding="utf-8")
    return load_template(path)


@pytest.fixture
def project(tmp_path):
    return build_project_db(tmp_path / "project.db")


def test_render_is_a_valid_message_with_page_data_kept_out_of_headers(template):
    data = render(template, ROW, "anna@p.de").as_bytes()
    assert b"\r\n" in data and b"\n\n" not in data.replace(b"\r\n", b"")
    parsed = email.message_from_bytes(data, policy=policy.default)
    assert set(parsed.keys()) == {
        "To", "Subject", "From", "Date", "Message-ID", "X-Unsent", "Content-Type", "Content-Transfer-Encoding", "MIME-Version"
    }  # fmt: skip
    assert parsed["To"].addresses[0].addr_spec == "anna@p.de" and parsed["Bcc"] is None and parsed["X-Evil"] is None
    assert parsed["Subject"] == "Kooperation mit p.de? Zu „Reels X-Evil: 1“" and parsed["X-Unsent"] == "1"
    body = parsed.get_content()
    assert body.startswith("Hallo Anna") and "Kooperationsseite: https://p.de/kooperationen/" in body
    assert "über instagram, reels" in body and parsed.get_content_charset() == "utf-8"


@pytest.mark.parametrize(
    "text, message",
    [
        ("Subject: Hallo {{ vorname }}\n\nText", "unknown placeholder {{ vorname }}; use {{ name }}"),
        ("Subject: Hallo\n\n{{ name.first }}", None),
        ("Subject: Hallo\n\n{% if %}", "in the body"),
        ("Hallo {{ name }},\n\nText", "no 'Subject:' line"),
        ("Subject: Hi\nTo: x@y.de\n\nText", "header 'To' is not allowed"),
        ("Subject: Hi\nText ohne Leerzeile", "put a blank line between the headers and the text"),
    ],
)
def test_load_template_refuses_bad_templates(tmp_path, text, message):
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    if message is None:  # parses, but fails when rendered: still a TemplateError, not a traceback
        with pytest.raises(TemplateError, match="has no attribute 'first'"):
            render(load_template(path), ROW, "anna@p.de")
        return
    with pytest.raises(TemplateError, match=message.replace("{", r"\{").replace("}", r"\}").replace("'", ".")):
        load_template(path)


def test_load_template_missing_file(tmp_path):
    with pytest.raises(TemplateError, match="no such file"):
        load_template(tmp_path / "none.txt")


@pytest.mark.parametrize(
    "emails, site, name, expected",
    [
        (["info@anna.de", "anna@anna.de"], "anna.de", "Anna Muster", "anna@anna.de"),
        (["a.muster@gmail.com", "kontakt@anna.de"], "anna.de", "", "kontakt@anna.de"),
        (["info@blog.anna.de", "x@gmail.com"], "anna.de", "", "info@blog.anna.de"),
        (["x@gmail.com"], "anna.de", "", "x@gmail.com"),
        ([], "anna.de", "Anna", ""),
    ],
)
def test_best_address(emails, site, name, expected):
    assert best_address(emails, site, name) == expected


def test_draft_candidates_only_new_and_shortlisted_with_an_address():
    rows = [
        {**ROW, "site": "a.de", "status": "contacted"},
        {**ROW, "site": "b.de", "status": "shortlisted", "emails": "b@b.de"},
        {**ROW, "site": "c.de", "status": "new", "emails": ""},
        {**ROW, "site": "d.de", "status": "new", "emails": "=cmd@d.de"},
        {**ROW, "site": "e.de", "status": "new", "emails": "e@e.de"},
        {**ROW, "site": "f.de", "status": "new", "emails": "f@f.de"},
    ]
    chosen, without = draft_candidates(rows, top=2)
    assert [(r["site"], e) for r, e in chosen] == [("b.de", "b@b.de"), ("e.de", "e@e.de")] and without == 2
    assert draft_candidates([], top=5) == ([], 0)


def test_write_drafts_never_overwrites(tmp_path, template):
    out = tmp_path / "drafts"
    result = write_drafts([ROW], template, out)
    assert [p.name for p in result.written] == ["001-p.de.eml"]
    before = result.written[0].read_bytes()
    with pytest.raises(Exception, match="001-p.de.eml exists already"):
        write_drafts([ROW], template, out)
    assert result.written[0].read_bytes() == before


def test_cli_drafts_for_open_candidates_mark_nothing(project, tmp_path):
    (tmp_path / "anfrage.txt").write_text(TEMPLATE, encoding="utf-8")
    outreach.mark(project, ["k.de"], "contacted")
    before = outreach.history(project)
    result = blogscout(
        "drafts", "--db", str(project), "--template", str(tmp_path / "anfrage.txt"), "--out", str(tmp_path / "d")
    )
    assert result.returncode == 0, result.stderr
    assert (result.stdout + result.stderr).count("draft(s)") == 1  # one summary line, not a log line too
    names = sorted(p.name for p in (tmp_path / "d").iterdir())
    assert names == ["001-p.de.eml"]  # k.de was contacted, e.com's address is no address, q.de has none
    parsed = email.message_from_bytes((tmp_path / "d" / names[0]).read_bytes(), policy=policy.default)
    assert parsed["To"].addresses[0].display_name == "Anna Beispielfrau"
    assert "Neuer Beitrag auf p.de" in parsed["Subject"]  # the topic and posts came from the database
    assert outreach.history(project) == before


def test_cli_drafts_unknown_placeholder_is_one_error_line(project, tmp_path):
    (tmp_path / "t.txt").write_text("Subject: Hi {{ firma }}\n\nText", encoding="utf-8")
    result = blogscout(
        "drafts", "--db", str(project), "--template", str(tmp_path / "t.txt"), "--out", str(tmp_path / "d")
    )
    assert result.returncode == 1 and result.stderr.startswith("Error: --template") and result.stderr.count("\n") == 1
    assert "{{ firma }}" in result.stderr and not (tmp_path / "d").exists()
