"""Scrapy's duplicate filter with its request fingerprints kept in a `crawler.engine.seenset.SeenSet`.

Scrapy's `RFPDupeFilter` keeps every request's 20-byte fingerprint in a Python set (~100 bytes a
request, for the whole crawl). The spider already skips URLs it has scheduled before, so the
filter mostly catches redirect targets; this one keeps 8 bytes a fingerprint, in a file.
With ``JOBDIR`` the fingerprints are still appended to ``requests.seen`` as Scrapy does.
"""

from __future__ import annotations

from scrapy.dupefilters import RFPDupeFilter

from crawler.engine.seenset import SeenSet


class CompactDupeFilter(RFPDupeFilter):
    """`RFPDupeFilter` with a compact, disk-backed fingerprint set."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        loaded = self._fingerprints
        self._fingerprints = SeenSet()
        self._fingerprints.update(loaded)

    def close(self, reason: str) -> None:
        super().close(reason)
        self._fingerprints.close()
