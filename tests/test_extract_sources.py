"""Links that name where a republished post first appeared: the `source` link kind."""

from __future__ import annotations

import pytest

from crawler.extract.page import extract_page


def kinds(html: str, url: str = "https://planet-marketing.de/anna-redaktionsplan/") -> dict[str, str]:
    return {link.url: link.kind for link in extract_page(html.encode(), url).links}


def page(body: str, head: str = "") -> str:
    return f"<html><head><title>Beitrag</title>{head}</head><body><article><p>Text.</p>{body}</article></body></html>"


@pytest.mark.parametrize(
    "line",
    [
        '<p>Dieser Beitrag erschien zuerst auf <a href="https://anna.de/plan/">Annas Blog</a>.</p>',
        '<p><em>Zuerst erschienen bei <a href="https://anna.de/plan/">anna.de</a></em></p>',
        '<p>Der Artikel ist ursprünglich erschienen auf <a href="https://anna.de/plan/">Anna</a></p>',
        '<footer>Originally published on <a href="https://anna.de/plan/">Anna\'s blog</a></footer>',
        '<p>This post first appeared on <a href="https://anna.de/plan/">anna.de</a>.</p>',
        '<p>Zum <a href="https://anna.de/plan/">Originalbeitrag</a></p>',
    ],
)
def test_attribution_line_makes_a_source_link(line):
    assert kinds(page(line))["https://anna.de/plan/"] == "source"


def test_only_the_attributed_link_is_a_source():
    html = page(
        '<p>Dieser Beitrag erschien zuerst auf <a href="https://anna.de/plan/">Annas Blog</a>.</p>'
        '<p>Mehr zum Thema bei <a href="https://ben.de/">Ben</a>.</p>'
    )
    found = kinds(html)
    assert found["https://anna.de/plan/"] == "source" and found["https://ben.de/"] == "content"


def test_canonical_on_another_site_is_a_source_and_on_its_own_site_is_not():
    other = kinds(page("", '<link rel="canonical" href="https://anna.de/plan/">'))
    assert other["https://anna.de/plan/"] == "source"
    own = kinds(page("", '<link rel="canonical" href="https://planet-marketing.de/anna-redaktionsplan/">'))
    assert "source" not in own.values()


def test_a_link_to_its_own_site_is_never_a_source():
    found = kinds(page('<p>Dieser Beitrag erschien zuerst auf <a href="/archiv/">unserem Archiv</a>.</p>'))
    assert "source" not in found.values()


def test_a_long_paragraph_mentioning_first_publication_is_not_attribution():
    long = "Wir haben viel gelernt. " * 40
    found = kinds(page(f'<p>{long} Der Text erschien zuerst im Print. Siehe <a href="https://ben.de/">Ben</a>.</p>'))
    assert found["https://ben.de/"] == "content"
