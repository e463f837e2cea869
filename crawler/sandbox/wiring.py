"""The link graph of the sandbox web: blogrolls, in-content links, comments, blogroll markup."""

from __future__ import annotations

import datetime as dt
import logging
from random import Random

from crawler.sandbox import text
from crawler.sandbox.model import Blog, Comment

log = logging.getLogger(__name__)

ROLL_STYLES = {
    "wordpress": ("wp_links", "wp_linkcat", "heading", "xfn", "page"),
    "blogger": ("blogger_bloglist", "blogger_linklist", "heading", "page"),
    "ghost": ("heading", "xfn", "page"),
    "hugo": ("heading", "page", "xfn"),
}
SEED_ROLL_STYLES = ("opml", "page", "wp_links", "xfn")
ROLL_PAGES = ("blogroll", "links", "partner")
COMMENTING_CMS = ("wordpress", "blogger")


def link_url(rng: Random, target: Blog, source: Blog, *, deep: bool = False) -> str:
    """A URL pointing at `target` as people write it: www/non-www, no slash, utm, deep links."""
    if deep and target.posts and rng.random() < 0.5:
        url = target.url(rng.choice(target.posts).path)
    elif rng.random() < 0.2:
        url = f"http://{target.alt_host}/"
    elif rng.random() < 0.15:
        url = target.home_url.rstrip("/")
    else:
        url = target.home_url
    if deep and rng.random() < 0.15:
        url += f"?utm_source={source.site}&utm_medium=referral"
    return url


def _site_of(url: str) -> str:
    return url.split("/")[2].removeprefix("www.")


def _add_roll(rng: Random, source: Blog, target: Blog) -> None:
    if target is source or any(_site_of(url) == target.site for url, _ in source.blogroll):
        return
    source.blogroll.append((link_url(rng, target, source), target.title))


def _add_content(rng: Random, source: Blog, target: Blog) -> None:
    if target is source or not source.posts:
        return
    post = rng.choice(source.posts)
    url = link_url(rng, target, source, deep=True)
    post.links.append((url, target.title))


def wire(rng: Random, groups: dict[str, list[Blog]]) -> None:
    """Create blogrolls and in-content links between the labelled groups."""
    seeds, partners, dead = groups["seed"], groups["partner"], groups["dead"]
    offtopic, hubs, shops = groups["offtopic"], groups["hub"], groups["shop"]
    n_hop1 = min(max(1, round(len(partners) * 0.5)), len(seeds) * 20)
    hop1, hop2 = partners[:n_hop1], partners[n_hop1:]
    for a in seeds:
        for b in seeds:
            _add_roll(rng, a, b)
    for p in hop1:
        _add_roll(rng, rng.choice(seeds), p)
    for s in seeds:
        for p in rng.sample(hop1, min(3, len(hop1))):
            _add_roll(rng, s, p)
    for p in hop2:
        _add_roll(rng, rng.choice(hop1), p)
    for p in partners:
        _add_roll(rng, p, rng.choice(seeds))
        for q in rng.sample(partners, min(len(partners), rng.randint(1, 4))):
            _add_roll(rng, p, q)
        for q in rng.sample(partners + seeds, min(len(partners), 2)):
            _add_content(rng, p, q)
    marketing = seeds + partners
    for d in dead:
        _add_roll(rng, rng.choice(seeds), d)
        for p in rng.sample(partners, min(len(partners), rng.randint(2, 3))):
            _add_roll(rng, p, d)
        for m in rng.sample(marketing, min(len(marketing), rng.randint(2, 4))):
            _add_roll(rng, d, m)
    for o in offtopic:
        _add_content(rng, rng.choice(marketing), o)
        if rng.random() < 0.5:
            _add_roll(rng, rng.choice(partners), o)
        for q in rng.sample(offtopic, min(len(offtopic), rng.randint(1, 3))):
            _add_roll(rng, o, q)
    for blog in seeds + partners + dead + offtopic:
        hub = rng.choice(hubs)
        if rng.random() < 0.8:
            _add_content(rng, blog, hub)
        if rng.random() < 0.4:
            _add_roll(rng, blog, hub)
    for hub in hubs:
        for q in rng.sample(offtopic + hubs, min(len(offtopic) + len(hubs), 4)):
            _add_roll(rng, hub, q)
    for shop in shops:
        for blog in rng.sample(partners + offtopic, rng.randint(1, 3)):
            _add_content(rng, blog, shop)


def _commenters(rng: Random, blog: Blog, groups: dict[str, list[Blog]]) -> list[Blog]:
    if blog.label in ("seed", "partner", "dead"):
        return groups["seed"] + groups["partner"] + groups["dead"]
    if blog.label == "offtopic":
        return groups["offtopic"]
    return groups["offtopic"] + groups["partner"]


def add_comments(rng: Random, groups: dict[str, list[Blog]], today: dt.date) -> None:
    """Reader comments on WordPress/Blogger posts; link farms spam a few of them."""
    n_texts = len(text.lang_vocab("de")["comment_texts"])
    for label in ("seed", "partner", "dead", "offtopic", "hub"):
        for blog in groups[label]:
            if blog.cms not in COMMENTING_CMS:
                continue
            pool = [b for b in _commenters(rng, blog, groups) if b is not blog]
            for post in blog.posts:
                for _ in range(rng.randint(0, 3)):
                    when = min(today, post.published + dt.timedelta(days=rng.randint(0, 10)))
                    if rng.random() < 0.3 or not pool:
                        first, last = text.person(rng, blog.lang)
                        post.comments.append(Comment(first, None, when, rng.randrange(n_texts)))
                    else:
                        who = rng.choice(pool)
                        name = who.author.split()[0] if rng.random() < 0.5 else who.author
                        url = link_url(rng, who, blog)
                        post.comments.append(Comment(name, url, when, rng.randrange(n_texts)))
    targets = [b for b in groups["seed"] + groups["partner"] if b.cms in COMMENTING_CMS and b.posts]
    for farm in groups["farm"]:
        for blog in rng.sample(targets, min(2, len(targets))):
            post = rng.choice(blog.posts)
            spam = text.stuffing(rng, farm.lang, 3).title()
            post.comments.append(Comment(spam, farm.home_url, post.published, rng.randrange(n_texts)))


def assign_roll_styles(rng: Random, blogs: list[Blog], seeds: list[Blog]) -> None:
    """Give every blog a blogroll markup variant, cycling so each variant appears."""
    counters: dict[str, int] = {}
    page_counter = 0
    for blog in blogs:
        headings = text.lang_vocab(blog.lang)["blogroll_headings"]
        blog.blogroll_heading = headings[rng.randrange(len(headings))]
        if blog.label in ("farm", "shop"):
            blog.blogroll_style = "none"
            continue
        if blog in seeds:
            style = SEED_ROLL_STYLES[seeds.index(blog)]
            if blog.cms == "blogger":
                style = "blogger_bloglist"
        else:
            styles = ROLL_STYLES[blog.cms]
            style = styles[counters.get(blog.cms, 0) % len(styles)]
            counters[blog.cms] = counters.get(blog.cms, 0) + 1
        blog.blogroll_style = style
        if style == "page":
            name = ROLL_PAGES[page_counter % len(ROLL_PAGES)]
            page_counter += 1
            blog.blogroll_path = f"/p/{name}.html" if blog.cms == "blogger" else f"/{name}/"
            blog.blogroll_heading = text.lang_vocab(blog.lang)["blogroll_page_titles"][name]
