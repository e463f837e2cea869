"""Shared fixtures: the sandbox web on loopback and running `blogscout` in a subprocess.

Also the suite's habits: no test reaches beyond loopback (pytest-socket in this process, the
`netguard` sitecustomize in every Python subprocess), and tests that run `blogscout` in a
subprocess or serve the sandbox web are marked ``e2e`` here, so `make test-fast` can skip them.
"""

from __future__ import annotations

import os
import subprocess
import sys
import types
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import settings

from crawler.sandbox.server import SandboxServer
from crawler.sandbox.world import generate_world

# Property tests: derandomised by default (`make test`, CI), so a run is repeatable and the examples
# once found stay pinned with `@example`; HYPOTHESIS_PROFILE=explore searches afresh (`make fuzz`).
settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
settings.register_profile("explore", derandomize=False, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parent.parent
NETGUARD = Path(__file__).resolve().parent / "netguard"
# Python subprocesses (crawls, workers) load tests/netguard/sitecustomize.py: loopback only.
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(NETGUARD), os.environ.get("PYTHONPATH", "")]))
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


# A test is end to end when it, a helper from tests/ it calls, or a fixture it uses refers to one
# of these: a `blogscout` subprocess, the sandbox server, any other subprocess, a browser.
E2E_NAMES = frozenset(
    {"blogscout", "start_blogscout", "served_world", "SandboxServer", "subprocess", "Popen", "webdriver"}
)
TESTS = str(Path(__file__).resolve().parent)


def _names(code: types.CodeType) -> Iterator[str]:
    """Global and attribute names a code object and its nested code (lambdas, comprehensions) use."""
    yield from code.co_names
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            yield from _names(const)


def _is_e2e(func: Callable, seen: set) -> bool:
    """Whether ``func`` or a function from tests/ it calls refers to an `E2E_NAMES` name."""
    func = getattr(func, "__wrapped__", func)
    code = getattr(func, "__code__", None)
    if code is None or code in seen:
        return False
    seen.add(code)
    module_globals = getattr(func, "__globals__", {})
    for name in _names(code):
        if name in E2E_NAMES:
            return True
        helper = module_globals.get(name)
        helper = getattr(helper, "__wrapped__", helper)
        if (
            isinstance(helper, types.FunctionType)
            and helper.__code__.co_filename.startswith(TESTS)
            and _is_e2e(helper, seen)
        ):
            return True
    return False


def pytest_collection_modifyitems(config, items):
    """Mark end-to-end tests ``e2e`` (see `E2E_NAMES`)."""
    for item in items:
        func = getattr(item, "function", None)
        if func is None:
            continue
        seen: set = set()
        fixtures = getattr(item, "_fixtureinfo", None)
        defs = fixtures.name2fixturedefs.values() if fixtures else ()
        if _is_e2e(func, seen) or any(_is_e2e(d[-1].func, seen) for d in defs if d):
            item.add_marker(pytest.mark.e2e)
