"""Shared fixtures: the sandbox web on loopback and running `blogscout` in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

from crawler.sandbox.server import SandboxServer
from crawler.sandbox.world import generate_world

ROOT = Path(__file__).resolve().parent.parent
# Politeness lifted for the local sandbox only; the spider, pipelines and middlewares are the real ones.
FAST = [
    "--set",
    "DOWNLOAD_DELAY=0",
    "--set",
    "AUTOTHROTTLE_ENABLED=false",
    "--set",
    "CONCURRENT_REQUESTS=32",
    "--set",
    "DOWNLOAD_TIMEOUT=8",
    "--set",
    "RETRY_TIMES=1",
]


def _env(proxy: str | None, extra: dict | None = None) -> dict:
    """This environment without proxy variables, plus the sandbox proxy if given."""
    env = {k: v for k, v in os.environ.items() if k.lower() not in ("http_proxy", "https_proxy", "no_proxy")}
    if proxy:
        env["http_proxy"] = proxy
    env.update(extra or {})
    return env


def blogscout(
    *args: str, proxy: str | None = None, timeout: float = 240, env: dict | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess:
    """Run the real `blogscout` command line in a subprocess and wait for it."""
    return subprocess.run(
        [sys.executable, "-m", "crawler", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=_env(proxy, env),
        cwd=cwd or ROOT,
    )


def start_blogscout(*args: str, proxy: str | None = None) -> subprocess.Popen:
    """Start the real `blogscout` command line in the background (to kill it, or run beside it)."""
    return subprocess.Popen(
        [sys.executable, "-m", "crawler", *args],
        cwd=ROOT,
        env=_env(proxy),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@contextmanager
def served_world(seed: int, n_blogs: int):
    """A generated world served as a proxy on 127.0.0.1: ``with served_world(5, 24) as (world, server)``."""
    world = generate_world(seed=seed, n_blogs=n_blogs)
    with SandboxServer(world) as server:
        yield world, server


@pytest.fixture(scope="session")
def world():
    """The default sample blogosphere (German and English blogs, nasty cases included)."""
    return generate_world(seed=0, n_blogs=40)


@pytest.fixture(scope="session")
def sandbox(world):
    """The sample blogosphere served as an HTTP proxy on 127.0.0.1."""
    server = SandboxServer(world)
    server.start()
    yield server
    server.stop()
