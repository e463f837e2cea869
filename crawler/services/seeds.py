"""Validate seed URLs from arguments and seed files (plain lists or OPML blogrolls)."""

from __future__ import annotations

import re
from pathlib import Path

from crawler.errors import InputError
from crawler.extract.seeds import parse_seed_text
from crawler.extract.textfile import TextFileError, read_text_file
from crawler.extract.urls import canonical_url

_BARE_HOST = re.compile(r"^[\w.-]+\.[a-z]{2,}(/\S*)?$", re.IGNORECASE)


class SeedError(InputError, ValueError):
    """A seed that is not an http(s) URL, or a seed file that cannot be used."""


def normalise_seed(raw: str) -> str:
    """Canonical URL of one seed; a bare host like ``seo-blog.de`` becomes ``https://seo-blog.de/``."""
    text = raw.strip()
    if _BARE_HOST.match(text):
        text = "https://" + text
    url = canonical_url(text)
    if not url:
        raise SeedError(f"seed {raw!r} is not an http(s) URL; give it like https://example-blog.de/")
    return url


def read_seed_file(path: str | Path) -> list[str]:
    """Raw seed strings of a file: OPML, JSON, Markdown/RST link lists, or one URL a line."""
    path = Path(path)
    try:
        text = read_text_file(path)
    except TextFileError as err:
        raise SeedError(f"seeds file {path}: {err}; check the path") from err
    seeds = parse_seed_text(text, path.name)
    if not seeds:
        raise SeedError(f"seeds file {path}: no URLs found; put one URL a line or an OPML blogroll in it")
    return seeds


def check_list_file(path: str | Path, option: str) -> None:
    """Refuse a ``--platforms`` or ``--exclude`` file that cannot be read or is over the size cap."""
    try:
        read_text_file(path)
    except TextFileError as err:
        raise InputError(f"{option} {path}: {err}; check the path") from err


def collect_seeds(urls: list[str], seed_files: list[str]) -> list[str]:
    """All seeds from arguments and files, validated, canonical and de-duplicated in order."""
    seeds = [normalise_seed(s) for s in urls]
    for path in seed_files:
        for raw in read_seed_file(path):
            try:
                seeds.append(normalise_seed(raw))
            except SeedError as err:
                raise SeedError(f"seeds file {path}: {err}") from err
    if not seeds:
        raise SeedError("no seeds: give seed blog URLs as arguments or with --seeds-file")
    return list(dict.fromkeys(seeds))
