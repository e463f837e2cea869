"""`blogscout serve --allow-remote`: the access token, its cookie, the allowed host names.

The real server listens on 127.0.0.2 (Linux routes all of 127/8 to loopback), an address that
is not one of the app's loopback names, as a machine on the network would be.
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
import urllib.parse
import urllib.request

import pytest
from browser import chromium, screenshot, wait_for
from conftest import blogscout
from selenium.webdriver.common.by import By
from test_web_app import digest, fetch, start_app
from webproject import make_project

pytestmark = pytest.mark.allow_hosts(["127.0.0.1", "127.0.0.2"])
PROXY_NAME = "scout.example.org"


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return make_project(tmp_path_factory.mktemp("remote"))


@pytest.fixture(scope="module")
def remote(project):
    """The app on 127.0.0.2 with --allow-remote: its base URL, token and start output."""
    proc, url, output = start_app(
        "--db", str(project["db"]), "--host", "127.0.0.2", "--allow-remote", "--allowed-host", PROXY_NAME
    )
    token = re.search(r"\?token=([\w-]+)", output).group(1)
    yield {"url": url, "token": token, "output": output, "port": urllib.parse.urlsplit(url).port}
    proc.terminate()
    proc.communicate(timeout=10)


def cookie(token: str) -> dict:
    return {"Cookie": f"blogscout_access={token}"}


def test_remote_start_prints_a_token_link_and_says_what_is_exposed(remote):
    assert re.search(r"at http://127\.0\.0\.2:\d+/\?token=[\w-]{20,} ", remote["output"])
    warning = remote["output"].split("Warning: ", 1)[1]
    assert "whole project" in warning and "change outreach statuses" in warning and "Plain HTTP" in warning


@pytest.mark.parametrize("path", ["", "-/blogscout/site/x", "-/static/app.css"])
def test_remote_request_without_the_token_is_refused(remote, path):
    status, body = fetch(remote["url"] + path)
    assert status == 403 and "Access token" in body


@pytest.mark.parametrize("given", ["wrong", "", "ä", "x" * 5000])
def test_remote_wrong_token_is_refused_and_sets_no_cookie(remote, given):
    status, _ = fetch(remote["url"] + "?" + urllib.parse.urlencode({"token": given}))
    assert status == 403
    assert fetch(remote["url"], headers=cookie(given))[0] == 403
    with_cookie = fetch(remote["url"] + "?" + urllib.parse.urlencode({"token": given}), headers=cookie(remote["token"]))
    assert with_cookie[0] == 403


def test_remote_token_becomes_a_strict_httponly_cookie_and_leaves_the_address(remote):
    with urllib.request.urlopen(remote["url"] + f"x/y?a=1&token={remote['token']}", timeout=20) as response:
        set_cookie = response.headers["Set-Cookie"]
        body = response.read().decode()
    assert "HttpOnly" in set_cookie and "SameSite=Strict" in set_cookie
    assert 'url=/x/y?a=1"' in body and remote["token"] not in body
    assert fetch(remote["url"], headers=cookie(remote["token"]))[0] == 200


def test_remote_token_link_cannot_send_the_browser_elsewhere(remote):
    status, body = fetch(remote["url"] + f"/evil.example/?token={remote['token']}")
    assert status == 200
    assert re.search(r'url=/evil\.example/"', body) and "//evil" not in body


@pytest.mark.parametrize("host", ["evil.example", "127.0.0.1.nip.io", "scout.example.org.evil.example"])
def test_remote_foreign_host_is_refused_even_with_the_token(remote, host):
    assert fetch(remote["url"] + f"?token={remote['token']}", headers={"Host": host})[0] == 403
    assert fetch(remote["url"], headers={"Host": host, **cookie(remote["token"])})[0] == 403


def test_remote_allowed_host_name_is_served(remote):
    headers = {"Host": PROXY_NAME, **cookie(remote["token"])}
    assert fetch(remote["url"], headers=headers)[0] == 200


def test_remote_cross_origin_post_is_refused_even_with_the_cookie(remote, project):
    before = digest(project["db"])
    data = {"site": project["hostile"], "status": "declined"}
    for origin in ("http://evil.example", None):
        headers = {**cookie(remote["token"]), **({"Origin": origin} if origin else {})}
        status, body = fetch(remote["url"] + "-/blogscout/status", data=data, headers=headers)
        assert status == 403 and "refused" in body
    assert fetch(remote["url"] + "-/blogscout/status", data=data)[0] == 403
    assert digest(project["db"]) == before


def test_remote_token_link_from_another_site_signs_in_and_the_status_form_works(remote, project, tmp_path):
    """A person clicks the link in a web mail (another site), then sets a status in Chromium."""
    link = f"{remote['url']}?token={remote['token']}"
    (tmp_path / "www").mkdir()
    (tmp_path / "www" / "mail.html").write_text(f'<a id="go" href="{link}">open blogscout</a>', encoding="utf-8")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path / "www"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    site = project["hostile"]
    try:
        with chromium(tmp_path / "profile") as driver:
            driver.get(f"http://127.0.0.1:{server.server_address[1]}/mail.html")
            driver.find_element(By.ID, "go").click()
            rows = wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, "table.ranking tbody tr"), what="rows")
            assert rows and "token" not in driver.current_url
            assert driver.execute_script("return document.cookie") == ""  # HttpOnly
            driver.find_element(By.CSS_SELECTOR, f'tr[data-site="{site}"] a.row-link').click()
            form = wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, "form.status-form"), what="form")[0]
            form.find_element(By.CSS_SELECTOR, "button[value=shortlisted]").click()
            wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, ".flash"), what="saved message")
            screenshot(driver, "app-remote-candidate", tmp_path, full=False)
    finally:
        server.shutdown()
        server.server_close()
    listed = blogscout("status", "--db", str(project["db"]))
    assert site in listed.stdout and "shortlisted" in listed.stdout


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["--allowed-host", "scout.example.org"], "--allowed-host scout.example.org"),
        (["--allow-remote", "--allowed-host", "*"], "--allowed-host '*'"),
        (["--allow-remote", "--allowed-host", "a/b"], "--allowed-host 'a/b'"),
        (["--host", "0.0.0.0", "--allow-remote"], "--host 0.0.0.0"),
    ],
    ids=["no-allow-remote", "star", "slash", "wildcard-without-name"],
)
def test_serve_refuses_unclear_remote_options_in_one_line(project, args, named):
    result = blogscout("serve", "--db", str(project["db"]), "--port", "0", *args)
    assert result.returncode == 1
    assert result.stderr.startswith(f"Error: {named}") and len(result.stderr.strip().splitlines()) == 1
