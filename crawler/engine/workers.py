"""Page extraction in worker processes, so the reactor's core only schedules, downloads and stores.

Twisted's reactor runs on one core; extracting a page (parse, link kinds, main text) costs more
CPU than Scrapy spends fetching it. `ExtractionPool` runs `crawler.extract.page.extract_page` (and
the feed parser) in worker processes and hands the result back to the spider as an awaitable,
so a two-core machine parses on one core while the other crawls. Results are the same as
in-process extraction: the same pure function runs on the same bytes.

Each worker is a plain child process (``python -m crawler.engine.workers``) with two pipes: tasks in,
results out, each message a length-prefixed pickle. The crawl process writes and reads them on
its own event loop, without helper threads: with a thread per direction (as in
``concurrent.futures``), every result waited for the busy reactor thread to hand over the GIL,
which held the workers back. A worker ends when its task pipe closes, so a killed crawl leaves
none behind; a worker that dies is replaced by extraction in the crawl process.
"""

from __future__ import annotations

import asyncio
import logging
import os
import pickle
import struct
import subprocess
import sys

from crawler.extract.page import FeedEntry, FeedInfo, PageInfo, extract_page, parse_feed
from crawler.extract.urls import Platforms, canonical_url

log = logging.getLogger(__name__)

_HEADER = struct.Struct("!Q")  # the length of the pickle that follows


def default_workers() -> int:
    """One extraction worker when the machine has a second core, else none (extract in-process)."""
    return 1 if (os.cpu_count() or 1) >= 2 else 0


def _frame(obj) -> bytes:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    return _HEADER.pack(len(data)) + data


MAX_FEED_ENTRIES = 100  # entries of one feed the spider stores


def _run(platforms: Platforms, job: str, args: tuple):
    if job == "page":
        body, url, encoding = args
        return extract_page(body, url, encoding=encoding, platforms=platforms)
    return crawled_feed(*args)


def crawled_feed(body: bytes, url: str) -> FeedInfo:
    """The feed as the spider keeps it: its first entries with a link, their URLs canonical."""
    feed = parse_feed(body, url)
    feed.entries = [
        FeedEntry(canonical_url(e.url) or e.url, e.title, e.published) for e in feed.entries[:MAX_FEED_ENTRIES] if e.url
    ]
    return feed


class _Results(asyncio.Protocol):
    """Reads a worker's result pipe and resolves the futures waiting for them."""

    def __init__(self, worker: _Worker):
        self.worker = worker
        self.buffer = bytearray()

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while len(self.buffer) >= _HEADER.size:
            (size,) = _HEADER.unpack_from(self.buffer)
            end = _HEADER.size + size
            if len(self.buffer) < end:
                return
            task, ok, value = pickle.loads(self.buffer[_HEADER.size : end])
            del self.buffer[:end]
            self.worker.resolve(task, ok, value)

    def connection_lost(self, exc) -> None:
        self.worker.lost()


class _Worker:
    """One worker process and the tasks it has not answered yet."""

    def __init__(self, platforms: Platforms):
        task_read, self.task_fd = os.pipe()
        self.result_fd, result_write = os.pipe()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "crawler.engine.workers", str(task_read), str(result_write)],
            pass_fds=(task_read, result_write),
            stdin=subprocess.DEVNULL,
        )
        os.close(task_read)
        os.close(result_write)
        self.pending: dict[int, tuple[asyncio.Future, str, tuple]] = {}
        self.writer: asyncio.WriteTransport | None = None
        self.reader: asyncio.ReadTransport | None = None
        self.alive = True
        self._connecting: asyncio.Future | None = None
        self._first = _frame(platforms)  # sent before the first task

    async def connect(self) -> None:
        """Attach both pipes to the running event loop (once)."""
        if self._connecting is None:
            loop = asyncio.get_running_loop()
            self._connecting = loop.create_future()
            try:
                self.writer, _ = await loop.connect_write_pipe(asyncio.BaseProtocol, os.fdopen(self.task_fd, "wb", 0))
                self.reader, _ = await loop.connect_read_pipe(
                    lambda: _Results(self), os.fdopen(self.result_fd, "rb", 0)
                )
                self.writer.write(self._first)
            except BaseException as err:
                self.alive = False
                self._connecting.set_exception(err)
                raise
            self._connecting.set_result(None)
        await asyncio.shield(self._connecting)

    def submit(self, task: int, job: str, args: tuple) -> asyncio.Future:
        future = asyncio.get_running_loop().create_future()
        self.pending[task] = (future, job, args)
        self.writer.write(_frame((task, job, args)))
        return future

    def resolve(self, task: int, ok: bool, value) -> None:
        future, _, _ = self.pending.pop(task, (None, None, None))
        if future is None or future.done():
            return
        if ok:
            future.set_result(value)
        else:
            future.set_exception(value)

    def lost(self) -> None:
        """The worker's result pipe closed: mark it dead; its unanswered tasks are redone by the pool."""
        self.alive = False
        for future, _, _ in list(self.pending.values()):
            if not future.done():
                future.set_exception(_WorkerLost())

    def close(self, timeout: float = 5.0) -> None:
        """Close the task pipe now (not on a later turn of the loop) and wait for the worker to end."""
        self.alive = False
        if self.writer is not None:
            for transport in (self.writer, self.reader):
                _shut(transport)
        else:
            for fd in (self.task_fd, self.result_fd):
                try:
                    os.close(fd)
                except OSError:
                    pass
        try:
            self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def _shut(transport) -> None:
    """Close a pipe transport's file now: the loop would only close it on a later turn (or is gone)."""
    if transport is None:
        return
    pipe = transport.get_extra_info("pipe")
    if not transport.is_closing():
        try:
            getattr(transport, "abort", transport.close)()  # unregisters the pipe from the loop
        except RuntimeError:  # the loop is closed already
            pass
    pipe.close()


class _WorkerLost(Exception):
    """A worker died with the task unanswered."""


class ExtractionPool:
    """`extract_page` in `workers` processes; ``workers=0`` extracts in the calling process.

    >>> import asyncio
    >>> pool = ExtractionPool(0, Platforms.load())
    >>> asyncio.run(pool.extract(b"<title>Hi</title><a href='/x'>x</a>", "http://a.de/", None)).title
    'Hi'
    >>> pool.close()
    """

    def __init__(self, workers: int, platforms: Platforms):
        self.workers = max(0, int(workers))
        self.platforms = platforms
        self._pool: list[_Worker] = []
        self._tasks = 0

    def start(self) -> ExtractionPool:
        """Start the workers (they import the extractors while the crawl starts up)."""
        if self.workers and not self._pool:
            self._pool = [_Worker(self.platforms) for _ in range(self.workers)]
        return self

    async def extract(self, body: bytes, url: str, encoding: str | None) -> PageInfo:
        """The page's `PageInfo`, from a worker when there is one."""
        return await self._submit("page", (body, url, encoding))

    async def feed(self, body: bytes, url: str) -> FeedInfo:
        """The feed's `FeedInfo` as `crawled_feed` returns it, from a worker when there is one."""
        return await self._submit("feed", (body, url))

    async def _submit(self, job: str, args: tuple):
        worker = min((w for w in self._pool if w.alive), key=lambda w: len(w.pending), default=None)
        if worker is not None:
            try:
                await worker.connect()
                self._tasks += 1
                return await worker.submit(self._tasks, job, args)
            except (_WorkerLost, OSError) as err:
                log.warning(
                    "extraction worker %s ended (%s); extracting in the crawl process instead",
                    worker.proc.pid,
                    type(err).__name__,
                )
                worker.alive = False
        return _run(self.platforms, job, args)

    def close(self) -> None:
        """Stop the workers."""
        for worker in self._pool:
            worker.close()
        self._pool = []


# -- the worker process --------------------------------------------------------------------------


def _read_exact(stream, size: int) -> bytes | None:
    data = stream.read(size)
    return data if data is not None and len(data) == size else None


def _serve(task_fd: int, result_fd: int) -> None:
    """Answer tasks until the task pipe closes (the crawl ended or was killed)."""
    tasks = os.fdopen(task_fd, "rb")
    results = os.fdopen(result_fd, "wb")
    platforms = None
    while True:
        header = _read_exact(tasks, _HEADER.size)
        if header is None:
            return
        message = _read_exact(tasks, _HEADER.unpack(header)[0])
        if message is None:
            return
        if platforms is None:
            platforms = pickle.loads(message)
            continue
        task, job, args = pickle.loads(message)
        try:
            answer = (task, True, _run(platforms, job, args))
        except Exception as err:  # the spider sees the error as in-process extraction would raise it
            answer = (task, False, err)
        try:
            frame = _frame(answer)
        except Exception as err:
            frame = _frame((task, False, RuntimeError(f"{type(err).__name__}: {err}")))
        try:
            results.write(frame)
            results.flush()
        except BrokenPipeError:
            return


if __name__ == "__main__":
    _serve(int(sys.argv[1]), int(sys.argv[2]))
