"""E-mail drafts per blog: names and greetings, readable topics, a template per language, --status."""

from __future__ import annotations

import email
import sqlite3
from email import policy

import pytest
from conftest import blogscout
from projectdb import build_project_db

from crawler.errors import InputError
from crawler.services import outreach
from crawler.services.drafts import (
    BUILTIN_TEMPLATES,
    TemplateError,
    draft_statuses,
    greeting,
    load_templates,
    natural_join,
    readable_terms,
    render,
    split_name,
    write_drafts,
)

ROW = {
    "site": "p.de",
    "url": "https://p.de/",
    "title": "P",
    "status": "shortlisted",
    "language": "de",
    "contact_name": "Anna Berg",
    "emails": "anna@p.de",
    "top_terms": "SEO, Content-Marketing, Reels, Instagram",
}
GREETING = "Subject: Hallo\n\n{{ greeting }} {{ first_name }}|{{ last_name }}|{{ topics }}\n"


@pytest.fixture
def project(tmp_path):
    return build_project_db(tmp_path / "project.db")


def parsed(path):
    return email.message_from_bytes(path.read_bytes(), policy=policy.default)


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Anna Berg", ("Anna", "Berg")),
        ("Dr. Anna Berg", ("Anna", "Berg")),
        ("Prof. Dr. phil. Hans Meier", ("Hans", "Meier")),
        ("Dipl.-Ing. Jörg Müller", ("Jörg", "Müller")),
        ("Phil Collins", ("Phil", "Collins")),
        ("Anna-Lena Berg", ("Anna-Lena", "Berg")),
        ("Anna", ("Anna", "")),
        ("ANNA-LENA BERG", ("Anna-Lena", "Berg")),
        ("anna von berg", ("Anna", "von Berg")),
        ("Berg, Anna", ("Anna", "Berg")),
        ("Sean O'NEIL", ("Sean", "O'Neil")),
        ("Ronald McDonald", ("Ronald", "McDonald")),
        ("A. Berg", ("", "Berg")),
        ("Redaktion", ("", "")),
        ("Team Content", ("", "")),
        ("anna@p.de", ("", "")),
        ("Anna 2024", ("", "")),
        ("Anna\r\nBcc: victim@example.org", ("", "")),
        ("Eins Zwei Drei Vier Fünf", ("", "")),
    ],
)
def test_split_name(name, expected):
    assert split_name(name) == expected


def test_empty_split_name():
    assert split_name("") == ("", "") and split_name("Dr.") == ("", "")


@pytest.mark.parametrize(
    "first, language, expected",
    [("Anna", "de", "Hallo Anna,"), ("", "de", "Hallo zusammen,"), ("Anna", "en", "Hi Anna,"), ("", "fr", "Hello,")],
)
def test_greeting(first, language, expected):
    assert greeting(first, language) == expected


@pytest.mark.parametrize(
    "items, language, expected",
    [
        (["SEO"], "de", "SEO"),
        (["SEO", "Reels"], "de", "SEO und Reels"),
        (["SEO", "Content-Marketing", "Reels"], "de", "SEO, Content-Marketing und Reels"),
        (["SEO", "Content-Marketing", "Reels"], "en", "SEO, Content-Marketing and Reels"),
    ],
)
def test_natural_join(items, language, expected):
    assert natural_join(items, language) == expected


def test_empty_natural_join():
    assert natural_join([], "de") == ""


@pytest.mark.parametrize(
    "terms, texts, expected",
    [
        (["repurposing", "seo", "evergreen"], ["Repurposing evergreen posts helps SEO. SEO!"], ["Repurposing", "SEO", "evergreen"]),
        (["marketing", "media", "social"], ["Content-Marketing und Social-Media-Marketing"], ["Content-Marketing", "Social-Media-Marketing"]),
        (["grösse"], ["Die Größe zählt"], ["Größe"]),
        (["blogger"], ["Ein Blogger's Tipps"], ["Blogger"]),
        (["reels"], ["nothing about it"], ["reels"]),
    ],
)  # fmt: skip
def test_readable_terms(terms, texts, expected):
    assert readable_terms(terms, texts) == expected


def test_empty_readable_terms():
    assert readable_terms([], ["SEO"]) == [] and readable_terms(["seo"], []) == ["seo"]


def test_render_greeting_names_and_topics_in_the_templates_language(tmp_path):
    (tmp_path / "t.en.txt").write_text(GREETING, encoding="utf-8")
    (tmp_path / "t.de.txt").write_text(GREETING, encoding="utf-8")
    templates = load_templates(tmp_path / "t.txt")
    english = render(templates.pick("en"), {**ROW, "contact_name": "DR. ANNA BERG"}, "anna@p.de").get_content()
    german = render(templates.pick("de"), {**ROW, "contact_name": ""}, "anna@p.de").get_content()
    assert english == "Hi Anna, Anna|Berg|SEO, Content-Marketing and Reels\n"
    assert german == "Hallo zusammen, ||SEO, Content-Marketing und Reels\n"


def test_a_plain_template_greets_in_the_language_it_is_written_in(tmp_path):
    (tmp_path / "t.txt").write_text(
        "Subject: Hallo\n\n{{ greeting }}\n\nich habe gerade deinen Beitrag gelesen und würde gern mit dir "
        "über eine Zusammenarbeit sprechen, weil das Thema sehr gut zu unserer Kundin passt.\n",
        encoding="utf-8",
    )
    body = render(load_templates(tmp_path / "t.txt").pick("en"), {**ROW, "language": "en"}, "a@p.de").get_content()
    assert body.startswith("Hallo Anna,")


def test_load_templates_picks_by_language_and_falls_back_to_the_plain_one(tmp_path):
    for name in ("anfrage.txt", "anfrage.de.txt", "anfrage.en.txt", "anfrage.entwurf.txt", "andere.fr.txt"):
        (tmp_path / name).write_text(f"Subject: {name}\n\nText", encoding="utf-8")
    templates = load_templates(tmp_path / "anfrage.txt")
    assert sorted(templates.languages) == ["de", "en"]
    assert [templates.pick(lang).headers[0][1] for lang in ("de", "en-US", "fr", "")] == [
        "anfrage.de.txt",
        "anfrage.en.txt",
        "anfrage.txt",
        "anfrage.txt",
    ]


def test_load_templates_without_the_plain_file(tmp_path):
    (tmp_path / "anfrage.de.txt").write_text("Subject: Hallo\n\nText", encoding="utf-8")
    templates = load_templates(tmp_path / "anfrage.txt")
    assert templates.pick("de").language == "de" and templates.pick("en") is None
    with pytest.raises(TemplateError, match="no such file"):
        load_templates(tmp_path / "andere.txt")


def test_load_templates_checks_every_variant(tmp_path):
    (tmp_path / "anfrage.txt").write_text("Subject: Hallo\n\nText", encoding="utf-8")
    (tmp_path / "anfrage.en.txt").write_text("Subject: Hi {{ vorname }}\n\nText", encoding="utf-8")
    with pytest.raises(TemplateError, match=r"anfrage\.en\.txt: unknown placeholder \{\{ vorname \}\}"):
        load_templates(tmp_path / "anfrage.txt")


def test_write_drafts_refuses_a_language_without_template_before_writing(tmp_path):
    (tmp_path / "anfrage.de.txt").write_text("Subject: Hallo\n\nText", encoding="utf-8")
    rows = [ROW, {**ROW, "site": "en.com", "emails": "a@en.com", "language": "en"}]
    with pytest.raises(TemplateError, match=r"no template for en\.com \(language en\); write anfrage\.en\.txt or"):
        write_drafts(rows, load_templates(tmp_path / "anfrage.txt"), tmp_path / "d")
    assert not (tmp_path / "d").exists()


def test_builtin_templates_never_send_german_to_other_blogs(tmp_path):
    rows = [ROW, {**ROW, "site": "en.com", "emails": "a@en.com", "language": "en"}, {**ROW, "site": "x.fr", "emails": "a@x.fr", "language": ""}]  # fmt: skip
    result = write_drafts(rows, load_templates(None), tmp_path / "d")
    bodies = [parsed(path).get_content() for path in result.written]
    assert bodies[0].startswith("Hallo Anna,") and "du schreibst über SEO, Content-Marketing und Reels" in bodies[0]
    assert all(b.startswith("Hi Anna,") and "you write about SEO, Content-Marketing and Reels" in b for b in bodies[1:])
    assert "Kooperation" not in "".join(bodies[1:]) and set(BUILTIN_TEMPLATES) == {"de", "en"}


@pytest.mark.parametrize("language", ["de", "en"])
def test_builtin_template_reads_well_without_optional_data(tmp_path, language):
    row = {"site": "p.de", "status": "shortlisted", "language": language, "emails": "a@p.de"}
    body = render(load_templates(None).pick(language), row, "a@p.de").get_content()
    assert "\n\n\n" not in body and "  " not in body and " ." not in body and body.endswith("\n")


@pytest.mark.parametrize(
    "values, expected",
    [((), ("shortlisted",)), (("New", "shortlisted", "new"), ("new", "shortlisted")), (("replied",), ("replied",))],
)
def test_draft_statuses(values, expected):
    assert draft_statuses(values) == expected


@pytest.mark.parametrize(
    "value, message", [("declined", "blogs marked declined get no drafts"), ("bald", "--status 'bald' is unknown")]
)
def test_draft_statuses_refused(value, message):
    with pytest.raises(InputError, match=message):
        draft_statuses([value])


def drafts_cli(project, out, *args, cwd=None):
    return blogscout("drafts", "--db", str(project), "--out", str(out), "--quiet", *args, cwd=cwd)


def test_cli_drafts_only_shortlisted_by_default_and_status_chooses_others(project, tmp_path):
    outreach.mark(project, ["k.de"], "shortlisted")
    result = drafts_cli(project, tmp_path / "d")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "d").iterdir()) == ["001-k.de.eml"]
    result = drafts_cli(project, tmp_path / "d", "--status", "new", "--status", "shortlisted")
    assert sorted(p.name for p in (tmp_path / "d").iterdir()) == ["001-p.de.eml", "002-k.de.eml"]
    assert parsed(tmp_path / "d" / "001-p.de.eml")["X-Blogscout-Site"] == "p.de"


def test_cli_drafts_nothing_shortlisted_says_how(project, tmp_path):
    result = drafts_cli(project, tmp_path / "d")
    assert result.returncode == 0 and "blogscout mark SITE --status shortlisted" in result.stderr


@pytest.mark.parametrize("status", ["bald", "do-not-contact"])
def test_cli_drafts_bad_status_is_one_error_line(project, tmp_path, status):
    result = drafts_cli(project, tmp_path / "d", "--status", status)
    assert result.returncode == 1 and result.stderr.startswith("Error: --status") and result.stderr.count("\n") == 1
    assert not (tmp_path / "d").exists()


def test_cli_drafts_again_replaces_and_removes_only_its_own(project, tmp_path):
    outreach.mark(project, ["p.de", "k.de"], "shortlisted")
    out = tmp_path / "d"
    assert drafts_cli(project, out).returncode == 0
    (out / "notizen.eml").write_text("meine Notizen", encoding="utf-8")
    outreach.mark(project, ["p.de"], "declined")
    result = drafts_cli(project, out)
    assert result.returncode == 0, result.stderr
    assert "1 earlier draft(s) removed" in result.stderr.splitlines()[-1]
    assert sorted(p.name for p in out.iterdir()) == ["001-k.de.eml", "notizen.eml"]
    assert (out / "notizen.eml").read_text(encoding="utf-8") == "meine Notizen"
    assert [a.addr_spec for a in parsed(out / "001-k.de.eml")["To"].addresses] == ["kai@k.de"]


def test_cli_drafts_by_language_with_readable_topics(project, tmp_path):
    with sqlite3.connect(project) as conn:
        conn.execute("update sites set language = 'en' where site = 'k.de'")
    conn.close()
    outreach.mark(project, ["p.de", "k.de"], "shortlisted")
    (tmp_path / "anfrage.de.txt").write_text("Subject: Hallo\n\n{{ greeting }} Über {{ topics }}.", encoding="utf-8")
    (tmp_path / "anfrage.en.txt").write_text("Subject: Hi\n\n{{ greeting }} About {{ topics }}.", encoding="utf-8")
    result = drafts_cli(project, tmp_path / "d", "--template", "anfrage.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    german, english = (parsed(tmp_path / "d" / n).get_content().rstrip() for n in ("001-p.de.eml", "002-k.de.eml"))
    assert german == "Hallo Anna, Über Content-Marketing und Social-Media-Marketing."
    assert english == "Hello, About Content-Marketing, Social-Media-Marketing and Instagram-Strategien."


def test_cli_drafts_missing_language_is_one_error_line(project, tmp_path):
    with sqlite3.connect(project) as conn:
        conn.execute("update sites set language = 'en' where site = 'k.de'")
    conn.close()
    outreach.mark(project, ["p.de", "k.de"], "shortlisted")
    (tmp_path / "anfrage.de.txt").write_text("Subject: Hallo\n\nText", encoding="utf-8")
    result = drafts_cli(project, tmp_path / "d", "--template", "anfrage.txt", cwd=tmp_path)
    assert result.returncode == 1 and result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("Error: --template anfrage.txt: no template for k.de (language en)")
    assert not (tmp_path / "d").exists()


def test_cli_init_templates_make_drafts(project, tmp_path):
    assert blogscout("init", "kunde-a", cwd=tmp_path).returncode == 0
    outreach.mark(project, ["p.de"], "shortlisted")
    result = drafts_cli(project, tmp_path / "d", "--template", "kunde-a.anfrage.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    message = parsed(tmp_path / "d" / "001-p.de.eml")
    assert message["Subject"] == "Kooperation mit Blog p.de?" and message.get_content().startswith("Hallo Anna,")


def test_cli_drafts_never_write_to_the_project_file_s_own_blog(tmp_path):
    """The client's own blog (`me` in the project file) is ranked out before any draft is chosen."""
    import sqlite3

    from conftest import FAST, blogscout, served_world

    db = tmp_path / "p.db"
    with served_world(2, 14) as (world, server):
        crawl = blogscout("crawl", *world.seeds, "--db", str(db), "--quiet", *FAST, proxy=server.proxy_url)
    assert crawl.returncode == 0, crawl.stderr
    with sqlite3.connect(db) as conn:
        sites = [r[0] for r in conn.execute("SELECT DISTINCT site FROM contacts WHERE kind = 'email'")]
        candidates = {r[0] for r in conn.execute("SELECT site FROM sites WHERE role = 'candidate' AND is_blog = 1")}
    own = sorted(set(sites) & candidates)[0]
    for site in sorted(set(sites) & candidates)[:3]:
        assert blogscout("mark", site, "--status", "shortlisted", "--db", str(db)).returncode == 0
    config = tmp_path / "kunde.toml"
    config.write_text(f'database = "{db}"\nme = "https://{own}/"\n', encoding="utf-8")
    result = blogscout("drafts", "--config", str(config), "--out", str(tmp_path / "drafts"))
    assert result.returncode == 0, result.stderr
    written = [p.name for p in (tmp_path / "drafts").glob("*.eml")]
    assert written and not [name for name in written if own in name]
