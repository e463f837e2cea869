"""Publication dates of 412 real pages: blogscout's page extraction against htmldate.

The pages and their dates come from ``../shared/realdates/`` (htmldate's evaluation pages:
news sites, blogs, institutional pages, about half German; see its MANIFEST.md). blogscout
reads each page with `crawler.extract.page.extract_page` (``PageInfo.published``) twice: under
the page's own URL, as a crawl sees it, and under a neutral URL without a date
(``https://example.org/page``), the way htmldate's reference figures are taken (no URL).
htmldate gets the HTML string only, never a URL (it would not fetch, but stays comparable).

A third blogscout row switches its htmldate fallback off (own reading of URL, markup and
text dates only): the difference in ms is what the fallback costs.

Right = the exact day; wrong = another day; missing = no date. Time is per page, each reader
in a fresh process, and for blogscout covers all of its page extraction (links, contacts,
language, dates; no main text), not only the date.

Usage::

    python benchmarks/realdates.py [--pages DIR] [--write benchmarks/RESULTS.md]
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import multiprocessing
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crawler.extract import page as page_mod  # noqa: E402
from crawler.extract.page import extract_page  # noqa: E402

PAGES = ROOT.parent / "shared" / "realdates"
NEUTRAL_URL = "https://example.org/page"
SECTION = "## Publication dates of real pages (realdates)"
NOTE = (
    "`PageInfo.published` of 412 pages of `../shared/realdates/` (news, blogs, institutions; about half\n"
    "German) against their known dates. blogscout reads the permalink, meta tags and JSON-LD, the one\n"
    "date in the markup, then the date written by the headline (bylines, page-builder meta lines);\n"
    "only when all of these find nothing does htmldate's extensive search run (offline, on the parsed\n"
    "tree, comment sections removed). Home pages get no date of their own. blogscout's time covers its\n"
    "whole page extraction (links, contacts, language, dates; no main text); each reader runs in a\n"
    "fresh process."
)


def load(pages: Path) -> list[tuple[str, str, str]]:
    """(html, URL, gold date) of every page listed in ``gold.json``."""
    gold = json.loads((pages / "gold.json").read_text(encoding="utf-8"))
    out = []
    for name, entry in sorted(gold.items()):
        raw = gzip.decompress((pages / "pages" / name).read_bytes()).decode("utf-8", errors="replace")
        out.append((raw, entry["url"], entry["date"]))
    return out


def _htmldate(extensive: bool) -> Callable[[str, str], str]:
    from htmldate import find_date

    def read(raw: str, url: str) -> str:
        return find_date(raw, original_date=True, extensive_search=extensive) or ""

    return read


def _own_only(raw: str, url: str) -> str:
    """blogscout without its htmldate fallback: markup, URL and text dates only."""
    with mock.patch.object(page_mod, "htmldate_date", lambda root, comments: ""):
        return extract_page(raw, url, main_text=False).published


def readers() -> dict[str, Callable[[str, str], str]]:
    """Each reader by name: (html, gold URL) -> ISO date or ''."""
    return {
        "blogscout own reading only, page URL given": _own_only,
        "blogscout, page URL given": lambda raw, url: extract_page(raw, url, main_text=False).published,
        "blogscout, no URL": lambda raw, url: extract_page(raw, NEUTRAL_URL, main_text=False).published,
        "htmldate 1.x fast (no URL)": _htmldate(False),
        "htmldate 1.x extensive (no URL)": _htmldate(True),
    }


def _measure_one(name: str, pages: Path) -> tuple[str, int, int, int, int, float]:
    """(reader, pages, right, wrong, missing, ms per page) of one reader."""
    docs = load(pages)
    read = readers()[name]
    read(*docs[0][:2])  # imports and first-use set-up outside the clock
    right = wrong = 0
    started = time.perf_counter()
    for raw, url, expected in docs:
        found = read(raw, url)
        if found == expected:
            right += 1
        elif found:
            wrong += 1
    ms = 1000 * (time.perf_counter() - started) / max(1, len(docs))
    return name, len(docs), right, wrong, len(docs) - right - wrong, ms


def measure(pages: Path) -> list[tuple[str, int, int, int, int, float]]:
    """Each reader in a fresh process, one after the other (no reader warms another's caches)."""
    spawn = multiprocessing.get_context("spawn")
    rows = []
    for name in readers():
        with ProcessPoolExecutor(max_workers=1, mp_context=spawn) as pool:
            rows.append(pool.submit(_measure_one, name, pages).result())
    return rows


def table(rows: list[tuple[str, int, int, int, int, float]]) -> str:
    lines = ["| reader | pages | right | share | wrong | missing | ms/page |", "|---|---:|---:|---:|---:|---:|---:|"]
    for name, n, right, wrong, missing, ms in rows:
        lines.append(f"| {name} | {n} | {right} | {right / max(1, n):.3f} | {wrong} | {missing} | {ms:.1f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", default=str(PAGES))
    parser.add_argument("--write", help="append the table to this RESULTS.md")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    text = table(measure(Path(args.pages)))
    print(text)
    if args.write:
        with open(args.write, "a", encoding="utf-8") as fh:
            fh.write(f"\n{SECTION}\n\nReproduce: `python benchmarks/realdates.py --write benchmarks/RESULTS.md`\n\n")
            fh.write(NOTE + "\n\n" + text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
