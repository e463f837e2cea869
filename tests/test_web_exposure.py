"""`blogscout serve`: what the app gives away and what one request can cost it.

Arbitrary SQL is off unless ``--allow-sql``; with it, no value grows past the length limit and
pages of other sites cannot send SQL or embed the app; no answer shows the database's path.
"""

from __future__ import annotations

import functools
import http.server
import json
import signal
import threading
import time
import urllib.parse
from html.parser import HTMLParser
from pathlib import Path

import pytest
from browser import chromium, wait_for
from test_web_app import fetch, start_app
from webproject import make_project

from crawler.storage.db import connect

BIG = urllib.parse.urlencode({"sql": "select randomblob(400000000)"})
INTROSPECTION = [
    "-/databases.json",
    "-/metadata.json",
    "-/settings.json",
    "-/versions.json",
    "-/plugins.json",
    "-/threads.json",
    "-/actor.json",
    "-/config.json",
    "-/allow-debug",
    "-/messages",
    "-/patterns",
    "-/permissions",
    "-/databases",
    "-/metadata",
]


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return make_project(tmp_path_factory.mktemp("exposure"))


@pytest.fixture(scope="module")
def app(project):
    proc, url, _ = start_app("--db", str(project["db"]))
    yield url
    proc.terminate()
    proc.wait(10)


@pytest.fixture(scope="module")
def sql_app(project):
    """The app with --allow-sql, and its process."""
    proc, url, _ = start_app("--db", str(project["db"]), "--allow-sql")
    yield url, proc
    proc.terminate()
    proc.wait(10)


def memory_kib(pid: int) -> dict:
    """Resident memory now (VmRSS) and at its peak (VmHWM) of a process, in KiB."""
    text = Path(f"/proc/{pid}/status").read_text()
    return {
        k: int(v.split()[0]) for k, v in (line.split(":", 1) for line in text.splitlines()) if k in ("VmRSS", "VmHWM")
    }


def test_sql_is_off_by_default(app, project):
    name = project["db"].stem
    assert fetch(app + f"{name}.json?sql=select+1")[0] == 403
    assert fetch(app + f"{name}/sites.json?_where=1")[0] == 403
    assert fetch(app + f"{name}/sites.json")[0] == 200


def test_sql_runs_with_allow_sql_from_the_apps_own_pages(sql_app, project):
    url, _ = sql_app
    status, body = fetch(url + f"{project['db'].stem}.json?sql=select+count(*)+from+sites")
    assert status == 200 and json.loads(body)["rows"][0][0] > 10


def test_huge_value_fails_at_once_and_the_app_stays_small_and_answers(project):
    proc, url, _ = start_app("--db", str(project["db"]), "--allow-sql")
    try:
        assert fetch(url)[0] == 200
        before = memory_kib(proc.pid)["VmRSS"]
        started = time.monotonic()
        status, body = fetch(url + f"{project['db'].stem}.json?{BIG}")
        assert status == 400 and "too big" in body
        assert time.monotonic() - started < 3
        started = time.monotonic()
        assert fetch(url)[0] == 200
        assert time.monotonic() - started < 5
        assert memory_kib(proc.pid)["VmHWM"] - before < 100 * 1024  # randomblob(4e8) would add ~800 MiB
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=15)
    assert proc.returncode is not None


@pytest.mark.parametrize(
    ("site", "mode", "query", "refused"),
    [
        ("cross-site", "no-cors", "", True),  # <img src=...> on another site
        ("same-site", "cors", "", True),  # fetch() from another port of 127.0.0.1
        ("cross-site", "navigate", "?sql=select+1", True),  # a link that runs SQL
        ("cross-site", "navigate", "?_where=1", True),
        ("cross-site", "navigate", "", False),  # a plain link to the app
        ("same-origin", "cors", "?sql=select+1", False),  # the app's own page
    ],
)
def test_pages_of_other_sites_cannot_embed_the_app_or_send_it_sql(sql_app, project, site, mode, query, refused):
    url, _ = sql_app
    headers = {"Sec-Fetch-Site": site, "Sec-Fetch-Mode": mode}
    status, body = fetch(url + f"{project['db'].stem}/sites.json{query}", headers=headers)
    assert (status == 403 and "another site" in body) if refused else status == 200


def test_image_on_another_site_cannot_query_the_app_in_the_browser(sql_app, project, tmp_path):
    """Another origin embeds SQL requests as images; the browser gets 403s and the app stays small."""
    url, proc = sql_app
    name = project["db"].stem
    images = [f"{url}{name}.json?{BIG}", f"{url}{name}.json?sql=select+1", f"{url}{name}/pages.json?_size=max"]
    page = "".join(f'<img src="{src}" onerror="window.done=(window.done||0)+1">' for src in images)
    (tmp_path / "www").mkdir()
    (tmp_path / "www" / "page.html").write_text(page, encoding="utf-8")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path / "www"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    before = memory_kib(proc.pid)["VmRSS"]
    try:
        with chromium(tmp_path / "profile") as driver:
            driver.get(f"http://127.0.0.1:{server.server_address[1]}/page.html")
            wait_for(lambda: driver.execute_script("return window.done") == len(images), what="images")
            statuses = {
                m["params"]["response"]["url"]: m["params"]["response"]["status"]
                for m in (json.loads(e["message"])["message"] for e in driver.get_log("performance"))
                if m.get("method") == "Network.responseReceived"
            }
    finally:
        server.shutdown()
        server.server_close()
    assert [statuses.get(src) for src in images] == [403] * len(images)
    assert memory_kib(proc.pid)["VmHWM"] - before < 100 * 1024


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        self.hrefs += [v for k, v in attrs if k in ("href", "src") and v]


def crawl(start: str, limit: int = 150) -> dict[str, tuple[int, str]]:
    """GET the app's pages reachable by links from ``start`` (at most ``limit``): ``{url: (status, body)}``."""
    seen, queue = {}, [start]
    while queue and len(seen) < limit:
        url = urllib.parse.urldefrag(queue.pop(0))[0]
        if url in seen or not url.startswith(start):
            continue
        seen[url] = fetch(url)
        parser = Links()
        parser.feed(seen[url][1])
        queue += [urllib.parse.urljoin(url, href) for href in parser.hrefs]
    return seen


def test_no_answer_shows_the_database_path(app, project):
    folder = str(project["db"].resolve().parent)
    answers = crawl(app)
    answers.update({app + path: fetch(app + path) for path in INTROSPECTION})
    assert len(answers) > 50
    leaks = [url for url, (_, body) in answers.items() if folder in body or folder in urllib.parse.unquote(body)]
    assert leaks == []
    assert {fetch(app + path)[0] for path in INTROSPECTION} == {404}


def test_a_project_without_a_crawl_shows_no_path_either(tmp_path):
    db = tmp_path / "empty.db"
    connect(db).conn.close()
    proc, url, _ = start_app("--db", str(db))
    try:
        status, body = fetch(url)
    finally:
        proc.terminate()
        proc.wait(10)
    assert status == 404 and "empty.db" in body and str(tmp_path) not in body
