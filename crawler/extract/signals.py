"""Blog signals: dates, CMS, shop markers, the blog verdict and a guess of the page kind."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from lxml import html

_ISO_DATE_RE = re.compile(r"^\s*((?:19|20)\d\d)-(\d\d)-(\d\d)")
_PATH_DATE_RE = re.compile(r"/((?:19|20)\d\d)/(0?[1-9]|1[0-2])/(?:(0?[1-9]|[12]\d|3[01])/)?(?=[^/?#]*[a-z])[^/?#]{2,}")
_CMS_MARKERS = (
    ("/wp-content/", "WordPress"),
    ("/wp-includes/", "WordPress"),
    ("blogger.com/static", "Blogger"),
    ("blogblog.com", "Blogger"),
    ("ghost-portal", "Ghost"),
    ("substackcdn.com", "Substack"),
    ("cdn-images-1.medium.com", "Medium"),
    ("static1.squarespace.com", "Squarespace"),
    ("static.wixstatic.com", "Wix"),
    ("typo3conf/", "TYPO3"),
    ("typo3temp/", "TYPO3"),
    ("jimdo", "Jimdo"),
    ("/_next/static", "Next.js"),
)
_HOST_CMS = (
    (".blogspot.", "Blogger"),
    (".wordpress.com", "WordPress.com"),
    ("medium.com", "Medium"),
    (".substack.com", "Substack"),
    (".tumblr.com", "Tumblr"),
    (".ghost.io", "Ghost"),
)
BLOG_CMS = (
    "wordpress",
    "blogger",
    "blogspot",
    "ghost",
    "hugo",
    "jekyll",
    "medium",
    "substack",
    "pelican",
    "eleventy",
    "hexo",
    "gatsby",
    "tumblr",
    "serendipity",
    "nucleus",
    "movable type",
    "textpattern",
    "dotclear",
    "b2evolution",
    "write.as",
    "bearblog",
    "micro.blog",
    "blogger.de",
    "twoday",
    "typo3 blog",
    "t3blog",
    "grav",
    "kirby",
    "zola",
    "bludit",
    "wix blog",
)
_SHOP_MARKERS = (
    "add-to-cart",
    "add_to_cart",
    "in den warenkorb",
    "zum warenkorb",
    "single-product",
    "woocommerce-product",
    '"@type":"product"',
    '"@type": "product"',
    "schema.org/product",
    "schema.org/offer",
    "product-add-to-cart",
)
MIN_TEASERS = 3  # linked posts that make a list of posts
_POST_SCHEMA_RE = re.compile(r'"@type"\s*:\s*\[?\s*"(?:BlogPosting|Article|NewsArticle|TechArticle)"')


def iso_date(value: str) -> str:
    """YYYY-MM-DD from the start of an ISO-like date string, '' when invalid or implausible."""
    match = _ISO_DATE_RE.match(value or "")
    if not match:
        return ""
    try:
        day = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return ""
    if day.year < 1995 or day.year > date.today().year + 1:
        return ""
    return day.isoformat()


def path_date(path: str) -> tuple[str, str]:
    """(year-month, full date or '') of a dated permalink path like ``/2024/05/14/slug`` or ``/2024/5/14/slug``."""
    match = _PATH_DATE_RE.search(path)
    if not match:
        return "", ""
    year, month, day = match.groups()
    return f"{year}-{int(month):02d}", (iso_date(f"{year}-{int(month):02d}-{int(day):02d}") if day else "")


def is_dated_path(path: str) -> bool:
    """True for permalinks with a date in the path and a slug after it."""
    return bool(_PATH_DATE_RE.search(path))


def element_dates(root: html.HtmlElement, skip) -> list[str]:
    """ISO dates of `time[datetime]`, h-entry ``dt-published`` and hAtom ``published`` elements.

    An hAtom ``published`` element without a date attribute is read as text (`text_date`).

    `skip(el)` returns True for elements to ignore (dates of comments).
    """
    found = []
    for el in root.iter("time", "abbr", "span", "data"):
        cls = el.get("class") or ""
        if el.tag == "time":
            raw = el.get("datetime") or ""
        elif "dt-published" in cls or "published" in cls or el.get("itemprop") == "datePublished":
            raw = el.get("datetime") or el.get("title") or el.get("content") or el.get("value") or ""
        else:
            continue
        iso = iso_date(raw)
        if not iso and not raw and el.tag != "time":  # hAtom "published" written as text
            iso = text_date(el.text_content()[:_TEXT_DATE_LIMIT])
        if iso and not skip(el):
            found.append(iso)
    return found


_MONTHS = {
    "jan": 1, "januar": 1, "january": 1, "jänner": 1, "jän": 1,
    "feb": 2, "februar": 2, "february": 2,
    "mär": 3, "märz": 3, "maerz": 3, "mar": 3, "march": 3,
    "apr": 4, "april": 4,
    "mai": 5, "may": 5,
    "jun": 6, "juni": 6, "june": 6,
    "jul": 7, "juli": 7, "july": 7,
    "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9,
    "okt": 10, "oktober": 10, "oct": 10, "october": 10,
    "nov": 11, "november": 11,
    "dez": 12, "dezember": 12, "dec": 12, "december": 12,
}  # fmt: skip
_MONTH_RE = "(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_TEXT_DATE_RES = (
    # 14. Mai 2024, 14 May 2024, 14th May 2024
    (re.compile(r"\b(\d{1,2})(?:\.|st|nd|rd|th)?\s+" + _MONTH_RE + r",?\s+((?:19|20)\d\d)\b", re.I), "dmy"),
    # May 14, 2024, May 14th 2024
    (re.compile(r"\b" + _MONTH_RE + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b", re.I), "mdy"),
    # 14.05.2024, 14.5.2024
    (re.compile(r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?((?:19|20)\d\d)\b"), "dmy"),
    # 2024-05-14, 2024/05/14
    (re.compile(r"\b((?:19|20)\d\d)[-/](\d{1,2})[-/](\d{1,2})\b"), "ymd"),
)
_DATE_CLASS_RE = re.compile(r"date|time|posted|published|byline|meta|post-info|entry-info", re.I)
_TEXT_DATE_LIMIT = 120  # characters of an element's text searched for a date


def text_date(value: str) -> str:
    """ISO date of the first date written as people write it in ``value`` ('' if none).

    Understands "14. Mai 2024", "14 May 2024", "May 14, 2024", "14.05.2024" and "2024-05-14";
    a bare year ("© 2024") or month ("Mai 2024") is no date.

    >>> text_date("Veröffentlicht am 14. Mai 2024"), text_date("Posted on May 14, 2024")
    ('2024-05-14', '2024-05-14')
    >>> text_date("14.05.2024"), text_date("© 2024 Anna"), text_date("Mai 2024")
    ('2024-05-14', '', '')
    """
    if not value:
        return ""
    best: tuple[int, str] | None = None
    for pattern, order in _TEXT_DATE_RES:
        match = pattern.search(value)
        if not match or (best is not None and match.start() >= best[0]):
            continue
        a, b, c = match.groups()
        if order == "dmy":
            day, month, year = a, b, c
        elif order == "mdy":
            month, day, year = a, b, c
        else:
            year, month, day = a, b, c
        number = _MONTHS.get(month.lower().rstrip(".")) if not month.isdigit() else int(month)
        if not number:
            continue
        iso = iso_date(f"{int(year):04d}-{number:02d}-{int(day):02d}")
        if iso:
            best = (match.start(), iso)
    return best[1] if best else ""


def text_dates(root: html.HtmlElement, skip) -> list[str]:
    """Dates written only as text: in `<time>` without ``datetime`` and in date-like elements.

    Date-like: a class or itemprop naming a date, time, byline or post meta ("entry-date",
    "post-meta", "elementor-post-info__item--type-date"). `skip(el)` returns True for elements to
    ignore (comments). Copyright years and bare months are no dates (see `text_date`).
    """
    found = []
    for el in root.iter("time", "span", "p", "div", "li", "small", "abbr"):
        if el.tag == "time":
            if el.get("datetime"):
                continue
        elif not _DATE_CLASS_RE.search((el.get("class") or "") + " " + (el.get("itemprop") or "")):
            continue
        if el.tag != "time" and len(el) > 3:  # a container of many things, not a date line
            continue
        iso = text_date(el.text_content()[:_TEXT_DATE_LIMIT])
        if iso and not skip(el):
            found.append(iso)
    return found


def newest_first(dates: list[str]) -> list[str]:
    """Distinct dates, newest first."""
    return sorted(set(d for d in dates if d), reverse=True)


def detect_generator(generators: list[str], raw: str, host: str) -> str:
    """The CMS: the meta generator naming a known CMS, else markers in the page, else the host."""
    for gen in generators:
        if any(cms in gen.lower() for cms in BLOG_CMS):
            return gen
    if generators:
        return generators[0]
    for marker, name in _CMS_MARKERS:
        if marker in raw:
            return name
    for marker, name in _HOST_CMS:
        if marker in host:
            return name
    return ""


def shop_markers(raw_lower: str) -> bool:
    """True when the page carries shop markup (cart buttons, product schema)."""
    return any(marker in raw_lower for marker in _SHOP_MARKERS)


@dataclass
class Evidence:
    """What speaks for or against a page being part of a blog."""

    feed: bool = False
    generator: str = ""
    dated_posts: int = 0
    hentry: bool = False
    post_schema: bool = False
    og_article: bool = False
    blog_path: bool = False
    shop: bool = False
    text_dates: int = 0  # post dates written only as text: weak, news and company sites have them too
    teasers: int = 0  # same-site posts linked by a post title or a "weiterlesen" link


def collect_evidence(raw: str, raw_lower: str, url_path: str, host: str) -> Evidence:
    """Markup evidence read straight from the page source."""
    return Evidence(
        hentry="hentry" in raw_lower or "h-entry" in raw_lower,
        post_schema=bool(_POST_SCHEMA_RE.search(raw)) or "schema.org/blogposting" in raw_lower,
        blog_path="/blog" in url_path.lower() or host.startswith(("blog.", "blogs.")),
        shop=shop_markers(raw_lower),
    )


def blog_verdict(ev: Evidence) -> tuple[bool, str]:
    """(is_blog, reason): a feed, dated posts, post markup or a list of posts make a blog.

    Shop pages need feed and dates. A page linking `MIN_TEASERS` posts with nothing else for it
    (a page-builder blog without feed or readable dates) is a blog of unknown activity.
    """
    strong = []
    if ev.feed:
        strong.append("RSS feed")
    if ev.dated_posts:
        strong.append(f"{ev.dated_posts} dated post{'s' if ev.dated_posts != 1 else ''}")
    if ev.hentry:
        strong.append("h-entry markup")
    if ev.post_schema:
        strong.append("BlogPosting schema")
    teasers = ev.teasers >= MIN_TEASERS
    if teasers and not strong:
        strong.append(f"{ev.teasers} linked posts")
    weak = []
    cms = ev.generator.lower()
    blog_cms = bool(cms) and any(name in cms for name in BLOG_CMS)
    if blog_cms:
        weak.append(ev.generator)
    if ev.og_article:
        weak.append("og:type article")
    if ev.blog_path:
        weak.append("/blog/ path")
    if ev.text_dates and (blog_cms or teasers):  # news and company sites write dates as text too
        weak.append(f"{ev.text_dates} date{'s' if ev.text_dates != 1 else ''} in text")
    if ev.shop and not (ev.feed and ev.dated_posts):
        parts = [
            "feed" if ev.feed else "no feed",
            "dated posts" if ev.dated_posts else "no dated posts",
            "shop markers",
        ]
        return False, ", ".join(parts)
    if strong or len(weak) >= 2:
        unknown = ["activity unknown"] if teasers and not (ev.feed or ev.dated_posts or ev.text_dates) else []
        return True, ", ".join(strong[:1] + weak[:1] + strong[1:] + weak[1:] + unknown)
    parts = ["no feed", "no dated posts"] + weak
    return False, ", ".join(parts)
