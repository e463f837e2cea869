"""The `blogscout` command line: help, seeds, one-line errors, progress, re-runs, hops, priorities."""

from __future__ import annotations

import sqlite3

import click
import pytest
from click.testing import CliRunner
from conftest import FAST, ROOT, blogscout

from crawler.cli.main import cli
from crawler.extract.urls import site_key


def command_paths(group=cli, prefix=()):
    for name, command in sorted(group.commands.items()):
        yield (*prefix, name)
        if hasattr(command, "commands"):
            yield from command_paths(command, (*prefix, name))


def command_of(path):
    command = cli
    for name in path:
        command = command.commands[name]
    return command


@pytest.mark.parametrize("path", list(command_paths()), ids=" ".join)
def test_every_command_has_help_with_example_and_is_in_readme(path):
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output
    assert f"blogscout {' '.join(path)}" in (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("path", [(), *command_paths()], ids=lambda p: " ".join(p) or "blogscout")
def test_help_example_keeps_its_line(path):
    example = [line.strip() for line in command_of(path).help.splitlines() if line.strip().startswith("Example:")]
    output = CliRunner().invoke(cli, [*path, "--help"], terminal_width=80).output
    assert example and example[0].startswith("Example: blogscout")
    assert example[0] in [line.strip() for line in output.splitlines()]


def option_records(help_text):
    """Each option's entry of a help text, its wrapped lines joined."""
    records = []
    for line in help_text.split("Options:", 1)[-1].splitlines():
        if line.startswith("  -"):
            records.append(line.strip())
        elif records:
            records[-1] += " " + line.strip()
    return records


@pytest.mark.parametrize("path", list(command_paths()), ids=" ".join)
def test_every_option_shows_its_default_and_is_in_readme(path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    output = CliRunner().invoke(cli, [*path, "--help"]).output
    for option in command_of(path).params:
        if not isinstance(option, click.Option):
            continue
        assert all(name in readme for name in option.opts + option.secondary_opts if name.startswith("--")), option.opts
        assert "default" not in (option.help or "").lower(), option.opts  # click shows it, from the option itself
        if option.is_flag and not option.secondary_opts or option.multiple or option.required:
            continue
        if option.default in (None, ""):
            assert isinstance(option.show_default, str), option.opts
        record = next(r for r in option_records(output) if r.startswith(tuple(option.opts)))
        assert "[default: " in record, record


def test_version():
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0 and "blogscout" in result.output


@pytest.mark.parametrize("seed", ["ftp://seo-blog.de/", "not a url", "javascript:alert(1)", "http://"])
def test_crawl_rejects_bad_seed_before_writing(tmp_path, seed):
    db = tmp_path / "x.db"
    result = blogscout("crawl", "https://ok-blog.de/", seed, "--db", str(db))
    assert result.returncode == 1
    assert result.stderr.startswith("Error: seed") and result.stderr.count("\n") == 1
    assert not db.exists()


def test_crawl_rejects_empty_seed_file(tmp_path):
    seeds = tmp_path / "seeds.txt"
    seeds.write_text("# nothing here yet\n")
    result = blogscout("crawl", "--seeds-file", str(seeds), "--db", str(tmp_path / "x.db"))
    assert result.returncode == 1 and "no URLs found" in result.stderr and "Traceback" not in result.stderr


def test_crawl_without_seeds_says_how(tmp_path):
    result = blogscout("crawl", "--db", str(tmp_path / "x.db"))
    assert result.returncode == 1 and "no seeds" in result.stderr


def test_crawl_reads_opml_seed_file_and_uses_proxy(tmp_path, world, sandbox):
    seed = world.seeds[0]
    opml = tmp_path / "blogroll.opml"
    opml.write_text(
        f'<?xml version="1.0"?><opml version="2.0"><body><outline text="Blogs">'
        f'<outline type="rss" text="Seed" htmlUrl="{seed}" xmlUrl="{seed}feed/"/></outline></body></opml>'
    )
    db = tmp_path / "opml.db"
    result = blogscout(
        "crawl", "--seeds-file", str(opml), "--db", str(db), "--hops", "0", *FAST, proxy=sandbox.proxy_url
    )
    assert result.returncode == 0, result.stderr
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT site, role FROM sites WHERE role = 'seed'").fetchall() == [(site_key(seed), "seed")]
    assert conn.execute("SELECT count(*) FROM pages WHERE site = ?", (site_key(seed),)).fetchone()[0] > 3


def test_crawl_hops_zero_crawls_seeds_only(tmp_path, world, sandbox):
    db = tmp_path / "h0.db"
    result = blogscout("crawl", *world.seeds, "--db", str(db), "--hops", "0", "--quiet", *FAST, proxy=sandbox.proxy_url)
    assert result.returncode == 0, result.stderr
    conn = sqlite3.connect(db)
    fetched_sites = {r[0] for r in conn.execute("SELECT DISTINCT site FROM pages")}
    assert fetched_sites == {site_key(u) for u in world.seeds}


def test_crawl_shows_progress_on_stderr(tmp_path, world, sandbox):
    db = tmp_path / "p.db"
    result = blogscout(
        "crawl",
        *world.seeds,
        "--db",
        str(db),
        "--hops",
        "1",
        *FAST,
        "--set",
        "BLOGSCOUT_PROGRESS_INTERVAL=0.2",
        "--set",
        "DOWNLOAD_DELAY=0.05",
        proxy=sandbox.proxy_url,
    )
    assert result.returncode == 0, result.stderr
    lines = [l for l in result.stderr.splitlines() if "pages/s" in l]
    assert lines and all("sites" in l and "queue" in l and "errors" in l for l in lines)


def test_crawl_rerun_adds_a_run_without_duplicates(tmp_path, world, sandbox):
    db = tmp_path / "twice.db"
    for _ in range(2):
        result = blogscout(
            "crawl", world.seeds[0], "--db", str(db), "--hops", "1", "--quiet", *FAST, proxy=sandbox.proxy_url
        )
        assert result.returncode == 0, result.stderr
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT id, status FROM runs").fetchall() == [(1, "finished"), (2, "finished")]
    assert (
        conn.execute("SELECT count(*) FROM links GROUP BY from_url, to_url, kind HAVING count(*) > 1").fetchall() == []
    )
    assert conn.execute("SELECT count(DISTINCT run_id) FROM pages").fetchone()[0] == 1


def test_crawl_page_cap_prefers_blogroll_links(tmp_path, world, sandbox):
    db = tmp_path / "cap.db"
    result = blogscout(
        "crawl",
        *world.seeds,
        "--db",
        str(db),
        "--max-pages",
        "60",
        "--quiet",
        *FAST,
        "--set",
        "CONCURRENT_REQUESTS=2",
        proxy=sandbox.proxy_url,
    )
    assert result.returncode == 0, result.stderr
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM pages WHERE page_kind != 'feed'").fetchone()[0] <= 60
    crawled = [
        r[0]
        for r in conn.execute(
            "SELECT s.found_via FROM sites s WHERE s.role = 'candidate' AND EXISTS (SELECT 1 FROM pages p WHERE p.site = s.site)"
        )
    ]
    assert crawled and sum(v.startswith(("blogroll", "opml")) for v in crawled) >= 0.6 * len(crawled)


@pytest.mark.parametrize(
    "option, line, role",
    [
        ("--exclude", "# already working with\n{site}\n", "excluded"),
        ("--platforms", "shop {site}\n", "platform"),
    ],
)
def test_crawl_user_lists_keep_a_blog_out(tmp_path, world, sandbox, option, line, role):
    seed = next(b for b in world.blogs if b.label == "seed" and b.blogroll)
    partner = site_key(seed.blogroll[0][0])
    listed = tmp_path / "list.txt"
    listed.write_text(line.format(site=partner))
    db = tmp_path / "list.db"
    result = blogscout(
        "crawl",
        seed.home_url,
        "--db",
        str(db),
        "--hops",
        "1",
        option,
        str(listed),
        "--quiet",
        *FAST,
        proxy=sandbox.proxy_url,
    )
    assert result.returncode == 0, result.stderr
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT role FROM sites WHERE site = ?", (partner,)).fetchall() == [(role,)]
    assert conn.execute("SELECT count(*) FROM pages WHERE site = ?", (partner,)).fetchone()[0] == 0


def test_settings_are_polite_by_default():
    from scrapy.settings import Settings

    settings = Settings()
    settings.setmodule("crawler.settings")
    assert settings.getbool("ROBOTSTXT_OBEY") and settings.getbool("AUTOTHROTTLE_ENABLED")
    assert settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN") <= 2 and settings.getfloat("DOWNLOAD_DELAY") >= 1
    assert "blogscout" in settings.get("USER_AGENT") and "https://" in settings.get("USER_AGENT")
    assert not settings.getbool("TELNETCONSOLE_ENABLED") and not settings.getbool("REMOTE_CONTROL_ENABLED")
    assert 0 < settings.getint("DOWNLOAD_MAXSIZE") <= 8 * 1024 * 1024 and settings.getint("DOWNLOAD_TIMEOUT") <= 30


def test_run_crawls_ranks_and_exports(tmp_path, world, sandbox):
    import csv

    db, out = tmp_path / "run.db", tmp_path / "partners.csv"
    seed = world.seeds[0]
    result = blogscout(
        "run",
        *world.seeds,
        "--db",
        str(db),
        "--out",
        str(out),
        "--me",
        seed,
        "--quiet",
        "--topic",
        "content marketing",
        *FAST,
        proxy=sandbox.proxy_url,
    )
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows and {"rank", "site", "score", "top_terms", "found_via", "links_to_me", "warm_prospect"} <= set(rows[0])
    partners = {s for s, label in world.truth.items() if label == "partner"}
    top = [r["site"] for r in rows[:10]]
    assert len(partners & set(top)) >= 7
    assert site_key(seed) not in {r["site"] for r in rows}
    assert sqlite3.connect(db).execute("SELECT count(*) FROM rankings").fetchone()[0] == 1
