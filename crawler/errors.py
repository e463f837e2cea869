"""The named errors of blogscout: one base class that the command line (and the web app) catch.

Each layer raises its own subclass where the problem is found (`crawler.storage.db.DatabaseError`,
`crawler.storage.lock.LockedError`, `crawler.services.seeds.SeedError`, ...); the message names
the input and the fix, and only the front end turns it into ``Error: ...``.
"""

from __future__ import annotations


class BlogscoutError(Exception):
    """A problem the user can fix; the message says which input and how."""


class InputError(BlogscoutError):
    """An option value or input file that cannot be used."""


class OutputError(BlogscoutError):
    """An output path that cannot be written."""


class NotStoredError(BlogscoutError):
    """The database lacks what was asked for (a crawl to resume or repeat, a ranking to compare)."""
