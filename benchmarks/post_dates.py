"""Post dates read from real pages: blogscout's extraction against htmldate.

The reference is the date in the page's original permalink (``/2019/08/03/slug``), for the
pages of ``../shared/realpages/html/`` that have one. Both readers get the page under a URL
without a date, and with the dates taken out of every URL path in the HTML (the canonical
link, og:url and internal links repeat the permalink), so they must find the date in the
page's text and markup. blogscout is measured twice: with the
markup dates only (``<time datetime>``, meta and JSON-LD, h-entry) and with dates written as
text (`crawler.extract.signals.text_dates`) as a fallback.

Usage::

    python benchmarks/post_dates.py [--pages DIR]
"""

from __future__ import annotations

import argparse
import csv
import logging
import re
import sys
import time
from pathlib import Path
from unittest import mock
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crawler.extract import page as page_mod  # noqa: E402
from crawler.extract.signals import path_date  # noqa: E402

PAGES = ROOT.parent / "shared" / "realpages"


def reference_dates(pages: Path) -> list[tuple[Path, str]]:
    """(page file, ISO date of its original permalink) for pages with a full date in the URL."""
    out = []
    with open(pages / "html_manifest.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            _, full = path_date(urlsplit(row["url"]).path)
            if full:
                out.append((pages / "html" / row["file"], full))
    return out


_URL_DATE_RE = re.compile(r"/(?:19|20)\d\d/[01]?\d/(?:[0-3]?\d/)?")


def without_url_dates(raw: str) -> str:
    """The page with dates taken out of every URL path in it (canonical, og:url, links)."""
    return _URL_DATE_RE.sub("/", raw)


def blogscout_date(raw: str, text_fallback: bool) -> str:
    """The page's own date as blogscout reads it (published, else its newest post date)."""
    if text_fallback:
        info = page_mod.extract_page(raw, "https://example.org/page", main_text=False)
    else:
        with mock.patch.object(page_mod, "text_dates", lambda root, skip: []):
            info = page_mod.extract_page(raw, "https://example.org/page", main_text=False)
    return info.published or (info.post_dates[0] if info.post_dates else "")


def htmldate_date(raw: str) -> str:
    from htmldate import find_date

    return find_date(raw, original_date=True, extensive_search=False) or ""


def measure(pages: Path) -> list[tuple[str, int, int, int, float]]:
    """(reader, pages, right, wrong, ms per page) of each reader."""
    refs = reference_dates(pages)
    readers = {
        "blogscout, markup dates only": lambda raw: blogscout_date(raw, False),
        "blogscout, with dates in text": lambda raw: blogscout_date(raw, True),
        "htmldate 1.x (original_date, fast)": htmldate_date,
    }
    rows = []
    for name, read in readers.items():
        right = wrong = 0
        started = time.perf_counter()
        for path, expected in refs:
            found = read(without_url_dates(path.read_text(encoding="utf-8", errors="replace")))
            if found == expected:
                right += 1
            elif found:
                wrong += 1
        rows.append((name, len(refs), right, wrong, 1000 * (time.perf_counter() - started) / max(1, len(refs))))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", default=str(PAGES))
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    print("| reader | pages | right | wrong | none | ms/page |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, n, right, wrong, ms in measure(Path(args.pages)):
        print(f"| {name} | {n} | {right} | {wrong} | {n - right - wrong} | {ms:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
