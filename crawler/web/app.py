"""``blogscout serve``: Datasette with the blogscout plugin over one project database."""

from __future__ import annotations

import logging
import socket
from collections.abc import Callable
from pathlib import Path

from crawler.errors import InputError
from crawler.services.report import check_database
from crawler.web.render import TEMPLATES
from crawler.web.security import LOCAL_NAMES

log = logging.getLogger(__name__)


def check_host(host: str, allow_remote: bool) -> bool:
    """Whether ``host`` is beyond this machine; `InputError` unless that was asked for."""
    remote = host.strip("[]").lower() not in LOCAL_NAMES
    if remote and not allow_remote:
        raise InputError(
            f"--host {host}: the app has no login and would be open to the network; "
            "add --allow-remote if you mean it, or leave out --host"
        )
    return remote


def make_datasette(db_path: str | Path, *, host: str = "127.0.0.1", lang: str = "en"):
    """A Datasette over ``db_path`` (opened read-only by its views) with the blogscout plugin."""
    from datasette.app import Datasette
    from datasette.plugins import pm

    from crawler.web import plugin

    if pm.get_plugin("blogscout") is None:
        pm.register(plugin, name="blogscout")
    metadata = {
        "title": "blogscout",
        "plugins": {"blogscout": {"db": str(Path(db_path).resolve()), "lang": lang, "hosts": [host]}},
    }
    return Datasette(
        files=[str(db_path)],
        metadata=metadata,
        template_dir=str(TEMPLATES),
        settings={"default_page_size": 50, "suggest_facets": True},
    )


def serve(
    db_path: str | Path,
    *,
    host: str = "127.0.0.1",
    port: int = 8765,
    lang: str = "en",
    on_ready: Callable[[str], None] | None = None,
) -> None:
    """Serve the app until interrupted; ``on_ready`` gets the URL once the port is bound."""
    import uvicorn

    check_database(db_path)
    datasette = make_datasette(db_path, host=host, lang=lang)
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
    shown = f"[{host.strip('[]')}]" if family == socket.AF_INET6 else host
    if on_ready:
        on_ready(f"http://{shown}:{bound}/")
    config = uvicorn.Config(datasette.app(), log_level="warning", lifespan="on", access_log=False)
    uvicorn.Server(config).run(sockets=[sock])
