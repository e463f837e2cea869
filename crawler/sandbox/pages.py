"""HTML pages of a generated blog (rendered on demand, deterministic per seed and path)."""

from __future__ import annotations

import hashlib
from html import escape
from random import Random

from crawler.sandbox import outreach, text, widgets
from crawler.sandbox.model import Blog, Post, iso

GENERATORS = {
    "wordpress": "WordPress 6.5.3",
    "blogger": "blogger",
    "ghost": "Ghost 5.82",
    "hugo": "Hugo 0.125.4",
    "woocommerce": "WooCommerce 8.9.1",
    "shopify": "Shopify",
}
FEED_TYPES = {"rss": "application/rss+xml", "atom": "application/atom+xml"}
LINK_SENTENCES = {
    "de": (
        "Lesetipp: {a}.",
        "Mehr dazu findet ihr bei {a}.",
        "Siehe auch {a}.",
        "Danke an {a} für die Inspiration.",
        "Sehr lesenswert dazu: {a}.",
    ),
    "en": (
        "Recommended reading: {a}.",
        "There is more on this over at {a}.",
        "See also {a}.",
        "Thanks to {a} for the inspiration.",
        "Well worth a read: {a}.",
    ),
}


class BlogPages:
    """Renders the pages of one blog for one request (the query matters for session ids)."""

    def __init__(
        self, blog: Blog, seed: int, path: str = "/", query: str = "", latest: dict[str, tuple[str, str]] | None = None
    ):
        self.blog, self.seed, self.path, self.query = blog, seed, path, query
        self.latest = latest or {}
        self.lang = blog.lang

    # -- helpers -------------------------------------------------------------------------

    def rng(self, key: str) -> Random:
        """Random generator for one piece of the page, stable across runs."""
        return Random(f"{self.seed}|{self.blog.site}|{key}")

    def href(self, path: str, *, utm: str = "") -> str:
        """Internal link: absolute (WordPress, Blogger, shops) or root-relative, maybe with sid/utm."""
        blog = self.blog
        url = path if blog.cms in ("ghost", "hugo") else blog.url(path)
        params = []
        if "sid" in blog.features:
            digest = hashlib.sha1(f"{self.path}?{self.query}|{path}".encode()).hexdigest()
            params.append(f"sid={digest[:16]}")
        if utm and "utm" in blog.features:
            params.append(f"utm_source={utm}&amp;utm_medium=internal")
        return url + ("?" + "&amp;".join(params) if params else "")

    def paragraphs(self, post: Post) -> list[str]:
        """Body paragraphs of a post (given text, or generated prose)."""
        if post.text is not None:
            return [p.strip() for p in post.text.split("\n\n") if p.strip()]
        rng = self.rng(f"post|{post.slug}")
        if self.blog.label == "farm":
            return [text.stuffing(rng, self.lang, post.words)]
        if self.blog.prose is not None:
            return self.blog.prose(rng, self.lang, post.words)
        return text.paragraphs(rng, self.blog.topic, self.lang, post.words)

    def excerpt(self, post: Post, words: int = 35) -> str:
        """First words of a post."""
        first = " ".join(self.paragraphs(post)).split()
        return " ".join(first[:words]) + (" …" if len(first) > words else "")

    def _nav(self) -> str:
        blog, ui = self.blog, (lambda k: text.ui(self.lang, k))
        items = [
            (self.href("/"), ui("home")),
            (self.href(blog.page_path("about")), ui("about")),
            (self.href(blog.page_path("contact")), ui("contact")),
        ]
        if blog.blogroll_style == "page":
            items.append((self.href(blog.blogroll_path), blog.blogroll_heading))
        cooperation = outreach.cooperation_page(blog)
        if cooperation:
            items.append((self.href(cooperation[0]), cooperation[1]))
        if "private" in blog.features:
            items.append((self.href(blog.page_path("private")), ui("private")))
        lis = "".join(f'<li><a href="{u}">{escape(t)}</a></li>' for u, t in items)
        return f'<nav id="site-navigation" class="main-navigation"><ul class="menu">{lis}</ul></nav>'

    def _sidebar(self) -> str:
        parts = [widgets.social_widget(self.blog), widgets.blogroll_widget(self.blog, self.latest)]
        if "calendar" in self.blog.features:
            today = self.blog.last_post
            parts.append(
                f'<section class="widget widget_calendar"><h3>{text.ui(self.lang, "calendar")}</h3>'
                f'<a href="{self.href(f"/kalender/{today.year}/{today.month:02d}/")}">'
                f"{text.ui(self.lang, 'archive')}</a></section>"
            )
        body = "\n".join(p for p in parts if p)
        return f'<aside id="secondary" class="widget-area sidebar">\n{body}\n</aside>'

    def layout(self, title: str, main: str, *, description: str = "", canonical: str = "") -> str:
        """Full HTML document around `main`."""
        blog = self.blog
        head = [
            '<meta charset="utf-8">',
            f"<title>{escape(title)}</title>",
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<meta name="description" content="{escape(description or blog.title)}">',
            f'<meta name="generator" content="{GENERATORS[blog.cms]}">',
        ]
        if canonical:
            head.append(f'<link rel="canonical" href="{escape(canonical)}">')
        if blog.feed_path:
            head.append(
                f'<link rel="alternate" type="{FEED_TYPES[blog.feed_format]}" '
                f'title="{escape(blog.title)} Feed" href="{blog.url(blog.feed_path)}">'
            )
        if blog.blogroll_style == "opml":
            head.append('<link rel="blogroll" type="text/x-opml" title="Blogroll" href="/blogroll.opml">')
        ui = lambda k: text.ui(self.lang, k)  # noqa: E731
        footer = [f'<a href="{self.href(blog.page_path("privacy"))}">{ui("privacy")}</a>']
        if self.lang == "de":
            footer.insert(0, f'<a href="{self.href(blog.page_path("imprint"))}">{ui("imprint")}</a>')
        year = blog.copyright_year or max(blog.last_post.year, blog.created.year)
        return (
            f'<!DOCTYPE html>\n<html lang="{self.lang}">\n<head>\n'
            + "\n".join(head)
            + f'\n</head>\n<body class="{blog.cms} {blog.label == "shop" and "shop" or "blog"}">\n'
            f'<header id="masthead" class="site-header"><p class="site-title">'
            f'<a href="{self.href("/")}" rel="home">{escape(blog.title)}</a></p>\n{self._nav()}</header>\n'
            f'<main id="main" class="site-main">\n{main}\n</main>\n{self._sidebar()}\n'
            f'<footer class="site-footer">{" | ".join(footer)} &copy; {year} {escape(blog.author)}'
            f"</footer>\n</body>\n</html>\n"
        )

    # -- pages ---------------------------------------------------------------------------

    def home(self) -> str:
        """Front page: the ten newest posts as h-entries."""
        blog = self.blog
        if blog.label == "shop":
            return self.shop_home()
        entries = []
        for post in blog.posts[:10]:
            link = self.href(post.path, utm="home")
            more = f'<a class="more-link" href="{link}">{text.ui(self.lang, "read_more")}</a>'
            if blog.template:
                entries.append(
                    self._plain_entry(
                        f'<h2><a href="{link}">{escape(post.title)}</a></h2>',
                        self.date_html(post),
                        f"<p>{escape(self.excerpt(post))}</p>{more}",
                    )
                )
                continue
            entries.append(
                f'<article class="post h-entry"><h2 class="entry-title p-name"><a class="u-url" '
                f'href="{link}" rel="bookmark">{escape(post.title)}</a></h2>\n'
                f"{self.date_html(post)}\n"
                f'<p class="entry-summary p-summary">{escape(self.excerpt(post))}</p>{more}</article>'
            )
        if blog.label == "farm":
            entries.append(self.farm_index())
        main = '<div class="h-feed">\n' + "\n".join(entries) + "\n</div>"
        description = text.sentence(self.rng("description"), blog.topic, self.lang)
        return self.layout(blog.title, main, description=description, canonical=blog.home_url)

    def post(self, post: Post) -> str:
        """A single post: h-entry article, in-content links, share buttons, comments."""
        blog = self.blog
        rng = self.rng(f"links|{post.slug}")
        body = self.paragraphs(post) or [""]
        extra: dict[int, list[str]] = {}
        for i, (url, anchor) in enumerate(post.links):
            frame = rng.choice(LINK_SENTENCES[self.lang])
            extra.setdefault(i % max(1, len(body)), []).append(
                frame.format(a=f'<a href="{escape(url)}">{escape(anchor)}</a>')
            )
        paras = []
        for j, para in enumerate(body):
            if j == 2 and post.text is None:
                sub = text.subheading(self.rng("sub|" + post.slug), blog.topic, self.lang)
                paras.append(f"<h2>{escape(sub)}</h2>")
            paras.append(f"<p>{escape(para)} {' '.join(extra.get(j, []))}</p>".replace(" </p>", "</p>"))
        url = blog.url(post.path)
        older = self._older(post)
        if blog.template:
            article = self._plain_entry(
                f"<h1>{escape(post.title)}</h1>",
                self.date_html(post),
                "\n".join(paras) + widgets.share_buttons(blog, url, post.title),
            )
            main = article + older + widgets.comments_html(blog, post.comments)
            return self.layout(f"{post.title} – {blog.title}", main, description=self.excerpt(post, 25), canonical=url)
        day = self.date_html(post)
        article = (
            f'<article class="post type-post hentry h-entry"><header class="entry-header">'
            f'<h1 class="entry-title p-name">{escape(post.title)}</h1>\n<div class="entry-meta">'
            f'{text.ui(self.lang, "posted")} <a class="u-url" href="{url}" rel="bookmark">{day}</a> '
            f'{text.ui(self.lang, "by")} <span class="author vcard p-author h-card"><a class="url fn n" '
            f'href="{self.href(blog.page_path("about"))}">{escape(blog.author)}</a></span></div></header>\n'
            f'<div class="entry-content e-content">\n' + "\n".join(paras) + "\n</div>\n"
            f'<footer class="entry-footer">{widgets.share_buttons(blog, url, post.title)}</footer></article>'
        )
        main = article + older + widgets.comments_html(blog, post.comments)
        return self.layout(f"{post.title} – {blog.title}", main, description=self.excerpt(post, 25), canonical=url)

    def date_html(self, post: Post) -> str:
        """A post's date as the blog writes it: `<time datetime>` or only as text (hard worlds)."""
        day, style = post.published, self.blog.date_style
        if not style:
            return (
                f'<time class="entry-date published dt-published" datetime="{iso(day)}">'
                f"{text.format_date(day, self.lang)}</time>"
            )
        if style == "time_text":
            return f'<time class="entry-date">{text.format_date(day, self.lang)}</time>'
        if style == "numeric":
            return f'<span class="elementor-post-info__item--type-date">{day.day:02d}.{day.month:02d}.{day.year}</span>'
        if self.lang == "de":
            return f'<p class="post-meta">Veröffentlicht am {text.format_date(day, self.lang)}</p>'
        month = text.lang_vocab("en")["months"][day.month - 1]
        return f'<p class="post-meta">Posted on {month} {day.day}, {day.year}</p>'

    def _plain_entry(self, heading: str, day: str, body: str) -> str:
        """A post without microformats: semantic `<article>` or a page builder's nested divs."""
        if self.blog.template == "article":
            return f'<article class="post">{heading}\n{day}\n<section>{body}</section></article>'
        return (
            '<div class="elementor-section"><div class="elementor-container"><div class="elementor-column">'
            f'<div class="elementor-widget-wrap"><div class="elementor-widget-container">{heading}</div>'
            f'<div class="elementor-post-info">{day}</div>'
            f'<div class="elementor-widget-container">{body}</div></div></div></div></div>'
        )

    def _older(self, post: Post) -> str:
        posts = self.blog.posts
        idx = posts.index(post)
        if idx + 1 >= len(posts) or self.blog.label == "shop":
            return ""
        prev = posts[idx + 1]
        return (
            f'<nav class="post-navigation"><a href="{self.href(prev.path)}" rel="prev">'
            f"{text.ui(self.lang, 'older')}: {escape(prev.title)}</a></nav>"
        )

    def static(self, name: str) -> str:
        """About, contact, imprint, privacy or private page."""
        blog, rng = self.blog, self.rng(f"static|{name}")
        title = text.ui(self.lang, name if name != "private" else "private")
        paras: list[str] = []
        if name == "about":
            a, b = rng.sample(text.topic_terms(blog.topic, self.lang), 2)
            for frame in text.lang_vocab(self.lang)["about_templates"]:
                paras.append(
                    escape(
                        frame.format(
                            name=blog.author, year=blog.created.year, a=a, b=b, city=blog.address[1].split(" ", 1)[1]
                        )
                    )
                )
            paras.append(f'<a href="{self.href(blog.page_path("contact"))}">{text.ui(self.lang, "contact")}</a>')
        elif name == "contact":
            paras = [escape(t) for t in text.lang_vocab(self.lang)["contact_templates"]]
            paras.append("E-Mail: " + widgets.obfuscated_email(blog.emails[0], blog.email_style))
        elif name == "imprint":
            paras = outreach.imprint_paragraphs(blog, widgets.obfuscated_email(blog.emails[0], blog.email_style))
        elif name == "privacy":
            paras = [escape(text.sentence(rng, blog.topic, self.lang))]
        else:
            paras = [escape(s) for s in text.paragraphs(rng, blog.topic, self.lang, 60)]
        main = (
            f'<article class="page"><h1 class="entry-title">{escape(title)}</h1>\n'
            + "\n".join(f"<p>{p}</p>" for p in paras)
            + "</article>"
        )
        return self.layout(f"{title} – {blog.title}", main, canonical=blog.url(blog.page_path(name)))

    def cooperation(self) -> str:
        """The blog's page for cooperations (see `crawler.sandbox.outreach`)."""
        page = outreach.cooperation_page(self.blog)
        return self.layout(f"{page[2] if page else ''} – {self.blog.title}", outreach.cooperation_main(self.blog))

    def blogroll_page(self) -> str:
        """The separate blogroll/links/partner page."""
        blog = self.blog
        intro = escape(text.sentence(self.rng("rollpage"), blog.topic, self.lang))
        main = (
            f'<article class="page"><h1 class="entry-title">{escape(blog.blogroll_heading)}</h1>'
            f"<p>{intro}</p>\n{widgets.blogroll_page_list(blog.blogroll)}</article>"
        )
        return self.layout(f"{blog.blogroll_heading} – {blog.title}", main)

    def calendar(self, year: int, month: int) -> str:
        """Month archive that links the previous and next month forever."""
        prev_y, prev_m = (year, month - 1) if month > 1 else (year - 1, 12)
        next_y, next_m = (year, month + 1) if month < 12 else (year + 1, 1)
        posts = [p for p in self.blog.posts if (p.published.year, p.published.month) == (year, month)]
        items = "".join(f'<li><a href="{self.href(p.path)}">{escape(p.title)}</a></li>' for p in posts)
        listing = f"<ul>{items}</ul>" if items else f"<p>{text.ui(self.lang, 'no_posts')}</p>"
        month_name = text.lang_vocab(self.lang)["months"][month - 1]
        main = (
            f"<h1>{text.ui(self.lang, 'archive')}: {month_name} {year}</h1>{listing}\n"
            f'<nav class="calendar-nav"><a href="{self.href(f"/kalender/{prev_y}/{prev_m:02d}/")}" '
            f'rel="prev">{text.ui(self.lang, "prev_month")}</a> '
            f'<a href="{self.href(f"/kalender/{next_y}/{next_m:02d}/")}" rel="next">'
            f"{text.ui(self.lang, 'next_month')}</a></nav>"
        )
        return self.layout(f"{month_name} {year} – {self.blog.title}", main)

    def not_found(self) -> str:
        """The blog's 404 page."""
        title = "Seite nicht gefunden" if self.lang == "de" else "Page not found"
        return self.layout(f"{title} – {self.blog.title}", f"<h1>{title}</h1>")

    # -- shops and link farms ---------------------------------------------------------------

    def shop_home(self) -> str:
        """Shop front page: products with prices and cart buttons."""
        blog, ui = self.blog, (lambda k: text.ui(self.lang, k))
        items = "".join(
            f'<li class="product"><a href="{self.href(p.path)}">{escape(p.title)}</a> '
            f'<span class="price">{self.price(p)}</span> <a class="button add_to_cart_button" '
            f'href="{self.href(self.cart_path())}?add-to-cart={i}">{ui("add_to_cart")}</a></li>'
            for i, p in enumerate(blog.posts, start=100)
        )
        main = (
            f'<h1>{ui("new_products")}</h1><ul class="products">{items}</ul>'
            f'<p>{ui("shipping")}</p><a class="cart-contents" href="{self.href(self.cart_path())}">'
            f"{ui('cart')} (0)</a>"
        )
        return self.layout(blog.title, main, description=ui("shipping"), canonical=blog.home_url)

    def product(self, post: Post) -> str:
        """Shop product page."""
        ui = lambda k: text.ui(self.lang, k)  # noqa: E731
        desc = " ".join(text.paragraphs(self.rng(f"product|{post.slug}"), "shop", self.lang, post.words))
        main = (
            f'<div class="product"><h1 class="product_title">{escape(post.title)}</h1>'
            f'<p class="price">{self.price(post)}</p><p>{escape(desc)}</p>'
            f'<form class="cart" method="post"><button type="submit" name="add-to-cart">'
            f"{ui('add_to_cart')}</button></form>"
            f'<a href="{self.href(self.cart_path())}">{ui("cart")}</a></div>'
        )
        return self.layout(f"{post.title} – {self.blog.title}", main)

    def cart(self) -> str:
        """Empty shopping cart page."""
        ui = text.ui(self.lang, "cart")
        return self.layout(f"{ui} – {self.blog.title}", f"<h1>{ui}</h1><p>0</p>")

    def cart_path(self) -> str:
        return "/warenkorb/" if self.lang == "de" else "/cart/"

    def price(self, post: Post) -> str:
        fmt = text.ui(self.lang, "price_fmt")
        return escape(fmt.format(euros=post.price_cents // 100, cents=f"{post.price_cents % 100:02d}"))

    def farm_index(self) -> str:
        """Links from a farm's home page to its link pages."""
        word = "seite" if self.lang == "de" else "page"
        return (
            "<ul>"
            + "".join(f'<li><a href="{self.href(f"/{word}/{k}/")}">{word.title()} {k}</a></li>' for k in range(1, 6))
            + "</ul>"
        )

    def farm_page(self, number: int, targets: list[str]) -> str:
        """A link farm page: thin stuffed text and hundreds of outgoing links."""
        rng = self.rng(f"farm|{number}")
        items = "\n".join(
            f'<li><a href="{escape(u)}">{escape(text.stuffing(rng, self.lang, 3))}</a></li>' for u in targets
        )
        main = (
            f"<h1>{escape(text.stuffing(rng, self.lang, 4).title())}</h1>"
            f'<p>{escape(text.stuffing(rng, self.lang, 40))}</p>\n<ul class="links">\n{items}\n</ul>'
        )
        return self.layout(f"{text.stuffing(rng, self.lang, 3)} – {self.blog.title}", main)
