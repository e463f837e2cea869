"""Hostile hosts for the sandbox web: spider traps, broken pages, bad servers, bad robots.txt, SSRF bait.

Served only by worlds built with them (`hostile_world`, or ``extra_hosts=Hostile()``), never by
the sample blogosphere. None of them is linked from the generated blogs (so crawls keep their
pace); tests crawl them as seeds. Every page that should lead the spider on links with anchors
the spider follows ("Blogroll", "Links"), so only the crawler's own limits stop it.
"""

from __future__ import annotations

import gzip
import hashlib
import re
from functools import cached_property
from html import escape
from random import Random
from urllib.parse import parse_qsl, urlencode

from crawler.sandbox.model import Response, page, redirect
from crawler.sandbox.world import World, generate_world

DEEP_PATHS = "tiefe-linksammlung.de"
LOOPING_PATHS = "relative-links.de"
CALENDAR = "link-kalender.de"
PAGINATION = "endlose-linkliste.de"
PERMUTATIONS = "filter-blogroll.de"
SESSION_IDS = "sitzungs-blog.de"
TEN_THOUSAND_LINKS = "linkverzeichnis-blog.de"
INLINE_SCRIPT = "skript-lastig.de"
BINARY_AS_HTML = "binaer-als-html.de"
TRUNCATED = "abgeschnitten-blog.de"
BROKEN_UTF8 = "kaputtes-utf8.de"
TAG_SOUP = "tag-suppe.de"
OVERSIZED = "uebergross-archiv.de"
HANGS = "haengt-blog.de"
DRIPS = "tropf-blog.de"
HUGE_ROBOTS = "riesen-robots.de"
BAD_ROBOTS = "kaputte-robots.de"
ERROR_STORM = "fehler-sturm.de"
LONG_CHAIN = "umzugs-kette.de"
REDIRECT_INSIDE = "weiter-nach-innen.de"
SSRF_BAIT = "neugierige-links.de"
HUGE_HEADERS = "riesen-kopfzeilen.de"
ROBOTS_OVER_LIMIT = "robots-ueber-limit.de"
DISGUISED_BAIT = "verkleidete-links.de"
GZIP_BOMB = "gzip-bombe.de"
REFRESH_LOOP = "auffrisch-schleife.de"

HOSTILE_SITES = (
    DEEP_PATHS,
    LOOPING_PATHS,
    CALENDAR,
    PAGINATION,
    PERMUTATIONS,
    SESSION_IDS,
    TEN_THOUSAND_LINKS,
    INLINE_SCRIPT,
    BINARY_AS_HTML,
    TRUNCATED,
    BROKEN_UTF8,
    TAG_SOUP,
    OVERSIZED,
    HANGS,
    DRIPS,
    HUGE_ROBOTS,
    BAD_ROBOTS,
    ERROR_STORM,
    LONG_CHAIN,
    REDIRECT_INSIDE,
    SSRF_BAIT,
    HUGE_HEADERS,
    ROBOTS_OVER_LIMIT,
    DISGUISED_BAIT,
    GZIP_BOMB,
    REFRESH_LOOP,
)

PRIVATE_TARGETS = (
    "http://127.0.0.1:8080/admin/",
    "http://169.254.169.254/latest/meta-data/",
    "http://[::1]/",
    "http://192.168.1.1/",
    "http://10.0.0.1/",
    "http://2130706433/",
    "http://0x7f.1/",
    "http://[::ffff:127.0.0.1]/",
    "http://0.0.0.0/",
    "http://localhost:9200/",
    "http://[fe80::1]/",
)
"""Loopback, private, link-local and metadata addresses the SSRF bait blog links to."""

DISGUISED_TARGETS = (
    "http://%31%32%37.0.0.1/",
    "http://127%2e0%2e0%2e1/",
    "http://127.0.0.1%2e/",
    "http://[::127.0.0.1]/",
    "http://[64:ff9b::7f00:1]/",
    "http://[2002:7f00:1::]/",
    "http://[::ffff:0:7f00:1]/",
    "http://[fec0::1]/",
)
"""Loopback and site-local addresses in disguise; ``umleitung-N.de`` redirects to the N-th."""
REDIRECTORS = {f"umleitung-{i}.de": target for i, target in enumerate(DISGUISED_TARGETS)}
"""Blogs linked from the disguised-links bait whose home page redirects to a disguised address."""

HANG_SECONDS = 10.0
DRIP_SECONDS = 0.2  # between two 16-byte chunks
OVERSIZED_BYTES = 5 * 1024 * 1024  # over the crawler's 4 MB limit
SCRIPT_BYTES = 2 * 1024 * 1024
LINK_COUNT = 10_000
ROBOTS_BYTES = 600 * 1024
ROBOTS_OVER_LIMIT_BYTES = 5 * 1024 * 1024  # over the crawler's 4 MB download limit
HEADER_LINES = 20_000  # ~500 KB of response headers: past both caps (1,000 lines, 256 KiB)
BOMB_BYTES = 16 * 1024 * 1024  # decompressed size of the gzip bomb (~16 KB on the wire)
CHAIN_LENGTH = 20
STORM_STATUSES = (500, 502, 503, 429, 404, 403)
_PERMUTATION_FACETS = {
    "farbe": ("rot", "blau", "gruen", "gelb"),
    "sortierung": ("name", "datum", "beliebt"),
    "ansicht": ("liste", "kacheln"),
    "sprache": ("de", "en", "fr"),
    "seite": ("1", "2", "3"),
}
_SOUP = (
    "<html><head><title>Tag-Suppe: Linktipps</title><body><div><p><b><i>Meine <u>Linktipps"
    '<table><tr><td><a href="/blogroll/">Blogroll<div></td></a></p><a href="/ueber-mich/" href="/x/">Über mich'
    '<p>Unclosed <span title="a"b"c">attributes <<<>>> </div></div></div></table><script>if (a < b) {'
    "</scr" + 'ipt><a href="javascript:void(0)">js</a><a href="http://[::1">broken</a><a href="">empty</a>'
    "<p>Noch ein Absatz ohne Ende <!-- ein Kommentar, der nie endet"
)
_BAD_ROBOTS = (
    b"\xef\xbb\xbf<html><body>Keine robots.txt</body></html>\nUser-agent *\nDisallow /nichts\n"
    b"User-agent: *\nDisalow: /x/\nDisallow: /intern/\nCrawl-delay: langsam\nSitemap: ::::\n"
    b"\x00\xff\xfe garbage \x00\nAllow\n:\n::\nUser-agent:\n"
)


def _page(title: str, body: str) -> str:
    return (
        f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f"</head><body><h1>{escape(title)}</h1>{body}</body></html>"
    )


def _a(href: str, text: str) -> str:
    return f'<a href="{escape(href)}">{escape(text)}</a>'


def _storm_status(path: str) -> int:
    return STORM_STATUSES[sum(path.encode()) % len(STORM_STATUSES)]


def hostile_world(seed: int = 0, n_blogs: int = 10, **options) -> World:
    """A generated world (`crawler.sandbox.generate_world` options) that also serves the hostile hosts.

    >>> world = hostile_world(seed=0, n_blogs=10)
    >>> world.response(world.nasty["tag_soup"]).status
    200
    """
    return generate_world(seed, n_blogs, extra_hosts=Hostile(), **options)


class Hostile:
    """Answers for the hostile hosts (None for any other host): `ExtraHosts` of a sandbox world."""

    sites = (*HOSTILE_SITES, *REDIRECTORS)

    def urls(self) -> dict[str, str]:
        """Entry URL of every hostile host, by name."""
        return hostile_urls()

    def response(self, host: str, path: str, query: str) -> Response | None:
        """The answer for a hostile host; each is served by the method named after it (``_tag_suppe``)."""
        site = host.removeprefix("www.")
        if site in REDIRECTORS and path != "/robots.txt":
            return redirect(REDIRECTORS[site], 302)
        if site not in HOSTILE_SITES:
            return None
        if path == "/robots.txt":
            return self._robots(site)
        handler = getattr(self, "_" + re.sub(r"\W", "_", site.rsplit(".", 1)[0]))
        return handler(path, query)

    # -- robots.txt --------------------------------------------------------------------------

    def _robots(self, site: str) -> Response:
        if site == HUGE_ROBOTS:
            return page(self.huge_robots, content_type="text/plain; charset=utf-8")
        if site == BAD_ROBOTS:
            return page(_BAD_ROBOTS, content_type="text/plain")
        if site == ROBOTS_OVER_LIMIT:
            return page(self.robots_over_limit, content_type="text/plain; charset=utf-8")
        if site == ERROR_STORM:
            return page(_page("503 Service Unavailable", "Überlastet."), status=503)
        return page("User-agent: *\nDisallow:\n", content_type="text/plain; charset=utf-8")

    @cached_property
    def huge_robots(self) -> bytes:
        """About 600 KB: real rules first, then thousands of rules for other robots and comments."""
        head = "User-agent: *\nDisallow: /intern/\nAllow: /\n\n"
        lines = [head]
        size, i = len(head), 0
        while size < ROBOTS_BYTES:
            line = (
                f"# Archivregel {i}: alte Pfade, die niemand mehr braucht\nUser-agent: archivbot-{i}\n"
                f"Disallow: /archiv/{i}/\n\n"
            )
            lines.append(line)
            size, i = size + len(line), i + 1
        return "".join(lines).encode()

    @cached_property
    def robots_over_limit(self) -> bytes:
        """5 MB: the real rules first, then comments far past the download limit."""
        head = b"User-agent: *\nDisallow: /intern/\nAllow: /\n\n"
        filler = b"# Kommentar, der nie aufhoert, damit die Datei gross wird und gross bleibt.\n"
        return head + filler * (ROBOTS_OVER_LIMIT_BYTES // len(filler) + 1)

    # -- spider traps ------------------------------------------------------------------------

    def _home(self, title: str, href: str, anchor: str = "Blogroll") -> Response:
        return page(_page(title, f"<p>Willkommen. {_a(href, anchor)} · {_a('/ueber-mich/', 'Über mich')}</p>"))

    def _tiefe_linksammlung(self, path: str, query: str) -> Response:
        if path == "/":
            return self._home("Tiefe Linksammlung", "/links/ebene-1/")
        match = re.fullmatch(r"/links/((?:ebene-\d+/)+)", path)
        if not match:
            return page(_page("Über mich", "Ich sammle Links."))
        depth = match[1].count("/")
        return page(_page("Blogroll", f"<p>Ebene {depth}: {_a(f'{path}ebene-{depth + 1}/', 'Blogroll')}</p>"))

    def _relative_links(self, path: str, query: str) -> Response:
        if path == "/":
            return self._home("Relative Links", "links/", "Links")
        if re.fullmatch(r"(/links)+/", path):
            return page(_page("Links", f"<p>Noch mehr {_a('links/', 'Links')}</p>"))
        return page(_page("Über mich", "Relativ gesehen."))

    def _link_kalender(self, path: str, query: str) -> Response:
        if path == "/":
            return self._home("Link-Kalender", "/blogroll/2024/01/")
        match = re.fullmatch(r"/blogroll/(\d+)/(\d\d)/", path)
        if not match:
            return page(_page("Über mich", "Ein Kalender."))
        year, month = int(match[1]), int(match[2])
        prev_y, prev_m = (year, month - 1) if month > 1 else (year - 1, 12)
        next_y, next_m = (year, month + 1) if month < 12 else (year + 1, 1)
        body = (
            f"<p>{_a(f'/blogroll/{prev_y}/{prev_m:02d}/', 'Blogroll Vormonat')} "
            f"{_a(f'/blogroll/{next_y}/{next_m:02d}/', 'Blogroll Folgemonat')}</p>"
        )
        return page(_page(f"Blogroll {month:02d}/{year}", body))

    def _endlose_linkliste(self, path: str, query: str) -> Response:
        if path == "/":
            return self._home("Endlose Linkliste", "/linkliste/?seite=1")
        if path != "/linkliste/":
            return page(_page("Über mich", "Immer weiter."))
        number = int(dict(parse_qsl(query)).get("seite", "1") or 1)
        links = " ".join(_a(f"/linkliste/?seite={number + k}", f"Linkliste Seite {number + k}") for k in range(1, 4))
        return page(_page(f"Linkliste Seite {number}", f"<p>{links}</p>"))

    def _filter_blogroll(self, path: str, query: str) -> Response:
        if path == "/":
            return self._home("Filter-Blogroll", "/blogroll/?ansicht=liste")
        if path != "/blogroll/":
            return page(_page("Über mich", "Alles filterbar."))
        current = dict(parse_qsl(query))
        links = []
        for facet, values in _PERMUTATION_FACETS.items():
            value = current.get(facet)
            following = values[(values.index(value) + 1) % len(values)] if value in values else values[0]
            links.append(_a("/blogroll/?" + urlencode({**current, facet: following}), f"Blogroll nach {facet}"))
        many = "&".join(f"f{i}=1" for i in range(12))
        links.append(_a(f"/blogroll/?{many}", "Blogroll mit allen Filtern"))
        return page(_page("Blogroll", "<p>" + " ".join(links) + "</p>"))

    def _sitzungs_blog(self, path: str, query: str) -> Response:
        token = hashlib.sha1(f"{path}?{query}".encode()).hexdigest()[:12]  # a new session id on every page
        if path.split(";")[0] in ("/", "/blogroll/", "/links/"):
            links = (
                _a(f"/blogroll/;jsessionid={token}?PHPSESSID={token}", "Blogroll")
                + " "
                + _a(f"/links/?sid={token}&s={token}", "Links")
            )
            return page(_page("Sitzungs-Blog", f"<p>{links}</p>"))
        return page(_page("Über mich", "Sitzung abgelaufen."))

    # -- broken pages ------------------------------------------------------------------------

    def _linkverzeichnis_blog(self, path: str, query: str) -> Response:
        if path != "/":
            return page(_page("Eintrag", "Ein Eintrag."))
        return page(self.ten_thousand_links)

    @cached_property
    def ten_thousand_links(self) -> bytes:
        items = "".join(f'<li><a href="/verzeichnis/eintrag-{i}/">Eintrag {i}</a></li>' for i in range(LINK_COUNT))
        return _page("Linkverzeichnis", f"<ul>{items}</ul>").encode()

    def _skript_lastig(self, path: str, query: str) -> Response:
        if path != "/":
            return page(_page("Über mich", "Wenig Skript."))
        return page(self.script_heavy)

    @cached_property
    def script_heavy(self) -> bytes:
        """Megabytes of inline script before the content, like bundled single-page apps."""
        chunk = "window.__DATA__.push({id: 1, text: 'Lorem ipsum dolor sit amet <a href=\"/nein/\">'});\n"
        script = "<script>window.__DATA__ = [];\n" + chunk * (SCRIPT_BYTES // len(chunk)) + "</script>"
        body = (
            f"{script}<main><p>Skript-lastig schreibt über Content-Marketing und Reichweite.</p>"
            f"<p>{_a('/ueber-mich/', 'Über mich')}</p></main>"
        )
        head = '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Skript-lastig</title></head>'
        return (head + f"<body><h1>Skript-lastig</h1>{body}</body></html>").encode()

    def _binaer_als_html(self, path: str, query: str) -> Response:
        return page(Random(7).randbytes(64 * 1024))

    def _abgeschnitten_blog(self, path: str, query: str) -> Response:
        resp = page(_page("Abgeschnitten", "<p>Dieser Text hört mitten im"))
        resp.declared_length = len(resp.body) + 50_000
        return resp

    def _kaputtes_utf8(self, path: str, query: str) -> Response:
        if path != "/":
            return page(_page("Über mich", "Heile Zeichen."))
        text = (
            "Schöne Grüße aus Köln! Über Suchmaschinenoptimierung, Öffentlichkeitsarbeit und "
            "größere Beiträge schreiben wir hier täglich. Zuverlässig, gemütlich, übersichtlich."
        )
        good = _page(
            "Kaputte Zeichen: Grüße aus Köln", f"<p>{text}</p>BROKEN<p>{_a('/ueber-mich/', 'Über mich')}</p>"
        ).encode()
        # A stray Latin-1 byte, a cut multi-byte sequence, an invalid lead byte, an encoded surrogate.
        broken = b"<p>Gr\xfc\xdfe von nebenan \xc3\x28 \xe2\x82 \xff \xed\xa0\x80 Ende</p>"
        return page(good.replace(b"BROKEN", broken))

    def _tag_suppe(self, path: str, query: str) -> Response:
        if path == "/":
            return page(_SOUP)
        return page(_page("Über mich" if "ueber" in path else "Blogroll", "Aufgeräumt."))

    def _uebergross_archiv(self, path: str, query: str) -> Response:
        return page(self.oversized)

    @cached_property
    def oversized(self) -> bytes:
        row = "<p>Archiveintrag über Suchmaschinenoptimierung und Reichweite, immer wieder.</p>\n"
        return _page("Übergroßes Archiv", row * (OVERSIZED_BYTES // len(row) + 1)).encode()

    # -- bad servers -------------------------------------------------------------------------

    def _haengt_blog(self, path: str, query: str) -> Response:
        resp = page(_page("Endlich", "Zu spät."))
        resp.delay = HANG_SECONDS
        return resp

    def _tropf_blog(self, path: str, query: str) -> Response:
        resp = page(_page("Tropfen", "<p>" + "Tropf. " * 2000 + "</p>"))
        resp.drip = DRIP_SECONDS
        return resp

    def _riesen_robots(self, path: str, query: str) -> Response:
        if path == "/":
            return page(
                _page(
                    "Riesen-Robots", f"<p>{_a('/intern/blogroll/', 'Blogroll')} {_a('/ueber-mich/', 'Über mich')}</p>"
                )
            )
        return page(_page("Über mich" if "ueber" in path else "Intern", "Seite."))

    def _kaputte_robots(self, path: str, query: str) -> Response:
        return self._riesen_robots(path, query)

    def _fehler_sturm(self, path: str, query: str) -> Response:
        if path == "/":
            links = " ".join(
                _a(p, t)
                for p, t in (
                    ("/blogroll/", "Blogroll"),
                    ("/ueber-mich/", "Über mich"),
                    ("/kontakt/", "Kontakt"),
                    ("/impressum/", "Impressum"),
                    ("/links/", "Links"),
                    ("/partner/", "Partner"),
                )
            )
            return page(_page("Fehler-Sturm", f"<p>{links}</p>"))
        status = _storm_status(path)
        resp = page(_page(f"Fehler {status}", "Gleich wieder da."), status=status)
        if status in (429, 503):
            resp.headers["Retry-After"] = "3600"
        return resp

    def _umzugs_kette(self, path: str, query: str) -> Response:
        match = re.fullmatch(r"/umzug/(\d+)/", path)
        step = int(match[1]) if match else 0
        if step >= CHAIN_LENGTH:
            return page(_page("Angekommen", "Endlich."))
        return redirect(f"http://{LONG_CHAIN}/umzug/{step + 1}/", 301 if step % 2 else 302)

    def _auffrisch_schleife(self, path: str, query: str) -> Response:
        """Every page sends the browser on with ``<meta http-equiv="refresh">``, forever."""
        match = re.fullmatch(r"/runde/(\d+)/", path)
        step = int(match[1]) if match else 0
        target = f"http://{REFRESH_LOOP}/runde/{step + 1}/"
        head = f'<meta http-equiv="refresh" content="0; url={target}">'
        return page(_page("Einen Moment", "Weiter geht es.").replace("</head>", head + "</head>"))

    def _weiter_nach_innen(self, path: str, query: str) -> Response:
        return redirect("http://169.254.169.254/latest/meta-data/", 302)

    def _neugierige_links(self, path: str, query: str) -> Response:
        if path != "/":
            return page(_page("Über mich", "Neugierig."))
        items = "".join(f"<li>{_a(url, f'Mein Router {i}')}</li>" for i, url in enumerate(PRIVATE_TARGETS))
        return page(_page("Neugierige Links", f"<h2>Blogroll</h2><ul>{items}</ul>"))

    # -- hostile headers and encodings ------------------------------------------------------

    def _riesen_kopfzeilen(self, path: str, query: str) -> Response:
        resp = page(_page("Riesen-Kopfzeilen", "<p>Die Kopfzeilen sind größer als die Seite.</p>"))
        resp.headers.update(self.huge_headers)
        return resp

    @cached_property
    def huge_headers(self) -> dict[str, str]:
        """``HEADER_LINES`` header lines (``X-Fuell-N: ...``), about 500 KB."""
        return {f"X-Fuell-{i}": "0123456789abcdef" for i in range(HEADER_LINES)}

    def _robots_ueber_limit(self, path: str, query: str) -> Response:
        return self._riesen_robots(path, query)

    def _verkleidete_links(self, path: str, query: str) -> Response:
        if path != "/":
            return page(_page("Über mich", "Verkleidet."))
        items = "".join(f"<li>{_a(f'http://{host}/', f'Blog {host}')}</li>" for host in REDIRECTORS)
        return page(_page("Verkleidete Links", f"<h2>Blogroll</h2><ul>{items}</ul>"))

    def _gzip_bombe(self, path: str, query: str) -> Response:
        resp = page(self.gzip_bomb)
        resp.headers["Content-Encoding"] = "gzip"
        return resp

    @cached_property
    def gzip_bomb(self) -> bytes:
        """``BOMB_BYTES`` of an HTML page (mostly spaces) gzipped to ~16 KB."""
        return gzip.compress(b"<html><body>" + b" " * BOMB_BYTES + b"</body></html>", compresslevel=9)


def hostile_urls() -> dict[str, str]:
    """Entry URL of every hostile host, by name."""
    names = {
        DEEP_PATHS: "deep_paths",
        LOOPING_PATHS: "looping_paths",
        CALENDAR: "link_calendar",
        PAGINATION: "endless_pagination",
        PERMUTATIONS: "parameter_permutations",
        SESSION_IDS: "session_id_paths",
        TEN_THOUSAND_LINKS: "ten_thousand_links",
        INLINE_SCRIPT: "inline_script",
        BINARY_AS_HTML: "binary_as_html",
        TRUNCATED: "truncated",
        BROKEN_UTF8: "broken_utf8",
        TAG_SOUP: "tag_soup",
        OVERSIZED: "oversized",
        HANGS: "hangs",
        DRIPS: "drips",
        HUGE_ROBOTS: "huge_robots",
        BAD_ROBOTS: "malformed_robots",
        ERROR_STORM: "error_storm",
        LONG_CHAIN: "long_redirect_chain",
        REDIRECT_INSIDE: "redirect_to_private",
        SSRF_BAIT: "ssrf_bait",
        HUGE_HEADERS: "huge_headers",
        ROBOTS_OVER_LIMIT: "robots_over_download_limit",
        DISGUISED_BAIT: "disguised_private_redirects",
        GZIP_BOMB: "gzip_bomb",
        REFRESH_LOOP: "meta_refresh_loop",
    }
    return {name: f"http://{site}/" for site, name in names.items()}
