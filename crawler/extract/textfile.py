"""Text files the user hands over (seed lists, platform and exclude lists): read with a size cap,
decoded whatever editor wrote them (UTF-8, UTF-8 or UTF-16 with a byte-order mark, Latin-1)."""

from __future__ import annotations

import codecs
from pathlib import Path

MAX_USER_FILE = 10 * 1024 * 1024
"""Bytes read of a user's list file at most (a seed list of 10 MB holds ~200,000 URLs)."""

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class TextFileError(ValueError):
    """A user file that cannot be read: missing, unreadable, a directory, or over the size cap."""


def decode_text(data: bytes) -> str:
    """Text of a file: by its byte-order mark, else UTF-8, else Windows-1252/Latin-1.

    >>> decode_text("Müller".encode("utf-16")), decode_text("Müller".encode("latin-1"))
    ('Müller', 'Müller')
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    for codec in ("utf-8", "cp1252"):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def read_text_file(path: str | Path, limit: int = MAX_USER_FILE) -> str:
    """The decoded text of a user's file, at most ``limit`` bytes; `TextFileError` otherwise."""
    try:
        with open(path, "rb") as fh:
            data = fh.read(limit + 1)
    except OSError as err:
        raise TextFileError(f"cannot read it ({err.strerror or err})") from err
    if len(data) > limit:
        raise TextFileError(f"larger than {limit // (1024 * 1024)} MB; pass a smaller list")
    return decode_text(data)
