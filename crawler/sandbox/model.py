"""Plain data of the sandbox web: blogs, posts, comments and HTTP responses."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import format_datetime
from random import Random

LABELS = ("seed", "partner", "offtopic", "hub", "farm", "dead", "shop")
"""Ground-truth labels of generated blogs (platforms are labelled ``platform``)."""

HTML = "text/html; charset=utf-8"


@dataclass
class Response:
    """One HTTP answer; `delay` seconds are waited by the server before sending.

    `drip` sends the body in 16-byte pieces that many seconds apart; `declared_length` announces
    a Content-Length other than the body's (a truncated response) and closes the connection.
    """

    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    delay: float = 0.0
    drip: float = 0.0
    declared_length: int | None = None


def http_date(day: dt.date | dt.datetime) -> str:
    """RFC 7231 date of a day (09:00 UTC) or of a datetime."""
    if not isinstance(day, dt.datetime):
        day = dt.datetime.combine(day, dt.time(9, 0), tzinfo=dt.UTC)
    return format_datetime(day.astimezone(dt.UTC), usegmt=True)


def iso(day: dt.date) -> str:
    """ISO 8601 timestamp of a day at 09:00 UTC."""
    return f"{day.isoformat()}T09:00:00+00:00"


def page(
    body: str | bytes, *, modified: dt.date | None = None, status: int = 200, content_type: str = HTML
) -> Response:
    """A response with a body (str is encoded as UTF-8) and optional Last-Modified."""
    data = body.encode("utf-8") if isinstance(body, str) else body
    headers = {"Content-Type": content_type}
    if modified is not None:
        headers["Last-Modified"] = http_date(modified)
    return Response(status, headers, data)


def redirect(location: str, status: int = 301) -> Response:
    """A redirect with a tiny HTML body."""
    body = f'<html><body><a href="{location}">Moved</a></body></html>'
    return Response(status, {"Location": location, "Content-Type": HTML}, body.encode())


@dataclass
class Comment:
    """A reader comment; `url` is the commenter's blog (None for anonymous readers)."""

    author: str
    url: str | None
    when: dt.date
    text_index: int


@dataclass
class Post:
    """A blog post (or a shop's product page)."""

    title: str
    slug: str
    path: str
    published: dt.date
    words: int
    links: list[tuple[str, str]] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    text: str | None = None
    price_cents: int = 0

    @property
    def modified(self) -> dt.date:
        """Date of the last change: publication or newest comment."""
        return max([self.published, *(c.when for c in self.comments)])


@dataclass
class Blog:
    """A generated site with its ground-truth label and everything needed to render it."""

    host: str
    lang: str
    topic: str
    label: str
    cms: str
    title: str
    author: str
    address: tuple[str, str, str]
    emails: list[str]
    email_style: str
    created: dt.date
    posts: list[Post] = field(default_factory=list)
    blogroll: list[tuple[str, str]] = field(default_factory=list)
    blogroll_style: str = "none"
    blogroll_heading: str = "Blogroll"
    blogroll_path: str = "/blogroll/"
    social: dict[str, str] = field(default_factory=dict)
    features: set[str] = field(default_factory=set)
    feed_format: str | None = "rss"
    state: str = "up"
    # paragraphs of about n words in a language, when not the topic's own (hard worlds blend topics)
    prose: Callable[[Random, str, int], list[str]] | None = None
    template: str = ""  # hard worlds: "article" (semantic, no microformats) or "builder" (nested divs)
    date_style: str = ""  # hard worlds: how dates are written when not in <time datetime>
    copyright_year: int | None = None  # hard worlds: a footer year that says nothing of activity

    @property
    def site(self) -> str:
        """Site key: the host without ``www.``."""
        return self.host.removeprefix("www.")

    @property
    def alt_host(self) -> str:
        """The www / non-www twin host that redirects to `host`."""
        return self.site if self.host.startswith("www.") else f"www.{self.host}"

    @property
    def home_url(self) -> str:
        return f"http://{self.host}/"

    def url(self, path: str) -> str:
        """Absolute URL of a path on this blog."""
        return f"http://{self.host}{path}"

    @property
    def feed_path(self) -> str | None:
        """Path of the RSS/Atom feed, None for sites without one."""
        if self.feed_format is None:
            return None
        if self.cms == "blogger":
            return "/feeds/posts/default"
        if self.cms == "wordpress":
            return "/feed/"
        if self.cms == "ghost":
            return "/rss/"
        return "/atom.xml" if self.feed_format == "atom" else "/index.xml"

    @property
    def feed_url(self) -> str | None:
        return self.url(self.feed_path) if self.feed_path else None

    def page_path(self, name: str) -> str:
        """Path of a static page: about, contact, imprint, privacy, private."""
        slugs = {
            "de": {
                "about": "ueber-mich",
                "contact": "kontakt",
                "imprint": "impressum",
                "privacy": "datenschutz",
                "private": "privat/notizen",
            },
            "en": {
                "about": "about",
                "contact": "contact",
                "imprint": "legal",
                "privacy": "privacy",
                "private": "privat/notes",
            },
        }[self.lang][name]
        if self.cms == "blogger" and name != "private":
            return f"/p/{slugs}.html"
        return f"/{slugs}/"

    def static_pages(self) -> list[str]:
        """Names of the static pages this blog has."""
        names = ["about", "contact", "privacy"]
        if self.lang == "de":
            names.append("imprint")
        if "private" in self.features:
            names.append("private")
        return names

    @property
    def last_post(self) -> dt.date:
        """Date of the newest post (creation date if none)."""
        return max((p.published for p in self.posts), default=self.created)
