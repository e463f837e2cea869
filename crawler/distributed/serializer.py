"""JSON for the shared request queue (``SCHEDULER_SERIALIZER``): a queue entry is data, never code.

scrapy-redis pickles queued requests by default, so whoever can write to the Redis could run code
on every worker. Here a request travels as the dict of `scrapy.Request.to_dict`, in JSON: bytes as
base64, dicts with non-text keys (headers) as pairs, callbacks as names. `loads` refuses what this
crawl does not write: another request class, a callback the spider does not offer, a non-request.
Meta keys that each worker decides itself (its proxy, robots.txt, size limits) are dropped.
"""

from __future__ import annotations

import base64
import binascii
import json

BYTES = "$bytes"
PAIRS = "$pairs"
CALLBACKS = frozenset({"parse_page", "parse_feed", "parse_opml", "on_error"})  # BlogSpider's
WORKER_META = ("proxy", "_auth_proxy", "dont_obey_robotstxt", "download_maxsize", "download_warnsize")


class QueueEntryError(ValueError):
    """A queue entry that is not a request of this crawl."""


def dumps(obj: dict) -> bytes:
    """A `Request.to_dict` dict as JSON bytes."""
    return json.dumps(_encode(obj), separators=(",", ":"), ensure_ascii=False).encode()


def loads(data: bytes | str) -> dict:
    """The request dict a `dumps` entry holds; raises `QueueEntryError` for anything else."""
    try:
        obj = _decode(json.loads(data))
    except (ValueError, TypeError, binascii.Error) as err:  # JSONDecodeError, UnicodeDecodeError included
        raise QueueEntryError(f"not a JSON request ({str(err)[:80]})") from err
    if not isinstance(obj, dict) or not isinstance(obj.get("url"), str):
        raise QueueEntryError("not a request")
    if "_class" in obj:
        raise QueueEntryError(f"request class {str(obj['_class'])[:80]!r} refused")
    for name in ("callback", "errback"):
        if obj.get(name) is not None and obj[name] not in CALLBACKS:
            raise QueueEntryError(f"{name} {str(obj[name])[:80]!r} refused")
    meta = obj.get("meta") or {}
    if not isinstance(meta, dict):
        raise QueueEntryError("meta is not a mapping")
    for key in WORKER_META:
        meta.pop(key, None)
    return obj


def _encode(value):
    if isinstance(value, bytes):
        return {BYTES: base64.b64encode(value).decode("ascii")}
    if isinstance(value, dict):
        if all(isinstance(k, str) for k in value) and not ({BYTES, PAIRS} & value.keys()):
            return {k: _encode(v) for k, v in value.items()}
        return {PAIRS: [[_encode(k), _encode(v)] for k, v in value.items()]}
    if isinstance(value, (list, tuple)):
        return [_encode(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"cannot queue a {type(value).__name__} value")


def _decode(value):
    if isinstance(value, list):
        return [_decode(v) for v in value]
    if not isinstance(value, dict):
        return value
    if value.keys() == {BYTES}:
        return base64.b64decode(value[BYTES], validate=True)
    if value.keys() == {PAIRS}:
        return {_hashable(_decode(k)): _decode(v) for k, v in value[PAIRS]}
    return {k: _decode(v) for k, v in value.items()}


def _hashable(key):
    return tuple(key) if isinstance(key, list) else key
