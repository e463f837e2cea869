"""The "Kontor" blogosphere: a generated German (and partly English) marketing blog web.

``build_world(seed)`` returns a `World`: HTML pages, feeds and redirects per host and path, the
seed URLs and the ground truth ``{site: label}``. Everything depends on the random seed only; the
reference day is 2026-12-07.

Labels: ``seed``; ``partner`` (blogs on content marketing, SEO and social media marketing);
``adjacent`` (PR, general online marketing, e-commerce and copywriting blogs); and the 0-gain labels
``copy`` (reworded copies, full-text aggregator), ``farm`` (machine-made blogs, link sellers, an
article directory), ``lifestyle`` (friends' blogs on food, travel, living), ``shop`` (shops and
software vendors), ``offtopic`` (news sites, businesses, hobby blogs) and ``dead`` (no post since 2021).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import random
import re
from dataclasses import dataclass, field

try:
    from . import textbank as tb
except ImportError:  # run as a script from this folder
    import textbank as tb  # type: ignore[no-redef]

TODAY = dt.date(2026, 12, 7)
TOPIC = "content marketing, seo, social media marketing"
HTML_CT = "text/html; charset=utf-8"
RSS_CT = "application/rss+xml; charset=utf-8"


# -- model ---------------------------------------------------------------------------------------


@dataclass
class Comment:
    name: str
    url: str | None
    day: dt.date
    text: str
    pingback: bool = False


@dataclass
class Post:
    title: str
    slug: str
    day: dt.date
    paras: list[str]
    author: str
    cat: str = "Allgemein"
    comments: list[Comment] = field(default_factory=list)
    path: str = ""
    origin: tuple[str, str] | None = None  # (url, blog title) of the original, for the aggregator
    hour: int = 9


@dataclass
class Site:
    host: str
    label: str
    kind: str  # wp, blogger, wix, jimdo, elementor, hugo, medium, agency, shop, saas, news, business, portal, directory
    title: str
    author: str
    lang: str = "de"
    topics: list[str] = field(default_factory=list)
    base: str = ""
    feed: bool = True
    impressum: bool = True
    about: bool = True
    tagline: str = ""
    weight: float = 0.5
    posts: list[Post] = field(default_factory=list)
    blogroll: list[tuple[str, str]] = field(default_factory=list)
    friends: list[tuple[str, str]] = field(default_factory=list)
    badges: list[tuple[str, str]] = field(default_factory=list)
    key: str = ""
    alias: str | None = None  # other host variant that redirects here (www / bare)
    old_host: str | None = None  # former domain answering 301 to this one
    theme: str = ""
    life: str = ""
    address: tuple[str, str, str] = ("", "", "")
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def home(self) -> str:
        return f"http://{self.host}{self.base}/"

    def url(self, path: str) -> str:
        return f"http://{self.host}{path}"


class World:
    def __init__(self) -> None:
        self.pages: dict[tuple[str, str], tuple[int, dict[str, str], bytes]] = {}
        self.host_redirects: dict[str, str] = {}
        self.seeds: list[str] = []
        self.truth: dict[str, str] = {}
        self.sites: list[Site] = []
        self.topic = TOPIC

    def add(self, host: str, path: str, body: str, ctype: str = HTML_CT, modified: dt.date | None = None) -> None:
        headers = {"Content-Type": ctype}
        if modified:
            headers["Last-Modified"] = _http_date(modified)
        self.pages[(host, path)] = (200, headers, body.encode("utf-8"))

    def redirect(self, host: str, path: str, location: str) -> None:
        body = f'<html><body><a href="{location}">Moved Permanently</a></body></html>'
        self.pages[(host, path)] = (301, {"Location": location, "Content-Type": HTML_CT}, body.encode())

    def response(self, host: str, path: str) -> tuple[int, dict[str, str], bytes]:
        host = host.lower().split(":")[0]
        if host in self.host_redirects:
            target = self.host_redirects[host]
            return self._moved(f"http://{target}{path}")
        hit = self.pages.get((host, path)) or self.pages.get((host, path.split("?", 1)[0]))
        if hit:
            return hit
        bare = path.split("?", 1)[0]
        if path.split("?", 1)[0].endswith("/robots.txt") or bare == "/robots.txt":
            if host in self.hosts():
                body = f"User-agent: *\nAllow: /\n\nSitemap: http://{host}/sitemap.xml\n"
                return 200, {"Content-Type": "text/plain; charset=utf-8"}, body.encode()
        if not bare.endswith("/") and (host, bare + "/") in self.pages:
            return self._moved(f"http://{host}{bare}/")
        body = "<!DOCTYPE html><html><head><title>Seite nicht gefunden</title></head><body><h1>404</h1><p>Die Seite wurde nicht gefunden.</p></body></html>"
        return 404, {"Content-Type": HTML_CT}, body.encode()

    def hosts(self) -> set[str]:
        if not hasattr(self, "_hosts"):
            self._hosts = {h for h, _ in self.pages}
        return self._hosts

    @staticmethod
    def _moved(location: str) -> tuple[int, dict[str, str], bytes]:
        body = f'<html><body><a href="{location}">Moved Permanently</a></body></html>'
        return 301, {"Location": location, "Content-Type": HTML_CT}, body.encode()


def _http_date(day: dt.date) -> str:
    from email.utils import format_datetime

    return format_datetime(dt.datetime.combine(day, dt.time(9, 0), tzinfo=dt.UTC), usegmt=True)


def _h(text: str) -> int:
    return int(hashlib.md5(text.encode("utf-8")).hexdigest()[:12], 16)


def slugify(text: str) -> str:
    text = text.lower()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"), ("ı", "i"), ("ş", "s"), ("ë", "e")):
        text = text.replace(a, b)
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:70]


def de_date(day: dt.date, weekday: bool = False) -> str:
    s = f"{day.day}. {tb.MONTHS_DE[day.month - 1]} {day.year}"
    return f"{tb.WEEKDAYS_DE[day.weekday()]}, {s}" if weekday else s


def en_date(day: dt.date) -> str:
    return f"{tb.MONTHS_EN[day.month - 1]} {day.day}, {day.year}"


def nice_date(site: Site, day: dt.date) -> str:
    return en_date(day) if site.lang == "en" else de_date(day)


def esc(s: str) -> str:
    return html.escape(s, quote=True)


# -- the cast ------------------------------------------------------------------------------------

SEEDS = [
    (
        "contentkompass.de",
        "Content-Kompass",
        "Julia Wenzel",
        ["content", "content", "seo", "social"],
        "wp",
        "Orientierung für Content Marketing im Mittelstand",
    ),
    (
        "seo-werkstatt.net",
        "SEO-Werkstatt",
        "Tobias Krämer",
        ["seo", "seo", "content"],
        "wp",
        "Suchmaschinenoptimierung aus der Praxis",
    ),
    (
        "www.socialsalon.de",
        "Social Salon",
        "Miriam Öztürk",
        ["social", "social", "content"],
        "wp",
        "Social Media Marketing mit Haltung",
    ),
    (
        "textundstrategie.de",
        "Text & Strategie",
        "Hannes Bäumer",
        ["content", "copy", "seo"],
        "hugo",
        "Notizen zu Content-Strategie und Redaktion",
    ),
    (
        "klickfluesterer.de",
        "Der Klickflüsterer",
        "Sven Ahlers",
        ["seo", "social", "content", "om"],
        "wp",
        "SEO, Social und Content für Selbstständige",
    ),
]

# host, title, author, topics, kind, lang, feed, weight, extras
PARTNERS = [
    ("redaktionsfuchs.de", "Redaktionsfuchs", "Lena Hartmann", ["content", "content"], "wp", "de", True, 0.9, {}),
    ("seo-kueche.de", "SEO-Küche", "Daniel Voigt", ["seo", "seo", "content"], "wp", "de", True, 0.8, {}),
    (
        "linkedin-lotsin.de",
        "Die LinkedIn-Lotsin",
        "Katrin Schöller",
        ["social", "social"],
        "elementor",
        "de",
        False,
        0.7,
        {},
    ),
    (
        "claudiaweiss.wixsite.com",
        "Claudia Weiß – Content & Social",
        "Claudia Weiß",
        ["content", "social"],
        "wix",
        "de",
        False,
        0.5,
        {"base": "/blog"},
    ),
    ("storyhafen.de", "Storyhafen", "Jonas Petersen", ["content"], "jimdo", "de", False, 0.45, {}),
    (
        "suchmaschinen-sprechstunde.de",
        "Die Suchmaschinen-Sprechstunde",
        "Felix Brandt",
        ["seo"],
        "hugo",
        "de",
        True,
        0.6,
        {},
    ),
    (
        "community-kompass.blogspot.com",
        "Community-Kompass",
        "Maren Lorenz",
        ["social", "content"],
        "blogger",
        "de",
        True,
        0.35,
        {},
    ),
    (
        "medium.com",
        "Nina Rößler",
        "Nina Rößler",
        ["content", "content", "seo"],
        "medium",
        "de",
        True,
        0.3,
        {"base": "/@ninaroessler"},
    ),
    (
        "agentur-wortwerk.de",
        "Wortwerk Blog",
        "Stefan Franke",
        ["content", "seo", "social"],
        "agency",
        "de",
        True,
        0.55,
        {"base": "/blog"},
    ),
    (
        "contentgarten.de",
        "Contentgarten",
        "Sabine Kühn",
        ["content", "social"],
        "wp",
        "de",
        True,
        0.75,
        {"old": "contentgarten.wordpress.com"},
    ),
    ("evergreen-texte.de", "Evergreen-Texte", "Petra Sommer", ["content", "seo"], "wp", "de", True, 0.5, {}),
    ("hashtagheldin.de", "Hashtag-Heldin", "Svenja Böhm", ["social"], "wix", "de", False, 0.4, {}),
    ("rankingreport.de", "Rankingreport", "Moritz Jäger", ["seo"], "wp", "de", True, 0.55, {"www": True}),
    (
        "b2b-contentlabor.de",
        "B2B-Contentlabor",
        "Matthias Schäfer",
        ["content", "content", "social"],
        "elementor",
        "de",
        False,
        0.5,
        {"time": True},
    ),
    (
        "lokalsichtbar.jimdosite.com",
        "Lokal sichtbar",
        "Timo Hofmann",
        ["seo", "social"],
        "jimdo",
        "de",
        False,
        0.25,
        {},
    ),
    ("socialmediapraxis.de", "Social Media Praxis", "Florian Vogel", ["social", "content"], "wp", "de", True, 0.65, {}),
    ("markenstimme.de", "Markenstimme", "Ulrike Roth", ["content", "social", "copy"], "hugo", "de", True, 0.45, {}),
    ("contentcraftlab.com", "Content Craft Lab", "Sarah Haas", ["content", "seo"], "hugo", "en", True, 0.35, {}),
    ("searchsignals.blog", "Search Signals", "Kai Graf", ["seo"], "wp", "en", True, 0.3, {}),
    ("thesocialshelf.com", "The Social Shelf", "Elif Neumann", ["social", "content"], "wix", "en", False, 0.2, {}),
    ("videocontent-blog.de", "Videocontent-Blog", "Lukas Zimmermann", ["social", "content"], "wp", "de", True, 0.4, {}),
    ("themenschmiede.de", "Themenschmiede", "Jana Busch", ["content", "seo"], "hugo", "de", True, 0.5, {}),
    (
        "socialmedia-mittelstand.de",
        "Social Media im Mittelstand",
        "Jörg Kraus",
        ["social", "content"],
        "elementor",
        "de",
        False,
        0.3,
        {},
    ),
    (
        "lisa-schreibt-content.de",
        "Lisa schreibt Content",
        "Lisa Thiel",
        ["content", "copy", "seo"],
        "wp",
        "de",
        True,
        0.6,
        {},
    ),
]

ADJACENT = [
    ("pressearbeit-praxis.de", "Pressearbeit in der Praxis", "Olga Jansen", ["pr"], "wp", "de", True, 0.35, {}),
    (
        "kommunikationslotse.de",
        "Kommunikationslotse",
        "Günther Brückner",
        ["pr", "content"],
        "hugo",
        "de",
        True,
        0.3,
        {},
    ),
    ("krisenfest-kommunizieren.de", "Krisenfest kommunizieren", "Franziska Mertens", ["pr"], "wp", "de", True, 0.2, {}),
    ("pr-doktor.de", "Der PR-Doktor", "Dimitri Friedrich", ["pr"], "jimdo", "de", False, 0.15, {}),
    ("onlinemarketing-notizen.de", "Online-Marketing-Notizen", "Björn Nowak", ["om", "seo"], "wp", "de", True, 0.4, {}),
    ("performance-pilot.de", "Performance Pilot", "Marco Sauer", ["om"], "wp", "de", True, 0.3, {}),
    ("mailwerkstatt.de", "Mailwerkstatt", "Anna Becker", ["om", "copy"], "elementor", "de", False, 0.25, {}),
    (
        "marketingammontag.blogspot.com",
        "Marketing am Montag",
        "Jan Wagner",
        ["om", "social"],
        "blogger",
        "de",
        True,
        0.2,
        {},
    ),
    ("shopbetreiber-wissen.de", "Shopbetreiber-Wissen", "Kai Möller", ["ecom"], "wp", "de", True, 0.3, {}),
    ("ecom-insider.de", "E-Com-Insider", "Stefan Krüger", ["ecom", "om"], "hugo", "de", True, 0.2, {}),
    ("haendlerwissen.de", "Händlerwissen", "Petra Lehmann", ["ecom"], "elementor", "de", False, 0.15, {}),
    ("texterherz.de", "Texterherz", "Zoë Schulze", ["copy", "content"], "wp", "de", True, 0.45, {}),
    ("werbetexterin-kiel.de", "Werbetexterin aus Kiel", "Maren Franke", ["copy"], "wix", "de", False, 0.2, {}),
    ("headline-labor.de", "Headline-Labor", "Sönke Vogel", ["copy"], "wp", "de", True, 0.3, {}),
    ("growthnotebook.com", "Growth Notebook", "Tim Carter", ["om", "seo"], "wp", "en", True, 0.2, {}),
    ("copyhatch.com", "Copyhatch", "Rachel Moore", ["copy"], "hugo", "en", True, 0.15, {}),
    ("ux-schreiben.de", "UX-Schreiben", "Ayşe Lehmann", ["copy", "content"], "hugo", "de", True, 0.2, {}),
    (
        "employer-branding-blog.de",
        "Employer-Branding-Blog",
        "Jürgen Roth",
        ["social", "pr"],
        "wp",
        "de",
        True,
        0.25,
        {},
    ),
]

DEAD = [
    ("bloggerwelt-marketing.de", "Bloggerwelt Marketing", "Frank Hoppe", ["content", "social"], 2021, 11),
    ("socialmediadschungel.de", "Social-Media-Dschungel", "Tanja Reuter", ["social"], 2021, 4),
    ("contentzeit.de", "Contentzeit", "Oliver Marx", ["content", "seo"], 2021, 8),
    ("seo-zettelkasten.de", "SEO-Zettelkasten", "Ralf Dreyer", ["seo"], 2021, 2),
    ("webtexte-blog.de", "Webtexte-Blog", "Heike Stein", ["copy", "content"], 2021, 6),
]

LIFESTYLE = [
    ("tante-emmas-kueche.de", "Tante Emmas Küche", "Emma Rieger", "food", "wp"),
    ("fernwehkompass.de", "Fernwehkompass", "Nora Albers", "travel", "wp"),
    ("ostseeliebe-blog.de", "Ostseeliebe", "Katja Brandt", "travel", "wix"),
    ("sauerteig-sonntag.de", "Sauerteig-Sonntag", "Paul Engel", "food", "hugo"),
    ("wohnglueck-blog.de", "Wohnglück", "Melanie Keller", "life", "wp"),
    ("laufmama.de", "Laufmama", "Steffi Horn", "life", "jimdo"),
    ("gruenerbalkon.de", "Grüner Balkon", "Bernd Pohl", "life", "wp"),
    ("buecherstapel-blog.de", "Bücherstapel", "Ines Wolf", "life", "blogger"),
    ("zweiraeder.blogspot.com", "Zwei Räder", "Tom Lange", "travel", "blogger"),
    ("vegan-im-alltag.de", "Vegan im Alltag", "Lea Seidel", "food", "wp"),
    ("kleine-auszeit.de", "Kleine Auszeit", "Carina Fuchs", "life", "elementor"),
    ("familienbande-blog.de", "Familienbande", "Hanna Berger", "life", "wp"),
    ("nordlichter-reisen.de", "Nordlichter unterwegs", "Finn Carstens", "travel", "hugo"),
    ("backliebe.de", "Backliebe", "Sophie Marquardt", "food", "wix"),
    ("alltagsgruen.de", "Alltagsgrün", "Judith Weber", "life", "wp"),
]

SPUN = [
    ("marketing-insider24.de", "Marketing Insider 24", "Redaktion"),
    ("contentwissen-online.de", "Contentwissen Online", "M. Schneider"),
    ("seo-ratgeber-blog.net", "SEO Ratgeber Blog", "Redaktion"),
]
MACHINES = [
    ("marketingtipps-heute.de", "Marketingtipps Heute"),
    ("onlineprofi-wissen.de", "Onlineprofi Wissen"),
    ("socialmedia-ratgeber24.de", "Social Media Ratgeber 24"),
    ("seo-news-kompakt.net", "SEO News Kompakt"),
]
SHOPS = [
    (
        "kaffeeroesterei-hansen.de",
        "Kaffeerösterei Hansen",
        ["Espresso Hafenblend", "Filterkaffee Morgenrot", "Entkoffeiniert Mild"],
    ),
    ("papeterie-liebling.de", "Papeterie Liebling", ["Notizbuch A5 gepunktet", "Planer 2027", "Füllhalter Classic"]),
    ("buerobedarf-schnell.de", "Bürobedarf Schnell", ["Flipchart-Papier", "Whiteboard-Marker", "Moderationskoffer"]),
    ("kamera-kontor.de", "Kamera-Kontor", ["Ringlicht 18 Zoll", "Lavalier-Mikrofon", "Smartphone-Gimbal"]),
    ("mikrofon-manufaktur.de", "Mikrofon-Manufaktur", ["Podcast-Mikrofon USB", "Popschutz", "Mikrofonarm"]),
    (
        "buchhandlung-seitenweise.de",
        "Buchhandlung Seitenweise",
        ["Content Design", "Schreiben für das Web", "Die Kunst des Erzählens"],
    ),
]
SAAS = [
    ("redaktionsplaner.io", "Redaktionsplaner", "Redaktionspläne im Team planen"),
    ("postplaner.app", "Postplaner", "Social-Media-Beiträge planen und veröffentlichen"),
    ("keyword-radar.com", "Keyword Radar", "Keyword-Recherche und Rank-Tracking"),
    ("mailfux.de", "Mailfux", "Newsletter-Software aus Deutschland"),
    ("sichtbarkeitsindex.de", "Sichtbarkeitsindex Pro", "SEO-Monitoring für Agenturen"),
    ("textcheck24.de", "Textcheck 24", "Lesbarkeit und Rechtschreibung prüfen"),
    ("umfragewerk.de", "Umfragewerk", "Online-Umfragen DSGVO-konform"),
    ("linkaudit-tool.com", "Link Audit", "Backlink-Analyse"),
    ("bildarchiv-plus.de", "Bildarchiv Plus", "Lizenzfreie Bilder für Blogs"),
    ("transkripto.de", "Transkripto", "Audio und Video automatisch transkribieren"),
]
NEWS = [
    ("t3n.de", "t3n – digital pioneers"),
    ("spiegel.de", "DER SPIEGEL"),
    ("heise.de", "heise online"),
    ("horizont.net", "HORIZONT"),
    ("tagesschau.de", "tagesschau.de"),
    ("handelsblatt.com", "Handelsblatt"),
    ("zeit.de", "ZEIT ONLINE"),
    ("faz.net", "Frankfurter Allgemeine"),
]
BUSINESSES = [
    ("yoga-lindenau.de", "Yoga in Lindenau", "Yogastudio"),
    ("fotografie-yilmaz.de", "Mehmet Yılmaz Fotografie", "Fotograf für Business-Porträts"),
    ("schreinerei-vogt.de", "Schreinerei Vogt", "Möbel nach Maß"),
    ("designbuero-nord.de", "Designbüro Nord", "Corporate Design und Illustration"),
    ("webdesign-mueller.de", "Webdesign Müller", "Webseiten für kleine Unternehmen"),
    ("steuerberatung-haas.de", "Steuerberatung Haas", "Steuerberatung für Selbstständige"),
    ("coworking-hafenlofts.de", "Hafenlofts Coworking", "Coworking am Hafen"),
    ("lektorat-feder.de", "Lektorat Feder", "Lektorat und Korrektorat"),
    ("physio-am-markt.de", "Physiotherapie am Markt", "Physiotherapie und Rückenschule"),
    ("eventlocation-speicher7.de", "Speicher 7", "Eventlocation für Tagungen und Feiern"),
    ("druckerei-brenner.de", "Druckerei Brenner", "Offsetdruck und Digitaldruck"),
    ("hundeschule-pfotenglueck.de", "Hundeschule Pfotenglück", "Hundeschule und Welpenkurse"),
    ("it-service-kowalski.de", "IT-Service Kowalski", "IT-Betreuung für Kanzleien und Praxen"),
    ("sprachschule-lingua-nord.de", "Lingua Nord", "Sprachkurse für Erwachsene"),
]
HOBBY = [
    ("modellbahn-am-deich.de", "Modellbahn am Deich", "Hinnerk Ohlsen", "hobby"),
    ("aquarium-tagebuch.blogspot.com", "Aquarium-Tagebuch", "Rainer Kolb", "hobby"),
    ("imkerei-am-waldrand.de", "Imkerei am Waldrand", "Gisela Brand", "hobby"),
    ("schachecke-nord.de", "Schachecke Nord", "Dieter Lüders", "hobby"),
    ("oldtimerfreunde-sauerland.de", "Oldtimerfreunde Sauerland", "Klaus Wiese", "hobby"),
    ("strickliesel-blog.de", "Strickliesel", "Monika Arendt", "hobby"),
    ("sternenhimmel-fotos.de", "Sternenhimmel-Fotos", "Arne Jessen", "hobby"),
]


def build_world(seed: int = 20261207) -> World:
    return _Builder(seed).build()


class _Builder:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.w = World()
        self.sites: dict[str, Site] = {}
        self.seeds: list[Site] = []
        self.partners: list[Site] = []
        self.adjacent: list[Site] = []
        self.dead: list[Site] = []
        self.life: list[Site] = []
        self.spun: list[Site] = []
        self.machines: list[Site] = []
        self.shops: list[Site] = []
        self.saas: list[Site] = []
        self.news: list[Site] = []
        self.biz: list[Site] = []
        self.hobby: list[Site] = []
        self.aggregator: Site | None = None
        self.portal: Site | None = None
        self.directory: Site | None = None

    # -- helpers ----------------------------------------------------------------------------
    def address(self) -> tuple[str, str, str]:
        r = self.rng
        plz, city = r.choice(tb.CITIES)
        return f"{r.choice(tb.STREETS)} {r.randint(1, 120)}", plz, city

    def site(self, host: str, label: str, kind: str, title: str, author: str, **kw) -> Site:
        s = Site(host=host, label=label, kind=kind, title=title, author=author, **kw)
        s.key = host.removeprefix("www.")
        if kind in ("medium", "wix") and s.base:  # a blog under a path of a hosting platform
            s.key = f"{host}{s.base}"
        s.address = self.address()
        s.theme = self.rng.choice(["astra", "generatepress", "kadence", "twentytwentyfour", "neve", "blocksy", "hello"])
        self.sites[s.key] = s
        self.w.truth[s.key] = label
        return s

    def post_path(self, s: Site, p: Post) -> str:
        d = p.day
        if s.kind in ("wp", "dead", "spun", "machine", "portal", "aggregator"):
            return f"{s.base}/{d.year}/{d.month:02d}/{p.slug}/"
        if s.kind == "agency":
            return f"{s.base}/{p.slug}/"
        if s.kind == "elementor":
            return f"/{p.slug}/"
        if s.kind == "blogger":
            return f"/{d.year}/{d.month:02d}/{p.slug[:40].rstrip('-')}.html"
        if s.kind == "wix":
            return f"{s.base}/post/{p.slug}"
        if s.kind == "jimdo":
            return f"/{d.year}/{d.month:02d}/{d.day:02d}/{p.slug}/"
        if s.kind == "hugo":
            return f"/{'posts' if s.lang == 'en' else 'blog'}/{p.slug}/"
        if s.kind == "medium":
            h = hashlib.md5(p.slug.encode()).hexdigest()[:12]
            return f"{s.base}/{p.slug}-{h}"
        if s.kind == "directory":
            return f"/artikel/{_h(p.slug) % 90000 + 10000}-{p.slug}.html"
        if s.kind == "news":
            return f"/wirtschaft/{p.slug}-a-{int(hashlib.md5(p.slug.encode()).hexdigest()[:6], 16)}.html"
        return f"/{p.slug}/"

    def post_url(self, s: Site, p: Post) -> str:
        return s.url(p.path)

    def days_back(self, latest_gap: int, interval: int, count: int, end: dt.date = TODAY) -> list[dt.date]:
        d = end - dt.timedelta(days=latest_gap)
        out = []
        for _ in range(count):
            out.append(d)
            d -= dt.timedelta(days=max(1, int(self.rng.gauss(interval, interval / 3))))
        return out

    def prose(self, s: Site):
        if s.life:
            return tb.LifeProse(self.rng, s.life)
        return tb.Prose(self.rng, s.topics, s.lang, voice=s.key)

    def make_posts(self, s: Site, days: list[dt.date], nparas=(4, 7)) -> None:
        r = self.rng
        used: set[str] = set()
        pr = self.prose(s)
        for day in days:
            if s.life:
                title = r.choice(tb.LIFE_TITLES[s.life])
            else:
                topic = r.choice(s.topics)
                bank = tb.TITLES_EN if s.lang == "en" else tb.TITLES_DE
                title = r.choice(bank.get(topic) or bank["content"]) + r.choice(
                    tb.TITLE_SUFFIX_EN if s.lang == "en" else tb.TITLE_SUFFIX_DE
                )
                title = title.format(y=day.year)
            if title in used:
                title = f"{title} ({'part' if s.lang == 'en' else 'Teil'} {sum(t.startswith(title) for t in used) + 1})"
            used.add(title)
            focus = (pr.term(), pr.term())
            paras = pr.paragraphs(r.randint(*nparas), focus)
            cat = {
                "content": "Content Marketing",
                "seo": "SEO",
                "social": "Social Media",
                "pr": "PR",
                "ecom": "E-Commerce",
                "copy": "Texten",
                "om": "Online-Marketing",
            }.get(s.topics[0] if s.topics else "", s.life.title() or "Allgemein")
            p = Post(
                title=title, slug=slugify(title), day=day, paras=paras, author=s.author, cat=cat, hour=r.randint(6, 21)
            )
            p.path = self.post_path(s, p)
            s.posts.append(p)
        s.posts.sort(key=lambda p: p.day, reverse=True)

    def link_sentence(self, lang: str, url: str, blog: str, who: str, anchor: str) -> str:
        a = f'<a href="{esc(url)}">{esc(anchor)}</a>'
        if lang == "en":
            tpl = self.rng.choice(
                [
                    f"{who} wrote a great piece on this: {a}.",
                    f"See also {a} on {esc(blog)}.",
                    f"I recommend {a} by {who} if you want to dig deeper.",
                ]
            )
        else:
            tpl = self.rng.choice(
                [
                    f"Sehr lesenswert ist dazu auch der Beitrag {a} von {who}.",
                    f"{who} hat das in {a} schön auf den Punkt gebracht.",
                    f"Mehr dazu findest du im Blog von {who}: {a}.",
                    f"Ich verweise hier gern auf {a} bei {esc(blog)}.",
                    f"Eine gute Ergänzung ist {a} – {who} geht dort noch tiefer in die Details.",
                    f"Passend dazu: {a} ({esc(blog)}).",
                ]
            )
        return tpl

    def insert(self, p: Post, sentence: str) -> None:
        i = self.rng.randrange(len(p.paras))
        p.paras[i] = p.paras[i] + " " + sentence

    def link_to(self, src: Site, p: Post, dst: Site, deep: float = 0.7) -> None:
        if dst.posts and self.rng.random() < deep:
            tp = self.rng.choice(dst.posts[:6])
            url, anchor = dst.url(tp.path), tp.title
        else:
            url, anchor = dst.home, dst.title
        self.insert(p, self.link_sentence(src.lang, url, dst.title, dst.author, anchor))

    def comment_text(self, lang: str, post: Post, site: Site) -> str:
        r = self.rng
        if lang == "en":
            return r.choice(
                [
                    "Great post, thanks for sharing!",
                    "This is exactly what I needed this week.",
                    "Interesting take – I see it a bit differently for B2B, but the checklist is gold.",
                    f"Thanks {site.author.split()[0]}, bookmarked!",
                ]
            )
        first = site.author.split()[0]
        return r.choice(
            [
                f"Danke für den ausführlichen Beitrag, {first}! Besonders der Teil zur Umsetzung hat mir geholfen.",
                "Sehr schön zusammengefasst. Ich würde noch ergänzen, dass man die Ergebnisse regelmäßig mit dem Vertrieb besprechen sollte.",
                f"Spannend, {first}! Bei uns im Team haben wir genau das letzte Jahr ausprobiert – mit ähnlichem Ergebnis.",
                "Ich sehe das ein bisschen anders: Gerade kleine Unternehmen haben dafür oft keine Kapazitäten. Aber die Checkliste nehme ich mit!",
                "Den Beitrag habe ich gleich an meine Kollegin weitergeleitet. Danke!",
                "Super Artikel, vielen Dank. Gibt es die Vorlage auch als PDF?",
                f"Liebe Grüße aus dem Norden, {first} – toller Text wie immer.",
                "Genau diese Diskussion hatten wir gestern im Meeting. Sehr hilfreich!",
            ]
        )

    def add_comment(self, p: Post, name: str, url: str | None, text: str, pingback: bool = False) -> None:
        day = min(TODAY, p.day + dt.timedelta(days=self.rng.randint(0, 9)))
        p.comments.append(Comment(name, url, day, text, pingback))

    # -- build ------------------------------------------------------------------------------
    def build(self) -> World:
        r = self.rng
        for host, title, author, topics, kind, tagline in SEEDS:
            s = self.site(host, "seed", kind, title, author, topics=topics, tagline=tagline, weight=1.0)
            if host.startswith("www."):
                s.alias = host.removeprefix("www.")
            self.make_posts(s, self.days_back(r.randint(1, 12), r.randint(12, 22), 11), (5, 8))
            self.seeds.append(s)
        for group, spec, label in ((self.partners, PARTNERS, "partner"), (self.adjacent, ADJACENT, "adjacent")):
            for host, title, author, topics, kind, lang, feed, weight, extra in spec:
                s = self.site(
                    host,
                    label,
                    kind,
                    title,
                    author,
                    topics=topics,
                    lang=lang,
                    feed=feed,
                    weight=weight,
                    base=extra.get("base", ""),
                )
                s.tagline = self.tagline(s)
                if extra.get("www"):
                    s.host = "www." + host
                    s.alias = host
                if extra.get("old"):
                    s.old_host = extra["old"]
                if extra.get("time"):
                    s.extra["time"] = "1"
                if lang == "en" and r.random() < 0.5:
                    s.impressum = False
                if kind == "medium":
                    s.impressum = False
                n = r.randint(7, 13)
                self.make_posts(s, self.days_back(r.randint(2, 50), r.randint(9, 40), n))
                group.append(s)
        for host, title, author, topics, year, month in DEAD:
            s = self.site(host, "dead", "wp", title, author, topics=topics, weight=0.5)
            s.tagline = self.tagline(s)
            last = dt.date(year, month, r.randint(1, 28))
            self.make_posts(s, self.days_back(0, 30, r.randint(8, 12), end=last))
            self.dead.append(s)
        for host, title, author, life, kind in LIFESTYLE:
            s = self.site(host, "lifestyle", kind, title, author, topics=[], feed=kind in ("wp", "hugo", "blogger"))
            s.life = life
            s.tagline = {
                "food": "Rezepte aus meiner Küche",
                "travel": "Reiseberichte und Ausflugstipps",
                "life": "Über das schöne Leben im Alltag",
            }[life]
            self.make_posts(s, self.days_back(r.randint(1, 20), r.randint(6, 20), r.randint(8, 12)))
            self.life.append(s)
        for host, title, author, life in HOBBY:
            kind = "blogger" if "blogspot" in host else "wp"
            s = self.site(host, "offtopic", kind, title, author, topics=[])
            s.life = life
            s.tagline = "Ein Hobby-Blog"
            self.make_posts(s, self.days_back(r.randint(3, 90), r.randint(20, 60), r.randint(6, 10)))
            self.hobby.append(s)
        self.build_traps()
        self.build_commercial()
        self.wire()
        render_all(self)
        self.w.seeds = [s.home for s in self.seeds]
        self.w.sites = list(self.sites.values())
        return self.w

    def tagline(self, s: Site) -> str:
        if s.lang == "en":
            return {
                "content": "Notes on content strategy",
                "seo": "Practical SEO, no fluff",
                "social": "Social media marketing that works",
                "om": "Experiments in online marketing",
                "copy": "Copywriting notes",
            }[s.topics[0]]
        return {
            "content": "Content Marketing mit Substanz",
            "seo": "Suchmaschinenoptimierung verständlich erklärt",
            "social": "Social Media Marketing für Macherinnen und Macher",
            "pr": "Pressearbeit und Kommunikation",
            "ecom": "Wissen für Onlinehändler",
            "copy": "Über das Schreiben von Texten, die wirken",
            "om": "Online-Marketing im Alltag",
        }[s.topics[0]]

    # -- traps ------------------------------------------------------------------------------
    def spin(self, text: str) -> str:
        r = self.rng
        sentences = re.split(r"(?<=[.!?])\s+", text)
        r.shuffle(sentences)
        out = []
        for sent in sentences:
            words = sent.split(" ")
            words = [tb.SYNONYMS.get(wd, wd) if r.random() < 0.85 else wd for wd in words]
            out.append(" ".join(words))
        return " ".join(out)

    def build_traps(self) -> None:
        r = self.rng
        # (a) reworded copies of the seeds' posts
        for host, title, author in SPUN:
            s = self.site(host, "copy", "wp", title, author, topics=["content", "seo"], weight=0.0)
            s.kind = "spun"
            s.tagline = "Aktuelle Tipps rund um Marketing"
            s.about = False
            s.impressum = host == SPUN[1][0]
            originals = [p for seed in self.seeds for p in seed.posts[:6]]
            for src in r.sample(originals, 8):
                paras = [self.spin(re.sub(r"<[^>]+>", "", para)) for para in src.paras]
                r.shuffle(paras)
                title2 = " ".join(tb.SYNONYMS.get(wd, wd) for wd in src.title.split(" "))
                if title2 == src.title:
                    title2 = src.title + ": Der große Ratgeber"
                p = Post(
                    title2,
                    slugify(title2),
                    min(TODAY, src.day + dt.timedelta(days=r.randint(2, 12))),
                    paras,
                    author,
                    "Ratgeber",
                )
                p.path = self.post_path(s, p)
                s.posts.append(p)
                # a pingback under the original
                src.comments.append(Comment(title, s.url(p.path), p.day, f"[…] {paras[0][:160]} […]", pingback=True))
            s.posts.sort(key=lambda p: p.day, reverse=True)
            self.spun.append(s)
        # (b) full-text aggregator of a dozen partners' feeds
        agg = self.site(
            "marketingblogs-aktuell.de",
            "copy",
            "aggregator",
            "Marketingblogs aktuell",
            "Rainer Pohl",
            topics=["content", "seo", "social"],
            tagline="Die besten deutschen Marketing-Blogs an einem Ort",
        )
        sources = [s for s in self.partners if s.lang == "de"][:]
        r.shuffle(sources)
        agg.extra["sources"] = ",".join(s.key for s in sources[:12])
        for src in sources[:12]:
            for op in src.posts[:2]:
                p = Post(
                    op.title, op.slug, min(TODAY, op.day + dt.timedelta(days=1)), list(op.paras), op.author, op.cat
                )
                p.origin = (src.url(op.path), src.title)
                p.path = self.post_path(agg, p)
                if any(q.path == p.path for q in agg.posts):
                    p.slug += f"-{len(agg.posts)}"
                    p.path = self.post_path(agg, p)
                agg.posts.append(p)
                src.badges.append(("Gelistet bei Marketingblogs aktuell", agg.home))
        agg.posts.sort(key=lambda p: p.day, reverse=True)
        self.aggregator = agg
        # (c) machine-made blogs: four posts a day, author "admin"
        for host, title in MACHINES:
            s = self.site(host, "farm", "wp", title, "admin", topics=r.sample(["content", "seo", "social", "om"], 3))
            s.kind = "machine"
            s.impressum = s.about = False
            s.tagline = "Tipps, Tricks und News"
            days = [TODAY - dt.timedelta(days=i // 4) for i in range(48)]
            pr = tb.Prose(r, s.topics, voice=host)
            for i, day in enumerate(days):
                term = pr.term()
                title_ = r.choice(
                    [
                        f"{r.randint(5, 15)} Tipps für {term} im Jahr 2026",
                        f"Was ist {term}? Alles, was Sie wissen müssen",
                        f"{term}: Der ultimative Leitfaden",
                        f"Die besten Strategien für {term}",
                        f"{term} einfach erklärt",
                        f"Warum {term} für Ihr Unternehmen wichtig ist",
                    ]
                )
                title_ = title_[0].upper() + title_[1:]
                paras = pr.paragraphs(r.randint(4, 6), (term, pr.term()))
                p = Post(title_, slugify(title_) + f"-{i}", day, paras, "admin", "Marketing", hour=23 - (i % 4) * 5)
                p.path = self.post_path(s, p)
                s.posts.append(p)
            self.machines.append(s)
        # (d) backlink packages and an article directory
        portal = self.site(
            "linkpaket-pro.de",
            "farm",
            "portal",
            "Linkpaket Pro",
            "Redaktion",
            topics=["seo", "om", "content"],
            tagline="Hochwertige Backlinks und Gastartikel kaufen",
        )
        pr = tb.Prose(r, ["seo", "om"], voice="portal")
        everything = [
            ("Zahnimplantate in Ungarn: Lohnt sich die Reise?", "Zahnersatz"),
            ("Die besten Sportwetten-Anbieter im Vergleich", "Wetten"),
            ("Gartenmöbel aus Teakholz richtig pflegen", "Garten"),
            ("Kredit ohne Schufa: Was Sie wissen müssen", "Finanzen"),
            ("Content Marketing für Onlineshops", "Marketing"),
            ("SEO-Tipps für Handwerker", "Marketing"),
            ("Die schönsten Hotels an der Nordsee", "Reisen"),
            ("Elektrofahrräder im Test", "Mobilität"),
            ("Online-Casinos mit Startbonus", "Unterhaltung"),
            ("Social Media für Zahnärzte", "Marketing"),
            ("Umzugsfirma finden: 7 Tipps", "Wohnen"),
            ("CBD-Öl: Wirkung und Anwendung", "Gesundheit"),
        ]
        for i, (t, cat) in enumerate(everything):
            paras = (
                pr.paragraphs(3)
                if cat == "Marketing"
                else [
                    f"{t.split(':')[0]} ist ein Thema, das viele Menschen beschäftigt. In diesem Ratgeber erfahren Sie alles Wichtige.",
                    "Es gibt viele Anbieter auf dem Markt, und der Vergleich lohnt sich in jedem Fall. Achten Sie auf Qualität, Preis und Service.",
                    "Unser Fazit: Mit den richtigen Informationen treffen Sie die beste Entscheidung für sich und Ihre Familie.",
                ]
            )
            shop = r.choice(SHOPS)[0]
            paras[-1] += f' Weitere Informationen finden Sie <a href="http://{shop}/">hier</a>.'
            p = Post(t, slugify(t), TODAY - dt.timedelta(days=i * 3 + 1), paras, "Redaktion", cat)
            p.path = self.post_path(portal, p)
            portal.posts.append(p)
        self.portal = portal
        directory = self.site(
            "artikel-markt.de",
            "farm",
            "directory",
            "Artikel-Markt",
            "Team Artikel-Markt",
            topics=["content", "seo"],
            tagline="Das kostenlose Artikelverzeichnis – Artikel veröffentlichen mit Backlink",
        )
        for i, (t, cat) in enumerate(
            everything[::-1]
            + [
                ("Redaktionsplan erstellen leicht gemacht", "Marketing"),
                ("Suchmaschinenoptimierung für Anfänger", "Marketing"),
            ]
        ):
            paras = pr.paragraphs(3)
            who = f"{r.choice(tb.FIRST)} {r.choice(tb.LAST)}"
            shop = r.choice(SHOPS + SAAS)[0]
            paras.append(f'Über den Autor: {who} schreibt über {cat}. Mehr unter <a href="http://{shop}/">{shop}</a>.')
            p = Post(t, slugify(t), TODAY - dt.timedelta(days=i * 5 + 2), paras, who, cat)
            p.path = self.post_path(directory, p)
            directory.posts.append(p)
        self.directory = directory

    def build_commercial(self) -> None:
        r = self.rng
        for host, title, products in SHOPS:
            s = self.site(host, "shop", "shop", title, f"{r.choice(tb.FIRST)} {r.choice(tb.LAST)}")
            s.extra["products"] = "|".join(products)
            self.shops.append(s)
        for host, title, claim in SAAS:
            s = self.site(
                host, "shop", "saas", title, f"{r.choice(tb.FIRST)} {r.choice(tb.LAST)}", lang="de", tagline=claim
            )
            if host.endswith((".com", ".io")) and r.random() < 0.5:
                s.lang = "en"
            s.topics = ["content", "seo", "social"]
            # a few product announcements
            for i in range(3):
                t = r.choice(
                    [
                        "Neu: Kalenderansicht für Teams",
                        "Release-Notes November",
                        "Jetzt mit KI-Vorschlägen",
                        "Webinar: Planung für 2027",
                        "Neue Integration mit Slack",
                        "Preisänderung zum 1. Januar",
                    ]
                )
                p = Post(
                    t,
                    slugify(t) + f"-{i}",
                    TODAY - dt.timedelta(days=10 + 20 * i),
                    [
                        f"Ab sofort steht allen Kundinnen und Kunden von {title} eine neue Funktion zur Verfügung.",
                        "Sie finden die Einstellung im Menü unter Konto › Funktionen. Bei Fragen hilft unser Support-Team gern weiter.",
                    ],
                    "Team " + title,
                    "Produkt",
                )
                p.path = f"/news/{p.slug}/"
                s.posts.append(p)
            self.saas.append(s)
        for host, title in NEWS:
            s = self.site(host, "offtopic", "news", title, "Redaktion")
            for i in range(6):
                sents = r.sample(tb.NEWS_DE, 5)
                t = sents[0].split(",")[0].rstrip(".")[:70]
                p = Post(
                    t,
                    slugify(t),
                    TODAY - dt.timedelta(days=i),
                    [" ".join(sents[:3]), " ".join(sents[3:])],
                    "Redaktion",
                    "Wirtschaft",
                )
                p.path = self.post_path(s, p)
                s.posts.append(p)
            self.news.append(s)
        for host, title, what in BUSINESSES:
            s = self.site(
                host, "offtopic", "business", title, f"{r.choice(tb.FIRST)} {r.choice(tb.LAST)}", tagline=what
            )
            self.biz.append(s)

    # -- links ------------------------------------------------------------------------------
    def pick(self, pool: list[Site], k: int, power: float = 1.0) -> list[Site]:
        chosen: list[Site] = []
        cands = list(pool)
        while cands and len(chosen) < k:
            weights = [max(0.02, c.weight) ** power for c in cands]
            c = self.rng.choices(cands, weights)[0]
            chosen.append(c)
            cands.remove(c)
        return chosen

    def roll_url(self, s: Site) -> str:
        if s.old_host:
            return f"http://{s.old_host}/"
        return s.home

    def wire(self) -> None:
        r = self.rng
        seeds = self.seeds
        # seeds' blogrolls
        for s in seeds:
            others = [o for o in seeds if o is not s]
            partners = [p for p in self.partners if r.random() < p.weight * 0.75]
            adjacent = [a for a in self.adjacent if r.random() < a.weight * 0.4]
            dead = [d for d in self.dead if r.random() < 0.45]
            s.blogroll = [(o.title, self.roll_url(o)) for o in others + partners + adjacent + dead]
            r.shuffle(s.blogroll)
            s.friends = [(f.title, f.home) for f in r.sample(self.life, r.randint(2, 4))]
        # make sure every partner and most adjacent blogs are linked somewhere by a seed
        for p in self.partners:
            if not any(url == self.roll_url(p) for s in seeds for _, url in s.blogroll):
                s = r.choice(seeds)
                self.link_to(s, r.choice(s.posts), p)
        # posts of the seeds: links to partners, adjacent, tools, news, shops
        for s in seeds:
            for p in s.posts:
                for dst in self.pick(self.partners, r.choice([0, 1, 1, 2, 2, 3]), power=1.5):
                    self.link_to(s, p, dst)
                if r.random() < 0.25:
                    self.link_to(s, p, r.choice(self.adjacent))
                if r.random() < 0.35:
                    self.link_to(s, p, r.choice([o for o in seeds if o is not s]))
                if r.random() < 0.4:
                    tool = r.choice(self.saas)
                    self.insert(
                        p,
                        f'Für die Planung nutze ich <a href="{tool.home}">{tool.title}</a>, aber eine einfache Tabelle tut es am Anfang auch.',
                    )
                if r.random() < 0.3:
                    n = r.choice(self.news)
                    self.insert(
                        p,
                        f'Wie <a href="{n.url(n.posts[0].path)}">{n.title}</a> kürzlich berichtete, verändert sich der Markt gerade schnell.',
                    )
                if r.random() < 0.15:
                    shop = r.choice(self.shops)
                    self.insert(
                        p,
                        f'Mein Notizbuch für die Themenplanung stammt übrigens von <a href="{shop.home}">{shop.title}</a> (unbezahlte Empfehlung).',
                    )
        old_post = self.seeds[1].posts[3]
        self.insert(
            old_post,
            f'Artikelverzeichnisse wie <a href="{self.directory.home}">Artikel-Markt</a> bringen heute übrigens keinen Nutzen mehr – im Gegenteil.',
        )
        agg_fan = self.seeds[4]
        agg_fan.badges.append(("Gelistet bei Marketingblogs aktuell", self.aggregator.home))
        agg_fan.blogroll.append((self.aggregator.title, self.aggregator.home))
        self.insert(
            self.seeds[0].posts[2],
            f'Viele der hier genannten Blogs findest du übrigens gesammelt bei <a href="{self.aggregator.home}">Marketingblogs aktuell</a>.',
        )
        # comments under the seeds' posts
        for s in seeds:
            for p in s.posts:
                for o in r.sample([o for o in seeds if o is not s], r.randint(0, 2)):
                    self.add_comment(p, o.author, o.home, self.comment_text(o.lang, p, s))
                for c in self.pick(self.partners, r.randint(0, 3)):
                    self.add_comment(p, c.author, c.home, self.comment_text("de", p, s))
                if r.random() < 0.2:
                    c = r.choice(self.adjacent)
                    self.add_comment(p, c.author, c.home, self.comment_text("de", p, s))
                if r.random() < 0.25:
                    c = r.choice(self.biz + self.hobby)
                    self.add_comment(p, c.author, c.home, self.comment_text("de", p, s))
                if r.random() < 0.15:
                    c = r.choice(self.life)
                    self.add_comment(p, c.author.split()[0], c.home, self.comment_text("de", p, s))
                for m in self.machines:
                    if r.random() < 0.7:
                        name = r.choice(
                            [m.title, "Marketing Tipps", "Online Marketing Agentur", "SEO Experte", "Lisa M.", "Thomas"]
                        )
                        text = r.choice(
                            [
                                "Toller Artikel, vielen Dank für die Informationen!",
                                "Sehr hilfreicher Beitrag. Ich werde das auf jeden Fall ausprobieren.",
                                "Danke für diesen informativen Artikel! Weiter so.",
                                "Super Tipps! Ich habe auch einen Artikel zu diesem Thema geschrieben.",
                            ]
                        )
                        self.add_comment(p, name, m.home if r.random() < 0.6 else m.url(r.choice(m.posts).path), text)
                if r.random() < 0.25:
                    self.add_comment(p, "Backlinks kaufen", self.portal.home, "Sehr interessanter Beitrag, danke!")
                for _ in range(r.randint(0, 2)):
                    self.add_comment(p, f"{r.choice(tb.FIRST)}", None, self.comment_text("de", p, s))
                if p.comments and r.random() < 0.6:
                    self.add_comment(
                        p,
                        s.author,
                        s.home,
                        r.choice(
                            [
                                "Danke dir für das Feedback!",
                                "Freut mich, dass es hilft!",
                                "Guter Punkt – das nehme ich beim nächsten Update mit.",
                            ]
                        ),
                    )
                p.comments.sort(key=lambda c: c.day)
        # partners and adjacent: link seeds and each other, blogrolls, comments
        for s in self.partners + self.adjacent:
            pool = self.partners if s.label == "partner" else self.partners + self.adjacent
            for p in s.posts:
                if r.random() < 0.3:
                    self.link_to(s, p, r.choice(seeds))
                if r.random() < 0.3:
                    self.link_to(s, p, r.choice([o for o in pool if o is not s]))
                if r.random() < 0.2:
                    tool = r.choice(self.saas)
                    self.insert(
                        p,
                        f'Ich arbeite dafür mit <a href="{tool.home}">{tool.title}</a>.'
                        if s.lang == "de"
                        else f'I use <a href="{tool.home}">{tool.title}</a> for this.',
                    )
                if s.kind in ("wp", "blogger", "hugo", "agency") and r.random() < 0.5:
                    for c in self.pick(seeds + self.partners, r.randint(1, 3)):
                        if c is not s:
                            self.add_comment(p, c.author, c.home, self.comment_text(s.lang, p, s))
                    p.comments.sort(key=lambda c: c.day)
            if s.kind in ("wp", "blogger", "hugo", "agency"):
                roll = r.sample(seeds, r.randint(1, 4)) + self.pick([o for o in pool if o is not s], r.randint(2, 7))
                if s.label == "adjacent":
                    roll += r.sample(self.adjacent, 2)
                s.blogroll = [(o.title, self.roll_url(o)) for o in roll if o is not s]
                if r.random() < 0.3:
                    s.friends = [(f.title, f.home) for f in r.sample(self.life, 1)]
        # one adjacent blog sells a sponsored post
        sp = self.adjacent[4].posts[2]
        sp.title = "Werbung: " + sp.title
        self.insert(sp, f'Dieser Beitrag entstand in Kooperation mit <a href="{self.portal.home}">Linkpaket Pro</a>.')
        # dead blogs link the old circle
        for d in self.dead:
            d.blogroll = [
                (o.title, self.roll_url(o)) for o in r.sample(self.dead, 3) + r.sample(seeds, 2) if o is not d
            ]
            for p in d.posts[:5]:
                if r.random() < 0.3:
                    self.link_to(d, p, r.choice(seeds))
        # lifestyle friends link back
        for f in self.life:
            f.blogroll = [(o.title, o.home) for o in r.sample(self.life, 3) + r.sample(seeds, 1) if o is not f]
        # machine blogs link seeds and each other; the link portal
        for m in self.machines:
            for p in m.posts:
                if r.random() < 0.35:
                    s = r.choice(seeds)
                    sp_ = r.choice(s.posts)
                    self.insert(
                        p,
                        f'Wie der Blog <a href="{s.url(sp_.path)}">{s.title}</a> schreibt, ist dies ein wichtiger Punkt.',
                    )
                if r.random() < 0.15:
                    self.insert(
                        p, f'Hochwertige Backlinks erhalten Sie bei <a href="{self.portal.home}">Linkpaket Pro</a>.'
                    )
            m.blogroll = [(o.title, o.home) for o in self.machines if o is not m] + [
                (self.portal.title, self.portal.home)
            ]
        # copies link "sources" that are not their sources
        for c in self.spun:
            c.blogroll = [(o.title, o.home) for o in r.sample(self.machines, 2)] + [
                (self.portal.title, self.portal.home)
            ]
        self.aggregator.blogroll = [
            (s.title, s.home) for s in self.partners if s.key in self.aggregator.extra["sources"].split(",")
        ]


# -- rendering -----------------------------------------------------------------------------------

COOKIE = {
    "wp": '<div id="cookie-law-info-bar" class="cli-bar-container"><span>Diese Website verwendet Cookies, um Ihnen das bestmögliche Erlebnis zu bieten. Mehr dazu in der <a href="{dsgvo}">Datenschutzerklärung</a>.</span> <a role="button" class="cli_action_button" id="cookie_action_close_header">Akzeptieren</a> <a role="button" id="cookie_action_close_header_reject">Ablehnen</a></div>',
    "wix": '<div data-hook="consent-banner-root" class="consent-banner"><p>Diese Website verwendet Cookies. Indem Sie fortfahren, stimmen Sie deren Verwendung zu.</p><button data-hook="consent-banner-apply-button">Alle akzeptieren</button><button data-hook="consent-banner-settings-button">Einstellungen</button></div>',
    "jimdo": '<div class="cc-individual-cookie-settings" id="cc-window"><p>Wir verwenden Cookies, damit unsere Website zuverlässig funktioniert. <a href="{dsgvo}">Datenschutz</a></p><button class="cc-btn">OK</button></div>',
    "en": '<div class="cookie-consent" id="cookie-consent"><p>We use cookies to improve your experience. See our <a href="{dsgvo}">privacy policy</a>.</p><button>Accept</button><button>Decline</button></div>',
}


def _feed_path(s: Site) -> str | None:
    if not s.feed:
        return None
    return {
        "wp": "/feed/",
        "dead": "/feed/",
        "spun": "/feed/",
        "machine": "/feed/",
        "aggregator": "/feed/",
        "portal": "/feed/",
        "agency": f"{s.base}/feed/",
        "blogger": "/feeds/posts/default",
        "hugo": "/index.xml",
        "medium": f"/feed/{s.base.lstrip('/')}",
    }.get(s.kind)


def _pages_of(s: Site) -> dict[str, str]:
    """Paths of the static pages (about, impressum, contact, privacy) by name."""
    b = s.base if s.kind in ("wix", "medium") else ""
    en = s.lang == "en"
    if s.kind == "wix":
        out = {
            "about": f"{b}/about" if en else f"{b}/ueber-mich",
            "impressum": f"{b}/imprint" if en else f"{b}/impressum",
            "kontakt": f"{b}/contact" if en else f"{b}/kontakt",
            "datenschutz": f"{b}/privacy" if en else f"{b}/datenschutz",
        }
    elif s.kind == "medium":
        out = {"about": f"{b}/about", "datenschutz": "/policy/privacy"}
    else:
        out = {
            "about": "/about/"
            if en
            else (
                "/ueber-uns/"
                if s.kind in ("agency", "aggregator", "saas", "shop", "business", "portal", "directory", "news")
                else "/ueber-mich/"
            ),
            "impressum": "/imprint/" if en else "/impressum/",
            "kontakt": "/contact/" if en else "/kontakt/",
            "datenschutz": "/privacy/" if en else "/datenschutz/",
        }
        if s.kind == "jimdo":
            out = {k: v.rstrip("/") for k, v in out.items()}
    if not s.about:
        out.pop("about", None)
    if not s.impressum:
        out.pop("impressum", None)
    if s.kind == "machine":
        out.pop("kontakt", None)
    return out


def _email(s: Site) -> str:
    domain = s.key.split("/")[0]
    if any(domain.endswith(x) for x in ("blogspot.com", "wixsite.com", "jimdosite.com", "medium.com")):
        local = slugify(s.author).replace("-", ".")
        return f"{local}@{'gmail.com' if 'blogspot' in domain else 'web.de'}"
    first = slugify(s.author.split()[0]) if s.author and s.author != "admin" else "info"
    return f"{first if s.kind in ('wp', 'hugo', 'elementor', 'jimdo', 'wix') else 'info'}@{domain.removeprefix('www.')}"


def _head(s: Site, title: str, canonical: str, extra: str = "", description: str = "") -> str:
    gen = {
        "wp": "WordPress 6.6.2",
        "dead": "WordPress 5.7.2",
        "spun": "WordPress 6.4.1",
        "machine": "WordPress 6.5",
        "aggregator": "WordPress 6.6.1",
        "portal": "WordPress 6.3",
        "agency": "WordPress 6.6.2",
        "elementor": "Elementor 3.24.4; features: additional_custom_breakpoints",
        "wix": "Wix.com Website Builder",
        "blogger": "blogger",
        "hugo": "Hugo 0.136.5",
        "jimdo": "Jimdo Creator",
    }.get(s.kind)
    feed = _feed_path(s)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{"en" if s.lang == "en" else "de-DE"}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(title)}</title>",
        f'<link rel="canonical" href="{esc(canonical)}">',
    ]
    if description:
        parts.append(f'<meta name="description" content="{esc(description[:155])}">')
    if gen:
        parts.append(f'<meta name="generator" content="{gen}">')
    if feed:
        parts.append(
            f'<link rel="alternate" type="application/rss+xml" title="{esc(s.title)} &raquo; Feed" href="{s.url(feed)}">'
        )
    parts.append(f'<meta property="og:site_name" content="{esc(s.title)}">')
    if s.kind in ("wp", "dead", "agency", "spun", "machine", "aggregator", "portal"):
        parts.append(
            f"<link rel='stylesheet' id='{s.theme}-style-css' href='{s.home}wp-content/themes/{s.theme}/style.css?ver=4.1' media='all'>"
        )
        parts.append(f'<link rel="https://api.w.org/" href="{s.home}wp-json/">')
    elif s.kind == "elementor":
        parts.append(
            f"<link rel='stylesheet' id='elementor-frontend-css' href='http://{s.host}/wp-content/plugins/elementor/assets/css/frontend.min.css' media='all'>"
        )
    elif s.kind == "wix":
        parts.append(
            '<link rel="preconnect" href="https://static.wixstatic.com"><script>window.viewerModel = {"site":{"isWixSite":true}};</script>'
        )
    elif s.kind == "jimdo":
        parts.append('<link rel="stylesheet" href="https://assets.jimstatic.com/web.css">')
    parts.append(extra)
    parts.append("</head>")
    return "\n".join(parts)


def _nav(s: Site) -> str:
    pages = _pages_of(s)
    en = s.lang == "en"
    items = [(("Home" if en else "Start"), s.home)]
    if s.kind in ("wp", "dead", "spun", "machine", "aggregator") and s.posts:
        cats = sorted({p.cat for p in s.posts})[:4]
        items += [(c, s.url(f"/category/{slugify(c)}/")) for c in cats]
    if s.kind == "agency":
        items = [("Leistungen", s.url("/leistungen/")), ("Referenzen", s.url("/referenzen/")), ("Blog", s.home)]
    if "about" in pages:
        items.append(
            (
                "About" if en else ("Über uns" if pages["about"].startswith("/ueber-uns") else "Über mich"),
                s.url(pages["about"]),
            )
        )
    if "kontakt" in pages:
        items.append(("Contact" if en else "Kontakt", s.url(pages["kontakt"])))
    links = "".join(f'<li class="menu-item"><a href="{esc(u)}">{esc(t)}</a></li>' for t, u in items)
    if s.kind == "wix":
        return f'<header id="SITE_HEADER" class="wixui-header"><div data-testid="richTextElement"><h2 class="font_0">{esc(s.title)}</h2></div><nav aria-label="Website"><ul class="wixui-dropdown-menu">{links}</ul></nav></header>'
    if s.kind == "jimdo":
        return f'<div class="jtpl-header"><div class="jtpl-logo"><a href="{s.home}">{esc(s.title)}</a></div><nav class="j-nav-level-0"><ul>{links}</ul></nav></div>'
    if s.kind == "elementor":
        return f'<header class="elementor elementor-location-header"><div class="elementor-widget-theme-site-logo"><a href="{s.home}">{esc(s.title)}</a></div><nav class="elementor-nav-menu--main"><ul class="elementor-nav-menu">{links}</ul></nav></header>'
    if s.kind == "hugo":
        return f'<header class="site-header"><a class="site-title" href="{s.home}">{esc(s.title)}</a><nav><ul>{links}</ul></nav></header>'
    if s.kind == "blogger":
        return f'<div class="header-outer"><div class="Header widget" id="Header1"><h1 class="title"><a href="{s.home}">{esc(s.title)}</a></h1><p class="description">{esc(s.tagline)}</p></div></div><div class="PageList widget"><ul>{links}</ul></div>'
    if s.kind == "medium":
        return f'<nav class="metabar"><a href="http://medium.com/">Medium</a> <a href="http://medium.com/m/signin">Sign in</a></nav><div class="pw-author"><a href="{s.home}">{esc(s.author)}</a></div>'
    return f'<header id="masthead" class="site-header"><div class="site-branding"><p class="site-title"><a href="{s.home}" rel="home">{esc(s.title)}</a></p><p class="site-description">{esc(s.tagline)}</p></div><nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu">{links}</ul></nav></header>'


def _footer(s: Site) -> str:
    pages = _pages_of(s)
    en = s.lang == "en"
    links = []
    for name, label in (
        ("impressum", "Imprint" if en else "Impressum"),
        ("datenschutz", "Privacy" if en else "Datenschutz"),
        ("kontakt", "Contact" if en else "Kontakt"),
    ):
        if name in pages:
            links.append(f'<a href="{s.url(pages[name])}">{label}</a>')
    handle = slugify(s.title).replace("-", "")
    social = ""
    if s.label in ("seed", "partner", "adjacent", "lifestyle"):
        social = (
            f'<a href="http://www.instagram.com/{handle}/" class="social-instagram">Instagram</a> '
            f'<a href="http://www.linkedin.com/in/{slugify(s.author)}/" class="social-linkedin">LinkedIn</a>'
        )
    made = {
        "wp": "Mit Liebe gemacht mit WordPress",
        "wix": "Erstellt mit Wix.com",
        "jimdo": "Erstellt mit Jimdo",
        "hugo": "Gebaut mit Hugo",
        "elementor": "",
        "blogger": "Powered by Blogger",
        "machine": "Powered by WordPress",
    }.get(s.kind, "")
    year = max((p.day.year for p in s.posts), default=TODAY.year) if s.label == "dead" else TODAY.year
    return (
        f'<footer class="site-footer"><div class="footer-social">{social}</div><div class="footer-links">{" | ".join(links)}</div>'
        f'<div class="site-info">&copy; {year} {esc(s.title)} {("· " + made) if made else ""}</div></footer>'
    )


def _date_html(s: Site, p: Post) -> str:
    iso = f"{p.day.isoformat()}T{p.hour:02d}:{(p.day.day * 7) % 60:02d}:00+01:00"
    nd = nice_date(s, p.day)
    if s.kind in ("wp", "dead", "spun", "machine", "aggregator", "portal", "agency"):
        by = "by" if s.lang == "en" else "von"
        return (
            f'<div class="entry-meta"><span class="posted-on"><a href="{s.url(p.path)}" rel="bookmark"><time class="entry-date published" datetime="{iso}">{nd}</time></a></span>'
            f' <span class="byline">{by} <span class="author vcard"><a class="url fn n" href="{s.url("/author/" + slugify(p.author) + "/")}">{esc(p.author)}</a></span></span></div>'
        )
    if s.kind == "blogger":
        return f'<h2 class="date-header"><span>{de_date(p.day, weekday=True)}</span></h2>'
    if s.kind == "wix":
        minutes = max(2, sum(len(x.split()) for x in p.paras) // 200)
        return f'<div class="post-meta" data-hook="post-metadata"><span class="post-meta__author" data-hook="user-name">{esc(p.author)}</span> <span class="post-meta__date">{nd}</span> <span data-hook="time-to-read">{minutes} {"min read" if s.lang == "en" else "Min. Lesezeit"}</span></div>'
    if s.kind == "jimdo":
        return f'<div class="post-meta j-blog-meta">{nd}</div>'
    if s.kind == "elementor":
        if s.extra.get("time"):
            return f'<div class="elementor-post-info"><span class="elementor-post-info__item--type-author">{esc(p.author)}</span> <time datetime="{p.day.isoformat()}">{nd}</time></div>'
        return f'<div class="elementor-widget-container"><div class="post-meta">von {esc(p.author)} | {nd} | {esc(p.cat)}</div></div>'
    if s.kind == "hugo":
        return f'<div class="post-meta"><time datetime="{p.day.isoformat()}">{nd}</time> · {esc(p.author)}</div>'
    if s.kind == "medium":
        return f'<div class="pw-published-date"><span data-testid="storyPublishDate">{p.day.strftime("%b")} {p.day.day}, {p.day.year}</span></div>'
    if s.kind == "directory":
        return f'<p class="artikel-info">Veröffentlicht am {p.day.strftime("%d.%m.%Y")} von {esc(p.author)} in {esc(p.cat)}</p>'
    if s.kind == "news":
        return f'<div class="article-meta"><time datetime="{iso}">{p.day.strftime("%d.%m.%Y")}, {p.hour:02d}.{(p.day.day * 3) % 60:02d} Uhr</time></div>'
    return f'<p class="date">{nd}</p>'


def _sidebar(s: Site) -> str:
    en = s.lang == "en"
    parts = []
    if s.kind in ("wp", "dead", "spun", "machine", "aggregator", "agency", "blogger", "portal"):
        parts.append(
            f'<section class="widget widget_search"><form role="search" action="{s.home}"><input type="search" name="s" placeholder="{"Search" if en else "Suchen"} …"></form></section>'
        )
        recent = "".join(f'<li><a href="{s.url(p.path)}">{esc(p.title)}</a></li>' for p in s.posts[:5])
        parts.append(
            f'<section class="widget widget_recent_entries"><h2 class="widget-title">{"Recent posts" if en else "Neueste Beiträge"}</h2><ul>{recent}</ul></section>'
        )
    if s.label in ("seed", "partner", "adjacent", "dead") and s.kind in ("wp", "dead", "hugo", "blogger", "agency"):
        parts.append(
            f'<section class="widget widget_text"><h2 class="widget-title">{"About me" if en else "Über mich"}</h2><div class="textwidget"><p>{"Hi, I am" if en else "Hallo, ich bin"} {esc(s.author.split()[0])}. {esc(s.tagline)}.</p></div></section>'
        )
    if s.blogroll:
        roll = "".join(f'<li><a href="{esc(u)}" rel="noopener">{esc(t)}</a></li>' for t, u in s.blogroll)
        parts.append(
            f'<section class="widget widget_links"><h2 class="widget-title">{"Blogroll" if s.kind != "machine" else "Partner"}</h2><ul class="xoxo blogroll">{roll}</ul></section>'
        )
    if s.friends:
        roll = "".join(f'<li><a href="{esc(u)}">{esc(t)}</a></li>' for t, u in s.friends)
        parts.append(
            f'<section class="widget widget_links"><h2 class="widget-title">{"Friends" if en else "Lieblingsblogs abseits vom Marketing"}</h2><ul>{roll}</ul></section>'
        )
    for t, u in s.badges[:1]:
        parts.append(
            f'<section class="widget widget_media_image"><a href="{u}"><img src="{u}badge.png" alt="{esc(t)}" width="150" height="60"></a></section>'
        )
    if s.kind in ("wp", "dead") and s.posts:
        months = sorted({(p.day.year, p.day.month) for p in s.posts}, reverse=True)[:6]
        arch = "".join(f'<li><a href="{s.url(f"/{y}/{m:02d}/")}">{tb.MONTHS_DE[m - 1]} {y}</a></li>' for y, m in months)
        parts.append(
            f'<section class="widget widget_archive"><h2 class="widget-title">Archiv</h2><ul>{arch}</ul></section>'
        )
    if not parts:
        return ""
    return f'<aside id="secondary" class="widget-area sidebar">{"".join(parts)}</aside>'


def _comments(s: Site, p: Post) -> str:
    if not p.comments or s.kind not in ("wp", "dead", "spun", "machine", "agency", "blogger", "hugo", "aggregator"):
        return ""
    en = s.lang == "en"
    items = []
    for i, c in enumerate(p.comments):
        if c.pingback:
            items.append(
                f'<li class="pingback" id="comment-{i + 100}"><div class="comment-body">Pingback: <a href="{esc(c.url)}" class="url" rel="ugc external nofollow">{esc(c.name)}</a></div><p>{esc(c.text)}</p></li>'
            )
            continue
        name = (
            f'<a href="{esc(c.url)}" class="url" rel="ugc external nofollow">{esc(c.name)}</a>'
            if c.url
            else esc(c.name)
        )
        when = de_date(c.day) + " um " + f"{(i * 5 + 8) % 24}:{(i * 13) % 60:02d} Uhr" if not en else en_date(c.day)
        if s.kind == "blogger":
            items.append(
                f'<li class="comment"><div class="comment-block"><div class="comment-header"><cite class="user">{name}</cite><span class="datetime secondary-text">{when}</span></div><p class="comment-content">{esc(c.text)}</p></div></li>'
            )
        elif s.kind == "hugo":
            items.append(
                f'<li class="webmention"><span class="wm-author">{name}</span> <span class="wm-date">{when}</span><p>{esc(c.text)}</p></li>'
            )
        else:
            items.append(
                f'<li class="comment even thread-even depth-1" id="comment-{i + 100}"><article class="comment-body"><footer class="comment-meta"><div class="comment-author vcard"><b class="fn">{name}</b> <span class="says">{"says" if en else "sagt"}:</span></div><div class="comment-metadata"><time datetime="{c.day.isoformat()}">{when}</time></div></footer><div class="comment-content"><p>{esc(c.text)}</p></div><div class="reply"><a rel="nofollow" class="comment-reply-link" href="#respond">{"Reply" if en else "Antworten"}</a></div></article></li>'
            )
    n = len(p.comments)
    head = (f"{n} {'comments' if en else 'Kommentare'}" if n != 1 else ("One comment" if en else "Ein Kommentar")) + (
        f" zu „{esc(p.title)}“" if not en and s.kind != "hugo" else ""
    )
    if s.kind == "hugo":
        head = f"{n} Webmentions"
    form = ""
    if s.kind in ("wp", "dead", "spun", "machine", "agency"):
        form = (
            f'<div id="respond" class="comment-respond"><h3 class="comment-reply-title">{"Leave a reply" if en else "Schreibe einen Kommentar"}</h3>'
            f'<form action="{s.home}wp-comments-post.php" method="post" id="commentform"><p class="comment-notes">{"Your email address will not be published." if en else "Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert."}</p>'
            '<textarea id="comment" name="comment"></textarea><input id="author" name="author"><input id="email" name="email"><input id="url" name="url"><input type="submit" value="Kommentar abschicken"></form></div>'
        )
    return f'<div id="comments" class="comments-area"><h2 class="comments-title">{head}</h2><ol class="comment-list">{"".join(items)}</ol>{form}</div>'


def _body_paras(p: Post) -> str:
    out = []
    for i, para in enumerate(p.paras):
        if i == 2 and len(p.paras) > 4:
            out.append(f"<h2>{esc(p.paras[1].split('.')[0][:60])}</h2>")
        out.append(f"<p>{para}</p>")
    return "\n".join(out)


def _wrap(s: Site, title: str, canonical: str, main: str, description: str = "", extra_head: str = "") -> str:
    en = s.lang == "en"
    dsgvo = s.url(_pages_of(s).get("datenschutz", "/datenschutz/"))
    cookie = ""
    if (
        s.kind
        in (
            "wp",
            "agency",
            "spun",
            "aggregator",
            "portal",
            "elementor",
            "shop",
            "saas",
            "business",
            "directory",
            "news",
        )
        and not en
    ):
        cookie = COOKIE["wp"].format(dsgvo=dsgvo)
    elif s.kind in ("wix",) and not en:
        cookie = COOKIE["wix"]
    elif s.kind == "jimdo":
        cookie = COOKIE["jimdo"].format(dsgvo=dsgvo)
    elif en and s.kind not in ("medium", "hugo"):
        cookie = COOKIE["en"].format(dsgvo=dsgvo)
    body_class = {
        "wp": f"wp-theme-{s.theme} single",
        "elementor": "elementor-default elementor-kit-7",
        "wix": "wix-site",
        "jimdo": "jimdo cc-page",
        "hugo": "hugo",
        "blogger": "blogger version-1-3-3",
    }.get(s.kind, s.kind)
    sidebar = _sidebar(s)
    if s.kind in ("wix", "jimdo", "elementor"):
        main_html = f'<div id="PAGES_CONTAINER" class="content-wrapper"><main id="content">{main}</main></div>'
    else:
        main_html = (
            f'<div id="content" class="site-content"><main id="main" class="site-main">{main}</main>{sidebar}</div>'
        )
    scripts = ""
    if s.kind in ("wp", "agency", "elementor", "spun", "machine", "portal"):
        scripts = "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}</script>"
    return "\n".join(
        [
            _head(s, title, canonical, extra_head, description),
            f'<body class="{body_class}">',
            cookie,
            '<a class="skip-link screen-reader-text" href="#main">'
            + ("Skip to content" if en else "Zum Inhalt springen")
            + "</a>",
            _nav(s),
            main_html,
            _footer(s),
            scripts,
            "</body></html>",
        ]
    )


def render_post(s: Site, p: Post) -> str:
    en = s.lang == "en"
    url = s.url(p.path)
    origin = ""
    if p.origin:
        origin = f'<p class="source"><em>Dieser Beitrag erschien zuerst auf <a href="{esc(p.origin[0])}">{esc(p.origin[1])}</a>.</em></p>'
    share = ""
    if s.kind in ("wp", "agency", "machine", "spun"):
        share = (
            f'<div class="sharedaddy"><h3>{"Share this" if en else "Teilen mit:"}</h3><a href="http://www.facebook.com/sharer.php?u={url}">Facebook</a> '
            f'<a href="http://www.linkedin.com/shareArticle?url={url}">LinkedIn</a> <a href="http://x.com/intent/tweet?url={url}">X</a></div>'
        )
    tags = ""
    if s.kind in ("wp", "agency", "dead"):
        tags = f'<footer class="entry-footer"><span class="cat-links">{"Posted in" if en else "Veröffentlicht in"} <a href="{s.url("/category/" + slugify(p.cat) + "/")}" rel="category tag">{esc(p.cat)}</a></span></footer>'
    author_box = ""
    if s.label in ("seed", "partner", "adjacent") and s.kind in ("wp", "agency", "hugo"):
        about = _pages_of(s).get("about")
        author_box = (
            f'<div class="author-box"><p><strong>{esc(p.author)}</strong> – {esc(s.tagline)}. {"More" if en else "Mehr"} <a href="{s.url(about)}">{"about me" if en else "über mich"}</a>.</p></div>'
            if about
            else ""
        )
    related = ""
    others = [o for o in s.posts if o is not p][:3]
    if others and s.kind not in ("news",):
        related = (
            '<div class="related-posts"><h3>'
            + ("Related" if en else "Das könnte dich auch interessieren")
            + "</h3><ul>"
            + "".join(f'<li><a href="{s.url(o.path)}">{esc(o.title)}</a></li>' for o in others)
            + "</ul></div>"
        )
    if s.kind == "medium":
        main = (
            f'<article><h1 class="pw-post-title">{esc(p.title)}</h1><div class="pw-author-name"><a href="{s.home}">{esc(p.author)}</a></div>{_date_html(s, p)}'
            f'<section class="pw-post-body">{_body_paras(p)}</section></article>'
        )
        extra = f'<meta property="article:published_time" content="{p.day.isoformat()}T08:00:00.000Z"><meta name="author" content="{esc(p.author)}">'
        return _wrap(s, f"{p.title} | by {p.author} | Medium", url, main, p.paras[0], extra)
    if s.kind == "blogger":
        main = (
            f'<div class="date-outer">{_date_html(s, p)}<div class="post hentry"><h3 class="post-title entry-title">{esc(p.title)}</h3>'
            f'<div class="post-body entry-content">{_body_paras(p)}</div><div class="post-footer"><span class="post-author vcard">Eingestellt von <span class="fn">{esc(p.author)}</span></span> '
            f'<span class="post-timestamp">um <a class="timestamp-link" href="{url}"><abbr class="published" title="{p.day.isoformat()}T{p.hour:02d}:00:00+01:00">{p.hour:02d}:00</abbr></a></span></div></div></div>{_comments(s, p)}'
        )
        return _wrap(s, f"{s.title}: {p.title}", url, main, p.paras[0])
    if s.kind in ("wix", "jimdo", "elementor"):
        cls = {
            "wix": 'data-hook="post-page"',
            "jimdo": 'class="j-blogarticle"',
            "elementor": 'class="elementor elementor-location-single"',
        }[s.kind]
        main = f'<article {cls}><h1 class="post-title">{esc(p.title)}</h1>{_date_html(s, p)}<div class="post-content">{_body_paras(p)}</div>{origin}{related}</article>'
        return _wrap(s, f"{p.title} | {s.title}", url, main, p.paras[0])
    main = (
        f'<article id="post-{_h(p.slug) % 9000 + 100}" class="post type-post status-publish hentry"><header class="entry-header"><h1 class="entry-title">{esc(p.title)}</h1>{_date_html(s, p)}</header>'
        f'<div class="entry-content">{_body_paras(p)}{origin}</div>{tags}{share}{author_box}</article>{related}{_comments(s, p)}'
    )
    return _wrap(s, f"{p.title} – {s.title}", url, main, re.sub(r"<[^>]+>", "", p.paras[0]))


def render_listing(s: Site, posts: list[Post], heading: str, url: str, nxt: str | None = None, intro: str = "") -> str:
    en = s.lang == "en"
    items = []
    for p in posts:
        excerpt = re.sub(r"<[^>]+>", "", p.paras[0])[:220].rsplit(" ", 1)[0] + " …"
        more = "Read more" if en else "Weiterlesen"
        if s.kind == "blogger":
            items.append(
                f'<div class="date-outer">{_date_html(s, p)}<div class="post hentry"><h3 class="post-title entry-title"><a href="{s.url(p.path)}">{esc(p.title)}</a></h3><div class="post-body">{esc(excerpt)}</div></div></div>'
            )
        elif s.kind == "wix":
            items.append(
                f'<div data-hook="post-list-item" class="blog-post-card"><a href="{s.url(p.path)}"><h2 data-hook="post-title">{esc(p.title)}</h2></a>{_date_html(s, p)}<p data-hook="post-description">{esc(excerpt)}</p></div>'
            )
        else:
            items.append(
                f'<article class="post hentry"><h2 class="entry-title"><a href="{s.url(p.path)}" rel="bookmark">{esc(p.title)}</a></h2>{_date_html(s, p)}<div class="entry-summary"><p>{esc(excerpt)}</p></div><a class="more-link" href="{s.url(p.path)}">{more}</a></article>'
            )
    pager = (
        f'<nav class="navigation pagination"><a class="next page-numbers" href="{nxt}">{"Older posts" if en else "Ältere Beiträge"}</a></nav>'
        if nxt
        else ""
    )
    main = f'<h1 class="page-title">{esc(heading)}</h1>{intro}{"".join(items)}{pager}'
    return _wrap(s, heading if heading == s.title else f"{heading} – {s.title}", url, main, s.tagline)


def render_feed(s: Site) -> str:
    items = []
    for p in s.posts[:10]:
        pub = _http_date(p.day).replace("09:00:00", f"{p.hour:02d}:12:00")
        content = _body_paras(p)
        if p.origin:
            content += f'<p>Dieser Beitrag erschien zuerst auf <a href="{esc(p.origin[0])}">{esc(p.origin[1])}</a>.</p>'
        items.append(
            f"<item><title>{esc(p.title)}</title><link>{s.url(p.path)}</link><dc:creator><![CDATA[{p.author}]]></dc:creator>"
            f'<pubDate>{pub}</pubDate><category><![CDATA[{p.cat}]]></category><guid isPermaLink="false">{s.url(p.path)}</guid>'
            f"<description><![CDATA[{re.sub(r'<[^>]+>', '', p.paras[0])[:300]} […]]]></description>"
            + (f"<content:encoded><![CDATA[{content}]]></content:encoded>" if s.kind != "medium" else "")
            + "</item>"
        )
    last = _http_date(s.posts[0].day) if s.posts else _http_date(TODAY)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom"><channel>'
        f"<title>{esc(s.title)}</title><link>{s.home}</link><description>{esc(s.tagline)}</description>"
        f"<lastBuildDate>{last}</lastBuildDate><language>{'en-US' if s.lang == 'en' else 'de-DE'}</language>"
        f"{''.join(items)}</channel></rss>"
    )


def render_impressum(s: Site) -> str:
    street, plz, city = s.address
    mail = _email(s)
    phone = f"+49 {int(plz[:3]) % 900 + 30} {_h(s.key) % 9000000 + 1000000}"
    holder = s.author
    firm = ""
    if s.kind in ("agency", "saas", "shop", "portal", "directory", "aggregator"):
        firm = f"{s.title} GmbH" if s.kind != "portal" else "Linkpaket Pro UG (haftungsbeschränkt)"
        holder = f"{firm}<br>vertreten durch die Geschäftsführung: {esc(s.author)}"
    if s.kind == "spun":
        street, plz, city = "Agiou Andreou 14", "3036", "Limassol, Zypern"
        holder = "Digital Content Services Ltd."
    en = s.lang == "en"
    if en:
        main = (
            f"<h1>Imprint</h1><p>Information according to § 5 DDG</p><p>{holder}<br>{esc(street)}<br>{plz} {esc(city)}<br>Germany</p>"
            f'<p>Email: <a href="mailto:{mail}">{mail}</a></p>'
        )
    else:
        main = (
            f"<h1>Impressum</h1><h2>Angaben gemäß § 5 DDG</h2><p>{holder}<br>{esc(street)}<br>{plz} {esc(city)}</p>"
            f'<h2>Kontakt</h2><p>Telefon: {phone}<br>E-Mail: <a href="mailto:{mail}">{mail}</a></p>'
            + (
                f"<h2>Umsatzsteuer-ID</h2><p>Umsatzsteuer-Identifikationsnummer gemäß § 27 a Umsatzsteuergesetz: DE{_h(s.key + 'u') % 900000000 + 100000000}</p>"
                if firm
                else ""
            )
            + f"<h2>Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV</h2><p>{esc(s.author)}<br>{esc(street)}<br>{plz} {esc(city)}</p>"
            "<h2>Haftung für Links</h2><p>Unser Angebot enthält Links zu externen Websites Dritter, auf deren Inhalte wir keinen Einfluss haben. "
            "Deshalb können wir für diese fremden Inhalte auch keine Gewähr übernehmen.</p>"
            "<h2>Verbraucherstreitbeilegung</h2><p>Wir sind nicht bereit oder verpflichtet, an Streitbeilegungsverfahren vor einer Verbraucherschlichtungsstelle teilzunehmen.</p>"
        )
    return main


def render_about(s: Site) -> str:
    en = s.lang == "en"
    first = s.author.split()[0]
    if s.kind == "aggregator":
        return (
            "<h1>Über uns</h1><p>Marketingblogs aktuell sammelt täglich die neuesten Beiträge aus deutschsprachigen Marketing-Blogs. "
            "Die Beiträge werden automatisch über die RSS-Feeds der Blogs übernommen. Du möchtest mit deinem Blog dabei sein? Schreib uns!</p>"
        )
    if s.kind == "agency":
        return (
            f"<h1>Über uns</h1><p>{s.title.replace(' Blog', '')} ist eine Content-Agentur mit zwölf Köpfen in {s.address[2]}. "
            "Wir entwickeln Content-Strategien, schreiben Blogartikel und betreuen Social-Media-Kanäle für mittelständische Unternehmen.</p>"
            f"<p>Geschäftsführer {s.author} gründete die Agentur 2014 nach zehn Jahren im Verlag.</p>"
        )
    if s.label in ("shop", "offtopic") and s.kind in ("shop", "saas", "business", "news"):
        return f"<h1>Über uns</h1><p>{esc(s.title)} – {esc(s.tagline or 'seit vielen Jahren für Sie da')}. Wir freuen uns auf Ihre Anfrage.</p>"
    if s.kind in ("portal", "directory"):
        return f"<h1>Über uns</h1><p>{esc(s.title)} ist Ihr Partner für Reichweite und Sichtbarkeit. Wir veröffentlichen Artikel zu allen Themen.</p>"
    if s.life:
        return f"<h1>Über mich</h1><p>Hallo, ich bin {first}! Hier schreibe ich über {esc(s.tagline.lower())}. Ich lebe mit meiner Familie in {s.address[2]}.</p><p>Früher habe ich im Marketing gearbeitet, heute genieße ich die Zeit für meine Leidenschaft.</p>"
    pr = tb.Prose(random.Random(s.key), s.topics or ["content"], s.lang, voice=s.key)
    if en:
        return (
            f"<h1>About</h1><p>Hi, I'm {esc(s.author)}. I have been working in {pr.term()} for more than {len(s.key) % 10 + 5} years "
            f"and I write this blog to share what works – and what doesn't.</p><p>{pr.sentence()} {pr.sentence()}</p>"
            f'<p>Want to work together? Write to <a href="mailto:{_email(s)}">{_email(s)}</a>.</p>'
        )
    return (
        f"<h1>Über mich</h1><p>Hallo, ich bin {esc(s.author)}! Seit über {len(s.key) % 10 + 5} Jahren arbeite ich im Bereich {pr.term()} "
        f"– erst in einer Agentur, inzwischen selbstständig in {s.address[2]}.</p><p>Auf {esc(s.title)} teile ich, was in der Praxis funktioniert. {pr.sentence()}</p>"
        f'<p>Du möchtest zusammenarbeiten, einen Gastbeitrag anfragen oder einfach Hallo sagen? Schreib mir an <a href="mailto:{_email(s)}">{_email(s)}</a>.</p>'
    )


def render_kontakt(s: Site) -> str:
    en = s.lang == "en"
    mail = _email(s)
    return (
        f'<h1>{"Contact" if en else "Kontakt"}</h1><p>{"Get in touch:" if en else "Du erreichst mich am besten per E-Mail:"} <a href="mailto:{mail}">{mail}</a></p>'
        f'<form class="wpcf7-form" method="post"><input name="your-name"><input name="your-email"><textarea name="your-message"></textarea><input type="submit" value="{"Send" if en else "Senden"}"></form>'
    )


DATENSCHUTZ = (
    "<h1>Datenschutzerklärung</h1><h2>1. Datenschutz auf einen Blick</h2><p>Die folgenden Hinweise geben einen einfachen Überblick darüber, was mit Ihren "
    "personenbezogenen Daten passiert, wenn Sie diese Website besuchen.</p><h2>2. Hosting</h2><p>Wir hosten die Inhalte unserer Website bei einem externen Anbieter.</p>"
    "<h2>3. Cookies</h2><p>Unsere Internetseiten verwenden so genannte „Cookies“. Cookies sind kleine Datenpakete und richten auf Ihrem Endgerät keinen Schaden an.</p>"
)


def render_all(b: _Builder) -> None:
    w = b.w
    for s in b.sites.values():
        if s.kind in ("shop", "saas", "business", "news"):
            render_commercial(b, s)
            continue
        if s.kind == "medium":
            render_medium(b, s)
            continue
        en = s.lang == "en"
        # home / listing pages
        per = 8
        chunks = [s.posts[i : i + per] for i in range(0, len(s.posts), per)] or [[]]
        if s.kind in ("wix", "jimdo", "elementor", "hugo", "blogger"):
            chunks = [s.posts[:12]]
        for i, chunk in enumerate(chunks):
            path = f"{s.base}/" if i == 0 else f"{s.base}/page/{i + 1}/"
            nxt = s.url(f"{s.base}/page/{i + 2}/") if i + 1 < len(chunks) else None
            intro = ""
            if i == 0 and s.kind == "portal":
                intro = (
                    f'<div class="hero"><p>Backlinks kaufen ab 49 € – redaktionelle Gastartikel auf über 2.000 Blogs und Magazinen. '
                    f'<a href="{s.url("/preise/")}">Zur Preisliste</a></p></div>'
                )
            if i == 0 and s.kind == "directory":
                intro = f'<div class="hero"><p>{esc(s.tagline)}. <a href="{s.url("/artikel-einreichen/")}">Jetzt Artikel einreichen</a></p></div>'
            w.add(
                s.host,
                path,
                render_listing(
                    s,
                    chunk,
                    s.title if i == 0 else f"{s.title} – {'Page' if en else 'Seite'} {i + 1}",
                    s.url(path),
                    nxt,
                    intro,
                ),
                modified=chunk[0].day if chunk else None,
            )
        if s.kind == "wix" and s.base:
            w.redirect(s.host, "/", s.home)
        if s.kind == "agency":
            render_agency_home(b, s)
        for p in s.posts:
            w.add(s.host, p.path, render_post(s, p), modified=p.day)
        if s.kind in ("wp", "dead", "spun", "machine", "aggregator"):
            for cat in {p.cat for p in s.posts}:
                path = f"/category/{slugify(cat)}/"
                w.add(
                    s.host,
                    path,
                    render_listing(s, [p for p in s.posts if p.cat == cat][:10], f"Kategorie: {cat}", s.url(path)),
                )
            for y, m in {(p.day.year, p.day.month) for p in s.posts}:
                path = f"/{y}/{m:02d}/"
                w.add(
                    s.host,
                    path,
                    render_listing(
                        s,
                        [p for p in s.posts if (p.day.year, p.day.month) == (y, m)],
                        f"Monat: {tb.MONTHS_DE[m - 1]} {y}",
                        s.url(path),
                    ),
                )
        feed = _feed_path(s)
        if feed:
            w.add(s.host, feed, render_feed(s), RSS_CT, modified=s.posts[0].day if s.posts else None)
            if s.kind == "blogger":
                w.add(s.host, "/feeds/posts/default?alt=rss", render_feed(s), RSS_CT)
        pages = _pages_of(s)
        renders = {
            "about": render_about,
            "impressum": render_impressum,
            "kontakt": render_kontakt,
            "datenschutz": lambda s: DATENSCHUTZ,
        }
        for name, path in pages.items():
            title = {
                "about": "About" if en else "Über",
                "impressum": "Imprint" if en else "Impressum",
                "kontakt": "Contact" if en else "Kontakt",
                "datenschutz": "Privacy" if en else "Datenschutzerklärung",
            }[name]
            w.add(
                s.host,
                path,
                _wrap(s, f"{title} – {s.title}", s.url(path), f'<article class="page">{renders[name](s)}</article>'),
            )
        if s.kind == "portal":
            rows = "".join(
                f"<tr><td>{n}</td><td>{k}</td><td>{p} €</td></tr>"
                for n, k, p in (
                    ("Starter", "3 Gastartikel, DA 20+, dofollow", 149),
                    ("Business", "10 Gastartikel, DA 30+, dofollow", 449),
                    ("Premium", "25 Gastartikel, DA 40+, dofollow, dauerhaft", 990),
                    ("Einzellink Magazin", "1 Artikel auf Nachrichtenportal", 290),
                )
            )
            w.add(
                s.host,
                "/preise/",
                _wrap(
                    s,
                    "Preise – Linkpaket Pro",
                    s.url("/preise/"),
                    f"<h1>Backlink-Pakete und Preise</h1><table class='pricing'><tr><th>Paket</th><th>Leistung</th><th>Preis</th></tr>{rows}</table>"
                    "<p>Alle Preise zzgl. MwSt. Themen: Finanzen, Casino, Gesundheit, Reisen, Marketing, Haus &amp; Garten. Lieferung in 7 Werktagen.</p>",
                ),
            )
        if s.alias:
            w.host_redirects[s.alias] = s.host
        if s.old_host:
            w.host_redirects[s.old_host] = s.host


def render_agency_home(b: _Builder, s: Site) -> None:
    w = b.w
    services = [
        (
            "Content-Strategie",
            "Wir analysieren Ihre Zielgruppen und entwickeln eine Strategie, die zu Ihren Geschäftszielen passt.",
        ),
        ("Texte & Redaktion", "Blogartikel, Whitepaper, Newsletter und Webseitentexte aus einer Hand."),
        ("Social Media Betreuung", "Redaktionsplanung, Community Management und Kampagnen auf LinkedIn und Instagram."),
        ("SEO-Beratung", "Technische Analyse, Keyword-Strategie und Onpage-Optimierung."),
    ]
    cards = "".join(f'<div class="elementor-widget-icon-box"><h3>{t}</h3><p>{d}</p></div>' for t, d in services)
    refs = "<p>Unsere Kundinnen und Kunden: Stadtwerke, Maschinenbauer, Softwarehäuser und Verbände aus ganz Deutschland.</p>"
    latest = "".join(f'<li><a href="{s.url(p.path)}">{esc(p.title)}</a></li>' for p in s.posts[:3])
    main = (
        f'<section class="hero"><h1>Content, der Kunden gewinnt.</h1><p>Wir sind Ihre Content-Agentur in {s.address[2]} – von der Strategie bis zum fertigen Beitrag.</p>'
        f'<a class="button" href="{s.url("/kontakt/")}">Jetzt Erstgespräch vereinbaren</a></section><section class="services">{cards}</section>{refs}'
        f'<section class="from-blog"><h2>Aus unserem Blog</h2><ul>{latest}</ul><a href="{s.home}">Zum Blog</a></section>'
    )
    w.add(
        s.host,
        "/",
        _wrap(
            s,
            f"{s.title.replace(' Blog', '')} – Content-Agentur in {s.address[2]}",
            s.url("/"),
            main,
            "Content-Agentur für den Mittelstand",
        ),
    )
    for path, title, text in (
        ("/leistungen/", "Leistungen", "".join(f"<h2>{t}</h2><p>{d}</p>" for t, d in services)),
        ("/referenzen/", "Referenzen", "<p>Eine Auswahl unserer Projekte der letzten Jahre.</p>" + refs),
    ):
        w.add(s.host, path, _wrap(s, f"{title} – {s.title}", s.url(path), f"<h1>{title}</h1>{text}"))


def render_medium(b: _Builder, s: Site) -> None:
    w = b.w
    items = "".join(
        f'<article><a href="{s.url(p.path)}"><h2>{esc(p.title)}</h2></a>{_date_html(s, p)}<p>{esc(re.sub(r"<[^>]+>", "", p.paras[0])[:180])} …</p></article>'
        for p in s.posts
    )
    w.add(
        s.host,
        s.base,
        _wrap(
            s,
            f"{s.author} – Medium",
            s.url(s.base),
            f"<h1>{esc(s.author)}</h1><p>Content-Strategin. Schreibt über Redaktion, SEO und gute Texte.</p>{items}",
        ),
    )
    w.add(s.host, s.base + "/", _wrap(s, f"{s.author} – Medium", s.url(s.base), f"<h1>{esc(s.author)}</h1>{items}"))
    for p in s.posts:
        w.add(s.host, p.path, render_post(s, p))
    w.add(s.host, f"{s.base}/about", _wrap(s, f"About {s.author}", s.url(f"{s.base}/about"), render_about(s)))
    w.add(s.host, _feed_path(s), render_feed(s), RSS_CT)
    w.add(
        s.host,
        "/",
        "<html><head><title>Medium – Where good ideas find you.</title></head><body><h1>Medium</h1><p>Read and share ideas from independent voices.</p></body></html>",
    )


def render_commercial(b: _Builder, s: Site) -> None:
    w = b.w
    r = random.Random(s.key)
    if s.kind == "shop":
        products = s.extra["products"].split("|")
        cards = "".join(
            f'<li class="product"><a href="{s.url("/produkt/" + slugify(n) + "/")}"><h2>{esc(n)}</h2><span class="price">{r.randint(9, 149)},{r.choice(["00", "90", "95", "99"])} €</span></a></li>'
            for n in products
        )
        main = f'<h1>{esc(s.title)}</h1><p>Willkommen in unserem Onlineshop! Versandkostenfrei ab 50 €.</p><ul class="products">{cards}</ul><a href="{s.url("/warenkorb/")}">Warenkorb</a>'
        w.add(s.host, "/", _wrap(s, f"{s.title} – Onlineshop", s.url("/"), main))
        for n in products:
            path = "/produkt/" + slugify(n) + "/"
            w.add(
                s.host,
                path,
                _wrap(
                    s,
                    f"{n} – {s.title}",
                    s.url(path),
                    f'<h1>{esc(n)}</h1><p class="price">{r.randint(9, 149)},95 € inkl. MwSt.</p><p>Lieferzeit 2–3 Werktage.</p><button>In den Warenkorb</button>',
                ),
            )
    elif s.kind == "saas":
        en = s.lang == "en"
        feats = "".join(
            f"<li>{f}</li>"
            for f in r.sample(
                [
                    "Teamkalender",
                    "Freigabe-Workflows",
                    "Analytics-Dashboard",
                    "KI-Textvorschläge",
                    "DSGVO-konformes Hosting in Deutschland",
                    "Integration mit WordPress",
                    "Rollen und Rechte",
                    "API-Zugriff",
                ],
                5,
            )
        )
        main = (
            f'<section class="hero"><h1>{esc(s.tagline)}</h1><p>{esc(s.title)} ist die Software für Marketing-Teams, die {"plan smarter" if en else "mehr schaffen wollen"}. '
            f'14 Tage kostenlos testen, keine Kreditkarte nötig.</p><a class="cta" href="{s.url("/preise/")}">{"Pricing" if en else "Preise ansehen"}</a></section>'
            f'<section class="features"><h2>Funktionen</h2><ul>{feats}</ul></section><section><h2>News</h2><ul>'
            + "".join(f'<li><a href="{s.url(p.path)}">{esc(p.title)}</a></li>' for p in s.posts)
            + "</ul></section>"
        )
        w.add(s.host, "/", _wrap(s, f"{s.title} – {s.tagline}", s.url("/"), main))
        w.add(
            s.host,
            "/preise/",
            _wrap(
                s,
                f"Preise – {s.title}",
                s.url("/preise/"),
                "<h1>Preise</h1><table><tr><td>Solo</td><td>19 € / Monat</td></tr><tr><td>Team</td><td>79 € / Monat</td></tr><tr><td>Agentur</td><td>249 € / Monat</td></tr></table>",
            ),
        )
        for p in s.posts:
            w.add(
                s.host,
                p.path,
                _wrap(
                    s,
                    f"{p.title} – {s.title}",
                    s.url(p.path),
                    f"<article><h1>{esc(p.title)}</h1>{_date_html(s, p)}{_body_paras(p)}</article>",
                ),
            )
    elif s.kind == "news":
        items = "".join(
            f'<article class="teaser"><a href="{s.url(p.path)}"><h2>{esc(p.title)}</h2></a><p>{esc(p.paras[0][:160])}</p></article>'
            for p in s.posts
        )
        w.add(s.host, "/", _wrap(s, f"{s.title} – Nachrichten", s.url("/"), f"<h1>{esc(s.title)}</h1>{items}"))
        for p in s.posts:
            w.add(
                s.host,
                p.path,
                _wrap(
                    s,
                    f"{p.title} – {s.title}",
                    s.url(p.path),
                    f"<article><h1>{esc(p.title)}</h1>{_date_html(s, p)}{_body_paras(p)}</article>",
                ),
            )
    else:  # business
        main = (
            f'<section class="hero"><h1>{esc(s.title)}</h1><p>{esc(s.tagline)} in {s.address[2]}.</p></section><p>Wir freuen uns auf Ihre Anfrage. '
            f'Termine nach Vereinbarung.</p><a href="{s.url("/kontakt/")}">Kontakt aufnehmen</a>'
        )
        w.add(s.host, "/", _wrap(s, f"{s.title} – {s.tagline}", s.url("/"), main))
    for name, path in _pages_of(s).items():
        fn = {
            "about": render_about,
            "impressum": render_impressum,
            "kontakt": render_kontakt,
            "datenschutz": lambda s: DATENSCHUTZ,
        }[name]
        w.add(
            s.host,
            path,
            _wrap(s, f"{name.title()} – {s.title}", s.url(path), f'<article class="page">{fn(s)}</article>'),
        )


if __name__ == "__main__":
    import collections

    world = build_world()
    print(len(world.truth), "sites,", len(world.pages), "pages")
    print(collections.Counter(world.truth.values()))
