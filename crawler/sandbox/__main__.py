"""Run the sandbox web in the foreground: ``python -m crawler.sandbox --seed 0 --blogs 40``.

Prints the proxy URL (and writes it to --port-file), then serves until SIGTERM or SIGINT.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import signal
import sys
from pathlib import Path

from crawler.sandbox.server import SandboxServer
from crawler.sandbox.world import LANGS, generate_world


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m crawler.sandbox",
        description="Serve a generated blogosphere as a loopback HTTP proxy.",
        epilog="Example: python -m crawler.sandbox --seed 0 --blogs 40 --port-file /tmp/sandbox.url",
    )
    parser.add_argument("--seed", type=int, default=0, help="world seed (default 0)")
    parser.add_argument("--blogs", type=int, default=40, help="number of blogs (default 40)")
    parser.add_argument("--langs", default=",".join(LANGS), help="comma-separated languages (default de,en)")
    parser.add_argument(
        "--today",
        type=dt.date.fromisoformat,
        default=None,
        help="date the world is generated for, YYYY-MM-DD (default: today)",
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=0, help="port to bind (default 0: any free port)")
    parser.add_argument("--port-file", type=Path, help="write the proxy URL to this file once serving")
    parser.add_argument("-v", "--verbose", action="store_true", help="log every request to stderr")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(asctime)s %(name)s %(levelname)s %(message)s",
    )
    try:
        world = generate_world(args.seed, args.blogs, tuple(args.langs.split(",")), args.today)
    except ValueError as err:
        print(f"Error: {err}", file=sys.stderr)
        return 1
    stop_signals = {signal.SIGINT, signal.SIGTERM}
    signal.pthread_sigmask(signal.SIG_BLOCK, stop_signals)  # threads inherit the mask
    server = SandboxServer(world, host=args.host, port=args.port).start()
    try:
        if args.port_file:
            tmp = args.port_file.with_name(args.port_file.name + ".tmp")
            tmp.write_text(server.proxy_url + "\n", encoding="utf-8")
            os.replace(tmp, args.port_file)
        print(server.proxy_url, flush=True)
        signal.sigwait(stop_signals)
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
