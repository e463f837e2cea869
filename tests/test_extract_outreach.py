"""Who to write to and where a blog invites cooperations: hand-written tables and real pages."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import pytest
from lxml import html

from crawler.extract.cooperation import cooperation_urls, is_cooperation_path, is_cooperation_text
from crawler.extract.page import extract_page
from crawler.extract.people import contact_names, person_name

REPO = Path(__file__).resolve().parent.parent
REALPAGES = Path(os.environ.get("BLOGSCOUT_REALPAGES", REPO.parent / "shared" / "realpages"))
EXPECTED = json.loads((REPO / "tests" / "corpus" / "outreach_realpages.json").read_text(encoding="utf-8"))


def names_of(body: str, head: str = "") -> list[str]:
    return contact_names(html.fromstring(f"<html><head>{head}</head><body>{body}</body></html>"))


@pytest.mark.parametrize(
    "body, expected",
    [
        (
            "<h1>Impressum</h1><p>Angaben gemäß § 5 TMG</p><p>Anna Beispiel<br>Lindenstraße 4<br>10115 Berlin</p>",
            "Anna Beispiel",
        ),
        ("<p>Angaben gemäß § 5 DDG:<br>Jörg-Peter Müller<br>Am Ring 3</p>", "Jörg-Peter Müller"),
        ("<p>Angaben gemaess § 5 TMG</p><p>Kaffeeküche GmbH</p><p>Vertreten durch: Dr. Lena von Au</p>", "Lena von Au"),
        ("<p>Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV:</p><p>Sophie Klein</p>", "Sophie Klein"),
        ("<p>Verantwortlich i.S.d. § 55 Abs. 2 RStV: Max Mustermann, Hauptstr. 1</p>", "Max Mustermann"),
        ("<dl><dt>Inhaberin:</dt><dd>Mia Schröder</dd></dl>", "Mia Schröder"),
        ("<p>V.i.S.d.P.: Tom Berger</p>", "Tom Berger"),
        ("<div class='about'>Hallo, ich bin Anna und blogge über Instagram.</div>", "Anna"),
        ("<p>Hi, I'm Ben Carter. I write about SEO.</p>", "Ben Carter"),
        ("<p>Mein Name ist Tobias und ich habe diesen Blog 2009 gestartet.</p>", "Tobias"),
    ],
)
def test_contact_names_from_impressum_and_greetings(body, expected):
    assert names_of(body)[0] == expected


@pytest.mark.parametrize(
    "body",
    [
        "<p>Angaben gemäß § 5 TMG</p><p>Blumen & Co. GmbH</p><p>Musterweg 5</p><p>12345 Musterstadt</p>",
        "<p>Angaben gemäß § 5 TMG</p><p>Hauptstraße 12</p>",
        "<p>Kontoinhaber: CORRECTIV – Recherchen für die Gesellschaft gGmbH</p>",
        "<p>Die AfD-Spitze, vertreten durch eine Anwaltskanzlei, listet Nachweise auf.</p>",
        "<p>Hallo, ich bin Foodbloggerin und Backbuchautorin.</p>",
        "<p>Servus, ICH BIN WIEDER DA!</p>",
        "<p>Inhaber: Musterfirma e.K.</p>",
        "<p>Verantwortlich für den Inhalt: Redaktion</p>",
    ],
)
def test_contact_names_never_a_firm_street_or_prose(body):
    assert names_of(body) == []


@pytest.mark.parametrize(
    "head, body, expected",
    [
        ('<meta name="author" content="Frank Bueltge - http://bueltge.de">', "", "Frank Bueltge"),
        (
            '<script type="application/ld+json">{"@graph": [{"@type": "Person", "name": "Evgenia Karp"}]}</script>',
            "",
            "Evgenia Karp",
        ),
        ("", '<a rel="author" href="/author/ulrike/">Ulrike Stockhausen</a>', "Ulrike Stockhausen"),
    ],
)
def test_contact_names_from_author_metadata(head, body, expected):
    assert names_of(body, head) == [expected]


@pytest.mark.parametrize("value", ["admin", "eseppelt", "Unknown", "FOCUS online", "Die Tagespresse", "@acoyne", "DT"])
def test_person_name_refuses_user_and_brand_names(value):
    assert person_name(value) == ""


def test_empty_contact_names():
    assert names_of("") == [] and person_name("") == "" and person_name(None) == ""


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Kooperationen", True),
        ("Werben / Mediadaten", True),
        ("Hier Werbung schalten", True),
        ("Work with me", True),
        ("Advertise with us", True),
        ("Gastbeitrag schreiben", False),
        ("Gastautor werden", True),
        ("Presse, Kooperation & Werbung", True),
        ("Best of Werbung", False),
        ("Enge Kooperation bei Grundsteuer-Lösung", False),
        ("Entwicklungszusammenarbeit (EZ)", False),
        ("Sponsored", False),
        ("", False),
    ],
)
def test_is_cooperation_text(text, expected):
    assert is_cooperation_text(text) is expected


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://a.de/kooperationen/", True),
        ("https://a.de/media-pr-koop", True),
        ("https://a.de/p/mediakit.html", True),
        ("https://a.de/work-with-me/", True),
        ("https://a.de/category/werbung/", False),
        ("https://a.de/tag/kooperation/", False),
        ("https://a.de/2024/05/meine-kooperation-mit-x/", False),
        ("https://a.de/", False),
    ],
)
def test_is_cooperation_path(url, expected):
    assert is_cooperation_path(url) is expected


def test_cooperation_urls_prefers_text_and_path_then_the_page_heading():
    links = [
        ("https://a.de/werbung/", "Transparenz"),
        ("https://a.de/kooperation/", "Kooperation"),
        ("https://a.de/label/werbung", "Werbung"),
    ]
    assert cooperation_urls(links, "https://a.de/") == ["https://a.de/kooperation/", "https://a.de/werbung/"]
    assert cooperation_urls([], "https://a.de/ueber-mich/", "Kooperationen") == ["https://a.de/ueber-mich/"]


def test_empty_cooperation_urls():
    assert cooperation_urls([], "https://a.de/") == []


def test_extract_page_fills_names_and_cooperation_pages():
    page = (
        "<html><head><title>Impressum</title></head><body><nav><a href='/mediadaten/'>Mediadaten</a>"
        "<a href='https://other.de/kooperation/'>Kooperation</a></nav>"
        "<h1>Impressum</h1><p>Angaben gemäß § 5 TMG</p><p>Klara Fuchs</p><p>Gartenweg 2</p></body></html>"
    )
    info = extract_page(page, "https://fuchs-blog.de/impressum/")
    assert info.contact_names == ["Klara Fuchs"]
    assert info.cooperation_urls == ["https://fuchs-blog.de/mediadaten/"]


# -- real pages ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus() -> dict[str, str]:
    """file -> original URL of the shared real pages."""
    if not REALPAGES.is_dir():
        pytest.skip(f"real-page corpus not present at {REALPAGES}")
    with (REALPAGES / "html_manifest.csv").open(encoding="utf-8") as fh:
        return {row["file"]: row["url"] for row in csv.DictReader(fh)}


@pytest.mark.parametrize("case", EXPECTED["html"], ids=[c["file"] for c in EXPECTED["html"]])
def test_real_page_people_and_cooperation(corpus, case):
    info = extract_page((REALPAGES / "html" / case["file"]).read_bytes(), corpus[case["file"]])
    if "first" in case:
        assert info.contact_names[:1] == [case["first"]]
    for name in case.get("names", []):
        assert name in info.contact_names
    for name in case.get("names_not", []):
        assert name not in info.contact_names
    if "cooperation" in case:
        assert info.cooperation_urls[:1] == [case["cooperation"]]
    for url in case.get("cooperation_not", []):
        assert (info.cooperation_urls == []) if url == "*" else (url not in info.cooperation_urls)


def test_real_pages_found_names_and_cooperation_pages(corpus):
    """Over the whole corpus: how many pages give a name and a cooperation page (a floor, not a target)."""
    named = open_door = 0
    for name, url in corpus.items():
        info = extract_page((REALPAGES / "html" / name).read_bytes(), url)
        named += bool(info.contact_names)
        open_door += bool(info.cooperation_urls)
    assert named >= 60 and open_door >= 35
