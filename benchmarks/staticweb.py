"""A generated sandbox world pre-rendered to files and served by nginx as a loopback HTTP proxy.

The Python sandbox server (`crawler.sandbox.server`) answers ~1.7k requests/s on one thread and
shares the machine's two cores with the crawler under test; nginx serving pre-rendered files
answers tens of thousands and costs the crawler almost no CPU. Crawlers reach it exactly like the
sandbox server: ``http_proxy=http://127.0.0.1:PORT`` and absolute-form requests; nginx picks the
file from the request's host and path.

Rendering walks the world from its seeds through `World.response` (no network), following every
link to a host the world serves, and stores each answer as ``<root>/<host><path>/__.<ext>``
(the extension picks the Content-Type). Redirects become an nginx ``map``. Query strings are
ignored (a path is served with its query-less content); trap hosts (endless calendars, slow and
hostile servers) are left out, so this web measures throughput, not robustness.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
from collections import deque
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from crawler.sandbox.special import TRAP_SITES
from crawler.sandbox.world import World

EXTENSIONS = (
    ("html", "html"),
    ("opml", "opml"),
    ("xml", "xml"),
    ("rss", "xml"),
    ("atom", "xml"),
    ("text/plain", "txt"),
    ("pdf", "pdf"),
    ("jpeg", "jpg"),
)
TYPES = {
    "html": "text/html",
    "xml": "application/xml",
    "opml": "text/x-opml",
    "txt": "text/plain",
    "pdf": "application/pdf",
    "jpg": "image/jpeg",
}
_HREF_RE = re.compile(rb"""(?:href|xmlUrl|htmlUrl)\s*=\s*["']([^"'<>\s]+)["']|<link>\s*(http[^<\s]+)\s*</link>""", re.I)


def _ext(content_type: str) -> str | None:
    low = content_type.lower()
    return next((ext for key, ext in EXTENSIONS if key in low), None)


def _trap(host: str) -> bool:
    site = host.removeprefix("www.")
    return any(site == t or site.endswith("." + t) for t in TRAP_SITES)


def render_world(world: World, root: Path, max_paths_per_host: int = 400) -> dict:
    """Write every page reachable from the seeds under `root`; return counts and the redirect map."""
    root = Path(root)
    queue = deque(world.seeds)
    seen_paths: set[tuple[str, str]] = set()
    per_host: dict[str, int] = {}
    redirects: dict[str, str] = {}
    files = bytes_ = 0
    while queue:
        url = queue.popleft()
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        path = parts.path or "/"
        if parts.scheme != "http" or not host or _trap(host) or (host, path) in seen_paths:
            continue
        if per_host.get(host, 0) >= max_paths_per_host:
            continue
        seen_paths.add((host, path))
        per_host[host] = per_host.get(host, 0) + 1
        resp = world.response(f"http://{host}{path}", {})
        if resp.delay or resp.drip or resp.declared_length is not None:
            continue
        if 300 <= resp.status < 400 and resp.headers.get("Location"):
            target = urljoin(url, resp.headers["Location"])
            redirects[f"{host}{path}"] = target
            queue.append(target)
            continue
        ext = _ext(resp.headers.get("Content-Type", ""))
        if resp.status != 200 or ext is None:
            continue
        dest = root / host / unquote(path).strip("/") / f"__.{ext}"
        if ".." in dest.parts:
            continue
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(resp.body)
        files += 1
        bytes_ += len(resp.body)
        if ext in ("html", "xml", "opml"):
            for match in _HREF_RE.finditer(resp.body):
                href = (match.group(1) or match.group(2)).decode("utf-8", "replace")
                queue.append(urljoin(url, href).split("#", 1)[0])
        queue.append(f"http://{host}/robots.txt")
    return {"files": files, "bytes": bytes_, "hosts": len(per_host), "redirects": redirects}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_nginx(nginx: str, config: str, workdir: Path, port: int) -> subprocess.Popen:
    """Start nginx with ``config`` in ``workdir`` and wait until it accepts connections on ``port``."""
    conf = workdir / "nginx.conf"
    conf.write_text(config, encoding="utf-8")
    proc = subprocess.Popen(
        [nginx, "-c", str(conf), "-p", str(workdir)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"nginx exited: {proc.stderr.read().decode(errors='replace')}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return proc
        except OSError:
            time.sleep(0.05)
    proc.kill()
    raise RuntimeError("nginx did not start")


def nginx_preamble(workdir: Path) -> str:
    """The start of an nginx config that runs in the foreground with all its files in `workdir`.

    Opens the ``http`` block; the caller adds its settings and servers and closes it.
    """
    return f"""daemon off;
worker_processes 1;
pid {workdir}/nginx.pid;
error_log {workdir}/error.log error;
events {{ worker_connections 4096; }}
http {{
  access_log off;
  client_body_temp_path {workdir}/body;
  proxy_temp_path {workdir}/proxy;
  fastcgi_temp_path {workdir}/fastcgi;
  uwsgi_temp_path {workdir}/uwsgi;
  scgi_temp_path {workdir}/scgi;"""


def nginx_config(root: Path, workdir: Path, port: int, redirects: dict[str, str]) -> str:
    """One nginx server that serves `root` by Host and path and answers proxy-form requests."""
    types = "\n".join(f"    {mime} {ext};" for ext, mime in TYPES.items())
    redirect_map = "\n".join(
        f'    "{key}" "{value}";' for key, value in sorted(redirects.items()) if '"' not in key + value
    )
    try_files = " ".join(f"/$host$uri/__.{ext}" for ext in TYPES)
    return f"""{nginx_preamble(workdir)}
  types {{
{types}
  }}
  default_type application/octet-stream;
  charset utf-8;
  charset_types text/html application/xml text/plain;
  sendfile on;
  tcp_nodelay on;
  keepalive_requests 1000000;
  keepalive_timeout 120s;
  open_file_cache max=100000 inactive=60s;
  map_hash_bucket_size 256;
  map_hash_max_size 1048576;
  map $host$uri $redirect_to {{
    default "";
{redirect_map}
  }}
  server {{
    listen 127.0.0.1:{port} reuseport;
    server_name _;
    root {root};
    location / {{
      if ($redirect_to) {{ return 301 $redirect_to; }}
      try_files {try_files} =404;
    }}
  }}
}}
"""


class NginxWeb:
    """Serve a rendered world with nginx on a free loopback port (``with NginxWeb(...) as web``)."""

    def __init__(self, root: Path, redirects: dict[str, str], nginx: str = "nginx"):
        self.root, self.redirects, self.nginx = Path(root), redirects, shutil.which(nginx) or nginx
        self.port = 0
        self.proc: subprocess.Popen | None = None
        self._tmp: tempfile.TemporaryDirectory | None = None

    @property
    def proxy_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> NginxWeb:
        self._tmp = tempfile.TemporaryDirectory(prefix="blogscout-nginx-")
        workdir = Path(self._tmp.name)
        self.port = free_port()
        self.proc = start_nginx(
            self.nginx, nginx_config(self.root.resolve(), workdir, self.port, self.redirects), workdir, self.port
        )
        return self

    def pids(self) -> list[int]:
        """nginx master and worker pids (for CPU accounting)."""
        import psutil

        if self.proc is None:
            return []
        master = psutil.Process(self.proc.pid)
        return [master.pid] + [c.pid for c in master.children()]

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
            self.proc = None
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None

    def __enter__(self) -> NginxWeb:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def rendered(world: World, cache: Path | None = None) -> tuple[Path, dict]:
    """Render `world` into `cache` (or a new temp dir); returns (root, render stats).

    A `cache` rendered before for the same world (seed, blogs and date) is reused.
    """
    key = f"{world.seed}|{len(world.blogs)}|{world.today}"
    root = Path(cache) if cache else Path(tempfile.mkdtemp(prefix="blogscout-web-"))
    manifest = root / "render.json"
    if manifest.exists():
        stats = json.loads(manifest.read_text(encoding="utf-8"))
        if stats.get("key") == key:
            return root, stats
    if root.exists() and any(root.iterdir()):
        shutil.rmtree(root)
    root.mkdir(parents=True, exist_ok=True)
    root.chmod(0o755)  # nginx workers run as an unprivileged user
    stats = {**render_world(world, root), "key": key}
    manifest.write_text(json.dumps(stats), encoding="utf-8")
    return root, stats


if __name__ == "__main__":  # quick check: python benchmarks/staticweb.py 200
    import sys

    from crawler.sandbox.world import generate_world

    started = time.perf_counter()
    world = generate_world(seed=1, n_blogs=int(sys.argv[1]) if len(sys.argv) > 1 else 200)
    root, stats = rendered(world)
    print(
        {k: v for k, v in stats.items() if k != "redirects"},
        len(stats["redirects"]),
        "redirects",
        f"{time.perf_counter() - started:.1f} s",
        root,
        os.getpid(),
    )
