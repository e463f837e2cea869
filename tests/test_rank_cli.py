"""`blogscout rank` and the queries behind it, on small crawl databases built by hand."""

import csv
import io
import json

import pytest
from click.testing import CliRunner

from crawler.cli.common import format_table
from crawler.cli.rank import rank
from crawler.services.rank import rank_database, rank_to_file
from crawler.storage import db as dbmod
from crawler.storage import reads as queries

TEXT_DE = "Content-Marketing und Social-Media-Marketing: Instagram-Strategien für Blogger.\nImpressum Datenschutz"
TEXT_EN = "Content marketing and social media marketing: Instagram strategies for bloggers."
COOKING = "Rezepte für Kuchen, Brot und Suppe.\nImpressum Datenschutz"


def site_row(name, role="candidate", is_blog=1, language="de", **extra):
    return {
        "site": name,
        "home_url": f"https://{name}/",
        "role": role,
        "hops": 1,
        "is_blog": is_blog,
        "language": language,
        "title": f"=Titel {name}",
        "found_via": extra.pop("found_via", ""),
        "feed_url": f"https://{name}/feed/",
        "pages": 2,
        **extra,
    }


def page(url, site, text, kind="post", published="", language="de"):
    return {
        "url": url,
        "site": site,
        "run_id": 1,
        "fetched_at": "2024-06-30T09:00:00+00:00",
        "status": 200,
        "page_kind": kind,
        "content_type": "text/html",
        "title": "",
        "language": language,
        "published": published,
        "text": text,
    }


def link(from_url, to_url, kind):
    from_site, to_site = from_url.split("/")[2], to_url.split("/")[2]
    return {
        "run_id": 1,
        "from_url": from_url,
        "from_site": from_site,
        "to_url": to_url,
        "to_site": to_site,
        "kind": kind,
        "anchor": "",
        "rel": "",
    }


@pytest.fixture
def crawl_db(tmp_path):
    """A finished crawl: seed s.de, partner p.de (blogroll of s.de), English e.com, off-topic hub k.de."""
    path = tmp_path / "crawl.db"
    db = dbmod.connect(path)
    db["runs"].insert_all(
        [
            {
                "id": 1,
                "started_at": "2024-06-30T08:00:00+00:00",
                "finished_at": "2024-06-30T10:00:00+00:00",
                "command": "crawl",
                "status": "finished",
                "seeds": '["https://s.de/"]',
                "options": "{}",
                "stats": "{}",
            },
        ]
    )
    db["sites"].insert_all(
        [
            site_row("s.de", role="seed"),
            site_row("p.de", found_via="blogroll of s.de"),
            site_row("k.de"),
            site_row("e.com", language="en"),
            site_row("shop.de", is_blog=0),
            site_row("youtube.com", role="platform"),
        ]
    )
    db["pages"].insert_all(
        [
            page("https://s.de/", "s.de", TEXT_DE, "home"),
            page("https://s.de/a", "s.de", TEXT_DE),
            page("https://p.de/", "p.de", TEXT_DE, "home"),
            page("https://p.de/1", "p.de", TEXT_DE, published="2024-06-01"),
            page("https://k.de/", "k.de", COOKING, "home"),
            page("https://e.com/", "e.com", TEXT_EN, "home", language="en"),
        ]
    )
    db["links"].insert_all(
        [
            link("https://s.de/", "https://p.de/", "blogroll"),
            link("https://s.de/a", "https://p.de/", "blogroll"),
            link("https://s.de/", "https://k.de/", "content"),
            link("https://p.de/", "https://k.de/", "content"),
            link("https://e.com/", "https://k.de/", "content"),
            link("https://p.de/", "https://s.de/", "content"),
            link("https://s.de/", "https://s.de/a", "nav"),
            link("https://s.de/", "https://youtube.com/x", "social"),
            link("https://e.com/", "https://s.de/", "content"),
            link("https://e.com/", "https://p.de/", "comment"),
        ]
    )
    db["feed_entries"].insert_all(
        [
            {
                "site": "p.de",
                "entry_url": "https://p.de/1",
                "run_id": 1,
                "feed_url": "",
                "title": "",
                "published": "2024-06-01T09:00:00+00:00",
            },
            {
                "site": "p.de",
                "entry_url": "https://p.de/2",
                "run_id": 1,
                "feed_url": "",
                "title": "",
                "published": "2024-05-01T09:00:00+00:00",
            },
            {
                "site": "k.de",
                "entry_url": "https://k.de/1",
                "run_id": 1,
                "feed_url": "",
                "title": "",
                "published": "2024-06-20",
            },
        ]
    )
    db["contacts"].insert_all(
        [
            {"site": "p.de", "kind": "email", "value": "=cmd@p.de", "run_id": 1, "source_url": ""},
            {"site": "p.de", "kind": "impressum_url", "value": "https://p.de/impressum", "run_id": 1, "source_url": ""},
        ]
    )
    db.close()
    return path


def run(*args):
    return CliRunner().invoke(rank, list(args), catch_exceptions=False)


def test_load_link_counts_groups_distinct_pages(crawl_db):
    db = dbmod.connect(crawl_db, create=False)
    rows = list(queries.iter_link_counts(db))
    assert ("s.de", "p.de", "blogroll", 2) in rows and not any(r[0] == r[1] for r in rows)


def test_load_link_counts_of_some_kinds(crawl_db):
    db = dbmod.connect(crawl_db, create=False)
    rows = list(queries.iter_link_counts(db, ["comment", "nav"]))
    assert rows and {r[2] for r in rows} == {"comment"}
    assert rows == [r for r in queries.iter_link_counts(db) if r[2] == "comment"]
    assert list(queries.iter_link_counts(db, [])) == []


def test_iter_documents_drops_repeated_lines(crawl_db):
    db = dbmod.connect(crawl_db, create=False)
    docs = {s: (lang, text) for s, lang, text in queries.iter_documents(db)}
    assert docs["s.de"][1].count("Impressum") == 1 and docs["e.com"][0] == "en"


def test_load_post_dates_one_per_post_feed_first(crawl_db):
    db = dbmod.connect(crawl_db, create=False)
    assert queries.load_post_dates(db)["p.de"] == ["2024-06-01T09:00:00+00:00", "2024-05-01T09:00:00+00:00"]


def test_reference_time_is_latest_finished_run(crawl_db):
    assert queries.reference_time(dbmod.connect(crawl_db, create=False)) == "2024-06-30T10:00:00+00:00"


def test_rank_database_ranks_candidate_blogs(crawl_db):
    rows = rank_database(crawl_db, topic="social media marketing")
    assert [r["site"] for r in rows][:2] == ["p.de", "e.com"]
    assert {r["site"] for r in rows} == {"p.de", "e.com", "k.de"}
    assert rows[0]["found_via"] == "blogroll of s.de" and rows[0]["linked_from_seeds"] == 1


def test_rank_database_me_and_top(crawl_db):
    rows = rank_database(crawl_db, me="https://www.s.de/", top=1)
    assert len(rows) == 1 and rows[0]["links_to_me"] is True


def test_rank_cli_writes_csv_and_prints_table(crawl_db, tmp_path):
    out = tmp_path / "partners.csv"
    result = run("--db", str(crawl_db), "--out", str(out), "--topic", "content marketing", "--top", "2")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split()[:3] == ["rank", "score", "site"] and len(lines) == 3
    table = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"), newline="")))
    assert [r["site"] for r in table] == ["p.de", "e.com", "k.de"]
    assert table[0]["emails"] == "'=cmd@p.de" and table[0]["title"] == "'=Titel p.de"


def test_rank_cli_same_db_same_bytes(crawl_db, tmp_path):
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    assert run("--db", str(crawl_db), "--out", str(a), "--me", "x.de").exit_code == 0
    assert run("--db", str(crawl_db), "--out", str(b), "--me", "x.de").exit_code == 0
    assert a.read_bytes() == b.read_bytes()


def test_rank_cli_excel(crawl_db, tmp_path):
    out = tmp_path / "p.csv"
    assert run("--db", str(crawl_db), "--out", str(out), "--excel").exit_code == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbfrank;site;url;")


def test_rank_cli_json_has_same_fields(crawl_db, tmp_path):
    out = tmp_path / "p.json"
    assert run("--db", str(crawl_db), "--out", str(out), "--me", "s.de").exit_code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert list(data[0])[-2:] == ["links_to_me", "warm_prospect"] and data[0]["site"] == "p.de"


def test_rank_cli_saves_ranking_snapshot_with_save(crawl_db, tmp_path):
    run("--db", str(crawl_db), "--out", str(tmp_path / "p.csv"), "--save")
    db = dbmod.connect(crawl_db, create=False)
    assert db["rankings"].count == 1
    rows = list(db["ranking_rows"].rows_where(order_by="rank"))
    assert rows[0]["site"] == "p.de" and json.loads(rows[0]["row"])["rank"] == 1


def test_rank_cli_out_dash_writes_export_to_stdout(crawl_db):
    result = run("--db", str(crawl_db), "--out", "-", "--format", "json", "--no-save")
    assert json.loads(result.stdout)[0]["site"] == "p.de"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--db", "{tmp}/missing.db"], "no such database"),
        (["--db", "{tmp}"], "is a directory"),
        (["--db", "{tmp}/not.db"], "not a SQLite database"),
        (["--weights", "{tmp}/missing.json"], "--weights"),
        (["--weights", "{tmp}/bad.json"], "unknown key"),
        (["--lang", "de,deutsch"], "--lang"),
        (["--excel", "--format", "json"], "--excel applies to CSV only"),
        (["--out", "{tmp}/no/such/dir/p.csv"], "does not exist"),
    ],
)
def test_rank_cli_bad_input_is_one_line_error(crawl_db, tmp_path, args, message):
    (tmp_path / "not.db").write_bytes(b"this is not sqlite" * 100)
    (tmp_path / "bad.json").write_text('{"relevanz": 2}')
    args = [a.format(tmp=tmp_path) for a in args]
    if "--db" not in args:
        args = ["--db", str(crawl_db), *args]
    result = CliRunner().invoke(rank, [*args, "--out", str(tmp_path / "o.csv")] if "--out" not in args else args)
    assert result.exit_code == 1, result.output
    assert message in result.stderr and "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1


def test_rank_cli_lang_without_blogs_keeps_the_earlier_export(crawl_db, tmp_path):
    out = tmp_path / "partners.csv"
    out.write_text("earlier export\n", encoding="utf-8")
    result = CliRunner().invoke(rank, ["--db", str(crawl_db), "--lang", "xx", "--out", str(out), "--quiet"])
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("Error: --lang xx: no candidate blog in it; the crawl has de (")
    assert len(result.stderr.strip().splitlines()) == 1
    assert out.read_text(encoding="utf-8") == "earlier export\n"
    handle = dbmod.connect(crawl_db)
    assert "rankings" not in handle.table_names() or handle["rankings"].count == 0


def test_rank_cli_empty_database_writes_header(tmp_path):
    path = tmp_path / "empty.db"
    dbmod.connect(path).close()
    out = tmp_path / "p.csv"
    result = run("--db", str(path), "--out", str(out))
    assert result.exit_code == 0 and out.read_text(encoding="utf-8").startswith("rank,site,url,")


def test_rank_to_file_is_callable_from_other_commands(crawl_db, tmp_path):
    rows = rank_to_file(str(crawl_db), out=str(tmp_path / "x.csv"), topic="marketing", save=False)
    assert rows[0]["site"] == "p.de" and (tmp_path / "x.csv").exists()


def test_format_table_aligns_and_cuts():
    text = format_table([{"rank": 1, "score": 0.5, "site": "a.de", "top_terms": "x" * 80}])
    header, row = text.splitlines()
    assert row.endswith("…") and header.index("site") == row.index("a.de")


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


def test_rank_cli_weights_file_changes_scores(crawl_db, tmp_path):
    weights = tmp_path / "w.json"
    weights.write_text('{"relevance": 0, "activity": 0, "centrality": 0}')
    out = tmp_path / "p.json"
    assert run("--db", str(crawl_db), "--out", str(out), "--weights", str(weights), "--no-save").exit_code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {r["score"] for r in data} == {1.0} and [r["site"] for r in data] == ["e.com", "k.de", "p.de"]
