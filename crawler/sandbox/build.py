"""Generation of blogs: labels, hosts, authors, posts (metadata only; text is rendered lazily)."""

from __future__ import annotations

import datetime as dt
import logging
import math
from random import Random

from crawler.sandbox import text
from crawler.sandbox.model import Blog, Post

log = logging.getLogger(__name__)

MIN_BLOGS = 10
HOSTED_SUFFIXES = {
    "blogspot": "blogspot.com",
    "wpcom": "wordpress.com",
    "github": "github.io",
    "netlify": "netlify.app",
}
_KIND_WEIGHTS = (("own", 35), ("own_www", 15), ("blogspot", 20), ("wpcom", 15), ("github", 10), ("netlify", 5))
_SEED_KINDS = ("own", "own_www", "blogspot", "wpcom")
_TLDS = {
    "de": (".de", ".de", ".de", ".de", ".at", ".ch", ".com"),
    "en": (".com", ".com", ".com", ".co.uk", ".co.uk", ".net", ".io", ".blog"),
}
_MAIL_PROVIDERS = {
    "de": ("gmail.com", "web.de", "gmx.de", "posteo.de"),
    "en": ("gmail.com", "outlook.com", "hotmail.co.uk", "icloud.com"),
}
_EMAIL_STYLES = {
    "de": ("mailto", "at_dot", "paren_at", "entity", "plain"),
    "en": ("mailto", "plain", "at_dot", "mailto"),
}
TOPIC_LABELS = {
    "de": {
        "seo": "SEO & Suchmaschinen",
        "content": "Content & Texte",
        "social": "Social Media",
        "online": "Online-Marketing",
        "cooking": "Kochen & Backen",
        "travel": "Reisen",
        "gardening": "Garten",
        "football": "Fußball",
        "photography": "Fotografie",
        "lifestyle": "Magazin",
        "shop": "Shop",
    },
    "en": {
        "seo": "SEO notes",
        "content": "Content & copy",
        "social": "Social media",
        "online": "Online marketing",
        "cooking": "Cooking & baking",
        "travel": "Travel",
        "gardening": "Gardening",
        "football": "Football",
        "photography": "Photography",
        "lifestyle": "Magazine",
        "shop": "Shop",
    },
}


def label_counts(n_blogs: int) -> dict[str, int]:
    """How many blogs get each ground-truth label (partners take the rest)."""
    if n_blogs < MIN_BLOGS:
        raise ValueError(f"n_blogs must be at least {MIN_BLOGS}")
    counts = {
        "seed": min(4, max(2, round(n_blogs * 0.075))),
        "hub": max(1, round(math.sqrt(n_blogs) / 3)),
        "farm": max(2, round(n_blogs * 0.075)),
        "dead": max(1, round(n_blogs * 0.1)),
        "shop": max(1, round(n_blogs * 0.075)),
        "offtopic": max(1, round(n_blogs * 0.22)),
    }
    shortfall = max(0, 2 - (n_blogs - sum(counts.values())))  # at least two partners
    counts["offtopic"] -= shortfall
    counts["partner"] = n_blogs - sum(counts.values())
    return counts


def pick_lang(rng: Random, langs: tuple[str, ...]) -> str:
    """A language, the first of `langs` weighted 60 %."""
    if len(langs) == 1 or rng.random() < 0.6:
        return langs[0]
    return rng.choice(langs[1:])


def _own_host(rng: Random, lang: str, topic: str, label: str) -> tuple[str, str]:
    voc = text.lang_vocab(lang)
    words = voc["farm"]["host_words"] if label == "farm" else text.topic_entry(topic, lang)["host_words"]
    first, second = text.slugify(rng.choice(words[0])), text.slugify(rng.choice(words[1]))
    if second.startswith("-") or second.isdigit():
        name, title = first + second, first.title() + second
    elif rng.random() < 0.5:
        name, title = f"{first}-{second}", f"{first.title()}-{second.title()}"
    else:
        name, title = first + second, (first + second).title()
    tld = ".de" if label == "farm" and lang == "de" else rng.choice(_TLDS[lang])
    return name + tld, title.replace("Seo", "SEO")


def _hosted_host(rng: Random, lang: str, kind: str, first: str, last: str) -> str:
    voc = text.lang_vocab(lang)
    extra = rng.choice(("", text.slugify(last), rng.choice(voc["hosted_suffix_words"])))
    sep = rng.choice(("", "-")) if extra else ""
    return f"{text.slugify(first)}{sep}{extra}.{HOSTED_SUFFIXES[kind]}"


def _cms(rng: Random, kind: str, label: str) -> str:
    if label == "shop":
        return rng.choice(("woocommerce", "shopify"))
    if kind == "blogspot":
        return "blogger"
    if kind == "wpcom" or label in ("farm", "seed", "hub"):
        return "wordpress"
    if kind in ("github", "netlify"):
        return "hugo"
    return rng.choices(("wordpress", "ghost", "hugo"), (6, 2, 2))[0]


def _kind(rng: Random, label: str, index: int) -> str:
    if label == "seed":
        return _SEED_KINDS[index % len(_SEED_KINDS)]
    if (label, index) in (("partner", 1), ("offtopic", 0)):
        return "blogspot"  # two Blogger blogs, so both Blogger blogroll widgets appear
    if label in ("hub", "shop"):
        return rng.choice(("own", "own_www"))
    if label == "farm":
        return "own"
    return rng.choices([k for k, _ in _KIND_WEIGHTS], [w for _, w in _KIND_WEIGHTS])[0]


def unique_host(rng: Random, taken: set[str], make) -> tuple[str, str]:
    """Call `make()` until it returns a (host, title) whose site is not taken yet."""
    host, title = make()
    for _ in range(20):
        if host.removeprefix("www.") not in taken:
            break
        host, title = make()
    else:
        name, dot, tld = host.partition(".")
        number = 2
        while f"{name}{number}{dot}{tld}".removeprefix("www.") in taken:
            number += 1
        host = f"{name}{number}{dot}{tld}"
    taken.add(host.removeprefix("www."))
    return host, title


def _address(rng: Random, lang: str, host: str) -> tuple[str, str, str]:
    voc = text.lang_vocab(lang)
    key, country = "cities", ("Deutschland" if lang == "de" else "United Kingdom")
    if lang == "de" and host.endswith(".at"):
        key, country = "cities_at", "Österreich"
    elif lang == "de" and host.endswith(".ch"):
        key, country = "cities_ch", "Schweiz"
    postcode, city = rng.choice(voc[key])
    street = f"{rng.choice(voc['streets'])} {rng.randint(1, 120)}"
    if lang == "en":
        street = f"{rng.randint(1, 120)} {rng.choice(voc['streets'])}"
    return street, f"{postcode} {city}", country


def _emails(rng: Random, lang: str, kind: str, site: str, first: str, last: str) -> list[str]:
    if kind.startswith("own"):
        local = rng.choice((text.slugify(first), "kontakt" if lang == "de" else "hello", "info"))
        return [f"{local}@{site}"]
    return [f"{text.slugify(first)}.{text.slugify(last)}@{rng.choice(_MAIL_PROVIDERS[lang])}"]


def _social(rng: Random, first: str, last: str) -> dict[str, str]:
    handle = text.slugify(f"{first}{last}").replace("-", "")
    options = {
        "facebook": f"https://www.facebook.com/{handle}",
        "instagram": f"https://www.instagram.com/{handle}/",
        "x": rng.choice((f"https://x.com/{handle}", f"https://twitter.com/{handle}")),
        "linkedin": f"https://www.linkedin.com/in/{text.slugify(first + ' ' + last)}",
        "youtube": f"https://www.youtube.com/@{handle}",
    }
    chosen = rng.sample(sorted(options), rng.randint(1, 4))
    return {name: options[name] for name in sorted(chosen)}


def post_path(blog: Blog, slug: str, day: dt.date) -> str:
    """URL path of a post or product in the blog's CMS style."""
    if blog.cms == "wordpress":
        return f"/{day.year}/{day.month:02d}/{slug}/"
    if blog.cms == "blogger":
        return f"/{day.year}/{day.month:02d}/{slug}.html"
    if blog.cms == "ghost":
        return f"/{slug}/"
    if blog.cms == "woocommerce":
        return f"/{'produkt' if blog.lang == 'de' else 'product'}/{slug}/"
    if blog.cms == "shopify":
        return f"/products/{slug}"
    return f"/{'posts' if 'hugo_posts' in blog.features else 'blog'}/{slug}/"


def _post_dates(rng: Random, label: str, count: int, today: dt.date) -> list[dt.date]:
    if label == "dead":
        newest = today - dt.timedelta(days=rng.randint(730, 1460))
    elif label == "hub":
        newest = today - dt.timedelta(days=rng.randint(0, 2))
    else:
        newest = today - dt.timedelta(days=rng.randint(1, 40))
    dates = [newest]
    for _ in range(count - 1):
        gap = rng.randint(1, 4) if label == "hub" else rng.randint(5, 35)
        dates.append(dates[-1] - dt.timedelta(days=gap))
    return dates


def make_posts(rng: Random, blog: Blog, label: str, today: dt.date) -> None:
    """Fill `blog.posts` (newest first) with titles, slugs, paths and dates."""
    count = {"hub": 12, "farm": 3, "dead": rng.randint(4, 8), "shop": rng.randint(6, 10)}.get(label, rng.randint(4, 12))
    if label == "shop":
        terms = rng.sample(text.topic_terms("shop", blog.lang), count)
        for term in terms:
            name = f"{term[:1].upper()}{term[1:]} {rng.choice(('Classic', 'Natur', 'Deluxe', 'Mini', 'Pro'))}"
            slug = text.slugify(name)
            blog.posts.append(
                Post(
                    name,
                    slug,
                    post_path(blog, slug, blog.created),
                    blog.created,
                    rng.randint(60, 120),
                    price_cents=rng.randint(5, 120) * 100 + 90,
                )
            )
        return
    seen: set[str] = set()
    for day in _post_dates(rng, label, count, today):
        title = text.title(rng, blog.topic, blog.lang, day.year)
        slug = text.slugify(title)
        while slug in seen:
            slug += "-2"
        seen.add(slug)
        words = rng.randint(40, 80) if label == "farm" else rng.randint(150, 400)
        blog.posts.append(Post(title, slug, post_path(blog, slug, day), day, words))
    blog.created = min(blog.created, blog.posts[-1].published - dt.timedelta(days=rng.randint(30, 400)))


def german_possessive(name: str) -> str:
    """A German first name's genitive: an apostrophe after s, x, z and ß, else an s.

    >>> german_possessive("Anna"), german_possessive("Felix"), german_possessive("Tobias")
    ('Annas', "Felix'", "Tobias'")
    """
    return f"{name}'" if name and name[-1].lower() in "sxzß" else f"{name}s"


def make_blog(rng: Random, *, label: str, topic: str, lang: str, index: int, today: dt.date, taken: set[str]) -> Blog:
    """Create one blog (no links yet) with a unique host."""
    kind = _kind(rng, label, index)
    first, last = text.person(rng, lang)
    if kind.startswith("own"):
        host, title = unique_host(rng, taken, lambda: _own_host(rng, lang, topic, label))
        if kind == "own_www":
            host = f"www.{host}"
    else:
        host, _ = unique_host(rng, taken, lambda: (_hosted_host(rng, lang, kind, first, last), ""))
        title = rng.choice(
            (
                f"{first} {last} | {TOPIC_LABELS[lang].get(topic) or text.topic_entry(topic, lang)['label']}",
                f"{german_possessive(first)} Blog" if lang == "de" else f"{first}'s blog",
            )
        )
    cms = _cms(rng, kind, label)
    site = host.removeprefix("www.")
    blog = Blog(
        host=host,
        lang=lang,
        topic=topic,
        label=label,
        cms=cms,
        title=title,
        author=f"{first} {last}",
        address=_address(rng, lang, host),
        emails=_emails(rng, lang, kind, site, first, last),
        email_style=rng.choice(_EMAIL_STYLES[lang]),
        created=today - dt.timedelta(days=400),
        social={} if label in ("farm", "shop") else _social(rng, first, last),
    )
    if cms == "hugo" and rng.random() < 0.5:
        blog.features.add("hugo_posts")
    if label == "shop":
        blog.feed_format = None
        blog.created = today - dt.timedelta(days=rng.randint(100, 900))
    elif cms == "blogger" or (cms == "hugo" and rng.random() < 0.5):
        blog.feed_format = "atom"
    if rng.random() < 0.3:
        blog.features.add("utm")
    make_posts(rng, blog, label, today)
    return blog
