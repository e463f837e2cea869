"""`blogscout inspect`: one page from a file or one URL, as text or JSON; bad input is one Error line."""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import threading

import pytest
from click.testing import CliRunner

from crawler.cli.main import cli
from crawler.services.inspect import inspect

POST = """<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>Gartenjahr im Rückblick</title>
<meta name="generator" content="WordPress 6.7">
<link rel="alternate" type="application/rss+xml" href="/feed/"></head>
<body><nav><a href="/ueber-mich/">Über mich</a> <a href="/kooperationen/">Kooperationen</a>
<a href="/impressum/">Impressum</a> <a href="/kontakt/">Kontakt</a></nav>
<div class="post"><h1>Gartenjahr im Rückblick</h1><p>von Anna Berg | 3. Dezember 2026</p>
<p>Mit Tipps von <a href="https://gruene-haende.de/">Grüne Hände</a> und
<a href="https://beete.de/">Beete</a>.</p></div>
<footer><a href="mailto:anna@anna-berg.de">Mail</a> <a href="https://www.instagram.com/annasgarten/">Instagram</a></footer>
</body></html>
"""
URL = "https://anna-berg.de/gartenjahr-im-rueckblick/"


def run(*args: str):
    return CliRunner().invoke(cli, ["inspect", *args], prog_name="blogscout")


@pytest.fixture
def post_file(tmp_path):
    path = tmp_path / "post.html"
    path.write_text(POST, encoding="utf-8")
    return path


def test_inspect_file_as_json(post_file):
    result = run(str(post_file), "--url", URL, "--json")
    assert result.exit_code == 0, result.output
    page = json.loads(result.stdout)
    assert page["url"] == URL and page["kind"] == "post" and page["language"] == "de"
    assert page["published"] == "2026-12-03"
    assert page["feeds"] == ["https://anna-berg.de/feed/"]
    assert page["contacts"]["emails"] == ["anna@anna-berg.de"]
    assert page["contacts"]["impressum_urls"] == ["https://anna-berg.de/impressum/"]
    assert page["cooperation"] == ["https://anna-berg.de/kooperationen/"]
    assert page["links"]["content"] == {"count": 2, "first": ["https://gruene-haende.de/", "https://beete.de/"]}
    assert page["blog"]["is_blog"] is True and "RSS feed" in page["blog"]["reason"]


def test_inspect_gzip_file_as_text(tmp_path):
    path = tmp_path / "saved.bin"  # recognised by its magic bytes, not its name
    path.write_bytes(gzip.compress(POST.encode("utf-8")))
    result = run(str(path), "--url", URL)
    assert result.exit_code == 0, result.output
    lines = dict(line.split(None, 1) for line in result.stdout.splitlines() if not line.startswith(" "))
    assert lines["published"] == "2026-12-03" and lines["kind"] == "post"
    assert lines["links"].startswith("nav 4")


def test_inspect_file_without_url_uses_a_placeholder(post_file):
    page = inspect(str(post_file))
    assert page["url"] == "http://localhost/post.html"
    assert page["contacts"]["contact_urls"] == ["http://localhost/kontakt/"]


def test_inspect_page_without_date_has_null_published(tmp_path):
    path = tmp_path / "leer.html"
    path.write_text("<html><body><h1>Hallo</h1><p>Kein Datum.</p></body></html>", encoding="utf-8")
    assert json.loads(run(str(path), "--json").stdout)["published"] is None


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def server(tmp_path):
    (tmp_path / "post.html").write_text(POST, encoding="utf-8")
    (tmp_path / "bild.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    handler = functools.partial(_QuietHandler, directory=str(tmp_path))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_inspect_url_fetches_once_with_allow_private(server):
    result = run(f"{server}/post.html", "--allow-private", "--json")
    assert result.exit_code == 0, result.output
    page = json.loads(result.stdout)
    assert page["url"] == f"{server}/post.html" and page["published"] == "2026-12-03"


@pytest.mark.parametrize(
    "target, words",
    [
        ("/bild.png", "not an HTML page"),
        ("/fehlt.html", "HTTP 404"),
    ],
)
def test_inspect_url_errors(server, target, words):
    result = run(server + target, "--allow-private")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and words in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_inspect_refuses_private_address_without_allow_private(server):
    result = run(f"{server}/post.html")
    assert result.exit_code == 1
    assert (
        result.stderr.strip()
        == f"Error: {server}/post.html is a private or local address: add --allow-private to inspect it"
    )


def test_inspect_unreachable_url():
    result = run("http://127.0.0.1:9/", "--allow-private")  # discard port: nothing listens
    assert result.exit_code == 1 and result.stderr.startswith("Error: http://127.0.0.1:9/ cannot be fetched")


@pytest.mark.parametrize(
    "make, words",
    [
        (lambda d: d / "fehlt.html", "does not exist"),
        (lambda d: d, "is not a file"),
        (lambda d: (d / "bild.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00") and d / "bild.png", "not an HTML page"),
        (lambda d: (d / "text.html").write_text("nur Text, keine Seite") and d / "text.html", "not an HTML page"),
        (lambda d: (d / "kaputt.gz").write_bytes(b"\x1f\x8bkaputt") and d / "kaputt.gz", "cannot be read"),
    ],
    ids=["missing", "directory", "binary", "plain-text", "broken-gzip"],
)
def test_inspect_bad_file_is_one_error_line(tmp_path, make, words):
    result = run(str(make(tmp_path)))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and words in result.stderr
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.output
