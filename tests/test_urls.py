"""Canonical URLs, site identity under the Public Suffix List (offline), platform lists."""

import socket

import pytest

from crawler.extract.urls import (
    Platforms,
    canonical_url,
    is_private_address,
    parse_site_list,
    site_key,
    site_key_of_host,
)


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("HTTP://Example.DE:80/a?b=2&a=1#top", "http://example.de/a?a=1&b=2"),
        ("https://seo-blog.de/post/?utm_source=x&utm_medium=y&fbclid=abc&id=3", "https://seo-blog.de/post/?id=3"),
        ("https://blog.de/?gclid=1&mc_cid=2&pk_campaign=3", "https://blog.de/"),
        ("https://blog.de", "https://blog.de/"),
        ("https://blog.de:443/x", "https://blog.de/x"),
        ("http://blog.de:8080/x", "http://blog.de:8080/x"),
        ("https://bücher-blog.de/über uns", "https://xn--bcher-blog-9db.de/%C3%BCber%20uns"),
        ("  https://blog.de/a  ", "https://blog.de/a"),
    ],
)
def test_canonical_url_normalises(raw, expected):
    assert canonical_url(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "ftp://blog.de/",
        "mailto:a@b.de",
        "javascript:alert(1)",
        "/relative/path",
        "blog.de",
        "http://",
        "https:///nohost",
        "http://bad host.de/",
        None,
        42,
    ],
)
def test_canonical_url_rejects(raw):
    assert canonical_url(raw) is None


def test_canonical_url_is_idempotent_on_tracking_and_fragments():
    url = canonical_url("https://Blog.de/a/?utm_campaign=z&x=1#frag")
    assert canonical_url(url) == url


@pytest.mark.parametrize(
    "host, expected",
    [
        ("www.seo-blog.de", "seo-blog.de"),
        ("seo-blog.de", "seo-blog.de"),
        ("blog.seo-blog.de", "seo-blog.de"),
        ("anna.blogspot.com", "anna.blogspot.com"),
        ("ben.wordpress.com", "ben.wordpress.com"),
        ("clara.github.io", "clara.github.io"),
        ("www.growthnotes.co.uk", "growthnotes.co.uk"),
        ("marketing-notizen.at", "marketing-notizen.at"),
        ("127.0.0.1", "127.0.0.1"),
    ],
)
def test_site_key_of_host_uses_private_suffixes(host, expected):
    assert site_key_of_host(host) == expected


def test_site_key_distinguishes_hosted_blogs():
    assert site_key("https://anna.blogspot.com/2024/") != site_key("https://ben.blogspot.com/")
    assert site_key("https://www.seo-blog.de/x") == site_key("http://seo-blog.de/")


def test_empty_site_key():
    assert site_key("") == ""


def test_site_key_never_touches_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network access during site_key")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    site_key_of_host.cache_clear()
    assert site_key("https://some-new-blog.example.co.uk/") == "example.co.uk"


@pytest.mark.parametrize(
    "host, private",
    [
        ("127.0.0.1", True),
        ("10.1.2.3", True),
        ("192.168.1.1", True),
        ("169.254.169.254", True),
        ("[::1]", True),
        ("::1", True),
        ("fe80::1", True),
        ("localhost", True),
        ("0.0.0.0", True),
        ("8.8.8.8", False),
        ("seo-blog.de", False),
        ("2001:4860:4860::8888", False),
    ],
)
def test_is_private_address(host, private):
    assert is_private_address(host) is private


@pytest.mark.parametrize(
    "url, category",
    [
        ("https://www.facebook.com/anna", "social"),
        ("https://de.wikipedia.org/wiki/Blog", "wiki"),
        ("https://www.amazon.de/dp/123", "shop"),
        ("https://bit.ly/abc", "shortener"),
        ("https://www.youtube.com/watch?v=1", "video"),
        ("https://www.spiegel.de/netzwelt/", "news"),
        ("https://anna.blogspot.com/", None),
        ("https://seo-blog.de/", None),
    ],
)
def test_platforms_bundled_categories(url, category):
    assert Platforms.load().category(url) == category


def test_platforms_user_file_extends(tmp_path):
    extra = tmp_path / "mine.txt"
    extra.write_text("# my list\nshop my-shop.de\nbig-portal.com\n")
    platforms = Platforms.load(extra)
    assert platforms.category("https://www.my-shop.de/") == "shop"
    assert platforms.category("https://big-portal.com/x") == "platform"
    assert platforms.category("https://facebook.com/") == "social"


def test_empty_parse_site_list():
    assert parse_site_list("") == []
    assert parse_site_list("# only a comment\n\n") == []


def test_parse_site_list_accepts_urls_and_bare_hosts():
    assert parse_site_list("https://www.Partner-Blog.de/blog/\nfreund.de\n") == [
        ("excluded", "partner-blog.de"),
        ("excluded", "freund.de"),
    ]


def test_platform_check_stops_at_the_site():
    platforms = Platforms.load()
    assert platforms.category("https://medium.com/@anna/post") == "social"
    assert platforms.category("https://anna.substack.com/") is None
    assert site_key("https://anna.substack.com/p/x") == "anna.substack.com"


@pytest.mark.parametrize(
    "url, profile",
    [
        ("https://www.instagram.com/anna.schreibt/", True),
        ("https://www.facebook.com/seoblog.de", True),
        ("https://x.com/annaschreibt", True),
        ("https://www.linkedin.com/in/anna-muster/", True),
        ("https://www.youtube.com/@annaschreibt", True),
        ("https://www.youtube.com/watch?v=abc", False),
        ("https://youtu.be/abc", False),
        ("https://www.instagram.com/p/CxYz/", False),
        ("https://twitter.com/anna/status/123456", False),
        ("https://www.facebook.com/sharer/sharer.php?u=x", False),
        ("https://www.pinterest.com/pin/123/", False),
        ("https://www.facebook.com/", False),
    ],
)
def test_is_profile_url(url, profile):
    from crawler.extract.urls import is_profile_url

    assert is_profile_url(url) is profile
