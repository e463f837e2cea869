"""``blogscout demo``: crawl and rank the bundled sample blogosphere, fully offline."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import click

from crawler.cli.main import setup_logging


class SandboxProcess:
    """The sample blogosphere served by ``python -m crawler.sandbox`` as an HTTP proxy on 127.0.0.1."""

    def __init__(self, seed: int = 0, blogs: int = 40):
        self.seed = seed
        self.blogs = blogs
        self.proc = None
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
                    raise click.ClickException(
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


@click.command()
@click.option(
    "--db",
    default="data/demo.db",
    show_default=True,
    type=click.Path(dir_okay=False),
    help="Database the demo writes (replaced on each demo run).",
)
@click.option(
    "--out",
    default="data/demo-partners.csv",
    show_default=True,
    type=click.Path(dir_okay=False),
    help="Partner CSV the demo writes.",
)
@click.option("--world", default=0, show_default=True, help="Random seed of the generated blogosphere.")
@click.option("--blogs", default=40, show_default=True, type=click.IntRange(10), help="Blogs in the blogosphere.")
@click.option(
    "--topic",
    default="content marketing, social media marketing, seo",
    show_default=True,
    help="Topic terms for ranking.",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress output.")
def demo(db, out, world, blogs, topic, quiet):
    """Serve a sample blogosphere on 127.0.0.1, crawl it from its seeds, rank and export partners.

    Example: blogscout demo --blogs 60
    """
    from crawler.cli.main import do_crawl
    from crawler.engine.runner import LOCAL_WEB_SETTINGS, CrawlOptions

    setup_logging(quiet)
    db_path = Path(db)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    with SandboxProcess(world, blogs) as sandbox:
        os.environ["http_proxy"] = sandbox.proxy_url
        os.environ.pop("no_proxy", None)
        os.environ.pop("NO_PROXY", None)
        options = CrawlOptions(seeds=sandbox.seeds(), topic=topic, settings=dict(LOCAL_WEB_SETTINGS))
        click.echo(f"Crawling the sample blogosphere ({blogs} blogs) through {sandbox.proxy_url}", err=True)
        do_crawl(str(db_path), options, quiet, command="demo")
    rank_and_export(str(db_path), out, topic)


def rank_and_export(db: str, out: str, topic: str, top: int = 15) -> None:
    """Rank the crawl and write the partner CSV (used by `demo` and `run`)."""
    from crawler.cli.rank import rank_to_file

    rank_to_file(db, out=out, topic=topic, top=top)
