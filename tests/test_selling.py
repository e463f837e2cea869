"""Link sellers: price lists for links and stuffed link-selling phrases sink a site; SEO blogs writing about links do not."""

from __future__ import annotations

import pytest

from crawler.extract.page import extract_page
from crawler.extract.selling import link_selling
from scoring.rank import CrawlData, rank_sites
from scoring.selling import seller

PRICE_PAGE = "Mediadaten\nGastbeitrag mit dofollow-Link: 149 €\nTextlink in bestehendem Artikel ab 79 Euro\nLinkpaket 10 Links: 990 €"
STUFFED = (
    "Backlinks kaufen Linkpaket Domainpopularität Backlinks kaufen Webkatalog eintragen Linkpaket Backlinks kaufen"
)
SEO_POST = (
    "Was kostet ein Backlink? Anbieter verlangen für einen Backlink ab 50 € und mehr, doch ich rate davon ab. "
    "Linkaufbau gelingt mit guten Inhalten, Gastbeiträgen bei Kolleginnen und echten Empfehlungen."
)
MEDIA_KIT = "Kooperationen: Ein Sponsored Post mit Kennzeichnung kostet 350 €, eine Instagram-Story 120 €."


def test_empty_link_selling():
    assert link_selling("") == ""


@pytest.mark.parametrize("text", [PRICE_PAGE, "Buy backlinks: DA 50 dofollow links from $25"])
def test_price_list_for_links_is_selling(text):
    assert link_selling(text).startswith("price list for links")


def test_stuffed_phrases_are_selling():
    assert link_selling(STUFFED).startswith("link-selling phrases: backlinks kaufen ×3")


@pytest.mark.parametrize("text", [MEDIA_KIT, "Warum ich keine Backlinks kaufe. Linkaufbau dauert."])
def test_a_media_kit_or_an_opinion_is_not_selling(text):
    assert link_selling(text) == ""


def test_page_extraction_carries_the_evidence():
    html = (
        f"<html><head><title>Preise</title></head><body><main><h1>Preise</h1><p>{PRICE_PAGE}</p></main></body></html>"
    )
    assert extract_page(html.encode(), "https://linkshop.de/preise/").sells_links.startswith("price list")


@pytest.mark.parametrize(
    "evidence, sells",
    [
        (["other\tprice list for links: x\thttps://a.de/preise/"], True),  # an offer page
        (["home\tprice list for links: x\thttps://a.de/"], True),
        (["post\tprice list for links: x\thttps://a.de/was-kostet-ein-backlink/"], False),  # a post about it
        (["post\tlink-selling phrases: y\thttps://a.de/1/"], False),
        (["post\tlink-selling phrases: y\thttps://a.de/1/", "post\tlink-selling phrases: y\thttps://a.de/2/"], True),
        ([], False),
    ],
)
def test_seller_weighs_the_pages(evidence, sells):
    assert bool(seller(evidence)) is sells


def test_a_link_seller_sinks_below_an_seo_blog_with_the_same_links():
    text = "Suchmaschinenoptimierung, Linkaufbau und Content-Marketing für kleine Unternehmen und Blogger."
    sites = [{"site": "s.de", "role": "seed", "is_blog": 1}] + [
        {"site": s, "role": "candidate", "is_blog": 1} for s in ("seo-blog.de", "linkshop.de")
    ]
    data = CrawlData(
        sites=sites,
        links=[("s.de", "seo-blog.de", "content", 1), ("s.de", "linkshop.de", "content", 1)],
        documents=[(s, "de", text) for s in ("s.de", "seo-blog.de", "linkshop.de")],
        contacts={"linkshop.de": {"sells_links": ["other\tprice list for links: 149 €\thttps://linkshop.de/preise/"]}},
    )
    rows = {row["site"]: row for row in rank_sites(data)}
    assert rows["seo-blog.de"]["rank"] == 1 and rows["linkshop.de"]["rank"] == 2
    assert rows["linkshop.de"]["why"].startswith("sells links: price list for links: 149 €")
    assert "sells links" not in rows["seo-blog.de"]["why"]
