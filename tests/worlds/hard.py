"""Hard worlds: a blogosphere where no single signal finds the partners.

Labels and what a careful reader sees on the pages:

- ``partner`` (core, gain 2): social-media or online-marketing blogs, active; some thin (2–3
  short posts), some posting monthly, some without a feed and with dates only in their text.
- ``adjacent`` (gain 1): content marketing or online PR, active, linked by seeds and partners.
- ``near`` (gain 0): SEO or e-commerce blogs, active, linked by the seeds like friends.
- ``lifestyle`` (gain 0): lifestyle blogs full of "Instagram" and "Influencer".
- ``offtopic`` (gain 0): some with long posts that mention marketing in passing.
- ``dead`` (gain 0): on topic, well linked, last post years ago, yet this year's copyright and
  recent comment dates.
- ``copy`` (gain 0): a link network republishing spun copies of the seeds' posts, dated today,
  linking mostly to itself, in one seed's blogroll and its comment sections.
- ``hub`` (gain 0): the popular off-topic magazine everybody links; ``farm`` and ``shop`` as in
  the easy worlds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from random import Random

from crawler.sandbox import build, text, wiring
from crawler.sandbox.model import Blog, Comment, Post
from crawler.sandbox.pages import BlogPages
from crawler.sandbox.world import LANGS, World, generate_world

from . import hardtext
from .hardvocab import EXTRA_TOPICS

HARD_LABELS = ("adjacent", "near", "lifestyle", "copy")
"""Labels found only in hard worlds."""
GAINS = {"partner": 2, "adjacent": 1}
"""Graded relevance of hard-world labels; every other label is worth 0."""

HARD_ORDER = ("seed", "partner", "adjacent", "near", "lifestyle", "offtopic", "dead", "copy", "hub", "farm", "shop")
CORE = ("social", "online")
_DATE_STYLES = ("time_text", "numeric", "long")


def generate_hard_world(
    seed: int = 0, n_blogs: int = 40, langs: tuple[str, ...] = LANGS, today: dt.date | None = None
) -> World:
    """A hard world: `crawler.sandbox.generate_world` with `HardPlan` (at least 30 blogs).

    >>> world = generate_hard_world(seed=5, n_blogs=30, today=dt.date(2026, 3, 1))
    >>> sorted(set(world.truth.values()) & set(HARD_LABELS))
    ['adjacent', 'copy', 'lifestyle', 'near']
    """
    return generate_world(seed, n_blogs, langs, today, plan=HardPlan())


class HardPlan:
    """Blogs and links of a hard world (a `crawler.sandbox.world.Plan`): labels of `HARD_ORDER`."""

    order = HARD_ORDER

    def groups(
        self, rng: Random, n_blogs: int, langs: tuple[str, ...], today: dt.date, taken: set[str], seed: int
    ) -> dict[str, list[Blog]]:
        """The labelled blogs, the copy network already filled with the seeds' spun posts."""
        text.add_topics(EXTRA_TOPICS)
        groups = make_hard_groups(rng, n_blogs, langs, today, taken)
        copy_seed_posts(rng, groups, today, seed)
        return groups

    def wire(self, rng: Random, groups: dict[str, list[Blog]], blogs: list[Blog], today: dt.date) -> None:
        """Page-builder blogs show their blogroll the builder's way; then `wire_hard`."""
        for blog in blogs:
            if blog.template == "builder" and blog.blogroll_style != "none":
                blog.blogroll_style = "builder"
        wire_hard(rng, groups, today)


@dataclass(frozen=True)
class MixedProse:
    """A blog's prose blending the topics of `mix` by weight (see `hardtext.mixed_paragraphs`)."""

    mix: dict[str, float]

    def __call__(self, rng: Random, lang: str, words: int) -> list[str]:
        return hardtext.mixed_paragraphs(rng, self.mix, lang, words)


def hard_counts(n_blogs: int) -> dict[str, int]:
    """How many blogs get each label in a hard world (partners take the rest)."""
    if n_blogs < 30:
        raise ValueError("a hard world needs at least 30 blogs")
    counts = {
        "seed": 4,
        "adjacent": round(n_blogs * 0.12),
        "near": round(n_blogs * 0.1),
        "lifestyle": round(n_blogs * 0.07),
        "offtopic": round(n_blogs * 0.12),
        "dead": round(n_blogs * 0.1),
        "copy": max(3, round(n_blogs * 0.07)),
        "hub": 1,
        "farm": 2,
        "shop": 1,
    }
    counts["partner"] = n_blogs - sum(counts.values())
    return counts


def _topic_and_mix(rng: Random, label: str, index: int) -> tuple[str, dict[str, float]]:
    if label == "seed":  # both core topics in both languages (seed languages alternate)
        topic = CORE[index // 2 % 2]
        return topic, {topic: 0.85, CORE[(index // 2 + 1) % 2]: 0.15}
    if label in ("partner", "dead", "copy"):
        topic = CORE[index % 2]
        return topic, {topic: 0.85, CORE[(index + 1) % 2]: 0.15}
    if label == "adjacent":
        topic = ("content", "pr")[index % 2]
        return topic, {topic: 0.75, rng.choice(CORE): 0.25}
    if label == "near":
        topic = ("seo", "ecommerce")[index % 2]
        return topic, {topic: 0.8, "online": 0.2}
    if label == "lifestyle":
        return "lifestyle", {"lifestyle": 0.6, "social": 0.4}
    if label == "offtopic":
        topic = text.OFFTOPIC_TOPICS[index % len(text.OFFTOPIC_TOPICS)]
        return topic, {topic: 0.95, "passing": 0.05}
    return {"hub": "lifestyle", "farm": "seo", "shop": "shop"}[label], {}


def _dates(rng: Random, today: dt.date, count: int, newest_days: tuple[int, int], gap: tuple[int, int]) -> list:
    day = today - dt.timedelta(days=rng.randint(*newest_days))
    out = [day]
    for _ in range(count - 1):
        day -= dt.timedelta(days=rng.randint(*gap))
        out.append(day)
    return out


def _repost(blog: Blog, rng: Random, days: list[dt.date], words: tuple[int, int]) -> None:
    """Replace a blog's posts by ``len(days)`` posts on those dates of about ``words`` words."""
    blog.posts.clear()
    seen: set[str] = set()
    for day in days:
        title = text.title(rng, blog.topic, blog.lang, day.year)
        slug = text.slugify(title)
        while slug in seen:
            slug += "-2"
        seen.add(slug)
        blog.posts.append(Post(title, slug, build.post_path(blog, slug, day), day, rng.randint(*words)))
    blog.created = min(blog.created, days[-1] - dt.timedelta(days=rng.randint(30, 400)))


def _feedless(blog: Blog, rng: Random, index: int) -> None:
    """No feed, no microformats, no dated permalinks: dates only in the text of the pages."""
    blog.feed_format = None
    blog.cms = ("ghost", "hugo")[index % 2]
    blog.template = ("article", "builder")[index % 2]
    blog.date_style = rng.choice(_DATE_STYLES)
    for post in blog.posts:
        post.path = build.post_path(blog, post.slug, post.published)


def _shape(rng: Random, blog: Blog, label: str, index: int, today: dt.date) -> None:
    """Give a blog its hard-world character: posting rhythm, template, dates, traps."""
    if label == "partner":
        if index % 4 == 1:  # thin genuine partner
            _repost(blog, rng, _dates(rng, today, rng.randint(2, 3), (3, 40), (10, 40)), (120, 200))
        elif index % 4 == 2:  # monthly poster
            _repost(blog, rng, _dates(rng, today, rng.randint(4, 6), (5, 30), (27, 34)), (250, 450))
        if index % 3 == 0:
            _feedless(blog, rng, index)
    elif label == "dead":
        blog.copyright_year = today.year
        if index % 2 == 0:
            _feedless(blog, rng, index)
    elif label == "offtopic" and index % 2 == 0:  # long posts that mention marketing in passing
        for post in blog.posts:
            post.words = rng.randint(900, 1500)
    elif label in ("adjacent", "near") and index % 3 == 2:
        _feedless(blog, rng, index)
    elif label == "lifestyle":
        blog.template = "builder"
    if blog.cms == "wordpress" and not blog.template and index % 3 == 1 and label not in ("farm", "shop"):
        blog.template = "builder"


def make_hard_groups(
    rng: Random, n_blogs: int, langs: tuple[str, ...], today: dt.date, taken: set[str]
) -> dict[str, list[Blog]]:
    """Generate the labelled blogs of a hard world (no links yet), by label."""
    counts = hard_counts(n_blogs)
    groups: dict[str, list[Blog]] = {label: [] for label in HARD_ORDER}
    for label in HARD_ORDER:
        for i in range(counts[label]):
            lang = langs[i % len(langs)] if label == "seed" else build.pick_lang(rng, langs)
            topic, mix = _topic_and_mix(rng, label, i)
            blog = build.make_blog(rng, label=label, topic=topic, lang=lang, index=i, today=today, taken=taken)
            blog.prose = MixedProse(mix) if mix else None
            _shape(rng, blog, label, i, today)
            groups[label].append(blog)
    return groups


def copy_seed_posts(rng: Random, groups: dict[str, list[Blog]], today: dt.date, seed: int) -> None:
    """Fill the copy network's posts with spun copies of the seeds' posts, dated this week."""
    sources = [(s, p) for s in groups["seed"] for p in s.posts]
    for n, blog in enumerate(groups["copy"]):
        blog.posts.clear()
        same_lang = [(s, p) for s, p in sources if s.lang == blog.lang] or sources
        picked = rng.sample(same_lang, min(len(same_lang), rng.randint(4, 6)))
        for k, (source, post) in enumerate(picked):
            day = today - dt.timedelta(days=rng.randint(0, 6) + 7 * k)
            paragraphs = BlogPages(source, seed).paragraphs(post)
            slug = f"{post.slug}-{n}"
            blog.posts.append(
                Post(
                    post.title,
                    slug,
                    build.post_path(blog, slug, day),
                    day,
                    post.words,
                    text=hardtext.spin(rng, paragraphs, blog.lang),
                )
            )
        blog.posts.sort(key=lambda p: p.published, reverse=True)


def wire_hard(rng: Random, groups: dict[str, list[Blog]], today: dt.date) -> None:
    """Links of a hard world: near misses linked like friends, partners at two hops, a copy ring."""
    roll, content = wiring._add_roll, wiring._add_content
    seeds, partners, adjacent, near = groups["seed"], groups["partner"], groups["adjacent"], groups["near"]
    lifestyle, offtopic, dead, copies = groups["lifestyle"], groups["offtopic"], groups["dead"], groups["copy"]
    hubs, shops = groups["hub"], groups["shop"]
    hop1, hop2 = partners[: len(partners) * 2 // 3], partners[len(partners) * 2 // 3 :]
    for a in seeds:
        for b in seeds:
            roll(rng, a, b)
    for p in hop1:
        roll(rng, rng.choice(seeds), p)
    for p in hop2:
        roll(rng, rng.choice(hop1), p)
    for p in partners:
        roll(rng, p, rng.choice(seeds))
        for q in rng.sample(partners, 3):
            roll(rng, p, q)
        content(rng, p, rng.choice(partners + seeds))
        if rng.random() < 0.5:  # off-topic friends in the blogroll
            roll(rng, p, rng.choice(offtopic + lifestyle))
    for group, per_seed in ((adjacent, 0.5), (near, 0.8), (dead, 0.9)):
        for b in group:
            if rng.random() < per_seed:
                roll(rng, rng.choice(seeds), b)
            for p in rng.sample(partners, rng.randint(1, 3)):
                roll(rng, p, b)
            roll(rng, b, rng.choice(seeds))
            for q in rng.sample(group, min(2, len(group))):
                roll(rng, b, q)
    for b in lifestyle + offtopic:
        for q in rng.sample(lifestyle + offtopic, 3):
            roll(rng, b, q)
        if rng.random() < 0.5:
            roll(rng, b, rng.choice(partners))
    everyone = seeds + partners + adjacent + near + lifestyle + offtopic + dead
    for blog in everyone:  # the popular magazine
        if rng.random() < 0.85:
            content(rng, blog, hubs[0])
        if rng.random() < 0.5:
            roll(rng, blog, hubs[0])
    for hub in hubs:
        for q in rng.sample(lifestyle + offtopic, 4):
            roll(rng, hub, q)
    for c in copies:  # the ring: every copy links every other, and the seeds
        for d in copies:
            roll(rng, c, d)
            content(rng, c, d)
        for s in seeds:
            content(rng, c, s)
    roll(rng, seeds[0], copies[0])
    for shop in shops:
        content(rng, rng.choice(partners), shop)
    _comments(rng, groups, today)


def _comments(rng: Random, groups: dict[str, list[Blog]], today: dt.date) -> None:
    """Readers' comments; recent ones on dead blogs' old posts; the copy ring spams the seeds."""
    n_texts = len(text.lang_vocab("de")["comment_texts"])
    marketing = groups["seed"] + groups["partner"] + groups["adjacent"]
    for label in ("seed", "partner", "adjacent", "near", "dead"):
        for blog in groups[label]:
            if blog.cms not in wiring.COMMENTING_CMS:
                continue
            pool = [b for b in marketing if b is not blog]
            for post in blog.posts:
                for _ in range(rng.randint(0, 2)):
                    if label == "dead":
                        when = today - dt.timedelta(days=rng.randint(1, 20))
                    else:
                        when = min(today, post.published + dt.timedelta(days=rng.randint(0, 10)))
                    who = rng.choice(pool)
                    post.comments.append(
                        Comment(who.author, wiring.link_url(rng, who, blog), when, rng.randrange(n_texts))
                    )
    for seed in groups["seed"]:
        for post in seed.posts[:4]:
            who = rng.choice(groups["copy"])
            post.comments.append(Comment(who.author, who.home_url, post.published, rng.randrange(n_texts)))
