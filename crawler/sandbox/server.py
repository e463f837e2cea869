"""A loopback HTTP proxy that serves a `World`: clients fetch any sandbox host through it."""

from __future__ import annotations

import logging
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType

from crawler.sandbox.model import HTML, Response
from crawler.sandbox.world import World

log = logging.getLogger(__name__)


class _Handler(BaseHTTPRequestHandler):
    """Answers absolute-form (proxy) and origin-form requests from the world."""

    protocol_version = "HTTP/1.1"
    server: _Server

    def _url(self) -> str:
        if self.path.startswith(("http://", "https://")):
            return self.path
        host = self.headers.get("Host", "")
        return f"http://{host}{self.path}"

    def _answer(self, send_body: bool) -> None:
        url = self._url()
        try:
            resp = self.server.world.response(url, dict(self.headers.items()))
        except Exception:  # a bug in page generation must not kill the connection silently
            log.exception("sandbox failed on %s", url)
            resp = Response(500, {"Content-Type": HTML}, b"<h1>500 Sandbox error</h1>")
        if resp.delay:
            time.sleep(resp.delay)
        self.server.record(self.command, url, resp.status)  # before sending: clients may check at once
        self._send(resp, send_body)

    def _send(self, resp: Response, send_body: bool) -> None:
        self.send_response(resp.status)
        for name, value in resp.headers.items():
            self.send_header(name, value)
        length = len(resp.body) if resp.declared_length is None else resp.declared_length
        self.send_header("Content-Length", str(length))
        self.end_headers()
        if resp.declared_length is not None:
            self.close_connection = True
        if not (send_body and resp.body):
            return
        if not resp.drip:
            self.wfile.write(resp.body)
            return
        for start in range(0, len(resp.body), 16):  # ends with BrokenPipeError when the client gives up
            self.wfile.write(resp.body[start : start + 16])
            self.wfile.flush()
            time.sleep(resp.drip)

    def do_GET(self) -> None:
        self._answer(send_body=True)

    def do_HEAD(self) -> None:
        self._answer(send_body=False)

    def do_CONNECT(self) -> None:
        resp = Response(501, {"Content-Type": HTML}, b"<h1>501 Not Implemented: sandbox is http only</h1>")
        self.server.record("CONNECT", self.path, 501)
        self._send(resp, send_body=True)
        self.close_connection = True

    def _not_allowed(self) -> None:
        resp = Response(405, {"Content-Type": HTML, "Allow": "GET, HEAD"}, b"<h1>405 Method Not Allowed</h1>")
        self.server.record(self.command, self._url(), 405)
        self._send(resp, send_body=True)

    do_POST = do_PUT = do_DELETE = do_OPTIONS = do_PATCH = _not_allowed

    def log_message(self, format: str, *args: object) -> None:
        log.debug("%s - %s", self.address_string(), format % args)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], world: World, owner: SandboxServer):
        super().__init__(address, _Handler)
        self.world = world
        self.record = owner._record

    def handle_error(self, request, client_address) -> None:  # type: ignore[no-untyped-def]
        log.debug("connection error from %s", client_address, exc_info=True)


class SandboxServer:
    """Serve a `World` on a loopback port as an HTTP proxy (``http_proxy=server.proxy_url``).

    >>> from crawler.sandbox import generate_world
    >>> with SandboxServer(generate_world(n_blogs=20)) as server:
    ...     server.proxy_url.startswith("http://127.0.0.1:")
    True
    """

    def __init__(self, world: World, host: str = "127.0.0.1", port: int = 0):
        self.world, self.host, self._port = world, host, port
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._log: list[tuple[str, str, int]] = []

    def _record(self, method: str, url: str, status: int) -> None:
        with self._lock:
            self._log.append((method, url, status))

    def start(self) -> SandboxServer:
        """Bind and serve in a daemon thread; returns self."""
        if self._server is not None:
            return self
        self._server = _Server((self.host, self._port), self.world, self)
        self._thread = threading.Thread(target=self._server.serve_forever, name="sandbox-web", daemon=True)
        self._thread.start()
        log.info("sandbox web on %s", self.proxy_url)
        return self

    def stop(self) -> None:
        """Stop serving and close the socket."""
        if self._server is None:
            return
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server, self._thread = None, None

    @property
    def port(self) -> int:
        """The bound port (after `start`)."""
        if self._server is None:
            raise RuntimeError("server not started")
        return self._server.server_address[1]

    @property
    def proxy_url(self) -> str:
        """``http://127.0.0.1:PORT``, for ``http_proxy``."""
        return f"http://{self.host}:{self.port}"

    @property
    def requests(self) -> list[tuple[str, str, int]]:
        """Snapshot of every request served: (method, url, status), in order."""
        with self._lock:
            return list(self._log)

    def clear_requests(self) -> None:
        """Forget the request log (e.g. between two crawls)."""
        with self._lock:
            self._log.clear()

    def __enter__(self) -> SandboxServer:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()
