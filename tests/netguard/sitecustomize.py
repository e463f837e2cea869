"""Loopback only, for Python subprocesses of the test suite (tests/conftest.py puts this on PYTHONPATH).

A connection to anything but a loopback address or a Unix socket fails with ENETUNREACH, so a crawl
started by a test can never reach the network, whatever it was told to fetch. Twisted connects
through ``connect_ex``, asyncio and redis through ``connect``: both are guarded. An existing
``sitecustomize`` further down ``sys.path`` still runs.
"""

from __future__ import annotations

import errno
import importlib.machinery
import importlib.util
import ipaddress
import os
import socket
import sys

_connect, _connect_ex = socket.socket.connect, socket.socket.connect_ex


def _allowed(sock: socket.socket, address) -> bool:
    """Unix sockets, loopback IP addresses and ``localhost``."""
    if sock.family not in (socket.AF_INET, socket.AF_INET6):
        return True
    host = address[0] if isinstance(address, tuple) and address else address
    if not isinstance(host, str):
        return False
    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.split("%", 1)[0]).is_loopback
    except ValueError:
        return False


def _refusal(address) -> OSError:
    return OSError(errno.ENETUNREACH, f"test suite: connections beyond loopback are blocked ({address!r})")


def _guarded_connect(self, address):
    if not _allowed(self, address):
        raise _refusal(address)
    return _connect(self, address)


def _guarded_connect_ex(self, address):
    if not _allowed(self, address):
        return errno.ENETUNREACH
    return _connect_ex(self, address)


socket.socket.connect = _guarded_connect
socket.socket.connect_ex = _guarded_connect_ex


def _chain() -> None:
    """Run the next ``sitecustomize`` on the path (a distribution's own), as if this one were not here."""
    here = os.path.dirname(os.path.abspath(__file__))
    path = [p for p in sys.path if os.path.abspath(p or ".") != here]
    spec = importlib.machinery.PathFinder.find_spec("sitecustomize", path)
    if spec is not None and spec.loader is not None:
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)


_chain()
