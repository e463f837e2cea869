"""E-mail drafts: templates, safe headers, valid messages, chosen statuses, only blogscout's own drafts replaced."""

from __future__ import annotations

import email
import os
import re
import sqlite3
from email import policy
from email.message import EmailMessage
from email.policy import SMTP

import pytest
from conftest import blogscout
from projectdb import build_project_db

from crawler.errors import OutputError
from crawler.services import drafts, outreach
from crawler.services.drafts import (
    TemplateError,
    best_address,
    draft_candidates,
    header_mismatch,
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
    "status": "shortlisted",
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
        "To", "Subject", "From", "Date", "Message-ID", "X-Unsent", "X-Blogscout-Site", "Content-Type",
        "Content-Transfer-Encoding", "MIME-Version",
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


def test_draft_candidates_only_chosen_statuses_with_an_address():
    rows = [
        {**ROW, "site": "a.de", "status": "contacted"},
        {**ROW, "site": "b.de", "status": "shortlisted", "emails": "b@b.de"},
        {**ROW, "site": "c.de", "status": "new", "emails": ""},
        {**ROW, "site": "d.de", "status": "new", "emails": "=cmd@d.de"},
        {**ROW, "site": "e.de", "status": "new", "emails": "e@e.de"},
        {**ROW, "site": "f.de", "status": "new", "emails": "f@f.de"},
    ]
    chosen, without = draft_candidates(rows, top=2, statuses=("new", "shortlisted"))
    assert [(r["site"], e) for r, e in chosen] == [("b.de", "b@b.de"), ("e.de", "e@e.de")] and without == 2
    assert draft_candidates([], top=5) == ([], 0)


def test_draft_candidates_default_to_shortlisted_only():
    rows = [{**ROW, "site": "a.de", "status": "new"}, {**ROW, "site": "b.de", "status": "shortlisted"}]
    assert [r["site"] for r, _ in draft_candidates(rows, top=5)[0]] == ["b.de"]


def test_write_drafts_replaces_its_own_draft(tmp_path, template):
    out = tmp_path / "drafts"
    first = write_drafts([ROW], template, out)
    assert [p.name for p in first.written] == ["001-p.de.eml"]
    before = first.written[0].read_bytes()
    again = write_drafts([ROW], template, out)
    assert [p.name for p in again.written] == ["001-p.de.eml"] and again.removed == []
    assert sorted(p.name for p in out.iterdir()) == ["001-p.de.eml"] and again.written[0].read_bytes() != before


@pytest.mark.parametrize(
    "text",
    [
        "meine Notizen",  # not a mail at all
        "X-Unsent: 1\r\nSubject: mein Entwurf\r\n\r\nText",  # a draft from elsewhere
        "X-Unsent: 1\r\nX-Blogscout-Site: q.de\r\n\r\nText",  # names another blog than its file name
        "X-Blogscout-Site: p.de\r\nMessage-ID: <1@blogscout.invalid>\r\n\r\nText",  # no X-Unsent
    ],
)
def test_write_drafts_refuses_a_file_it_did_not_write_at_a_draft_name(tmp_path, template, text):
    out = tmp_path / "drafts"
    out.mkdir()
    (out / "001-p.de.eml").write_bytes(text.encode())
    with pytest.raises(OutputError, match=r"001-p\.de\.eml exists already and is not a draft blogscout wrote"):
        write_drafts([ROW, {**ROW, "site": "q.de", "emails": "q@q.de"}], template, out)
    assert sorted(p.name for p in out.iterdir()) == ["001-p.de.eml"]
    assert (out / "001-p.de.eml").read_bytes() == text.encode()


def test_write_drafts_removes_its_drafts_of_blogs_not_drafted_again(tmp_path, template):
    out = tmp_path / "drafts"
    rows = [ROW, {**ROW, "site": "q.de", "emails": "q@q.de"}, {**ROW, "site": "r.de", "emails": "r@r.de"}]
    write_drafts(rows, template, out)
    mine = {"notizen.txt": "keep", "anna-final.eml": (out / "001-p.de.eml").read_text(encoding="utf-8")}
    for name, text in mine.items():  # the user's files, one a copy of a draft under another name
        (out / name).write_text(text, encoding="utf-8")
    rows[0] = {**ROW, "status": "declined"}
    result = write_drafts(rows, template, out)
    assert [p.name for p in result.written] == ["001-q.de.eml", "002-r.de.eml"]
    assert [p.name for p in result.removed] == ["001-p.de.eml"]  # q.de's and r.de's were renumbered
    assert sorted(p.name for p in out.iterdir()) == ["001-q.de.eml", "002-r.de.eml", "anna-final.eml", "notizen.txt"]
    assert all((out / name).read_text(encoding="utf-8") == text for name, text in mine.items())


def test_write_drafts_removes_drafts_written_before_the_site_header(tmp_path, template):
    out = tmp_path / "drafts"
    out.mkdir()
    old = render(template, {**ROW, "site": "k.de"}, "k@k.de")
    del old["X-Blogscout-Site"]  # how drafts were written before
    (out / "004-k.de.eml").write_bytes(old.as_bytes())
    result = write_drafts([ROW], template, out)
    assert [p.name for p in result.removed] == ["004-k.de.eml"]
    assert sorted(p.name for p in out.iterdir()) == ["001-p.de.eml"]


def test_cli_drafts_for_shortlisted_candidates_mark_nothing(project, tmp_path):
    (tmp_path / "anfrage.txt").write_text(TEMPLATE, encoding="utf-8")
    outreach.mark(project, ["p.de", "e.com", "q.de"], "shortlisted")
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


ENCODED_WORD = "=?utf-8?q?=0D=0ABcc:_q@attacker.de=0D=0A?="
HEADERS = {"To", "Subject", "From", "Date", "Message-ID", "X-Unsent", "X-Blogscout-Site", "Content-Type", "Content-Transfer-Encoding", "MIME-Version"}  # fmt: skip
# Template code that reaches os.system through a placeholder's class (outside a sandbox).
ESCAPE = (
    "{% for c in name.__class__.__mro__[1].__subclasses__() %}{% if c.__name__ == 'catch_warnings' %}"
    "{{ c.__init__.__globals__['sys'].modules['os'].system('touch MARK') }}{% endif %}{% endfor %}"
)


def _parsed(message: EmailMessage) -> EmailMessage:
    return email.message_from_bytes(message.as_bytes(), policy=policy.default)


def _writer_decodes_encoded_words() -> bool:
    """True on Pythons whose e-mail writer turns an encoded word in a header into a header (3.11.7, 3.12.1)."""
    message = EmailMessage(policy=SMTP)
    message["Subject"] = ENCODED_WORD
    return b"\r\nBcc:" in message.as_bytes()


def test_render_breaks_encoded_words_in_page_text(template):
    parsed = _parsed(render(template, {**ROW, "latest_post_title": f"EW Blog {ENCODED_WORD}"}, "anna@p.de"))
    assert set(parsed.keys()) == HEADERS and parsed["Bcc"] is None and parsed["X-Unsent"] == "1"
    assert "EW Blog = ?utf-8?q?=0D=0ABcc:_q@attacker.de=0D=0A?=" in parsed["Subject"]  # readable, not decoded


@pytest.mark.parametrize(
    "name", [ENCODED_WORD, f"Anna {ENCODED_WORD}", "=?utf-8?b?DQpCY2M6IHFAYS5kZQ==?=", "x" * 80 + " " + "y" * 80]
)
def test_render_contact_name_with_encoded_word_is_a_safe_to_header(template, name):
    parsed = _parsed(render(template, {**ROW, "contact_name": name}, "anna@p.de"))
    assert [a.addr_spec for a in parsed["To"].addresses] == ["anna@p.de"]
    assert set(parsed.keys()) == HEADERS and parsed["Bcc"] is None


@pytest.mark.parametrize("name", [ENCODED_WORD, "x" * 90 + " y"])
def test_render_to_falls_back_to_the_address_when_a_name_cannot_be_written(template, name, monkeypatch):
    monkeypatch.setattr(drafts, "_NAME_WORD", re.compile(r".+"))  # the name filter off: the fallback must hold
    message = render(template, {**ROW, "contact_name": name}, "anna@p.de")
    parsed = _parsed(message)
    assert [a.addr_spec for a in parsed["To"].addresses] == ["anna@p.de"] and parsed["Bcc"] is None


@pytest.mark.parametrize(
    "data, problem",
    [
        (b"To: a@p.de\r\nSubject: Hi\r\n\r\nText", ""),
        (b"To: a@p.de\r\nSubject: Hi\r\nBcc: q@x.de\r\n\r\nText", "unexpected header(s) bcc"),
        (b"To: a@p.de\r\nSubject: Hi\r\n\r\nDate: x\r\n", "missing header(s) date"),
        (b"To: a@p.de\r\nTo: b@p.de\r\nSubject: Hi\r\n\r\n", "unexpected header(s) to"),
    ],
)
def test_header_mismatch(data, problem):
    expected = ["To", "Subject", "Date"] if "date" in problem else ["To", "Subject"]
    assert header_mismatch(data, expected) == problem


def test_empty_header_mismatch():
    assert header_mismatch(b"", []) == ""


def test_write_drafts_refuses_a_draft_whose_headers_change_when_written(tmp_path, template, monkeypatch):
    if not _writer_decodes_encoded_words():
        pytest.skip("this Python's e-mail writer keeps encoded words encoded")
    monkeypatch.setattr(drafts, "one_line", lambda value: " ".join(value.split()))  # first defence off
    rows = [{**ROW, "latest_post_title": f"EW Blog {ENCODED_WORD}"}, {**ROW, "site": "q.de", "emails": "q@q.de"}]
    result = write_drafts(rows, template, tmp_path / "d")
    assert result.refused == ["p.de"] and [p.name for p in result.written] == ["002-q.de.eml"]
    assert sorted(p.name for p in (tmp_path / "d").iterdir()) == ["002-q.de.eml"]


@pytest.mark.parametrize(
    "body, message",
    [
        (ESCAPE, "access to attribute '__class__' of 'str' object is unsafe"),
        ("{{ site.format.__globals__ }}", "unsafe"),
        ("{{ 1 / 0 }}", "division by zero"),
        ("{{ site + 1 }}", "can only concatenate str"),
    ],
)
def test_render_refuses_unsafe_or_failing_templates(tmp_path, monkeypatch, body, message):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "t.txt"
    path.write_text(f"Subject: Hallo\n\n{body}", encoding="utf-8")
    with pytest.raises(TemplateError, match=re.escape(message)):
        render(load_template(path), ROW, "anna@p.de")
    assert not (tmp_path / "MARK").exists()


def test_cli_drafts_template_escaping_the_sandbox_is_one_error_line(project, tmp_path):
    (tmp_path / "t.txt").write_text(f"Subject: Hallo\n\n{ESCAPE}", encoding="utf-8")
    result = blogscout(
        "drafts", "--db", str(project), "--template", "t.txt", "--out", str(tmp_path / "d"), "--status", "new", "-q",
        cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 1 and result.stderr.startswith("Error: --template t.txt: access to attribute")
    assert result.stderr.count("\n") == 1 and "(use the placeholders' text only)" in result.stderr
    assert not (tmp_path / "MARK").exists() and not (tmp_path / "d").exists()


@pytest.mark.parametrize("target", ["missing.eml", "elsewhere.txt"])
def test_write_drafts_refuses_a_link_at_a_draft_name_and_writes_nothing(tmp_path, template, target):
    out = tmp_path / "d"
    out.mkdir()
    (tmp_path / "elsewhere.txt").write_text("keep", encoding="utf-8")
    (out / "002-q.de.eml").symlink_to(tmp_path / target)
    rows = [ROW, {**ROW, "site": "q.de", "emails": "q@q.de"}]
    with pytest.raises(OutputError, match=r"002-q\.de\.eml is a link"):
        write_drafts(rows, template, out)
    assert sorted(p.name for p in out.iterdir()) == ["002-q.de.eml"]  # 001-p.de.eml was not written
    assert (tmp_path / "elsewhere.txt").read_text(encoding="utf-8") == "keep" and not (
        tmp_path / "missing.eml"
    ).exists()


def test_write_drafts_leaves_the_folder_as_it_was_when_a_later_one_fails(tmp_path, template, monkeypatch):
    out = tmp_path / "d"
    write_drafts([ROW], template, out)
    before = (out / "001-p.de.eml").read_bytes()
    monkeypatch.setattr(drafts.secrets, "token_hex", lambda n: "fixed")
    (out / ".002-q.de.eml.fixed.tmp").mkdir()  # the second draft's temporary file cannot be made
    with pytest.raises(OutputError, match=r"cannot write 002-q\.de\.eml .*nothing was written"):
        write_drafts([ROW, {**ROW, "site": "q.de", "emails": "q@q.de"}], template, out)
    assert sorted(p.name for p in out.iterdir()) == [".002-q.de.eml.fixed.tmp", "001-p.de.eml"]
    assert (out / "001-p.de.eml").read_bytes() == before


def test_write_drafts_never_writes_through_a_link_even_unchecked(tmp_path, template, monkeypatch):
    monkeypatch.setattr(drafts, "_targets_refused", lambda paths, out: None)  # the checks off: the move must hold
    out = tmp_path / "d"
    out.mkdir()
    (tmp_path / "elsewhere.txt").write_text("keep", encoding="utf-8")
    (out / "002-q.de.eml").symlink_to(tmp_path / "elsewhere.txt")
    write_drafts([ROW, {**ROW, "site": "q.de", "emails": "q@q.de"}], template, out)
    assert (tmp_path / "elsewhere.txt").read_text(encoding="utf-8") == "keep"
    assert not (out / "002-q.de.eml").is_symlink() and drafts.own_draft(out / "002-q.de.eml")


def test_cli_drafts_dangling_link_is_one_error_line(project, tmp_path):
    (tmp_path / "anfrage.txt").write_text(TEMPLATE, encoding="utf-8")
    out = tmp_path / "d"
    out.mkdir()
    (out / "001-p.de.eml").symlink_to(tmp_path / "missing.eml")
    outreach.mark(project, ["p.de"], "shortlisted")
    result = blogscout(
        "drafts", "--db", str(project), "--template", str(tmp_path / "anfrage.txt"), "--out", str(out), "--quiet"
    )
    assert result.returncode == 1 and result.stderr.startswith("Error: --out") and result.stderr.count("\n") == 1
    assert "001-p.de.eml is a link" in result.stderr and not (tmp_path / "missing.eml").exists()


def test_render_lone_surrogate_in_page_text(template):
    parsed = _parsed(
        render(template, {**ROW, "latest_post_title": "Reels \udcff", "contact_name": "Anna\udcff"}, "anna@p.de")
    )
    assert parsed["Subject"].endswith("Zu „Reels ?“") and parsed["To"].addresses[0].display_name == "Anna"


def test_cli_drafts_out_is_a_dangling_link(project, tmp_path):
    (tmp_path / "anfrage.txt").write_text(TEMPLATE, encoding="utf-8")
    (tmp_path / "d").symlink_to(tmp_path / "gone")
    result = blogscout(
        "drafts",
        "--db",
        str(project),
        "--template",
        str(tmp_path / "anfrage.txt"),
        "--out",
        str(tmp_path / "d"),
        "--quiet",
    )
    assert result.returncode == 1 and result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"Error: --out {tmp_path / 'd'}: is a link to a missing folder")
    assert not (tmp_path / "gone").exists()


def test_write_drafts_refuses_drafts_the_mail_library_cannot_write(tmp_path):
    path = tmp_path / "t.txt"
    path.write_text("Subject: Hallo\nCc: {{ title }}\n\nText", encoding="utf-8")
    rows = [
        {**ROW, "title": '"'},  # fails when the header is set
        {**ROW, "site": "q.de", "emails": "q@q.de", "title": "ä @ä" + "x" * 40 + '"'},  # fails when written
        {**ROW, "site": "r.de", "emails": "r@r.de", "title": "r@r.de"},
    ]
    result = write_drafts(rows, load_template(path), tmp_path / "d")
    assert result.refused == ["p.de", "q.de"] and [p.name for p in result.written] == ["003-r.de.eml"]


def test_cli_drafts_names_a_refused_draft_and_writes_the_others(project, tmp_path):
    with sqlite3.connect(project) as conn:
        conn.execute("""update sites set title = '"' where site = 'p.de'""")
    conn.close()
    (tmp_path / "t.txt").write_text("Subject: Hallo\nCc: {{ title }}\n\nText", encoding="utf-8")
    outreach.mark(project, ["p.de", "k.de"], "shortlisted")
    result = blogscout(
        "drafts", "--db", str(project), "--template", str(tmp_path / "t.txt"), "--out", str(tmp_path / "d"), "--quiet"
    )
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert "draft for p.de refused" in result.stderr and "1 refused (see above)" in result.stderr.splitlines()[-1]
    assert sorted(p.name for p in (tmp_path / "d").iterdir()) == ["002-k.de.eml"]


def test_write_drafts_cleans_up_when_a_move_fails(tmp_path, template, monkeypatch):
    monkeypatch.setattr(drafts, "_targets_refused", lambda paths, out: None)  # the checks off: a move must fail
    out = tmp_path / "d"
    (out / "002-q.de.eml").mkdir(parents=True)  # a folder at the second draft's name
    with pytest.raises(OutputError, match=r"cannot write 002-q\.de\.eml .*1 of 2 drafts written"):
        write_drafts([ROW, {**ROW, "site": "q.de", "emails": "q@q.de"}], template, out)
    assert sorted(p.name for p in out.iterdir()) == ["001-p.de.eml", "002-q.de.eml"]  # no temporary file left


def test_write_drafts_leaves_folders_and_pipes_named_like_drafts(tmp_path, template):
    out = tmp_path / "d"
    (out / "009-x.de.eml").mkdir(parents=True)
    os.mkfifo(out / "008-y.de.eml")  # reading it would wait for ever
    result = write_drafts([ROW], template, out)
    assert [p.name for p in result.written] == ["001-p.de.eml"] and result.removed == []
    assert (out / "009-x.de.eml").is_dir() and (out / "008-y.de.eml").exists()
