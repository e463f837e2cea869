"""Serve a generated blogosphere on loopback as an HTTP proxy (absolute-form requests).

    python benchmarks/blind/serve.py            # prints http_proxy=http://127.0.0.1:PORT, Ctrl-C ends

Clients set ``http_proxy`` to the printed address and fetch ``http://host/path`` as usual.
"""

from __future__ import annotations

import sys
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

from world_kontor import World, build_world


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def _target(self) -> tuple[str, str]:
        if self.path.startswith(("http://", "https://")):
            parts = urlsplit(self.path)
            host = parts.hostname or ""
            path = parts.path or "/"
        else:
            host = self.headers.get("Host", "").split(":")[0]
            parts = urlsplit(self.path)
            path = parts.path or "/"
        if parts.query:
            path += "?" + parts.query
        return host.lower(), path

    def _answer(self, send_body: bool) -> None:
        host, path = self._target()
        status, headers, body = self.server.world.response(host, path)
        self.server.count(status)
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def do_GET(self) -> None:
        self._answer(True)

    def do_HEAD(self) -> None:
        self._answer(False)

    def do_CONNECT(self) -> None:
        self.send_response(501)
        self.send_header("Content-Length", "0")
        self.end_headers()
        self.close_connection = True

    def log_message(self, format: str, *args: object) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, world: World):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.world = world
        self.statuses: Counter[int] = Counter()
        self._lock = threading.Lock()

    def count(self, status: int) -> None:
        with self._lock:
            self.statuses[status] += 1


class WorldProxy:
    """``with WorldProxy(world) as proxy: ... proxy.url``"""

    def __init__(self, world: World):
        self.world = world
        self.server: _Server | None = None
        self.thread: threading.Thread | None = None

    def __enter__(self) -> WorldProxy:
        self.server = _Server(self.world)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        assert self.server is not None
        self.server.shutdown()
        self.server.server_close()

    @property
    def url(self) -> str:
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    @property
    def statuses(self) -> Counter[int]:
        assert self.server is not None
        return Counter(self.server.statuses)


def main() -> int:
    world = build_world()
    with WorldProxy(world) as proxy:
        print(f"http_proxy={proxy.url}", flush=True)
        print("seeds:", " ".join(world.seeds), flush=True)
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
