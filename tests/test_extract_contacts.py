"""E-mail addresses, Impressum/contact/about/blogroll page links, social profiles."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from crawler.extract import headings, links, people
from crawler.extract.contacts import EMAIL_RE, decode_cfemail, email_from_mailto, emails_in_text
from crawler.extract.page import extract_page

PAGE = "https://mein-blog.de/"
REALPAGES = Path(os.environ.get("BLOGSCOUT_REALPAGES", Path(__file__).resolve().parents[2] / "shared" / "realpages"))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Schreib mir: anna@mein-blog.de", ["anna@mein-blog.de"]),
        ("Kontakt: Anna.Muster@Mein-Blog.DE.", ["anna.muster@mein-blog.de"]),
        ("anna [at] mein-blog [dot] de", ["anna@mein-blog.de"]),
        ("anna[at]mein-blog.de", ["anna@mein-blog.de"]),
        ("anna(at)mein-blog.de", ["anna@mein-blog.de"]),
        ("anna (at) mein-blog (punkt) de", ["anna@mein-blog.de"]),
        ("anna {at} mein-blog {dot} de", ["anna@mein-blog.de"]),
        ("anna (ät) mein-blog.de", ["anna@mein-blog.de"]),
        ("anna at mein-blog dot de", ["anna@mein-blog.de"]),
        ("E-Mail:info@blog.co.uk; oder", ["info@blog.co.uk"]),
        ("write to hello at example dot org", []),
        ("logo@2x.png und icon@3x.webp", []),
        ("name@example.com", []),
        ("Folge mir auf Instagram @anna.blog.de", []),
        ("bundesw€hr@bla.de", []),
        ("meet me at noon", []),
        ("", []),
    ],
)
def test_emails_in_text(text, expected):
    assert emails_in_text(text) == expected


@pytest.mark.parametrize(
    "href, expected",
    [
        ("mailto:Anna@Mein-Blog.de", "anna@mein-blog.de"),
        ("mailto:anna@mein-blog.de?subject=Kooperation", "anna@mein-blog.de"),
        ("mailto:anna%40mein-blog.de", "anna@mein-blog.de"),
        ("mailto:?subject=Lies%20das&body=https://x.de", None),
        ("mailto:", None),
    ],
)
def test_email_from_mailto(href, expected):
    assert email_from_mailto(href) == expected


def test_decode_cfemail():
    key = 0x42
    encoded = f"{key:02x}" + "".join(f"{b ^ key:02x}" for b in b"anna@mein-blog.de")
    assert decode_cfemail(encoded) == "anna@mein-blog.de"
    assert decode_cfemail("zz") is None


def test_page_emails_from_all_sources():
    key = 0x10
    cf = f"{key:02x}" + "".join(f"{b ^ key:02x}" for b in b"cf@mein-blog.de")
    html = (
        f'<body><footer><a href="mailto:post@mein-blog.de">Mail</a> anna [at] mein-blog [dot] de'
        f'<span class="__cf_email__" data-cfemail="{cf}">[email protected]</span>'
        f'<a href="mailto:?subject=Teilen&body=x">teilen</a><img src="logo@2x.png"></footer>'
        f'<script>var x = "skript@mein-blog.de";</script></body>'
    )
    emails = extract_page(html, PAGE).emails
    assert emails == ["post@mein-blog.de", "cf@mein-blog.de", "anna@mein-blog.de"]
    assert all(EMAIL_RE.match(e) for e in emails)


@pytest.mark.parametrize(
    "anchor, href, field",
    [
        ("Impressum", "/impressum/", "impressum_urls"),
        ("Imprint", "/legal/", "impressum_urls"),
        ("Legal notice", "/rechtliches", "impressum_urls"),
        ("Anbieterkennzeichnung", "/anbieter", "impressum_urls"),
        ("Rechtliches", "/impressum.html", "impressum_urls"),
        ("Kontakt", "/kontakt/", "contact_urls"),
        ("Contact", "/get-in-touch/", "contact_urls"),
        ("Schreib mir", "/post/", "contact_urls"),
        ("Über mich", "/ich/", "about_urls"),
        ("Über uns", "/wir/", "about_urls"),
        ("About", "/who/", "about_urls"),
        ("Team", "/menschen/", "about_urls"),
        ("Wer?", "/ueber-mich/", "about_urls"),
        ("Blogroll", "/blogroll/", "blogroll_urls"),
        ("Linkliste", "/liste/", "blogroll_urls"),
        ("Linktipps", "/tipps/", "blogroll_urls"),
        ("Lesenswert", "/lesen/", "blogroll_urls"),
        ("Freunde", "/freunde/", "blogroll_urls"),
        ("Partner", "/partner/", "blogroll_urls"),
        ("Blogs I read", "/reading/", "blogroll_urls"),
        ("Webring", "/ring/", "blogroll_urls"),
    ],
)
def test_site_pages(anchor, href, field):
    info = extract_page(f'<body><nav><a href="{href}">{anchor}</a></nav></body>', PAGE)
    assert getattr(info, field) == ["https://mein-blog.de" + href]


def test_site_pages_only_same_site():
    info = extract_page('<body><nav><a href="https://andere.de/impressum/">Impressum</a></nav></body>', PAGE)
    assert info.impressum_urls == []


def test_social_profiles_not_share_buttons():
    html = (
        '<body><footer><a href="https://www.instagram.com/anna/">Insta</a>'
        '<a href="https://www.facebook.com/sharer/sharer.php?u=x">Teilen</a></footer></body>'
    )
    assert extract_page(html, PAGE).social == ["https://www.instagram.com/anna/"]


def test_empty_emails():
    assert extract_page("<html><body></body></html>", PAGE).emails == []
    assert emails_in_text("") == []


VERANTWORTLICH = "<p>Verantwortlich für den Inhalt nach § 55 Abs. 2 RStV: Anna Muster</p>"


@pytest.mark.parametrize(
    "body, expected",
    [
        (f"<p>Kontakt: anna [at] anna-blog [dot] com</p>{VERANTWORTLICH}", ["anna@anna-blog.com"]),
        ("<p>anna (at) anna [dot] blogspot [dot] com</p><p>Lesenswert</p>", ["anna@anna.blogspot.com"]),
        ("<div>Mail: anna@anna-blog.de</div><div>Impressum</div>", ["anna@anna-blog.de"]),
        ("<li>anna [at] anna-blog [dot] de</li><li>Datenschutz</li>", ["anna@anna-blog.de"]),
        ("<td>anna [at] anna-blog [dot] de</td><td>Telefon</td>", ["anna@anna-blog.de"]),
        (
            "<p>Angaben gemäß § 5 TMG</p><h2>Kontakt: anna at anna-blog dot de</h2><p>dot info</p>",
            ["anna@anna-blog.de"],
        ),
        ("<p>anna [at] anna-blog [dot] de<br>Tel. 030 1234</p>", ["anna@anna-blog.de"]),
        ("<p>Telefon: 030 9323-110</p><p>info@weine.de</p>", ["info@weine.de"]),
        ("<p>Schreib an anna <b>[at]</b> anna-blog <i>[dot]</i> de</p>", ["anna@anna-blog.de"]),
        ("<p>anna</p><p>[at] anna-blog [dot] de</p>", []),
    ],
)
def test_block_boundaries_end_an_address(body, expected):
    page = f"<html><head><title>Impressum</title></head><body>{body}</body></html>"
    assert extract_page(page, "https://anna-blog.com/impressum/").emails == expected


# Real pages whose addresses used to run into the next block ("blog@teufel.dehier"): exactly these.
REAL_PAGE_EMAILS = {
    "htmldate__1653190016.html": ["azrael@gmail.com"],
    "htmldate__oberstdorfresort.de.kraeuter.html": ["info@oberstdorf-resort.de"],
    "trafilatura__blog.teufel.de.leistung.html": ["blog@teufel.de", "unsubscribe@teufel.de"],
    "trafilatura__deutscheweine.de-riesling.html": ["info@deutscheweine.de"],
    "trafilatura__erzbistum-koeln.de-Totenmonat.html": ["info@erzbistum-koeln.de"],
    "trafilatura__greentech.live.energiesparen_bei_cern.html": ["info@greentech.live"],
    "trafilatura__management-circle.de.glasses.html": ["info@managementcircle.de"],
    "trafilatura__rechtambild.de.kochbuch.html": ["info@rechtambild.de", "d.toelle@rechtambild.de"],
    "trafilatura__schimmverband.at-weltmeisterschaft.html": ["office@schwimmverband.at"],
    "trafilatura__theplanetarypress.com.forestlands.html": ["editor@theplanetarypress.com"],
}


@pytest.mark.parametrize("name, expected", REAL_PAGE_EMAILS.items())
def test_real_page_addresses_stop_at_block_boundaries(name, expected):
    path = REALPAGES / "html" / name
    if not path.exists():
        pytest.skip(f"real-page corpus not present at {REALPAGES}")
    assert extract_page(path.read_bytes(), "https://example-real-page.de/").emails == expected


@pytest.mark.parametrize(
    "pattern, value",
    [
        (EMAIL_RE, "a@b.de\n"),
        (EMAIL_RE, "anna@mein-blog.de\n"),
        (headings._BLOGROLL_RE, "blogroll\n"),
        (people._WORD, "Anna\n"),
        (links._COMMENT_TOKEN_RE, "comments\n"),
    ],
    ids=["email", "email-2", "blogroll-heading", "name-word", "comment-token"],
)
def test_whole_value_patterns_refuse_a_trailing_line_break(pattern, value):
    assert pattern.match(value) is None and pattern.match(value.strip())


@pytest.mark.parametrize(
    "href",
    ["mailto:anna@mein-blog.de%0A.", "mailto:anna@mein-blog.de%0A%2E", "mailto:anna@mein-blog.de%0D%0A."],
)
def test_page_emails_never_keep_a_line_break(href):
    assert email_from_mailto(href) in (None, "anna@mein-blog.de")
    emails = extract_page(f'<body><a href="{href}">Mail</a></body>', PAGE).emails
    assert all("\n" not in e and "\r" not in e for e in emails)
