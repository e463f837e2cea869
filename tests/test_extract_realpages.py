"""Real pages, feeds and blogrolls from the shared corpus against hand-written expectations."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from crawler.defaults import ENVIRONMENT
from crawler.extract.page import extract_page, parse_feed, parse_opml, parse_seed_text

REPO = Path(__file__).resolve().parent.parent
REALPAGES = REPO / os.environ.get("BLOGSCOUT_REALPAGES", ENVIRONMENT["BLOGSCOUT_REALPAGES"].default)
EXPECTED = json.loads((REPO / "tests" / "corpus" / "realpages.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def corpus() -> Path:
    if not REALPAGES.is_dir():
        pytest.skip(f"real-page corpus not present at {REALPAGES}")
    return REALPAGES


def _ids(cases: list[dict]) -> list[str]:
    return [case["file"] for case in cases]


@pytest.mark.parametrize("case", EXPECTED["html"], ids=_ids(EXPECTED["html"]))
def test_real_page(corpus, case):
    info = extract_page((corpus / "html" / case["file"]).read_bytes(), case["url"])
    pairs = {(link.url, link.kind) for link in info.links}
    for field in ("language", "generator", "page_kind", "published", "is_blog"):
        if field in case:
            assert getattr(info, field) == case[field], field
    for field in ("feeds", "impressum_urls", "contact_urls", "social", "emails"):
        for url in case.get(field, []):
            assert url in getattr(info, field), (field, url)
    for url, kind in case.get("links", []):
        assert (url, kind) in pairs, (url, kind)
    for url, kind in case.get("not_links", []):
        assert (url, kind) not in pairs, (url, kind)
    for prefix, kind in case.get("not_kind_prefix", []):
        assert not any(u.startswith(prefix) and k == kind for u, k in pairs), (prefix, kind)
    for kind, minimum in case.get("min_kind", {}).items():
        assert sum(1 for link in info.links if link.kind == kind) >= minimum, kind
    for url, rel in case.get("rels", []):
        assert any(link.url == url and link.rel == rel for link in info.links), (url, rel)
    for url in case.get("not_posts", []):
        assert url not in info.post_urls
    for email in case.get("emails_absent", []):
        assert email not in info.emails
    for snippet in case.get("text_contains", []):
        assert snippet in info.text
    for snippet in case.get("text_not_contains", []):
        assert snippet not in info.text


@pytest.mark.parametrize("case", EXPECTED["feeds"], ids=_ids(EXPECTED["feeds"]))
def test_real_feed(corpus, case):
    feed = parse_feed((corpus / "feeds" / case["file"]).read_bytes(), case["url"])
    assert feed.title == case["title"]
    assert feed.site_url == case["site_url"]
    assert len(feed.entries) == case["entries"]
    dates = [e.published for e in feed.entries if e.published]
    assert dates == sorted(dates, reverse=True)
    if "first_published" in case:
        assert feed.entries[0].published == case["first_published"]


@pytest.mark.parametrize("case", EXPECTED["blogrolls"], ids=_ids(EXPECTED["blogrolls"]))
def test_real_blogroll(corpus, case):
    path = corpus / "blogrolls" / case["file"]
    if "opml_entries" in case:
        entries = parse_opml(path.read_bytes())
        assert len(entries) == case["opml_entries"]
        assert all(e.html_url or e.xml_url for e in entries)
    urls = parse_seed_text(path.read_text(encoding="utf-8"), path.name)
    if "seeds" in case:
        assert len(urls) == case["seeds"]
    if "min_seeds" in case:
        assert len(urls) >= case["min_seeds"]
    for url in case["include"]:
        assert url in urls


def test_every_real_page_extracts_without_error(corpus):
    for path in sorted((corpus / "html").glob("*.htm*")):
        info = extract_page(path.read_bytes(), "https://example.org/x/", main_text=False)
        assert info.links, path.name
