"""Hosts that are not blogs: crawler traps on dedicated hosts, and platforms (social, shop, wiki).

A world serves more hosts when given `ExtraHosts` (the tests' hostile web: endless URL spaces,
broken pages, bad servers, SSRF bait); the sample blogosphere has none.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from html import escape
from typing import Protocol

from crawler.sandbox.model import HTML, Response, page, redirect

REDIRECT_CHAIN = "alter-marketingblog.de"
REDIRECT_LOOP = "endlos-weiterleitung.de"
SERVER_ERROR = "www.baustelle-blog.de"
SLOW = "langsam-blog.de"
HUGE = "riesen-archiv.de"
LATIN1_DECLARED_UTF8 = "umlaut-archiv.de"
LATIN1_NO_CHARSET = "alte-vereinsseite.de"
ROBOTS_DISALLOW_ALL = "geheim-blog.de"
TRAP_SITES = (
    REDIRECT_CHAIN,
    REDIRECT_LOOP,
    SERVER_ERROR.removeprefix("www."),
    SLOW,
    HUGE,
    LATIN1_DECLARED_UTF8,
    LATIN1_NO_CHARSET,
    ROBOTS_DISALLOW_ALL,
)

PLATFORM_SITES = (
    "facebook.com",
    "twitter.com",
    "x.com",
    "instagram.com",
    "youtube.com",
    "linkedin.com",
    "amazon.de",
    "wikipedia.org",
    "bit.ly",
    "spiegel.de",
)
"""Site keys of platforms (registered domains): linked from blogs, never blogs themselves."""

SLOW_SECONDS = 3.0
HUGE_BYTES = 3 * 1024 * 1024
_LATIN1_TEXT = (
    "Über uns: Wir sind ein kleiner Verein aus Köln. Größere Beiträge über "
    "Suchmaschinenoptimierung, Social-Media-Marketing und Öffentlichkeitsarbeit "
    "findet ihr im Archiv. Grüße an alle Mitglieder, schöne Grüße, Jürgen Weiß."
)
_DISALLOW_ALL = "User-agent: *\nDisallow: /\n"
_ALLOW_ALL = "User-agent: *\nDisallow:\n"


def tiny_page(title: str, body: str, lang: str = "en") -> str:
    """A minimal HTML document."""
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f"</head><body><h1>{escape(title)}</h1><p>{body}</p></body></html>"
    )


class ExtraHosts(Protocol):
    """More hosts for a world to serve, asked before its own; generated blogs never take their sites."""

    sites: tuple[str, ...]
    """Site keys answered (kept free of generated blogs)."""

    def urls(self) -> dict[str, str]:
        """Entry URL of every host, by name (merged into `World.nasty`)."""
        ...

    def response(self, host: str, path: str, query: str) -> Response | None:
        """The answer for one of these hosts, None for any other host."""
        ...


@dataclass
class Specials:
    """Answers for trap hosts, platforms and `extra` hosts; `back_url` is a blog the trap pages link to."""

    chain_target: str
    back_url: str
    modified: dt.date
    shortlinks: dict[str, str] = field(default_factory=dict)
    extra: ExtraHosts | None = None

    def urls(self) -> dict[str, str]:
        """Entry URL of every trap, by name."""
        return {
            "redirect_chain": f"http://{REDIRECT_CHAIN}/",
            "redirect_loop": f"http://{REDIRECT_LOOP}/",
            "server_error": f"http://{SERVER_ERROR}/",
            "slow": f"http://{SLOW}/",
            "huge": f"http://{HUGE}/",
            "latin1_declared_utf8": f"http://{LATIN1_DECLARED_UTF8}/",
            "latin1_no_charset": f"http://{LATIN1_NO_CHARSET}/",
            "robots_disallow_all": f"http://{ROBOTS_DISALLOW_ALL}/",
            **(self.extra.urls() if self.extra is not None else {}),
        }

    def response(self, host: str, path: str, query: str) -> Response | None:
        """The answer for an extra, trap or platform host, None for any other host."""
        if self.extra is not None and (resp := self.extra.response(host, path, query)) is not None:
            return resp
        site = host.removeprefix("www.")
        if site in TRAP_SITES:
            return self._trap(host, site, path)
        if site in PLATFORM_SITES or site.endswith(".wikipedia.org"):
            return self._platform(host, site, path, query)
        return None

    def _robots(self, text: str) -> Response:
        return page(text, modified=self.modified, content_type="text/plain; charset=utf-8")

    def _trap(self, host: str, site: str, path: str) -> Response:
        if path == "/robots.txt":
            return self._robots(_DISALLOW_ALL if site == ROBOTS_DISALLOW_ALL else _ALLOW_ALL)
        back = f'<a href="{escape(self.back_url)}">Zurück zum Blog</a>'
        if site == REDIRECT_CHAIN:
            if not host.startswith("www."):
                return redirect(f"http://www.{REDIRECT_CHAIN}{path}", 301)
            if path != "/umgezogen/":
                return redirect(f"http://www.{REDIRECT_CHAIN}/umgezogen/", 302)
            return redirect(self.chain_target, 301)
        if site == REDIRECT_LOOP:
            other = REDIRECT_LOOP if host.startswith("www.") else f"www.{REDIRECT_LOOP}"
            return redirect(f"http://{other}{path}", 302)
        if site == SERVER_ERROR.removeprefix("www."):
            return page(tiny_page("500 Internal Server Error", "Datenbankfehler.", "de"), status=500)
        if path != "/":
            return page(tiny_page("404 Not Found", back, "de"), status=404)
        if site == SLOW:
            resp = page(
                tiny_page("Langsam, aber sicher", f"Dieser Server ist sehr langsam. {back}", "de"),
                modified=self.modified,
            )
            resp.delay = SLOW_SECONDS
            return resp
        if site == HUGE:
            return page(self.huge_body, modified=self.modified)
        if site == LATIN1_DECLARED_UTF8:
            return self._latin1(declare=True)
        if site == LATIN1_NO_CHARSET:
            return self._latin1(declare=False)
        body = tiny_page(
            "Geheimer Marketing-Blog",
            f"Content-Marketing und Suchmaschinenoptimierung hinter verschlossenen Türen. {back}",
            "de",
        )
        return page(body, modified=self.modified)

    @cached_property
    def huge_body(self) -> bytes:
        """About 3 MB of archive HTML."""
        head = (
            '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Riesiges Archiv</title>'
            "</head><body><h1>Archiv</h1>\n"
        )
        row = (
            "<p>Archiveintrag über Suchmaschinenoptimierung, Reichweite und Zielgruppe. Größere Beiträge folgen.</p>\n"
        )
        tail = f'<a href="{escape(self.back_url)}">Blog</a></body></html>\n'
        count = (HUGE_BYTES - len(head) - len(tail)) // len(row.encode())
        return (head + row * count + tail).encode("utf-8")

    def _latin1(self, *, declare: bool) -> Response:
        meta = '<meta charset="utf-8">' if declare else ""
        html = (
            f'<!DOCTYPE html><html lang="de"><head>{meta}<title>Vereinsnachrichten für Öffentlichkeitsarbeit'
            f"</title></head><body><h1>Größere Neuigkeiten</h1><p>{_LATIN1_TEXT}</p>"
            f'<a href="{escape(self.back_url)}">Lieblingsblog</a></body></html>'
        )
        ctype = "text/html; charset=utf-8" if declare else "text/html"
        return page(html.encode("latin-1"), modified=self.modified, content_type=ctype)

    def _platform(self, host: str, site: str, path: str, query: str) -> Response:
        if path == "/robots.txt":
            closed = site in ("facebook.com", "instagram.com", "linkedin.com", "x.com")
            return self._robots(_DISALLOW_ALL if closed else _ALLOW_ALL)
        if site in ("facebook.com", "amazon.de", "spiegel.de", "youtube.com", "instagram.com") and not host.startswith(
            "www."
        ):
            return redirect(f"http://www.{site}{path}" + (f"?{query}" if query else ""), 301)
        if site == "twitter.com":
            return redirect(f"http://x.com{path}" + (f"?{query}" if query else ""), 301)
        if site in ("x.com", "linkedin.com"):
            return page(tiny_page("Access denied", "Log in to continue."), status=403)
        if site == "bit.ly":
            target = self.shortlinks.get(path.strip("/"))
            if target is None:
                return page(tiny_page("Not found", "This link does not exist."), status=404)
            return redirect(target, 301)
        titles = {
            "facebook.com": "Facebook – Anmelden oder Registrieren",
            "instagram.com": "Instagram",
            "youtube.com": "YouTube",
            "amazon.de": "Amazon.de: Günstige Preise für Elektronik & Foto, Filme, Musik, Bücher",
            "spiegel.de": "DER SPIEGEL | Online-Nachrichten",
        }
        title = titles.get(site, "Wikipedia – Die freie Enzyklopädie")
        return Response(200, {"Content-Type": HTML}, tiny_page(title, "Mehr erfahren.", "de").encode())
