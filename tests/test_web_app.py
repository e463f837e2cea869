"""`blogscout serve`: the partner app in headless Chromium, status writes, and requests it must refuse."""

from __future__ import annotations

import functools
import hashlib
import http.server
import re
import signal
import sqlite3
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from browser import chromium, screenshot, wait_for
from conftest import blogscout, start_blogscout
from selenium.webdriver.common.by import By
from webproject import HOSTILE_TITLE, make_project


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return make_project(tmp_path_factory.mktemp("app"))


def start_app(*args: str):
    """Start `blogscout serve --port 0 ...`; return the process, the URL it prints and its output so far."""
    proc = start_blogscout("serve", "--port", "0", *args)
    end, seen = time.monotonic() + 60, ""
    while time.monotonic() < end:
        line = proc.stderr.readline()
        seen += line
        found = re.search(r"at (http://\S+/)", line)
        if found:
            return proc, found.group(1), seen
        if not line and proc.poll() is not None:
            break
    proc.kill()
    raise AssertionError(f"serve did not start: {seen}")


@pytest.fixture(scope="module")
def app(project):
    proc, url, _ = start_app("--db", str(project["db"]))
    yield url
    proc.terminate()
    proc.wait(10)


def fetch(url: str, *, data: dict | None = None, headers: dict | None = None) -> tuple[int, str]:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    request = urllib.request.Request(url, data=body, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode("utf-8")


def stored_status(db, site):
    conn = sqlite3.connect(db)
    try:
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'outreach'").fetchone():
            return None
        return conn.execute("SELECT status, note FROM outreach WHERE site = ?", [site]).fetchone()
    finally:
        conn.close()


def digest(db) -> str:
    """A fingerprint of every row that a request could change."""
    conn = sqlite3.connect(db)
    try:
        tables = [
            t
            for (t,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'pages_fts%'"
            )
        ]
        text = repr([(t, conn.execute(f"SELECT * FROM [{t}] ORDER BY 1").fetchall()) for t in sorted(tables)])
    finally:
        conn.close()
    return hashlib.sha256(text.encode()).hexdigest()


def test_app_lists_partners_with_filters(app, project, tmp_path):
    with chromium(tmp_path / "profile") as driver:
        driver.get(app)
        rows = wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, "table.ranking tbody tr"), what="rows")
        assert len(rows) > 10
        assert driver.find_elements(By.CSS_SELECTOR, "svg.graph g.node")
        driver.find_element(By.CSS_SELECTOR, "[data-filter=lang] option[value=de]").click()
        visible = [r for r in rows if r.is_displayed()]
        assert visible and all(r.get_attribute("data-lang") == "de" for r in visible)
        screenshot(driver, "app-partners", tmp_path)


def test_status_button_persists_in_the_page_and_the_database(app, project, tmp_path):
    site = project["hostile"]
    with chromium(tmp_path / "profile") as driver:
        driver.get(app)
        driver.find_element(By.CSS_SELECTOR, f'tr[data-site="{site}"] a.row-link').click()
        form = wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, "form.status-form"), what="status form")[0]
        form.find_element(By.NAME, "note").send_keys("Mail an Anna: Gastbeitrag <script>x</script>")
        form.find_element(By.CSS_SELECTOR, "button[value=contacted]").click()
        wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, ".flash"), what="saved message")
        driver.refresh()
        badge = driver.find_element(By.CSS_SELECTOR, ".card-head .badge")
        assert badge.get_attribute("data-status") == "contacted"
        assert driver.find_element(By.CSS_SELECTOR, ".note-text").text == "Mail an Anna: Gastbeitrag <script>x</script>"
        assert driver.find_element(By.CSS_SELECTOR, "button.current").get_attribute("value") == "contacted"
        screenshot(driver, "app-candidate", tmp_path)
        driver.get(app)
        row = driver.find_element(By.CSS_SELECTOR, f'tr[data-site="{site}"]')
        assert row.get_attribute("data-status") == "contacted"
    assert stored_status(project["db"], site) == ("contacted", "Mail an Anna: Gastbeitrag <script>x</script>")
    listed = blogscout("status", "--db", str(project["db"]))
    assert listed.returncode == 0, listed.stderr
    assert site in listed.stdout and "contacted" in listed.stdout


def test_app_shows_markup_as_text_and_never_links_script_urls(app, project, tmp_path):
    with chromium(tmp_path / "profile") as driver:
        driver.get(app + f"-/blogscout/site/{project['hostile']}")
        title = wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, ".card h3"), what="card")[0]
        assert title.text == HOSTILE_TITLE
        assert driver.execute_script("return window.__pwned") is None
        assert driver.find_elements(By.CSS_SELECTOR, ".bs img") == []
        hrefs = [a.get_attribute("href") or "" for a in driver.find_elements(By.TAG_NAME, "a")]
        assert not any(h.lower().startswith(("javascript:", "data:")) for h in hrefs)
        assert "javascript:window.__pwned=2" in driver.find_element(By.CSS_SELECTOR, ".card").text
        screenshot(driver, "app-hostile", tmp_path, full=False)


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "http://evil.example"},  # a form on another site
        {"Referer": "http://evil.example/page.html"},  # no Origin, a foreign Referer
        {},  # neither, and no cookies: asgi-csrf alone would let this through
        {"Origin": "null"},  # a sandboxed frame or a file
    ],
    ids=["origin", "referer", "bare", "null"],
)
def test_cross_origin_post_is_refused_and_changes_nothing(app, project, headers):
    before = digest(project["db"])
    status, body = fetch(
        app + "-/blogscout/status", data={"site": project["hostile"], "status": "declined"}, headers=headers
    )
    assert status == 403 and "refused" in body
    assert digest(project["db"]) == before


def test_form_on_another_origin_cannot_change_a_status_in_the_browser(app, project, tmp_path):
    """A page served from another port of 127.0.0.1 auto-submits a status form to the app."""
    page = (
        f'<form id="f" method="post" action="{app}-/blogscout/status">'
        f'<input name="site" value="{project["hostile"]}"><input name="status" value="do-not-contact"></form>'
        '<script>document.getElementById("f").submit()</script>'
    )
    (tmp_path / "www").mkdir()
    (tmp_path / "www" / "attack.html").write_text(page, encoding="utf-8")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path / "www"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    before = digest(project["db"])
    try:
        with chromium(tmp_path / "profile") as driver:
            driver.get(app)  # the app's CSRF cookie is in the browser, as for a real user
            driver.get(f"http://127.0.0.1:{server.server_address[1]}/attack.html")
            body = wait_for(lambda: "refused" in driver.page_source and driver.page_source, what="refusal")
            assert "Cross-origin request refused" in body
    finally:
        server.shutdown()
        server.server_close()
    assert digest(project["db"]) == before


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8765", "127.0.0.1.nip.io", "[::2]"])
def test_foreign_host_is_refused_and_changes_nothing(app, project, host):
    before = digest(project["db"])
    port = urllib.parse.urlsplit(app).port
    assert fetch(app, headers={"Host": host})[0] == 403
    origin = f"http://{host}"
    status, _ = fetch(
        app + "-/blogscout/status",
        data={"site": project["hostile"], "status": "declined"},
        headers={"Host": host, "Origin": origin},
    )
    assert status == 403
    assert fetch(app, headers={"Host": f"localhost:{port}"})[0] == 200
    assert digest(project["db"]) == before


def test_raw_tables_are_browsable_and_read_only(app, project):
    name = project["db"].stem
    status, body = fetch(app + f"{name}/sites")
    assert status == 200 and project["hostile"] in body
    before = digest(project["db"])
    query = urllib.parse.urlencode({"sql": "DELETE FROM sites"})
    status, body = fetch(app + f"{name}.json?{query}")
    assert status in (400, 403)  # not a SELECT; and arbitrary SQL is off unless --allow-sql
    assert digest(project["db"]) == before


def test_serve_refuses_another_host_without_allow_remote(project):
    result = blogscout("serve", "--db", str(project["db"]), "--host", "0.0.0.0", "--port", "0")
    assert result.returncode == 1
    assert result.stderr.startswith("Error: --host 0.0.0.0") and len(result.stderr.strip().splitlines()) == 1


def test_serve_stops_on_ctrl_c_without_an_error(project):
    proc, url, _ = start_app("--db", str(project["db"]))
    assert fetch(url)[0] == 200
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=20)
    assert proc.returncode == 0, stderr
    assert "Error" not in stderr and stderr.strip().endswith("Stopped.")


def test_serve_of_a_missing_database_is_one_error_line(tmp_path):
    result = blogscout("serve", "--db", str(tmp_path / "none.db"), "--port", "0")
    assert result.returncode == 1
    assert result.stderr.startswith("Error: ") and len(result.stderr.strip().splitlines()) == 1
