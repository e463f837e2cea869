"""The demo: the bundled sample blogosphere served on 127.0.0.1, crawled from its seeds."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from crawler.errors import BlogscoutError

if TYPE_CHECKING:
    from crawler.spiders.runner import CrawlOptions

PROXY_VARIABLES = ("http_proxy", "no_proxy", "NO_PROXY")


class SandboxError(BlogscoutError):
    """The sample blogosphere server did not start."""


class SandboxProcess:
    """The sample blogosphere served by ``python -m crawler.sandbox`` as an HTTP proxy on 127.0.0.1."""

    def __init__(self, seed: int, blogs: int):
        self.seed = seed
        self.blogs = blogs
        self.proc: subprocess.Popen | None = None
        self.proxy_url = ""

    def __enter__(self) -> SandboxProcess:
        with tempfile.TemporaryDirectory() as tmp:
            port_file = Path(tmp) / "port"
            self.proc = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "crawler.sandbox",
                    "--seed",
                    str(self.seed),
                    "--blogs",
                    str(self.blogs),
                    "--port",
                    "0",
                    "--port-file",
                    str(port_file),
                ],
                stdout=subprocess.DEVNULL,
            )
            deadline = time.monotonic() + 60
            while not (port_file.exists() and port_file.read_text().strip()):
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    self.__exit__()
                    raise SandboxError(
                        "the sample blogosphere server did not start; run 'python -m crawler.sandbox' to see why"
                    )
                time.sleep(0.05)
            self.proxy_url = port_file.read_text().strip()
            if not self.proxy_url.startswith("http"):
                self.proxy_url = f"http://127.0.0.1:{self.proxy_url}"
        return self

    def seeds(self) -> list[str]:
        """Seed URLs of the sample world (same generator, same seed)."""
        from crawler.sandbox.world import generate_world

        return generate_world(self.seed, self.blogs).seeds

    def __exit__(self, *exc) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()


def remove_database(db: str | Path) -> None:
    """Delete a database file with its WAL and shared-memory files (the demo starts afresh)."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)


@contextmanager
def sample_web(world: int, blogs: int) -> Iterator[SandboxProcess]:
    """Serve the sample blogosphere and route this process's HTTP through it while inside."""
    saved = {name: os.environ.get(name) for name in PROXY_VARIABLES}
    with SandboxProcess(world, blogs) as sandbox:
        os.environ["http_proxy"] = sandbox.proxy_url
        os.environ.pop("no_proxy", None)
        os.environ.pop("NO_PROXY", None)
        try:
            yield sandbox
        finally:
            for name, value in saved.items():
                if value is None:
                    os.environ.pop(name, None)
                else:
                    os.environ[name] = value


def demo_options(sandbox: SandboxProcess, topic: str) -> CrawlOptions:
    """Crawl options for the sample web: its seeds, politeness lifted for a web on this machine."""
    from crawler.spiders.runner import LOCAL_WEB_SETTINGS, CrawlOptions

    return CrawlOptions(seeds=sandbox.seeds(), topic=topic, settings=dict(LOCAL_WEB_SETTINGS))
