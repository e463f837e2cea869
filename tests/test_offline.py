"""The suite's habits: no test leaves loopback, and end-to-end tests are marked as such."""

from __future__ import annotations

import errno
import socket
import sqlite3
import subprocess
import sys

import pytest
from conftest import FAST, _is_e2e, blogscout
from pytest_socket import SocketConnectBlockedError

# TEST-NET-1 (RFC 5737): never routed, so a leak would hang or fail rather than reach anyone.
OUTSIDE = ("192.0.2.1", 80)


@pytest.mark.filterwarnings("ignore:A test tried to use socket")
def test_connection_beyond_loopback_is_refused_in_the_test_process():
    with pytest.raises(SocketConnectBlockedError):
        socket.create_connection(OUTSIDE, timeout=1)


def test_connection_to_loopback_is_allowed_in_the_test_process():
    with socket.create_server(("127.0.0.1", 0)) as server, socket.create_connection(server.getsockname(), timeout=5):
        pass


def test_python_subprocess_cannot_leave_loopback():
    with socket.create_server(("127.0.0.1", 0)) as server:
        port = server.getsockname()[1]
        code = (
            "import socket\n"
            f"print(socket.socket().connect_ex({OUTSIDE!r}))\n"
            f"print(socket.socket().connect_ex(('127.0.0.1', {port})))\n"
        )
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.split() == [str(errno.ENETUNREACH), "0"], out.stderr


def test_crawl_subprocess_cannot_leave_loopback(tmp_path):
    db = tmp_path / "out.db"
    result = blogscout("crawl", "http://8.8.8.8/", "--db", str(db), "--hops", "0", "--quiet", *FAST)
    assert result.returncode == 1 and "Error: seeds unreachable: 8.8.8.8 (connection)" in result.stderr, result.stderr
    with sqlite3.connect(db) as conn:
        errors = conn.execute("SELECT url, kind, detail FROM fetch_errors").fetchall()
        pages = conn.execute("SELECT COUNT(*) FROM pages WHERE status = 200").fetchone()[0]
    assert pages == 0
    assert ("http://8.8.8.8/", "connection") in {(url, kind) for url, kind, _ in errors}
    assert all("unreachable" in detail for _, _, detail in errors), errors


def _pure():
    return sorted([3, 1, 2])


def _crawl_helper():
    return blogscout("--version")


def _calls_crawl_helper():
    return [_crawl_helper() for _ in range(1)]


@pytest.mark.parametrize(
    ("func", "expected"),
    [(_pure, False), (_crawl_helper, True), (_calls_crawl_helper, True), (lambda: subprocess.run, True)],
)
def test_e2e_detection(func, expected):
    assert _is_e2e(func, set()) is expected


def test_empty_e2e_detection():
    assert _is_e2e(print, set()) is False
