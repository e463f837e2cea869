"""``blogscout serve``: Datasette with the blogscout plugin over one project database."""

from __future__ import annotations

import logging
import socket
from collections.abc import Callable, Sequence
from pathlib import Path

from crawler.errors import InputError
from crawler.services.report import check_database
from crawler.web.render import TEMPLATES
from crawler.web.security import LOCAL_NAMES, TOKEN_PARAM, GuardMiddleware, new_token

log = logging.getLogger(__name__)

WILDCARDS = ("0.0.0.0", "::")


def check_host(host: str, allow_remote: bool, allowed_hosts: Sequence[str] = ()) -> bool:
    """Whether ``host`` is beyond this machine; `InputError` unless that was asked for."""
    remote = host.strip("[]").lower() not in LOCAL_NAMES
    if remote and not allow_remote:
        raise InputError(
            f"--host {host}: the app would be open to the network; "
            "add --allow-remote (it then asks for an access token), or leave out --host"
        )
    if allowed_hosts and not allow_remote:
        raise InputError(f"--allowed-host {allowed_hosts[0]}: serving to other names needs --allow-remote too")
    for name in allowed_hosts:
        if not name.strip("[]") or any(c in name for c in "/*@ \t"):
            raise InputError(f"--allowed-host {name!r}: give a host name or address, e.g. blogscout.example.org")
    if allow_remote and host.strip("[]") in WILDCARDS and not allowed_hosts:
        raise InputError(f"--host {host}: add --allowed-host with the name or address people will type")
    return remote


def make_datasette(db_path: str | Path, *, lang: str = "en", allow_sql: bool = False, left_out: Sequence[str] = ()):
    """A Datasette over ``db_path`` (opened read-only by its views) with the blogscout plugin.

    Arbitrary SQL (``?sql=``, custom ``_where=`` filters) is off unless ``allow_sql``; the sites
    ``left_out`` (the user's own blog, excluded sites) are not in the partner list.
    """
    from datasette.app import Datasette
    from datasette.plugins import pm

    from crawler.web import plugin

    if pm.get_plugin("blogscout") is None:
        pm.register(plugin, name="blogscout")
    config = {"db": str(Path(db_path).resolve()), "lang": lang, "left_out": sorted(left_out)}
    metadata = {"title": "blogscout", "plugins": {"blogscout": config}}
    return Datasette(
        files=[str(db_path)],
        metadata=metadata,
        template_dir=str(TEMPLATES),
        settings={"default_page_size": 50, "suggest_facets": True, "default_allow_sql": allow_sql},
    )


def make_app(
    db_path: str | Path,
    *,
    hosts: Sequence[str] = (),
    token: str | None = None,
    lang: str = "en",
    allow_sql: bool = False,
    left_out: Sequence[str] = (),
):
    """The ASGI app: the Datasette of `make_datasette` behind the request guard.

    ``hosts`` are names the app answers to besides the loopback ones; with ``token`` every
    request needs it (as ``?token=`` once, then as a cookie).
    """
    app = make_datasette(db_path, lang=lang, allow_sql=allow_sql, left_out=left_out).app()
    return GuardMiddleware(app, hosts, token=token)


def serve(
    db_path: str | Path,
    *,
    host: str = "127.0.0.1",
    port: int = 8765,
    lang: str = "en",
    allow_remote: bool = False,
    allowed_hosts: Sequence[str] = (),
    allow_sql: bool = False,
    on_ready: Callable[[str], None] | None = None,
    left_out: Sequence[str] = (),
) -> None:
    """Serve the app until interrupted; ``on_ready`` gets the URL once the port is bound.

    With ``allow_remote`` the app asks for a random access token, part of the URL given to ``on_ready``.
    """
    import uvicorn

    check_database(db_path)
    token = new_token() if allow_remote else None
    app = make_app(
        db_path, hosts=[host, *allowed_hosts], token=token, lang=lang, allow_sql=allow_sql, left_out=left_out
    )
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host.strip("[]"), port))
    except OSError as err:
        sock.close()
        raise InputError(f"--port {port} on {host}: cannot listen ({err.strerror}); pass another --port") from err
    sock.listen(64)
    bound = sock.getsockname()[1]
    name = (allowed_hosts[0] if allowed_hosts and host.strip("[]") in WILDCARDS else host).strip("[]")
    shown = f"[{name}]" if ":" in name else name
    if on_ready:
        on_ready(f"http://{shown}:{bound}/" + (f"?{TOKEN_PARAM}={token}" if token else ""))
    config = uvicorn.Config(app, log_level="warning", lifespan="on", access_log=False)
    uvicorn.Server(config).run(sockets=[sock])
