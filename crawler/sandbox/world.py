"""A generated, deterministic blogosphere with ground truth, answering HTTP requests in memory.

>>> import datetime as dt
>>> world = generate_world(seed=1, n_blogs=20, today=dt.date(2026, 3, 1))
>>> world.response(world.seeds[0], {}).status
200
>>> sorted(set(world.truth.values()))[:3]
['dead', 'farm', 'hub']
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
from email.utils import parsedate_to_datetime
from random import Random
from typing import Protocol
from urllib.parse import urlsplit

from crawler.sandbox import build, feeds, outreach, text, wiring
from crawler.sandbox.model import HTML, LABELS, Blog, Post, Response, page, redirect
from crawler.sandbox.pages import BlogPages
from crawler.sandbox.special import PLATFORM_SITES, TRAP_SITES, ExtraHosts, Specials, tiny_page

log = logging.getLogger(__name__)

LANGS = ("de", "en")
GENERATION_ORDER = ("seed", "partner", "dead", "offtopic", "hub", "farm", "shop")
NOT_FOUND_PATH = "/2019/05/geloeschter-beitrag/"
FILES = {"/downloads/checkliste.pdf": "application/pdf", "/bilder/team.jpg": "image/jpeg"}
_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]"
    b"/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)
_JPEG = bytes.fromhex(
    "ffd8ffe000104a46494600010100000100010000ffdb004300080606070605080707070909080a0c140d0c0b0b0c19"
    "12130f141d1a1f1e1d1a1c1c20242e2720222c231c1c2837292c30313434341f27393d38323c2e333432ffc0000b08"
    "0001000101011100ffc4001f0000010501010101010100000000000000000102030405060708090a0bffc400b51000"
    "02010303020403050504040000017d01020300041105122131410613516107227114328191a1082342b1c11552d1f0"
    "2433627282090a161718191a25262728292a3435363738393a434445464748494a535455565758595a636465666768"
    "696a737475767778797a838485868788898a92939495969798999aa2a3a4a5a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3"
    "c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae1e2e3e4e5e6e7e8e9eaf1f2f3f4f5f6f7f8f9faffda0008010100003f00fb"
    "d3ffd9"
)
_CALENDAR_RE = re.compile(r"^/kalender/(\d{1,4})/(\d{1,2})/$")
_FARM_RE = re.compile(r"^/(?:seite|page)/([1-5])/$")


class Plan(Protocol):
    """How a world's labelled blogs are made and linked; `SamplePlan` is the sample blogosphere's."""

    order: tuple[str, ...]
    """Labels in the order their blogs are listed (seeds first)."""

    def groups(
        self, rng: Random, n_blogs: int, langs: tuple[str, ...], today: dt.date, taken: set[str], seed: int
    ) -> dict[str, list[Blog]]:
        """The blogs by label, not linked yet; their sites are added to `taken`."""
        ...

    def wire(self, rng: Random, groups: dict[str, list[Blog]], blogs: list[Blog], today: dt.date) -> None:
        """Blogroll and content links, and comments, once the blogroll styles are set."""
        ...


class SamplePlan:
    """The sample blogosphere: seeds, partners, dead and off-topic blogs, a hub, link farms, shops."""

    order = GENERATION_ORDER

    def groups(
        self, rng: Random, n_blogs: int, langs: tuple[str, ...], today: dt.date, taken: set[str], seed: int
    ) -> dict[str, list[Blog]]:
        """The blogs by label (`build.label_counts` of each), not linked yet."""
        return _easy_groups(rng, n_blogs, langs, today, taken)

    def wire(self, rng: Random, groups: dict[str, list[Blog]], blogs: list[Blog], today: dt.date) -> None:
        """Links as `wiring.wire` lays them, and readers' comments."""
        wiring.wire(rng, groups)
        wiring.add_comments(rng, groups, today)


def generate_world(
    seed: int = 0,
    n_blogs: int = 40,
    langs: tuple[str, ...] = LANGS,
    today: dt.date | None = None,
    *,
    plan: Plan | None = None,
    extra_hosts: ExtraHosts | None = None,
) -> World:
    """Generate a blogosphere of `n_blogs` labelled blogs plus traps and platforms.

    Deterministic for a given (seed, n_blogs, langs, today, plan); `today` defaults to the
    current date and all post dates are relative to it. Page text is rendered on demand.
    `plan` makes and links the blogs (default `SamplePlan`); `extra_hosts` are served beside
    the traps and platforms, and linked from no blog.
    """
    langs = tuple(langs)
    if not langs or any(lang not in LANGS for lang in langs):
        raise ValueError(f"langs must be a non-empty subset of {LANGS}")
    today = today or dt.date.today()
    plan = plan or SamplePlan()
    rng = Random(seed)
    taken = _reserved(extra_hosts)
    groups = plan.groups(rng, n_blogs, langs, today, taken, seed)
    seeds, partners = groups["seed"], groups["partner"]
    seeds[0].features.add("files")
    seeds[0].email_style, seeds[1].email_style = "at_dot", "paren_at"
    seeds[1].features.add("private")
    partners[0].features.add("calendar")
    partners[1].features.add("sid")
    blogs = [b for label in plan.order for b in groups[label]]
    wiring.assign_roll_styles(rng, blogs, seeds)
    plan.wire(rng, groups, blogs, today)
    shortlinks = _platform_links(rng, groups)
    specials = Specials(
        chain_target=partners[-1].home_url,
        back_url=seeds[0].home_url,
        modified=today - dt.timedelta(days=100),
        shortlinks=shortlinks,
        extra=extra_hosts,
    )
    _trap_links(groups, specials)
    return World(seed, today, blogs, specials)


def _reserved(extra_hosts: ExtraHosts | None) -> set[str]:
    """Sites no generated blog may take: traps, platforms and the extra hosts."""
    return set(TRAP_SITES) | set(PLATFORM_SITES) | set(extra_hosts.sites if extra_hosts is not None else ())


def _easy_groups(
    rng: Random, n_blogs: int, langs: tuple[str, ...], today: dt.date, taken: set[str]
) -> dict[str, list[Blog]]:
    counts = build.label_counts(n_blogs)
    groups: dict[str, list[Blog]] = {label: [] for label in LABELS}
    for label in GENERATION_ORDER:
        for i in range(counts[label]):
            lang = langs[i % len(langs)] if label == "seed" else build.pick_lang(rng, langs)
            groups[label].append(
                build.make_blog(
                    rng, label=label, topic=_topic(rng, label, i), lang=lang, index=i, today=today, taken=taken
                )
            )
    return groups


def _topic(rng: Random, label: str, index: int) -> str:
    if label == "seed":
        return text.MARKETING_TOPICS[index % len(text.MARKETING_TOPICS)]
    if label in ("partner", "dead"):
        return rng.choice(text.MARKETING_TOPICS)
    if label == "offtopic":
        return rng.choice(text.OFFTOPIC_TOPICS)
    return {"hub": "lifestyle", "farm": "seo", "shop": "shop"}[label]


def _platform_links(rng: Random, groups: dict[str, list[Blog]]) -> dict[str, str]:
    """Links to Wikipedia, YouTube, Amazon, Spiegel and bit.ly from posts; returns bit.ly codes."""
    shortlinks: dict[str, str] = {}
    targets = [b for b in groups["partner"] if b.posts]
    for blog in groups["seed"] + groups["partner"] + groups["offtopic"] + groups["dead"]:
        for post in blog.posts:
            roll = rng.random()
            if roll < 0.1:
                wiki = "de" if blog.lang == "de" else "en"
                term = text.slugify(rng.choice(text.topic_terms(blog.topic, blog.lang))).title()
                post.links.append((f"http://{wiki}.wikipedia.org/wiki/{term}", "Wikipedia"))
            elif roll < 0.2:
                code = "".join(rng.choices("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", k=7))
                target = rng.choice(targets)
                shortlinks[code] = target.url(rng.choice(target.posts).path)
                post.links.append((f"http://bit.ly/{code}", target.title))
            elif roll < 0.3:
                asin = "B0" + "".join(rng.choices("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ", k=8))
                post.links.append((f"https://www.amazon.de/dp/{asin}?tag={blog.site[:10]}-21", "Amazon"))
            elif roll < 0.4:
                video = "".join(rng.choices("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", k=11))
                post.links.append((f"https://www.youtube.com/watch?v={video}", "YouTube"))
            elif roll < 0.45:
                post.links.append(("http://www.spiegel.de/netzwelt/", "SPIEGEL"))
    return shortlinks


def _trap_links(groups: dict[str, list[Blog]], specials: Specials) -> None:
    """Link every trap from the first two seeds' newest posts (and the first seed's blogroll)."""
    first, second = groups["seed"][0], groups["seed"][1]
    urls = specials.urls()
    first.blogroll.insert(0, (urls["redirect_chain"], "Alter Marketing-Blog"))
    first.blogroll.insert(1, (urls["robots_disallow_all"], "Geheimer Marketing-Blog"))
    first.posts[0].links += [
        (urls["redirect_chain"], "Alter Marketing-Blog"),
        (urls["robots_disallow_all"], "Geheim-Blog"),
        (NOT_FOUND_PATH, "alter Beitrag"),
        ("/downloads/checkliste.pdf", "Checkliste (PDF)"),
        ("/bilder/team.jpg", "Foto"),
        (urls["slow"], "Langsam-Blog"),
    ]
    second.posts[0].links += [
        (urls["redirect_loop"], "Endlos"),
        (urls["server_error"], "Baustelle"),
        (urls["huge"], "Archiv"),
        (urls["latin1_declared_utf8"], "Umlaut-Archiv"),
        (urls["latin1_no_charset"], "Vereinsseite"),
    ]


def _etag(body: bytes) -> str:
    return '"' + hashlib.sha1(body).hexdigest()[:20] + '"'


def conditional(resp: Response, headers: dict[str, str]) -> Response:
    """Add an ETag to a 200 answer and turn it into 304 when the request's validators match."""
    if resp.status != 200:
        return resp
    resp.headers.setdefault("ETag", _etag(resp.body))
    etag, modified = resp.headers["ETag"], resp.headers.get("Last-Modified")
    not_modified = False
    if "if-none-match" in headers:
        tags = [t.strip().removeprefix("W/") for t in headers["if-none-match"].split(",")]
        not_modified = "*" in tags or etag in tags
    elif "if-modified-since" in headers and modified:
        try:
            not_modified = parsedate_to_datetime(modified) <= parsedate_to_datetime(headers["if-modified-since"])
        except (TypeError, ValueError):
            log.debug("bad If-Modified-Since %r", headers["if-modified-since"])
    if not not_modified:
        return resp
    kept = {k: v for k, v in resp.headers.items() if k in ("ETag", "Last-Modified")}
    return Response(304, kept, b"", resp.delay)


class World:
    """The sandbox web: blogs with ground truth, traps and platforms, answering requests.

    A plain in-memory model; mutate it (``add_post``, ``add_blog``, ``kill_blog``) between
    crawls, not while a server is answering from it.
    """

    def __init__(self, seed: int, today: dt.date, blogs: list[Blog], specials: Specials):
        self.seed, self.today, self.specials = seed, today, specials
        self._blogs = list(blogs)
        self._initial = list(blogs)
        self._by_host: dict[str, Blog] = {}
        for blog in blogs:
            self._register(blog)

    def _register(self, blog: Blog) -> None:
        self._by_host[blog.host] = blog
        self._by_host[blog.alt_host] = blog

    # -- ground truth ----------------------------------------------------------------------

    @property
    def blogs(self) -> list[Blog]:
        """All generated blogs (seeds first)."""
        return list(self._blogs)

    @property
    def seeds(self) -> list[str]:
        """Home URLs of the seed blogs."""
        return [b.home_url for b in self._blogs if b.label == "seed"]

    @property
    def truth(self) -> dict[str, str]:
        """Label by site key (host without ``www.``); platforms are labelled ``platform``."""
        labels = {b.site: b.label for b in self._blogs}
        labels.update({site: "platform" for site in PLATFORM_SITES})
        return labels

    @property
    def nasty(self) -> dict[str, str]:
        """Entry URL of every trap, by name (trap hosts are not in `truth`)."""
        seeds = [b for b in self._blogs if b.label == "seed"]
        partners = [b for b in self._blogs if "calendar" in b.features or "sid" in b.features]
        urls = self.specials.urls()
        urls.update(
            {
                "not_found": seeds[0].url(NOT_FOUND_PATH),
                "pdf": seeds[0].url("/downloads/checkliste.pdf"),
                "jpeg": seeds[0].url("/bilder/team.jpg"),
                "robots_private": seeds[1].url(seeds[1].page_path("private")),
                "opml": next(b.url("/blogroll.opml") for b in seeds if b.blogroll_style == "opml"),
            }
        )
        for blog in partners:
            if "calendar" in blog.features:
                urls["calendar"] = blog.url("/kalender/2024/01/")
            if "sid" in blog.features:
                urls["session_ids"] = blog.home_url
        return urls

    def blog(self, host: str) -> Blog:
        """The blog served on a host, site key or URL (KeyError if none)."""
        if "/" in host:
            host = urlsplit(host).hostname or ""
        host = host.lower()
        blog = self._by_host.get(host) or self._by_host.get(f"www.{host}")
        if blog is None:
            raise KeyError(host)
        return blog

    # -- HTTP ------------------------------------------------------------------------------

    def response(self, url: str, headers: dict[str, str] | None = None) -> Response:
        """Answer a GET for an absolute URL; honours If-None-Match / If-Modified-Since."""
        headers = {k.lower(): v for k, v in (headers or {}).items()}
        parts = urlsplit(url)
        host = (parts.hostname or "").lower().rstrip(".")
        path = parts.path or "/"
        resp = self.specials.response(host, path, parts.query)
        if resp is None:
            blog = self._by_host.get(host)
            if blog is None:
                body = tiny_page("502 Bad Gateway", f"Unknown host {host}")
                return Response(502, {"Content-Type": HTML}, body.encode())
            resp = self._blog_response(blog, host, path, parts.query)
        return conditional(resp, headers)

    def _blog_response(self, blog: Blog, host: str, path: str, query: str) -> Response:
        if host != blog.host:
            return redirect(blog.url(path) + (f"?{query}" if query else ""), 301)
        if blog.state == "gone":
            return page(tiny_page("410 Gone", "Dieser Blog existiert nicht mehr."), status=410)
        if blog.state == "down":
            return Response(502, {"Content-Type": HTML}, tiny_page("502 Bad Gateway", host).encode())
        resp = self._route(blog, BlogPages(blog, self.seed, path, query, self._latest(blog)), path)
        if resp is not None:
            return resp
        if not path.endswith("/") and self._route(blog, BlogPages(blog, self.seed, path + "/"), path + "/"):
            return redirect(blog.url(path + "/"), 301)
        return page(BlogPages(blog, self.seed, path).not_found(), status=404)

    def _route(self, blog: Blog, pages: BlogPages, path: str) -> Response | None:
        modified = max((p.modified for p in blog.posts), default=blog.created)
        if path == "/robots.txt":
            return page(feeds.robots(blog), modified=blog.created, content_type="text/plain; charset=utf-8")
        if path == "/sitemap.xml":
            return page(feeds.sitemap(blog), modified=modified, content_type="application/xml")
        if path == blog.feed_path:
            if blog.feed_format == "atom":
                return page(feeds.atom(blog, pages), modified=modified, content_type="application/atom+xml")
            return page(feeds.rss(blog, pages), modified=modified, content_type="application/rss+xml; charset=UTF-8")
        if path == "/":
            return page(pages.home(), modified=modified)
        for post in blog.posts:
            if post.path == path:
                body = pages.product(post) if blog.label == "shop" else pages.post(post)
                return page(body, modified=post.modified)
        for name in blog.static_pages():
            if blog.page_path(name) == path:
                return page(pages.static(name), modified=blog.created)
        return self._route_extra(blog, pages, path)

    def _route_extra(self, blog: Blog, pages: BlogPages, path: str) -> Response | None:
        if blog.blogroll_style == "page" and path == blog.blogroll_path:
            return page(pages.blogroll_page(), modified=blog.created)
        if path == outreach.cooperation_path(blog):
            return page(pages.cooperation(), modified=blog.created)
        if blog.blogroll_style == "opml" and path == "/blogroll.opml":
            return page(feeds.opml(blog), modified=blog.created, content_type="text/x-opml; charset=utf-8")
        if "files" in blog.features and path in FILES:
            body = _PDF if path.endswith(".pdf") else _JPEG
            return page(body, modified=blog.created, content_type=FILES[path])
        match = _CALENDAR_RE.match(path)
        if match and "calendar" in blog.features and 1 <= int(match[2]) <= 12 and int(match[1]) > 0:
            return page(pages.calendar(int(match[1]), int(match[2])), modified=blog.created)
        if blog.label == "shop" and path == pages.cart_path():
            return page(pages.cart(), modified=blog.created)
        match = _FARM_RE.match(path)
        if match and blog.label == "farm":
            return page(
                pages.farm_page(int(match[1]), self._farm_targets(blog, int(match[1]))), modified=blog.last_post
            )
        return None

    def _latest(self, blog: Blog) -> dict[str, tuple[str, str]]:
        """Newest post of each blogroll entry (for Blogger's BlogList widget)."""
        if blog.blogroll_style != "blogger_bloglist":
            return {}
        out = {}
        for url, _ in blog.blogroll:
            target = self._by_host.get(urlsplit(url).hostname or "")
            if target is not None and target.posts:
                out[url] = (target.url(target.posts[0].path), target.posts[0].title)
        return out

    def _farm_targets(self, farm: Blog, number: int) -> list[str]:
        """About 200 outgoing links of a link farm page: other farms, blogs, posts."""
        rng = Random(f"{self.seed}|{farm.site}|targets|{number}")
        word = lambda b: "seite" if b.lang == "de" else "page"  # noqa: E731
        farms = [b for b in self._initial if b.label == "farm" and b is not farm]
        out = [f"http://{b.host}/{word(b)}/{rng.randint(1, 5)}/" for b in farms]
        others = [b for b in self._initial if b.label != "farm"]
        while len(out) < 200:
            target = rng.choice(others)
            post = rng.choice(target.posts) if target.posts and rng.random() < 0.5 else None
            out.append(target.url(post.path) if post else target.home_url)
        return out

    # -- mutation for re-crawl tests -------------------------------------------------------

    def add_post(self, host: str, title: str, text: str | None = None, when: dt.date | None = None) -> str:
        """Publish a post on a blog (changes its home, feed, sitemap and their ETags); returns its URL."""
        blog = self.blog(host)
        when = when or self.today
        slug = _free_slug(blog, _slug(title))
        words = len(text.split()) if text else 200
        post = Post(title, slug, build.post_path(blog, slug, when), when, words, text=text)
        blog.posts.append(post)
        blog.posts.sort(key=lambda p: p.published, reverse=True)
        return blog.url(post.path)

    def add_blog(self, label: str = "partner", linked_from: str | None = None, lang: str | None = None) -> Blog:
        """Create a new blog, linked from the blogroll of `linked_from` (a host) if given."""
        if label not in LABELS:
            raise ValueError(f"label must be one of {LABELS}")
        rng = Random(f"{self.seed}|add_blog|{len(self._blogs)}")
        source = self.blog(linked_from) if linked_from else None
        lang = lang or (source.lang if source else "de")
        taken = {b.site for b in self._blogs} | _reserved(self.specials.extra)
        blog = build.make_blog(
            rng,
            label=label,
            topic=_topic(rng, label, len(self._blogs)),
            lang=lang,
            index=len(self._blogs),
            today=self.today,
            taken=taken,
        )
        blog.blogroll_style = "none" if label in ("farm", "shop") else "heading"
        seeds = [b for b in self._blogs if b.label == "seed"]
        if source is not None:
            source.blogroll.append((blog.home_url, blog.title))
            blog.blogroll.append((source.home_url, source.title))
        if seeds and label != "shop":
            blog.blogroll.append((seeds[0].home_url, seeds[0].title))
        self._blogs.append(blog)
        self._register(blog)
        return blog

    def kill_blog(self, host: str, mode: str = "gone") -> None:
        """Take a blog offline: ``gone`` answers 410, ``down`` answers 502 like a dead host."""
        if mode not in ("gone", "down"):
            raise ValueError("mode must be 'gone' or 'down'")
        self.blog(host).state = mode


def _slug(title: str) -> str:
    return text.slugify(title) or "beitrag"


def _free_slug(blog: Blog, slug: str) -> str:
    taken = {p.slug for p in blog.posts}
    candidate, number = slug, 2
    while candidate in taken:
        candidate, number = f"{slug}-{number}", number + 1
    return candidate
