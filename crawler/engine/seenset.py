"""A set of URLs (or any strings) that keeps 8 bytes a member, most of them in a file.

A crawl of hundreds of thousands of pages remembers every URL it has scheduled; as Python
strings in a set that is ~150 bytes a URL, and Scrapy's duplicate filter keeps another ~130 bytes
a request. `SeenSet` stores a 64-bit hash of each member instead: new members go to a small
in-memory set; when it fills up they are merged into one sorted array of hashes in a temporary
file that is memory-mapped, so the operating system keeps in RAM only the pages lookups touch
and can drop them under pressure. Lookups are a set probe plus a binary search.

Two different URLs share a 64-bit hash with probability ~n²/2⁶⁵ (3·10⁻⁸ for a million URLs):
the crawl would then skip one page.

>>> seen = SeenSet(buffer=2)
>>> seen.update(["http://a.de/", "http://b.de/", "http://c.de/"])
>>> "http://b.de/" in seen, "http://d.de/" in seen, len(seen)
(True, False, 3)
>>> seen.close()
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterable

import numpy as np

DEFAULT_BUFFER = 50_000


def url_hash(value: str | bytes) -> int:
    """The 64-bit hash a member (text or bytes) is stored as."""
    data = value.encode("utf-8", "surrogatepass") if isinstance(value, str) else bytes(value)
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little")


class SeenSet:
    """Add-only set of strings or bytes: ``add``, ``update``, ``in``, ``len``; ~8 bytes a member, on disk.

    `buffer` members are kept in RAM (~70 bytes each) before being merged into the file in
    `directory` (a new temporary directory by default; removed by `close`).
    """

    def __init__(self, buffer: int = DEFAULT_BUFFER, directory: str | os.PathLike | None = None):
        self.buffer = max(1, int(buffer))
        self._recent: set[int] = set()
        self._sorted = np.empty(0, dtype=np.uint64)
        self._tmp: tempfile.TemporaryDirectory | None = None
        self._dir = directory
        self._generation = 0
        self._path: str | None = None

    def __contains__(self, value: object) -> bool:
        return isinstance(value, (str, bytes)) and self._has(url_hash(value))

    def _has(self, key: int) -> bool:
        if key in self._recent:
            return True
        arr = self._sorted
        if not len(arr):
            return False
        i = int(arr.searchsorted(np.uint64(key)))
        return i < len(arr) and int(arr[i]) == key

    def add(self, value: str | bytes) -> None:
        """Remember `value`."""
        key = url_hash(value)
        if self._has(key):
            return
        self._recent.add(key)
        if len(self._recent) >= self.buffer:
            self._merge()

    def update(self, values: Iterable[str | bytes]) -> None:
        """Remember every value."""
        for value in values:
            self.add(value)

    def __len__(self) -> int:
        return len(self._recent) + len(self._sorted)

    def _directory(self) -> str:
        if self._dir is not None:
            return os.fspath(self._dir)
        if self._tmp is None:
            self._tmp = tempfile.TemporaryDirectory(prefix="blogscout-seen-")
        return self._tmp.name

    def _merge(self) -> None:
        """Move the in-memory hashes into the sorted file."""
        recent = np.fromiter(self._recent, dtype=np.uint64, count=len(self._recent))
        merged = np.union1d(self._sorted, recent)  # sorted, unique
        self._generation += 1
        path = os.path.join(self._directory(), f"seen-{os.getpid()}-{id(self)}-{self._generation}.u64")
        out = np.lib.format.open_memmap(path, mode="w+", dtype=np.uint64, shape=merged.shape)
        out[:] = merged
        out.flush()
        del merged, out
        old = self._path
        self._sorted = np.load(path, mmap_mode="r")
        self._path = path
        self._recent = set()
        if old:
            os.unlink(old)

    def close(self) -> None:
        """Forget everything and remove the file."""
        self._recent = set()
        self._sorted = np.empty(0, dtype=np.uint64)
        if self._path and os.path.exists(self._path):
            os.unlink(self._path)
        self._path = None
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None
