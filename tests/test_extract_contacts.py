"""E-mail addresses, Impressum/contact/about/blogroll page links, social profiles."""

from __future__ import annotations

import pytest

from crawler.extract.contacts import EMAIL_RE, decode_cfemail, email_from_mailto, emails_in_text
from crawler.extract.page import extract_page

PAGE = "https://mein-blog.de/"


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
